"""Bad and hostile files: each refused before parsing with a clear Indonesian message, and
nothing stored. The checks run inside the parser's reader, so the CLI and the upload page
both get them; these tests go through parse_incident_file (the one code path)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from tests.workbooks import HEADER, good_row, reference_db, xlsx
from waspada.filesafety import DEFAULT_LIMITS, FileLimits, UnsafeFile, check_upload
from waspada.ingest import IngestFileError, parse_incident_file


@pytest.fixture()
def good_xlsx(tmp_path) -> bytes:
    return xlsx(tmp_path / "ok.xlsx", [HEADER, good_row()]).read_bytes()


def _refused(data: bytes, name: str) -> str:
    with pytest.raises(IngestFileError) as exc:
        parse_incident_file(data, name)
    return str(exc.value.message)


def test_a_good_workbook_passes(good_xlsx):
    check_upload(good_xlsx, "ok.xlsx")
    assert len(parse_incident_file(good_xlsx, "ok.xlsx").accepted) == 1


# -- not a spreadsheet ---------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.mark.parametrize("data, kind", [(PNG, "gambar PNG"), (PDF, "dokumen PDF"),
                                        (b"MZ\x90\x00" + b"\x00" * 60, "program Windows")])
def test_other_files_renamed_xlsx(data, kind):
    message = _refused(data, "laporan.xlsx")
    assert kind in message and "bukan lembar kerja" in message and ".xlsx" in message


def test_a_word_document_renamed_xlsx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert "dokumen Word" in _refused(buf.getvalue(), "laporan.xlsx")


def test_a_plain_zip_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("laporan.csv", "a;b\n1;2\n")
    assert "arsip ZIP" in _refused(buf.getvalue(), "laporan.xlsx")


def test_garbage_named_xlsx():
    assert "bukan lembar kerja Excel" in _refused(b"just some words, not a workbook at all", "x.xlsx")


def test_empty_file():
    assert "kosong" in _refused(b"", "kosong.xlsx")
    assert "kosong" in _refused(b"  \r\n ", "kosong.csv")


def test_oversized_file(good_xlsx):
    with pytest.raises(UnsafeFile, match="terlalu besar"):
        check_upload(good_xlsx + b"\x00" * 100, "ok.xlsx", FileLimits(max_bytes=len(good_xlsx)))
    big = b"tanggal;uraian\n" + b"14/10/2024;x\n" * (DEFAULT_LIMITS.max_bytes // 13 + 1)
    assert "terlalu besar" in _refused(big, "besar.csv")


# -- password-protected -----------------------------------------------------------------
def _cfb(stream_names: list[str]) -> bytes:
    """A minimal, structurally valid OLE compound file (CFB v3) whose directory lists the
    given (empty) streams — the shape of an Excel workbook encrypted with a password
    (streams EncryptionInfo and EncryptedPackage)."""
    free, end, fat_sector, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end, 0)
    difat = [0] + [free] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))

    def entry(name: str, kind: int, left=nostream, right=nostream, child=nostream) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        e = bytearray(128)
        e[0:len(encoded)] = encoded
        struct.pack_into("<HBB III", e, 64, len(encoded), kind, 1, left, right, child)
        struct.pack_into("<IQ", e, 116, end, 0)
        return bytes(e)

    entries = [entry("Root Entry", 5, child=1 if stream_names else nostream)]
    for i, name in enumerate(stream_names, start=1):
        entries.append(entry(name, 2, right=i + 1 if i < len(stream_names) else nostream))
    directory = b"".join(entries).ljust(512, b"\x00")
    return bytes(header) + fat + directory


def test_password_protected_workbook():
    data = _cfb(["EncryptionInfo", "EncryptedPackage"])
    message = _refused(data, "rahasia.xlsx")
    assert "dilindungi kata sandi" in message and "hapus kata sandinya" in message


def test_ole_header_named_xlsx_with_encrypted_package_only():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "EncryptedPackage".encode("utf-16-le")
    assert "dilindungi kata sandi" in _refused(data, "rahasia.xlsx")


# -- zip bombs --------------------------------------------------------------------------
def _xlsx_with(good: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None,
               compression=zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for info in src.infolist():
            z.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in (add or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_by_total_size(good_xlsx):
    # 160 MB of zeros in one part: about 160 KB compressed.
    bomb = _xlsx_with(good_xlsx, {}, {"xl/media/padding.bin": b"\x00" * (160 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    message = _refused(bomb, "bom.xlsx")
    assert "zip bomb" in message


def test_zip_bomb_by_ratio(good_xlsx):
    bomb = _xlsx_with(good_xlsx, {}, {"xl/media/padding.bin": b"\x00" * (8 * 1024 * 1024)})
    assert "zip bomb" in _refused(bomb, "bom.xlsx")
    # The same content under a generous ratio passes the bomb check.
    check_upload(bomb, "bom.xlsx", FileLimits(max_ratio=10_000))


def test_zip_whose_directory_lies_about_sizes(good_xlsx):
    """Declared sizes are small; the real decompressed bytes are not. Refused either way."""
    bomb = bytearray(_xlsx_with(good_xlsx, {}, {"xl/media/padding.bin": b"\x00" * (20 * 1024 * 1024)}))
    name = b"xl/media/padding.bin"
    # Patch the uncompressed size in the central directory entry of that member.
    at = bomb.rfind(b"PK\x01\x02", 0, bomb.rfind(name))
    struct.pack_into("<I", bomb, at + 24, 10)
    with pytest.raises(IngestFileError):
        parse_incident_file(bytes(bomb), "bohong.xlsx")


# -- XML entity tricks --------------------------------------------------------------------
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                  b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                   b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                   b'uniqueCount="1"><si><t>&xxe;</t></si></sst>')


def test_billion_laughs_in_a_sheet(good_xlsx):
    bomb = _xlsx_with(good_xlsx, {"xl/worksheets/sheet1.xml": BILLION_LAUGHS})
    message = _refused(bomb, "tawa.xlsx")
    assert "DOCTYPE/ENTITY" in message and "xl/worksheets/sheet1.xml" in message


def test_external_entity_in_shared_strings(good_xlsx):
    evil = _xlsx_with(good_xlsx, {}, {"xl/sharedStrings.xml": EXTERNAL_ENTITY})
    assert "DOCTYPE/ENTITY" in _refused(evil, "xxe.xlsx")


def test_entity_declaration_in_utf16(good_xlsx):
    evil = _xlsx_with(good_xlsx, {"xl/workbook.xml": EXTERNAL_ENTITY.decode().encode("utf-16")})
    assert "DOCTYPE/ENTITY" in _refused(evil, "utf16.xlsx")


def test_script_text_in_a_cell_is_not_an_entity(tmp_path):
    """Cell text that looks like markup is escaped by Excel: it is data, not a DTD."""
    data = xlsx(tmp_path / "teks.xlsx", [HEADER, good_row(uraian="<!DOCTYPE x> <!ENTITY y> <script>alert(1)</script>")])
    rep = parse_incident_file(data.read_bytes(), "teks.xlsx")
    assert rep.accepted["description"].iloc[0] == "<!DOCTYPE x> <!ENTITY y> <script>alert(1)</script>"


# -- nothing stored ------------------------------------------------------------------------
def test_refused_files_store_nothing(tmp_path_factory, tmp_path, good_xlsx):
    from waspada.accounts import Accounts, User, open_accounts_db
    from waspada.uploads import preview_upload

    db = reference_db(tmp_path_factory, tmp_path)
    accounts = Accounts(open_accounts_db(tmp_path / "accounts.duckdb"))
    staf = User("budi", "Budi", "staf", "65", ("65.71",))
    before = db.version()
    hostile = {
        "gambar.xlsx": PNG, "kosong.xlsx": b"", "rahasia.xlsx": _cfb(["EncryptionInfo", "EncryptedPackage"]),
        "tawa.xlsx": _xlsx_with(good_xlsx, {"xl/worksheets/sheet1.xml": BILLION_LAUGHS}),
    }
    for name, data in hostile.items():
        preview = preview_upload(db, data, name, staf, accounts=accounts)
        assert preview.error and not preview.storable, name
    assert db.version() == before  # the main database was not written
    assert not (tmp_path / "uploads").exists()
    refused = accounts.audit_log(actions=("upload_refused",))
    assert sorted(refused["target"]) == sorted(hostile)
    assert all(len(d["sha256"]) == 64 for d in refused["detail"])
