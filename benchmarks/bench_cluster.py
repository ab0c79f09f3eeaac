"""A national deployment on PostgreSQL (issue 16), each row against its baseline in the same run:

* sessions started per second (POST /masuk with the right password, then the first page
  request with the cookie) spread over three server.py replicas against all on one;
* uploads stored per second through a replica whose system of record is PostgreSQL against
  the same uploads into the DuckDB file alone (the single-office installation);
* refresh lag: from an upload's commit on replica A until replica B, following PostgreSQL at
  its default interval (2 s), shows it.

Everything runs on this machine: PostgreSQL from Debian's packages in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LOGINS = 48
CLIENTS = 6
UPLOADS = 12
LAG_ROUNDS = 5
REFRESH_SECONDS = 2.0


def _csv(i: int) -> bytes:
    from tests.workbooks import HEADER, csv_bytes, good_row

    return csv_bytes([HEADER, *(good_row(uraian=f"Perusakan baliho nomor {i}-{j}") for j in range(20))])


def _store(db, i: int):
    from waspada.ingest import parse_incident_file, store_incidents

    data = _csv(i)
    return store_incidents(db, parse_incident_file(data, f"f{i}.csv", db=db), data, uploaded_by="bench")


def _uploads_per_second(db, first: int) -> float:
    _store(db, first - 1)  # warm: imports, the schema, the first copy
    started = time.perf_counter()
    for i in range(first, first + UPLOADS):
        _store(db, i)
    return UPLOADS / (time.perf_counter() - started)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kw):
        return None


def _session(port: int, password: str) -> None:
    """One official starting a session: the login form posted, then the first page with its cookie."""
    opener = urllib.request.build_opener(_NoRedirect)
    body = urllib.parse.urlencode({"username": "pejabat", "password": password, "next": "/"}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/masuk", data=body,
                                 headers={"Origin": f"http://127.0.0.1:{port}"})
    try:
        opener.open(req, timeout=60)
        raise RuntimeError("login did not redirect")
    except urllib.error.HTTPError as exc:
        if exc.code != 303:
            raise
        cookie = exc.headers["Set-Cookie"].split(";")[0]
    page = urllib.request.Request(f"http://127.0.0.1:{port}/ringkasan",
                                  headers={"Cookie": cookie, "Accept": "text/html"})
    try:
        status = opener.open(page, timeout=60).status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 200:
        raise RuntimeError(f"first page answered {status}")


def _sessions_per_second(ports: list[int], password: str) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(lambda i: _session(ports[i % len(ports)], password), range(LOGINS)))
    return LOGINS / (time.perf_counter() - started)


def run(workdir: Path) -> list[dict]:
    from etl.build import build_database
    from waspada.accounts import Accounts, open_accounts_db
    from waspada.db import Database
    from waspada.pg.cluster import start_replica, wait_http
    from waspada.pg.local_server import LocalServer, free_port
    from waspada.pg.migrate import migrate
    from waspada.pg.replica import follow

    rows: list[dict] = []
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start"
    reference = workdir / "reference.duckdb"
    build_database(reference, sample=False)
    pg_folder = tempfile.mkdtemp(prefix="waspada-bench-pg-")  # readable by the postgres user
    server = LocalServer(pg_folder).start()
    children = []
    env_before = dict(os.environ)
    try:
        server.wait_ready()
        url = server.create_database("bench")
        migrate(reference, None, url)

        # Uploads: the DuckDB file alone against a replica writing through to PostgreSQL.
        (workdir / "duck").mkdir()
        shutil.copyfile(reference, workdir / "duck" / "w.duckdb")
        on_file = _uploads_per_second(Database(workdir / "duck" / "w.duckdb", system_of_record=None), 1000)
        (workdir / "a").mkdir()
        shutil.copyfile(reference, workdir / "a" / "w.duckdb")
        replica_a = Database(workdir / "a" / "w.duckdb", system_of_record=url)
        on_pg = _uploads_per_second(replica_a, 2000)
        rows.append({"name": "cluster: uploads stored per second, PostgreSQL system of record (20 rows each)",
                     "value": on_pg, "unit": "uploads/s", "baseline": on_file, "ratio": on_pg / on_file,
                     "note": "baseline: the same uploads into the DuckDB file alone; reference data only "
                             "(the local copy is small: each write copies the file and compares it with the "
                             f"live one, which grows with the file); {load}"})

        # Refresh lag: replica B follows PostgreSQL at the default interval.
        (workdir / "b").mkdir()
        replica_b = Database(workdir / "b" / "w.duckdb", system_of_record=url)
        stop = threading.Event()
        follow(replica_b, url, REFRESH_SECONDS, stop)
        lags = []
        try:
            for i in range(LAG_ROUNDS):
                time.sleep(0.37 * i)  # uploads at different moments of B's refresh cycle
                result = _store(replica_a, 3000 + i)
                committed = time.perf_counter()
                while True:
                    try:
                        seen = replica_b.query_df("SELECT count(*) AS n FROM uploads WHERE upload_id = ?",
                                                  [result.upload_id])["n"].iloc[0]
                    except Exception:  # noqa: BLE001  (B's first pull has not made the file yet)
                        seen = 0
                    if seen:
                        break
                    if time.perf_counter() - committed > 60:
                        raise TimeoutError("replica B did not show the upload within 60 s")
                    time.sleep(0.05)
                lags.append(time.perf_counter() - committed)
        finally:
            stop.set()
        rows.append({"name": "cluster: refresh lag, upload on replica A until replica B shows it",
                     "value": statistics.median(lags), "unit": "s", "baseline": REFRESH_SECONDS,
                     "ratio": max(lags) / REFRESH_SECONDS,
                     "target": f"<= {REFRESH_SECONDS:g} s interval + one pull",
                     "note": f"median of {LAG_ROUNDS}, slowest {max(lags):.2f} s; baseline: the refresh "
                             f"interval; {load}"})

        # Sessions: three server.py replicas, all traffic on one of them against spread over three.
        config = workdir / "waspada.toml"
        config.write_text("[akun]\nmasuk_per_alamat_per_menit = 100000\nmasuk_per_akun_per_menit = 100000\n",
                          encoding="utf-8")
        os.environ["WASPADA_CONFIG"] = str(config)
        password = "kata-sandi-pejabat"
        Accounts(open_accounts_db(url)).create_user("pejabat", "pimpinan", actor="bench", password=password)
        ports = [free_port() for _ in range(3)]
        children = [start_replica(workdir / "cluster", i + 1, p, url) for i, p in enumerate(ports)]
        for p in ports:
            wait_http(f"http://127.0.0.1:{p}/_stcore/health", timeout=180)
        for p in ports:
            _session(p, password)  # each replica's first login: imports, argon2, connections
        one = _sessions_per_second(ports[:1], password)
        three = _sessions_per_second(ports, password)
        rows.append({"name": "cluster: sessions started per second (login + first page), three replicas",
                     "value": three, "unit": "sessions/s", "baseline": one, "ratio": three / one,
                     "note": f"baseline: all {LOGINS} on one replica; {CLIENTS} clients at once, on the same "
                             f"{os.cpu_count()} cores as the replicas and PostgreSQL; {load}"})
    finally:
        os.environ.clear()
        os.environ.update(env_before)
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(20)
            except Exception:  # noqa: BLE001
                child.kill()
        server.stop()
        shutil.rmtree(pg_folder, ignore_errors=True)
    return rows
