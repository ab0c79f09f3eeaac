"""The parse report every loader returns: what was accepted, refused, warned, ignored."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class ParseReport:
    kind: str  # 'incidents', 'kpu', 'ikp', 'violations'
    file_name: str
    sheet: str | None = None
    header_row: int | None = None
    data_rows: int = 0  # rows that held data (accepted + duplicates + refused)
    accepted: pd.DataFrame = field(default_factory=pd.DataFrame)  # rows to insert
    refused: list[dict] = field(default_factory=list)  # {row, column, reason}
    warnings: list[dict] = field(default_factory=list)  # {row, column, message}
    ignored: list[dict] = field(default_factory=list)  # {row, reason}
    duplicates: list[dict] = field(default_factory=list)  # {row, reason}

    # -- collecting ---------------------------------------------------------------------
    def refuse(self, row: int, column: str, reason: str) -> None:
        self.refused.append({"row": row, "column": column, "reason": reason})

    def warn(self, row: int | None, column: str, message: str) -> None:
        self.warnings.append({"row": row, "column": column, "message": message})

    def ignore(self, row: int, reason: str) -> None:
        self.ignored.append({"row": row, "reason": reason})

    # -- reading ------------------------------------------------------------------------
    @property
    def refused_rows(self) -> int:
        return len({r["row"] for r in self.refused})

    def messages(self) -> list[str]:
        """Each refusal as a sentence naming the file, row, column and reason."""
        return [f'{self.file_name}: Baris {r["row"]}, kolom "{r["column"]}": {r["reason"]}' for r in self.refused]

    def to_json(self) -> dict:
        return {
            "file": self.file_name,
            "kind": self.kind,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "data_rows": self.data_rows,
            "accepted": len(self.accepted),
            "duplicates": len(self.duplicates),
            "refused_rows": self.refused_rows,
            "refused": self.refused,
            "warnings": self.warnings,
            "ignored": self.ignored,
            "duplicate_rows": self.duplicates,
        }

    def summary_lines(self) -> list[str]:
        """A readable Indonesian summary (CLI and upload page)."""
        lines = [
            f"Berkas {self.file_name}"
            + (f" (lembar {self.sheet}, judul kolom di baris {self.header_row})" if self.header_row else "")
            + f": {self.data_rows} baris data, {len(self.accepted)} diterima, {len(self.duplicates)} duplikat, "
              f"{self.refused_rows} baris ditolak, {len(self.ignored)} baris diabaikan."
        ]
        if self.refused:
            lines.append("Ditolak:")
            lines += [f'  Baris {r["row"]}, kolom "{r["column"]}": {r["reason"]}' for r in self.refused]
        if self.warnings:
            lines.append("Peringatan:")
            lines += [(f'  Baris {w["row"]}, ' if w["row"] else "  ") + f'kolom "{w["column"]}": {w["message"]}'
                      for w in self.warnings]
        if self.duplicates:
            lines.append("Duplikat (tidak dimasukkan lagi):")
            lines += [f'  Baris {d["row"]}: {d["reason"]}' for d in self.duplicates]
        return lines
