"""Replicas of one PostgreSQL system of record (issue 16), against a real server
(tests/pg_fixture.py): an upload through replica A is visible on replica B after one
refresh; two replicas storing at once; a replica killed in the middle of an upload; the
migration of an office's DuckDB installation.

Replicas here are waspada.db.Database objects on files of their own, pointed at the same
URL (and, where it matters, processes of their own): what each server.py of `make cluster`
holds."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures)
from workbooks import HEADER, csv_bytes, good_row
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents
from waspada.pg.migrate import migrate
from waspada.pg.replica import refresh

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).parent / "data" / "contoh_laporan_mingguan_sumbar.xlsx"


@pytest.fixture
def cluster(pg_url, writable_reference_db, tmp_path):
    """The office's reference database moved into PostgreSQL; replica A on that file,
    replica B starting with no file at all."""
    migrate(writable_reference_db.path, None, pg_url)
    a = Database(writable_reference_db.path, system_of_record=pg_url)
    (tmp_path / "b").mkdir()
    b = Database(tmp_path / "b" / "waspada.duckdb", system_of_record=pg_url)
    refresh(b, pg_url)
    return a, b, pg_url


def _count(db: Database, sql: str, params=None) -> int:
    return int(db.query_df(sql, params).iloc[0, 0])


def _pg_count(url: str, sql: str, params=None) -> int:
    with psycopg.connect(url) as pg:
        return pg.execute(sql, params or []).fetchone()[0]


def test_replica_b_starts_with_what_the_office_had(cluster):
    a, b, url = cluster
    for table in ("regions", "elections", "election_phases", "kpu_figures", "ikp_scores", "contests"):
        assert _count(b, f"SELECT count(*) FROM {table}") == _count(a, f"SELECT count(*) FROM {table}") > 0, table


def test_an_upload_through_a_is_visible_on_b_with_its_file(cluster):
    a, b, url = cluster
    result = store_incidents(a, parse_incident_file(EXAMPLE, db=a), EXAMPLE, uploaded_by="staf")
    assert result.new == 5
    assert _count(b, "SELECT count(*) FROM visible_incidents") == 0  # not before B refreshes
    assert refresh(b, url) > 0
    assert _count(b, "SELECT count(*) FROM visible_incidents") == 5
    assert _count(b, "SELECT count(*) FROM uploads WHERE upload_id = ?", [result.upload_id]) == 1
    archived = b.path.parent / result.stored_path
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == result.sha256
    assert refresh(b, url) == 0  # nothing new: the file is not rewritten
    # B's next upload takes a new id (its sequences moved past what it pulled).
    other = csv_bytes([HEADER, good_row(uraian="Bentrok massa pendukung", tanggal="20/10/2024")])
    second = store_incidents(b, parse_incident_file(other, "b.csv", db=b), other, uploaded_by="staf")
    assert second.upload_id > result.upload_id and second.new == 1
    refresh(a, url)
    assert _count(a, "SELECT count(*) FROM visible_incidents") == 6
    assert _pg_count(url, "SELECT count(*) FROM incidents") == 6


def test_two_replicas_storing_at_once_both_arrive_once(cluster):
    a, b, url = cluster
    files = {a: csv_bytes([HEADER, *(good_row(uraian=f"Perusakan baliho {i}") for i in range(20))]),
             b: csv_bytes([HEADER, *(good_row(uraian=f"Intimidasi pemilih {i}") for i in range(20))])}
    start = threading.Barrier(2)
    results, errors = {}, []

    def store(db):
        try:
            report = parse_incident_file(files[db], "f.csv", db=db)
            start.wait()
            results[db] = store_incidents(db, report, files[db], uploaded_by="staf")
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=store, args=(db,)) for db in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert results[a].new == results[b].new == 20 and results[a].upload_id != results[b].upload_id
    for db in (a, b):
        refresh(db, url)
        assert _count(db, "SELECT count(*) FROM visible_incidents") == 40
    assert _pg_count(url, "SELECT count(*) FROM incidents") == 40
    assert _pg_count(url, "SELECT count(DISTINCT id) FROM incidents") == 40


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
import waspada.pg.replica as replica
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents

real_push = replica.push
def push_then_hang(*args, **kw):
    sent = real_push(*args, **kw)
    print("SENT", sent, flush=True)   # in PostgreSQL's open transaction, not committed
    time.sleep(120)
replica.push = push_then_hang
db = Database(Path(sys.argv[1]), system_of_record=sys.argv[2])
store_incidents(db, parse_incident_file(Path(sys.argv[3]), db=db), Path(sys.argv[3]), uploaded_by="staf")
"""


