"""`python -m etl ...`: the old name of `waspada data ...` (build, load, load-incidents,
load-kpu, load-ikp, load-violations, generate-national, make-template). The account
commands moved to `waspada users ...`; their old names are forwarded with a note."""

from __future__ import annotations

import sys

from waspada.cli import main as waspada_main
from waspada.i18n import t

# old etl name -> the command line it now is
MOVED = {"create-user": ["users", "create"], "ensure-admin": ["users", "ensure-admin"]}
# groups of `waspada` that `python -m etl` also answers, unchanged (a scheduled weekly report, issue 15)
FORWARDED = ("report",)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in MOVED:
        new = MOVED[argv[0]]
        print(t("cli_moved", old=f"python -m etl {argv[0]}", new="waspada " + " ".join(new)), file=sys.stderr)
        return waspada_main([*new, *argv[1:]])
    if argv and argv[0] in FORWARDED:
        return waspada_main(argv, prog="python -m etl")
    return waspada_main(["data", *argv], prog="python -m etl")


if __name__ == "__main__":
    sys.exit(main())
