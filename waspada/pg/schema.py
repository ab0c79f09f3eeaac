"""The main tables on PostgreSQL: derived from waspada/schema.sql, never written twice.

``main_database(url)`` applies schema.sql through waspada.pg.dialect, so a table another
change adds there exists on PostgreSQL at the next start, and then adds change tracking to
every table schema.sql creates (``replicated_tables``):

* a column ``change_id`` stamped from one sequence by a trigger on every INSERT and UPDATE;
* a row in ``waspada_deleted`` (change id, table, the old row as JSON) for every DELETE;
* ``waspada_archive``: the raw bytes of every uploaded file, by sha256 (the upload archive
  in the system of record, so every replica and every backup has it).

Writers hold the schema's advisory lock for their whole transaction (waspada.pg.database),
so change ids become visible in increasing order: a replica that has copied every change up
to id N needs only the rows with change_id > N (waspada.pg.replica).
"""

from __future__ import annotations

import re
from functools import cache

from waspada.db import SCHEMA_PATH
from waspada.pg.database import PgDatabase

_CREATE_TABLE = re.compile(r"CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+)", re.I)

CHANGE_TRACKING = """
CREATE SEQUENCE IF NOT EXISTS waspada_change_seq;
CREATE TABLE IF NOT EXISTS waspada_deleted (
    change_id  BIGINT PRIMARY KEY,
    table_name VARCHAR NOT NULL,
    row_data   JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS waspada_archive (
    sha256      VARCHAR PRIMARY KEY,
    stored_path VARCHAR NOT NULL,   -- as the uploads row names it (relative to the data folder)
    content     BYTEA NOT NULL,
    change_id   BIGINT
);
CREATE OR REPLACE FUNCTION waspada_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_id := nextval('waspada_change_seq');
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION waspada_record_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO waspada_deleted (change_id, table_name, row_data)
    VALUES (nextval('waspada_change_seq'), TG_TABLE_NAME, to_jsonb(OLD));
    RETURN OLD;
END $$;
CREATE OR REPLACE TRIGGER waspada_archive_change BEFORE INSERT OR UPDATE ON waspada_archive
    FOR EACH ROW EXECUTE FUNCTION waspada_stamp_change();
"""


@cache
def replicated_tables() -> tuple[str, ...]:
    """Every table waspada/schema.sql creates, in its order: what PostgreSQL holds for the
    main data and what each replica copies."""
    return tuple(dict.fromkeys(_CREATE_TABLE.findall(SCHEMA_PATH.read_text(encoding="utf-8"))))


def _track_changes(con) -> None:
    con.execute(CHANGE_TRACKING)
    for table in replicated_tables():
        # Identifiers from schema.sql (a constant of this program), not from user text.
        con.execute(f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS change_id BIGINT')
        con.execute(f'CREATE INDEX IF NOT EXISTS "{table}_change_id" ON "{table}" (change_id)')
        con.execute(f'CREATE OR REPLACE TRIGGER waspada_change BEFORE INSERT OR UPDATE ON "{table}" '
                    "FOR EACH ROW EXECUTE FUNCTION waspada_stamp_change()")
        con.execute(f'CREATE OR REPLACE TRIGGER waspada_delete AFTER DELETE ON "{table}" '
                    "FOR EACH ROW EXECUTE FUNCTION waspada_record_delete()")


@cache
def main_database(url: str) -> PgDatabase:
    """The main tables (waspada/schema.sql) on PostgreSQL, with change tracking."""
    return PgDatabase(url, SCHEMA_PATH, "main", extra_ddl=_track_changes)
