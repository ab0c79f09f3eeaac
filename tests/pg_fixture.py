"""A throwaway PostgreSQL for the cluster tests: one server per test session (Debian's
binaries, in a temporary folder, on a free port), one new database per test.

Use it by importing the fixtures into a test module: ``from pg_fixture import pg_server,
pg_url  # noqa: F401``. Tests skip, saying why, only when PostgreSQL is not installed and
cannot be: `make test` installs it (tests/install_system_packages.sh), so in CI they run."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile

import pytest

from waspada.pg.local_server import LocalServer, PostgresUnavailable

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    # Not under pytest's tmp_path: that is private to root, and the server runs as postgres.
    folder = tempfile.mkdtemp(prefix="waspada-pg-")
    try:
        server = LocalServer(folder).start()
    except PostgresUnavailable as exc:
        # `make test` installs it (tests/install_system_packages.sh): missing, it is a failure, never a skip
        pytest.fail(f"{exc}: run `sh tests/install_system_packages.sh` as root")
    server.wait_ready()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database of this test's own."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_counter)}")
