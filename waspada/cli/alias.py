"""`waspada alias ...`: region names the office taught (waspada.aliases).

    waspada alias add "Kab. TTS" 53.02 [--province 53] [--by budi]
    waspada alias list
    waspada alias remove 3 [--by admin]

`--by` names the account recorded (and whose scope is checked); without it the command
acts as the system. The audit goes to the accounts file beside the database.
"""

from __future__ import annotations

from pathlib import Path

from waspada.i18n import t
from waspada.paths import DEFAULT_DB_PATH


def register(sub, lang: str) -> None:
    p = sub.add_parser("add", help=t("cli_alias_add", lang))
    p.add_argument("name", metavar="NAME", help=t("cli_alias_name", lang))
    p.add_argument("code", metavar="CODE", help=t("cli_alias_code", lang))
    p.add_argument("--province", default=None, help=t("cli_alias_province", lang))
    _common(p, lang)
    p.set_defaults(func=run_add)

    p = sub.add_parser("list", help=t("cli_alias_list", lang))
    _common(p, lang)
    p.set_defaults(func=run_list)

    p = sub.add_parser("remove", help=t("cli_alias_remove", lang))
    p.add_argument("alias_id", metavar="ID", type=int, help=t("cli_alias_id", lang))
    _common(p, lang)
    p.set_defaults(func=run_remove)


def _common(p, lang: str) -> None:
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.add_argument("--accounts-db", default=None, help=t("cli_users_accounts_db", lang))
    p.add_argument("--by", default=None, help=t("cli_alias_by", lang))


def _open(args):
    from waspada.accounts import Accounts, UnknownUserError, accounts_path
    from waspada.db import Database

    db = Database(Path(args.db))
    accounts = Accounts.open(Path(args.accounts_db) if args.accounts_db else accounts_path(args.db))
    user = None
    if args.by:
        user = accounts.get_user(args.by.strip().lower())
        if user is None:
            raise UnknownUserError("account_unknown_user", username=args.by)
    return db, accounts, user


def _guarded(run):
    def wrapper(args) -> int:
        from waspada.accounts import AccountError
        from waspada.aliases import AliasError
        from waspada.cli import fail

        try:
            return run(args)
        except (AliasError, AccountError) as exc:
            fail(exc, args.lang)
            return 2
    wrapper.__name__ = run.__name__
    return wrapper


@_guarded
def run_add(args) -> int:
    from waspada.aliases import add_alias

    db, accounts, user = _open(args)
    print(add_alias(db, accounts, user, args.name, args.code, province=args.province).render(args.lang))
    return 0


@_guarded
def run_list(args) -> int:
    from waspada.aliases import list_aliases

    df = list_aliases(_database(args))
    if df.empty:
        print(t("cli_alias_none", args.lang))
        return 0
    for r in df.itertuples():
        print(t("cli_alias_row", args.lang, alias_id=r.alias_id, name=r.name, code=r.code, region=r.region,
                by=r.created_by, when=f"{r.created_at:%Y-%m-%d %H:%M}"))
    return 0


def _database(args):
    from waspada.db import Database

    return Database(Path(args.db))


@_guarded
def run_remove(args) -> int:
    from waspada.aliases import remove_alias

    db, accounts, user = _open(args)
    print(remove_alias(db, accounts, user, args.alias_id).render(args.lang))
    return 0
