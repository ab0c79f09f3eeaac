-- Accounts database (DuckDB): users, login sessions and the audit log.
-- A separate file from the main database (default data/accounts.duckdb): the main file is
-- copied on every write, so logins, which write often, must not write into it.
-- Every statement is idempotent (IF NOT EXISTS). All times are UTC (TIMESTAMPTZ).

CREATE TABLE IF NOT EXISTS users (
    username             VARCHAR PRIMARY KEY,       -- login name, lower case: 'budi', 'admin'
    display_name         VARCHAR NOT NULL,
    role                 VARCHAR NOT NULL CHECK (role IN ('pimpinan', 'staf', 'admin')),
    province_code        VARCHAR,                   -- staf: the province they belong to ('65')
    regions              VARCHAR[] NOT NULL DEFAULT [], -- staf: kabupaten/kota they may upload for
                                                    -- (empty = every kabupaten/kota of province_code)
    email                VARCHAR,                   -- matched against the OpenID Connect identity (unique, checked in code)
    password_hash        VARCHAR,                   -- argon2id; NULL: no local password (OIDC only)
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE, -- one-time password: change at next login
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins        INTEGER NOT NULL DEFAULT 0, -- consecutive failures since the last success
    locked_until         TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    created_by           VARCHAR NOT NULL,
    password_changed_at  TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ
);

-- One row per login. The browser holds only the random token; the table holds its sha256.
CREATE TABLE IF NOT EXISTS sessions (
    token_hash   VARCHAR PRIMARY KEY,
    username     VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,              -- for the idle timeout (updated at most once a minute)
    expires_at   TIMESTAMPTZ NOT NULL,              -- absolute end
    ended_at     TIMESTAMPTZ,
    end_reason   VARCHAR                            -- 'logout', 'expired', 'idle', 'password_changed', 'deactivated'
);

CREATE SEQUENCE IF NOT EXISTS audit_id_seq START 1;

CREATE TABLE IF NOT EXISTS audit_log (
    audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
    logged_at TIMESTAMPTZ NOT NULL,
    actor    VARCHAR NOT NULL,                      -- username, or the name tried at a failed login
    action   VARCHAR NOT NULL,                      -- see waspada.accounts.AUDIT_ACTIONS
    target   VARCHAR,                               -- the user, upload id or file concerned
    detail   VARCHAR NOT NULL DEFAULT '{}'          -- JSON
);
