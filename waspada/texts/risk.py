"""Words of the risk model: the one-sentence reason behind every score, alert texts, and the
errors of the risk functions (waspada.risk)."""

TEXT: dict[str, dict[str, str]] = {
    # the reason sentence: category, the two largest components, the baseline
    "risk_reason_two": {"id": "{category} karena {first}, {second} dan {baseline}.",
                        "en": "{category} because of {first}, {second} and {baseline}."},
    "risk_reason_one": {"id": "{category} karena {first} dan {baseline}.",
                        "en": "{category} because of {first} and {baseline}."},
    "risk_reason_no_reports": {"id": "{category}: belum ada laporan; skor = {baseline}.",
                               "en": "{category}: no reports yet; score = {baseline}."},
    "risk_reason_no_reports_faded": {
        "id": "{category}: belum ada laporan dari wilayah ini, padahal provinsinya sudah melapor {days} hari; "
              "IKP kini berbobot {pct}%, skor {score}.",
        "en": "{category}: no reports from this region although its province has reported for {days} days; "
              "the IKP now weighs {pct}%, score {score}."},
    "risk_reason_prior_faded": {
        "id": "Provinsinya sudah melapor {days} hari, jadi IKP kini berbobot {pct}%.",
        "en": "Its province has reported for {days} days, so the IKP now weighs {pct}%."},
    "risk_phrase_violations": {"id": "{n} laporan pelanggaran", "en": "{n} violation reports"},
    "risk_phrase_violation_one": {"id": "{n} laporan pelanggaran", "en": "{n} violation report"},
    "risk_phrase_incidents": {"id": "{n} {label}", "en": "{n} {label} incidents"},
    "risk_phrase_incident_one": {"id": "{n} {label}", "en": "{n} {label} incident"},
    "risk_phrase_killed": {"id": "{n} meninggal", "en": "{n} killed"},
    "risk_phrase_injured": {"id": "{n} luka", "en": "{n} injured"},
    "risk_phrase_window": {"id": "dalam {days} hari terakhir", "en": "in the last {days} days"},
    "risk_phrase_recent": {"id": "{n} dalam {days} hari terakhir", "en": "{n} in the last {days} days"},
    "risk_phrase_baseline": {"id": "{source} {category} ({value})", "en": "{source} {category} ({value})"},
    "risk_baseline_ikp": {"id": "IKP 2024", "en": "IKP 2024"},
    "risk_baseline_ikp_generated": {"id": "IKP 2024 pengganti (dibangkitkan)", "en": "IKP 2024 stand-in (generated)"},
    "risk_baseline_ikp_kabkota": {"id": "IKP 2024 kab/kota", "en": "IKP 2024 of the regency/city"},
    "risk_baseline_ikp_provinsi": {"id": "IKP 2024 (dari provinsi)", "en": "IKP 2024 (from the province)"},
    "risk_baseline_ikp_provinsi_asal": {"id": "IKP 2024 (dari provinsi asal)",
                                        "en": "IKP 2024 (from the parent province)"},
    "risk_baseline_bawaan": {"id": "skor dasar bawaan", "en": "default baseline"},
    "risk_contribution_baseline": {"id": "Dasar: {source}", "en": "Baseline: {source}"},
    "risk_contribution_baseline_faded": {"id": "Dasar: {source}, berbobot {pct}%", "en": "Baseline: {source}, weighing {pct}%"},
    "risk_contribution_violations": {"id": "Laporan pelanggaran (Bawaslu)", "en": "Violation reports (Bawaslu)"},
    # alerts (waspada.risk.alerts)
    "alert_reason_rose": {"id": "Naik dari {prev} ke {now}. {reason}", "en": "Rose from {prev} to {now}. {reason}"},
    "alert_reason_surge": {"id": "Lonjakan: {n} insiden dalam {days} hari terakhir (ambang {threshold}).",
                           "en": "Surge: {n} incidents in the last {days} days (threshold {threshold})."},
    "alert_reason_death": {"id": "Korban jiwa: {n} meninggal dalam {label}{where}, {date}.",
                           "en": "Fatality: {n} killed in {label}{where}, {date}."},
    "alert_where_kecamatan": {"id": " di Kec. {kecamatan}", "en": " in {kecamatan} district"},
    "alert_summary_none": {"id": "Tidak ada peringatan.", "en": "No alerts."},
    "alert_summary": {"id": "{n} peringatan: {parts}", "en": "{n} alerts: {parts}"},
    "alert_summary_one": {"id": "{n} peringatan: {parts}", "en": "{n} alert: {parts}"},
    "alert_word_korban_jiwa": {"id": "korban jiwa", "en": "fatality"},
    "alert_word_kategori_naik": {"id": "kategori naik", "en": "category rise"},
    "alert_word_lonjakan_insiden": {"id": "lonjakan insiden", "en": "incident surge"},
    # the forward look (waspada.risk.forward)
    "forward_reason": {"id": "Rawan {category} pada tahapan sekarang; {phase} dimulai dalam {days} hari. {reason}",
                       "en": "Risk {category} in the current phase; {phase} starts in {days} days. {reason}"},
    # errors of the risk functions
    "risk_schedule_missing": {"id": "Jadwal {election} belum dimuat (tabel election_phases kosong).",
                              "en": "The schedule of {election} is not loaded (table election_phases is empty)."},
    "risk_unknown_phase": {"id": "Tahapan tidak dikenal untuk {election}: {phase!r}.",
                           "en": "Unknown phase for {election}: {phase!r}."},
    "risk_unknown_region": {"id": "Wilayah tidak dikenal: {region!r}.", "en": "Unknown region: {region!r}."},
}
