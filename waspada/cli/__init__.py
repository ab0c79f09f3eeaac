"""One command line for Waspada: `waspada GROUP COMMAND ...` (or `python -m waspada ...`).

    waspada data build [--db PATH] [--no-sample]
    waspada data load FILE... | load-kpu FILE | load-ikp FILE | load-violations FILE
    waspada data generate-national ... | make-template ...
    waspada users create NAME --role ROLE ... | ensure-admin | list | reset-password NAME | unlock NAME
    waspada backup create --to DIR | verify DIR | restore DIR
    waspada report weekly --province CODE --week DATE --out FILE [--format pdf|xlsx]
    waspada risk backtest [--snpk DIR] [--fit-years 1999,2000] [--test-years 2001,2002] [--out FILE.md]

Output is Bahasa Indonesia; the global option ``--lang en`` (anywhere on the line) switches
to English. Each group lives in its own module; they call the domain package (waspada.*)
and etl's build and load functions, never their own copy of a rule.
"""

from __future__ import annotations

import argparse
import sys

from waspada.i18n import DEFAULT_LANG, LANGS, t


def _take_lang(argv: list[str]) -> tuple[str, list[str]]:
    """Remove ``--lang X`` / ``--lang=X`` from anywhere on the line (help texts need the
    language before the parser is built); an unknown language is left for argparse to refuse."""
    lang, rest, i = DEFAULT_LANG, [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            lang, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            lang, i = arg.split("=", 1)[1], i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def build_parser(lang: str = DEFAULT_LANG, prog: str = "waspada") -> argparse.ArgumentParser:
    from waspada.cli import alias, backup, data, report, risk, users

    parser = argparse.ArgumentParser(prog=prog, description=t("cli_description", lang))
    parser.add_argument("--lang", choices=LANGS, default=lang, help=t("cli_lang_help", lang))
    groups = parser.add_subparsers(dest="group", required=True)
    for name, module, help_key in (("data", data, "cli_data"), ("users", users, "cli_users"),
                                   ("backup", backup, "cli_backup"), ("report", report, "cli_report"),
                                   ("risk", risk, "cli_risk"), ("alias", alias, "cli_alias")):
        group = groups.add_parser(name, help=t(help_key, lang), description=t(help_key, lang))
        module.register(group.add_subparsers(dest="command", required=True), lang)
    return parser


def main(argv: list[str] | None = None, prog: str = "waspada") -> int:
    lang, argv = _take_lang(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(lang, prog).parse_args(argv)
    args.lang = lang
    return int(args.func(args) or 0)


def fail(error, lang: str) -> None:
    """Print an error a person reads (a MessageError, or text) to stderr, in their language."""
    text = error.render(lang) if hasattr(error, "render") else str(error)
    print(t("cli_failed", lang, error=text), file=sys.stderr)