def test_a_replica_killed_mid_upload_leaves_nothing_half_stored_and_nothing_twice(cluster):
    a, b, url = cluster
    uploads_before = _pg_count(url, "SELECT count(*) FROM uploads")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(a.path), url, str(EXAMPLE)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("SENT"), proc.stderr.read() if proc.poll() is not None else line
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    assert _pg_count(url, "SELECT count(*) FROM uploads") == uploads_before
    assert _pg_count(url, "SELECT count(*) FROM incidents") == 0
    # Replica B stores the same file now: all five, once; A, refreshed, sees them once too.
    assert store_incidents(b, parse_incident_file(EXAMPLE, db=b), EXAMPLE, uploaded_by="staf").new == 5
    refresh(a, url)
    assert _count(a, "SELECT count(*) FROM visible_incidents") == 5
    assert _pg_count(url, "SELECT count(*) FROM incidents") == 5


def test_the_migration_keeps_every_row_and_file_and_a_second_run_adds_nothing(pg_url, writable_reference_db,
                                                                              fresh_accounts, tmp_path):
    db = writable_reference_db
    stored = store_incidents(db, parse_incident_file(EXAMPLE, db=db), EXAMPLE, uploaded_by="staf")
    fresh_accounts.create_user("budi", "pimpinan", actor="admin", password="kata-sandi-budi")
    assert fresh_accounts.login("budi", "kata-sandi-budi").ok
    accounts_file = fresh_accounts.db.path

    first = migrate(db.path, accounts_file, pg_url)
    assert first.identical and first.added > 0
    for table in ("regions", "uploads", "incidents", "alerts", "users", "sessions", "audit_log"):
        in_file, in_pg = first.tables[table]
        assert in_file == in_pg, table
    assert first.tables["incidents"] == (5, 5) and first.tables["users"] == (1, 1)
    assert first.files_added == first.files >= 1 and not first.missing_files
    with psycopg.connect(pg_url) as pg:
        content = pg.execute("SELECT content FROM waspada_archive WHERE sha256 = %s", [stored.sha256]).fetchone()[0]
    assert hashlib.sha256(bytes(content)).hexdigest() == stored.sha256

    second = migrate(db.path, accounts_file, pg_url)
    assert second.identical and second.added == 0 and second.files_added == 0

    # The migrated accounts work on PostgreSQL, and new audit rows take new ids.
    from waspada.accounts import Accounts, open_accounts_db
    acc = Accounts(open_accounts_db(pg_url))
    assert acc.login("budi", "kata-sandi-budi").ok


def test_a_damaged_archive_file_is_reported_not_migrated(pg_url, writable_reference_db):
    db = writable_reference_db
    stored = store_incidents(db, parse_incident_file(EXAMPLE, db=db), EXAMPLE, uploaded_by="staf")
    (db.path.parent / stored.stored_path).write_bytes(b"not the file that was uploaded")
    result = migrate(db.path, None, pg_url)
    assert result.damaged_files == [stored.stored_path] and not result.identical


def test_the_migrate_command_prints_every_table_and_runs_twice(pg_url, writable_reference_db, capsys):
    from waspada.cli import main

    db = writable_reference_db
    store_incidents(db, parse_incident_file(EXAMPLE, db=db), EXAMPLE, uploaded_by="staf")
    args = ["--lang", "en", "data", "migrate-to-postgres", "--db", str(db.path), "--url", pg_url]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "incidents: 5 rows in the file, 5 in PostgreSQL" in out and "Upload archive: 1 files" in out
    assert "Done: the same row count in every table" in out
    assert main(args) == 0
    assert "; 0 new rows in PostgreSQL." in capsys.readouterr().out


