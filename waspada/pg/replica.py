"""A replica's local DuckDB file, kept in step with the PostgreSQL system of record.

Pages read the local file as on a single machine (waspada.db.Database.reader), so they stay
as fast as today. Two movements keep it in step, both by change id (waspada.pg.schema):

* ``pull``: copy into the local file every row PostgreSQL changed after the file's last
  change id (``replica_state``), and apply the deletions recorded since; the raw files of
  new uploads come with them. The app's refresh thread (``follow``) calls it every
  ``interval`` seconds, so an upload on one replica is visible on another within
  ``interval`` + the time of one pull (benchmarks/bench_cluster.py measures it).
* ``push``: what a local write changed (the written copy against the live file, table by
  table, so every writer of the code base, present or future, is covered without knowing
  about PostgreSQL) goes to PostgreSQL in the writer's transaction.

``waspada.db.Database.writer()`` calls both when the file is this installation's and a
URL is configured: under the main schema's advisory lock it pulls, lets the caller write,
pushes, and commits PostgreSQL before it replaces the local file, so a replica killed at any
point leaves PostgreSQL with all of the write or none of it.

Why not DuckDB's postgres extension: its wheel on PyPI (duckdb-ext-postgres) is built for
DuckDB 1.4 and DuckDB 2.0 refuses to load it ("built specifically for DuckDB version
v1.4.4"); the project pins 2.0. A plain query by change id through psycopg needs nothing
but the driver (docs/deployment.md).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from waspada.pg.schema import main_database, replicated_tables

STATE_DDL = ("CREATE TABLE IF NOT EXISTS replica_state (id INTEGER PRIMARY KEY, change_id BIGINT NOT NULL, "
             "refreshed_at TIMESTAMPTZ NOT NULL)")
_TZ = "TIMESTAMP WITH TIME ZONE"


def _q(name: str) -> str:
    """A quoted identifier; names come from the schema catalogue, never from user text."""
    return '"' + name.replace('"', '""') + '"'


def local_tables(duck, catalog: str, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple[str, str]]]:
    """table -> [(column, DuckDB type)] of ``tables`` (default: the replicated ones) in ``catalog``."""
    rows = duck.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = ? "
        "AND schema_name = 'main' ORDER BY table_name, column_index", [catalog]).fetchall()
    wanted = set(tables or replicated_tables())
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        if table in wanted:
            out.setdefault(table, []).append((column, kind))
    return out


def primary_keys(duck, catalog: str) -> dict[str, list[str]]:
    rows = duck.execute(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE database_name = ? "
        "AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'", [catalog]).fetchall()
    return {table: list(cols) for table, cols in rows}


def duck_select(columns, prefix: str = "") -> str:
    """DuckDB columns as Python can take them without pytz: TIMESTAMPTZ as naive UTC."""
    return ", ".join(f"timezone('UTC', {prefix}{_q(c)}) AS {_q(c)}" if kind == _TZ else f"{prefix}{_q(c)}"
                     for c, kind in columns)


def last_change_id(duck) -> int:
    duck.execute(STATE_DDL)
    row = duck.execute("SELECT change_id FROM replica_state WHERE id = 1").fetchall()
    return int(row[0][0]) if row else 0


def _set_last_change_id(duck, change_id: int) -> None:
    duck.execute(STATE_DDL)
    duck.execute("INSERT OR REPLACE INTO replica_state VALUES (1, ?, ?)", [int(change_id), datetime.now(timezone.utc)])


# -- push: local write -> PostgreSQL ----------------------------------------------------
def push(duck, pg, before: str | None, after: str, data_dir: Path) -> int:
    """Send what ``after`` (the written copy) holds that ``before`` (the live file, attached;
    None for a new file) does not, inside PostgreSQL transaction ``pg``. Returns the rows sent."""
    pg.execute("SET LOCAL TIME ZONE 'UTC'")  # the naive UTC timestamps below
    tables = local_tables(duck, after)
    old_tables = local_tables(duck, before) if before else {}
    keys = primary_keys(duck, after)
    sent = 0
    for table in replicated_tables():
        columns = tables.get(table)
        if not columns:
            continue
        pk = keys.get(table) or [c for c, _ in columns]
        t_after, t_before = f"{_q(after)}.main.{_q(table)}", f"{_q(before)}.main.{_q(table)}" if before else None
        same_shape = old_tables.get(table) == columns
        if same_shape:
            changed = duck.execute(f"SELECT {duck_select(columns)} FROM {t_after} EXCEPT "
                                   f"SELECT {duck_select(columns)} FROM {t_before}").fetchall()
            pk_cols = [(c, k) for c, k in columns if c in pk]
            deleted = duck.execute(f"SELECT {duck_select(pk_cols)} FROM {t_before} EXCEPT "
                                   f"SELECT {duck_select(pk_cols)} FROM {t_after}").fetchall()
            pk = [c for c, _ in pk_cols]
        else:
            changed = duck.execute(f"SELECT {duck_select(columns)} FROM {t_after}").fetchall()
            deleted = []
        if deleted:
            where = " AND ".join(f"{_q(c)} = %s" for c in pk)
            with pg.cursor() as cur:
                cur.executemany(f"DELETE FROM {_q(table)} WHERE {where}", deleted)
        if changed:
            upsert(pg, table, [c for c, _ in columns], pk, changed)
        if table == "uploads" and changed:
            _push_archive(pg, [c for c, _ in columns], changed, data_dir)
        sent += len(changed) + len(deleted)
    return sent


def upsert(pg, table: str, columns: list[str], pk: list[str], rows: list[tuple], replace: bool = True) -> None:
    """Rows into ``table`` by primary key: replacing what is there, or (``replace=False``)
    keeping it (the migration, so a second run adds and restamps nothing)."""
    staging = _q(f"_incoming_{table}")
    cols = ", ".join(_q(c) for c in columns)
    pg.execute(f"CREATE TEMP TABLE {staging} (LIKE {_q(table)}) ON COMMIT DROP")
    with pg.cursor() as cur, cur.copy(f"COPY {staging} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    rest = [c for c in columns if c not in pk]
    action = ("DO UPDATE SET " + ", ".join(f"{_q(c)} = EXCLUDED.{_q(c)}" for c in rest)) \
        if rest and replace else "DO NOTHING"
    pg.execute(f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM {staging} "
               f"ON CONFLICT ({', '.join(_q(c) for c in pk)}) {action}")
    pg.execute(f"DROP TABLE {staging}")


def _push_archive(pg, columns: list[str], rows: list[tuple], data_dir: Path) -> None:
    sha_i, path_i = columns.index("sha256"), columns.index("stored_path")
    for row in rows:
        stored = row[path_i]
        if not stored:
            continue
        path = Path(stored) if Path(stored).is_absolute() else data_dir / stored
        if path.is_file():
            pg.execute("INSERT INTO waspada_archive (sha256, stored_path, content) VALUES (%s, %s, %s) "
                       "ON CONFLICT (sha256) DO NOTHING", [row[sha_i], stored, path.read_bytes()])


# -- pull: PostgreSQL -> local file -------------------------------------------------------
def pull(duck, pg, data_dir: Path) -> tuple[int, int]:
    """Copy every change after the file's last change id into ``duck`` (the local file, in
    a transaction); ``pg`` must see one snapshot (REPEATABLE READ, or the writer's lock).
    Returns (rows applied, the new last change id)."""
    since = last_change_id(duck)
    catalog = duck.execute("SELECT current_database()").fetchall()[0][0]
    tables = local_tables(duck, catalog)
    keys = primary_keys(duck, catalog)
    if since > _sequence_top(pg):
        # PostgreSQL is behind this copy: restored from a backup, or another database. The
        # copy starts again from nothing rather than keep rows the record no longer has.
        for table in tables:
            duck.execute(f"DELETE FROM {_q(table)}")
        since = 0
    top, applied = since, 0
    for (change_id, table, row_data) in pg.execute(
            "SELECT change_id, table_name, row_data FROM waspada_deleted WHERE change_id > %s ORDER BY change_id",
            [since]).fetchall():
        top = max(top, change_id)
        pk = keys.get(table)
        if table not in tables or not pk:
            continue
        data = row_data if isinstance(row_data, dict) else json.loads(row_data)
        duck.execute(f"DELETE FROM {_q(table)} WHERE " + " AND ".join(f"{_q(c)} = ?" for c in pk),
                     [data.get(c) for c in pk])
        applied += 1
    for table in replicated_tables():
        columns = tables.get(table)
        if not columns:
            continue
        names = [c for c, _ in columns]
        select = ", ".join(f"({_q(c)} AT TIME ZONE 'UTC') AS {_q(c)}" if k == _TZ else _q(c) for c, k in columns)
        cur = pg.execute(f"SELECT {select}, change_id FROM {_q(table)} WHERE change_id > %s", [since])
        rows = cur.fetchall()
        if not rows:
            continue
        top = max(top, max(r[-1] for r in rows))
        frame = pd.DataFrame([r[:-1] for r in rows], columns=names, dtype=object)
        _apply_rows(duck, table, columns, keys.get(table) or names, frame)
        applied += len(rows)
        if table == "uploads":
            _pull_archive(pg, frame, data_dir)
    top = max(top, _archive_top(pg, since))
    _bump_sequences(duck, catalog)
    _set_last_change_id(duck, top)
    return applied, top


def _apply_rows(duck, table: str, columns, pk: list[str], frame: pd.DataFrame) -> None:
    def cast(c, kind):
        if kind == _TZ:
            return f"timezone('UTC', CAST(p.{_q(c)} AS TIMESTAMP))"
        return f"CAST(p.{_q(c)} AS {kind})"

    duck.register("_pulled", frame)
    try:
        kinds = dict(columns)
        match = " AND ".join(f"{_q(table)}.{_q(c)} = {cast(c, kinds[c])}" for c in pk)
        duck.execute(f"DELETE FROM {_q(table)} USING _pulled p WHERE {match}")
        duck.execute(f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c, _ in columns)}) "
                     f"SELECT {', '.join(cast(c, k) for c, k in columns)} FROM _pulled p")
    finally:
        duck.unregister("_pulled")


def _pull_archive(pg, uploads: pd.DataFrame, data_dir: Path) -> None:
    for sha, stored in zip(uploads["sha256"], uploads["stored_path"]):
        if not stored or Path(stored).is_absolute() or (data_dir / stored).is_file():
            continue
        row = pg.execute("SELECT content FROM waspada_archive WHERE sha256 = %s", [sha]).fetchone()
        if row is None:
            continue
        target = data_dir / stored
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{threading.get_ident()}.tmp")
        tmp.write_bytes(bytes(row[0]))
        tmp.replace(target)


def _sequence_top(pg) -> int:
    return int(pg.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM waspada_change_seq")
               .fetchone()[0])


def _archive_top(pg, since: int) -> int:
    row = pg.execute("SELECT max(change_id) FROM waspada_archive WHERE change_id > %s", [since]).fetchone()
    return int(row[0] or 0)


def _bump_sequences(duck, catalog: str) -> None:
    """Local sequences past every id pulled, so this replica's next row takes a new id."""
    defaults = duck.execute(
        "SELECT table_name, column_name, column_default FROM duckdb_columns() WHERE database_name = ? "
        "AND schema_name = 'main' AND column_default LIKE 'nextval(%'", [catalog]).fetchall()
    for table, column, default in defaults:
        seq = default.split("'")[1]
        top = duck.execute(f"SELECT coalesce(max({_q(column)}), 0) FROM {_q(table)}").fetchall()[0][0]
        last = duck.execute("SELECT coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
                            "WHERE database_name = ? AND sequence_name = ?", [catalog, seq]).fetchall()
        behind = top - (last[0][0] if last else 0)
        if behind > 0:
            duck.execute("SELECT max(nextval(?)) FROM range(?)", [seq, int(behind)]).fetchall()


# -- the app's refresh thread -------------------------------------------------------------
def refresh(db, url: str) -> int:
    """One pull into ``db`` (a waspada.db.Database) when PostgreSQL has changes it lacks;
    returns the rows applied (0: nothing new, and the local file was not rewritten)."""
    import psycopg

    main_database(url).apply_schema()
    with psycopg.connect(url) as pg:
        # One snapshot for every table; writers commit in change-id order (their lock), so
        # the snapshot holds every change up to the highest id it shows.
        pg.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        if db.exists() and not _behind(db, pg):
            return 0
        with db.file_lock():
            with db.write_copy(create=True) as duck:
                applied, _ = pull(duck, pg, db.path.parent)
    return applied


def last_change_id_readonly(cur) -> int:
    try:
        row = cur.execute("SELECT change_id FROM replica_state WHERE id = 1").fetchall()
    except Exception:  # no replica_state yet: nothing pulled
        return 0
    return int(row[0][0]) if row else 0


def follow(db, url: str, interval: float = 2.0, stop: threading.Event | None = None) -> threading.Thread:
    """Refresh ``db`` from ``url`` every ``interval`` seconds in a daemon thread."""
    stop = stop or threading.Event()

    def loop():
        while not stop.is_set():
            try:
                refresh(db, url)
            except Exception as exc:  # a database restart: try again at the next tick
                print(f"waspada replica refresh: {exc}", flush=True)
            stop.wait(interval)

    thread = threading.Thread(target=loop, name="waspada-replica-refresh", daemon=True)
    thread.start()
    return thread


def wait_for(condition, timeout: float, step: float = 0.1) -> float:
    """Seconds until condition() is true (tests and the benchmark), or raise TimeoutError."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"not within {timeout} s")
        time.sleep(step)
    return time.monotonic() - start


# -- the writer of a replica (waspada.db.Database.writer) ---------------------------------
BEFORE = "before_write"


@contextlib.contextmanager
def write_through(db, url: str, create: bool):
    """Pull, let the caller write the local copy, push, commit PostgreSQL, replace the file:
    all under the main schema's advisory lock (one writer across the replicas), with the
    caller holding the local file lock."""
    import psycopg

    pgdb = main_database(url)
    pgdb.apply_schema()
    data_dir = db.path.parent
    with psycopg.connect(url) as pg:
        pg.execute("SELECT pg_advisory_xact_lock(%s)", [pgdb.lock_key])
        # Holding the lock, this transaction sees every committed change.
        if not db.exists() or _behind(db, pg):
            with db.write_copy(create=True) as duck:
                pull(duck, pg, data_dir)

        def send(duck):
            catalog = duck.execute("SELECT current_database()").fetchall()[0][0]
            push(duck, pg, BEFORE if BEFORE in _catalogs(duck) else None, catalog, data_dir)
            top = pg.execute("SELECT last_value FROM waspada_change_seq").fetchone()[0]
            _set_last_change_id(duck, max(int(top), last_change_id(duck)))

        with db.write_copy(create, before=BEFORE, before_commit=send, after_commit=pg.commit) as duck:
            yield duck


def _catalogs(duck) -> set[str]:
    return {name for (name,) in duck.execute("SELECT database_name FROM duckdb_databases()").fetchall()}


def _behind(db, pg) -> bool:
    reader = db.reader()
    try:
        since = last_change_id_readonly(reader)
    finally:
        reader.close()
    if since > _sequence_top(pg):
        return True  # PostgreSQL went back (a restore): pull() starts the copy again
    probes = " UNION ALL ".join(f"(SELECT 1 FROM {_q(t)} WHERE change_id > %(since)s LIMIT 1)"
                                for t in (*replicated_tables(), "waspada_deleted", "waspada_archive"))
    return pg.execute(f"SELECT EXISTS ({probes})", {"since": since}).fetchone()[0]
