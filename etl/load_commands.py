"""load (incident files), load-kpu, load-ikp, load-violations: load files people send.

Every file is parsed first; when any file cannot be read at all, nothing is written and
the command exits with status 2. Otherwise each file is stored in its own transaction and
the command exits 0, even when some rows were refused (they are listed). The readable
output is in the command line's --lang; --json keeps the Indonesian texts.
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from waspada.db import Database


def register(sub, default_db: str, lang: str = "id") -> None:
    """Add the load commands to a parser: `load` (incident files; its old name
    `load-incidents` is an alias), `load-kpu`, `load-ikp`, `load-violations`."""
    from waspada.i18n import t

    for name, aliases, kind, help_key in (("load", ["load-incidents"], "incidents", "cli_data_load"),
                                          ("load-kpu", [], "kpu", "cli_data_load_kpu"),
                                          ("load-ikp", [], "ikp", "cli_data_load_ikp"),
                                          ("load-violations", [], "violations", "cli_data_load_violations")):
        p = sub.add_parser(name, aliases=aliases, help=t(help_key, lang))
        p.add_argument("files", nargs="+", metavar="FILE")
        p.add_argument("--db", default=default_db, help=t("cli_db_help", lang))
        p.add_argument("--json", action="store_true", help=t("cli_data_json", lang))
        p.add_argument("--by", default=None, help=t("cli_data_by", lang))
        p.set_defaults(func=run_load, kind=kind)


def _parser_and_store(kind: str):
    if kind == "incidents":
        from waspada.ingest import parse_incident_file, store_incidents
        return parse_incident_file, store_incidents
    from waspada.ingest import tables
    return tables.PARSERS[kind], tables.store_table


def run_load(args) -> int:
    from waspada.i18n import DEFAULT_LANG, t
    from waspada.ingest import IngestFileError

    lang = getattr(args, "lang", DEFAULT_LANG)
    db = Database(args.db)
    if not db.exists():
        print(t("load_no_database", lang, db=args.db), file=sys.stderr)
        return 2
    parse, store = _parser_and_store(args.kind)
    uploaded_by = args.by or _user()
    reports, failed = [], []
    for f in args.files:
        path = Path(f)
        try:
            reports.append((path, parse(path, path.name, db=db)))
        except IngestFileError as exc:
            failed.append(exc)
    if failed:
        for exc in failed:
            if args.json:
                print(json.dumps({"file": exc.file_name, "error": str(exc.message)}, ensure_ascii=False))
            else:
                print(t("load_file_failed", lang, file=exc.file_name, error=exc.message), file=sys.stderr)
        print(t("load_nothing_loaded", lang), file=sys.stderr)
        return 2
    for path, report in reports:
        result = store(db, report, path, uploaded_by)
        if args.json:
            print(json.dumps({**report.to_json(), "new": result.new, "replaced": result.replaced,
                              "upload_id": result.upload_id},
                             ensure_ascii=False, default=str))
        else:
            print("\n".join(report.summary_lines(lang)))
            print(t("load_stored_replacing" if result.replaced else "load_stored", lang, db=args.db, new=result.new,
                    replaced=result.replaced, upload_id=result.upload_id, path=result.stored_path))
            print()
    return 0


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "etl"
