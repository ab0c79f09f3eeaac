"""Reference data embedded in data/: regions, schedule, taxonomies.

Each function reads its files once per process and returns a DataFrame shaped like the
database table it feeds, so `etl build` and the incident parser share one reading.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import numpy as np
import pandas as pd

from waspada.paths import REFERENCE_DIR, TAXONOMY_DIR

PHASES = (
    "persiapan",
    "pencalonan",
    "kampanye",
    "masa_tenang",
    "pemungutan_suara",
    "rekapitulasi",
    "penetapan",
    "pelantikan",
)

# Indonesia's three time zones by province code (UU/Keppres 41/1987 boundaries).
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}


def timezone_of(province_code: str) -> str:
    """'WIB', 'WITA' or 'WIT' for a province code such as '65'."""
    code = province_code[:2]
    if code in _WIT:
        return "WIT"
    if code in _WITA:
        return "WITA"
    return "WIB"


def dotted(code: str) -> str:
    """'6571' -> '65.71', '657101' -> '65.71.01'; a dotted code is returned as it is."""
    code = str(code).strip()
    if "." in code:
        return code
    parts = [code[:2], code[2:4], code[4:6], code[6:]]
    return ".".join(p for p in parts if p)


def _kabkota_kind(name: str, jenis: str) -> str:
    if name.startswith("Kota Administrasi"):
        return "kota_administrasi"
    if name.startswith("Kabupaten Administrasi"):
        return "kabupaten_administrasi"
    return "kota" if jenis.strip().lower() == "kota" else "kabupaten"


@functools.cache
def regions() -> pd.DataFrame:
    """All provinces, kabupaten/kota and kecamatan in the shape of the regions table."""
    read = functools.partial(pd.read_csv, dtype=str, keep_default_na=False)
    prov = read(REFERENCE_DIR / "kemendagri_provinsi.csv")
    kab = read(REFERENCE_DIR / "kemendagri_kabkota.csv")
    kec = read(REFERENCE_DIR / "kemendagri_kecamatan.csv")

    prov_rows = pd.DataFrame(
        {
            "code": prov["kode_prov"],
            "parent_code": None,
            "level": "provinsi",
            "name": prov["nama"].str.strip(),
            "short_name": prov["nama"].str.strip(),
            "kind": "provinsi",
            "province_code": prov["kode_prov"],
            "kabkota_code": None,
            "lat": prov["lat"],
            "lon": prov["lng"],
            "population": prov["penduduk_total"],
            "area_km2": prov["luas_km2"],
        }
    )
    kab_rows = pd.DataFrame(
        {
            "code": kab["kode_kabkota_dotted"],
            "parent_code": kab["kode_prov"],
            "level": "kabupaten_kota",
            "name": kab["nama"].str.strip(),
            "short_name": kab["nama_singkat"].str.strip(),
            "kind": [_kabkota_kind(n.strip(), j) for n, j in zip(kab["nama"], kab["jenis"])],
            "province_code": kab["kode_prov"],
            "kabkota_code": kab["kode_kabkota_dotted"],
            "lat": kab["lat"],
            "lon": kab["lng"],
            "population": kab["penduduk_total"],
            "area_km2": kab["luas_km2"],
        }
    )
    kec_kab = kec["kode_kabkota"].map(dotted)
    kec_rows = pd.DataFrame(
        {
            "code": kec["kode_kec_dotted"],
            "parent_code": kec_kab,
            "level": "kecamatan",
            "name": kec["nama"].str.strip(),
            "short_name": kec["nama"].str.strip(),
            "kind": "kecamatan",
            "province_code": kec["kode_prov"],
            "kabkota_code": kec_kab,
            "lat": kec["lat"],
            "lon": kec["lng"],
            "population": None,
            "area_km2": None,
        }
    )
    out = pd.concat([prov_rows, kab_rows, kec_rows], ignore_index=True)
    for col in ("lat", "lon", "area_km2"):
        out[col] = pd.to_numeric(out[col].replace("", None), errors="raise").astype("float64")
    out["population"] = pd.to_numeric(out["population"].replace("", None)).astype("Int64")
    out["timezone"] = out["province_code"].map(timezone_of)
    return out


@functools.cache
def province_aliases() -> dict[str, list[str]]:
    """Province code -> common names and abbreviations staff write ('65' -> ['Kaltara'])."""
    df = pd.read_csv(TAXONOMY_DIR / "provinsi_singkatan.csv", dtype=str, keep_default_na=False)
    return {
        row.kode_prov: [a.strip() for a in row.singkatan.split("|") if a.strip()]
        for row in df.itertuples()
    }


@functools.cache
def phases() -> pd.DataFrame:
    return pd.read_csv(TAXONOMY_DIR / "tahapan.csv", dtype={"phase_order": "int64"})


def _phrases(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


ATHG_CLASSES = ("ancaman", "tantangan", "hambatan", "gangguan")  # Permendagri 46/2019
ATHG_TEXT = {"ancaman": "athg_ancaman", "tantangan": "athg_tantangan", "hambatan": "athg_hambatan",
             "gangguan": "athg_gangguan"}  # their names in waspada/texts/taxonomy.py


@functools.cache
def incident_categories() -> pd.DataFrame:
    """The incident taxonomy (data/taxonomy/KATEGORI_INSIDEN.md): category, name_id, name_en,
    election_related (bool), athg ('' for lainnya), and three phrase lists: synonyms (always
    this category), election_synonyms (this category when the text speaks of the election)
    and description_words (weak hints read in a description)."""
    df = pd.read_csv(TAXONOMY_DIR / "kategori_insiden.csv", dtype=str, keep_default_na=False)
    df["election_related"] = df["election_related"].str.strip().str.lower().map({"true": True, "false": False})
    if df["election_related"].isna().any():
        raise ValueError("kategori_insiden.csv: election_related must be true or false")
    bad = sorted(set(df["athg"]) - {*ATHG_CLASSES, ""})
    if bad:
        raise ValueError(f"kategori_insiden.csv: unknown ATHG class {bad}")
    for col in ("synonyms", "election_synonyms", "description_words"):
        df[col] = df[col].map(_phrases)
    return df


def category_table() -> pd.DataFrame:
    """The incident_categories table's rows (what the database keeps of the taxonomy)."""
    df = incident_categories()[["category", "name_id", "name_en", "election_related", "athg"]].copy()
    df["athg"] = df["athg"].replace("", None)
    return df


