"""`python -m etl generate-national --db PATH [--incidents N] [--seed S]`: a national-scale
GENERATED dataset for benchmarks and load tests. Nothing in it is a real incident.

What it writes (deterministic: the same seed gives the same rows on any machine):

* the reference tables through ``etl.build.build_database(path, sample=False)``: all 38
  provinces, 514 kabupaten/kota and 7,285 kecamatan, the Pilkada 2024 schedule and contests,
  TPS counts and IKP for every region (real where published, the build's labelled stand-ins
  elsewhere);
* a second, HYPOTHETICAL election cycle ``pilkada2029`` (the Pilkada 2024 schedule moved five
  years on, every stage named "(hipotetis, dibangkitkan)", the same contests), so two cycles
  sit in one file as they will after the next Pilkada;
* N incidents (default 1,000,000) over both cycles, made in DuckDB SQL from hashes of
  (row number, seed), with the clustering real logs show: more per day in kampanye, masa
  tenang, on voting day and in rekapitulasi; more in populous kecamatan and in kabupaten/kota
  with a high IKP; categories that follow the phase (politik uang before the vote, gangguan TPS
  on the day, sengketa hasil after it); and bursts (about 8% of incidents) of several days
  around an event in one kabupaten/kota.

``write_incident_workbook`` makes the messy 50,000-row staff workbooks that ingest is timed on
(benchmarks/bench_ingest.py); ``--excel-files K`` writes K of them beside the database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from waspada import reference
from waspada.reference import DEFAULT_ELECTION_ID
from waspada.db import Database
from waspada.i18n import DEFAULT_LANG, fmt_number, t

SEED = 20241127
N_INCIDENTS = 1_000_000
SECOND_ELECTION = "pilkada2029"
SECOND_ELECTION_SHIFT_YEARS = 5
CYCLE_SHARE = {DEFAULT_ELECTION_ID: 0.6, SECOND_ELECTION: 0.4}
UPLOAD_ID = 900_000_000  # far above any real upload id
SOURCE_FILE = "insiden_nasional_generated"
GENERATED_SOURCE = "Dibangkitkan (bukan kejadian nyata): etl/national.py"

# Incidents per day in each phase, relative to one another.
PHASE_DAY_WEIGHT = {"persiapan": 0.3, "pencalonan": 1.0, "kampanye": 2.5, "masa_tenang": 3.0,
                    "pemungutan_suara": 12.0, "rekapitulasi": 3.0, "penetapan": 0.6, "pelantikan": 0.5}
# Category weights that differ from 1 in a phase.
PHASE_CATEGORY_WEIGHT = {
    "persiapan": {"netralitas_asn": 3, "hoaks_sara": 2, "lainnya": 2},
    "pencalonan": {"unjuk_rasa": 3, "netralitas_asn": 2},
    "kampanye": {"hoaks_sara": 4, "politik_uang": 3, "intimidasi": 3, "bentrok_massa": 2},
    "masa_tenang": {"politik_uang": 6, "intimidasi": 2},
    "pemungutan_suara": {"gangguan_tps": 6, "gangguan_logistik": 3, "politik_uang": 2},
    "rekapitulasi": {"unjuk_rasa": 4, "sengketa_hasil": 4, "bentrok_massa": 2, "perusakan": 2},
    "penetapan": {"sengketa_hasil": 5, "unjuk_rasa": 3},
    "pelantikan": {"unjuk_rasa": 2},
}
VIOLENT = ("bentrok_massa", "kekerasan_fisik", "perusakan")
BURST_SHARE = 0.08      # share of incidents that belong to a burst around an event
BURST_SIZE = 200        # incidents per burst event, on average (the number of events follows n)
BURST_HALF_WIDTH = 2    # days either side of the event day


@dataclass(frozen=True)
class NationalCounts:
    incidents: int
    by_election: dict[str, int]
    seconds: float


def second_cycle_stages() -> pd.DataFrame:
    """The hypothetical pilkada2029 schedule: Pilkada 2024's stages five years on."""
    stages = reference.election_stages()
    stages = stages[stages["election_id"] == DEFAULT_ELECTION_ID].copy()

    def shift(d: dt.date) -> dt.date:
        try:
            return d.replace(year=d.year + SECOND_ELECTION_SHIFT_YEARS)
        except ValueError:  # 29 February
            return d.replace(year=d.year + SECOND_ELECTION_SHIFT_YEARS, day=28)

    stages["election_id"] = SECOND_ELECTION
    stages["starts_on"] = stages["starts_on"].map(shift)
    stages["ends_on"] = stages["ends_on"].map(shift)
    stages["name_id"] = stages["name_id"] + " (hipotetis, dibangkitkan)"
    stages["note"] = "Jadwal hipotetis untuk uji skala nasional; bukan jadwal KPU."
    return stages


