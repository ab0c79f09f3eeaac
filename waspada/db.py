"""The one place that opens the Waspada database and knows its locking rule.

DuckDB allows one writing process per file, and a process that has the file open (even
read-only) blocks any other process from opening it for writing. The app keeps a reader
open all the time, so writers never write the live file in place:

* a writer takes an exclusive file lock (``<db>.lock``), copies the live file to a
  temporary file beside it, applies its changes there in one transaction, checkpoints,
  and atomically renames the copy over the live file;
* a reader holds the file it opened (an inode) until it notices that the path now names
  a different file, and then reopens. Readers therefore never block writers, writers
  never block readers, and two writers queue on the lock.

``data_version()`` changes whenever a write commits; the app keys its caches on it.

In a national deployment (a PostgreSQL URL configured, waspada.settings.database_url) the
installation's file is a replica of PostgreSQL: its writer also pulls what other replicas
wrote and sends its own change to PostgreSQL before the rename (waspada.pg.replica). Every
caller of ``writer()`` stays as it is.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import duckdb
from filelock import FileLock

from waspada.paths import DEFAULT_DB_PATH

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
# Readers attach the file (as "waspada") into an in-memory instance instead of calling
# duckdb.connect(path): connect() caches database instances by path and would keep
# serving the old file after a writer replaced it.


# In-place upgrades of files built by earlier releases, applied before schema.sql: each is
# (table, old column, new column). The view over incidents is dropped first because a view
# pins the columns it reads; schema.sql creates it again.
_RENAMED_COLUMNS = (
    ("incidents", "stage", "phase"),            # the incident's phase was called stage until issue 11
    ("incidents", "stage_from", "phase_from"),
)


# Columns added by later releases: (table, column, type with default). DuckDB cannot add a
# column with a CHECK constraint, so files upgraded in place keep the column unchecked.
_ADDED_COLUMNS = (
    ("incident_categories", "election_related", "BOOLEAN"),   # issue 13: the taxonomy's flags
    ("incident_categories", "athg", "VARCHAR"),
    ("incidents", "category_from", "VARCHAR DEFAULT 'kolom'"),
    ("incidents", "category_words", "VARCHAR"),
    ("incidents", "injured_severe", "INTEGER"),
    ("incidents", "injured_light", "INTEGER"),
    ("incidents", "source_kind", "VARCHAR"),
)


def apply_schema(con, schema_path: Path = SCHEMA_PATH) -> None:
    """Bring the open file up to the current schema: rename the columns of older releases,
    then run schema.sql as a whole (every statement is idempotent). The one place the
    schema is applied; Database.writer() calls it on every open for writing."""
    for table, old, new in _RENAMED_COLUMNS:
        has_old = con.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_catalog = current_database()"
            " AND table_schema = current_schema() AND table_name = ? AND column_name = ?",
            [table, old],
        ).fetchall()[0][0]
        if has_old:
            con.execute("DROP VIEW IF EXISTS visible_incidents")
            # identifiers cannot be parameters; these come from the constant above
            con.execute(f'ALTER TABLE {table} RENAME COLUMN "{old}" TO "{new}"')
    for table, column, kind in _ADDED_COLUMNS:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
            " AND table_schema = current_schema() AND table_name = ?", [table]).fetchall()[0][0]
        if exists:
            con.execute("DROP VIEW IF EXISTS visible_incidents")
            # identifiers cannot be parameters; these come from the constant above
            con.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')
    con.execute(schema_path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4)
def _schema_columns(schema_text: str) -> frozenset[tuple[str, str]]:
    """Every (table or view, column) the schema defines, read from a scratch in-memory database."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(schema_text)
        return frozenset(con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
            " AND database_name = current_database()").fetchall())
    finally:
        con.close()


def missing_columns(con, schema_path: Path = SCHEMA_PATH, catalog: str | None = None) -> set[tuple[str, str]]:
    """The (table, column) pairs of the current schema that the open file lacks: a file built by
    an earlier release and not written since. Empty when the file is up to date."""
    # duckdb_columns(): a third of information_schema's time on every new data version
    have = set(con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
        " AND database_name = coalesce(CAST(? AS VARCHAR), current_database())", [catalog]).fetchall())
    return set(_schema_columns(schema_path.read_text(encoding="utf-8"))) - have


class DatabaseMissing(FileNotFoundError):
    """The database file does not exist yet (run `python -m etl build`)."""


