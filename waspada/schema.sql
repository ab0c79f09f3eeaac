-- Waspada database schema (DuckDB). One file, read top to bottom.
-- Every statement is idempotent (IF NOT EXISTS / OR REPLACE): waspada.db.apply_schema() applies the
-- whole file, after the in-place upgrades of older files, whenever a file is opened for writing
-- (so `etl build` and every load bring an older file up to date).
-- Region codes are Kemendagri's dotted codes: '65' (provinsi), '65.71' (kabupaten/kota),
-- '65.71.01' (kecamatan). Phase codes are fixed (see table phases).

-- Reference: regions -----------------------------------------------------------------
CREATE TABLE IF NOT EXISTS regions (
    code          VARCHAR PRIMARY KEY,          -- dotted Kemendagri code
    parent_code   VARCHAR,                      -- NULL for a provinsi
    level         VARCHAR NOT NULL CHECK (level IN ('provinsi', 'kabupaten_kota', 'kecamatan')),
    name          VARCHAR NOT NULL,             -- official name: 'Kabupaten Malinau', 'Kota Tarakan'
    short_name    VARCHAR NOT NULL,             -- without the Kabupaten/Kota prefix: 'Malinau'
    kind          VARCHAR NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'kota_administrasi',
                                                   'kabupaten_administrasi', 'kecamatan')),
    province_code VARCHAR NOT NULL,
    kabkota_code  VARCHAR,                      -- for a kecamatan: its kabupaten/kota; for a kab/kota: itself
    lat           DOUBLE,                       -- centroid (may fall in the sea for archipelagos)
    lon           DOUBLE,
    population    BIGINT,                       -- Dukcapil, Kepmendagri 300.2.2-2138/2025; NULL for kecamatan
    area_km2      DOUBLE,
    timezone      VARCHAR CHECK (timezone IN ('WIB', 'WITA', 'WIT'))
);

