"""`waspada backup create|verify|restore`: waspada.backup from the command line."""

from __future__ import annotations

from waspada.i18n import t


def register(sub, lang: str) -> None:
    p = sub.add_parser("create", help=t("cli_backup_create", lang))
    p.add_argument("--db", default=None, help=t("cli_db_help", lang))
    p.add_argument("--to", default="backups", help=t("cli_backup_to", lang))
    p.set_defaults(func=run_create)
    p = sub.add_parser("verify", help=t("cli_backup_verify", lang))
    p.add_argument("folder", metavar="DIR", help=t("cli_backup_dir", lang))
    p.set_defaults(func=run_verify)
    p = sub.add_parser("restore", help=t("cli_backup_restore", lang))
    p.add_argument("folder", metavar="DIR", help=t("cli_backup_dir", lang))
    p.add_argument("--db", default=None, help=t("cli_db_help", lang))
    p.set_defaults(func=run_restore)


def _run(args, action) -> int:
    from waspada.backup import BackupError
    from waspada.cli import fail

    try:
        print(action())
    except BackupError as exc:
        fail(exc, args.lang)
        return 1
    return 0


def run_create(args) -> int:
    from waspada import backup

    return _run(args, lambda: t("cli_backup_done", args.lang, path=backup.backup(args.to, args.db)))


def run_verify(args) -> int:
    from waspada import backup

    def action():
        manifest = backup.verify(args.folder)
        return t("cli_backup_intact", args.lang, path=args.folder, made_at=manifest["made_at"])
    return _run(args, action)


def run_restore(args) -> int:
    from waspada import backup

    def action():
        manifest = backup.restore(args.folder, args.db)
        incidents = manifest["databases"]["main"]["tables"].get("incidents", 0)
        return t("cli_backup_restored", args.lang, path=args.folder, made_at=manifest["made_at"],
                 incidents=incidents)
    return _run(args, action)
