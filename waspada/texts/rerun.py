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
}
