"""Words of the backtest (`waspada risk backtest`, waspada.risk.backtest): its help, its
Markdown report and its errors."""

TEXT: dict[str, dict[str, str]] = {
    "cli_risk": {"id": "model risiko: uji balik pada riwayat insiden nyata",
                 "en": "risk model: backtest on real incident history"},
    "cli_risk_backtest": {"id": "uji balik skor risiko pada riwayat SNPK yang dipindah ke kalender Pilkada 2024",
                          "en": "backtest the risk score on SNPK history moved into the Pilkada 2024 calendar"},
    "cli_risk_snpk": {"id": "folder berkas SNPK (bawaan: WASPADA_SNPK_DIR atau ../shared/data/history/snpk)",
                      "en": "folder of the SNPK files (default: WASPADA_SNPK_DIR or ../shared/data/history/snpk)"},
    "cli_risk_fit_years": {"id": "tahun untuk penyesuaian model, dipisah koma (bawaan: 1999,2000)",
                           "en": "years to fit on, comma-separated (default: 1999,2000)"},
    "cli_risk_test_years": {"id": "tahun untuk pengujian, dipisah koma (bawaan: 2001,2002)",
                            "en": "years to test on, comma-separated (default: 2001,2002)"},
    "cli_risk_out": {"id": "tulis tabel Markdown ke berkas ini (bawaan: hanya layar)",
                     "en": "write the Markdown table to this file (default: screen only)"},
    "cli_risk_years_invalid": {"id": "daftar tahun tidak terbaca: '{value}' (contoh: 2001,2002).",
                               "en": "list of years not readable: '{value}' (e.g. 2001,2002)."},
    "cli_risk_written": {"id": "Tabel ditulis: {path}", "en": "Table written: {path}"},
    "backtest_year_missing": {"id": "berkas SNPK tahun {year} tidak ada di {directory}.",
                              "en": "no SNPK file for {year} in {directory}."},
    "backtest_no_years": {"id": "tidak ada tahun yang dipilih.", "en": "no years chosen."},
    "backtest_dir_missing": {"id": "folder riwayat SNPK tidak ada: {directory} (pakai --snpk atau WASPADA_SNPK_DIR).",
                             "en": "SNPK history folder not found: {directory} (use --snpk or WASPADA_SNPK_DIR)."},
    "backtest_columns_missing": {"id": "berkas SNPK {year} tidak memuat kolom: {columns}.",
                                 "en": "the SNPK file of {year} lacks the columns: {columns}."},
    "backtest_auc_title": {"id": "AUC (utama): insiden apa pun dalam {horizon} hari berikutnya",
                           "en": "AUC (headline): any incident in the next {horizon} days"},
    "backtest_auc_counted_title": {
        "id": "AUC: insiden kategori yang memicu peringatan Pilkada (bobot > 0) dalam {horizon} hari berikutnya",
        "en": "AUC: an incident of a category that raises Pilkada alerts (weight > 0) in the next {horizon} days"},
    "backtest_auc_counted": {"id": "{group}: AUC insiden yang dihitung", "en": "{group}: AUC counted incident"},
    "backtest_auc_counted_casualties": {"id": "{group}: AUC insiden yang dihitung, berkorban",
                                        "en": "{group}: AUC counted incident with casualties"},
    "backtest_row_counted_count": {"id": "jumlah insiden kategori yang dihitung, {days} hari terakhir",
                                   "en": "the region's count of counted-category incidents, last {days} days"},
    "backtest_bands_title": {"id": "Arti kategori: wilayah-minggu yang disusul insiden dalam {horizon} hari",
                             "en": "What the bands mean: region-weeks followed by an incident within {horizon} days"},
    "backtest_national_title": {
        "id": "AUC, setiap kabupaten/kota se-Indonesia (kebanyakan di provinsi tanpa laporan: skornya IKP), "
              "insiden dalam {horizon} hari",
        "en": "AUC, every kabupaten/kota of the country (most in provinces without a report: their score is "
              "their IKP), an incident in the next {horizon} days"},
    "backtest_band": {"id": "kategori skor", "en": "score category"},
    "backtest_ranking_by": {"id": "peringkat menurut", "en": "ranking by"},
    "backtest_auc_any": {"id": "{group}: AUC insiden", "en": "{group}: AUC any incident"},
    "backtest_auc_casualties": {"id": "{group}: AUC insiden berkorban", "en": "{group}: AUC incident with casualties"},
    "backtest_row_score": {"id": "skor Waspada", "en": "Waspada's score"},
    "backtest_row_count": {"id": "jumlah insiden wilayah {days} hari terakhir",
                           "en": "the region's incident count, last {days} days"},
    "backtest_fit": {"id": "penyesuaian", "en": "fit"},
    "backtest_test": {"id": "uji", "en": "test"},
    "backtest_data_title": {"id": "Data", "en": "Data"},
    "backtest_shift": {"id": "tahun digeser", "en": "years moved by"},
    "backtest_read": {"id": "insiden dibaca", "en": "incidents read"},
    "backtest_dropped": {"id": "dibuang (alasan)", "en": "dropped (reason)"},
    "backtest_loaded": {"id": "insiden dimuat lewat pemuat", "en": "incidents stored by the loader"},
    "backtest_categories": {"id": "kategori menurut pemuat", "en": "categories the loader gave"},
    "backtest_regions": {"id": "kabupaten/kota dinilai", "en": "kabupaten/kota scored"},
    "backtest_weeks": {"id": "Senin dinilai", "en": "Mondays scored"},
    "backtest_positives": {"id": "wilayah-minggu dengan insiden yang dihitung / insiden apa pun / berkorban / semua",
                           "en": "region-weeks with a counted incident / any incident / with casualties / all"},
    "backtest_seconds": {"id": "waktu (detik)", "en": "time (seconds)"},
    "backtest_tinggi_title": {"id": "Bagian kabupaten/kota tinggi per minggu",
                              "en": "Share of kabupaten/kota tinggi per week"},
    "backtest_week": {"id": "Senin", "en": "Monday"},
    "backtest_alerts_title": {"id": "Peringatan yang disusul insiden dalam {horizon} hari",
                              "en": "Alerts followed by an incident within {horizon} days"},
    "backtest_alert_kind": {"id": "jenis peringatan (tingkat)", "en": "alert kind (level)"},
    "backtest_notes": {
        "id": "Setiap kabupaten/kota di provinsi yang dipantau SNPK dinilai tiap Senin pada tahapan hari itu; "
              "hasil = insiden di wilayah itu pada {horizon} hari sesudah Senin (Senin sendiri tidak), apa pun "
              "(utama) atau dari kategori yang memicu peringatan Pilkada; kategori diukur dengan hasil utama, "
              "peringatan dengan insiden kategori yang memicu peringatan; jumlah = "
              "insiden sampai dan termasuk Senin. AUC Mann-Whitney dengan nilai sama dihitung setengah. "
              "Tahun terakhir tiap kelompok jatuh di 2024 (hari dan bulan sama); wilayah dipetakan menurut nama "
              "di provinsinya, bukan kode BPS.",
        "en": "Every kabupaten/kota of the provinces SNPK monitored is scored each Monday in that day's phase; "
              "outcome = an incident in the region in the {horizon} days after the Monday (the Monday itself "
              "excluded), of any category (headline) or of a category that raises Pilkada alerts; bands are "
              "measured against the headline outcome, alerts against incidents of the categories that raise "
              "them; counts = incidents up to and including the Monday. Mann-Whitney AUC, ties count one "
              "half. Each group's last year falls in 2024 (same day and month); regions are mapped by name "
              "within their province, not by BPS code."},
}
