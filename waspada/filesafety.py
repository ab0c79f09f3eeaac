"""Checks on an uploaded file before any parser touches it.

``check_upload(data, file_name)`` raises ``UnsafeFile`` (an ``IngestFileError``, so every
caller that handles unreadable files handles these too) whose ``message`` is a catalogue
Message (waspada/texts/ingest.py, both languages) when the file

* is empty (or only whitespace) or larger than the size limit (``DEFAULT_LIMITS.max_bytes``,
  the one upload limit: the upload page gives Streamlit the same number, rounded up to MB);
* is not a spreadsheet at all (a picture, a PDF, a program, a Word document renamed .xlsx);
* is a password-protected Office file (Excel writes an encrypted .xlsx as an OLE compound
  file holding an ``EncryptedPackage`` stream);
* is a ZIP (xlsx/ods) whose summed uncompressed size, member count or compression ratio
  says zip bomb — checked from the real decompressed bytes, not the sizes the archive
  claims;
* carries XML with a document type declaration or entity definitions (billion laughs,
  external entities). Office Open XML and OpenDocument never contain a DTD, so any
  ``<!DOCTYPE`` or ``<!ENTITY`` in any XML part refuses the file.

The incident parser's reader (waspada.ingest.read.read_sheets) calls it first, so the
command line and the upload page share the checks.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from waspada.i18n import msg, fmt_number
from waspada.ingest.errors import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Stream names of an encrypted Office document inside its OLE container (UTF-16LE in the
# directory entries).
_ENCRYPTION_STREAMS = tuple(name.encode("utf-16-le") for name in ("EncryptedPackage", "EncryptionInfo"))

# Well-known signatures of files people send by mistake, with the catalogue key of a name a
# user recognises.
_FOREIGN_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "ingest_kind_png"),
    (b"\xff\xd8\xff", "ingest_kind_jpeg"),
    (b"GIF87a", "ingest_kind_gif"),
    (b"GIF89a", "ingest_kind_gif"),
    (b"BM", None),  # BMP only with a plausible header, see _foreign_kind
    (b"%PDF", "ingest_kind_pdf"),
    (b"MZ", "ingest_kind_exe"),
    (b"\x7fELF", "ingest_kind_elf"),
    (b"Rar!\x1a\x07", "ingest_kind_rar"),
    (b"7z\xbc\xaf\x27\x1c", "ingest_kind_7z"),
    (b"\x1f\x8b", "ingest_kind_gzip"),
    (b"{\\rtf", "ingest_kind_rtf"),
    (b"RIFF", "ingest_kind_riff"),
    (b"\x00\x00\x00\x18ftyp", "ingest_kind_mp4"),
    (b"\x00\x00\x00\x20ftyp", "ingest_kind_mp4"),
    (b"ID3", "ingest_kind_mp3"),
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Any of these anywhere in an XML part refuses the file. Checked in the three encodings
# an XML parser accepts without a declaration (UTF-8, UTF-16LE, UTF-16BE).
_DTD_MARKERS = (b"<!doctype", b"<!entity")


def _encoded_pattern(marker: bytes, encoding: str) -> re.Pattern:
    chars = [re.escape(bytes([c])) for c in marker]
    if encoding == "utf-16-le":
        chars = [c + b"\x00" for c in chars]
    elif encoding == "utf-16-be":
        chars = [b"\x00" + c for c in chars]
    return re.compile(b"".join(chars), re.IGNORECASE)


_DTD_PATTERNS = tuple(_encoded_pattern(m, e) for m in _DTD_MARKERS for e in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 20
# A text file may carry a stray NUL (removed by the reader, with a warning); a file with
# more than this many in its first 4 KB that is not UTF-16 is binary.
_STRAY_NULS = 8


@dataclass(frozen=True)
class FileLimits:
    max_bytes: int = 10 * 1024 * 1024  # the file as uploaded
    max_uncompressed: int = 150 * 1024 * 1024  # all members of an xlsx/ods together, decompressed
    max_ratio: float = 100.0  # decompressed / compressed, checked once past ratio_floor
    ratio_floor: int = 5 * 1024 * 1024  # small files may compress well (a sheet of repeated rows)
    max_members: int = 5000


DEFAULT_LIMITS = FileLimits()


class UnsafeFile(UnreadableFile):
    """A file refused before parsing; nothing is read from it and nothing is stored."""


MIB = 1024 * 1024


# Streamlit refuses a file over its own limit by itself, in English and unaudited. It is
# given this many times Waspada's limit, so any file a person might really send reaches
# check_upload, which refuses it in the reader's language, names the limit and is audited.
STREAMLIT_HEADROOM = 5


def upload_limit_mb(limits: FileLimits = DEFAULT_LIMITS) -> int:
    """What Streamlit's uploader is given, in whole MB (.streamlit/config.toml
    server.maxUploadSize and the page's max_upload_size): the limit with headroom."""
    return -(-limits.max_bytes * STREAMLIT_HEADROOM // MIB)


def size_text(n: int) -> str:
    """A file size as people read it: "10 MB", "1,5 MB", "320 KB" (the empty file has its own
    message, never "0 bytes"). Decimal comma in both languages, like every number in the
    interface (waspada.i18n.fmt_number)."""
    if n < MIB:
        return f"{fmt_number(-(-n // 1024))} KB"  # rounded up: a 1-byte file is "1 KB", never "0 KB"
    value = round(n / MIB, 1)
    return f"{fmt_number(value, 0 if value.is_integer() else 1)} MB"


def check_upload(data: bytes, file_name: str, limits: FileLimits = DEFAULT_LIMITS) -> None:
    """Refuse (UnsafeFile) anything that must not reach the parser; return quietly otherwise."""
    if len(data) > limits.max_bytes:
        raise UnsafeFile("ingest_file_too_large", file_name=file_name, size=size_text(len(data)),
                         limit=size_text(limits.max_bytes))
    if not data or not data.strip() or _blank_utf16(data):
        raise UnsafeFile("ingest_file_empty", file_name=file_name)
    suffix = Path(file_name).suffix.lower()
    foreign = _foreign_kind(data)
    if foreign:
        raise UnsafeFile("ingest_foreign_file", file_name=file_name, kind=msg(foreign),
                         suffix=suffix or msg("ingest_no_suffix"))
    if data.startswith(OLE_MAGIC):
        _check_ole(data, file_name, suffix)
    elif data.startswith(ZIP_MAGIC) or data.startswith(EMPTY_ZIP_MAGIC):
        _check_zip(data, file_name, limits)
    elif suffix in (".xlsx", ".xlsm", ".ods"):
        raise UnsafeFile("ingest_suffix_not_workbook", file_name=file_name, suffix=suffix)
    elif data[:4096].count(0) > _STRAY_NULS and not utf16_encoding(data):
        raise UnsafeFile("ingest_binary_unknown", file_name=file_name)


def _foreign_kind(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _FOREIGN_SIGNATURES:
        if head.startswith(magic):
            if magic == b"BM":
                # 'BM' also starts ordinary text ("BMKG ..."): a bitmap's header names its own size.
                if len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data):
                    return "ingest_kind_bmp"
                continue
            return kind
    return None


def _check_ole(data: bytes, file_name: str, suffix: str) -> None:
    """An OLE compound file: an .xls workbook, or an encrypted .xlsx."""
    if any(name in data for name in _ENCRYPTION_STREAMS):
        raise UnsafeFile("ingest_encrypted", file_name=file_name)
    if suffix in (".xlsx", ".xlsm"):
        # Excel never writes an unencrypted .xlsx as OLE; an old .xls renamed .xlsx is the
        # likely case, which the .xls reader handles, so let it through.
        return
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00" in data:
        raise UnsafeFile("ingest_office_not_excel", file_name=file_name, kind=msg("ingest_kind_doc"))
    if b"P\x00o\x00w\x00e\x00r\x00P\x00o\x00i\x00n\x00t\x00" in data:
        raise UnsafeFile("ingest_office_not_excel", file_name=file_name, kind=msg("ingest_kind_ppt"))


def _check_zip(data: bytes, file_name: str, limits: FileLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnsafeFile("ingest_zip_unreadable", file_name=file_name, error=str(exc)) from exc
    if len(members) > limits.max_members:
        raise UnsafeFile("ingest_zip_too_many_members", file_name=file_name, n=fmt_number(len(members)),
                         limit=fmt_number(limits.max_members))
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        raise UnsafeFile("ingest_office_not_excel", file_name=file_name, kind=msg("ingest_kind_docx"))
    if "ppt/presentation.xml" in names:
        raise UnsafeFile("ingest_office_not_excel", file_name=file_name, kind=msg("ingest_kind_pptx"))
    is_xlsx = "xl/workbook.xml" in names or "xl/workbook.bin" in names
    is_ods = "content.xml" in names and "mimetype" in names
    if not (is_xlsx or is_ods):
        raise UnsafeFile("ingest_plain_zip", file_name=file_name)
    declared = sum(m.file_size for m in members)
    if declared > limits.max_uncompressed:
        _refuse_bomb(file_name, declared, len(data), limits)
    # Decompress for real: the sizes in the archive's directory can lie.
    total = 0
    for member in members:
        if member.is_dir():
            continue
        check_xml = member.filename.lower().endswith(_XML_SUFFIXES)
        tail = b""
        try:
            with archive.open(member) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limits.max_uncompressed or (
                            total > limits.ratio_floor and total / max(len(data), 1) > limits.max_ratio):
                        _refuse_bomb(file_name, total, len(data), limits)
                    if check_xml:
                        window = tail + chunk
                        # Every marker holds "!", rare in a sheet: one byte search clears most chunks.
                        if b"!" in window and any(p.search(window) for p in _DTD_PATTERNS):
                            raise UnsafeFile("ingest_xml_dtd", file_name=file_name, part=member.filename)
                        tail = window[-32:]
        except UnsafeFile:
            raise
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError) as exc:
            # RuntimeError: a member encrypted with a ZIP password; NotImplementedError: an
            # unsupported compression method; BadZipFile: a CRC mismatch.
            raise UnsafeFile("ingest_zip_member_unreadable", file_name=file_name, part=member.filename,
                             error=str(exc)) from exc


def _refuse_bomb(file_name: str, uncompressed: int, compressed: int, limits: FileLimits):
    raise UnsafeFile("ingest_zip_bomb", file_name=file_name,
                     size=size_text(min(uncompressed, limits.max_uncompressed)), compressed=size_text(compressed),
                     limit=size_text(limits.max_uncompressed), ratio=f"{limits.max_ratio:.0f}")


def utf16_encoding(data: bytes) -> str | None:
    """'utf-16' when the bytes are UTF-16 text (Excel's "Unicode text" export, a byte order
    mark first; or BOM-less text whose ASCII characters leave every other byte zero), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def _blank_utf16(data: bytes) -> bool:
    encoding = utf16_encoding(data)
    if encoding is None:
        return False
    return not data.decode(encoding, errors="replace").lstrip("\ufeff").strip()
