"""`make cluster`: a national deployment on one machine, for trying it and for the tests.

PostgreSQL (Debian's binaries, in ``<dir>/postgres``), ``replicas`` app replicas (server.py,
each with its own DuckDB copy in ``<dir>/replica<N>/``) and nginx in front of them (sticky by
client address, WebSocket upgrade; deploy/nginx-cluster.conf). An empty PostgreSQL is first
filled from the office's file (``--seed``, the `make db` database) by the migration, and an
admin with a one-time password is created when there is none. Runs until Ctrl-C.

    python -m waspada.pg.cluster --dir run/cluster --port 8600 --replicas 3
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg

from waspada.i18n import DEFAULT_LANG, LANGS, t
from waspada.pg.local_server import LocalServer, free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX_TEMPLATE = ROOT / "deploy" / "nginx-cluster.conf"


def nginx_conf(run_dir: Path, port: int, replica_ports: list[int]) -> str:
    upstreams = "\n".join(f"        server 127.0.0.1:{p};" for p in replica_ports)
    return (NGINX_TEMPLATE.read_text(encoding="utf-8").replace("@RUN@", str(run_dir))
            .replace("@PORT@", str(port)).replace("@UPSTREAMS@", upstreams))


def ensure_database(server: LocalServer, name: str = "waspada") -> str:
    with psycopg.connect(server.url(), autocommit=True) as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.create_database(name)
    return server.url(name)


def seed(url: str, seed_db: Path, lang: str) -> None:
    """Fill an empty system of record from the office's file; an admin when there is none."""
    from waspada.accounts import Accounts, open_accounts_db
    from waspada.pg.migrate import migrate
    from waspada.pg.schema import main_database

    main_database(url).apply_schema()
    with psycopg.connect(url) as con:
        empty = con.execute("SELECT count(*) FROM regions").fetchone()[0] == 0
    if empty and seed_db.exists():
        result = migrate(seed_db, None, url)
        print(t("cluster_seeded", lang, db=seed_db, rows=result.added), flush=True)
    made = Accounts(open_accounts_db(url)).ensure_admin()
    if made:
        print(t("cluster_admin_created", lang, user=made[0], password=made[1]), flush=True)


def start_replica(run_dir: Path, index: int, port: int, url: str) -> subprocess.Popen:
    folder = run_dir / f"replica{index}"
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, WASPADA_DB=str(folder / "waspada.duckdb"), WASPADA_DATABASE_URL=url)
    env.pop("WASPADA_ACCOUNTS_DB", None)
    log = open(folder / "server.log", "ab")
    return subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "server.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true"], cwd=ROOT, env=env, stdout=log, stderr=log)


def wait_http(url: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m waspada.pg.cluster")
    parser.add_argument("--dir", default="run/cluster")
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument("--seed", default="data/waspada.duckdb")
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG)
    args = parser.parse_args(argv)
    run_dir = Path(args.dir).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    server = LocalServer(run_dir / "postgres", port=5532 if _free(5532) else free_port()).start()
    children: list[subprocess.Popen] = []
    try:
        server.wait_ready()
        url = ensure_database(server)
        seed(url, Path(args.seed), args.lang)
        ports = [free_port() for _ in range(args.replicas)]
        children = [start_replica(run_dir, i + 1, p, url) for i, p in enumerate(ports)]
        for p in ports:
            wait_http(f"http://127.0.0.1:{p}/_stcore/health")
        conf = run_dir / "nginx.conf"
        conf.write_text(nginx_conf(run_dir, args.port, ports), encoding="utf-8")
        children.append(subprocess.Popen(["nginx", "-c", str(conf), "-p", str(run_dir)], cwd=run_dir))
        wait_http(f"http://127.0.0.1:{args.port}/_stcore/health")
        print(t("cluster_ready", args.lang, url=f"http://127.0.0.1:{args.port}", n=args.replicas,
                ports=", ".join(map(str, ports)), pg=url), flush=True)
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        while all(c.poll() is None for c in children):
            time.sleep(1)
        return 1  # a child ended by itself: its log in <dir> says why
    except KeyboardInterrupt:
        return 0
    finally:
        for child in reversed(children):
            child.terminate()
        for child in children:
            try:
                child.wait(20)
            except subprocess.TimeoutExpired:
                child.kill()
        server.stop()


def _free(port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


if __name__ == "__main__":
    sys.exit(main())
