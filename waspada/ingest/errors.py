"""Errors that refuse a whole file. Row-level problems are not errors: they go into the
parse report (refused / warnings) so valid rows beside them are kept."""

from __future__ import annotations


class IngestFileError(Exception):
    """A file that cannot be loaded at all; nothing is written. `message` is Indonesian."""

    def __init__(self, file_name: str, message: str):
        self.file_name = file_name
        self.message = message
        super().__init__(f"{file_name}: {message}")


class UnreadableFile(IngestFileError):
    """Not a spreadsheet, empty, encrypted, or corrupt."""


class NoHeaderRow(IngestFileError):
    """No row looks like the header of the expected table."""


class MissingColumns(IngestFileError):
    """A header row was found but required columns are missing."""

    def __init__(self, file_name: str, message: str, missing: list[str], header_row: int):
        super().__init__(file_name, message)
        self.missing = missing
        self.header_row = header_row
