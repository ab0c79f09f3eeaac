"""Every refusal reason, with the Indonesian message naming row, column (as written in
the file) and reason; and files that cannot be read at all."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.workbooks import HEADER, csv_bytes, good_row, row, xlsx
from waspada.i18n import incident_category_name
from waspada.ingest import MissingColumns, NoHeaderRow, UnreadableFile, parse_incident_file


def refusals(rows, name="r.csv", **kw):
    rep = parse_incident_file(csv_bytes(rows), name, **kw)
    return rep, [(r["row"], r["column"], str(r["reason"])) for r in rep.refused]


def test_unknown_region_refused():
    rep, got = refusals([HEADER, good_row(kabupaten_kota="Kabupaten Antah Berantah", kecamatan=None)])
    assert got == [(2, "kabupaten_kota", 'kabupaten/kota "Kabupaten Antah Berantah" tidak dikenali.')]
    assert rep.accepted.empty


def test_ambiguous_kupang_names_both_candidates_with_codes():
    _, got = refusals([HEADER, good_row(kabupaten_kota="Kupang", kecamatan=None)])
    (_row, column, reason), = got
    assert column == "kabupaten_kota"
    assert "ambigu" in reason and "Kabupaten Kupang (53.01" in reason and "Kota Kupang (53.71" in reason


def test_prefix_disambiguates_kupang():
    rep, got = refusals([HEADER, good_row(kabupaten_kota="Kab. Kupang", kecamatan=None, uraian="a"),
                         good_row(kabupaten_kota="Kota Kupang", kecamatan=None, uraian="b")])
    assert got == []
    assert rep.accepted["region_code"].tolist() == ["53.01", "53.71"]


def test_region_outside_named_province_refused():
    _, got = refusals([HEADER, row(tanggal="1/10/2024", provinsi="NTT", kabupaten_kota="Malinau",
                                   jenis_kejadian="demo", uraian="x")])
    assert got == [(2, "kabupaten_kota", 'kabupaten/kota "Malinau" tidak berada di provinsi Nusa Tenggara Timur '
                                          "(yang ada: Kabupaten Malinau (65.02, Kalimantan Utara)).")]


def test_missing_date_refused():
    _, got = refusals([HEADER, good_row(tanggal=None)])
    assert got == [(2, "tanggal", "tanggal kosong.")]


def test_impossible_date_refused_with_header_as_written():
    rows = [["NO", "TANGGAL", "KAB/KOTA", "JENIS KEJADIAN", "URAIAN"],
            ["1", "31/02/2024", "Kota Tarakan", "Demo", "Unjuk rasa di KPU"]]
    rep, got = refusals(rows, "lap.csv")
    assert got == [(2, "TANGGAL", 'tanggal "31/02/2024" tidak ada (Februari 2024 hanya 29 hari).')]
    assert rep.messages() == ['lap.csv: Baris 2, kolom "TANGGAL": tanggal "31/02/2024" tidak ada '
                              "(Februari 2024 hanya 29 hari)."]


def test_a_refused_rows_reason_reads_in_english_with_the_same_row_and_column():
    rows = [["NO", "TANGGAL", "KAB/KOTA", "JENIS KEJADIAN", "URAIAN", "KORBAN LUKA"],
            ["1", "31/02/2024", "Kota Tarakan", "Demo", "Unjuk rasa di KPU", "0"],
            ["2", "1/10/2024", "Kupang", "Demo", "Unjuk rasa", "dua"]]
    rep = parse_incident_file(csv_bytes(rows), "lap.csv")
    english = [(r["row"], r["column"], r["reason"].render("en")) for r in rep.refused]
    assert english == [
        (2, "TANGGAL", 'date "31/02/2024" does not exist (February 2024 has only 29 days).'),
        (3, "KAB/KOTA", 'regency/city "Kupang" is ambiguous: it could be Kabupaten Kupang (53.01, Nusa Tenggara '
                        'Timur) and Kota Kupang (53.71, Nusa Tenggara Timur). Write it in full, e.g. "Kab. ..." or '
                        '"Kota ...", or fill in the region code.'),
        (3, "KORBAN LUKA", '"dua" is not a number; write the count in digits (e.g. 2).'),
    ]
    assert [(r["row"], r["column"]) for r in rep.refused] == [(2, "TANGGAL"), (3, "KAB/KOTA"), (3, "KORBAN LUKA")]
    assert "ambigu: bisa Kabupaten Kupang" in str(rep.refused[1]["reason"]) and " dan Kota Kupang" in str(rep.refused[1]["reason"])
    assert rep.messages("en")[0] == 'lap.csv: Row 2, column "TANGGAL": date "31/02/2024" does not exist ' \
                                    "(February 2024 has only 29 days)."
    summary = "\n".join(rep.summary_lines("en"))
    assert "File lap.csv (sheet lap, column headings in row 1): 2 data rows, 0 accepted" in summary
    assert 'Refused:\n  Row 2, column "TANGGAL": date "31/02/2024"' in summary
    assert "Ditolak" not in summary and "Baris" not in summary


def test_an_ambiguous_category_names_the_candidates_in_the_readers_language():
    rep = parse_incident_file(csv_bytes([HEADER, good_row(jenis_kejadian="bentrok intimidasi", uraian="Dilaporkan ke atasan")]), "x.csv")
    (warning,) = [w["message"] for w in rep.warnings if w["column"] == "jenis_kejadian"]
    codes = warning.params["candidates"].params["codes"]
    assert len(codes) >= 2
    assert all(incident_category_name(c, "en") in warning.render("en") for c in codes)
    assert all(incident_category_name(c, "id") in str(warning) for c in codes)


def test_unreadable_date_refused():
    _, got = refusals([HEADER, good_row(tanggal="minggu lalu")])
    assert got[0][1] == "tanggal" and "tidak dapat dibaca" in got[0][2]


@pytest.mark.parametrize(
    "value, reason",
    [("-1", 'jumlah tidak boleh negatif ("-1").'),
     ("dua", '"dua" bukan angka; tulis jumlahnya dengan angka (mis. 2).'),
     ("2,5", '"2,5" bukan bilangan bulat.')],
)
def test_bad_casualty_counts_refused_with_column_named(value, reason):
    rows = [["Tanggal", "Kab/Kota", "Jenis", "Uraian", "Korban Luka"], ["1/10/2024", "Tarakan", "Demo", "x", value]]
    _, got = refusals(rows)
    assert got == [(2, "Korban Luka", reason)]


def test_negative_number_cell_in_workbook_refused(tmp_path):
    f = xlsx(tmp_path / "n.xlsx", [HEADER, good_row(korban_meninggal=-2), good_row(korban_luka=1.5, uraian="b")])
    rep = parse_incident_file(f)
    assert [(r["row"], r["column"]) for r in rep.refused] == [(2, "korban_meninggal"), (3, "korban_luka")]


def test_valid_rows_kept_beside_bad_ones():
    rows = [HEADER,
            good_row(uraian="baik 1"),
            good_row(tanggal="31/02/2024", uraian="buruk tanggal"),
            good_row(uraian="baik 2", korban_luka="3"),
            good_row(kabupaten_kota="Kupang", kecamatan=None, uraian="buruk wilayah"),
            good_row(korban_luka="banyak", uraian="buruk korban"),
            good_row(uraian="baik 3", jenis_kejadian="Sesuatu yang baru")]
    rep, got = refusals(rows)
    assert rep.accepted["description"].tolist() == ["baik 1", "baik 2", "baik 3"]
    assert rep.accepted["source_row"].tolist() == [2, 4, 7]
    assert [g[0] for g in got] == [3, 5, 6]
    assert rep.data_rows == 6 and rep.refused_rows == 3


def test_one_row_with_several_problems_lists_each_column_once_counted_once():
    rep, got = refusals([HEADER, good_row(tanggal="32/13/2024", kabupaten_kota="Atlantis", uraian=None, kecamatan=None)])
    assert {g[1] for g in got} == {"tanggal", "kabupaten_kota", "uraian"}
    assert rep.refused_rows == 1


def test_missing_required_column_refuses_the_file_naming_columns_and_header_row(tmp_path):
    rows = [["LAPORAN"], [], ["No", "Tanggal", "Kab/Kota", "Kecamatan", "Sumber"], [1, "1/10/2024", "Tarakan", "", "x"]]
    with pytest.raises(MissingColumns) as err:
        parse_incident_file(xlsx(tmp_path / "m.xlsx", rows))
    assert err.value.missing == ["jenis_kejadian", "uraian"]
    assert err.value.header_row == 3
    assert '"jenis_kejadian", "uraian"' in str(err.value.message) and "baris 3" in str(err.value.message)


def test_no_header_row_is_a_typed_error():
    with pytest.raises(NoHeaderRow) as err:
        parse_incident_file(csv_bytes([["apa", "ini"], ["1", "2"]]), "x.csv")
    assert "baris judul kolom tidak ditemukan" in str(err.value.message)


def test_a_whole_file_refusal_reads_in_english(tmp_path):
    rows = [["LAPORAN"], [], ["No", "Tanggal", "Kab/Kota", "Kecamatan", "Sumber"], [1, "1/10/2024", "Tarakan", "", "x"]]
    with pytest.raises(MissingColumns) as err:
        parse_incident_file(xlsx(tmp_path / "m.xlsx", rows))
    assert err.value.render("en") == ('required columns not found: "jenis_kejadian", "uraian". Column headings read: '
                                      "row 3 (Tanggal, Kab/Kota, Kecamatan, Sumber).")
    assert str(err.value) == "m.xlsx: " + str(err.value.message) and str(err.value.message).startswith("kolom wajib")
    with pytest.raises(UnreadableFile) as err:
        parse_incident_file(b";;\n;;\n", "kosong.csv")
    assert err.value.render("en") == "the file holds no data (every cell is empty)."


def test_not_a_spreadsheet_refused():
    with pytest.raises(UnreadableFile) as err:
        parse_incident_file(b"%PDF-1.4 binary \x00\x01\x02", "laporan.xlsx")
    assert "bukan lembar kerja Excel" in str(err.value.message) and err.value.file_name == "laporan.xlsx"


def test_zip_that_is_not_xlsx_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("foto.jpg", b"not really")
    with pytest.raises(UnreadableFile):
        parse_incident_file(buf.getvalue(), "laporan.xlsx")


def test_empty_file_refused():
    with pytest.raises(UnreadableFile) as err:
        parse_incident_file(b"", "kosong.csv")
    assert "kosong" in str(err.value.message)


def test_workbook_with_only_empty_cells_refused(tmp_path):
    with pytest.raises(UnreadableFile):
        parse_incident_file(xlsx(tmp_path / "e.xlsx", []))


def test_password_protected_workbook_refused():
    # An encrypted Office file is an OLE container with an "EncryptedPackage" stream; this is
    # only the signature and the stream name, enough for the check (no encryption library here).
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(UnreadableFile) as err:
        parse_incident_file(fake, "rahasia.xlsx")
    assert "kata sandi" in str(err.value.message)


def test_unsupported_extension_refused():
    with pytest.raises(UnreadableFile) as err:
        parse_incident_file(b"hello", "laporan.docx")
    assert ".docx" in str(err.value.message)