def data_version(path: Path | str) -> str:
    """A token that changes whenever the file at ``path`` is replaced by a writer."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "missing"
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


class Database:
    """Access to one Waspada DuckDB file: shared readers and serialised writers."""

    def __init__(self, path: Path | str = DEFAULT_DB_PATH, lock_timeout: float = 120.0,
                 schema_path: Path = SCHEMA_PATH, system_of_record: str | None = "configured"):
        self.path = Path(path)
        # "configured": the URL of waspada.settings.database_url when this is the
        # installation's main file (WASPADA_DB); None: a file of its own; or a URL.
        self._system_of_record = system_of_record
        self.schema_path = schema_path
        self.lock_timeout = lock_timeout
        self._reader: duckdb.DuckDBPyConnection | None = None
        self._reader_version: str | None = None
        self._reader_guard = threading.Lock()

    # -- reading -----------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def version(self) -> str:
        return data_version(self.path)

    def reader(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor on the current file, safe to use from one thread.

        Cursors opened before a write keep seeing the file as it was when they opened.
        """
        with self._reader_guard:
            version = self.version()
            if version == "missing":
                raise DatabaseMissing(
                    f"Basis data belum ada: {self.path}. Jalankan `python -m etl build`."
                )
            if self._reader is None or version != self._reader_version:
                con = duckdb.connect(":memory:")
                con.execute("ATTACH ? AS waspada (READ_ONLY)", [str(self.path)])
                if missing_columns(con, self.schema_path, catalog="waspada"):
                    # A file of an earlier release that nothing has written since: every query
                    # reading a newer column (incidents.source_kind...) would fail. Upgrade it
                    # once, as any write would (apply_schema), and read the upgraded file.
                    con.close()
                    with self.writer():
                        pass
                    version = self.version()
                    con = duckdb.connect(":memory:")
                    con.execute("ATTACH ? AS waspada (READ_ONLY)", [str(self.path)])
                # Dropping the old connection does not close it under cursors still in use;
                # DuckDB closes it when the last of them is released.
                self._reader = con
                self._reader_version = version
            cursor = self._reader.cursor()
        cursor.execute("USE waspada")
        return cursor

    def query_df(self, sql: str, params: list | dict | None = None):
        """Run one parameterised query and return a pandas DataFrame."""
        cur = self.reader()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def system_of_record(self) -> str | None:
        """The PostgreSQL URL this file is a replica of, or None (the file is the record)."""
        if self._system_of_record != "configured":
            return self._system_of_record
        if self.schema_path != SCHEMA_PATH:
            return None
        from waspada.settings import database_url, db_path

        if self.path.resolve() != db_path().resolve():
            return None
        return database_url()

    # -- writing -----------------------------------------------------------------------
    @contextlib.contextmanager
    def writer(self, create: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection inside one transaction on a private copy of the file.

        On normal exit the transaction commits and the copy replaces the live file
        atomically; on an exception nothing changes. ``create=True`` starts from an
        empty database when no file exists yet. The schema (``apply_schema``) is applied
        every time, so a file built by an older release is upgraded by its next write.
        """
        with self.file_lock():
            url = self.system_of_record()
            if url is None:
                with self.write_copy(create) as con:
                    yield con
            else:
                from waspada.pg.replica import write_through

                with write_through(self, url, create) as con:
                    yield con

    def file_lock(self) -> FileLock:
        """The lock every writer of this file holds (``<db>.lock`` beside it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.path) + ".lock", timeout=self.lock_timeout)

    @contextlib.contextmanager
    def write_copy(self, create: bool = False, before: str | None = None, before_commit=None,
                   after_commit=None) -> Iterator[duckdb.DuckDBPyConnection]:
        """The copy-commit-rename cycle of writer(); the caller holds the file lock.

        ``before``: attach the live file read-only under this name (to compare with);
        ``before_commit(con)`` runs in the transaction after the caller's writes,
        ``after_commit()`` after the copy is durable and before it replaces the live file."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        _remove_db_files(tmp)
        fresh = not self.path.exists()
        if fresh and not create:
            raise DatabaseMissing(
                f"Basis data belum ada: {self.path}. Jalankan `python -m etl build`."
            )
        if not fresh:
            shutil.copyfile(self.path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            if before and not fresh:
                con.execute(f"ATTACH ? AS {before} (READ_ONLY)", [str(self.path)])  # name: the caller's constant
            con.execute("BEGIN TRANSACTION")
            apply_schema(con, self.schema_path)
            yield con
            if before_commit is not None:
                before_commit(con)
            con.execute("COMMIT")
            if before and not fresh:
                con.execute(f"DETACH {before}")
            con.execute("CHECKPOINT")
            con.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            if after_commit is not None:
                after_commit()
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            _remove_db_files(tmp)
            raise


def _remove_db_files(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
