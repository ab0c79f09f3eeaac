"""The cluster as `make cluster` runs it (waspada.pg.cluster): two server.py replicas of one
PostgreSQL behind nginx from Debian. A login through nginx is valid on every replica, the
WebSocket upgrade passes the proxy, and a file loaded through one replica reaches the other
by its own refresh thread."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pg_fixture import pg_server  # noqa: F401  (fixture)
from waspada.accounts import Accounts, open_accounts_db
from waspada.db import Database
from waspada.pg.cluster import nginx_conf, start_replica, wait_http
from waspada.pg.local_server import free_port
from waspada.pg.migrate import migrate
from waspada.pg.replica import wait_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).parent / "data" / "contoh_laporan_mingguan_sumbar.xlsx"
PASSWORD = "kata-sandi-pejabat"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kw):
        return None


def _get(url: str, cookie: str | None = None) -> tuple[int, str]:
    headers = {"Accept": "text/html", **({"Cookie": cookie} if cookie else {})}
    try:
        r = urllib.request.build_opener(_NoRedirect).open(urllib.request.Request(url, headers=headers), timeout=60)
        return r.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


@pytest.fixture(scope="module")
def running_cluster(pg_server, tmp_path_factory):
    """Started once for this module: starting replicas is the slow part."""
    from workbooks import reference_db

    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx is not installed: run `sh tests/install_system_packages.sh` as root")
    tmp_path = tmp_path_factory.mktemp("cluster")
    pg_url = pg_server.create_database(f"servers{os.getpid()}")
    migrate(reference_db(tmp_path_factory, tmp_path).path, None, pg_url)
    Accounts(open_accounts_db(pg_url)).create_user("pejabat", "pimpinan", actor="admin", password=PASSWORD)
    ports = [free_port(), free_port()]
    children = [start_replica(tmp_path, i + 1, p, pg_url) for i, p in enumerate(ports)]
    try:
        for p in ports:
            wait_http(f"http://127.0.0.1:{p}/_stcore/health", timeout=180)
        proxy = free_port()
        (tmp_path / "nginx.conf").write_text(nginx_conf(tmp_path, proxy, ports), encoding="utf-8")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        children.append(subprocess.Popen([nginx, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)]))
        wait_http(f"http://127.0.0.1:{proxy}/_stcore/health", timeout=60)
        yield proxy, ports, pg_url, tmp_path
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(30)


def test_a_login_through_nginx_is_valid_on_every_replica(running_cluster):
    proxy, ports, url, _ = running_cluster
    body = urllib.parse.urlencode({"username": "pejabat", "password": PASSWORD, "next": "/"}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{proxy}/masuk", data=body,
                                 headers={"Origin": f"http://127.0.0.1:{proxy}"})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(_NoRedirect).open(req, timeout=60)
    assert answer.value.code == 303
    cookie = answer.value.headers["Set-Cookie"].split(";")[0]
    for port in ports:
        assert _get(f"http://127.0.0.1:{port}/ringkasan", cookie)[0] == 200
        status, location = _get(f"http://127.0.0.1:{port}/ringkasan")
        assert status == 303 and "/masuk" in location  # without the cookie: the login form
    # Streamlit's WebSocket passes the proxy (Upgrade and Connection headers).
    with socket.create_connection(("127.0.0.1", proxy), timeout=30) as ws:
        ws.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{proxy}\r\nConnection: Upgrade\r\n"
                    "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: {cookie}\r\n\r\n").encode())
        first_line = ws.recv(200).split(b"\r\n")[0]
    assert first_line == b"HTTP/1.1 101 Switching Protocols", first_line


def test_a_file_loaded_through_replica_1_reaches_replica_2_within_the_bound(running_cluster):
    proxy, ports, url, folder = running_cluster
    replica_1, replica_2 = folder / "replica1" / "waspada.duckdb", folder / "replica2" / "waspada.duckdb"
    command = [sys.executable, "-m", "waspada", "data", "load", str(EXAMPLE), "--db", str(replica_1), "--by", "staf"]
    loaded = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180,
                            env=dict(os.environ, WASPADA_DB=str(replica_1), WASPADA_DATABASE_URL=url))
    assert loaded.returncode == 0, loaded.stderr
    committed = time.monotonic()
    reader = Database(replica_2, system_of_record=None)

    def visible() -> bool:
        try:
            return int(reader.query_df("SELECT count(*) AS n FROM visible_incidents")["n"].iloc[0]) == 5
        except Exception:  # noqa: BLE001  (the copy is being replaced)
            return False

    # The bound: the refresh interval (2 s) plus one pull; generous here, the machine is shared.
    wait_for(visible, timeout=60)
    assert time.monotonic() - committed < 60