def election_categories() -> list[str]:
    """The codes of the election-related categories."""
    df = incident_categories()
    return sorted(df.loc[df["election_related"], "category"])


def athg_categories(athg: str) -> list[str]:
    """The codes of the categories of one ATHG class."""
    df = incident_categories()
    return sorted(df.loc[df["athg"] == athg, "category"])


@functools.cache
def election_context_phrases() -> list[str]:
    """Words that make a generic incident type election-related (konteks_pemilihan.csv)."""
    return pd.read_csv(TAXONOMY_DIR / "konteks_pemilihan.csv", dtype=str, keep_default_na=False)["phrase"].tolist()


@functools.cache
def report_sources() -> pd.DataFrame:
    """Who reports incidents (sumber_laporan.csv): source_kind, name_id, name_en, synonyms (a list)."""
    df = pd.read_csv(TAXONOMY_DIR / "sumber_laporan.csv", dtype=str, keep_default_na=False)
    df["synonyms"] = df["synonyms"].map(_phrases)
    return df


@functools.cache
def violation_types() -> pd.DataFrame:
    return pd.read_csv(TAXONOMY_DIR / "jenis_pelanggaran.csv", dtype=str)


@functools.cache
def election_stages() -> pd.DataFrame:
    """The detailed schedule (stages may overlap) from pilkada2024_tahapan.csv."""
    df = pd.read_csv(REFERENCE_DIR / "pilkada2024_tahapan.csv", dtype=str, keep_default_na=False)
    df = df.rename(columns={"election": "election_id"})
    for col in ("starts_on", "ends_on"):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d").dt.date
    df["note"] = df["note"].replace("", None)
    return df[["election_id", "phase", "stage", "name_id", "starts_on", "ends_on", "note"]]


def phase_periods(stages: pd.DataFrame) -> pd.DataFrame:
    """Non-overlapping phase periods from (possibly overlapping) stages.

    A phase starts at its earliest stage and runs until the day before the next phase
    starts; the last phase ends with its last stage. So every date between the first
    start and the last end falls into exactly one phase.
    """
    order = {p: i for i, p in enumerate(PHASES)}
    rows = []
    for election_id, group in stages.groupby("election_id", sort=False):
        starts = group.groupby("phase")["starts_on"].min()
        ends = group.groupby("phase")["ends_on"].max()
        present = sorted(starts.index, key=order.__getitem__)
        for i, phase in enumerate(present):
            start = starts[phase]
            end = starts[present[i + 1]] - timedelta(days=1) if i + 1 < len(present) else ends[phase]
            rows.append({"election_id": election_id, "phase": phase, "starts_on": start, "ends_on": end})
    return pd.DataFrame(rows, columns=["election_id", "phase", "starts_on", "ends_on"])


