"""Words of Pilkada 2024 as it happened (issue 14): candidate pairs, the 2025 re-runs and
their schedules, the borrowed IKP baseline, the exposure's TPS, and the published
vulnerability mappings beside the IKP."""

TEXT: dict[str, dict[str, str]] = {
    # the score's baseline and exposure
    "realdata_baseline_ikp_provinsi": {"id": "IKP provinsi (kab/kota belum dipublikasikan)",
                                       "en": "province IKP (regency/city score not published)"},
    "realdata_exposure_tps": {"id": "TPS Pilkada 2024", "en": "Pilkada 2024 polling stations"},
    "realdata_exposure_tps_cadangan": {"id": "TPS Pemilu 2024 (angka Pilkada tidak ada)",
                                       "en": "Pemilu 2024 polling stations (no Pilkada figure)"},
    "realdata_exposure_dpt": {"id": "perkiraan dari DPT ÷ 250", "en": "estimate from the voter list ÷ 250"},
    "realdata_exposure_penduduk": {"id": "perkiraan dari jumlah penduduk ÷ 342",
                                   "en": "estimate from the population ÷ 342"},
    "realdata_exposure_tps_kabkota_dibagi": {"id": "TPS kab/kota dibagi jumlah kecamatannya",
                                             "en": "the regency/city's polling stations shared among its districts"},
    "realdata_exposure_dpt_kabkota_dibagi": {"id": "DPT kab/kota dibagi jumlah kecamatannya",
                                             "en": "the regency/city's voter list shared among its districts"},
    "realdata_exposure_acuan": {"id": "ukuran acuan (tanpa angka wilayah)", "en": "reference size (no regional figure)"},
    "realdata_exposure_line": {"id": "Skor risiko diskalakan dengan {tps} TPS ({source}).",
                               "en": "The risk score is scaled by {tps} polling stations ({source})."},
    "realdata_exposure_unscaled": {
        "id": "TPS wilayah ini: {tps} ({source}). Skor risiko tidak disesuaikan dengan ukuran wilayah: uji balik "
              "menunjukkan penyesuaian itu tidak membantu meramal.",
        "en": "This region's polling stations: {tps} ({source}). The risk score is not adjusted for the region's "
              "size: the backtest showed that adjusting did not help the prediction."},
    "realdata_dpt_line": {"id": "DPT Pilkada 2024: {value} pemilih ({source}).",
                          "en": "Pilkada 2024 voter list (DPT): {value} voters ({source})."},
    "realdata_dpt_none": {"id": "DPT Pilkada 2024 wilayah ini tidak ditemukan dalam sumber yang dipublikasikan; "
                                "tidak diperkirakan.",
                          "en": "No published Pilkada 2024 voter list (DPT) was found for this region; none is "
                                "estimated."},
    # contests and re-runs
    "realdata_race_gubernur": {"id": "gubernur", "en": "governor"},
    "realdata_race_bupati": {"id": "bupati", "en": "regent"},
    "realdata_race_walikota": {"id": "wali kota", "en": "mayor"},
    "realdata_contest": {"id": "Pilkada 2024 ({race}): {what}", "en": "Pilkada 2024 ({race}): {what}"},
    "realdata_pairs": {"id": "{n} paslon", "en": "{n} candidate pairs"},
    "realdata_single_candidate": {"id": "calon tunggal melawan kolom kosong",
                                  "en": "single candidate against the empty box (kolom kosong)"},
    "realdata_rerun_psu": {"id": "Pemungutan suara ulang (PSU) {date}", "en": "Re-vote (PSU) on {date}"},
    "realdata_rerun_ulang": {"id": "Pemilihan ulang {date} (kolom kosong menang pada 2024)",
                             "en": "Re-election on {date} (the empty box won in 2024)"},
    "realdata_rerun_scope": {"id": "— cakupan: {scope}", "en": "— scope: {scope}"},
    "realdata_schedule_estimated": {"id": "(tahapan perkiraan Waspada sampai jadwal KPU dimuat)",
                                    "en": "(phases estimated by Waspada until the KPU schedule is loaded)"},
    "realdata_schedule_loaded": {"id": "(jadwal KPU dimuat)", "en": "(KPU schedule loaded)"},
    "realdata_rerun_now": {"id": "Pada {date} wilayah ini dalam tahapan {phase} pemilihan ulangnya ({election}): "
                                  "skor {score}, {category}. {reason}",
                           "en": "On {date} this region is in the {phase} phase of its re-run ({election}): score "
                                 "{score}, {category}. {reason}"},
    "realdata_section": {"id": "Pilkada 2024 dan kerawanan yang dipublikasikan",
                         "en": "Pilkada 2024 and published vulnerability"},
    "realdata_ballot": {"id": "Surat suara", "en": "Ballot"},
    "realdata_ballot_no": {"id": "No. urut", "en": "Ballot no."},
    "realdata_pair": {"id": "Pasangan calon", "en": "Candidate pair"},
    "realdata_empty_column": {"id": "kolom kosong", "en": "empty box (kolom kosong)"},
    "realdata_no_contest": {"id": "Wilayah ini tidak memilih kepala daerah pada Pilkada 2024.",
                            "en": "This region did not elect a head of region in Pilkada 2024."},
    # published vulnerability mappings
    "realdata_vulnerability": {"id": "Kerawanan yang dipublikasikan", "en": "Published vulnerability"},
    "realdata_region": {"id": "Wilayah", "en": "Region"},
    "realdata_index": {"id": "Indeks", "en": "Index"},
    "realdata_value": {"id": "Nilai", "en": "Value"},
    "realdata_published": {"id": "Terbit", "en": "Published"},
    "realdata_source": {"id": "Sumber", "en": "Source"},
    "realdata_index_ikp2024": {"id": "IKP 2024 Bawaslu (skor)", "en": "Bawaslu IKP 2024 (score)"},
    "realdata_index_bawaslu_pemetaan_2024": {"id": "Pemetaan Kerawanan Pemilihan 2024 Bawaslu (kategori)",
                                             "en": "Bawaslu 2024 Pilkada vulnerability mapping (category)"},
    "realdata_index_polri_ipkp_2024": {"id": "IPKP Polri 2024 (skor)", "en": "Police IPKP 2024 (score)"},
    "realdata_no_vulnerability": {"id": "Tidak ada angka kerawanan yang dipublikasikan untuk wilayah ini.",
                                  "en": "No published vulnerability figure for this region."},
    # Metode page
    "realdata_method_provinces": {"id": "Kerawanan per provinsi: IKP 2024 dan Pemetaan Kerawanan 2024 Bawaslu",
                                  "en": "Vulnerability per province: IKP 2024 and Bawaslu's 2024 mapping"},
    "realdata_method_provinces_text": {
        "id": "IKP 2024 (skor 0–100, diluncurkan 16 Desember 2022) adalah skor dasar model. Untuk Pilkada, Bawaslu "
              "tidak menerbitkan indeks angka baru; Pemetaan Kerawanan Pemilihan Serentak 2024 (26 Agustus 2024) "
              "memberi kategori per provinsi (DIY tidak dipetakan). Keduanya dari pemberitaan pers atas rilis "
              "Bawaslu. Kab/kota tanpa IKP yang dipublikasikan memakai IKP provinsinya (dipetakan per pita "
              "kategori) dan alasannya menyebut itu.",
        "en": "IKP 2024 (score 0–100, launched 16 December 2022) is the model's baseline. Bawaslu published no new "
              "numeric index for the Pilkada; its Pemetaan Kerawanan Pemilihan Serentak 2024 (26 August 2024) gives "
              "a category per province (DIY is not mapped). Both come from press reports of Bawaslu's releases. A "
              "regency/city without a published IKP takes its province's (mapped band by band) and its reason "
              "says so."},
    "realdata_ikp_score": {"id": "IKP 2024 (16 Des 2022)", "en": "IKP 2024 (16 Dec 2022)"},
    "realdata_ikp_category": {"id": "Kategori IKP", "en": "IKP category"},
    "realdata_mapping_category": {"id": "Pemetaan 2024 (26 Agt 2024)", "en": "2024 mapping (26 Aug 2024)"},
    "realdata_method_reruns": {"id": "PSU dan pemilihan ulang 2025", "en": "2025 re-votes and re-elections"},
    "realdata_method_reruns_text": {
        "id": "Mahkamah Konstitusi memerintahkan 24 pemungutan suara ulang pada 24 Februari 2025; Bangka dan Kota "
              "Pangkalpinang memilih ulang pada 27 Agustus 2025 setelah kolom kosong menang. Masing-masing adalah "
              "pemilihan tersendiri yang menginduk ke Pilkada 2024. Hari pemungutan suara dari berkas; tahapan di "
              "sekitarnya mengikuti panjang tahapan Pilkada 2024 (docs/risk-model.md) sampai kantor memuat jadwal "
              "KPU dengan `waspada load-schedule BERKAS`. Insiden di wilayah itu sejak awal jadwalnya masuk ke "
              "tahapan pemilihan ulang tersebut.",
        "en": "The Constitutional Court ordered 24 re-votes on 24 February 2025; Bangka and Kota Pangkalpinang "
              "voted again on 27 August 2025 after the empty box won. Each is an election of its own pointing at "
              "Pilkada 2024. The voting day comes from the file; the phases around it follow the lengths of "
              "Pilkada 2024's phases (docs/risk-model.md) until an office loads the KPU's schedule with "
              "`waspada load-schedule FILE`. Incidents in those regions from the start of that schedule fall "
              "into its phases."},
    "realdata_kind": {"id": "Jenis", "en": "Kind"},
    "realdata_kind_psu": {"id": "PSU", "en": "re-vote (PSU)"},
    "realdata_kind_pilkada_ulang": {"id": "pemilihan ulang", "en": "re-election"},
    "realdata_vote_on": {"id": "Pemungutan suara", "en": "Voting day"},
    "realdata_scope": {"id": "Cakupan", "en": "Scope"},
    "realdata_schedule": {"id": "Jadwal", "en": "Schedule"},
    "realdata_schedule_rule": {"id": "perkiraan Waspada", "en": "Waspada's estimate"},
    "realdata_schedule_kpu": {"id": "jadwal KPU (dimuat)", "en": "KPU schedule (loaded)"},
    # briefing
    "realdata_briefing_facts": {"id": "Pilkada 2024 di {area}: {facts}.", "en": "Pilkada 2024 in {area}: {facts}."},
    "realdata_briefing_race": {"id": "{race} {what}", "en": "{race}: {what}"},
    "realdata_briefing_single": {"id": "calon tunggal di {names}", "en": "single candidate in {names}"},
    "realdata_briefing_rerun": {"id": "{what} di {name}", "en": "{what} in {name}"},
    # load-schedule
    "realdata_cli_load_schedule": {"id": "muat jadwal KPU untuk satu pemilihan (mis. PSU) dari berkas CSV",
                                   "en": "load the KPU schedule of one election (e.g. a re-vote) from a CSV file"},
    "realdata_schedule_stored": {"id": "Jadwal {election} dimuat dari {file}: {n} tahapan; {moved} insiden "
                                       "mendapat tahapan baru.",
                                 "en": "Schedule of {election} loaded from {file}: {n} stages; {moved} incidents "
                                       "moved to a new phase."},
    "realdata_schedule_unreadable": {"id": "berkas jadwal {file} tidak dapat dibaca sebagai CSV: {error}",
                                     "en": "schedule file {file} cannot be read as CSV: {error}"},
    "realdata_schedule_columns": {"id": "berkas jadwal {file} tidak memuat kolom {columns} (lihat {template})",
                                  "en": "schedule file {file} lacks the columns {columns} (see {template})"},
    "realdata_schedule_one_election": {"id": "berkas jadwal {file} harus memuat tepat satu pemilihan, tertulis: "
                                             "{elections}",
                                       "en": "schedule file {file} must hold exactly one election, it holds: "
                                             "{elections}"},
    "realdata_schedule_unknown_election": {"id": "pemilihan {election} tidak ada di basis data",
                                           "en": "election {election} is not in the database"},
    "realdata_schedule_bad_row": {"id": "baris {row} berkas jadwal: {problem}", "en": "schedule file row {row}: {problem}"},
    "realdata_schedule_bad_phase": {"id": "tahapan {phase} tidak dikenal", "en": "unknown phase {phase}"},
    "realdata_schedule_bad_date": {"id": "tanggal {value} bukan TTTT-BB-HH atau berakhir sebelum mulai",
                                   "en": "date {value} is not YYYY-MM-DD or ends before it starts"},
    "realdata_schedule_duplicate_stage": {"id": "sub-tahapan {stage} tertulis dua kali",
                                          "en": "stage {stage} is written twice"},
    "realdata_schedule_no_vote": {"id": "berkas jadwal {file} tidak memuat tahapan pemungutan_suara",
                                  "en": "schedule file {file} has no pemungutan_suara phase"},
}
