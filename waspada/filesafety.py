"""Checks on an uploaded file before any parser touches it.

``check_upload(data, file_name)`` raises ``UnsafeFile`` (an ``IngestFileError``, so every
caller that handles unreadable files handles these too) with a message in Bahasa
Indonesia when the file

* is empty or larger than the size limit;
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

from waspada.ingest.errors import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Stream names of an encrypted Office document inside its OLE container (UTF-16LE in the
# directory entries).
_ENCRYPTION_STREAMS = tuple(name.encode("utf-16-le") for name in ("EncryptedPackage", "EncryptionInfo"))

# Well-known signatures of files people send by mistake, with a name a user recognises.
_FOREIGN_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF87a", "gambar GIF"),
    (b"GIF89a", "gambar GIF"),
    (b"BM", None),  # BMP only with a plausible header, see _foreign_kind
    (b"%PDF", "dokumen PDF"),
    (b"MZ", "program Windows (.exe)"),
    (b"\x7fELF", "program (ELF)"),
    (b"Rar!\x1a\x07", "arsip RAR"),
    (b"7z\xbc\xaf\x27\x1c", "arsip 7-Zip"),
    (b"\x1f\x8b", "arsip gzip"),
    (b"{\\rtf", "dokumen RTF"),
    (b"RIFF", "berkas media (RIFF)"),
    (b"\x00\x00\x00\x18ftyp", "video MP4"),
    (b"\x00\x00\x00\x20ftyp", "video MP4"),
    (b"ID3", "audio MP3"),
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


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def check_upload(data: bytes, file_name: str, limits: FileLimits = DEFAULT_LIMITS) -> None:
    """Refuse (UnsafeFile) anything that must not reach the parser; return quietly otherwise."""
    if len(data) > limits.max_bytes:
        raise UnsafeFile(file_name, f"berkas terlalu besar ({_mb(len(data))}; batas {_mb(limits.max_bytes)}). "
                                    "Pecah laporan menjadi beberapa berkas.")
    if not data or not data.strip():
        raise UnsafeFile(file_name, "berkas kosong (0 bait); tidak ada yang dapat dibaca.")
    suffix = Path(file_name).suffix.lower()
    foreign = _foreign_kind(data)
    if foreign:
        raise UnsafeFile(file_name, f"berkas ini adalah {foreign}, bukan lembar kerja Excel atau CSV "
                                    f"(walaupun namanya berakhiran {suffix or '(tanpa akhiran)'}). "
                                    "Unggah berkas .xlsx, .xls atau .csv.")
    if data.startswith(OLE_MAGIC):
        _check_ole(data, file_name, suffix)
    elif data.startswith(ZIP_MAGIC) or data.startswith(EMPTY_ZIP_MAGIC):
        _check_zip(data, file_name, limits)
    elif suffix in (".xlsx", ".xlsm", ".ods"):
        raise UnsafeFile(file_name, f"berkas bernama {suffix} tetapi isinya bukan lembar kerja Excel "
                                    "(rusak atau format lain). Simpan ulang dari Excel sebagai .xlsx.")
    elif b"\x00" in data[:4096]:
        raise UnsafeFile(file_name, "berkas biner yang tidak dikenal, bukan lembar kerja Excel maupun teks CSV.")


def _foreign_kind(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _FOREIGN_SIGNATURES:
        if head.startswith(magic):
            if magic == b"BM":
                # 'BM' also starts ordinary text ("BMKG ..."): a bitmap's header names its own size.
                if len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data):
                    return "gambar BMP"
                continue
            return kind
    return None


def _check_ole(data: bytes, file_name: str, suffix: str) -> None:
    """An OLE compound file: an .xls workbook, or an encrypted .xlsx."""
    if any(name in data for name in _ENCRYPTION_STREAMS):
        raise UnsafeFile(file_name, "berkas Excel dilindungi kata sandi (terenkripsi). Buka di Excel, hapus kata "
                                    "sandinya (File > Info > Protect Workbook > Encrypt with Password, kosongkan), "
                                    "simpan, lalu unggah lagi.")
    if suffix in (".xlsx", ".xlsm"):
        # Excel never writes an unencrypted .xlsx as OLE; an old .xls renamed .xlsx is the
        # likely case, which the .xls reader handles, so let it through.
        return
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00" in data:
        raise UnsafeFile(file_name, "berkas ini adalah dokumen Word (.doc), bukan lembar kerja Excel.")
    if b"P\x00o\x00w\x00e\x00r\x00P\x00o\x00i\x00n\x00t\x00" in data:
        raise UnsafeFile(file_name, "berkas ini adalah presentasi PowerPoint (.ppt), bukan lembar kerja Excel.")


def _check_zip(data: bytes, file_name: str, limits: FileLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnsafeFile(file_name, f"berkas rusak: arsip .xlsx tidak dapat dibuka ({exc}). "
                                    "Simpan ulang dari Excel sebagai .xlsx.") from exc
    if len(members) > limits.max_members:
        raise UnsafeFile(file_name, f"berkas berisi {len(members)} bagian (batas {limits.max_members}); "
                                    "ditolak sebagai arsip yang mencurigakan.")
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        raise UnsafeFile(file_name, "berkas ini adalah dokumen Word (.docx), bukan lembar kerja Excel.")
    if "ppt/presentation.xml" in names:
        raise UnsafeFile(file_name, "berkas ini adalah presentasi PowerPoint (.pptx), bukan lembar kerja Excel.")
    is_xlsx = "xl/workbook.xml" in names or "xl/workbook.bin" in names
    is_ods = "content.xml" in names and "mimetype" in names
    if not (is_xlsx or is_ods):
        raise UnsafeFile(file_name, "berkas ini arsip ZIP biasa, bukan lembar kerja Excel (.xlsx). "
                                    "Keluarkan berkas Excel dari arsip lalu unggah berkas itu.")
    declared = sum(m.file_size for m in members)
    if declared > limits.max_uncompressed:
        raise UnsafeFile(file_name, _bomb_message(declared, len(data), limits))
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
                        raise UnsafeFile(file_name, _bomb_message(total, len(data), limits))
                    if check_xml:
                        window = tail + chunk
                        for pattern in _DTD_PATTERNS:
                            if pattern.search(window):
                                raise UnsafeFile(
                                    file_name,
                                    f"bagian {member.filename} berisi deklarasi DOCTYPE/ENTITY XML. Berkas "
                                    "Excel yang wajar tidak pernah memuatnya; berkas ditolak demi keamanan.")
                        tail = window[-32:]
        except UnsafeFile:
            raise
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError) as exc:
            # RuntimeError: a member encrypted with a ZIP password; NotImplementedError: an
            # unsupported compression method; BadZipFile: a CRC mismatch.
            raise UnsafeFile(file_name, f"bagian {member.filename} dari berkas tidak dapat dibaca ({exc}). "
                                        "Simpan ulang dari Excel sebagai .xlsx.") from exc


def _bomb_message(uncompressed: int, compressed: int, limits: FileLimits) -> str:
    return (f"isi berkas jika dibuka lebih dari {_mb(min(uncompressed, limits.max_uncompressed))} dari berkas "
            f"{_mb(compressed)} (batas {_mb(limits.max_uncompressed)}, rasio paling besar "
            f"{limits.max_ratio:.0f}×). Berkas ditolak sebagai 'zip bomb'.")