# The election every page, score and load means when none is named: the one whose embedded
# schedule (pilkada2024_tahapan.csv) and contests Waspada ships with.
DEFAULT_ELECTION_ID = "pilkada2024"
# An election and the re-runs that repeat it (its PSU: elections.parent_election_id), as a SQL
# subquery taking the election's id as its one parameter: an incident of a re-vote is an
# incident of the Pilkada it repeats in every list, count and alert.
ELECTION_FAMILY_SQL = "(SELECT election_id FROM elections WHERE ? IN (election_id, parent_election_id))"

ELECTIONS = pd.DataFrame(
    [
        {
            "election_id": DEFAULT_ELECTION_ID,
            "name": "Pemilihan Serentak 2024 (Pilkada)",
            "kind": "pilkada",
            "vote_on": date(2024, 11, 27),
            "parent_election_id": None,
            "source": "PKPU Nomor 2 Tahun 2024 (data/reference/PILKADA2024_TAHAPAN.md)",
        }
    ]
)


# Bawaslu's IKP 2024 bands (BAWASLU_IKP2024.md): (lower bound of sedang, lower bound of tinggi).
# Province: rendah < 21.7, tinggi >= 68.5. Kab/kota: rendah <= 13.46, tinggi >= 49.33
# (sedang starts at 13.47; scores carry two decimals).
IKP_BANDS = {"provinsi": (21.7, 68.5), "kabupaten_kota": (13.47, 49.33)}


# Bawaslu publishes scores and band limits with two decimals. Every category is decided on
# that precision, so a score that computes to 21.699999999999996 (21.7 through the risk
# formula) is 21.70, sedang, as published.
SCORE_DECIMALS = 2
CATEGORY_NAMES = ("rendah", "sedang", "tinggi")


def category_codes(scores, sedang_from: float, tinggi_from: float) -> np.ndarray:
    """0 rendah, 1 sedang, 2 tinggi for each score, compared on the published decimals: the
    one comparison of a score with a band limit (IKP categories, risk categories, alerts)."""
    published = np.round(np.asarray(scores, dtype=float), SCORE_DECIMALS)
    return np.where(published >= round(tinggi_from, SCORE_DECIMALS), 2,
                    np.where(published >= round(sedang_from, SCORE_DECIMALS), 1, 0))


def category_of(score: float, sedang_from: float, tinggi_from: float) -> str:
    """'rendah', 'sedang' or 'tinggi' of one score (category_codes for one value)."""
    return CATEGORY_NAMES[int(category_codes(score, sedang_from, tinggi_from))]


def ikp_category(score: float, level: str) -> str:
    """Bawaslu's category ('rendah', 'sedang', 'tinggi') of an IKP score at a region level."""
    return category_of(score, *IKP_BANDS["provinsi" if level == "provinsi" else "kabupaten_kota"])


# -- Pilkada 2024 as it happened: candidate pairs, Pilkada TPS, DPT, re-votes, Bawaslu's map ------
# Files and sources: data/reference/SOURCES.md ("Pilkada 2024: candidate pairs, ...").
PASLON_SOURCE = ("KPU, Sirekap Pilkada 2024 (objek publik, dihimpun razanfawwaz/pilkada-scrap "
                 "481f1a6, 28 November 2024)")
PILKADA_TPS_SOURCE = "KPU, jumlah TPS Pilkada 27 November 2024 (Sirekap, " + PASLON_SOURCE[len("KPU, Sirekap "):]
MAPPING_INDEXES = {"Bawaslu pemetaan kerawanan 2024-08-26": ("bawaslu_pemetaan_2024", "2024-08-26"),
                   "Polri IPKP tahap I 2024-05": ("polri_ipkp_2024", "2024-05")}


@functools.cache
def contest_pairs() -> pd.DataFrame:
    """Every Pilkada 2024 contest (545): region (dotted), number of candidate pairs, whether it
    was a single-candidate contest (against kolom kosong), and its Pilkada TPS count."""
    w = pd.read_csv(REFERENCE_DIR / "pilkada2024_paslon_wilayah.csv", dtype={"kode_wilayah": str})
    return pd.DataFrame({
        "region_code": w["kode_wilayah"].map(dotted),
        "n_pairs": w["n_paslon"].astype("int64"),
        "single_candidate": w["calon_tunggal"].astype(int).astype(bool),
        "tps": w["sirekap_tps_total"].astype("int64"),
    })