-- Reference: elections and their schedule ---------------------------------------------
CREATE TABLE IF NOT EXISTS phases (
    phase       VARCHAR PRIMARY KEY,            -- persiapan, pencalonan, kampanye, masa_tenang,
    phase_order INTEGER NOT NULL UNIQUE,        -- pemungutan_suara, rekapitulasi, penetapan, pelantikan
    name_id     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS elections (
    election_id        VARCHAR PRIMARY KEY,     -- 'pilkada2024'
    name               VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL CHECK (kind IN ('pilkada', 'psu', 'pilkada_ulang')),
    vote_on            DATE NOT NULL,
    parent_election_id VARCHAR,                 -- a PSU or Pilkada ulang points at the election it repeats
    source             VARCHAR NOT NULL
);

-- Non-overlapping phase periods: every date between the first start and the last end
-- falls into exactly one phase. Derived from election_stages by etl.
CREATE TABLE IF NOT EXISTS election_phases (
    election_id VARCHAR NOT NULL,
    phase       VARCHAR NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    PRIMARY KEY (election_id, phase),
    CHECK (ends_on >= starts_on)
);

-- Detailed sub-stages of the schedule for timelines; they may overlap inside a phase. `stage`
-- here is a sub-stage (e.g. 'pendaftaran_paslon'), not a phase: incidents carry a phase.
CREATE TABLE IF NOT EXISTS election_stages (
    election_id VARCHAR NOT NULL,
    phase       VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    name_id     VARCHAR NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    note        VARCHAR,
    PRIMARY KEY (election_id, stage)
);

-- Which regions hold which race. A PSU may cover only part of a region (note says which).
CREATE TABLE IF NOT EXISTS contests (
    election_id VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    race        VARCHAR NOT NULL CHECK (race IN ('gubernur', 'bupati', 'walikota')),
    note        VARCHAR,
    PRIMARY KEY (election_id, region_code)
);

-- A schedule an office loaded for an election (`waspada load-schedule FILE`) replaces the
-- embedded or rule-made stages of that election and survives `etl build`; loaded_from is the
-- file name (NULL for stages Waspada ships or derives, e.g. the re-vote rule).
ALTER TABLE election_stages ADD COLUMN IF NOT EXISTS loaded_from VARCHAR;

-- The ballot of every contest: one row per candidate pair, and the kolom kosong of a
-- single-candidate contest (empty_column), with its ballot number (KPU Sirekap).
CREATE TABLE IF NOT EXISTS candidate_pairs (
    election_id  VARCHAR NOT NULL,
    region_code  VARCHAR NOT NULL,
    ballot_no    INTEGER NOT NULL,
    name         VARCHAR NOT NULL,
    empty_column BOOLEAN NOT NULL,              -- kolom kosong (the single pair's opponent)
    source       VARCHAR NOT NULL,
    PRIMARY KEY (election_id, region_code, ballot_no)
);

-- KPU figures per region. Every figure says which election it is from and whether it is
-- a published figure or a generated stand-in.
CREATE TABLE IF NOT EXISTS kpu_figures (
    region_code  VARCHAR NOT NULL,
    figure       VARCHAR NOT NULL CHECK (figure IN ('dpt', 'tps', 'paslon')),
    value        BIGINT NOT NULL CHECK (value >= 0),
    of_election  VARCHAR NOT NULL,              -- 'pemilu2024', 'pilkada2024', ...
    source       VARCHAR NOT NULL,
    generated    BOOLEAN NOT NULL,
    upload_id    BIGINT,                        -- NULL for embedded data
    PRIMARY KEY (region_code, figure, of_election)
);

-- Bawaslu ---------------------------------------------------------------------------
-- IKP scores: dimension 'total' or one of the four dimensions. Category follows Bawaslu's
-- bands for the region's level (reference.IKP_BANDS, from data/reference/BAWASLU_IKP2024.md).
CREATE TABLE IF NOT EXISTS ikp_scores (
    edition     VARCHAR NOT NULL,               -- 'ikp2024'
    region_code VARCHAR NOT NULL,
    dimension   VARCHAR NOT NULL CHECK (dimension IN ('total', 'sosial_politik', 'penyelenggaraan',
                                                      'kontestasi', 'partisipasi')),
    score       DOUBLE NOT NULL CHECK (score BETWEEN 0 AND 100),
    category    VARCHAR NOT NULL CHECK (category IN ('rendah', 'sedang', 'tinggi')),
    source      VARCHAR NOT NULL,
    generated   BOOLEAN NOT NULL,
    upload_id   BIGINT,
    PRIMARY KEY (edition, region_code, dimension)
);

-- Published vulnerability mappings beside the IKP: Bawaslu's Pemetaan Kerawanan Pemilihan
-- Serentak 2024 (a category, no score) and Polri's IPKP (a score). `published` as the source
-- dates it ('2024-08-26', or '2024-05' when only the month is known).
CREATE TABLE IF NOT EXISTS vulnerability_maps (
    index_name  VARCHAR NOT NULL CHECK (index_name IN ('bawaslu_pemetaan_2024', 'polri_ipkp_2024')),
    region_code VARCHAR NOT NULL,
    published   VARCHAR NOT NULL,
    category    VARCHAR CHECK (category IN ('rendah', 'sedang', 'tinggi')),
    score       DOUBLE,
    note        VARCHAR,
    source      VARCHAR NOT NULL,
    PRIMARY KEY (index_name, region_code),
    CHECK (category IS NOT NULL OR score IS NOT NULL)
);

CREATE TABLE IF NOT EXISTS violation_types (
    violation_type VARCHAR PRIMARY KEY,         -- administrasi, pidana, kode_etik, netralitas_asn, politik_uang
    name_id        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL
);

-- Violation reports (temuan and laporan) counted per region, phase and type.
CREATE TABLE IF NOT EXISTS violations (
    election_id    VARCHAR NOT NULL,
    region_code    VARCHAR NOT NULL,
    phase          VARCHAR NOT NULL,
    violation_type VARCHAR NOT NULL,
    reports        INTEGER NOT NULL CHECK (reports >= 0),
    reported_on    DATE,                        -- the date the count was published, where known
    source         VARCHAR NOT NULL,
    generated      BOOLEAN NOT NULL,
    upload_id      BIGINT,
    PRIMARY KEY (election_id, region_code, phase, violation_type)
);

-- Incidents ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS incident_categories (
    category  VARCHAR PRIMARY KEY,              -- taxonomy code, 'lainnya' included
    name_id   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    election_related BOOLEAN,                   -- data/taxonomy/kategori_insiden.csv (KATEGORI_INSIDEN.md)
    athg      VARCHAR                           -- ancaman, tantangan, hambatan, gangguan (Permendagri 46/2019); NULL: lainnya
);

CREATE SEQUENCE IF NOT EXISTS upload_id_seq START 1;

-- One row per loaded file; the raw file is kept at stored_path (under data/uploads/).
CREATE TABLE IF NOT EXISTS uploads (
    upload_id     BIGINT PRIMARY KEY DEFAULT nextval('upload_id_seq'),
    kind          VARCHAR NOT NULL CHECK (kind IN ('incidents', 'kpu', 'ikp', 'violations', 'sample')),
    file_name     VARCHAR NOT NULL,             -- as uploaded
    sha256        VARCHAR NOT NULL,
    stored_path   VARCHAR,                      -- relative to the data directory
    uploaded_at   TIMESTAMPTZ NOT NULL,
    uploaded_by   VARCHAR NOT NULL,
    data_rows     INTEGER NOT NULL,
    accepted      INTEGER NOT NULL,
    duplicates    INTEGER NOT NULL,
    refused       INTEGER NOT NULL,
    report_json   VARCHAR NOT NULL,             -- the whole parse report, refusals and warnings included
    withdrawn_at  TIMESTAMPTZ,
    withdrawn_by  VARCHAR
);

CREATE SEQUENCE IF NOT EXISTS incident_id_seq START 1;

CREATE TABLE IF NOT EXISTS incidents (
    id            BIGINT PRIMARY KEY DEFAULT nextval('incident_id_seq'),
    election_id   VARCHAR NOT NULL,
    occurred_on   DATE NOT NULL,
    province_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,             -- the kabupaten/kota
    kecamatan_code VARCHAR,                     -- NULL when the kecamatan is unknown or not given
    kecamatan     VARCHAR,                      -- as written in the file
    desa          VARCHAR,
    phase         VARCHAR NOT NULL,             -- phases.phase
    phase_from    VARCHAR NOT NULL CHECK (phase_from IN ('file', 'jadwal')), -- written in the file, or from the schedule
    category      VARCHAR NOT NULL,             -- incident_categories.category
    category_raw  VARCHAR,                      -- as written in the file
    category_from VARCHAR NOT NULL DEFAULT 'kolom'
                  CHECK (category_from IN ('kolom', 'uraian', 'staf')), -- type column, description, staff's choice
    category_words VARCHAR,                     -- the phrases that decided the category
    description   VARCHAR NOT NULL,
    perpetrator   VARCHAR,                      -- pelaku
    injured       INTEGER NOT NULL DEFAULT 0 CHECK (injured >= 0),
    killed        INTEGER NOT NULL DEFAULT 0 CHECK (killed >= 0),
    injured_severe INTEGER,                     -- luka berat (LB) when the file says; injured = LB + LR
    injured_light INTEGER,                      -- luka ringan (LR) when the file says
    source        VARCHAR,                      -- sumber informasi, as written
    source_kind   VARCHAR,                      -- data/taxonomy/sumber_laporan.csv code; NULL when not recognised
    lat           DOUBLE,
    lon           DOUBLE,
    source_file   VARCHAR NOT NULL,             -- file name as uploaded
    source_row    INTEGER,                      -- the row number as Excel shows it
    upload_id     BIGINT NOT NULL,
    generated     BOOLEAN NOT NULL DEFAULT FALSE, -- TRUE for the embedded generated sample
    content_hash  VARCHAR NOT NULL UNIQUE       -- makes re-loading idempotent
);

-- The incidents every reader sees: the view visible_incidents, defined at the end of this
-- file with the verification status it carries (it reads the verification tables).

-- Bookkeeping -------------------------------------------------------------------------
-- One row per data source: where it came from and when it was last loaded (Metode dan Data page).
CREATE TABLE IF NOT EXISTS data_sources (
    dataset     VARCHAR PRIMARY KEY,
    description VARCHAR NOT NULL,
    origin      VARCHAR NOT NULL,
    generated   BOOLEAN NOT NULL,
    rows        INTEGER NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL
);

-- Risk: alerts ------------------------------------------------------------------------
-- Early-warning alerts, stored by waspada.risk.refresh_alerts() after every load (method:
-- docs/risk-model.md). alert_id is a hash of what the alert is about (kind, region, phase,
-- day, and the category, threshold or incident), so refreshing again never stores the same
-- alert twice; created_at is when Waspada first raised it ("baru sejak rapat terakhir").
CREATE TABLE IF NOT EXISTS alerts (
    alert_id      VARCHAR PRIMARY KEY,
    election_id   VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    level         VARCHAR NOT NULL CHECK (level IN ('provinsi', 'kabupaten_kota', 'kecamatan')),
    province_code VARCHAR NOT NULL,
    phase         VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('kategori_naik', 'lonjakan_insiden', 'korban_jiwa')),
    category      VARCHAR,                      -- risk category on triggered_on
    category_prev VARCHAR,                      -- the day before (kategori_naik)
    score         DOUBLE,                       -- risk score on triggered_on
    n_incidents   INTEGER,                      -- lonjakan_insiden: incidents in the window; korban_jiwa: killed
    incident_id   BIGINT,                       -- korban_jiwa: the incident
    reason_id     VARCHAR NOT NULL,
    reason_en     VARCHAR NOT NULL,
    triggered_on  DATE NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Briefings and reporting compliance ---------------------------------------------------
-- A briefing the presenter saved (waspada.briefing.save_briefing): the next briefing of
-- the province shows what is new since the latest saved one with an earlier as_of date.
CREATE SEQUENCE IF NOT EXISTS briefing_id_seq START 1;
CREATE TABLE IF NOT EXISTS briefings (
    id        BIGINT PRIMARY KEY DEFAULT nextval('briefing_id_seq'),
    province  VARCHAR NOT NULL,                 -- provinsi code, '65'
    saved_at  TIMESTAMPTZ NOT NULL,
    saved_by  VARCHAR NOT NULL,
    as_of     DATE NOT NULL,                    -- the date the briefing showed
    phase     VARCHAR NOT NULL,                 -- the phase it showed
    note      VARCHAR
);

-- "Nihil" (nothing to report) recorded by staff for a kabupaten/kota and a reporting week
-- (waspada.compliance.record_nihil). Incidents of a region also count as its report for
-- the weeks they occurred in (docs/briefing.md).
CREATE TABLE IF NOT EXISTS report_nihil (
    region_code VARCHAR NOT NULL,               -- kabupaten/kota code, '65.71'
    week_start  DATE NOT NULL,                  -- first day of the reporting week
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (region_code, week_start)
);

-- Region names an office taught (waspada.aliases): `name` as files write it is read as
-- `code` (a kabupaten/kota, or a kecamatan inside its kabupaten/kota). Used by every later
-- upload and CLI load after the official names and before the published aliases in data/aliases/.
CREATE SEQUENCE IF NOT EXISTS region_alias_id_seq START 1;
CREATE TABLE IF NOT EXISTS region_aliases (
    alias_id    BIGINT PRIMARY KEY DEFAULT nextval('region_alias_id_seq'),
    name        VARCHAR NOT NULL,               -- as staff saw it in a file
    alias_key   VARCHAR NOT NULL,               -- the name normalised as the resolver reads it
    code        VARCHAR NOT NULL,               -- kabupaten/kota '64.02' or kecamatan '64.02.01'
    parent_code VARCHAR NOT NULL,               -- where it holds: the province of a kab/kota, the kab/kota of a kecamatan
    created_by  VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (alias_key, parent_code)
);

-- Verification of incidents (issue 15) --------------------------------------------------
-- Every decision on an incident is an event (waspada.verification); nothing is updated in
-- place, so the history stays. An event is keyed on the incident's content_hash, what
-- identifies an unchanged row: a corrected file loaded again (after the old upload was
-- withdrawn) gives its unchanged rows new ids but the same hash, and so the same status.
CREATE SEQUENCE IF NOT EXISTS verification_event_seq START 1;
CREATE TABLE IF NOT EXISTS incident_verifications (
    event_id     BIGINT PRIMARY KEY DEFAULT nextval('verification_event_seq'),
    incident_key VARCHAR NOT NULL,              -- incidents.content_hash (without a withdrawal mark)
    incident_id  BIGINT NOT NULL,               -- the incident's id when decided (ids change on a re-upload)
    status       VARCHAR NOT NULL CHECK (status IN ('dilaporkan', 'terverifikasi', 'ditolak')),
    reason       VARCHAR CHECK (reason IN ('hoaks', 'duplikat', 'di_luar_wilayah', 'lainnya')),
    duplicate_of BIGINT,                        -- duplikat: the incident (id) this one repeats
    note         VARCHAR,
    decided_by   VARCHAR NOT NULL,              -- username
    decided_at   TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'ditolak') = (reason IS NOT NULL)),
    CHECK (reason IS DISTINCT FROM 'duplikat' OR duplicate_of IS NOT NULL),
    CHECK (reason IS DISTINCT FROM 'lainnya' OR length(trim(coalesce(note, ''))) > 0)
);

