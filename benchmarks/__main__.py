"""`python -m benchmarks [NAME ...]`: run every benchmarks/bench_*.py (or the named ones),
print one table and write it to benchmarks/results.md.

Each module exposes `run(workdir: Path) -> list[dict]`; a row has name, value, unit,
baseline (what it is compared with, measured in the same run), ratio, target and note.
"""

from __future__ import annotations

import importlib
import pkgutil
import platform
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import benchmarks

RESULTS = Path(__file__).with_name("results.md")
COLUMNS = ("name", "value", "unit", "baseline", "ratio", "target", "note")


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return "" if value is None else str(value)


def main(argv: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    if argv:
        names = [n for n in names if n in argv or n.removeprefix("bench_") in argv]
    rows: list[dict] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"waspada-{name}-") as workdir:
            try:
                rows.extend(module.run(Path(workdir)))
            except Exception as exc:  # one failing benchmark must not hide the others' numbers
                rows.append({"name": name, "note": f"GAGAL: {type(exc).__name__}: {exc}"})
        print(f"[{name}] selesai dalam {time.perf_counter() - started:.1f} s", file=sys.stderr)

    lines = [
        "# Waspada benchmark results",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({platform.machine()}, Python {platform.python_version()}). Each row's baseline is measured in the same run.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in rows:
        lines.append("| " + " | ".join(_fmt(row.get(c)).replace("|", "/") for c in COLUMNS) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not argv:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
