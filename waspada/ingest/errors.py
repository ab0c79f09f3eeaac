"""Errors that refuse a whole file. Row-level problems are not errors: they go into the
parse report (refused / warnings) so valid rows beside them are kept."""

from __future__ import annotations

from waspada.i18n import DEFAULT_LANG, MessageError, msg


class IngestFileError(MessageError):
    """A file that cannot be loaded at all; nothing is written.

    Raised as ``UnreadableFile("ingest_...", file_name=name, **params)``: ``message`` is the
    Message (``render(lang)``), ``str(error)`` is "file: Indonesian text".
    """

    def __init__(self, key: str, /, *, file_name: str, **params):
        self.file_name = file_name
        self.message = msg(key, **params)
        Exception.__init__(self, f"{file_name}: {self.message.render(DEFAULT_LANG)}")


class UnreadableFile(IngestFileError):
    """Not a spreadsheet, empty, encrypted, or corrupt."""


class NoHeaderRow(IngestFileError):
    """No row looks like the header of the expected table."""


class MissingColumns(IngestFileError):
    """A header row was found but required columns are missing (``missing``: field names)."""

    def __init__(self, key: str, /, *, file_name: str, missing: list[str], header_row: int, **params):
        super().__init__(key, file_name=file_name, header_row=header_row, **params)
        self.missing = missing
        self.header_row = header_row
