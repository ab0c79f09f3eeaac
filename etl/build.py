"""`python -m etl build`: build the database from the data embedded in data/.

Idempotent: it re-applies the schema (Database.writer applies it, upgrading a file of an
older release in place) and replaces every embedded table's embedded rows,
so running it twice gives the same database. Rows that came from uploads (upload_id set)
are kept; `--no-sample` removes the generated sample.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from waspada import reference
from waspada.db import Database
from waspada.i18n import DEFAULT_LANG, MessageError, fmt_number, msg, t
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
        _load_ikp(con, sources, sample)
        _load_violations(con, sources, sample)
        _load_sample_incidents(con, sources, sample)
        if not sample:
            # Alerts raised by the removed sample must go; those of uploads are raised again
            # below (their first-raised time restarts, which only --no-sample does).
            con.execute("DELETE FROM alerts")
        # idempotent: stored alerts keep their created_at. The sample covers months at once:
        # its alerts are stored for every day, as weekly loads would have stored them.
        first = con.execute("SELECT min(occurred_on) FROM visible_incidents").fetchall()[0][0] if sample else None
        refresh_alerts_after_load(con, since=first)
        con.execute("DELETE FROM data_sources")
        for s in sources:
            con.execute(
                "INSERT INTO data_sources VALUES (?, ?, ?, ?, ?, ?)",
                [s["dataset"], s["description"], s["origin"], s["generated"], s["rows"], now],
            )
        counts = {
            table: con.execute("SELECT count(*) FROM " + table).fetchone()[0]
            for table in ("regions", "elections", "election_phases", "contests", "candidate_pairs", "kpu_figures",
                          "ikp_scores", "vulnerability_maps", "violations", "incidents", "uploads")
        }
    return counts


# Identifiers cannot be SQL parameters; these are the only tables build rewrites.
_EMBEDDED_TABLES = frozenset({"regions", "phases", "elections", "election_stages", "election_phases",
                              "incident_categories", "violation_types", "contests", "kpu_figures",
                              "ikp_scores", "violations", "incidents", "candidate_pairs", "vulnerability_maps"})
_EMBEDDED_ROWS = {"": "", "upload_id": " WHERE upload_id IS NULL", "loaded_from": " WHERE loaded_from IS NULL"}


def _replace(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame, keep: str = "") -> None:
    """Delete the embedded rows of `table` (all rows, or with keep='upload_id' / 'loaded_from'
    those not from an upload or a loaded schedule) and insert df. Column names come from our own DataFrames."""
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
    revotes = reference.revote_elections()
    _replace(con, "elections", pd.concat([reference.ELECTIONS, revotes], ignore_index=True))
    stages = reference.election_stages()
    # A re-run's stages come from the rule unless an office loaded the KPU's schedule for it.
    loaded = {r[0] for r in con.execute("SELECT DISTINCT election_id FROM election_stages WHERE loaded_from IS NOT NULL").fetchall()}
    rule = reference.revote_rule_stages()
    rule = rule[~rule["election_id"].isin(loaded)]
    _replace(con, "election_stages", pd.concat([stages[~stages["election_id"].isin(loaded)], rule], ignore_index=True),
             "loaded_from")
    _replace(con, "election_phases", reference.phase_periods(
        con.execute("SELECT election_id, phase, starts_on, ends_on FROM election_stages").df()))
    _source(sources, "election_stages", "Tahapan dan jadwal Pilkada Serentak 2024",
            "PKPU Nomor 2 Tahun 2024 dan pengumuman KPU/MK (data/reference/PILKADA2024_TAHAPAN.md)", False, len(stages))
    _source(sources, "revotes", "PSU 2025 (putusan MK 24 Februari 2025) dan pemilihan ulang 27 Agustus 2025: hari "
            "pemungutan suara dan cakupan; tahapan di sekitarnya menurut aturan Waspada sampai jadwal KPU dimuat",
            "Pemberitaan pers, satu sumber per baris (data/reference/pilkada2024_psu_2025.csv)", False, len(revotes))
    _replace(con, "incident_categories", reference.category_table())
    _replace(con, "violation_types", reference.violation_types())
    _replace(con, "contests", pd.concat([_contests(regions), reference.revote_contests()], ignore_index=True))
    pairs = reference.candidate_pairs()
    _replace(con, "candidate_pairs", pairs)
    _source(sources, "candidate_pairs", "Pasangan calon per pemilihan dengan nomor urut (dan kolom kosong di 37 "
            "pemilihan calon tunggal)", reference.PASLON_SOURCE, False, len(pairs))
    maps = reference.vulnerability_maps()
    _replace(con, "vulnerability_maps", maps)
    _source(sources, "vulnerability_maps", "Pemetaan Kerawanan Pemilihan Serentak 2024 Bawaslu (26 Agustus 2024): "
            "kategori per provinsi dan 12 kab/kota rawan tinggi yang diberitakan; IPKP Polri (Mei 2024) 8 teratas",
            "Bawaslu dan Polri menurut pemberitaan pers (data/reference/bawaslu_pemetaan_kerawanan_2024.csv)",
            False, len(maps))
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
    """TPS of the Pilkada (every contest) and of the Pemilu (every region, kecamatan included:
    the exposure's fallback, labelled); published Pilkada DPT where found; candidate pairs.
    Only the sample database carries the generated DPT estimate, and only where none was
    published."""
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
    contests = reference.contest_pairs()
    pilkada = reference.DEFAULT_ELECTION_ID
    frames = [
        tps.assign(figure="tps", of_election="pemilu2024", source=TPS_SOURCE, generated=False),
        pd.DataFrame({"region_code": contests["region_code"], "value": contests["tps"], "figure": "tps",
                      "of_election": pilkada, "source": reference.PILKADA_TPS_SOURCE, "generated": False}),
        pd.DataFrame({"region_code": contests["region_code"], "value": contests["n_pairs"], "figure": "paslon",
                      "of_election": pilkada, "source": reference.PASLON_SOURCE, "generated": False}),
    ]
    dpt = reference.pilkada_dpt()
    frames.append(dpt.assign(figure="dpt", of_election=pilkada, generated=False))
    standin = pd.DataFrame()
    if sample:
        standin = pd.read_csv(GENERATED_DIR / "dpt_perkiraan_generated.csv", dtype={"kode_wilayah": str})
        standin = standin[~standin["kode_wilayah"].isin(set(dpt["region_code"]))]
        frames.append(pd.DataFrame({"region_code": standin["kode_wilayah"], "value": standin["dpt"], "figure": "dpt",
                                    "of_election": pilkada, "generated": True,
                                    "source": "Perkiraan: penduduk × (203 juta DPT / 284.973.643 penduduk); " + GENERATED_SOURCE}))
    kpu = pd.concat(frames, ignore_index=True)[["region_code", "figure", "value", "of_election", "source", "generated"]]
    _replace(con, "kpu_figures", kpu, "upload_id")
    _source(sources, "kpu_tps", "Jumlah TPS per provinsi, kabupaten/kota dan kecamatan (Pemilu 14 Februari 2024: "
            "cadangan ukuran paparan bila angka Pilkada tidak ada)", TPS_SOURCE, False, len(tps))
    _source(sources, "kpu_tps_pilkada", "Jumlah TPS Pilkada 27 November 2024 per pemilihan (545): ukuran paparan skor risiko",
            reference.PILKADA_TPS_SOURCE, False, len(contests))
    _source(sources, "kpu_paslon", "Jumlah pasangan calon per pemilihan (545)", reference.PASLON_SOURCE, False, len(contests))
    _source(sources, "kpu_dpt", "DPT Pilkada 2024 yang diumumkan (7 provinsi, 12 kab/kota); tidak ada keputusan DPT "
            "nasional, wilayah lain tanpa DPT", "KPU provinsi/kab/kota menurut pers (data/reference/pilkada2024_dpt_sebagian.csv)",
            False, len(dpt))
    if sample:
        _source(sources, "kpu_dpt_standin", "DPT PERKIRAAN dari jumlah penduduk di wilayah tanpa DPT yang diumumkan "
                "(hanya basis data contoh)", GENERATED_SOURCE, True, len(standin))


def _load_ikp(con, sources, sample: bool) -> None:
    """Published IKP 2024 totals; the generated stand-ins (other kab/kota, the four new
    provinces, every dimension) only in the sample database. Without them the risk model
    borrows the province's published score (docs/risk-model.md)."""
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
    if not sample:
        standin = standin.iloc[0:0]
    standin = pd.DataFrame({"region_code": standin["kode_wilayah"], "score": standin["skor"], "dimension": standin["dimensi"]})
    standin["level"] = standin["region_code"].map(lambda c: "provinsi" if len(c) == 2 else "kabupaten_kota")
    standin = standin.assign(source="Pengganti IKP (dibangkitkan, bukan angka Bawaslu): etl/generate_sample.py", generated=True)
    ikp = pd.concat([real, standin], ignore_index=True)
    ikp["category"] = [reference.ikp_category(s, lvl) for s, lvl in zip(ikp["score"], ikp["level"])]
    ikp["edition"] = "ikp2024"
    _replace(con, "ikp_scores", ikp[["edition", "region_code", "dimension", "score", "category", "source", "generated"]],
             "upload_id")
    _source(sources, "ikp_real", "IKP 2024: skor total 34 provinsi dan 10 kabupaten/kota paling rawan", IKP_SOURCE, False, len(real))
    if sample:
        _source(sources, "ikp_standin", "IKP 2024 pengganti: skor kab/kota lain, 4 provinsi baru, dan semua dimensi "
                "(hanya basis data contoh)", GENERATED_SOURCE, True, len(standin))


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


# -- a schedule an office loads (`waspada load-schedule FILE`) ---------------------------------
SCHEDULE_TEMPLATE = "data/templates/jadwal_pemilihan_template.csv"
EXAMPLE_ROW = "CONTOH (hapus baris ini)"  # data/templates/README.md
SCHEDULE_COLUMNS = ("election_id", "phase", "stage", "name_id", "starts_on", "ends_on", "note")


class ScheduleFileError(MessageError):
    """A schedule file that cannot be loaded; nothing was written."""


def parse_schedule(path: Path) -> pd.DataFrame:
    """The stages of one election from a CSV shaped like the template, checked: known
    phases, ISO dates that do not end before they start, stages named once, a voting day."""
    name = Path(path).name
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ScheduleFileError("realdata_schedule_unreadable", file=name, error=str(exc)) from None
    missing = [c for c in SCHEDULE_COLUMNS if c != "note" and c not in df.columns]
    if missing:
        raise ScheduleFileError("realdata_schedule_columns", file=name, columns=", ".join(missing),
                                template=SCHEDULE_TEMPLATE)
    df = df.assign(**{c: df[c].str.strip() for c in df.columns})
    if "note" not in df.columns:
        df["note"] = ""
    df = df[~df["note"].str.startswith(EXAMPLE_ROW)].reset_index(drop=True)  # the template's example rows
    elections = sorted(set(df["election_id"]))
    if len(elections) != 1 or not elections[0]:
        raise ScheduleFileError("realdata_schedule_one_election", file=name, elections=", ".join(elections) or "-")
    seen = set()
    for i, r in enumerate(df.itertuples(index=False), start=2):  # row 1 is the header
        if r.phase not in reference.PHASES:
            raise ScheduleFileError("realdata_schedule_bad_row", row=i, problem=msg("realdata_schedule_bad_phase",
                                                                                     phase=r.phase))
        try:
            start, end = date.fromisoformat(r.starts_on), date.fromisoformat(r.ends_on)
        except ValueError:
            start = end = None
        if start is None or end < start:
            raise ScheduleFileError("realdata_schedule_bad_row", row=i, problem=msg(
                "realdata_schedule_bad_date", value=f"{r.starts_on} – {r.ends_on}"))
        stage = r.stage or r.phase
        if stage in seen:
            raise ScheduleFileError("realdata_schedule_bad_row", row=i, problem=msg(
                "realdata_schedule_duplicate_stage", stage=stage))
        seen.add(stage)
    if "pemungutan_suara" not in set(df["phase"]):
        raise ScheduleFileError("realdata_schedule_no_vote", file=name)
    return pd.DataFrame({
        "election_id": df["election_id"], "phase": df["phase"], "stage": df["stage"].where(df["stage"] != "", df["phase"]),
        "name_id": df["name_id"].where(df["name_id"] != "", df["phase"]),
        "starts_on": df["starts_on"].map(date.fromisoformat), "ends_on": df["ends_on"].map(date.fromisoformat),
        "note": df["note"].where(df["note"] != "", None), "loaded_from": name,
    })


def load_schedule(db_path: Path | str, path: Path | str) -> dict:
    """Replace one election's stages by the file's (kept by later builds), derive its phases
    again, take its voting day from the file, and move the incidents whose phase came from
    the schedule to the phase their date now falls in. Returns election, stages, moved."""
    stages = parse_schedule(Path(path))
    election = stages["election_id"].iloc[0]
    with Database(db_path).writer() as con:
        if not con.execute("SELECT count(*) FROM elections WHERE election_id = ?", [election]).fetchone()[0]:
            raise ScheduleFileError("realdata_schedule_unknown_election", election=election)
        con.execute("DELETE FROM election_stages WHERE election_id = ?", [election])
        con.execute("DELETE FROM election_phases WHERE election_id = ?", [election])
        con.register("_stages", stages)
        con.execute("INSERT INTO election_stages (election_id, phase, stage, name_id, starts_on, ends_on, note,"
                    " loaded_from) SELECT election_id, phase, stage, name_id, starts_on, ends_on, note, loaded_from"
                    " FROM _stages")
        con.unregister("_stages")
        periods = reference.phase_periods(stages)
        con.register("_periods", periods)
        con.execute("INSERT INTO election_phases SELECT election_id, phase, starts_on, ends_on FROM _periods")
        con.unregister("_periods")
        vote_on = stages.loc[stages["phase"] == "pemungutan_suara", "starts_on"].min()
        con.execute("UPDATE elections SET vote_on = ? WHERE election_id = ?", [vote_on, election])
        moved = con.execute(
            "UPDATE incidents SET phase = p.phase FROM election_phases p WHERE incidents.election_id = ?"
            " AND incidents.phase_from = 'jadwal' AND p.election_id = incidents.election_id"
            " AND incidents.occurred_on BETWEEN p.starts_on AND p.ends_on AND incidents.phase <> p.phase",
            [election]).fetchone()[0]
        refresh_alerts_after_load(con)
    return {"election": election, "stages": len(stages), "moved": int(moved)}


def run_load_schedule(args) -> int:
    from waspada.cli import fail

    try:
        result = load_schedule(args.db, args.file)
    except ScheduleFileError as exc:
        fail(exc, args.lang)
        return 2
    print(t("realdata_schedule_stored", args.lang, election=result["election"], file=Path(args.file).name,
            n=fmt_number(result["stages"]), moved=fmt_number(result["moved"])))
    return 0
