"""The parse report every loader returns: what was accepted, refused, warned, ignored."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from waspada.i18n import DEFAULT_LANG, MONTHS, Message, incident_category_name, phase_name, t


@dataclass
class ParseReport:
    kind: str  # 'incidents', 'kpu', 'ikp', 'violations'
    file_name: str
    sheet: str | None = None
    header_row: int | None = None
    data_rows: int = 0  # rows that held data (accepted + duplicates + refused)
    accepted: pd.DataFrame = field(default_factory=pd.DataFrame)  # rows to insert
    # Reasons and messages are waspada.i18n.Message: rendered in the reader's language,
    # str() (and so the JSON of the report) is Indonesian.
    refused: list[dict] = field(default_factory=list)  # {row, column, reason}
    warnings: list[dict] = field(default_factory=list)  # {row, column, message}
    ignored: list[dict] = field(default_factory=list)  # {row, reason}
    duplicates: list[dict] = field(default_factory=list)  # {row, reason}
    # Every sheet read (waspada.ingest.sheets). When there are several, each entry above also
    # names its "sheet"; the accepted rows carry a "sheet" column. `sheet` is the first.
    sheets: list[str] = field(default_factory=list)
    current_sheet: str | None = None  # the sheet whose rows are being read

    # -- collecting ---------------------------------------------------------------------
    def refuse(self, row: int, column: str, reason: Message, sheet: str | None = None) -> None:
        self.refused.append(self._where({"row": row, "column": column, "reason": reason}, sheet))

    def warn(self, row: int | None, column: str, message: Message) -> None:
        self.warnings.append(self._where({"row": row, "column": column, "message": message}))

    def ignore(self, row: int, reason: Message) -> None:
        self.ignored.append(self._where({"row": row, "reason": reason}))

    def duplicate(self, row: int, reason: Message, sheet: str | None = None) -> None:
        self.duplicates.append(self._where({"row": row, "reason": reason}, sheet))

    def _where(self, entry: dict, sheet: str | None = None) -> dict:
        # A report of one sheet keeps its entries as they always were; of several, each names its sheet.
        if len(self.sheets) > 1 and entry["row"] is not None:
            entry["sheet"] = sheet or self.current_sheet
        return entry

    def row_label(self, entry: dict, lang: str = DEFAULT_LANG):
        """The row number of an entry, with its sheet when the report spans several."""
        if len(self.sheets) > 1 and entry.get("sheet") is not None and entry.get("row") is not None:
            return t("ingest_row_in_sheet", lang, row=entry["row"], sheet=entry["sheet"])
        return entry.get("row")

    # -- reading ------------------------------------------------------------------------
    @property
    def refused_rows(self) -> int:
        return len({r["row"] for r in self.refused})

    def messages(self, lang: str = DEFAULT_LANG) -> list[str]:
        """Each refusal as a sentence naming the file, row, column and reason."""
        return [t("ingest_refusal", lang, file=self.file_name, row=self.row_label(r, lang), column=r["column"],
                  reason=r["reason"])
                for r in self.refused]

    def to_json(self) -> dict:
        """The report for machines: reasons and messages as their Indonesian text."""
        return {
            "file": self.file_name,
            "kind": self.kind,
            "sheet": self.sheet,
            "sheets": self.sheets,
            "header_row": self.header_row,
            "data_rows": self.data_rows,
            "accepted": len(self.accepted),
            "duplicates": len(self.duplicates),
            "refused_rows": self.refused_rows,
            "refused": _texts(self.refused),
            "warnings": _texts(self.warnings),
            "ignored": _texts(self.ignored),
            "duplicate_rows": _texts(self.duplicates),
        }

    def summary_lines(self, lang: str = DEFAULT_LANG) -> list[str]:
        """A readable summary in ``lang`` (CLI and upload page)."""
        counts = dict(file=self.file_name, rows=self.data_rows, accepted=len(self.accepted),
                      duplicates=len(self.duplicates), refused=self.refused_rows, ignored=len(self.ignored))
        if len(self.sheets) > 1:
            lines = [t("ingest_summary_sheets", lang, n_sheets=len(self.sheets),
                       sheets=", ".join(f'"{s}"' for s in self.sheets), **counts)]
        elif self.header_row:
            lines = [t("ingest_summary_sheet", lang, sheet=self.sheet, header_row=self.header_row, **counts)]
        else:
            lines = [t("ingest_summary", lang, **counts)]
        if self.refused:
            lines.append(t("ingest_summary_refused", lang))
            lines += [t("ingest_line_row_column", lang, row=self.row_label(r, lang), column=r["column"],
                        text=r["reason"])
                      for r in self.refused]
        if self.warnings:
            lines.append(t("ingest_summary_warnings", lang))
            lines += [t("ingest_line_row_column", lang, row=self.row_label(w, lang), column=w["column"],
                        text=w["message"]) if w["row"]
                      else t("ingest_line_column", lang, column=w["column"], text=w["message"]) if w["column"]
                      else t("ingest_line_file", lang, text=w["message"])
                      for w in self.warnings]
        if self.duplicates:
            lines.append(t("ingest_summary_duplicates", lang))
            lines += [t("ingest_line_row", lang, row=self.row_label(d, lang), text=d["reason"])
                      for d in self.duplicates]
        return lines


def _texts(rows: list[dict]) -> list[dict]:
    """Rows with their Message values as Indonesian text (JSON has no Message)."""
    # The parser makes one Message per distinct problem and shares it between the rows that
    # have it: render each object once (keyed by id: every one stays alive during the call).
    rendered: dict[int, str] = {}

    def text(message: Message) -> str:
        found = rendered.get(id(message))
        if found is None:
            found = rendered[id(message)] = str(message)
        return found

    return [{k: text(v) if isinstance(v, Message) else v for k, v in row.items()} for row in rows]


class Names(Message):
    """Codes (incident categories, phases, months) as a Message parameter: their names in
    the reader's language, joined by commas. Build with ``names("category", codes)``."""

    def render(self, lang: str = DEFAULT_LANG) -> str:
        name = _NAMERS[self.params["kind"]]
        return t(self.key, lang, names=", ".join(name(code, lang) for code in self.params["codes"]))


def names(kind: str, codes) -> Names:
    if kind not in _NAMERS:
        raise ValueError(f"no names for {kind!r}")
    return Names("ingest_names", {"kind": kind, "codes": tuple(codes)})


_NAMERS = {
    "category": incident_category_name,
    "phase": phase_name,
    "month": lambda month, lang: MONTHS.get(lang, MONTHS[DEFAULT_LANG])[month - 1],
}
