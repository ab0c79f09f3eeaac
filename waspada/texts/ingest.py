"""Words of the file loaders (waspada.ingest): whole-file refusals, row refusals, warnings,
ignored and duplicate rows, the parse summary; and of the etl commands that print them
(build, load, generate-national) and of waspada.toml being unreadable."""

TEXT: dict[str, dict[str, str]] = {
    # -- parameters rendered in the reader's language
    "ingest_names": {"id": "{names}", "en": "{names}"},
    "ingest_two_regions": {"id": "{first} dan {second}", "en": "{first} and {second}"},
    # -- the whole file (read.py, headers.py, tables.py)
    "ingest_cannot_open": {"id": "berkas tidak dapat dibuka ({error}).", "en": "the file cannot be opened ({error})."},
    "ingest_file_empty": {"id": "berkas kosong: tidak ada isi yang dapat dibaca.",
                          "en": "the file is empty: there is nothing to read."},
    # -- refused before parsing (waspada/filesafety.py)
    "ingest_file_too_large": {
        "id": "berkas terlalu besar ({size}; batas {limit}). Pecah laporan menjadi beberapa berkas.",
        "en": "the file is too large ({size}; the limit is {limit}). Split the report into several files."},
    "ingest_foreign_file": {
        "id": "berkas ini adalah {kind}, bukan lembar kerja Excel atau CSV (walaupun namanya berakhiran {suffix}). "
              "Unggah berkas .xlsx, .xls atau .csv.",
        "en": "this file is {kind}, not an Excel worksheet or CSV (even though its name ends in {suffix}). "
              "Upload an .xlsx, .xls or .csv file."},
    "ingest_no_suffix": {"id": "(tanpa akhiran)", "en": "(no extension)"},
    "ingest_kind_png": {"id": "gambar PNG", "en": "a PNG image"},
    "ingest_kind_jpeg": {"id": "gambar JPEG", "en": "a JPEG image"},
    "ingest_kind_gif": {"id": "gambar GIF", "en": "a GIF image"},
    "ingest_kind_bmp": {"id": "gambar BMP", "en": "a BMP image"},
    "ingest_kind_pdf": {"id": "dokumen PDF", "en": "a PDF document"},
    "ingest_kind_exe": {"id": "program Windows (.exe)", "en": "a Windows program (.exe)"},
    "ingest_kind_elf": {"id": "program (ELF)", "en": "a program (ELF)"},
    "ingest_kind_rar": {"id": "arsip RAR", "en": "a RAR archive"},
    "ingest_kind_7z": {"id": "arsip 7-Zip", "en": "a 7-Zip archive"},
    "ingest_kind_gzip": {"id": "arsip gzip", "en": "a gzip archive"},
    "ingest_kind_rtf": {"id": "dokumen RTF", "en": "an RTF document"},
    "ingest_kind_riff": {"id": "berkas media (RIFF)", "en": "a media file (RIFF)"},
    "ingest_kind_mp4": {"id": "video MP4", "en": "an MP4 video"},
    "ingest_kind_mp3": {"id": "audio MP3", "en": "an MP3 audio file"},
    "ingest_kind_doc": {"id": "dokumen Word (.doc)", "en": "a Word document (.doc)"},
    "ingest_kind_docx": {"id": "dokumen Word (.docx)", "en": "a Word document (.docx)"},
    "ingest_kind_ppt": {"id": "presentasi PowerPoint (.ppt)", "en": "a PowerPoint presentation (.ppt)"},
    "ingest_kind_pptx": {"id": "presentasi PowerPoint (.pptx)", "en": "a PowerPoint presentation (.pptx)"},
    "ingest_office_not_excel": {"id": "berkas ini adalah {kind}, bukan lembar kerja Excel.",
                                "en": "this file is {kind}, not an Excel worksheet."},
    "ingest_suffix_not_workbook": {
        "id": "berkas bernama {suffix} tetapi isinya bukan lembar kerja Excel (rusak atau format lain). "
              "Simpan ulang dari Excel sebagai .xlsx.",
        "en": "the file is named {suffix} but does not hold an Excel worksheet (damaged or another format). "
              "Save it again from Excel as .xlsx."},
    "ingest_binary_unknown": {
        "id": "berkas biner yang tidak dikenal, bukan lembar kerja Excel maupun teks CSV.",
        "en": "an unknown binary file, neither an Excel worksheet nor CSV text."},
    "ingest_encrypted": {
        "id": "berkas Excel dilindungi kata sandi (terenkripsi). Buka di Excel, hapus kata sandinya "
              "(File > Info > Protect Workbook > Encrypt with Password, kosongkan), simpan, lalu unggah lagi.",
        "en": "the Excel file is protected with a password (encrypted). Open it in Excel, remove the password "
              "(File > Info > Protect Workbook > Encrypt with Password, leave it empty), save, then upload again."},
    "ingest_zip_unreadable": {
        "id": "berkas rusak: arsip .xlsx tidak dapat dibuka ({error}). Simpan ulang dari Excel sebagai .xlsx.",
        "en": "the file is damaged: the .xlsx archive cannot be opened ({error}). Save it again from Excel as .xlsx."},
    "ingest_zip_too_many_members": {
        "id": "berkas berisi {n} bagian (batas {limit}); ditolak sebagai arsip yang mencurigakan.",
        "en": "the file holds {n} parts (the limit is {limit}); refused as a suspicious archive."},
    "ingest_plain_zip": {
        "id": "berkas ini arsip ZIP biasa, bukan lembar kerja Excel (.xlsx). "
              "Keluarkan berkas Excel dari arsip lalu unggah berkas itu.",
        "en": "this file is a plain ZIP archive, not an Excel worksheet (.xlsx). "
              "Take the Excel file out of the archive and upload that."},
    "ingest_zip_bomb": {
        "id": "isi berkas jika dibuka lebih dari {size} dari berkas {compressed} (batas {limit}, rasio paling "
              "besar {ratio}×). Berkas ditolak sebagai 'zip bomb'.",
        "en": "the file's contents unpack to more than {size} from a file of {compressed} (the limit is {limit}, "
              "a ratio of at most {ratio}×). The file is refused as a 'zip bomb'."},
    "ingest_xml_dtd": {
        "id": "bagian {part} berisi deklarasi DOCTYPE/ENTITY XML. Berkas Excel yang wajar tidak pernah "
              "memuatnya; berkas ditolak demi keamanan.",
        "en": "part {part} holds an XML DOCTYPE/ENTITY declaration. An ordinary Excel file never does; "
              "the file is refused for safety."},
    "ingest_zip_member_unreadable": {
        "id": "bagian {part} dari berkas tidak dapat dibaca ({error}). Simpan ulang dari Excel sebagai .xlsx.",
        "en": "part {part} of the file cannot be read ({error}). Save it again from Excel as .xlsx."},
    "ingest_password_protected": {
        "id": "berkas Excel dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
              "(File > Info > Protect Workbook), simpan, lalu unggah lagi.",
        "en": "the Excel file is protected with a password. Open it in Excel, remove the password "
              "(File > Info > Protect Workbook), save it, then upload it again."},
    "ingest_password_protected_short": {
        "id": "berkas Excel dilindungi kata sandi; hapus kata sandinya lalu unggah lagi.",
        "en": "the Excel file is protected with a password; remove the password, then upload it again."},
    "ingest_unsupported_type": {"id": "jenis berkas '{suffix}' tidak didukung; unggah .xlsx, .xls atau .csv.",
                                "en": "files of type '{suffix}' are not supported; upload .xlsx, .xls or .csv."},
    "ingest_no_data": {"id": "berkas tidak berisi data (semua sel kosong).",
                       "en": "the file holds no data (every cell is empty)."},
    "ingest_not_a_workbook": {
        "id": "berkas bukan lembar kerja Excel yang dapat dibaca (rusak, terenkripsi, atau format lain). "
              "Simpan ulang sebagai .xlsx atau .csv.",
        "en": "the file is not a readable Excel workbook (damaged, encrypted, or another format). "
              "Save it again as .xlsx or .csv."},
    "ingest_workbook_unreadable": {"id": "isi berkas Excel tidak dapat dibaca ({error}).",
                                   "en": "the contents of the Excel file cannot be read ({error})."},
    "ingest_no_header_row": {
        "id": "baris judul kolom tidak ditemukan. Pastikan tabel punya baris judul kolom seperti pada "
              "templat (mis. {required}).",
        "en": "no row of column headings was found. Make sure the table has a row of column headings as in "
              "the template (e.g. {required})."},
    "ingest_missing_columns": {
        "id": "kolom wajib tidak ditemukan: {columns}. Baris judul kolom yang terbaca: baris {header_row} ({found}).",
        "en": "required columns not found: {columns}. Column headings read: row {header_row} ({found})."},
    "ingest_no_figure_columns": {
        "id": "tidak ada kolom angka: perlu minimal satu dari {needed}. Baris judul kolom yang terbaca: "
              "baris {header_row} ({found}).",
        "en": "no column of figures: at least one of {needed} is needed. Column headings read: "
              "row {header_row} ({found})."},
    # -- sheets of a workbook (sheets.py) and cleaned cells (read.py)
    "ingest_sheet_skipped": {
        "id": 'lembar "{sheet}" dilewati: tidak berisi tabel laporan (judul kolom tidak ditemukan).',
        "en": 'sheet "{sheet}" skipped: it holds no report table (no column headings found).'},
    "ingest_sheets_not_read": {
        "id": "lembar yang tampak berisi laporan tetapi tidak dapat dibaca: {sheets} ({reason}). Tidak ada yang "
              "disimpan dari berkas ini. Perbaiki lembar itu (judul kolom seperti templat) atau hapus, lalu unggah lagi.",
        "en": "sheets that look like reports but cannot be read: {sheets} ({reason}). Nothing from this file is "
              "stored. Fix those sheets (column headings as in the template) or remove them, then upload again."},
    "ingest_sheets_and_more": {"id": "{names} dan {n} lembar lain", "en": "{names} and {n} more sheets"},
    "ingest_control_characters_removed": {
        "id": "sel ini berisi karakter kendali tak terlihat (mis. dari salinan sistem lain); karakter itu dihapus.",
        "en": "this cell held invisible control characters (e.g. copied from another system); they were removed."},
    # -- header notes (warnings about the header row)
    "ingest_header_also_matches": {
        "id": 'kolom "{header}" juga cocok dengan "{field}"; yang dipakai kolom "{used}", kolom ini diabaikan.',
        "en": 'column "{header}" also matches "{field}"; column "{used}" is used and this one is ignored.'},
    "ingest_header_read_as": {"id": 'kolom "{header}" dibaca sebagai "{field}".',
                              "en": 'column "{header}" was read as "{field}".'},
    "ingest_header_unknown": {"id": 'kolom "{header}" tidak dikenali dan diabaikan.',
                              "en": 'column "{header}" was not recognised and is ignored.'},
    # -- rows that are not data (rows.py)
    "ingest_ignored_blank": {"id": "baris kosong", "en": "empty row"},
    "ingest_ignored_column_numbers": {"id": "baris nomor kolom di bawah judul",
                                      "en": "row of column numbers under the headings"},
    "ingest_ignored_signature": {"id": "blok tempat/tanggal dan tanda tangan di bawah tabel",
                                 "en": "place/date and signature block under the table"},
    "ingest_ignored_totals": {"id": "baris jumlah/total", "en": "sum/total row"},
    "ingest_ignored_example": {"id": "baris contoh dari templat", "en": "example row from the template"},
    "ingest_ignored_note": {"id": "hanya satu sel terisi; dianggap catatan, bukan baris data",
                            "en": "only one cell filled; taken as a note, not a data row"},
    "ingest_ignored_note_in_column": {
        "id": 'hanya satu sel terisi (kolom "{column}"); dianggap catatan, bukan baris data',
        "en": 'only one cell filled (column "{column}"); taken as a note, not a data row'},
    # -- dates (dates.py)
    "ingest_date_empty": {"id": "tanggal kosong.", "en": "the date is empty."},
    "ingest_month_invalid": {
        "id": 'tanggal "{raw}" tidak ada (bulan {month} tidak ada; tulis hari dulu, lalu bulan: 14/10/2024).',
        "en": 'date "{raw}" does not exist (there is no month {month}; write the day first, then the month: '
              '14/10/2024).'},
    "ingest_day_invalid": {"id": 'tanggal "{raw}" tidak ada ({month} {year} hanya {last} hari).',
                           "en": 'date "{raw}" does not exist ({month} {year} has only {last} days).'},
    "ingest_month_name_unknown": {"id": 'nama bulan "{name}" pada tanggal "{raw}" tidak dikenali.',
                                  "en": 'month name "{name}" in date "{raw}" was not recognised.'},
    "ingest_date_unreadable": {
        "id": 'tanggal "{raw}" tidak dapat dibaca (tulis hari/bulan/tahun, mis. 14/10/2024 atau 14 Oktober 2024).',
        "en": 'date "{raw}" cannot be read (write day/month/year, e.g. 14/10/2024 or 14 Oktober 2024).'},
    "ingest_not_a_date": {"id": '"{raw}" bukan tanggal (angka di kolom tanggal).',
                          "en": '"{raw}" is not a date (a number in the date column).'},
    "ingest_date_too_old": {"id": 'tanggal "{raw}" terlalu lama (sebelum tahun 2000); periksa tahunnya.',
                            "en": 'date "{raw}" is too long ago (before 2000); check the year.'},
    "ingest_date_too_far": {"id": 'tanggal "{raw}" lebih dari setahun ke depan; periksa tahunnya.',
                            "en": 'date "{raw}" is more than a year ahead; check the year.'},
    # -- counts (values.py)
    "ingest_count_too_large": {"id": 'jumlah "{value}" terlalu besar (lebih dari {limit}); periksa isinya.',
                               "en": 'count "{value}" is too large (more than {limit}); check the value.'},
    "ingest_not_a_number": {"id": '"{value}" bukan angka.', "en": '"{value}" is not a number.'},
    "ingest_count_negative": {"id": 'jumlah tidak boleh negatif ("{value}").',
                              "en": 'a count cannot be negative ("{value}").'},
    "ingest_not_whole": {"id": '"{value}" bukan bilangan bulat.', "en": '"{value}" is not a whole number.'},
    "ingest_count_not_number": {"id": '"{value}" bukan angka; tulis jumlahnya dengan angka (mis. 2).',
                                "en": '"{value}" is not a number; write the count in digits (e.g. 2).'},
    # -- regions (regions.py)
    "ingest_province_read_as": {"id": 'provinsi "{raw}" dibaca sebagai {name} ({code}).',
                                "en": 'province "{raw}" was read as {name} ({code}).'},
    "ingest_province_unknown": {"id": 'provinsi "{raw}" tidak dikenali.', "en": 'province "{raw}" was not recognised.'},
    "ingest_region_empty": {"id": "kabupaten/kota kosong.", "en": "the regency/city is empty."},
    "ingest_wilayah_empty": {"id": "wilayah kosong.", "en": "the region is empty."},
    "ingest_province_code_unknown": {"id": 'kode provinsi "{raw}" tidak ada dalam daftar wilayah Kemendagri.',
                                     "en": 'province code "{raw}" is not in the Kemendagri list of regions.'},
    "ingest_region_code_unknown": {"id": 'kode kabupaten/kota "{raw}" tidak ada dalam daftar wilayah Kemendagri.',
                                   "en": 'regency/city code "{raw}" is not in the Kemendagri list of regions.'},
    "ingest_code_outside_province": {"id": 'kode "{raw}" ({name}) tidak berada di provinsi {province}.',
                                     "en": 'code "{raw}" ({name}) is not in the province of {province}.'},
    "ingest_not_a_region_name": {"id": '"{raw}" bukan nama kabupaten/kota.', "en": '"{raw}" is not a regency/city name.'},
    "ingest_region_unknown": {"id": 'kabupaten/kota "{raw}" tidak dikenali.',
                              "en": 'regency/city "{raw}" was not recognised.'},
    "ingest_region_unknown_in_province": {"id": 'kabupaten/kota "{raw}" tidak dikenali di provinsi {province}.',
                                          "en": 'regency/city "{raw}" was not recognised in the province of '
                                                '{province}.'},
    "ingest_region_not_in_province": {
        "id": 'kabupaten/kota "{raw}" tidak berada di provinsi {province} (yang ada: {found}).',
        "en": 'regency/city "{raw}" is not in the province of {province} (there is: {found}).'},
    "ingest_region_ambiguous": {
        "id": 'kabupaten/kota "{raw}" ambigu: bisa {options}. '
              'Tulis lengkap, mis. "Kab. ..." atau "Kota ...", atau isi kode wilayah.',
        "en": 'regency/city "{raw}" is ambiguous: it could be {options}. '
              'Write it in full, e.g. "Kab. ..." or "Kota ...", or fill in the region code.'},
    "ingest_region_typo": {"id": 'kabupaten/kota "{raw}" tidak persis ada; dibaca sebagai {name} ({code}).',
                           "en": 'regency/city "{raw}" does not exist exactly; read as {name} ({code}).'},
    "ingest_kecamatan_read_as": {"id": 'kecamatan "{raw}" dibaca sebagai {name} ({code}).',
                                 "en": 'kecamatan "{raw}" was read as {name} ({code}).'},
    "ingest_kecamatan_unknown": {"id": 'kecamatan "{raw}" tidak ditemukan', "en": 'kecamatan "{raw}" was not found'},
    # -- incident rows (incidents.py)
    "ingest_kecamatan_not_found": {
        "id": 'kecamatan "{kecamatan}" tidak ditemukan di {region}; disimpan tanpa kode kecamatan.',
        "en": 'kecamatan "{kecamatan}" was not found in {region}; stored without a kecamatan code.'},
    "ingest_phase_not_recognised": {
        "id": 'tahapan "{value}" tidak dikenali; tahapan diambil dari jadwal menurut tanggal.',
        "en": 'phase "{value}" was not recognised; the phase is taken from the schedule by date.'},
    "ingest_after_last_phase": {
        "id": "tanggal {day} sesudah tahapan terakhir semua pemilihan (berakhir {last_end}) dan kolom tahapan "
              "kosong; isi kolom tahapan.",
        "en": "date {day} is after the last phase of every election (ended {last_end}) and the phase column "
              "is empty; fill in the phase column."},
    "ingest_category_empty": {"id": "jenis kejadian kosong.", "en": "the incident type is empty."},
    "ingest_category_ambiguous": {
        "id": 'jenis kejadian "{value}" cocok dengan beberapa kategori ({candidates}); dicatat sebagai "lainnya".',
        "en": 'incident type "{value}" matches several categories ({candidates}); recorded as "lainnya" (other).'},
    "ingest_category_unknown": {
        "id": 'jenis kejadian "{value}" tidak cocok dengan kategori mana pun; dicatat sebagai "lainnya".',
        "en": 'incident type "{value}" matches no category; recorded as "lainnya" (other).'},
    "ingest_description_empty": {"id": "uraian kosong.", "en": "the description is empty."},
    "ingest_coordinates_incomplete": {
        "id": 'koordinat "{lat}, {lon}" tidak lengkap atau bukan angka; koordinat tidak disimpan.',
        "en": 'coordinates "{lat}, {lon}" are incomplete or not numbers; the coordinates are not stored.'},
    "ingest_coordinates_outside": {
        "id": "koordinat ({lat}, {lon}) di luar wilayah Indonesia; koordinat tidak disimpan.",
        "en": "coordinates ({lat}, {lon}) lie outside Indonesia; the coordinates are not stored."},
    "ingest_duplicate_in_file": {"id": "sama dengan baris {row} di berkas ini.",
                                 "en": "the same as row {row} of this file."},
    "ingest_duplicate_in_db": {"id": "kejadian ini sudah ada di basis data.",
                               "en": "this incident is already in the database."},
    # -- KPU, IKP and violation rows (tables.py)
    "ingest_election_unknown": {"id": 'pemilihan "{value}" tidak dikenali (tulis mis. pilkada2024 atau pemilu2024).',
                                "en": 'election "{value}" was not recognised (write e.g. pilkada2024 or pemilu2024).'},
    "ingest_no_figures": {"id": "tidak ada angka (dpt, tps atau paslon) di baris ini.",
                          "en": "no figure (dpt, tps or paslon) in this row."},
    "ingest_dimension_unknown": {"id": 'dimensi "{value}" tidak dikenali (pakai: {allowed}).',
                                 "en": 'dimension "{value}" was not recognised (use: {allowed}).'},
    "ingest_score_empty": {"id": "skor kosong.", "en": "the score is empty."},
    "ingest_score_not_number": {"id": 'skor "{value}" bukan angka.', "en": 'score "{value}" is not a number.'},
    "ingest_score_out_of_range": {"id": "skor {value} di luar rentang 0–100.",
                                  "en": "score {value} is outside the range 0–100."},
    "ingest_edition_unknown": {"id": 'edisi "{value}" tidak dikenali (tulis mis. ikp2024).',
                               "en": 'edition "{value}" was not recognised (write e.g. ikp2024).'},
    "ingest_phase_unknown": {"id": 'tahapan "{value}" tidak dikenali.', "en": 'phase "{value}" was not recognised.'},
    "ingest_phase_empty_after_schedule": {
        "id": "tahapan kosong dan tanggal sesudah tahapan terakhir; isi kolom tahapan.",
        "en": "the phase is empty and the date is after the last phase; fill in the phase column."},
    "ingest_phase_empty": {"id": "tahapan kosong (isi tahapan atau tanggal).",
                           "en": "the phase is empty (fill in the phase or the date)."},
    "ingest_violation_type_empty": {"id": "jenis pelanggaran kosong.", "en": "the violation type is empty."},
    "ingest_violation_type_unknown": {"id": 'jenis pelanggaran "{value}" tidak dikenali (pakai: {allowed}).',
                                      "en": 'violation type "{value}" was not recognised (use: {allowed}).'},
    "ingest_count_empty": {"id": "jumlah kosong.", "en": "the count is empty."},
    "ingest_same_key_row": {"id": "data yang sama (kunci) sudah ada di baris {row}; baris ini tidak dimuat.",
                            "en": "the same data (key) is already in row {row}; this row is not loaded."},
    "ingest_upload_source": {"id": "Unggahan berkas {file}", "en": "Uploaded file {file}"},
    # -- the parse report (report.py)
    "ingest_refusal": {"id": '{file}: Baris {row}, kolom "{column}": {reason}',
                       "en": '{file}: Row {row}, column "{column}": {reason}'},
    "ingest_summary": {
        "id": "Berkas {file}: {rows} baris data, {accepted} diterima, {duplicates} duplikat, "
              "{refused} baris ditolak, {ignored} baris diabaikan.",
        "en": "File {file}: {rows} data rows, {accepted} accepted, {duplicates} duplicates, "
              "{refused} rows refused, {ignored} rows ignored."},
    "ingest_summary_sheet": {
        "id": "Berkas {file} (lembar {sheet}, judul kolom di baris {header_row}): {rows} baris data, "
              "{accepted} diterima, {duplicates} duplikat, {refused} baris ditolak, {ignored} baris diabaikan.",
        "en": "File {file} (sheet {sheet}, column headings in row {header_row}): {rows} data rows, "
              "{accepted} accepted, {duplicates} duplicates, {refused} rows refused, {ignored} rows ignored."},
    "ingest_summary_refused": {"id": "Ditolak:", "en": "Refused:"},
    "ingest_summary_warnings": {"id": "Peringatan:", "en": "Warnings:"},
    "ingest_summary_duplicates": {"id": "Duplikat (tidak dimasukkan lagi):", "en": "Duplicates (not added again):"},
    "ingest_line_row_column": {"id": '  Baris {row}, kolom "{column}": {text}',
                               "en": '  Row {row}, column "{column}": {text}'},
    "ingest_line_column": {"id": '  kolom "{column}": {text}', "en": '  column "{column}": {text}'},
    "ingest_line_file": {"id": "  {text}", "en": "  {text}"},
    "ingest_row_in_sheet": {"id": '{row} (lembar "{sheet}")', "en": '{row} (sheet "{sheet}")'},
    "ingest_summary_sheets": {
        "id": "Berkas {file} ({n_sheets} lembar dibaca: {sheets}): {rows} baris data, {accepted} diterima, "
              "{duplicates} duplikat, {refused} baris ditolak, {ignored} baris diabaikan.",
        "en": "File {file} ({n_sheets} sheets read: {sheets}): {rows} data rows, {accepted} accepted, "
              "{duplicates} duplicates, {refused} rows refused, {ignored} rows ignored."},
    "ingest_line_row": {"id": "  Baris {row}: {text}", "en": "  Row {row}: {text}"},
    # -- etl commands (load_commands.py, build.py, national.py)
    "load_no_database": {"id": "Basis data belum ada: {db}. Jalankan `python -m etl build --db {db}` dahulu.",
                         "en": "The database does not exist yet: {db}. Run `python -m etl build --db {db}` first."},
    "load_file_failed": {"id": "GAGAL {file}: {error}", "en": "FAILED {file}: {error}"},
    "load_nothing_loaded": {"id": "Tidak ada yang dimuat: perbaiki berkas di atas lalu ulangi.",
                            "en": "Nothing was loaded: fix the files above and try again."},
    "load_stored": {"id": "Dimuat ke {db}: {new} baris baru (unggahan #{upload_id}, arsip {path}).",
                    "en": "Loaded into {db}: {new} new rows (upload #{upload_id}, archived as {path})."},
    "load_stored_replacing": {
        "id": "Dimuat ke {db}: {new} baris baru, {replaced} menggantikan data lama (unggahan #{upload_id}, "
              "arsip {path}).",
        "en": "Loaded into {db}: {new} new rows, {replaced} replacing older data (upload #{upload_id}, "
              "archived as {path})."},
    "build_sample_refused": {"id": "{file}: {n} baris ditolak, mis. {first}",
                             "en": "{file}: {n} rows refused, e.g. {first}"},
    "build_ready": {"id": "Basis data {db} siap: {counts}", "en": "Database {db} ready: {counts}"},
    "national_ready": {
        "id": "Basis data nasional (DIBANGKITKAN) {db}: {incidents} insiden ({per_election}), {seconds} detik",
        "en": "National database (GENERATED) {db}: {incidents} incidents ({per_election}), {seconds} seconds"},
    "national_workbook": {"id": "Buku kerja uji: {path}", "en": "Test workbook: {path}"},
    "national_help": {"id": "bangkitkan data uji skala nasional (38 provinsi, 2 siklus, 1 juta insiden)",
                      "en": "generate national-scale test data (38 provinces, 2 cycles, 1 million incidents)"},
    "national_db_help": {"id": "basis data nasional yang dibangkitkan", "en": "the generated national database"},
    "national_incidents_help": {"id": "jumlah insiden (bawaan 1.000.000)",
                                "en": "number of incidents (default 1.000.000)"},
    "national_seed_help": {"id": "benih (sama benih, sama data)", "en": "seed (same seed, same data)"},
    "national_excel_help": {
        "id": "tulis juga sejumlah buku kerja 50.000 baris di samping basis data (uji ingest)",
        "en": "also write this many 50.000-row workbooks beside the database (ingest tests)"},
    # -- waspada.toml (settings.py)
    "config_unreadable": {"id": "{file} tidak dapat dibaca: {error}", "en": "{file} cannot be read: {error}"},
    "config_unknown_province": {"id": "{file}: kode provinsi '{province}' tidak dikenal; memakai {fallback}.",
                                "en": "{file}: province code '{province}' is unknown; using {fallback}."},
}
