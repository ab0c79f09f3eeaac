"""Texts of the incident taxonomy: categories suggested from descriptions, casualty columns,
report sources, election-related and ATHG filters (issue 13)."""

TEXT = {
    "ingest_casualties_unreadable": {
        "id": 'isi korban "{value}" tidak terbaca; tulis angka (mis. 2) atau "2 MD, 5 LL".',
        "en": 'casualty cell "{value}" cannot be read; write a number (e.g. 2) or "2 MD, 5 LL".'},
    "ingest_casualties_conflict": {
        "id": "luka-luka {injured} tidak sama dengan luka berat {severe} + luka ringan {light}; periksa angkanya.",
        "en": "injured {injured} is not severely injured {severe} + lightly injured {light}; check the numbers."},
    "ingest_casualties_twice": {
        "id": "jumlah {kind} tertulis dua kali dengan angka berbeda ({first} dan {second}); periksa angkanya.",
        "en": "the number {kind} is written twice with different values ({first} and {second}); check the numbers."},
    "casualty_kind_killed": {"id": "meninggal", "en": "killed"},
    "casualty_kind_injured": {"id": "luka-luka", "en": "injured"},
    "casualty_kind_severe": {"id": "luka berat", "en": "severely injured"},
    "casualty_kind_light": {"id": "luka ringan", "en": "lightly injured"},
    "ingest_category_from_description": {
        "id": 'jenis kejadian "{value}" tidak jelas; kategori "{category}" diusulkan dari uraian (kata: {words}). '
              "Periksa sebelum menyimpan.",
        "en": 'incident type "{value}" is unclear; category "{category}" suggested from the description '
              "(words: {words}). Check before storing."},
    "ingest_column_unreadable": {
        "id": 'Kolom "{column}" tidak terbaca pada {n} dari {rows} baris. Perbaiki kolom ini lalu unggah lagi.',
        "en": 'Column "{column}" cannot be read in {n} of {rows} rows. Fix this column and upload again.'},
    "ingest_column_looks_like_casualties": {
        "id": 'Kolom "{header}" tampak seperti kolom korban tetapi tidak dikenali, jadi korbannya tidak akan '
              "tersimpan. Beri judul MD, LL, LB, LR, Meninggal atau Luka.",
        "en": 'Column "{header}" looks like a casualty column but is not recognised, so its casualties would '
              "not be stored. Head it MD, LL, LB, LR, Meninggal or Luka."},
    "upload_column_problems": {"id": "Masalah kolom yang harus diperbaiki", "en": "Column problems to fix"},
    "upload_suggestions": {"id": "Kategori yang diusulkan dari uraian", "en": "Categories suggested from the description"},
    "upload_suggestions_help": {
        "id": "Jenis kejadian baris-baris ini kosong, tidak dikenal atau ambigu. Terima usulan atau pilih kategori "
              "lain; pilihan Anda disimpan sebagai keputusan staf.",
        "en": "These rows' incident type is empty, unknown or ambiguous. Accept the suggestion or pick another "
              "category; your choice is stored as a staff decision."},
    "upload_col_type_written": {"id": "Jenis tertulis", "en": "Type as written"},
    "upload_col_suggested": {"id": "Kategori", "en": "Category"},
    "upload_col_decided_by": {"id": "Kata penentu", "en": "Deciding words"},
    "upload_col_category_from": {"id": "Asal kategori", "en": "Category from"},
    "category_from_kolom": {"id": "kolom jenis", "en": "type column"},
    "category_from_uraian": {"id": "uraian", "en": "description"},
    "category_from_staf": {"id": "staf", "en": "staff"},
    "filter_election_related": {"id": "Terkait pemilihan", "en": "Election-related"},
    "filter_election_yes": {"id": "Hanya terkait pemilihan", "en": "Election-related only"},
    "filter_election_no": {"id": "Hanya non-pemilihan", "en": "Not election-related only"},
    "filter_election_all": {"id": "Semua insiden", "en": "All incidents"},
    "filter_athg": {"id": "Kelas ATHG", "en": "ATHG class"},
    "filter_source": {"id": "Sumber laporan", "en": "Report source"},
    "filter_any": {"id": "Semua", "en": "All"},
    "athg_ancaman": {"id": "Ancaman", "en": "Threat"},
    "athg_tantangan": {"id": "Tantangan", "en": "Challenge"},
    "athg_hambatan": {"id": "Hambatan", "en": "Obstacle"},
    "athg_gangguan": {"id": "Gangguan", "en": "Disturbance"},
    "incidents_others_hidden": {
        "id": "Ditampilkan insiden terkait pemilihan. {n} insiden lain (kriminalitas, konflik sosial, bencana, …) "
              "tidak ditampilkan; pilih \"Semua insiden\" untuk melihatnya.",
        "en": "Showing election-related incidents. {n} other incidents (crime, social conflict, disasters, …) "
              "are not shown; choose \"All incidents\" to see them."},
    # Pages, briefing and weekly report: election-related first, the others counted beside.
    "source_unrecognised": {"id": "Tidak dikenali / tidak diisi", "en": "Not recognised / not given"},
    "athg_none": {"id": "Tanpa kelas (lainnya)", "en": "No class (other)"},
    "scope_filter_label": {"id": "Insiden yang dihitung", "en": "Incidents counted"},
    "scope_risk_unchanged": {
        "id": "Pilihan ini menyaring insiden yang dihitung dan didaftar. Skor risiko tidak berubah: skor selalu "
              "menimbang semua kategori menurut model risiko.",
        "en": "This choice filters the incidents counted and listed. Risk scores do not change: a score always "
              "weighs every category by the risk model."},
    "scope_others_beside": {"id": "{n} kejadian lain (non-pemilihan)", "en": "{n} other incidents (not election-related)"},
    "metric_incidents_election": {"id": "Insiden 7 hari terakhir (pemilihan)", "en": "Incidents, last 7 days (election)"},
    "metric_casualties_election": {"id": "Korban 7 hari terakhir (pemilihan)", "en": "Casualties, last 7 days (election)"},
    "briefing_new_incidents_election": {"id": "Insiden baru (pemilihan)", "en": "New incidents (election)"},
    "briefing_new_casualties_election": {"id": "Korban baru (pemilihan)", "en": "New casualties (election)"},
    "phase_incidents": {"id": "Insiden per tahapan", "en": "Incidents per phase"},
    "phase_incidents_caption": {
        "id": "Insiden sampai {date}, menurut tahapan tempat kejadiannya. {scope}.",
        "en": "Incidents up to {date}, by the phase they occurred in. {scope}."},
}
