"""Generate the embedded sample data (seeded, deterministic). Everything it writes is made up.

    python -m etl.generate_sample            # rewrites data/generated/*_generated.csv

The files are committed, so `etl build` does not depend on this script or on the random
number generator of a particular numpy version. Each file name ends in `_generated` and the
pages that show the data say it is a generated sample.

What is generated, and why:
* incidents in Kalimantan Utara (65), Nusa Tenggara Timur (53) and Kalimantan Barat (61)
  across every phase of Pilkada 2024, so every page has something to show;
* IKP 2024 stand-in scores for the kabupaten/kota whose scores were not published in the
  sources found (all but ten), for the four provinces created in 2022, and the four IKP
  dimensions for every region (only totals were found);
* violation counts (Bawaslu publishes them per stage, not as an open table);
* a DPT stand-in for every kabupaten/kota and province: population × the national ratio
  of Pilkada 2024 voters (about 203 million) to population (284,973,643); the build uses it
  only where no DPT was published (pilkada2024_dpt_sebagian.csv).

Candidate pairs are real (pilkada2024_paslon_*.csv), so none are generated. A `--no-sample`
build (a real installation) reads none of these files: see etl/build.py.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from waspada import reference
from waspada.paths import GENERATED_DIR, REFERENCE_DIR

SEED = 20241127
SAMPLE_PROVINCES = ("65", "53", "61")
NATIONAL_DPT_PILKADA2024 = 203_000_000  # about 203 million (PILKADA2024_TAHAPAN.md)
NATIONAL_POPULATION = 284_973_643  # sum of the Kemendagri population figures (SOURCES.md)

# Expected incidents per kabupaten/kota per day in each phase (before the IKP factor).
_PHASE_INTENSITY = {
    "persiapan": 0.04,
    "pencalonan": 0.12,
    "kampanye": 0.24,
    "masa_tenang": 0.45,
    "pemungutan_suara": 2.4,
    "rekapitulasi": 0.36,
    "penetapan": 0.08,
    "pelantikan": 0.4,
}

# Which incident categories each phase tends to produce (weights, not probabilities).
_PHASE_CATEGORIES = {
    "persiapan": {"hoaks_sara": 3, "netralitas_asn": 3, "unjuk_rasa": 2, "lainnya": 1},
    "pencalonan": {"unjuk_rasa": 4, "netralitas_asn": 3, "hoaks_sara": 2, "intimidasi": 1, "lainnya": 1},
    "kampanye": {"perusakan": 5, "politik_uang": 3, "hoaks_sara": 4, "intimidasi": 3, "netralitas_asn": 3,
                 "bentrok_massa": 2, "kekerasan_fisik": 2, "lainnya": 1},
    "masa_tenang": {"politik_uang": 6, "intimidasi": 2, "perusakan": 2, "hoaks_sara": 2},
    "pemungutan_suara": {"gangguan_tps": 6, "gangguan_logistik": 3, "intimidasi": 2, "politik_uang": 2,
                         "kekerasan_fisik": 1, "bentrok_massa": 1},
    "rekapitulasi": {"unjuk_rasa": 5, "sengketa_hasil": 4, "gangguan_tps": 2, "bentrok_massa": 2,
                     "perusakan": 1, "kekerasan_fisik": 1},
    "penetapan": {"sengketa_hasil": 5, "unjuk_rasa": 4, "bentrok_massa": 1, "hoaks_sara": 1},
    "pelantikan": {"unjuk_rasa": 3, "lainnya": 1},
}

_DESCRIPTIONS = {
    "kekerasan_fisik": [
        "Penganiayaan terhadap {who} di {place} setelah adu mulut soal dukungan paslon",
        "Pengeroyokan {who} oleh sekelompok orang usai kegiatan kampanye di {place}",
    ],
    "bentrok_massa": [
        "Bentrokan antara massa pendukung dua paslon di {place}, dilerai aparat",
        "Saling lempar batu antarpendukung di {place} saat konvoi",
    ],
    "intimidasi": [
        "Ancaman kepada {who} agar memilih paslon tertentu di {place}",
        "Intimidasi terhadap penyelenggara ad hoc (PPS) di {place}",
    ],
    "perusakan": [
        "Perusakan alat peraga kampanye (baliho) paslon di {place}",
        "Pembakaran spanduk dan bendera paslon di {place}",
        "Perusakan posko pemenangan paslon di {place}",
    ],
    "politik_uang": [
        "Dugaan pembagian uang kepada warga di {place} menjelang pemungutan suara",
        "Pembagian sembako disertai ajakan memilih paslon di {place}",
    ],
    "hoaks_sara": [
        "Beredar pesan berantai bernada SARA tentang paslon di grup WhatsApp warga {place}",
        "Hoaks tentang penundaan pemungutan suara beredar di {place}",
    ],
    "netralitas_asn": [
        "ASN di {place} ikut dalam kegiatan kampanye paslon",
        "Kepala desa di {place} diduga mengarahkan warga mendukung paslon",
    ],
    "unjuk_rasa": [
        "Unjuk rasa di depan kantor KPU kabupaten/kota menuntut transparansi ({place})",
        "Aksi massa menolak hasil penetapan di {place}",
    ],
    "gangguan_tps": [
        "Kericuhan di TPS di {place} karena pemilih tanpa undangan ditolak",
        "Keberatan saksi atas penghitungan suara di TPS di {place}",
    ],
    "gangguan_logistik": [
        "Distribusi kotak suara ke {place} tertunda karena cuaca dan akses sungai",
        "Surat suara rusak ditemukan saat pengepakan logistik untuk {place}",
    ],
    "sengketa_hasil": [
        "Paslon mengajukan keberatan atas rekapitulasi di {place}",
        "Saksi paslon menolak menandatangani berita acara rekapitulasi di {place}",
    ],
    "lainnya": [
        "Laporan warga tentang kegiatan mencurigakan di sekitar kantor PPK di {place}",
    ],
}
_WHO = ["seorang warga", "simpatisan paslon", "anggota tim sukses", "petugas KPPS", "relawan"]
_PERPETRATORS = ["Orang tak dikenal (OTK)", "Oknum pendukung paslon", "Massa", "Oknum ASN", "-", ""]
_SOURCES = ["Laporan FKDM", "TKDPD", "Polres setempat", "Panwaslu kecamatan", "Media daring", "Kesbangpol kab/kota"]


def _phase_periods() -> pd.DataFrame:
    return reference.phase_periods(reference.election_stages())


def generate_ikp_standins(rng: np.random.Generator) -> pd.DataFrame:
    """IKP 2024 stand-ins: totals where none was published, and the four dimensions."""
    regions = reference.regions()
    prov_real = pd.read_csv(REFERENCE_DIR / "bawaslu_ikp2024_provinsi.csv", dtype={"kode_prov": str})
    prov_score = dict(zip(prov_real["kode_prov"], prov_real["ikp_2024"]))
    # The provinces created in 2022 were carved out of Papua (91) and Papua Barat (92).
    parent_of_new = {"93": "91", "94": "91", "95": "91", "96": "92"}
    kab_real = pd.read_csv(REFERENCE_DIR / "bawaslu_ikp2024_kabkota_top.csv")
    kab_names_real = set(kab_real["nama"])

    rows = []
    for region in regions[regions["level"] != "kecamatan"].itertuples():
        p = region.province_code
        p_score = prov_score.get(p)
        if p_score is None or np.isnan(p_score):
            p_score = prov_score[parent_of_new[p]]
        total = None
        if region.level == "provinsi":
            if region.code in parent_of_new:
                total = float(np.clip(p_score + rng.normal(0, 6), 1, 99))
        elif region.name not in kab_names_real:
            # Kab/kota scores run lower than province scores (Bawaslu's averages: 42.2 vs
            # 54.3 for the largest dimension); centre near 31 and follow the province.
            total = float(np.clip(rng.normal(31 + 0.35 * (p_score - 45), 16), 1, 99))
        if total is not None:
            rows.append((region.code, "total", round(total, 2)))
        base = total if total is not None else p_score
        # Dimension ratios from Bawaslu's average dimension scores (BAWASLU_IKP2024.md).
        if region.level == "provinsi":
            means = {"penyelenggaraan": 54.27, "sosial_politik": 46.55, "kontestasi": 40.75, "partisipasi": 17.23}
            avg = 45.0
        else:
            means = {"penyelenggaraan": 42.22, "sosial_politik": 31.13, "kontestasi": 26.22, "partisipasi": 3.83}
            avg = 31.0
        for dim, mean in means.items():
            value = np.clip(mean * base / avg + rng.normal(0, 5), 0, 100)
            rows.append((region.code, dim, round(float(value), 2)))
    return pd.DataFrame(rows, columns=["kode_wilayah", "dimensi", "skor"])


def generate_incidents(rng: np.random.Generator, ikp: pd.DataFrame) -> pd.DataFrame:
    regions = reference.regions()
    kab = regions[(regions["level"] == "kabupaten_kota") & regions["province_code"].isin(SAMPLE_PROVINCES)]
    kec = regions[regions["level"] == "kecamatan"]
    provinces = regions[regions["level"] == "provinsi"].set_index("code")["name"]
    totals = ikp[ikp["dimensi"] == "total"].set_index("kode_wilayah")["skor"]
    periods = _phase_periods()

    rows = []
    for period in periods.itertuples():
        day = period.starts_on
        while day <= period.ends_on:
            for region in kab.itertuples():
                ikp_factor = 0.5 + totals.get(region.code, 30.0) / 50.0
                pop_factor = 0.7 + min(region.population / 600_000, 1.0)
                lam = _PHASE_INTENSITY[period.phase] * ikp_factor * pop_factor
                for _ in range(rng.poisson(lam)):
                    rows.append(_one_incident(rng, day, period.phase, region, kec, provinces))
            day += timedelta(days=1)
    # Bursts around events: a contested recount and a clash on voting day.
    bursts = [("53.71", date(2024, 12, 2), "rekapitulasi", 9), ("61.71", date(2024, 11, 27), "pemungutan_suara", 6),
              ("65.02", date(2024, 11, 10), "kampanye", 5)]
    for code, day, phase, n in bursts:
        region = next(kab[kab["code"] == code].itertuples())
        for i in range(n):
            rows.append(_one_incident(rng, day + timedelta(days=int(i // 3)), phase, region, kec, provinces))
    df = pd.DataFrame(rows)
    # Two draws can produce the same incident text on the same day; the loader would rightly
    # treat the second as a duplicate, so keep one.
    df = df.drop_duplicates(subset=["tanggal", "kabupaten_kota", "kecamatan", "jenis_kejadian", "uraian",
                                    "korban_luka", "korban_meninggal"])
    return df.sort_values(["tanggal", "kabupaten_kota"], kind="stable").reset_index(drop=True)


def _one_incident(rng, day: date, phase: str, region, kec: pd.DataFrame, provinces) -> dict:
    weights = _PHASE_CATEGORIES[phase]
    cats = list(weights)
    p = np.array([weights[c] for c in cats], dtype=float)
    category = cats[rng.choice(len(cats), p=p / p.sum())]
    kecs = kec[kec["kabkota_code"] == region.code]
    k = kecs.iloc[int(rng.integers(len(kecs)))]
    place = f"Kec. {k['name']}"
    desc = rng.choice(_DESCRIPTIONS[category]).format(place=place, who=rng.choice(_WHO))
    violent = category in ("kekerasan_fisik", "bentrok_massa")
    injured = int(rng.poisson(1.6)) if violent else int(rng.random() < 0.03)
    killed = int(rng.random() < (0.06 if violent else 0.002))
    with_coords = rng.random() < 0.4
    return {
        "tanggal": day.isoformat(),
        "provinsi": provinces[region.province_code],
        "kabupaten_kota": region.name,
        "kecamatan": k["name"],
        "desa": "",
        "tahapan": phase,
        "jenis_kejadian": category,
        "uraian": desc,
        "pelaku": rng.choice(_PERPETRATORS),
        "korban_luka": injured,
        "korban_meninggal": killed,
        "sumber": rng.choice(_SOURCES),
        "lat": round(k["lat"] + rng.normal(0, 0.02), 5) if with_coords else "",
        "lon": round(k["lon"] + rng.normal(0, 0.02), 5) if with_coords else "",
    }


def generate_violations(rng: np.random.Generator) -> pd.DataFrame:
    regions = reference.regions()
    kab = regions[(regions["level"] == "kabupaten_kota") & regions["province_code"].isin(SAMPLE_PROVINCES)]
    types = list(reference.violation_types()["violation_type"])
    rate = {"pencalonan": 0.6, "kampanye": 2.0, "masa_tenang": 0.8, "pemungutan_suara": 1.2,
            "rekapitulasi": 0.9, "penetapan": 0.3}
    periods = _phase_periods().set_index("phase")
    rows = []
    for region in kab.itertuples():
        for phase, lam in rate.items():
            for vtype in types:
                n = int(rng.poisson(lam * (1.5 if vtype in ("administrasi", "netralitas_asn") else 0.6)))
                if n:
                    rows.append({"kode_wilayah": region.code, "tahapan": phase, "jenis_pelanggaran": vtype,
                                 "jumlah": n, "tanggal": periods.loc[phase, "ends_on"].isoformat()})
    return pd.DataFrame(rows)


def dpt_standins() -> pd.DataFrame:
    regions = reference.regions()
    rows = regions[regions["level"] != "kecamatan"]
    ratio = NATIONAL_DPT_PILKADA2024 / NATIONAL_POPULATION
    return pd.DataFrame(
        {"kode_wilayah": rows["code"].to_numpy(), "dpt": (rows["population"].astype("float64") * ratio).round().astype("int64").to_numpy()}
    )


def main(out_dir: Path = GENERATED_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    ikp = generate_ikp_standins(rng)
    files = {
        "ikp2024_pengganti_generated.csv": ikp,
        "insiden_contoh_generated.csv": generate_incidents(rng, ikp),
        "pelanggaran_contoh_generated.csv": generate_violations(rng),
        "dpt_perkiraan_generated.csv": dpt_standins(),
    }
    for name, df in files.items():
        df.to_csv(out_dir / name, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        print(f"{name}: {len(df)} baris")


if __name__ == "__main__":
    main()
