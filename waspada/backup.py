"""Backup and restore of one Waspada installation: the main database, the accounts database
and the raw upload archive.

    waspada backup create  [--db data/waspada.duckdb] [--to backups/]
    waspada backup verify  backups/waspada-20241127-080000
    waspada backup restore backups/waspada-20241127-080000 [--db data/waspada.duckdb]

(waspada/cli/backup.py; scripts/backup.sh and scripts/restore.sh call these;
docs/deployment.md says when.)

Both are safe while the dashboard runs. Waspada never writes a database file in place: a
writer copies it, commits in the copy and renames the copy over the live file under the
file's lock (waspada/db.py). So a backup takes that same lock, copies the live file (one
committed version, never a half-written one) and checks that the copy opens; a restore
takes the lock and renames the backup's copy over the live file, and the app's reader sees
a new version and reopens. The upload archive is a directory of files named by their
sha256, so copying it is enough; a restore moves the current archive aside, never deletes.

A backup is a directory waspada-YYYYMMDD-HHMMSS holding the two database files, uploads/
and MANIFEST.json (sha256 and row counts of every table, so a restore can check the copy
before it replaces anything).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from filelock import FileLock

from waspada.accounts import accounts_path
from waspada.i18n import MessageError
from waspada.settings import db_path

MANIFEST = "MANIFEST.json"
MAIN_NAME = "waspada.duckdb"
ACCOUNTS_NAME = "accounts.duckdb"
UPLOADS_NAME = "uploads"
LOCK_TIMEOUT = 300.0


class BackupError(MessageError, RuntimeError):
    """A backup or restore that cannot be done; the message says why (both languages)."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table of a DuckDB file (opened read-only, in its own instance)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS b (READ_ONLY)", [str(path)])
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'b' ORDER BY table_name").fetchall()]
        # table names come from the file's own catalogue, quoted as identifiers
        return {t: con.execute('SELECT count(*) FROM b."' + t.replace('"', '""') + '"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _copy_database(live: Path, target: Path) -> dict:
    """Copy one database file under its writers' lock; returns its manifest entry."""
    if not live.exists():
        raise BackupError("backup_no_database", path=str(live))
    with FileLock(str(live) + ".lock", timeout=LOCK_TIMEOUT):
        shutil.copyfile(live, target)
    return {"file": target.name, "source": str(live), "bytes": target.stat().st_size,
            "sha256": _sha256(target), "tables": table_counts(target)}


def _files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()} if root.exists() else {}


def _refuse_with_postgres() -> None:
    """With PostgreSQL as the system of record the local file is only a replica's copy: backing
    it up (or restoring over it) would miss or undo what other replicas stored."""
    from waspada.settings import database_url

    if database_url():
        raise BackupError("backup_postgres_configured", script="deploy/backup-pg.sh")


def backup(to_dir: Path | str, main_db: Path | str | None = None, accounts_db: Path | str | None = None) -> Path:
    """Write a new backup directory under to_dir; returns its path."""
    _refuse_with_postgres()
    main = Path(main_db or db_path())
    accounts = Path(accounts_db or accounts_path(main))
    uploads = main.parent / UPLOADS_NAME  # as waspada.ingest.store.uploads_dir_for
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = Path(to_dir) / f"waspada-{stamp}"
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    manifest = {"made_at": datetime.now(timezone.utc).isoformat(), "databases": {}}
    manifest["databases"]["main"] = _copy_database(main, partial / MAIN_NAME)
    if accounts.exists():
        manifest["databases"]["accounts"] = _copy_database(accounts, partial / ACCOUNTS_NAME)
    if uploads.exists():
        shutil.copytree(uploads, partial / UPLOADS_NAME)
    manifest["uploads"] = _files(partial / UPLOADS_NAME)
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)  # a backup directory without .partial is complete
    return target


def verify(backup_dir: Path | str) -> dict:
    """Check every file of a backup against its manifest; returns the manifest."""
    backup_dir = Path(backup_dir)
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError("backup_not_a_backup", path=str(backup_dir), manifest=MANIFEST) from None
    for name, entry in manifest["databases"].items():
        path = backup_dir / entry["file"]
        if not path.exists() or _sha256(path) != entry["sha256"]:
            raise BackupError("backup_damaged_file", file=path.name, manifest=MANIFEST)
        if table_counts(path) != entry["tables"]:
            raise BackupError("backup_damaged_rows", file=path.name, manifest=MANIFEST)
    if _files(backup_dir / UPLOADS_NAME) != manifest.get("uploads", {}):
        raise BackupError("backup_damaged_uploads", manifest=MANIFEST)
    return manifest


def _replace_database(source: Path, live: Path) -> None:
    """Put a copy of source in place of live the way a writer does: copy beside it, rename."""
    live.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(live) + ".lock", timeout=LOCK_TIMEOUT):
        tmp = live.with_name(f".{live.name}.restore.tmp")
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, live)
        wal = Path(str(live) + ".wal")
        if wal.exists():
            wal.unlink()


def restore(backup_dir: Path | str, main_db: Path | str | None = None, accounts_db: Path | str | None = None) -> dict:
    """Verify a backup, then put its databases and upload archive in place; returns its manifest.

    The current upload archive is kept beside it as uploads.before-restore-<time>."""
    _refuse_with_postgres()
    backup_dir = Path(backup_dir)
    manifest = verify(backup_dir)
    main = Path(main_db or db_path())
    accounts = Path(accounts_db or accounts_path(main))
    _replace_database(backup_dir / MAIN_NAME, main)
    if "accounts" in manifest["databases"]:
        _replace_database(backup_dir / ACCOUNTS_NAME, accounts)
    uploads = main.parent / UPLOADS_NAME
    saved = backup_dir / UPLOADS_NAME
    if uploads.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        os.replace(uploads, uploads.with_name(f"{UPLOADS_NAME}.before-restore-{stamp}"))
    if saved.exists():
        shutil.copytree(saved, uploads)
    return manifest