def _insert_frame(con, table: str, df: pd.DataFrame) -> None:
    con.register("_national_rows", df)
    cols = ", ".join(df.columns)
    con.execute("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM _national_rows")
    con.unregister("_national_rows")


def add_second_cycle(con) -> None:
    """elections, election_stages, election_phases and contests rows of pilkada2029."""
    for table in ("contests", "election_phases", "election_stages", "elections"):
        con.execute("DELETE FROM " + table + " WHERE election_id = ?", [SECOND_ELECTION])
    first = reference.ELECTIONS.iloc[0]
    _insert_frame(con, "elections", pd.DataFrame([{
        "election_id": SECOND_ELECTION, "name": "Pilkada 2029 (HIPOTETIS, dibangkitkan untuk uji skala)",
        "kind": "pilkada", "vote_on": first["vote_on"].replace(year=first["vote_on"].year + SECOND_ELECTION_SHIFT_YEARS),
        "parent_election_id": None, "source": GENERATED_SOURCE}]))
    stages = second_cycle_stages()
    _insert_frame(con, "election_stages", stages)
    _insert_frame(con, "election_phases", reference.phase_periods(stages))
    con.execute("INSERT INTO contests (election_id, region_code, race, note) SELECT ?, region_code, race,"
                 " 'hipotetis (dibangkitkan)' FROM contests WHERE election_id = ?", [SECOND_ELECTION, DEFAULT_ELECTION_ID])


