"""A PostgreSQL database behind the interface of ``waspada.db.Database``: ``reader()``,
``writer()``, ``query_df()``, ``exists()``, ``version()``, so code written against the
DuckDB file (the accounts package) runs on PostgreSQL unchanged.

The locking rule is the DuckDB file's: writers one at a time, readers never blocked. Each
``writer()`` is one PostgreSQL transaction that first takes a transaction-level advisory
lock named for its schema (accounts and the main data each have one), so writers on every
replica queue as two writers on one machine queue on the file lock today. That keeps every
read-then-write of the shared code (the lock-out, the last-admin check, the count of new
incidents) as atomic as it is on DuckDB, and it makes change ids (waspada.pg.schema)
increase in commit order, which the replicas' incremental refresh relies on.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import psycopg

from waspada.pg.dialect import COMPAT_FUNCTIONS, ddl, placeholders


def advisory_key(name: str) -> int:
    """A 64-bit advisory lock key for ``name``."""
    return int.from_bytes(hashlib.sha256(f"waspada:{name}".encode()).digest()[:8], "big", signed=True)


# Every schema's DDL under one lock: the schemas share the compatibility functions, and
# PostgreSQL refuses two concurrent CREATE OR REPLACE of one function ("tuple concurrently updated").
DDL_LOCK = advisory_key("ddl")


def redacted(url: str) -> str:
    """``url`` with its password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PgCursor:
    """DuckDB's cursor calls (execute(sql, params) -> self, fetchone, fetchall, df, close) on
    one psycopg connection."""

    def __init__(self, con: psycopg.Connection, release=None):
        self._con = con
        self._cur = con.cursor()
        self._release = release

    def execute(self, sql: str, params=None) -> "PgCursor":
        if isinstance(params, dict):
            self._cur.execute(placeholders(sql), params)
        else:
            self._cur.execute(placeholders(sql), list(params or []))
        return self

    def fetchone(self):
        return self._cur.fetchone()

    def fetchall(self):
        return self._cur.fetchall()

    def df(self) -> pd.DataFrame:
        columns = [c.name for c in self._cur.description or []]
        return pd.DataFrame(self._cur.fetchall(), columns=columns)

    def close(self) -> None:
        self._cur.close()
        if self._release is not None:
            self._release(self._con)
            self._release = None


class PgDatabase:
    """One PostgreSQL database (``url``) with the tables of ``schema_path`` (a DuckDB schema
    file, translated by waspada.pg.dialect; ``extra_ddl`` runs after it)."""

    def __init__(self, url: str, schema_path: Path, name: str, extra_ddl=None):
        self.url = url
        self.schema_path = Path(schema_path)
        self.name = name
        # Where it is, for messages (the command line prints it): the URL without its password.
        self.path = redacted(url)
        self._extra_ddl = extra_ddl
        self.lock_key = advisory_key(name)
        self._idle: list[psycopg.Connection] = []
        self._guard = threading.Lock()
        self._schema_applied = False

    # -- connections ----------------------------------------------------------------
    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True)

    def _take(self) -> psycopg.Connection:
        with self._guard:
            while self._idle:
                con = self._idle.pop()
                if not con.closed:
                    return con
        return self.connect()

    def _give_back(self, con: psycopg.Connection) -> None:
        if con.closed or con.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            with contextlib.suppress(Exception):
                con.close()
            return
        with self._guard:
            if len(self._idle) < 16:
                self._idle.append(con)
                return
        con.close()

    def close(self) -> None:
        with self._guard:
            idle, self._idle = self._idle, []
        for con in idle:
            con.close()

    # -- schema -----------------------------------------------------------------------
    def apply_schema(self) -> None:
        """Create what is missing (every statement is idempotent), once per process."""
        if self._schema_applied:
            return
        con = self.connect()
        try:
            with con.transaction():
                # Two processes applying DDL at once would race on the catalogue.
                con.execute("SELECT pg_advisory_xact_lock(%s)", [DDL_LOCK])
                con.execute(COMPAT_FUNCTIONS)
                con.execute(ddl(self.schema_path.read_text(encoding="utf-8")))
                if self._extra_ddl is not None:
                    self._extra_ddl(con)
        finally:
            con.close()
        self._schema_applied = True

    # -- the interface of waspada.db.Database -----------------------------------------
    def exists(self) -> bool:
        return True

    def version(self) -> str:
        return f"pg:{self.name}"

    def reader(self) -> PgCursor:
        self.apply_schema()
        return PgCursor(self._take(), self._give_back)

    def query_df(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        cur = self.reader()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    @contextlib.contextmanager
    def writer(self, create: bool = False) -> Iterator[PgCursor]:
        """One transaction, after every earlier writer of this schema has committed."""
        self.apply_schema()
        con = self._take()
        try:
            with con.transaction():
                con.execute("SELECT pg_advisory_xact_lock(%s)", [self.lock_key])
                yield PgCursor(con)
        finally:
            self._give_back(con)
