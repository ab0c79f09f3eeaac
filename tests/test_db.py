"""The locking rule: the app's reader stays open while writers (other processes) commit."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from waspada.db import Database, DatabaseMissing
from waspada.paths import ROOT

WRITE_ONE_UPLOAD = """
import sys
from waspada.db import Database
with Database(sys.argv[1]).writer() as con:
    con.execute(
        "INSERT INTO uploads (kind, file_name, sha256, uploaded_at, uploaded_by, data_rows, accepted,"
        " duplicates, refused, report_json) VALUES ('incidents', ?, 'x', now(), 'uji', 0, 0, 0, 0, '{}')",
        [sys.argv[2]],
    )
"""


def _write_in_other_process(db_path: Path, file_name: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WRITE_ONE_UPLOAD, str(db_path), file_name],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )


@pytest.fixture()
def empty_db(tmp_path) -> Database:
    db = Database(tmp_path / "w.duckdb")
    with db.writer(create=True):
        pass
    return db


def count_uploads(db: Database) -> int:
    return db.reader().execute("SELECT count(*) FROM uploads").fetchone()[0]


def test_writer_in_another_process_succeeds_while_reader_is_open(empty_db):
    held = empty_db.reader()  # the app's connection, kept open
    assert held.execute("SELECT count(*) FROM uploads").fetchone()[0] == 0

    result = _write_in_other_process(empty_db.path, "laporan_a.xlsx")

    assert result.returncode == 0, result.stderr
    # A fresh reader of the same Database object sees the committed row ...
    assert count_uploads(empty_db) == 1
    names = empty_db.query_df("SELECT file_name FROM uploads")["file_name"].tolist()
    assert names == ["laporan_a.xlsx"]
    # ... while the cursor opened before the write still reads its snapshot.
    assert held.execute("SELECT count(*) FROM uploads").fetchone()[0] == 0


def test_version_changes_on_every_commit(empty_db):
    before = empty_db.version()
    assert _write_in_other_process(empty_db.path, "a.xlsx").returncode == 0
    after_one = empty_db.version()
    assert _write_in_other_process(empty_db.path, "b.xlsx").returncode == 0
    assert len({before, after_one, empty_db.version()}) == 3


def test_concurrent_writers_queue_and_both_commit(empty_db):
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            with empty_db.writer() as con:
                con.execute(
                    "INSERT INTO uploads (kind, file_name, sha256, uploaded_at, uploaded_by, data_rows, accepted,"
                    " duplicates, refused, report_json) VALUES ('incidents', ?, 'x', now(), 'uji', 0, 0, 0, 0, '{}')",
                    [name],
                )
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(f"f{i}.xlsx",)) for i in range(4)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITE_ONE_UPLOAD, str(empty_db.path), f"p{i}.xlsx"], cwd=ROOT)
             for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    assert errors == []
    assert count_uploads(empty_db) == 6


def test_failed_write_changes_nothing(empty_db):
    before = empty_db.version()
    with pytest.raises(RuntimeError):
        with empty_db.writer() as con:
            con.execute(
                "INSERT INTO uploads (kind, file_name, sha256, uploaded_at, uploaded_by, data_rows, accepted,"
                " duplicates, refused, report_json) VALUES ('incidents', 'x', 'x', now(), 'uji', 0, 0, 0, 0, '{}')"
            )
            raise RuntimeError("gagal di tengah")
    assert empty_db.version() == before
    assert count_uploads(empty_db) == 0
    assert list(empty_db.path.parent.glob(".*.tmp")) == []


def test_missing_database_says_how_to_build_it(tmp_path):
    db = Database(tmp_path / "tidak_ada.duckdb")
    with pytest.raises(DatabaseMissing, match="python -m etl build"):
        db.reader()
    with pytest.raises(DatabaseMissing):
        with db.writer():
            pass
