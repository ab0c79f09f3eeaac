"""Errors that refuse a whole file. Row-level problems are not errors: they go into the
parse report (refused / warnings) so valid rows beside them are kept."""

from __future__ import annotations

from waspada.i18n import DEFAULT_LANG, Message, MessageError, msg
from waspada.texts import CATALOGUE


class FileMessage(Message):
    """The Message of a whole-file refusal. `"words" in error.message` still works (callers
    and tests written when the message was an Indonesian str); it searches the Indonesian text."""

    def __contains__(self, text: str) -> bool:
        return text in self.render(DEFAULT_LANG)


class IngestFileError(MessageError):
    """A file that cannot be loaded at all; nothing is written.

    Raised as ``UnreadableFile("ingest_...", file_name=name, **params)``: ``message`` is the
    Message (``render(lang)``), ``str(error)`` is "file: Indonesian text". The older form
    ``(file_name, "Indonesian sentence")`` (waspada.filesafety until it has keys of its own)
    is still accepted; that sentence is then the text in both languages.
    """

    def __init__(self, key: str, text: str | None = None, /, *, file_name: str | None = None, **params):
        if key in CATALOGUE and text is None:
            message = FileMessage(msg(key, **params).key, params)
        else:  # legacy: (file_name, sentence)
            file_name, message = key, FileMessage("ingest_file_untranslated", {"text": text})
        self.file_name = file_name
        self.message = message
        Exception.__init__(self, f"{file_name}: {message.render(DEFAULT_LANG)}")


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
