"""`waspada risk backtest`: how well the risk score predicts, on the SNPK history
(waspada.risk.backtest); prints a Markdown report and optionally writes it to a file."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from waspada.i18n import t


def _years(value: str, lang: str) -> list[int]:
    import argparse

    try:
        years = [int(y) for y in value.split(",") if y.strip()]
    except ValueError:
        years = []
    if not years:
        raise argparse.ArgumentTypeError(t("cli_risk_years_invalid", lang, value=value))
    return years


def register(sub, lang: str) -> None:
    p = sub.add_parser("backtest", help=t("cli_risk_backtest", lang), description=t("cli_risk_backtest", lang))
    p.add_argument("--snpk", default=None, help=t("cli_risk_snpk", lang))
    p.add_argument("--fit-years", type=lambda v: _years(v, lang), default=[1999, 2000], help=t("cli_risk_fit_years", lang))
    p.add_argument("--test-years", type=lambda v: _years(v, lang), default=[2001, 2002], help=t("cli_risk_test_years", lang))
    p.add_argument("--out", default=None, help=t("cli_risk_out", lang))
    p.set_defaults(func=run_backtest)


def run_backtest(args) -> int:
    from waspada.cli import fail
    from waspada.risk import backtest

    directory = backtest.snpk_dir(args.snpk)
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="waspada-backtest-") as work:
            for i, years in enumerate((args.fit_years, args.test_years)):
                results.append(backtest.run_backtest(directory, years, Path(work) / str(i)))
    except backtest.BacktestError as exc:
        fail(exc, args.lang)
        return 2
    command = "waspada risk backtest --fit-years {} --test-years {}".format(
        ",".join(map(str, args.fit_years)), ",".join(map(str, args.test_years)))
    text = (f"<!-- {command}, {date.today():%Y-%m-%d} -->\n\n"
            + backtest.markdown_report(results, [t("backtest_fit", args.lang), t("backtest_test", args.lang)],
                                       args.lang))
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(t("cli_risk_written", args.lang, path=args.out))
    return 0


__all__ = ["register", "run_backtest"]
