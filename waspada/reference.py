"""Reference data embedded in data/: regions, schedule, taxonomies.

Each function reads its files once per process and returns a DataFrame shaped like the
database table it feeds, so `etl build` and the incident parser share one reading.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

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


def ikp_category(score: float, level: str) -> str:
    """Bawaslu's category ('rendah', 'sedang', 'tinggi') of an IKP score at a region level."""
    sedang_from, tinggi_from = IKP_BANDS["provinsi" if level == "provinsi" else "kabupaten_kota"]
    if score >= tinggi_from:
        return "tinggi"
    if score >= sedang_from:
        return "sedang"
    return "rendah"
