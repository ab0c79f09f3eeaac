"""`waspada users ...`: accounts from the command line (docs/accounts.md).

    waspada users create budi --role staf --regions 65.71,65.02 [--password-stdin]
    waspada users ensure-admin        # `make run` calls it: a fresh install always has an admin
    waspada users list
    waspada users reset-password budi
    waspada users unlock budi

Accounts live in their own file (accounts.duckdb beside the main database, or
WASPADA_ACCOUNTS_DB); these commands never create or touch the main database.
"""

from __future__ import annotations

import sys
from pathlib import Path

from waspada.accounts import ROLES
from waspada.i18n import t
from waspada.paths import DEFAULT_DB_PATH

CLI_ACTOR = "cli"


def register(sub, lang: str) -> None:
    p = sub.add_parser("create", help=t("cli_users_create", lang))
    p.add_argument("name", metavar="NAME", help=t("cli_users_name", lang))
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--province", default=None, help=t("cli_users_province", lang))
    p.add_argument("--regions", default="", help=t("cli_users_regions", lang))
    p.add_argument("--display-name", default=None, help=t("cli_users_display_name", lang))
    p.add_argument("--email", default=None, help=t("cli_users_email", lang))
    p.add_argument("--password-stdin", action="store_true", help=t("cli_users_password_stdin", lang))
    _db_args(p, lang)
    p.set_defaults(func=run_create)

    p = sub.add_parser("ensure-admin", help=t("cli_users_ensure_admin", lang))
    _db_args(p, lang)
    p.set_defaults(func=run_ensure_admin)

    p = sub.add_parser("list", help=t("cli_users_list", lang))
    _db_args(p, lang)
    p.set_defaults(func=run_list)

    for name, func, help_key in (("reset-password", "run_reset_password", "cli_users_reset"),
                                 ("unlock", "run_unlock", "cli_users_unlock")):
        p = sub.add_parser(name, help=t(help_key, lang))
        p.add_argument("name", metavar="NAME", help=t("cli_users_name", lang))
        _db_args(p, lang)
        p.set_defaults(func=globals()[func])


def _db_args(p, lang: str) -> None:
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.add_argument("--accounts-db", default=None, help=t("cli_users_accounts_db", lang))


def _accounts(args):
    from waspada.accounts import Accounts, accounts_path

    return Accounts.open(Path(args.accounts_db) if args.accounts_db else accounts_path(args.db))


def _guarded(run):
    """Run a command; an AccountError is printed in the reader's language, exit status 2."""
    def wrapper(args) -> int:
        from waspada.accounts import AccountError
        from waspada.cli import fail

        try:
            return run(args)
        except AccountError as exc:
            fail(exc, args.lang)
            return 2
    wrapper.__name__ = run.__name__
    return wrapper


@_guarded
def run_create(args) -> int:
    from waspada.accounts import scope_description

    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    accounts = _accounts(args)
    regions = [c.strip() for c in args.regions.split(",") if c.strip()]
    user, one_time = accounts.create_user(args.name, args.role, actor=CLI_ACTOR, display_name=args.display_name,
                                          province=args.province, regions=regions, email=args.email,
                                          password=password)
    print(t("cli_user_created", args.lang, username=user.username, scope=scope_description(user, args.lang),
            path=accounts.db.path))
    if one_time:
        print(t("cli_one_time_password", args.lang, password=one_time))
        print(t("cli_one_time_hint", args.lang))
    return 0


@_guarded
def run_ensure_admin(args) -> int:
    accounts = _accounts(args)
    created = accounts.ensure_admin()
    if created is None:
        print(t("cli_admin_exists", args.lang, path=accounts.db.path))
        return 0
    name, password = created
    bar = "=" * 66
    print(bar)
    print(t("cli_admin_created", args.lang))
    print(t("cli_admin_username", args.lang, username=name))
    print(t("cli_admin_password", args.lang, password=password))
    print(t("cli_admin_hint", args.lang, username=name))
    print(bar)
    return 0


@_guarded
def run_list(args) -> int:
    from waspada.accounts import User, scope_description
    from waspada.i18n import yes_no

    accounts = _accounts(args)
    users = accounts.list_users()
    if users.empty:
        print(t("cli_users_none", args.lang, path=accounts.db.path))
        return 0
    print(t("cli_users_header", args.lang))
    for r in users.itertuples():
        user = User(username=r.username, display_name=r.display_name, role=r.role, province_code=r.province_code,
                    regions=tuple(r.regions if r.regions is not None else ()))
        locked = r.locked_until.strftime("%Y-%m-%d %H:%M") if r.locked_until is not None and \
            str(r.locked_until) != "NaT" else "–"
        print(f"{r.username} | {scope_description(user, args.lang)} | {yes_no(bool(r.active), args.lang)} | {locked}")
    return 0


@_guarded
def run_reset_password(args) -> int:
    accounts = _accounts(args)
    password = accounts.reset_password(args.name, actor=CLI_ACTOR)
    print(t("cli_password_reset", args.lang, username=args.name.strip().lower()))
    print(t("cli_one_time_password", args.lang, password=password))
    print(t("cli_one_time_hint", args.lang))
    return 0


@_guarded
def run_unlock(args) -> int:
    _accounts(args).unlock(args.name, actor=CLI_ACTOR)
    print(t("cli_unlocked", args.lang, username=args.name.strip().lower()))
    return 0
