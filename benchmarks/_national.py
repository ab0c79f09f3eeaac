"""The national dataset and a logged-in user, made once per `python -m benchmarks` process
and shared by the page and browser benchmarks (generating 1M incidents takes a while)."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import time
from pathlib import Path

from etl.national import N_INCIDENTS, SEED, generate_national

USER = "tolokukur"
PASSWORD = "sandi-tolok-ukur-yang-panjang"
# The browser benchmark's ten officials opening the overview together: an account each, as
# in an office (one account logging in 14 times a minute meets the login limit, 10 a minute).
OFFICIALS = [f"pejabat{i:02d}" for i in range(1, 11)]
# A date inside Pilkada 2024's campaign, so every page has scores, alerts and incidents.
AS_OF = "2024-11-08"
PROVINCE = "53"  # Nusa Tenggara Timur: 22 kabupaten/kota, the sample's largest province


@functools.cache
def _workdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="waspada-bench-national-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@functools.cache
def national_db() -> tuple[Path, float]:
    """(path, seconds to generate) of the generated national database."""
    path = _workdir() / "waspada_nasional_generated.duckdb"
    started = time.perf_counter()
    generate_national(path, N_INCIDENTS, SEED)
    return path, time.perf_counter() - started


@functools.cache
def accounts_db() -> Path:
    """An accounts file holding the benchmark's pimpinan (read-only role)."""
    from waspada.accounts import Accounts

    path = _workdir() / "accounts.duckdb"
    acc = Accounts.open(path)
    for name in (USER, *OFFICIALS):
        if acc.get_user(name) is None:
            acc.create_user(name, "pimpinan", actor="benchmark", password=PASSWORD, display_name="Tolok ukur")
    return path


def session_token() -> str:
    from waspada.accounts import Accounts

    result = Accounts.open(accounts_db()).login(USER, PASSWORD)
    if not result.ok:
        raise RuntimeError(result.message)
    return result.token
