"""Command line: `python -m etl build`, `python -m etl load-incidents FILE...`, ..."""

from __future__ import annotations

import argparse
import sys

from etl import build, load_commands
from etl import account_commands
from etl import national
from waspada.paths import DEFAULT_DB_PATH


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Waspada ETL")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="bangun basis data dari data bawaan (idempoten)")
    p.add_argument("--db", default=str(DEFAULT_DB_PATH))
    p.add_argument("--no-sample", action="store_true", help="tanpa data contoh yang dibangkitkan")
    p.set_defaults(func=build.run)

    load_commands.register(sub, default_db=str(DEFAULT_DB_PATH))
    account_commands.register(sub, default_db=str(DEFAULT_DB_PATH))
    national.register(sub, default_db=str(DEFAULT_DB_PATH))

    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
