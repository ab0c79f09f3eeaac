"""Backups moved to waspada.backup (`waspada backup create|verify|restore`). This module
keeps the old imports and `python -m etl.backup backup|verify|restore` working."""

from __future__ import annotations

import sys

from waspada.backup import *  # noqa: F401,F403  (old imports: from etl import backup)
from waspada.backup import MANIFEST, BackupError, backup, restore, table_counts, verify  # noqa: F401
from waspada.i18n import t

_OLD_TO_NEW = {"backup": "create", "verify": "verify", "restore": "restore"}


def main(argv: list[str] | None = None) -> int:
    """`python -m etl.backup backup --to D` -> `waspada backup create --to D`; `restore/verify
    --from D` -> `waspada backup restore/verify D`."""
    from waspada.cli import main as waspada_main

    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in _OLD_TO_NEW:
        return waspada_main(["backup", *argv])
    new = ["backup", _OLD_TO_NEW[argv[0]]]
    rest = [x for a in argv[1:] for x in (a.split("=", 1) if a.startswith("--from=") else [a])]
    if "--from" in rest:
        i = rest.index("--from")
        rest = rest[:i] + rest[i + 1:]  # the folder becomes the positional DIR
    print(t("cli_moved", old=f"python -m etl.backup {argv[0]}", new="waspada " + " ".join(new)), file=sys.stderr)
    return waspada_main([*new, *rest])


if __name__ == "__main__":
    sys.exit(main())
