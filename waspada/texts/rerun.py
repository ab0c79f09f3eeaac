"""Where a region stands on a date after Pilkada 2024's schedule: a 2025 re-vote's phase, or
outside every schedule (waspada.risk.model.Standing)."""

TEXT = {
    "rerun_standing_phase": {"id": "{rerun}, tahapan {phase}", "en": "{rerun}, {phase} phase"},
    "rerun_standing_after": {"id": "di luar tahapan (setelah {phase}, {date})",
                             "en": "outside the schedule (after {phase}, {date})"},
    "rerun_standing_after_rerun": {"id": "{rerun}: di luar tahapan (setelah {phase}, {date})",
                                   "en": "{rerun}: outside the schedule (after {phase}, {date})"},
    "rerun_labelled_reason": {"id": "{standing}. {reason}", "en": "{standing}. {reason}"},
    "rerun_phase_outside": {"id": "di luar tahapan", "en": "outside the schedule"},
    "rerun_in_area": {"id": "Tahapan pemilihan ulang pada tanggal ini: {list}.",
                      "en": "Re-run phases on this date: {list}."},
    "rerun_in_area_item": {"id": "{region}: {standing}", "en": "{region}: {standing}"},
    "rerun_map_title_own_phase": {"id": "Peta kerawanan — {area}, {date} (tiap wilayah menurut tahapannya sendiri)",
                                  "en": "Risk map — {area}, {date} (each region in its own phase)"},
    "rerun_briefing_s2": {
        "id": "Pada {date} tiap wilayah menurut tahapannya sendiri (tahapan PSU/pemilihan ulang 2025, atau di luar "
              "tahapan): {tinggi} kabupaten/kota rawan tinggi, {sedang} sedang dan {rendah} rendah (dari {total}).",
        "en": "On {date} each region in its own phase (a 2025 re-vote's or re-election's, or outside the "
              "schedule): {tinggi} regencies/cities at high risk, {sedang} medium and {rendah} low (of {total})."},
}