# The generator: uniform numbers in [0, 1) from hash(row, seed, purpose); weighted choices by
# ASOF joins on cumulative weights (the last row whose lower bound is <= the number).
_GENERATE_SQL = """
INSERT INTO incidents (election_id, occurred_on, province_code, region_code, kecamatan_code, kecamatan,
                       phase, phase_from, category, description, injured, killed, source_file, source_row,
                       upload_id, generated, content_hash)
WITH
prm AS (SELECT ?::BIGINT AS seed, (?::BIGINT % 1073741824) * 4294967296 AS base, ?::DOUBLE AS share_first,
               ?::DOUBLE AS burst_share, ?::INTEGER AS events, ?::INTEGER AS half_width),
gen AS (
    -- one independent stream per purpose: hash() of one number, key = seed block + 16*i + stream
    -- (hash() of several arguments combines their hashes, so streams of the same row would correlate)
    SELECT i,
        CASE WHEN hash(prm.base + 16 * i + 1) / 18446744073709551616.0 < prm.share_first
             THEN ? ELSE ? END AS election_id,
        hash(prm.base + 16 * i + 2) / 18446744073709551616.0 < prm.burst_share AS in_burst,
        (hash(prm.base + 16 * i + 3) % prm.events)::INTEGER AS event,
        hash(prm.base + 16 * i + 4) / 18446744073709551616.0 AS u_kec,
        hash(prm.base + 16 * i + 5) / 18446744073709551616.0 AS u_day,
        hash(prm.base + 16 * i + 6) / 18446744073709551616.0 AS u_cat,
        (hash(prm.base + 16 * i + 7) % (2 * prm.half_width + 1))::INTEGER - prm.half_width AS day_offset,
        hash(prm.base + 16 * i + 8) AS h_pick,
        hash(prm.base + 16 * i + 9) % 100 AS h_injured, 1 + hash(prm.base + 16 * i + 10) % 5 AS n_injured,
        hash(prm.base + 16 * i + 11) % 1000 AS h_killed
    FROM range(?) t(i) CROSS JOIN prm
),
-- every (cycle, event): a kabupaten/kota and a day, chosen with the same weights as single incidents
events AS (
    SELECT e.election_id, e.event, k.kabkota_code, d.day AS event_day
    -- event streams live above every row's (2^31 + ...), one block per cycle
    FROM (SELECT ep.election_id, ev.event,
                 hash(prm.base + 2147483648 + (ep.k * 1048576 + ev.event) * 16 + 1) / 18446744073709551616.0 AS u_kab,
                 hash(prm.base + 2147483648 + (ep.k * 1048576 + ev.event) * 16 + 2) / 18446744073709551616.0 AS u_day
          FROM (SELECT election_id, row_number() OVER (ORDER BY election_id) AS k
                FROM (SELECT DISTINCT election_id FROM _nat_days)) ep
          CROSS JOIN (SELECT range::INTEGER AS event FROM range((SELECT events FROM prm))) ev
          CROSS JOIN prm) e
    ASOF JOIN _nat_kab k ON e.u_kab >= k.lo
    ASOF JOIN _nat_days d ON d.election_id = e.election_id AND e.u_day >= d.lo
),
single AS (
    SELECT g.i, g.election_id, d.day, k.code AS kecamatan_code, g.u_cat, g.h_injured, g.n_injured, g.h_killed
    FROM gen g
    ASOF JOIN _nat_kec k ON g.u_kec >= k.lo
    ASOF JOIN _nat_days d ON d.election_id = g.election_id AND g.u_day >= d.lo
    WHERE NOT g.in_burst
),
burst AS (
    SELECT g.i, g.election_id,
        least(greatest(ev.event_day + g.day_offset, s.first_day), s.last_day) AS day,
        kk.code AS kecamatan_code, g.u_cat, g.h_injured, g.n_injured, g.h_killed
    FROM gen g
    JOIN events ev ON ev.election_id = g.election_id AND ev.event = g.event
    JOIN _nat_span s ON s.election_id = g.election_id
    JOIN _nat_kab_size ks ON ks.kabkota_code = ev.kabkota_code
    JOIN _nat_kec_in_kab kk ON kk.kabkota_code = ev.kabkota_code AND kk.j = g.h_pick % ks.n
    WHERE g.in_burst
),
placed AS (
    SELECT p.*, ep.phase FROM (SELECT * FROM single UNION ALL SELECT * FROM burst) p
    JOIN election_phases ep ON ep.election_id = p.election_id AND p.day BETWEEN ep.starts_on AND ep.ends_on
),
typed AS (
    SELECT p.*, c.category FROM placed p ASOF JOIN _nat_cats c ON c.phase = p.phase AND p.u_cat >= c.lo
)
SELECT t.election_id, t.day, r.province_code, r.kabkota_code, r.code, r.name, t.phase, 'jadwal', t.category,
       'insiden uji skala nasional (DIBANGKITKAN, bukan kejadian nyata)',
       CASE WHEN t.h_injured < (CASE WHEN t.category IN (SELECT unnest(?::VARCHAR[])) THEN 30 ELSE 5 END)
            THEN t.n_injured ELSE 0 END,
       CASE WHEN t.h_killed < (CASE WHEN t.category IN (SELECT unnest(?::VARCHAR[])) THEN 7 ELSE 1 END)
            THEN 1 ELSE 0 END,
       ?, t.i + 1, ?, TRUE, 'nasional-' || (SELECT seed FROM prm) || '-' || t.i
FROM typed t JOIN regions r ON r.code = t.kecamatan_code
"""


