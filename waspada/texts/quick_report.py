"""Words of Lapor Cepat (app_pages/lapor_cepat.py, waspada/quick_report.py): the one-incident
form, its check and what was stored or refused."""

TEXT: dict[str, dict[str, str]] = {
    "page_quick_report": {"id": "Lapor Cepat", "en": "Quick Report"},
    "quick_report_title": {"id": "Lapor Cepat: satu insiden", "en": "Quick Report: one incident"},
    "quick_report_intro": {
        "id": "Untuk kejadian yang dilaporkan lewat telepon atau pesan di antara laporan mingguan. "
              "Laporan diperiksa sama seperti satu baris berkas laporan: wilayah, tanggal, jenis, korban dan "
              "duplikat. Tidak ada yang disimpan sebelum Anda menekan Simpan.",
        "en": "For an incident phoned or messaged in between weekly reports. It is checked exactly as one row of "
              "a report file: region, date, type, casualties and duplicates. Nothing is stored before you "
              "press Store."},
    "quick_report_no_regions": {
        "id": "Akun Anda belum ditugaskan ke kabupaten/kota mana pun; minta admin menambahkannya.",
        "en": "Your account has no kabupaten/kota assigned; ask an admin to add them."},
    "quick_report_date": {"id": "Tanggal kejadian", "en": "Date of the incident"},
    "quick_report_province": {"id": "Provinsi", "en": "Province"},
    "quick_report_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "quick_report_kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "quick_report_kecamatan_unknown": {"id": "(tidak diketahui)", "en": "(not known)"},
    "quick_report_type": {"id": "Jenis kejadian", "en": "Type of incident"},
    "quick_report_type_suggest": {"id": "(belum tahu: sarankan dari uraian)",
                                  "en": "(not sure: suggest from the description)"},
    "quick_report_description": {"id": "Uraian singkat", "en": "Short description"},
    "quick_report_description_help": {
        "id": "Apa, di mana, siapa terlibat. Ditampilkan apa adanya.",
        "en": "What happened, where, who was involved. Shown exactly as written."},
    "quick_report_killed": {"id": "Meninggal dunia (MD)", "en": "Killed (MD)"},
    "quick_report_injured": {"id": "Luka-luka (LL)", "en": "Injured (LL)"},
    "quick_report_source": {"id": "Sumber informasi", "en": "Source of the information"},
    "quick_report_source_none": {"id": "(tidak disebut)", "en": "(not given)"},
    "quick_report_check": {"id": "Periksa laporan", "en": "Check the report"},
    "quick_report_store": {"id": "Simpan laporan", "en": "Store the report"},
    "quick_report_changed": {
        "id": "Isian berubah sejak diperiksa; periksa lagi sebelum menyimpan.",
        "en": "The form changed since it was checked; check it again before storing."},
    "quick_report_will_store": {"id": "Siap disimpan sebagai berikut:", "en": "Ready to store as follows:"},
    "quick_report_refused": {"id": "Laporan ini tidak dapat disimpan:", "en": "This report cannot be stored:"},
    "quick_report_warnings": {"id": "Perhatikan:", "en": "Please note:"},
    "quick_report_phase": {"id": "{phase} (dari jadwal)", "en": "{phase} (from the schedule)"},
    "quick_report_category_from": {"id": "{category} ({origin})", "en": "{category} ({origin})"},
    "quick_report_use_suggestion": {"id": "Pakai jenis ini: {category}", "en": "Use this type: {category}"},
    "quick_report_stored": {
        "id": "Laporan disimpan sebagai unggahan #{upload_id}. Insiden kini tampil di halaman "
              "Insiden dan ikut dalam skor risiko.",
        "en": "Report stored as upload #{upload_id}. The incident now shows on the Incidents page "
              "and counts in the risk score."},
    "quick_report_see_incidents": {"id": "Lihat halaman Insiden", "en": "Open the Incidents page"},
    "quick_report_duplicate_of": {
        "id": "Insiden yang sama sudah tersimpan: unggahan #{upload_id} ({file_name}, baris {row}) oleh {by}, "
              "{when}. Laporan ini tidak disimpan lagi.",
        "en": "The same incident is already stored: upload #{upload_id} ({file_name}, row {row}) by {by}, "
              "{when}. This report is not stored again."},
    "quick_report_duplicate": {
        "id": "insiden yang sama sudah tersimpan; laporan ini tidak disimpan lagi.",
        "en": "the same incident is already stored; this report is not stored again."},
    "quick_report_not_storable": {
        "id": "laporan ini ditolak pada pemeriksaan; perbaiki isiannya lalu periksa lagi.",
        "en": "this report was refused when checked; correct the form and check it again."},
    "quick_report_future_date": {
        "id": "tanggal {day} belum terjadi (hari ini {today} di wilayah itu); laporan cepat hanya untuk kejadian "
              "yang sudah terjadi.",
        "en": "the date {day} has not happened yet (today is {today} there); a quick report is for an incident "
              "that has happened."},
}
