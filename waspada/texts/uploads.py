"""Words of uploads through the browser (waspada.uploads): refusals of a whole file, the
regional-scope refusal of a row, what was stored, and why an upload cannot be stored or
withdrawn."""

TEXT: dict[str, dict[str, str]] = {
    "upload_not_permitted": {"id": "peran Anda tidak boleh mengunggah laporan.",
                             "en": "your role may not upload reports."},
    "withdraw_not_permitted": {"id": "hanya admin yang boleh menarik unggahan.",
                               "en": "only an admin may withdraw uploads."},
    "upload_not_found": {"id": "unggahan #{upload_id} tidak ada.", "en": "upload #{upload_id} does not exist."},
    "upload_already_withdrawn": {"id": "unggahan #{upload_id} ({file_name}) sudah ditarik sebelumnya.",
                                 "en": "upload #{upload_id} ({file_name}) was already withdrawn."},
    "upload_not_withdrawable": {
        "id": "unggahan #{upload_id} berjenis {kind}; hanya unggahan insiden yang dapat ditarik.",
        "en": "upload #{upload_id} is of kind {kind}; only incident uploads can be withdrawn."},
    "upload_not_storable": {"id": "{file_name}: {reason}", "en": "{file_name}: {reason}"},
    "upload_not_checked": {"id": "berkas belum diperiksa.", "en": "the file has not been checked."},
    "upload_no_data_rows": {
        "id": "tidak ada baris data di bawah judul kolom (0 baris data); tidak ada yang dapat disimpan. "
              "Isi laporan mulai baris di bawah judul kolom.",
        "en": "no data rows below the column headings (0 data rows); nothing can be stored. "
              "Fill in the report from the row below the column headings."},
    "upload_out_of_scope": {
        "id": "{region} ({code}) di luar wilayah tugas Anda ({scope}); baris ini tidak disimpan. "
              "Minta admin menambahkan wilayah ini bila memang tugas Anda.",
        "en": "{region} ({code}) is outside your assigned regions ({scope}); this row is not stored. "
              "Ask an admin to add the region if it is yours."},
    "upload_scope_province": {"id": "kabupaten/kota di {province}", "en": "regencies/cities in {province}"},
    "upload_scope_none": {"id": "tidak ada wilayah yang ditugaskan", "en": "no region assigned"},
    "upload_stored_none_new": {
        "id": "{file_name}: tidak ada insiden baru — semua kejadian di berkas ini sudah tersimpan sebelumnya "
              "atau ditolak. Unggahan tetap dicatat (#{upload_id}).",
        "en": "{file_name}: no new incidents — every incident in this file was stored before or refused. "
              "The upload is still recorded (#{upload_id})."},
    "upload_stored": {"id": "{file_name}: {n} insiden baru disimpan (unggahan #{upload_id}).",
                      "en": "{file_name}: {n} new incidents stored (upload #{upload_id})."},
    "upload_progress_checking": {"id": "Memeriksa {file_name} …", "en": "Checking {file_name} …"},
    "upload_progress_matching": {"id": "Mencocokkan wilayah dan duplikat {file_name} …",
                                 "en": "Matching regions and duplicates of {file_name} …"},
    "upload_file_checked": {"id": "{file_name} selesai diperiksa.", "en": "{file_name} checked."},
    "upload_size_limit": {"id": "Ukuran paling besar {limit} per berkas.",
                          "en": "At most {limit} per file."},
}