@functools.cache
def candidate_pairs() -> pd.DataFrame:
    """The 1,594 ballot entries of Pilkada 2024 (1,557 pairs and 37 kolom kosong) in the shape
    of the candidate_pairs table."""
    k = pd.read_csv(REFERENCE_DIR / "pilkada2024_paslon_kandidat.csv", dtype={"kode_wilayah": str})
    return pd.DataFrame({
        "election_id": DEFAULT_ELECTION_ID,
        "region_code": k["kode_wilayah"].map(dotted),
        "ballot_no": k["nomor_urut"].astype("int64"),
        "name": k["nama_paslon"].str.strip(),
        "empty_column": k["is_kolom_kosong"].astype(int).astype(bool),
        "source": PASLON_SOURCE,
    })


@functools.cache
def pilkada_dpt() -> pd.DataFrame:
    """The published Pilkada 2024 DPT where it was found (7 provinces, 12 kab/kota): region,
    value, decision date as written, source URL."""
    d = pd.read_csv(REFERENCE_DIR / "pilkada2024_dpt_sebagian.csv", dtype={"kode_wilayah": str, "tanggal_penetapan": str})
    return pd.DataFrame({
        "region_code": d["kode_wilayah"].map(dotted),
        "value": d["dpt"].astype("int64"),
        "source": "KPU, penetapan DPT Pilkada 2024 (" + d["tanggal_penetapan"] + "), menurut pers: " + d["sumber"],
    })


@functools.cache
def vulnerability_maps() -> pd.DataFrame:
    """Bawaslu's Pemetaan Kerawanan Pemilihan Serentak 2024 (a category per province and 12
    named kab/kota) and Polri's IPKP top eight, in the shape of the vulnerability_maps table."""
    m = pd.read_csv(REFERENCE_DIR / "bawaslu_pemetaan_kerawanan_2024.csv", dtype=str, keep_default_na=False)
    unknown = set(m["sumber_indeks"]) - set(MAPPING_INDEXES)
    if unknown:
        raise ValueError(f"bawaslu_pemetaan_kerawanan_2024.csv: indeks tak dikenal {sorted(unknown)}")
    value = m["kategori_atau_skor"].str.strip()
    is_category = value.isin(["rendah", "sedang", "tinggi"])
    return pd.DataFrame({
        "index_name": m["sumber_indeks"].map(lambda s: MAPPING_INDEXES[s][0]),
        "region_code": m["kode_wilayah"].map(dotted),
        "published": m["sumber_indeks"].map(lambda s: MAPPING_INDEXES[s][1]),
        "category": value.where(is_category, None),
        "score": pd.to_numeric(value.where(~is_category, None)),
        "note": m["keterangan"].replace("", None),
        "source": m["sumber"],
    })


# -- the 2025 re-votes (PSU) and re-elections (Pilkada ulang) ---------------------------------
# The Constitutional Court read its Pilkada 2024 rulings on 24 February 2025 (the `dasar`
# column of pilkada2024_psu_2025.csv); a PSU's preparation starts that day.
MK_RULING_DAY = date(2025, 2, 24)
# Phases the rule places around a re-vote's voting day; kampanye only for a re-election.
REVOTE_PHASES = ("kampanye", "masa_tenang", "pemungutan_suara", "rekapitulasi", "penetapan")
REVOTE_RULE_NOTE = ("Perkiraan Waspada (docs/risk-model.md, aturan jadwal PSU): panjang tahapan Pilkada 2024 "
                    "di sekitar hari pemungutan suara; bukan jadwal KPU")


def revote_election_id(region_code: str, kind: str, vote_on: date) -> str:
    """'psu2025_36.04' (a PSU) or 'ulang2025_19.01' (a Pilkada ulang); one per region and year."""
    return f"{'psu' if kind == 'psu' else 'ulang'}{vote_on.year}_{dotted(region_code)}"


