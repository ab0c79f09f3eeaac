"""Backup and restore (waspada/backup.py, scripts/backup.sh, scripts/restore.sh): back up, lose
everything, restore, and find the same rows, the same accounts and the same uploaded files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from waspada import backup as bk
from etl.build import build_database
from waspada.accounts import Accounts
from waspada.db import Database

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "sandi-cadangan-yang-panjang"


@pytest.fixture
def install(tmp_path) -> dict:
    """A small installation: sample database, one account, one archived upload."""
    data = tmp_path / "data"
    data.mkdir()
    main = data / "waspada.duckdb"
    build_database(main, sample=True)
    accounts = data / "accounts.duckdb"
    Accounts.open(accounts).create_user("kepala", "pimpinan", actor="uji", password=PASSWORD)
    uploads = data / "uploads"
    uploads.mkdir()
    (uploads / "ab12cd.xlsx").write_bytes(b"isi berkas unggahan")
    (uploads / "ef34ab.csv").write_bytes("tanggal;uraian\r\n14/10/2024;Baliho dirusak\r\n".encode("cp1252"))
    return {"main": main, "accounts": accounts, "uploads": uploads, "backups": tmp_path / "backups"}


def _incident_fingerprint(db: Path):
    cur = Database(db).reader()
    try:
        return cur.execute("SELECT count(*), sum(hash(content_hash, occurred_on, region_code, category)) FROM incidents").fetchone()
    finally:
        cur.close()


def _archive_checksums(uploads: Path) -> dict[str, str]:
    """sha256 of every file of the upload archive, computed here (not by waspada.backup)."""
    return {str(p.relative_to(uploads)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(uploads.rglob("*")) if p.is_file()}


def test_backup_delete_restore_gives_the_same_rows_accounts_and_files(install):
    before_tables = bk.table_counts(install["main"])
    before_incidents = _incident_fingerprint(install["main"])
    before_uploads = _archive_checksums(install["uploads"])
    assert len(before_uploads) == 2
    target = bk.backup(install["backups"], install["main"], install["accounts"])
    manifest = json.loads((target / bk.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["databases"]["main"]["tables"] == before_tables
    assert manifest["uploads"] == before_uploads  # the manifest holds the archive's real checksums

    # the machine loses everything
    for p in (install["main"], install["accounts"]):
        p.unlink()
    shutil.rmtree(install["uploads"])

    bk.restore(target, install["main"], install["accounts"])
    assert bk.table_counts(install["main"]) == before_tables
    assert _incident_fingerprint(install["main"]) == before_incidents
    assert Accounts.open(install["accounts"]).login("kepala", PASSWORD).ok
    assert _archive_checksums(install["uploads"]) == before_uploads
    assert (install["uploads"] / "ab12cd.xlsx").read_bytes() == b"isi berkas unggahan"


def test_a_changed_upload_file_in_a_backup_is_refused(install):
    target = bk.backup(install["backups"], install["main"], install["accounts"])
    (target / bk.UPLOADS_NAME / "ef34ab.csv").write_bytes(b"diubah")
    before_uploads = _archive_checksums(install["uploads"])
    with pytest.raises(bk.BackupError) as refused:
        bk.restore(target, install["main"], install["accounts"])
    assert str(refused.value) == "Cadangan rusak: arsip unggahan tidak sama dengan MANIFEST.json."
    assert _archive_checksums(install["uploads"]) == before_uploads  # nothing replaced


def test_restore_while_the_app_reads_and_after_a_bad_write(install):
    target = bk.backup(install["backups"], install["main"], install["accounts"])
    db = Database(install["main"])
    reader = db.reader()  # the dashboard holds the file open
    with db.writer() as con:  # an unwanted change after the backup
        con.execute("DELETE FROM incidents")
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0] == 0
    bk.restore(target, install["main"], install["accounts"])
    restored = db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0]
    assert restored == bk.verify(target)["databases"]["main"]["tables"]["incidents"] > 0
    reader.close()
    kept = [p.name for p in install["uploads"].parent.iterdir() if p.name.startswith("uploads.before-restore-")]
    assert len(kept) == 1  # the archive that was in place is moved aside, not deleted


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(install):
    target = bk.backup(install["backups"], install["main"], install["accounts"])
    with open(target / bk.MAIN_NAME, "r+b") as fh:
        fh.seek(5000)
        fh.write(b"\x00rusak\x00")
    before = _incident_fingerprint(install["main"])
    with pytest.raises(bk.BackupError, match="rusak"):
        bk.restore(target, install["main"], install["accounts"])
    assert _incident_fingerprint(install["main"]) == before


def test_the_scripts_back_up_and_restore(install):
    env = dict(os.environ, WASPADA_DB=str(install["main"]), WASPADA_ACCOUNTS_DB=str(install["accounts"]))
    out = subprocess.run([str(ROOT / "scripts" / "backup.sh"), str(install["backups"])], env=env,
                         capture_output=True, text=True, check=True).stdout
    [folder] = list(install["backups"].iterdir())
    assert str(folder) in out and not folder.name.endswith(".partial")
    before = _incident_fingerprint(install["main"])
    install["main"].unlink()
    subprocess.run([str(ROOT / "scripts" / "restore.sh"), str(folder)], env=env, check=True, capture_output=True)
    assert _incident_fingerprint(install["main"]) == before


def test_with_postgres_as_system_of_record_the_local_copy_is_not_backed_up_nor_restored_over(install, monkeypatch):
    from waspada.settings import DATABASE_URL_ENV_VAR

    monkeypatch.setenv(DATABASE_URL_ENV_VAR, "postgresql://waspada@localhost/waspada")
    with pytest.raises(bk.BackupError) as refused:
        bk.backup(install["backups"], install["main"])
    assert "deploy/backup-pg.sh" in refused.value.render("id") and "pg_dump" in refused.value.render("en")
    with pytest.raises(bk.BackupError):
        bk.restore(install["backups"], install["main"])
    assert not install["backups"].exists()