-- The current status of an incident: its latest event. The one place it is derived.
-- (No QUALIFY: the same text builds the PostgreSQL schema of a national deployment, waspada/pg.)
CREATE OR REPLACE VIEW incident_status AS
SELECT v.incident_key, v.incident_id, v.status, v.reason, v.duplicate_of, v.note, v.decided_by, v.decided_at
FROM incident_verifications v
WHERE v.event_id = (SELECT max(w.event_id) FROM incident_verifications w WHERE w.incident_key = v.incident_key);

-- The incidents every reader sees. Incidents of a withdrawn upload stay in the table for the
-- audit trail but are invisible: every query, score, alert and report reads this view, and
-- only the writers (loads, build, withdrawal) touch the table itself. verification_status
-- is 'dilaporkan' until someone decides; the risk model weighs it ([verification] in
-- data/risk_model.toml).
CREATE OR REPLACE VIEW visible_incidents AS
SELECT i.*, coalesce(s.status, 'dilaporkan') AS verification_status
FROM incidents i LEFT JOIN incident_status s ON s.incident_key = i.content_hash
WHERE i.upload_id NOT IN (SELECT upload_id FROM uploads WHERE withdrawn_at IS NOT NULL);

-- Alerts someone owns (issue 15) ---------------------------------------------------------
-- What officials did about an alert, as events appended by waspada.alert_work: taking it,
-- assigning it, a note, closing (selesai), dismissing (diabaikan, with a reason), reopening.
-- Keyed by alerts.alert_id (a stable hash: refreshing the alerts never loses this), and the
-- status and owner are derived from the events, so two officials writing at once both count.
CREATE SEQUENCE IF NOT EXISTS alert_event_seq START 1;
CREATE TABLE IF NOT EXISTS alert_events (
    event_id   BIGINT PRIMARY KEY DEFAULT nextval('alert_event_seq'),
    alert_id   VARCHAR NOT NULL,                -- alerts.alert_id
    action     VARCHAR NOT NULL CHECK (action IN ('ambil', 'tugaskan', 'catatan', 'selesai', 'abaikan', 'buka')),
    status     VARCHAR NOT NULL CHECK (status IN ('baru', 'ditangani', 'selesai', 'diabaikan')), -- after the event
    owner      VARCHAR,                         -- after the event (username)
    reason     VARCHAR,                         -- abaikan: why
    note       VARCHAR,
    by_user    VARCHAR NOT NULL,                -- username
    acted_at   TIMESTAMPTZ NOT NULL,
    CHECK (status NOT IN ('selesai', 'diabaikan') OR owner IS NOT NULL)
);