@functools.cache
def revotes() -> pd.DataFrame:
    """The 26 re-runs of Pilkada 2024 in 2025: election_id, region, race, kind ('psu' or
    'pilkada_ulang'), voting day, scope, note and source."""
    p = pd.read_csv(REFERENCE_DIR / "pilkada2024_psu_2025.csv", dtype=str, keep_default_na=False)
    kind = ["pilkada_ulang" if d.startswith("Pemilihan ulang") else "psu" for d in p["dasar"]]
    for k, d in zip(kind, p["dasar"]):
        if k == "psu" and "24 Feb 2025" not in d:
            raise ValueError(f"pilkada2024_psu_2025.csv: dasar PSU bukan putusan MK 24 Feb 2025: {d!r}")
    vote_on = pd.to_datetime(p["tanggal_psu"], format="%Y-%m-%d").dt.date
    race = p["jenis"].map({"Pilgub": "gubernur", "Pilbup": "bupati", "Pilwalkot": "walikota"})
    if race.isna().any():
        raise ValueError("pilkada2024_psu_2025.csv: jenis pemilihan tak dikenal")
    out = pd.DataFrame({
        "region_code": p["kode_wilayah"].map(dotted),
        "name": p["nama_wilayah"].str.title(),
        "race": race,
        "kind": kind,
        "vote_on": vote_on,
        "scope": p["cakupan"].replace("", None),
        "note": p["catatan"].replace("", None),
        "source": p["dasar"] + "; " + p["sumber"],
        "tps_2024": pd.to_numeric(p["sirekap_tps_total_2024"]).astype("Int64"),
    })
    out.insert(0, "election_id", [revote_election_id(c, k, v) for c, k, v in zip(out["region_code"], kind, vote_on)])
    return out


def revote_elections() -> pd.DataFrame:
    """The re-runs as rows of the elections table, each pointing at pilkada2024."""
    r = revotes()
    label = {"psu": "Pemungutan Suara Ulang", "pilkada_ulang": "Pemilihan ulang"}
    return pd.DataFrame({
        "election_id": r["election_id"],
        "name": [f"{label[k]} {n} {v:%Y}" for k, n, v in zip(r["kind"], r["name"], r["vote_on"])],
        "kind": r["kind"],
        "vote_on": r["vote_on"],
        "parent_election_id": DEFAULT_ELECTION_ID,
        "source": r["source"],
    })


def revote_contests() -> pd.DataFrame:
    r = revotes()
    return pd.DataFrame({"election_id": r["election_id"], "region_code": r["region_code"], "race": r["race"],
                         "note": r["scope"]})


def revote_stages(election_id: str, kind: str, vote_on: date) -> pd.DataFrame:
    """THE rule for a re-run's schedule until an office loads the KPU's own (load-schedule):
    the phases keep the lengths they had around Pilkada 2024's voting day (27 November 2024),
    moved to the re-run's voting day V:
      kampanye V-63..V-4 (a Pilkada ulang only: a PSU repeats the vote with the same pairs),
      masa tenang V-3..V-1, pemungutan suara V, rekapitulasi V+1..V+19, penetapan V+20..V+84;
    before them persiapan, from the Court's ruling (a PSU) or from the day after Pilkada
    2024's last phase (a Pilkada ulang). There is no pelantikan phase in the rule."""
    parent = phase_periods(election_stages())
    parent = parent[parent["election_id"] == DEFAULT_ELECTION_ID].set_index("phase")
    parent_vote = ELECTIONS.set_index("election_id").loc[DEFAULT_ELECTION_ID, "vote_on"]
    wanted = [p for p in REVOTE_PHASES if kind == "pilkada_ulang" or p != "kampanye"]
    rows = []
    for phase in wanted:
        start = vote_on + (parent.loc[phase, "starts_on"] - parent_vote)
        end = vote_on + (parent.loc[phase, "ends_on"] - parent_vote)
        rows.append((phase, start, end))
    prep_from = MK_RULING_DAY if kind == "psu" else parent["ends_on"].max() + timedelta(days=1)
    rows.insert(0, ("persiapan", prep_from, rows[0][1] - timedelta(days=1)))
    return pd.DataFrame([{"election_id": election_id, "phase": ph, "stage": ph,
                          "name_id": f"{_PHASE_NAME_ID[ph]} (perkiraan)", "starts_on": s, "ends_on": e,
                          "note": REVOTE_RULE_NOTE} for ph, s, e in rows])


_PHASE_NAME_ID = {"persiapan": "Persiapan", "kampanye": "Kampanye", "masa_tenang": "Masa tenang",
                  "pemungutan_suara": "Pemungutan suara", "rekapitulasi": "Rekapitulasi",
                  "penetapan": "Penetapan"}


def revote_rule_stages() -> pd.DataFrame:
    """The rule's stages of every re-run in the file."""
    r = revotes()
    return pd.concat([revote_stages(e, k, v) for e, k, v in zip(r["election_id"], r["kind"], r["vote_on"])],
                     ignore_index=True)