def _weights(con, seed: int) -> None:
    """Temporary tables of cumulative weights the generator draws from."""
    # kecamatan: sqrt(population) x (1 + IKP of its kabupaten/kota / 20): populous and
    # vulnerable places report more.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_kec_w AS
        SELECT r.code, r.kabkota_code,
               sqrt(greatest(coalesce(r.population, 0), 1000)) * (1 + coalesce(ik.score, ip.score, 30) / 20) AS w
        FROM regions r
        LEFT JOIN ikp_scores ik ON ik.region_code = r.kabkota_code AND ik.dimension = 'total' AND ik.edition = 'ikp2024'
        LEFT JOIN ikp_scores ip ON ip.region_code = r.province_code AND ip.dimension = 'total' AND ip.edition = 'ikp2024'
        WHERE r.level = 'kecamatan'
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_kec AS
        SELECT code, (sum(w) OVER (ORDER BY code) - w) / sum(w) OVER () AS lo FROM _nat_kec_w ORDER BY lo
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_kab AS
        WITH k AS (SELECT kabkota_code, sum(w) AS w FROM _nat_kec_w GROUP BY kabkota_code)
        SELECT kabkota_code, (sum(w) OVER (ORDER BY kabkota_code) - w) / sum(w) OVER () AS lo FROM k ORDER BY lo
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_kec_in_kab AS
        SELECT kabkota_code, (row_number() OVER (PARTITION BY kabkota_code ORDER BY code) - 1)::UBIGINT AS j, code
        FROM _nat_kec_w
    """)
    con.execute("CREATE OR REPLACE TEMP TABLE _nat_kab_size AS SELECT kabkota_code, count(*)::UBIGINT AS n"
                " FROM _nat_kec_w GROUP BY kabkota_code")
    phases = list(PHASE_DAY_WEIGHT)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_days AS
        WITH w AS (SELECT unnest(?::VARCHAR[]) AS phase, unnest(?::DOUBLE[]) AS w),
        d AS (
            SELECT ep.election_id, ep.phase, unnest(generate_series(ep.starts_on, ep.ends_on, INTERVAL 1 DAY))::DATE AS day,
                   w.w
            FROM election_phases ep JOIN w USING (phase)
        )
        SELECT election_id, day, (sum(w) OVER (PARTITION BY election_id ORDER BY day) - w)
                                 / sum(w) OVER (PARTITION BY election_id) AS lo
        FROM d ORDER BY election_id, lo
    """, [phases, [PHASE_DAY_WEIGHT[p] for p in phases]])
    con.execute("CREATE OR REPLACE TEMP TABLE _nat_span AS SELECT election_id, min(starts_on) AS first_day,"
                " max(ends_on) AS last_day FROM election_phases GROUP BY election_id")
    cats = sorted(reference.incident_categories()["category"])
    rows = [(p, c, float(PHASE_CATEGORY_WEIGHT.get(p, {}).get(c, 1))) for p in phases for c in cats]
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _nat_cats AS
        WITH w AS (SELECT unnest(?::VARCHAR[]) AS phase, unnest(?::VARCHAR[]) AS category, unnest(?::DOUBLE[]) AS w)
        SELECT phase, category, (sum(w) OVER (PARTITION BY phase ORDER BY category) - w)
                                / sum(w) OVER (PARTITION BY phase) AS lo
        FROM w ORDER BY phase, lo
    """, [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]])


def generate_incidents(con, n: int = N_INCIDENTS, seed: int = SEED,
                       share_first: float = CYCLE_SHARE[DEFAULT_ELECTION_ID]) -> int:
    """Insert n generated incidents (share_first of them in pilkada2024, the rest in
    pilkada2029) with one uploads row; replaces an earlier run's. Returns the count."""
    con.execute("DELETE FROM incidents WHERE upload_id = ?", [UPLOAD_ID])
    con.execute("DELETE FROM uploads WHERE upload_id = ?", [UPLOAD_ID])
    con.execute(
        "INSERT INTO uploads (upload_id, kind, file_name, sha256, uploaded_at, uploaded_by, data_rows, accepted,"
        " duplicates, refused, report_json) VALUES (?, 'sample', ?, ?, now(), 'etl generate-national', ?, ?, 0, 0, '{}')",
        [UPLOAD_ID, SOURCE_FILE, f"seed-{seed}", n, n])
    _weights(con, seed)
    if not 0 <= n < 2**27:
        raise ValueError("generate_incidents: n harus antara 0 dan 134.217.727")
    events = max(1, round(n * BURST_SHARE / len(CYCLE_SHARE) / BURST_SIZE))
    con.execute(_GENERATE_SQL, [seed, seed, share_first, BURST_SHARE, events, BURST_HALF_WIDTH, DEFAULT_ELECTION_ID, SECOND_ELECTION, n,
                                list(VIOLENT), list(VIOLENT), SOURCE_FILE, UPLOAD_ID])
    return con.execute("SELECT count(*) FROM incidents WHERE upload_id = ?", [UPLOAD_ID]).fetchone()[0]


