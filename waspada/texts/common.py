"""Words the whole dashboard shares: page names, the sidebar, tables, notices."""

TEXT: dict[str, dict[str, str]] = {
    "edition": {"id": "Edisi", "en": "Edition"},
    "page_overview": {"id": "Ringkasan", "en": "Overview"},
    "page_stages": {"id": "Tahapan", "en": "Stages"},
    "page_region": {"id": "Wilayah", "en": "Region profile"},
    "page_incidents": {"id": "Insiden", "en": "Incident log"},
    "page_method": {"id": "Metode dan Data", "en": "Method and data"},
    "page_briefing": {"id": "Briefing", "en": "Briefing"},
    "page_reports": {"id": "Laporan", "en": "Reports"},
    "view": {"id": "Cakupan", "en": "Scope"},
    "view_nasional": {"id": "Nasional", "en": "National"},
    "view_provinsi": {"id": "Provinsi", "en": "Province"},
    "province": {"id": "Provinsi", "en": "Province"},
    "region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "phase": {"id": "Tahapan", "en": "Phase"},
    "phase_auto": {"id": "Tahapan pada tanggal ini", "en": "Phase on this date"},
    "as_of": {"id": "Tanggal", "en": "Date"},
    "as_of_note_today": {"id": "Tanggal hari ini.", "en": "Today's date."},
    "as_of_note_latest": {
        "id": "Tanggal bawaan: insiden terakhir yang tercatat ({date}), karena hari ini di luar masa Pilkada 2024.",
        "en": "Default date: the latest recorded incident ({date}), because today is outside the Pilkada 2024 period.",
    },
    "as_of_note_end": {
        "id": "Tanggal bawaan: akhir jadwal ({date}), karena hari ini di luar masa Pilkada 2024.",
        "en": "Default date: end of the schedule ({date}), because today is outside the Pilkada 2024 period.",
    },
    "as_of_note_chosen": {"id": "Tanggal dipilih: {date}.", "en": "Chosen date: {date}."},
    "freshness": {"id": "Data terakhir dimuat: {when}", "en": "Data last loaded: {when}"},
    "freshness_none": {"id": "Belum ada data yang dimuat.", "en": "No data loaded yet."},
    "generated_label": {
        "id": "Data contoh (dibangkitkan), bukan data nyata",
        "en": "Sample data (generated), not real data",
    },
    "generated_detail": {
        "id": "{n} dari {total} insiden yang ditampilkan adalah data contoh yang dibangkitkan.",
        "en": "{n} of {total} incidents shown are generated sample data.",
    },
    "db_missing": {
        "id": "Basis data belum ada ({path}). Jalankan `make run` atau `python -m etl build` lalu muat ulang halaman ini.",
        "en": "The database does not exist yet ({path}). Run `make run` or `python -m etl build`, then reload this page.",
    },
    "db_error": {
        "id": "Basis data tidak dapat dibaca ({path}): {error}",
        "en": "The database cannot be read ({path}): {error}",
    },
    "no_schedule": {
        "id": "Jadwal tahapan belum dimuat. Jalankan `python -m etl build`.",
        "en": "The election schedule is not loaded. Run `python -m etl build`.",
    },
    "settings_problem": {"id": "Pengaturan kantor: {problem}", "en": "Office settings: {problem}"},
    # overview
    "phase_progress": {
        "id": "{phase}, hari ke-{day} dari {days}",
        "en": "{phase}, day {day} of {days}",
    },
    "vote_in": {"id": "pemungutan suara {n} hari lagi", "en": "voting day in {n} days"},
    "vote_today": {"id": "hari ini pemungutan suara", "en": "voting is today"},
    "vote_past": {"id": "pemungutan suara {n} hari yang lalu", "en": "voting day was {n} days ago"},
    "before_schedule": {
        "id": "Tanggal ini sebelum tahapan dimulai ({date}).",
        "en": "This date is before the schedule starts ({date}).",
    },
    "after_schedule": {
        "id": "Tanggal ini setelah seluruh tahapan selesai ({date}).",
        "en": "This date is after the whole schedule ended ({date}).",
    },
    "metric_incidents": {"id": "Insiden 7 hari terakhir", "en": "Incidents, last 7 days"},
    "metric_casualties": {"id": "Korban 7 hari terakhir", "en": "Casualties, last 7 days"},
    "metric_high": {"id": "Wilayah rawan tinggi", "en": "Regions at high risk"},
    "metric_alerts": {"id": "Peringatan terkini", "en": "Recent alerts"},  # raised in the display window
    "metric_help_7d": {
        "id": "Perubahan dibanding 7 hari sebelumnya. Korban = luka + meninggal.",
        "en": "Change against the previous 7 days. Casualties = injured + killed.",
    },
    "map_title": {"id": "Peta kerawanan — {area}, tahapan {phase}", "en": "Risk map — {area}, phase {phase}"},
    "top10": {"id": "Sepuluh wilayah paling rawan", "en": "Ten riskiest regions"},
    "new_alerts": {"id": "Peringatan terbaru", "en": "New alerts"},
    "no_alerts": {"id": "Tidak ada peringatan pada tanggal ini.", "en": "No alerts on this date."},
    "no_scores": {
        "id": "Belum ada skor risiko untuk pilihan ini.",
        "en": "No risk scores for this selection yet.",
    },
    "legend": {"id": "Kategori kerawanan", "en": "Risk category"},
    "national": {"id": "Indonesia", "en": "Indonesia"},
    "map_level": {"id": "Peta nasional menurut", "en": "National map by"},
    "map_level_provinsi": {"id": "provinsi", "en": "province"},
    "map_level_kabupaten_kota": {"id": "kabupaten/kota", "en": "regency/city"},
    # stages
    "timeline": {"id": "Jadwal Pilkada 2024", "en": "Pilkada 2024 schedule"},
    "as_of_marker": {"id": "tanggal dipilih", "en": "chosen date"},
    "heatmap": {"id": "Skor risiko per wilayah dan tahapan", "en": "Risk score by region and phase"},
    "phase_maps": {"id": "Peta per tahapan", "en": "Maps by phase"},
    "phase_not_started": {
        "id": "Tahapan {phase} belum dimulai pada tanggal ini (mulai {date}).",
        "en": "Phase {phase} has not started on this date (starts {date}).",
    },
    # region
    "score_over_time": {"id": "Skor risiko dari waktu ke waktu", "en": "Risk score over time"},
    "contributions": {"id": "Penyusun skor hari ini", "en": "What makes up today's score"},
    "ikp": {"id": "Indeks Kerawanan Pemilu (IKP) Bawaslu", "en": "Bawaslu election vulnerability index (IKP)"},
    "no_ikp": {"id": "Tidak ada nilai IKP untuk wilayah ini.", "en": "No IKP values for this region."},
    "kpu": {"id": "Data KPU", "en": "KPU figures"},
    "no_kpu": {"id": "Tidak ada data KPU untuk wilayah ini.", "en": "No KPU figures for this region."},
    "region_incidents": {"id": "Insiden di wilayah ini", "en": "Incidents in this region"},
    "no_incidents": {
        "id": "Tidak ada insiden tercatat untuk pilihan ini.",
        "en": "No incidents recorded for this selection.",
    },
    "kecamatan_ranking": {"id": "Kecamatan menurut jumlah insiden", "en": "Kecamatan by number of incidents"},
    "score": {"id": "Skor", "en": "Score"},
    "category": {"id": "Kategori", "en": "Category"},
    "reason": {"id": "Alasan", "en": "Reason"},
    "points": {"id": "Poin", "en": "Points"},
    "component": {"id": "Komponen", "en": "Component"},
    "figure": {"id": "Angka", "en": "Figure"},
    "value": {"id": "Nilai", "en": "Value"},
    "of_election": {"id": "Dari pemilihan", "en": "From election"},
    "source": {"id": "Sumber", "en": "Source"},
    "generated": {"id": "Dibangkitkan", "en": "Generated"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "dimension": {"id": "Dimensi", "en": "Dimension"},
    "name": {"id": "Nama", "en": "Name"},
    "n_incidents": {"id": "Insiden", "en": "Incidents"},
    "injured": {"id": "Luka", "en": "Injured"},
    "killed": {"id": "Meninggal", "en": "Killed"},
    "date": {"id": "Tanggal", "en": "Date"},
    # incidents
    "date_range": {"id": "Rentang tanggal", "en": "Date range"},
    "all_regions": {"id": "Semua kabupaten/kota", "en": "All regencies/cities"},
    "all_phases": {"id": "Semua tahapan", "en": "All phases"},
    "categories": {"id": "Kategori insiden", "en": "Incident categories"},
    "all_categories": {"id": "Semua kategori", "en": "All categories"},
    "counts_over_time": {"id": "Jumlah insiden per minggu menurut kategori", "en": "Incidents per week by category"},
    "incident_map": {"id": "Peta insiden", "en": "Incident map"},
    "incident_table": {"id": "Daftar insiden ({n})", "en": "Incident list ({n})"},
    "incident_table_newest": {"id": "Ditampilkan {n} insiden terbaru; unduhan Excel memuat semuanya.",
                              "en": "The newest {n} incidents are shown; the Excel download holds them all."},
    "incidents_at_place": {"id": "{place}: {n} insiden", "en": "{place}: {n} incidents"},
    "url_date_moved": {
        "id": "Tanggal dalam tautan di luar masa Pilkada 2024 dan pemilihan ulangnya; digeser ke dalam rentang "
              "{first} – {last}.",
        "en": "A date in the link lies outside the period of Pilkada 2024 and its re-runs; it was moved into "
              "{first} – {last}.",
    },
    "export_cut_mark": {"id": "… [dipotong, {n} karakter]", "en": "… [cut, {n} characters]"},
    "download_excel": {"id": "Unduh Excel (sesuai filter)", "en": "Download Excel (as filtered)"},
    "export_note": {
        "id": "Waspada — ekspor insiden; filter: {filters}; dibuat {when}",
        "en": "Waspada — incident export; filters: {filters}; made {when}",
    },
    "map_location_note": {
        "id": "Titik tanpa koordinat digambar di titik tengah kecamatannya (atau kabupaten/kotanya).",
        "en": "Incidents without coordinates are drawn at their kecamatan's (or regency's) centre.",
    },
    "region_needs_province": {
        "id": "Profil wilayah tersedia di tampilan provinsi. Pilih tampilan Provinsi di panel samping.",
        "en": "The region profile is available in the province view. Choose Province in the sidebar.",
    },
    "no_regions": {"id": "Tidak ada kabupaten/kota untuk provinsi ini.", "en": "No regencies/cities for this province."},
    "region_default_riskiest": {
        "id": "Belum ada kabupaten/kota yang dipilih: ditampilkan yang paling rawan. Pilih yang lain di panel samping.",
        "en": "No regency/city chosen yet: showing the riskiest. Choose another in the sidebar.",
    },
    "region_default_first": {
        "id": "Belum ada kabupaten/kota yang dipilih: ditampilkan yang pertama. Pilih yang lain di panel samping.",
        "en": "No regency/city chosen yet: showing the first. Choose another in the sidebar.",
    },
    "ikp_total": {"id": "Total", "en": "Total"},
    "ikp_sosial_politik": {"id": "Konteks sosial politik", "en": "Social and political context"},
    "ikp_penyelenggaraan": {"id": "Penyelenggaraan pemilu", "en": "Election administration"},
    "ikp_kontestasi": {"id": "Kontestasi", "en": "Contestation"},
    "ikp_partisipasi": {"id": "Partisipasi", "en": "Participation"},
    "ikp_generated_note": {
        "id": "baris bertanda 'Dibangkitkan: ya' adalah pengganti sementara, bukan angka Bawaslu.",
        "en": "rows marked 'Generated: yes' are stand-ins, not Bawaslu's figures.",
    },
    "kpu_dpt": {"id": "DPT (daftar pemilih tetap)", "en": "DPT (final voter list)"},
    "kpu_tps": {"id": "TPS (tempat pemungutan suara)", "en": "TPS (polling stations)"},
    "kpu_paslon": {"id": "Paslon (pasangan calon)", "en": "Paslon (candidate pairs)"},
    "kpu_generated_note": {
        "id": "baris bertanda 'Dibangkitkan: ya' adalah perkiraan, bukan angka resmi KPU.",
        "en": "rows marked 'Generated: yes' are estimates, not KPU's published figures.",
    },
    "description": {"id": "Uraian", "en": "Description"},
    "perpetrator": {"id": "Pelaku", "en": "Perpetrator"},
    "source_file": {"id": "Berkas asal", "en": "Source file"},
    "row": {"id": "baris", "en": "row"},
    "alert_kind": {"id": "Jenis", "en": "Kind"},
    "alert_lonjakan_insiden": {"id": "Lonjakan insiden", "en": "Surge of incidents"},
    "alert_kategori_naik": {"id": "Kategori naik", "en": "Category rose"},
    "alert_korban_jiwa": {"id": "Korban jiwa", "en": "Death"},
    # method
    "method_title": {"id": "Metode penilaian risiko", "en": "Risk scoring method"},
    "weights": {"id": "Bobot yang berlaku", "en": "Weights in force"},
    "sources": {"id": "Sumber data", "en": "Data sources"},
    "no_sources": {"id": "Belum ada sumber data yang dimuat.", "en": "No data sources loaded yet."},
    "labels_title": {"id": "Data nyata dan data contoh", "en": "Real and generated data"},
    "method_text": {
        "id": (
            "Setiap kabupaten/kota (dan provinsi) mendapat **skor risiko 0–100** per tahapan pada tanggal yang dipilih.\n\n"
            "1. **Titik awal** adalah skor IKP 2024 Bawaslu wilayah itu (bila tidak ada: milik kabupaten/kota atau "
            "provinsinya). Tanpa laporan apa pun, skor = IKP, sehingga peringkat dan kategori Bawaslu tetap berlaku.\n"
            "2. **Insiden** menambah poin dua kali: sebagai **lonjakan** (bobot kategorinya, menyusut separuh setiap "
            "beberapa minggu; inilah yang ditunjuk peringatan) dan sebagai **norma wilayah** (setiap insiden kekerasan, "
            "termasuk kriminalitas, menyusut jauh lebih lambat: tingkat kekerasan wilayah itu selama kira-kira setahun).\n"
            "3. **Pelanggaran** (temuan dan laporan Bawaslu) menambah poin menurut jenisnya.\n"
            "4. Begitu provinsinya mengirim laporan, **bobot IKP menyusut** sampai habis setelah setahun laporan: "
            "wilayah yang lama sepi di provinsi yang rajin melapor turun, wilayah dengan riwayat naik.\n"
            "5. Skor naik dengan setiap laporan tetapi tidak pernah mencapai 100. Semua angka (tabel di bawah) "
            "disesuaikan pada riwayat kekerasan nyata (SNPK 1999–2002) dan diuji pada tahun lain.\n\n"
            "**Kategori**: tanpa laporan memakai batas IKP Bawaslu (kabupaten/kota *tinggi* ≥ 49,33, *rendah* ≤ 13,46; "
            "provinsi *tinggi* ≥ 68,5, *rendah* < 21,7). Dengan laporan, yang lebih tinggi dari itu (untuk bagian IKP "
            "yang masih berbobot) dan batas hasil uji balik. Setiap skor disertai satu kalimat alasan dan "
            "rincian penyusunnya (halaman Wilayah)."
        ),
        "en": (
            "Every regency/city (and province) gets a **risk score from 0 to 100** per phase on the chosen date.\n\n"
            "1. **The starting point** is the region's Bawaslu IKP 2024 score (or its regency's or province's when "
            "it has none). With no reports at all the score equals the IKP, so Bawaslu's ranking and bands hold.\n"
            "2. **Incidents** add points twice: as a **surge** (their category's weight, halving every few weeks; "
            "what alerts point at) and as the **region's norm** (every violent incident, crime included, decaying "
            "far more slowly: the region's level of violence over about a year).\n"
            "3. **Violations** (Bawaslu findings and reports) add points by type.\n"
            "4. Once its province sends reports, **the IKP's weight fades**, to nothing after a year of reports: a "
            "region long quiet in a province that reports goes down, a region with a history goes up.\n"
            "5. The score rises with every report but never reaches 100. Every number (table below) is fitted on "
            "real history of violence (SNPK 1999–2002) and tested on other years.\n\n"
            "**Categories**: without reports Bawaslu's IKP bands (regency/city *high* ≥ 49.33, *low* ≤ 13.46; "
            "province *high* ≥ 68.5, *low* < 21.7). With reports, the higher of those (for the part of the IKP that "
            "still weighs) and the bands the backtest measured. Every score comes with a one-sentence reason and "
            "its breakdown (Region profile page)."
        ),
    },
    "model_version": {"id": "Versi model: {version} (berkas data/risk_model.toml)",
                      "en": "Model version: {version} (file data/risk_model.toml)"},
    "section": {"id": "Bagian", "en": "Section"},
    "setting": {"id": "Pengaturan", "en": "Setting"},
    "note": {"id": "Keterangan", "en": "Note"},
    "dataset": {"id": "Data", "en": "Dataset"},
    "origin": {"id": "Asal", "en": "Origin"},
    "rows": {"id": "Baris", "en": "Rows"},
    "loaded_at": {"id": "Dimuat", "en": "Loaded"},
    "labels_text": {
        "id": (
            "Data nyata (wilayah Kemendagri, jadwal PKPU 2/2024, TPS Pemilu 2024, IKP 2024 yang dipublikasikan) "
            "ditandai *Dibangkitkan: tidak*. Data contoh atau perkiraan ditandai *Dibangkitkan: ya*, nama berkasnya "
            "berakhiran `_generated`, dan setiap halaman yang menampilkannya memuat tanda "
            "**Data contoh (dibangkitkan), bukan data nyata**."
        ),
        "en": (
            "Real data (Kemendagri regions, the PKPU 2/2024 schedule, Pemilu 2024 polling stations, published IKP "
            "2024) is marked *Generated: no*. Sample or estimated data is marked *Generated: yes*, its file name ends "
            "in `_generated`, and every page that shows it carries the label "
            "**Sample data (generated), not real data**."
        ),
    },
    "generated_counts": {
        "id": "{incidents} dari {total} insiden dan {sources} sumber data adalah data contoh.",
        "en": "{incidents} of {total} incidents and {sources} data sources are generated.",
    },
}
