"""The Excel template staff fill in: Template_Laporan_Insiden.xlsx.

Sheet "Laporan": the column names the parser knows best (ingest.TEMPLATE_COLUMNS), one
example row (its description starts with the parser's TEMPLATE_EXAMPLE_MARK, so a file
sent back with the example left in does not load it), date-formatted date cells, and
drop-down lists (data validation) for province, kabupaten/kota, phase and incident
category. Sheet "Petunjuk" explains every column in Bahasa Indonesia. The drop-down
values live on a hidden sheet "Daftar", which the parser skips (it reads visible sheets
only). The template loads cleanly through waspada.ingest (tests/test_upload_template.py).
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from waspada import reference
from waspada.ingest.incidents import TEMPLATE_COLUMNS
from waspada.ingest.rows import TEMPLATE_EXAMPLE_MARK

FILE_NAME = "Template_Laporan_Insiden.xlsx"
DATA_ROWS = 500  # rows below the example that carry the drop-downs and formats

# Column -> (must be filled, explanation). Bahasa Indonesia, for the "Petunjuk" sheet.
COLUMN_HELP: dict[str, tuple[bool, str]] = {
    "tanggal": (True, "Tanggal kejadian, format HH/BB/TTTT (contoh 14/10/2024). Ketik sebagai tanggal Excel; "
                      "teks seperti '14 Oktober 2024' juga dibaca."),
    "provinsi": (False, "Nama provinsi (pilih dari daftar). Boleh kosong bila kabupaten/kota sudah jelas; "
                        "membantu membedakan nama yang sama di dua provinsi."),
    "kabupaten_kota": (True, "Kabupaten/kota tempat kejadian, pilih dari daftar. Tulis lengkap 'Kabupaten ...' "
                             "atau 'Kota ...' (Kabupaten Kupang dan Kota Kupang adalah dua wilayah berbeda). "
                             "Kode Kemendagri (contoh 65.71) juga diterima."),
    "kecamatan": (False, "Nama kecamatan. Bila tidak dikenali, kejadian tetap disimpan tanpa kode kecamatan."),
    "desa": (False, "Nama desa/kelurahan (atau nagari, gampong, kampung)."),
    "tahapan": (False, "Tahapan Pilkada saat kejadian (pilih dari daftar). Bila kosong, tahapan diambil dari "
                       "jadwal KPU menurut tanggal."),
    "jenis_kejadian": (True, "Jenis kejadian, pilih dari daftar kategori. Jenis lain tetap disimpan sebagai "
                             "'Lainnya' dengan peringatan."),
    "uraian": (True, "Uraian singkat kejadian: siapa, apa, di mana. Ditampilkan apa adanya sebagai teks."),
    "pelaku": (False, "Pelaku atau terduga pelaku, bila diketahui."),
    "korban_luka": (False, "Jumlah korban luka (bilangan bulat 0 atau lebih; kosong = 0)."),
    "korban_meninggal": (False, "Jumlah korban meninggal dunia (bilangan bulat 0 atau lebih; kosong = 0)."),
    "sumber": (False, "Sumber informasi: Panwascam, Polres, media, laporan warga, dan sebagainya."),
    "lat": (False, "Lintang lokasi dalam derajat desimal (contoh 3.3000; di selatan khatulistiwa negatif, "
                   "contoh -10.1700). Boleh kosong."),
    "lon": (False, "Bujur lokasi dalam derajat desimal (contoh 117.6000). Boleh kosong."),
}

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_REQUIRED_FILL = PatternFill("solid", fgColor="C00000")
_EXAMPLE_FONT = Font(italic=True, color="7F7F7F")


def _example_row(province: str | None) -> dict:
    r = reference.regions()
    kab = r[(r["level"] == "kabupaten_kota")]
    if province:
        kab = kab[kab["province_code"] == province]
    first = kab.sort_values("code").iloc[0]
    prov_name = r.loc[r["code"] == first["province_code"], "name"].iloc[0]
    kec = r[(r["level"] == "kecamatan") & (r["kabkota_code"] == first["code"])].sort_values("code")
    lat = round(float(first["lat"]), 4) if first["lat"] == first["lat"] else None
    lon = round(float(first["lon"]), 4) if first["lon"] == first["lon"] else None
    return {
        "tanggal": date(2024, 10, 14), "provinsi": prov_name, "kabupaten_kota": first["name"],
        "kecamatan": kec["name"].iloc[0] if len(kec) else None, "desa": None, "tahapan": "Kampanye",
        "jenis_kejadian": "Perusakan (APK / fasilitas / kantor)",
        "uraian": f"{TEMPLATE_EXAMPLE_MARK}: baliho pasangan calon dirusak orang tak dikenal di simpang jalan",
        "pelaku": "Orang tak dikenal", "korban_luka": 0, "korban_meninggal": 0,
        "sumber": "Panwaslu Kecamatan", "lat": lat, "lon": lon,
    }


def build_template(province: str | None = None) -> bytes:
    """The template as .xlsx bytes; ``province`` limits the kabupaten/kota list to one province."""
    regions = reference.regions()
    provinces = regions[regions["level"] == "provinsi"].sort_values("code")
    kab = regions[regions["level"] == "kabupaten_kota"]
    if province:
        if province not in set(provinces["code"]):
            raise ValueError(f"unknown province code {province!r}")
        kab = kab[kab["province_code"] == province]
        provinces = provinces[provinces["code"] == province]
    kab = kab.sort_values("code")
    phases = reference.phases().sort_values("phase_order")
    categories = reference.incident_categories()

    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan"

    # Hidden lists for the drop-downs.
    lists = wb.create_sheet("Daftar")
    columns = {"provinsi": provinces["name"].tolist(), "kabupaten_kota": kab["name"].tolist(),
               "tahapan": phases["name_id"].tolist(), "jenis_kejadian": categories["name_id"].tolist()}
    ranges = {}
    for col_index, (name, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(col_index)
        lists.cell(row=1, column=col_index, value=name)
        for i, v in enumerate(values, start=2):
            lists.cell(row=i, column=col_index, value=v)
        ranges[name] = f"Daftar!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"

    # Header and example.
    for c, name in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        required = COLUMN_HELP[name][0]
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _REQUIRED_FILL if required else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = {"uraian": 60, "kabupaten_kota": 28,
                                                            "jenis_kejadian": 34, "provinsi": 24}.get(name, 16)
    example = _example_row(province)
    for c, name in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=2, column=c, value=example[name])
        cell.font = _EXAMPLE_FONT
    ws.freeze_panes = "A2"

    last = 2 + DATA_ROWS
    letter = {name: get_column_letter(i) for i, name in enumerate(TEMPLATE_COLUMNS, start=1)}
    # Column styles, not cell styles: formatted empty cells would be written out as cells,
    # and a row typed below them would land under 500 blank rows.
    ws.column_dimensions[letter["tanggal"]].number_format = "DD/MM/YYYY"
    ws[f"{letter['tanggal']}2"].number_format = "DD/MM/YYYY"
    for name in ("lat", "lon"):
        ws.column_dimensions[letter[name]].number_format = "0.0000"

    def add(dv: DataValidation, column: str) -> None:
        dv.add(f"{letter[column]}2:{letter[column]}{last}")
        ws.add_data_validation(dv)

    for name in ("provinsi", "kabupaten_kota", "tahapan", "jenis_kejadian"):
        strict = name in ("provinsi", "kabupaten_kota")
        add(DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True,
                           showErrorMessage=strict, errorStyle="stop" if strict else "warning",
                           errorTitle="Nilai tidak ada di daftar",
                           error="Pilih dari daftar (lihat lembar Petunjuk).",
                           promptTitle=name, prompt="Pilih dari daftar.", showInputMessage=True), name)
    add(DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                       showErrorMessage=True, errorTitle="Tanggal tidak sah",
                       error="Isi tanggal kejadian, contoh 14/10/2024."), "tanggal")
    for name in ("korban_luka", "korban_meninggal"):
        add(DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Jumlah tidak sah",
                           error="Isi bilangan bulat 0 atau lebih."), name)
    add(DataValidation(type="decimal", operator="between", formula1="-12", formula2="7", allow_blank=True,
                       showErrorMessage=True, error="Lintang Indonesia antara -12 dan 7."), "lat")
    add(DataValidation(type="decimal", operator="between", formula1="94", formula2="142", allow_blank=True,
                       showErrorMessage=True, error="Bujur Indonesia antara 94 dan 142."), "lon")

    # Instructions.
    help_ws = wb.create_sheet("Petunjuk", 1)
    help_ws.column_dimensions["A"].width = 20
    help_ws.column_dimensions["B"].width = 10
    help_ws.column_dimensions["C"].width = 100
    intro = [
        "Petunjuk pengisian Laporan Insiden Pilkada",
        "Isi satu kejadian per baris di lembar Laporan, mulai baris 3. Baris contoh (baris 2, huruf miring) "
        "boleh dihapus; bila tertinggal, baris itu tidak dimuat.",
        "Kolom berjudul merah wajib diisi. Jangan mengubah judul kolom. Simpan sebagai .xlsx lalu unggah di "
        "halaman Unggah Laporan.",
        "Baris yang salah ditolak dengan alasan (nomor baris, kolom, alasan); baris lain tetap disimpan. "
        "Kejadian yang sudah pernah dimuat tidak disimpan dua kali.",
        "",
    ]
    for i, line in enumerate(intro, start=1):
        cell = help_ws.cell(row=i, column=1, value=line)
        if i == 1:
            cell.font = Font(bold=True, size=13)
    start = len(intro) + 1
    for c, title in enumerate(("Kolom", "Wajib", "Keterangan"), start=1):
        help_ws.cell(row=start, column=c, value=title).font = Font(bold=True)
    for i, name in enumerate(TEMPLATE_COLUMNS, start=start + 1):
        required, text = COLUMN_HELP[name]
        help_ws.cell(row=i, column=1, value=name)
        help_ws.cell(row=i, column=2, value="wajib" if required else "boleh kosong")
        help_ws.cell(row=i, column=3, value=text).alignment = Alignment(wrap_text=True, vertical="top")

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