def generate_national(db_path: Path | str, n: int = N_INCIDENTS, seed: int = SEED,
                      share_first: float = CYCLE_SHARE[DEFAULT_ELECTION_ID]) -> NationalCounts:
    """Build the reference tables (no sample) and add the second cycle and n incidents."""
    import time

    from etl.build import build_database

    started = time.perf_counter()
    build_database(db_path, sample=False)
    with Database(db_path).writer() as con:
        add_second_cycle(con)
        total = generate_incidents(con, n, seed, share_first)
        by_election = dict(con.execute(
            "SELECT election_id, count(*) FROM incidents WHERE upload_id = ? GROUP BY ALL ORDER BY 1", [UPLOAD_ID]
        ).fetchall())
        con.execute("DELETE FROM data_sources WHERE dataset IN ('incidents_national', 'election_pilkada2029')")
        for dataset, description, rows in (
            ("incidents_national", f"Insiden uji skala nasional, benih {seed} (DIBANGKITKAN, bukan kejadian nyata)", total),
            ("election_pilkada2029", "Jadwal Pilkada 2029 HIPOTETIS (Pilkada 2024 digeser lima tahun), dibangkitkan",
             len(second_cycle_stages())),
        ):
            con.execute("INSERT INTO data_sources VALUES (?, ?, ?, TRUE, ?, now())",
                        [dataset, description, GENERATED_SOURCE, rows])
    return NationalCounts(total, by_election, time.perf_counter() - started)


# -- the messy staff workbook ingest is timed on ------------------------------------------------
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WORKBOOK_HEADERS = ["NO", "HARI/TANGGAL", "PROVINSI", "KAB/KOTA", "KEC.", "DESA/KEL.", "TAHAPAN", "JENIS KEJADIAN",
                    "URAIAN SINGKAT", "PELAKU", "LUKA", "MD", "SUMBER INFORMASI", "LAT", "LON"]
WORKBOOK_ROWS = 50_000


def _date_cell(rng: random.Random, day: dt.date):
    style = rng.randrange(5)
    if style == 0:
        return dt.datetime(day.year, day.month, day.day)
    if style == 1:
        return f"{day:%d/%m/%Y}"
    if style == 2:
        return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
    if style == 3:
        return f"{DAYS_ID[day.weekday()]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    return f"{day:%d-%m-%Y}"


def _region_variant(rng: random.Random, name: str, short: str, kind: str) -> str:
    if kind.startswith("kota"):
        return rng.choice([name, name.upper(), f"Kota {short}", f"KOTA {short.upper()}"])
    return rng.choice([name, f"Kab. {short}", f"KAB. {short.upper()}", f"Kab {short}", name.upper()])


