"""`python -m etl build`: build the database from the data embedded in data/.

Idempotent: it re-applies the schema (Database.writer applies it, upgrading a file of an
older release in place) and replaces every embedded table's embedded rows,
so running it twice gives the same database. Rows that came from uploads (upload_id set)
are kept; `--no-sample` removes the generated sample.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from waspada import reference
from waspada.db import Database
from waspada.i18n import DEFAULT_LANG, fmt_number, t
from waspada.ingest import parse_incident_file
from waspada.ingest.store import insert_incidents, record_upload
from waspada.risk.alerts import refresh_alerts_after_load
from waspada.paths import GENERATED_DIR, REFERENCE_DIR

SAMPLE_INCIDENTS = GENERATED_DIR / "insiden_contoh_generated.csv"
TPS_SOURCE = "KPU, daftar TPS Pemilu 14 Februari 2024 (kawalpemilu/kp24 tps2.json, 2024-02-10)"
IKP_SOURCE = "Bawaslu, IKP 2024 (peluncuran 16 Desember 2022), menurut pemberitaan pers"
GENERATED_SOURCE = "Dibangkitkan (bukan angka resmi): etl/generate_sample.py"


def build_database(db_path: Path | str, sample: bool = True) -> dict[str, int]:
    """Build or refresh the database at db_path; returns row counts per table."""
    db = Database(db_path)
    now = datetime.now(timezone.utc)
    with db.writer(create=True) as con:
        sources: list[dict] = []
        _load_reference(con, sources)
        _load_kpu(con, sources, sample)
        _load_ikp(con, sources)
        _load_violations(con, sources, sample)
        _load_sample_incidents(con, sources, sample)
        if not sample:
            # Alerts raised by the removed sample must go; those of uploads are raised again
            # below (their first-raised time restarts, which only --no-sample does).
            con.execute("DELETE FROM alerts")
        refresh_alerts_after_load(con)  # idempotent: stored alerts keep their created_at
        con.execute("DELETE FROM data_sources")
        for s in sources:
            con.execute(
                "INSERT INTO data_sources VALUES (?, ?, ?, ?, ?, ?)",
                [s["dataset"], s["description"], s["origin"], s["generated"], s["rows"], now],
            )
        counts = {
            table: con.execute("SELECT count(*) FROM " + table).fetchone()[0]
            for table in ("regions", "election_phases", "contests", "kpu_figures", "ikp_scores",
                          "violations", "incidents", "uploads")
        }
    return counts


# Identifiers cannot be SQL parameters; these are the only tables build rewrites.
_EMBEDDED_TABLES = frozenset({"regions", "phases", "elections", "election_stages", "election_phases",
                              "incident_categories", "violation_types", "contests", "kpu_figures",
                              "ikp_scores", "violations", "incidents"})
_EMBEDDED_ROWS = {"": "", "upload_id": " WHERE upload_id IS NULL"}


def _replace(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame, keep: str = "") -> None:
    """Delete the embedded rows of `table` (all rows, or with keep='upload_id' those not
    from an upload) and insert df. Column names come from our own DataFrames."""
    if table not in _EMBEDDED_TABLES:
        raise ValueError(table)
    con.execute("DELETE FROM " + table + _EMBEDDED_ROWS[keep])
    if df is None:
        return
    con.register("_frame", df)
    cols = ", ".join(df.columns)
    con.execute("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM _frame ON CONFLICT DO NOTHING")
    con.unregister("_frame")


def _source(sources, dataset, description, origin, generated, rows):
    sources.append({"dataset": dataset, "description": description, "origin": origin,
                    "generated": generated, "rows": int(rows)})


def _load_reference(con, sources) -> None:
    regions = reference.regions()
    _replace(con, "regions", regions)
    _source(sources, "regions", "Kode dan nama wilayah Kemendagri (provinsi, kabupaten/kota, kecamatan), titik tengah, penduduk",
            "Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah dan cahyadsn/wilayah_boundaries (data/reference/SOURCES.md)",
            False, len(regions))
    _replace(con, "phases", reference.phases()[["phase", "phase_order", "name_id", "name_en"]])
    _replace(con, "elections", reference.ELECTIONS)
    stages = reference.election_stages()
    _replace(con, "election_stages", stages)
    _replace(con, "election_phases", reference.phase_periods(stages))
    _source(sources, "election_stages", "Tahapan dan jadwal Pilkada Serentak 2024",
            "PKPU Nomor 2 Tahun 2024 dan pengumuman KPU/MK (data/reference/PILKADA2024_TAHAPAN.md)", False, len(stages))
    _replace(con, "incident_categories", reference.incident_categories()[["category", "name_id", "name_en"]])
    _replace(con, "violation_types", reference.violation_types())
    _replace(con, "contests", _contests(regions))
    _source(sources, "contests", "Pemilihan per wilayah: gubernur di 37 provinsi, bupati/wali kota di 508 kabupaten/kota",
            "PILKADA2024_TAHAPAN.md (semua provinsi kecuali DIY; semua kab/kota kecuali wilayah administrasi DKI Jakarta)",
            False, 545)


def _contests(regions: pd.DataFrame) -> pd.DataFrame:
    """Pilkada 2024 races: every province but DI Yogyakarta (its governor is not elected),
    every kabupaten/kota but the administrative areas of DKI Jakarta."""
    prov = regions[(regions["level"] == "provinsi") & (regions["code"] != "34")]
    kab = regions[(regions["level"] == "kabupaten_kota") & regions["kind"].isin(["kabupaten", "kota"])]
    return pd.DataFrame(
        {
            "election_id": reference.DEFAULT_ELECTION_ID,
            "region_code": pd.concat([prov["code"], kab["code"]]).to_numpy(),
            "race": ["gubernur"] * len(prov) + ["walikota" if k == "kota" else "bupati" for k in kab["kind"]],
            "note": None,
        }
    )


def _load_kpu(con, sources, sample: bool) -> None:
    tps_kab = pd.read_csv(REFERENCE_DIR / "pemilu2024_tps_kabkota.csv", dtype={"kode_kabkota": str, "kode_prov": str})
    tps_kec = pd.read_csv(REFERENCE_DIR / "pemilu2024_tps_kecamatan.csv", dtype={"kode_kec": str})
    kec_codes = set(reference.regions().query("level == 'kecamatan'")["code"])
    tps_kec["code"] = tps_kec["kode_kec"].map(reference.dotted)
    tps_kec = tps_kec[tps_kec["code"].isin(kec_codes)]
    tps_prov = tps_kab.groupby("kode_prov", as_index=False)["n_tps_total"].sum()
    tps = pd.concat(
        [
            pd.DataFrame({"region_code": tps_prov["kode_prov"], "value": tps_prov["n_tps_total"]}),
            pd.DataFrame({"region_code": tps_kab["kode_kabkota"].map(reference.dotted), "value": tps_kab["n_tps_total"]}),
            pd.DataFrame({"region_code": tps_kec["code"], "value": tps_kec["n_tps_total"]}),
        ]
    )
    frames = [tps.assign(figure="tps", of_election="pemilu2024", source=TPS_SOURCE, generated=False)]
    dpt = pd.read_csv(GENERATED_DIR / "dpt_perkiraan_generated.csv", dtype={"kode_wilayah": str})
    frames.append(pd.DataFrame({"region_code": dpt["kode_wilayah"], "value": dpt["dpt"], "figure": "dpt",
                                "of_election": reference.DEFAULT_ELECTION_ID, "generated": True,
                                "source": "Perkiraan: penduduk × (203 juta DPT / 284.973.643 penduduk); " + GENERATED_SOURCE}))
    if sample:
        paslon = pd.read_csv(GENERATED_DIR / "paslon_contoh_generated.csv", dtype={"kode_wilayah": str})
        frames.append(pd.DataFrame({"region_code": paslon["kode_wilayah"], "value": paslon["paslon"], "figure": "paslon",
                                    "of_election": reference.DEFAULT_ELECTION_ID, "generated": True, "source": GENERATED_SOURCE}))
    kpu = pd.concat(frames, ignore_index=True)[["region_code", "figure", "value", "of_election", "source", "generated"]]
    _replace(con, "kpu_figures", kpu, "upload_id")
    _source(sources, "kpu_tps", "Jumlah TPS per provinsi, kabupaten/kota dan kecamatan (Pemilu 2024, bukan Pilkada)",
            TPS_SOURCE, False, len(tps))
    _source(sources, "kpu_dpt", "DPT per wilayah: PERKIRAAN dari jumlah penduduk (angka KPU per wilayah tidak tersedia)",
            GENERATED_SOURCE, True, len(dpt))
    if sample:
        _source(sources, "kpu_paslon", "Jumlah pasangan calon di provinsi contoh (dibangkitkan)", GENERATED_SOURCE, True,
                len(frames[-1]))


def _load_ikp(con, sources) -> None:
    regions = reference.regions()
    prov = pd.read_csv(REFERENCE_DIR / "bawaslu_ikp2024_provinsi.csv", dtype={"kode_prov": str}).dropna(subset=["ikp_2024"])
    kab = pd.read_csv(REFERENCE_DIR / "bawaslu_ikp2024_kabkota_top.csv")
    code_by_name = regions[regions["level"] == "kabupaten_kota"].set_index("name")["code"]
    unknown = set(kab["nama"]) - set(code_by_name.index)
    if unknown:
        raise ValueError(f"IKP kab/kota tanpa kode wilayah: {sorted(unknown)}")
    real = pd.concat(
        [
            pd.DataFrame({"region_code": prov["kode_prov"], "score": prov["ikp_2024"], "level": "provinsi"}),
            pd.DataFrame({"region_code": kab["nama"].map(code_by_name), "score": kab["ikp_2024"], "level": "kabupaten_kota"}),
        ]
    ).assign(dimension="total", source=IKP_SOURCE, generated=False)
    standin = pd.read_csv(GENERATED_DIR / "ikp2024_pengganti_generated.csv", dtype={"kode_wilayah": str})
    standin = pd.DataFrame({"region_code": standin["kode_wilayah"], "score": standin["skor"], "dimension": standin["dimensi"]})
    standin["level"] = standin["region_code"].map(lambda c: "provinsi" if len(c) == 2 else "kabupaten_kota")
    standin = standin.assign(source="Pengganti IKP (dibangkitkan, bukan angka Bawaslu): etl/generate_sample.py", generated=True)
    ikp = pd.concat([real, standin], ignore_index=True)
    ikp["category"] = [reference.ikp_category(s, lvl) for s, lvl in zip(ikp["score"], ikp["level"])]
    ikp["edition"] = "ikp2024"
    _replace(con, "ikp_scores", ikp[["edition", "region_code", "dimension", "score", "category", "source", "generated"]],
             "upload_id")
    _source(sources, "ikp_real", "IKP 2024: skor total 34 provinsi dan 10 kabupaten/kota paling rawan", IKP_SOURCE, False, len(real))
    _source(sources, "ikp_standin", "IKP 2024 pengganti: skor kab/kota lain, 4 provinsi baru, dan semua dimensi",
            GENERATED_SOURCE, True, len(standin))


def _load_violations(con, sources, sample: bool) -> None:
    if not sample:
        _replace(con, "violations", None, "upload_id")
        return
    v = pd.read_csv(GENERATED_DIR / "pelanggaran_contoh_generated.csv", dtype={"kode_wilayah": str})
    df = pd.DataFrame({"election_id": reference.DEFAULT_ELECTION_ID, "region_code": v["kode_wilayah"], "phase": v["tahapan"],
                       "violation_type": v["jenis_pelanggaran"], "reports": v["jumlah"],
                       "reported_on": pd.to_datetime(v["tanggal"]).dt.date, "source": GENERATED_SOURCE, "generated": True})
    _replace(con, "violations", df, "upload_id")
    _source(sources, "violations_sample", "Jumlah pelanggaran per wilayah, tahapan dan jenis (contoh dibangkitkan)",
            GENERATED_SOURCE, True, len(df))


def _load_sample_incidents(con, sources, sample: bool) -> None:
    """The generated sample goes through the same parser as every staff file."""
    con.execute("DELETE FROM incidents WHERE generated")
    con.execute("DELETE FROM uploads WHERE kind = 'sample'")
    if not sample:
        return
    report = parse_incident_file(SAMPLE_INCIDENTS)
    if report.refused:
        raise ValueError(t("build_sample_refused", file=SAMPLE_INCIDENTS.name, n=len(report.refused),
                           first=report.messages()[0]))
    raw = SAMPLE_INCIDENTS.read_bytes()
    upload_id = record_upload(con, "sample", report, hashlib.sha256(raw).hexdigest(),
                              str(SAMPLE_INCIDENTS.relative_to(GENERATED_DIR.parent)), "etl build",
                              accepted=len(report.accepted), duplicates=len(report.duplicates))
    new = insert_incidents(con, report.accepted, upload_id, generated=True)
    _source(sources, "incidents_sample", "Insiden contoh di Kalimantan Utara, NTT dan Kalimantan Barat (DIBANGKITKAN, bukan kejadian nyata)",
            GENERATED_SOURCE, True, new)


def run(args) -> int:
    counts = build_database(args.db, sample=not args.no_sample)
    lang = getattr(args, "lang", DEFAULT_LANG)
    print(t("build_ready", lang, db=args.db, counts=", ".join(f"{k} {fmt_number(v)}" for k, v in counts.items())))
    return 0