-- Action register (issue 15, waspada/actions.py) ------------------------------------------
-- Rencana aksi and rencana kontinjensi: what the office and the Forkopimda do, per region
-- (kabupaten/kota or provinsi) and phase. The current state of an action is its row here and
-- nowhere else; action_events keeps every change (the history), the accounts' audit_log who did it.
-- action_key (region, phase, kind, activity, agency) makes a re-imported matrix update, never duplicate.
CREATE SEQUENCE IF NOT EXISTS action_id_seq START 1;
CREATE TABLE IF NOT EXISTS actions (
    action_id     BIGINT PRIMARY KEY DEFAULT nextval('action_id_seq'),
    action_key    VARCHAR NOT NULL UNIQUE,      -- waspada.actions.action_key
    election_id   VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,             -- kabupaten/kota '65.71' or provinsi '65'
    province_code VARCHAR NOT NULL,
    phase         VARCHAR NOT NULL,             -- phases.phase
    kind          VARCHAR NOT NULL CHECK (kind IN ('aksi', 'kontinjensi')),
    what          VARCHAR NOT NULL,             -- kegiatan, as written
    agency        VARCHAR NOT NULL,             -- instansi: a name of waspada.actions.AGENCIES, else as written
    responsible   VARCHAR,                      -- penanggung jawab (a person)
    due_on        DATE,                         -- tenggat
    status        VARCHAR NOT NULL CHECK (status IN ('rencana', 'berjalan', 'selesai', 'batal')),
    result        VARCHAR,                      -- selesai: hasil; batal: alasan
    done_on       DATE,                         -- the day it was done (selesai)
    alert_id      VARCHAR,                      -- alerts.alert_id it answers, if any
    category      VARCHAR,                      -- incident_categories.category it is about, if any
    library_id    VARCHAR,                      -- data/actions/library.csv row it started from
    created_by    VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_by    VARCHAR NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK (status <> 'selesai' OR result IS NOT NULL),
    CHECK (status <> 'batal' OR result IS NOT NULL)
);

CREATE SEQUENCE IF NOT EXISTS action_event_id_seq START 1;
CREATE TABLE IF NOT EXISTS action_events (
    event_id    BIGINT PRIMARY KEY DEFAULT nextval('action_event_id_seq'),
    action_id   BIGINT NOT NULL,
    event_at    TIMESTAMPTZ NOT NULL,
    actor       VARCHAR NOT NULL,
    event       VARCHAR NOT NULL CHECK (event IN ('dibuat', 'status', 'ditugaskan', 'komentar', 'diimpor')),
    status_from VARCHAR,
    status_to   VARCHAR,
    note        VARCHAR,                        -- result, reason, person assigned or comment
    detail      VARCHAR NOT NULL DEFAULT '{}'   -- JSON
);