def test_backup_with_pg_dump_and_restore_into_an_empty_database(cluster, pg_server, tmp_path):
    """deploy/backup-pg.sh and restore-pg.sh: the dump holds the tables, the accounts and the
    upload archive; a replica pointed at the restored database shows the same data and files,
    and a replica that was ahead of it starts its copy again."""
    a, b, url = cluster
    stored = store_incidents(a, parse_incident_file(EXAMPLE, db=a), EXAMPLE, uploaded_by="staf")
    from waspada.accounts import Accounts, open_accounts_db
    Accounts(open_accounts_db(url)).create_user("budi", "pimpinan", actor="admin", password="kata-sandi-budi")
    env = dict(os.environ, WASPADA_DATABASE_URL=url, PATH=f"{pg_server.bin}:{os.environ['PATH']}")
    backup = subprocess.run(["sh", str(ROOT / "deploy" / "backup-pg.sh"), str(tmp_path / "backups")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    # Later writes, then the disaster: the restore goes into a new, empty database.
    more = csv_bytes([HEADER, good_row(uraian="Setelah cadangan dibuat")])
    store_incidents(a, parse_incident_file(more, "m.csv", db=a), more, uploaded_by="staf")
    restored = pg_server.create_database(f"restored{os.getpid()}")
    restore = subprocess.run(["sh", str(ROOT / "deploy" / "restore-pg.sh"), str(dump), restored], env=env,
                             capture_output=True, text=True, timeout=120)
    assert restore.returncode == 0, restore.stderr
    (tmp_path / "c").mkdir()
    c = Database(tmp_path / "c" / "waspada.duckdb", system_of_record=restored)
    refresh(c, restored)
    assert _count(c, "SELECT count(*) FROM visible_incidents") == 5
    assert _count(c, "SELECT count(*) FROM regions") == _count(a, "SELECT count(*) FROM regions")
    archived = c.path.parent / stored.stored_path
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == stored.sha256
    assert Accounts(open_accounts_db(restored)).login("budi", "kata-sandi-budi").ok
    # Replica A saw the later upload; pointed at the restored database it drops it.
    a_restored = Database(a.path, system_of_record=restored)
    refresh(a_restored, restored)
    assert _count(a_restored, "SELECT count(*) FROM visible_incidents") == 5


def test_an_alias_taught_and_removed_on_a_is_taught_and_removed_on_b(cluster, pg_url):
    """Deletions travel too (waspada_deleted), and the other write paths (aliases, withdrawal)
    go through the same writer as uploads."""
    from waspada.accounts import Accounts, open_accounts_db
    from waspada.aliases import add_alias, list_aliases, remove_alias
    from waspada.uploads import withdraw_upload

    a, b, url = cluster
    accounts = Accounts(open_accounts_db(url))
    add_alias(a, accounts, None, "TRK", "65.71")
    refresh(b, url)
    taught = list_aliases(b)
    assert list(taught["name"]) == ["TRK"]
    remove_alias(a, accounts, None, int(taught["alias_id"].iloc[0]))
    refresh(b, url)
    assert list_aliases(b).empty
    # A withdrawal on B hides the upload's incidents on A.
    stored = store_incidents(a, parse_incident_file(EXAMPLE, db=a), EXAMPLE, uploaded_by="staf")
    refresh(b, url)
    admin, _ = accounts.create_user("admin2", "admin", actor="uji", password="kata-sandi-admin")
    assert withdraw_upload(b, accounts, stored.upload_id, admin) == 5
    refresh(a, url)
    assert _count(a, "SELECT count(*) FROM visible_incidents") == 0
    assert _count(a, "SELECT count(*) FROM incidents") == 5
