"""`waspada data ...`: build the database and load files (etl's functions; `python -m etl`
is the same group under its old name)."""

from __future__ import annotations

from pathlib import Path

from waspada.filesafety import size_text
from waspada.i18n import t
from waspada.paths import DEFAULT_DB_PATH, TEMPLATES_DIR


def register(sub, lang: str) -> None:
    from etl import build, load_commands, national

    p = sub.add_parser("build", help=t("cli_data_build", lang))
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.add_argument("--no-sample", action="store_true", help=t("cli_data_no_sample", lang))
    p.set_defaults(func=build.run)

    load_commands.register(sub, default_db=str(DEFAULT_DB_PATH), lang=lang)
    national.register(sub, default_db=str(DEFAULT_DB_PATH), lang=lang)

    p = sub.add_parser("load-schedule", help=t("realdata_cli_load_schedule", lang))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.set_defaults(func=build.run_load_schedule)

    p = sub.add_parser("make-template", help=t("cli_data_template", lang))
    p.add_argument("--province", default=None, help=t("cli_template_province", lang))
    p.add_argument("--out", default=None, help=t("cli_template_out", lang))
    p.set_defaults(func=run_make_template)

    p = sub.add_parser("migrate-to-postgres", help=t("cluster_cli_migrate", lang))
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.add_argument("--accounts-db", default=None, help=t("cluster_cli_accounts_db", lang))
    p.add_argument("--url", required=True, help=t("cluster_cli_url", lang))
    p.set_defaults(func=run_migrate_to_postgres)


def run_migrate_to_postgres(args) -> int:
    """Move an office's DuckDB installation into PostgreSQL; exit 1 unless every table has
    the same rows on both sides and every archived file arrived intact."""
    from waspada.accounts import accounts_path
    from waspada.cli import fail
    from waspada.i18n import fmt_number

    db = Path(args.db)
    accounts = Path(args.accounts_db) if args.accounts_db else accounts_path(db)
    if not db.exists():
        fail(t("cluster_migrate_no_db", args.lang, db=db), args.lang)
        return 2
    from waspada.pg.migrate import migrate

    result = migrate(db, accounts if accounts.exists() else None, args.url)
    for table, (in_file, in_pg) in result.tables.items():
        key = "cluster_migrate_table" if in_file == in_pg else "cluster_migrate_table_differs"
        print(t(key, args.lang, table=table, file=fmt_number(in_file), pg=fmt_number(in_pg)))
    print(t("cluster_migrate_files", args.lang, files=fmt_number(result.files), added=fmt_number(result.files_added)))
    for stored in result.missing_files:
        print(t("cluster_migrate_file_missing", args.lang, path=stored))
    for stored in result.damaged_files:
        print(t("cluster_migrate_file_damaged", args.lang, path=stored))
    print(t("cluster_migrate_done" if result.identical else "cluster_migrate_not_identical", args.lang,
            added=fmt_number(result.added)))
    return 0 if result.identical else 1


def run_make_template(args) -> int:
    from waspada.cli import fail
    from waspada.template_xlsx import FILE_NAME, build_template

    out = Path(args.out) if args.out else TEMPLATES_DIR / FILE_NAME
    try:
        data = build_template(args.province)
    except ValueError:
        fail(t("cli_unknown_province", args.lang, code=args.province), args.lang)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("cli_template_written", args.lang, path=out, size=size_text(len(data))))
    return 0


__all__ = ["register", "run_make_template", "run_migrate_to_postgres"]