def write_incident_workbook(path: Path, n_rows: int = WORKBOOK_ROWS, seed: int = SEED) -> int:
    """A province-wide compilation as staff send it: merged title block, header below it,
    dates in mixed spellings, real region names in several variants, kecamatan names,
    category synonyms, about 1% bad rows, a TOTAL row and a signature block. Returns the
    number of rows meant to be refused."""
    import openpyxl

    rng = random.Random(seed)
    regions = reference.regions()
    kab = regions[(regions["level"] == "kabupaten_kota")].reset_index(drop=True)
    kec = regions[regions["level"] == "kecamatan"]
    kec_by_kab = kec.groupby("kabkota_code")["name"].apply(list).to_dict()
    prov_name = regions[regions["level"] == "provinsi"].set_index("code")["name"].to_dict()
    aliases = reference.province_aliases()
    cats = reference.incident_categories()
    cat_words = [w for syn, name in zip(cats["synonyms"], cats["name_id"]) for w in [name, *syn]]
    phase_words = ["Kampanye", "Masa Tenang", "Pungut Hitung", "Rekap", "", "", ""]
    start = dt.date(2024, 8, 27)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Nasional"
    ws.append(["REKAPITULASI LAPORAN KEWASPADAAN DINI PILKADA SERENTAK 2024 (DATA UJI, DIBANGKITKAN)"])
    ws.append(["KESBANGPOL — GABUNGAN PROVINSI"])
    ws.append([])
    ws.merge_cells("A1:O1")
    ws.merge_cells("A2:O2")
    ws.append(WORKBOOK_HEADERS)
    bad = 0
    for i in range(n_rows):
        r = kab.iloc[rng.randrange(len(kab))]
        day = start + dt.timedelta(days=rng.randrange(110))
        date_cell = _date_cell(rng, day)
        if rng.random() < 0.01:  # a bad row now and then
            bad += 1
            date_cell = "31/02/2024"
        prov = rng.choice([prov_name[r.province_code], *aliases.get(r.province_code, []), ""])
        kecs = kec_by_kab.get(r.code, [""])
        ws.append([
            i + 1, date_cell, prov, _region_variant(rng, r["name"], r.short_name, r.kind),
            rng.choice(kecs), "", rng.choice(phase_words), rng.choice(cat_words),
            f"Kejadian uji nomor {i + 1} di {r.short_name}", rng.choice(["", "OTK", "Massa pendukung"]),
            rng.choice([0, 0, 0, 1, 2, ""]), rng.choice([0, 0, 0, 0, ""]),
            rng.choice(["Polres", "Bawaslu", "Kesbangpol kab/kota", "Media daring"]),
            round(r.lat, 4) if rng.random() < 0.3 else "", round(r.lon, 4) if rng.random() < 0.3 else "",
        ])
    last = ws.max_row
    ws.append(["TOTAL", None, None, None, None, None, None, None, None, None, f"=SUM(K5:K{last})", f"=SUM(L5:L{last})"])
    ws.append([])
    ws.append([None] * 11 + ["Jakarta, 20 Desember 2024"])
    ws.append([None] * 11 + ["Kepala Badan Kesbangpol"])
    ws.append([None] * 11 + ["NIP. 19700101 199001 1 001"])
    wb.save(path)
    return bad


# -- command line ---------------------------------------------------------------------------------
def run(args) -> int:
    counts = generate_national(args.db, args.incidents, args.seed)
    per = ", ".join(f"{k} {fmt_number(v)}" for k, v in counts.by_election.items())
    lang = getattr(args, "lang", DEFAULT_LANG)
    print(t("national_ready", lang, db=args.db, incidents=fmt_number(counts.incidents), per_election=per,
            seconds=fmt_number(counts.seconds, 1)))
    for k in range(args.excel_files):
        book = Path(args.db).with_name(f"insiden_{WORKBOOK_ROWS}_{k + 1}_generated.xlsx")
        write_incident_workbook(book, WORKBOOK_ROWS, args.seed + k)
        print(t("national_workbook", lang, path=book))
    return 0


def register(sub, default_db: str, lang: str = DEFAULT_LANG) -> None:
    p = sub.add_parser("generate-national", help=t("national_help", lang))
    p.add_argument("--db", default=str(Path(default_db).parent / "generated" / "waspada_nasional_generated.duckdb"),
                   help=t("national_db_help", lang))
    p.add_argument("--incidents", type=int, default=N_INCIDENTS, help=t("national_incidents_help", lang))
    p.add_argument("--seed", type=int, default=SEED, help=t("national_seed_help", lang))
    p.add_argument("--excel-files", type=int, default=0, help=t("national_excel_help", lang))
    p.set_defaults(func=run)
