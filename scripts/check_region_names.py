"""Held-out check of region names (issue 12): how many land right, are refused, land WRONG.

    .venv/bin/python scripts/check_region_names.py HELDOUT.csv [--min-officials 0.95] [--min-english 0.90]

HELDOUT.csv is kept OUTSIDE the repository (the in-repo regression table is
tests/test_regions_names.py; a list the aliases were written against proves nothing).
Columns: group (officials | english), name, province (as written; '' = no province column),
expected (a Kemendagri code, or REFUSE for a name two regions carry: "Kupang", "Bandung"),
source. Each row goes through the real resolver the way the incident parser reads a row:
the province cell through RegionResolver.province(), then kabkota(name, province code).

Landed right: the expected code, or a refusal where REFUSE is expected. Refused: no code
where one was expected. Wrong: any other code, or a code where REFUSE was expected; a wrong
region is worse than a refusal, so the exit status is 1 whenever one lands wrong (or a rate
is below its --min-* bound).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from waspada.ingest.regions import region_resolver  # noqa: E402

REFUSE = "REFUSE"


@dataclass(frozen=True)
class Outcome:
    group: str
    name: str
    province: str
    expected: str
    got: str | None
    province_problem: bool

    @property
    def kind(self) -> str:
        if self.got == (None if self.expected == REFUSE else self.expected):
            return "right"
        return "refused" if self.got is None else "wrong"


def check(rows) -> list[Outcome]:
    r = region_resolver()
    out = []
    for row in rows:
        province, problem = None, False
        if row["province"].strip():
            p = r.province(row["province"])
            problem = p.reason is not None
            province = None if problem else p.code
        got = r.kabkota(row["name"], province).code
        out.append(Outcome(row["group"], row["name"], row["province"], row["expected"], got, problem))
    return out


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Per group: right/refused/wrong over names with one right code ('named') and over
    must-refuse names ('ambiguous')."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for o in outcomes:
        part = "ambiguous" if o.expected == REFUSE else "named"
        table[o.group][f"{part}_{o.kind}"] += 1
        table[o.group][part] += 1
    return table


def _row(o: Outcome, r) -> str:
    where = f" [{o.province}]" if o.province else ""
    got = f"{o.got} {r.name_of(o.got)}" if o.got else "refused"
    want = o.expected if o.expected == REFUSE else f"{o.expected} {r.name_of(o.expected)}"
    note = "  (province not read)" if o.province_problem else ""
    return f"    {o.name!r}{where}: got {got}; expected {want}{note}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("heldout", type=Path)
    ap.add_argument("--min-officials", type=float, default=0.95)
    ap.add_argument("--min-english", type=float, default=0.90)
    ap.add_argument("--quiet", action="store_true", help="numbers only, no name lists")
    args = ap.parse_args(argv)
    with open(args.heldout, encoding="utf-8", newline="") as f:
        outcomes = check(list(csv.DictReader(f)))
    r = region_resolver()
    bounds = {"officials": args.min_officials, "english": args.min_english}
    failed = False
    for group, t in sorted(summary(outcomes).items()):
        named, amb = t["named"], t["ambiguous"]
        rate = t["named_right"] / named if named else 1.0
        print(f"{group}: {named + amb} names")
        print(f"  with one right region: {named}: right {t['named_right']} ({rate:.1%}), "
              f"refused {t['named_refused']}, WRONG {t['named_wrong']}")
        print(f"  must refuse (ambiguous): {amb}: refused {t['ambiguous_right']}, WRONG {t['ambiguous_wrong']}")
        failed |= t["named_wrong"] + t["ambiguous_wrong"] > 0 or rate < bounds.get(group, 0.0)
    if not args.quiet:
        for kind in ("wrong", "refused"):
            rows = [o for o in outcomes if o.kind == kind]
            if rows:
                print(f"\n{kind.upper()} ({len(rows)}):")
                for o in rows:
                    print(f"  {o.group}" + _row(o, r)[3:])
        problems = [o for o in outcomes if o.province_problem]
        if problems:
            print(f"\nPROVINCE NOT READ ({len(problems)}): " + ", ".join(sorted({o.province for o in problems})))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
