"""An office's DuckDB installation moved into PostgreSQL (`waspada data migrate-to-postgres`).

Every table of the main file that schema.sql creates, the three accounts tables and every
file of the upload archive go to PostgreSQL; rows already there (same primary key) are
kept, so a second run adds nothing and an interrupted run can simply be run again. Each
archived file is checked against its sha256 on the way in. The result says, per table,
how many rows the file has and how many PostgreSQL has after the run: they must be equal.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg

from waspada.pg import accounts_database
from waspada.pg.replica import duck_select, local_tables, primary_keys, upsert
from waspada.pg.schema import main_database, replicated_tables

ACCOUNTS_TABLES = ("users", "sessions", "audit_log")
# Sequences PostgreSQL itself draws from once it is the record (accounts are written there).
_PG_SEQUENCES = (("audit_log", "audit_id", "audit_id_seq"),)


@dataclass
class MigrationResult:
    tables: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (in the file, in PostgreSQL)
    added: int = 0          # rows PostgreSQL did not have before this run
    files: int = 0          # archived files in PostgreSQL after the run
    files_added: int = 0
    missing_files: list[str] = field(default_factory=list)     # named by an uploads row, not on disk
    damaged_files: list[str] = field(default_factory=list)     # on disk, but not the sha256 recorded

    @property
    def identical(self) -> bool:
        return all(a == b for a, b in self.tables.values()) and not self.damaged_files


def _count(pg, table: str) -> int:
    return pg.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # table: a schema constant


def _copy_tables(duck, pg, catalog: str, tables: tuple[str, ...], result: MigrationResult) -> None:
    columns, keys = local_tables(duck, catalog, tables), primary_keys(duck, catalog)
    pg.execute("SET LOCAL TIME ZONE 'UTC'")
    for table in tables:
        cols = columns.get(table)
        if not cols:
            continue
        rows = duck.execute(f'SELECT {duck_select(cols)} FROM "{catalog}".main."{table}"').fetchall()
        before = _count(pg, table)
        if rows:
            upsert(pg, table, [c for c, _ in cols], keys.get(table) or [c for c, _ in cols], rows, replace=False)
        after = _count(pg, table)
        result.added += after - before
        result.tables[table] = (len(rows), after)


def migrate(db_file: Path, accounts_file: Path | None, url: str, uploads_root: Path | None = None) -> MigrationResult:
    """Copy ``db_file`` (and ``accounts_file``) into ``url``; ``uploads_root`` is the folder
    stored_path is relative to (default: the database's folder)."""
    db_file = Path(db_file)
    uploads_root = Path(uploads_root or db_file.parent)
    result = MigrationResult()
    main_database(url).apply_schema()
    accounts_database(url).apply_schema()
    duck = duckdb.connect(":memory:")
    try:
        duck.execute("ATTACH ? AS office (READ_ONLY)", [str(db_file)])
        if accounts_file is not None:
            duck.execute("ATTACH ? AS office_accounts (READ_ONLY)", [str(accounts_file)])
        with psycopg.connect(url) as pg:
            # The writers' locks: no replica writes while the office's data goes in.
            pg.execute("SELECT pg_advisory_xact_lock(%s)", [main_database(url).lock_key])
            pg.execute("SELECT pg_advisory_xact_lock(%s)", [accounts_database(url).lock_key])
            _copy_tables(duck, pg, "office", replicated_tables(), result)
            if accounts_file is not None:
                _copy_tables(duck, pg, "office_accounts", ACCOUNTS_TABLES, result)
                for table, column, seq in _PG_SEQUENCES:
                    pg.execute(f"SELECT setval('{seq}', greatest((SELECT max({column}) FROM {table}), 1))")
            _copy_archive(duck, pg, uploads_root, result)
    finally:
        duck.close()
    return result


def _copy_archive(duck, pg, uploads_root: Path, result: MigrationResult) -> None:
    rows = duck.execute("SELECT DISTINCT sha256, stored_path FROM office.main.uploads "
                        "WHERE stored_path IS NOT NULL ORDER BY sha256").fetchall()
    before = pg.execute("SELECT count(*) FROM waspada_archive").fetchone()[0]
    for sha, stored in rows:
        if pg.execute("SELECT 1 FROM waspada_archive WHERE sha256 = %s", [sha]).fetchone():
            continue
        path = Path(stored) if Path(stored).is_absolute() else uploads_root / stored
        if not path.is_file():
            result.missing_files.append(stored)
            continue
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != sha:
            result.damaged_files.append(stored)
            continue
        pg.execute("INSERT INTO waspada_archive (sha256, stored_path, content) VALUES (%s, %s, %s)",
                   [sha, stored, content])
    result.files = pg.execute("SELECT count(*) FROM waspada_archive").fetchone()[0]
    result.files_added = result.files - before
