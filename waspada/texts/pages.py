"""The words of the pages that have their own (Laporan, Briefing, Unggah, Masuk, Ganti Kata
Sandi, Pengguna, Jejak Audit). Keys carry the page's prefix; a word the dashboard already
has (column headers such as ``date``, ``region``) is a common key. Bahasa Indonesia first.
"""

from __future__ import annotations


REPORTS: dict[str, dict[str, str]] = {  # app_pages/laporan.py
    "reports_briefing": {"id": "Briefing Forkopimda", "en": "Forkopimda briefing"},
    "reports_briefing_for": {"id": "{area}, {date}, tahapan {phase}.", "en": "{area}, {date}, phase {phase}."},
    "reports_pptx": {"id": "Unduh PowerPoint", "en": "Download PowerPoint"},
    "reports_pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "reports_open_briefing": {"id": "Buka mode briefing", "en": "Open briefing mode"},
    "reports_save": {"id": "Simpan briefing ini", "en": "Save this briefing"},
    "reports_save_help": {
        "id": "Briefing berikutnya menampilkan apa yang baru sejak briefing tersimpan terakhir (tanggal lebih awal).",
        "en": "The next briefing shows what is new since the latest saved briefing (of an earlier date).",
    },
    "reports_note": {"id": "Catatan (boleh kosong)", "en": "Note (optional)"},
    "reports_saved": {"id": "Briefing tersimpan.", "en": "Briefing saved."},
    "briefing_save_out_of_scope": {
        "id": "Briefing untuk {province} tidak disimpan: akun Anda hanya boleh menyimpan briefing untuk {scope}.",
        "en": "The briefing for {province} was not saved: your account may only save briefings for {scope}.",
    },
    "briefing_save_not_permitted": {
        "id": "Peran Anda tidak boleh menyimpan briefing.",
        "en": "Your role may not save briefings.",
    },
    "nihil_out_of_scope": {"id": "Laporan nihil untuk {region} tidak dapat dicatat: di luar wilayah tugas Anda.",
                           "en": "A nil report for {region} cannot be recorded: it is outside your regions."},
    "nihil_week_not_begun": {"id": "Minggu yang dimulai {week} belum dimulai; nihil tidak dapat dicatat.",
                             "en": "The week starting {week} has not begun; nil cannot be recorded."},
    "nihil_unknown_region": {"id": "Kode kabupaten/kota tidak dikenal: {region}.",
                             "en": "Unknown regency/city code: {region}."},
    "export_prepare": {"id": "Siapkan berkas {kind}", "en": "Prepare the {kind} file"},
    "export_failed": {
        "id": "Berkas {file} tidak dapat dibuat. Kesalahan ini sudah dicatat di log server; hubungi admin.",
        "en": "The file {file} could not be made. The error has been written to the server log; contact the admin.",
    },
    "reports_saved_list": {"id": "Briefing tersimpan", "en": "Saved briefings"},
    "reports_saved_at": {"id": "Disimpan", "en": "Saved"},
    "reports_saved_by": {"id": "Oleh", "en": "By"},
    "reports_none_saved": {"id": "Belum ada briefing tersimpan untuk provinsi ini.",
                           "en": "No saved briefing for this province yet."},
    "reports_weekly": {"id": "Laporan situasi mingguan", "en": "Weekly situation report"},
    "reports_week_of": {"id": "Minggu pelaporan (pilih tanggal mana pun di minggu itu)",
                        "en": "Reporting week (pick any day of it)"},
    "reports_signed_on": {"id": "Tanggal laporan", "en": "Report date"},
    "reports_period": {"id": "Periode {period}.", "en": "Period {period}."},
    "reports_xlsx": {"id": "Unduh Excel", "en": "Download Excel"},
    "reports_compliance": {"id": "Kepatuhan pelaporan", "en": "Reporting compliance"},
    "reports_compliance_rule": {
        "id": "Setiap kabupaten/kota melapor sekali per minggu ({first}–{last}); laporan ditunggu sampai {due} hari "
              "setelah minggu berakhir. Insiden sebuah wilayah dihitung sebagai laporannya untuk minggu terjadinya; "
              "bila tidak ada kejadian, catat nihil.",
        "en": "Every regency/city reports once a week ({first}–{last}); a report is due {due} days after the week "
              "ends. A region's incidents count as its report for the weeks they occurred in; with nothing to "
              "report, record nihil.",
    },
    "reports_nihil": {"id": "Catat laporan nihil", "en": "Record nothing to report (nihil)"},
    "reports_nihil_week": {"id": "Minggu (tanggal mana pun di minggu itu)", "en": "Week (any day of it)"},
    "reports_nihil_done": {"id": "Nihil dicatat untuk {region}, minggu {week}.",
                           "en": "Nihil recorded for {region}, week {week}."},
    "reports_nihil_exists": {"id": "Nihil untuk {region}, minggu {week} sudah tercatat.",
                             "en": "Nihil for {region}, week {week} was already recorded."},
    "reports_no_province": {"id": "Laporan dibuat per provinsi; pilih tampilan Provinsi di panel samping.",
                            "en": "Reports are per province; choose the Province view in the sidebar."},
}

BRIEFING_SCREEN: dict[str, dict[str, str]] = {  # app_pages/briefing.py (the slides' words: waspada.briefing)
    "briefing_screen_previous": {"id": "Sebelumnya", "en": "Previous"},
    "briefing_screen_next": {"id": "Berikutnya", "en": "Next"},
    "briefing_screen_settings": {"id": "Pengaturan briefing", "en": "Briefing settings"},
    "briefing_screen_auto": {"id": "Maju otomatis", "en": "Auto-advance"},
    "briefing_screen_seconds": {"id": "Detik per slide", "en": "Seconds per slide"},
    "briefing_screen_change": {"id": "Ubah provinsi, tanggal, tahapan", "en": "Change province, date, phase"},
    "briefing_screen_save": {"id": "Simpan briefing dan unduh PPTX/PDF",
                             "en": "Save the briefing, download PPTX/PDF"},
}

UPLOAD: dict[str, dict[str, str]] = {  # app_pages/unggah.py
    "upload_title": {"id": "Unggah Laporan Insiden", "en": "Upload incident reports"},
    "upload_scope": {"id": "Wilayah tugas Anda: {scope}.", "en": "Your regions: {scope}."},
    "upload_template": {"id": "Unduh templat Excel", "en": "Download the Excel template"},
    "upload_template_help": {
        "id": "Kolom, daftar pilihan kabupaten/kota, tahapan dan jenis kejadian, serta lembar Petunjuk.",
        "en": "Columns, drop-down lists of regencies/cities, phases and categories, and an instructions sheet.",
    },
    "uploader_button": {"id": "Pilih berkas", "en": "Browse files"},
    "upload_uploader": {"id": "Pilih berkas laporan (.xlsx, .xls, .csv; boleh beberapa)",
                        "en": "Choose report files (.xlsx, .xls, .csv; several allowed)"},
    "upload_checking": {"id": "Memeriksa berkas …", "en": "Checking files …"},
    "upload_refused_file": {"id": "{file}: berkas ditolak — {reason} Tidak ada yang disimpan.",
                            "en": "{file}: file refused — {reason} Nothing was stored."},
    "upload_summary": {
        "id": "{rows} baris data: {acc} akan disimpan, {ref} ditolak, {dup} duplikat, {warn} peringatan, "
              "{ign} baris diabaikan (kosong, judul, jumlah, tanda tangan).",
        "en": "{rows} data rows: {acc} to be stored, {ref} refused, {dup} duplicates, {warn} warnings, "
              "{ign} rows ignored (blank, titles, totals, signatures).",
    },
    "upload_same_file": {
        "id": "Berkas yang sama persis sudah pernah diunggah: {uploads}.",
        "en": "Exactly this file was uploaded before: {uploads}.",
    },
    "upload_same_file_item": {"id": "#{id} oleh {by}, {when}{withdrawn}", "en": "#{id} by {by}, {when}{withdrawn}"},
    "upload_withdrawn_mark": {"id": " (ditarik)", "en": " (withdrawn)"},
    "upload_accepted": {"id": "Akan disimpan", "en": "To be stored"},
    "upload_refused": {"id": "Ditolak", "en": "Refused"},
    "upload_warnings": {"id": "Peringatan (baris tetap disimpan)", "en": "Warnings (rows are still stored)"},
    "upload_duplicates": {"id": "Duplikat (tidak disimpan lagi)", "en": "Duplicates (not stored again)"},
    "upload_store": {"id": "Simpan {n} insiden dari {files} berkas", "en": "Store {n} incidents from {files} files"},
    "upload_store_none": {"id": "Simpan catatan unggahan ({files} berkas, tidak ada insiden baru)",
                          "en": "Record the upload ({files} files, no new incidents)"},
    "upload_after_store": {"id": "Insiden baru langsung tampil di halaman Insiden dan skor risiko.",
                           "en": "New incidents show at once on the Incidents page and in the risk scores."},
    "upload_history": {"id": "Riwayat unggahan", "en": "Upload history"},
    "upload_no_history": {"id": "Belum ada unggahan.", "en": "No uploads yet."},
    "upload_withdraw": {"id": "Tarik unggahan", "en": "Withdraw an upload"},
    "upload_withdraw_help": {
        "id": "Insiden dari unggahan yang ditarik hilang dari daftar dan skor; catatan unggahan dan berkas "
              "aslinya tetap disimpan. Berkas yang sama dapat diunggah lagi sesudahnya.",
        "en": "Incidents of a withdrawn upload leave lists and scores; the upload record and the original "
              "file are kept. The same file can be uploaded again afterwards.",
    },
    "upload_withdraw_item": {"id": "#{id} — {file} ({by}, {when}, {n} insiden)",
                             "en": "#{id} — {file} ({by}, {when}, {n} incidents)"},
    "upload_withdraw_reason": {"id": "Alasan (dicatat di jejak audit)", "en": "Reason (kept in the audit trail)"},
    "upload_withdraw_confirm": {"id": "Saya yakin menarik unggahan ini", "en": "I am sure I want to withdraw this upload"},
    "upload_withdraw_button": {"id": "Tarik", "en": "Withdraw"},
    "upload_withdrawn": {"id": "Unggahan #{id} ditarik: {n} insiden tidak lagi ditampilkan.",
                         "en": "Upload #{id} withdrawn: {n} incidents are no longer shown."},
    "upload_progress_done": {"id": "Selesai memeriksa {n} berkas.", "en": "Checked {n} files."},
    # column headers and cells of the preview and the history
    "upload_col_row": {"id": "Baris", "en": "Row"},
    "upload_col_column": {"id": "Kolom", "en": "Column"},
    "upload_col_message": {"id": "Pesan", "en": "Message"},
    "upload_col_kecamatan": {"id": "Kecamatan", "en": "District"},
    "upload_col_phase_from": {"id": "Tahapan dari", "en": "Phase from"},
    "upload_phase_from_file": {"id": "berkas", "en": "file"},
    "upload_phase_from_jadwal": {"id": "jadwal", "en": "schedule"},
    "upload_col_upload": {"id": "Unggahan", "en": "Upload"},
    "upload_col_file": {"id": "Berkas", "en": "File"},
    "upload_col_when": {"id": "Waktu", "en": "Time"},
    "upload_col_by": {"id": "Oleh", "en": "By"},
    "upload_col_rows": {"id": "Baris data", "en": "Data rows"},
    "upload_col_new": {"id": "Diterima", "en": "Accepted"},
    "upload_col_dups": {"id": "Duplikat", "en": "Duplicates"},
    "upload_col_refused": {"id": "Ditolak", "en": "Refused"},
    "upload_col_regions": {"id": "Wilayah", "en": "Regions"},
    "upload_col_status": {"id": "Status", "en": "Status"},
    "upload_status_active": {"id": "aktif", "en": "active"},
    "upload_status_withdrawn": {"id": "ditarik {when} oleh {by}", "en": "withdrawn {when} by {by}"},
}

LOGIN: dict[str, dict[str, str]] = {  # app_pages/masuk.py
    "login_title": {"id": "Masuk ke Waspada", "en": "Log in to Waspada"},
    "login_intro": {"id": "Dasbor kewaspadaan dini Pilkada. Masuk dengan akun yang dibuat admin kantor Anda.",
                    "en": "Pilkada early-warning dashboard. Log in with the account your office's admin created."},
    "login_username": {"id": "Nama pengguna", "en": "User name"},
    "login_password": {"id": "Kata sandi", "en": "Password"},
    "login_submit": {"id": "Masuk", "en": "Log in"},
    "login_oidc": {"id": "Masuk dengan akun kantor", "en": "Log in with the office account"},
    "login_oidc_logout": {"id": "Keluar dari akun kantor", "en": "Log out of the office account"},
    "login_oidc_missing": {
        "id": "Masuk lewat OpenID Connect dipilih (waspada.toml [akun] masuk = \"oidc\"), tetapi belum dapat "
              "dipakai: {error}. Lihat docs/accounts.md.",
        "en": "OpenID Connect login is selected (waspada.toml [akun] masuk = \"oidc\") but cannot be used: "
              "{error}. See docs/accounts.md.",
    },
    "login_no_authlib": {"id": "paket Authlib belum terpasang (pip install Authlib)",
                         "en": "the Authlib package is not installed (pip install Authlib)"},
    "login_no_admin": {
        "id": "Belum ada akun admin. Di komputer server jalankan `python -m etl ensure-admin` (atau `make run`): "
              "perintah itu membuat admin pertama dan menampilkan kata sandi sekali pakainya di terminal.",
        "en": "There is no admin account yet. On the server run `python -m etl ensure-admin` (or `make run`): "
              "it creates the first admin and prints its one-time password in the terminal.",
    },
}

PASSWORD: dict[str, dict[str, str]] = {  # app_pages/sandi.py
    "password_title": {"id": "Ganti kata sandi", "en": "Change password"},
    "password_forced": {
        "id": "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi Anda sendiri sebelum melanjutkan.",
        "en": "You logged in with a one-time password. Choose your own password before you continue.",
    },
    "password_current": {"id": "Kata sandi saat ini", "en": "Current password"},
    "password_new": {"id": "Kata sandi baru (minimal {n} karakter)", "en": "New password (at least {n} characters)"},
    "password_again": {"id": "Ulangi kata sandi baru", "en": "New password again"},
    "password_save": {"id": "Simpan kata sandi", "en": "Save password"},
    "password_mismatch": {"id": "Kedua isian kata sandi baru tidak sama.", "en": "The two new passwords differ."},
    "password_done": {"id": "Kata sandi diganti. Sesi lain akun ini diakhiri.",
                      "en": "Password changed. Other sessions of this account were ended."},
}

USERS: dict[str, dict[str, str]] = {  # app_pages/admin_pengguna.py
    "users_new": {"id": "Buat akun baru", "en": "Create an account"},
    "users_edit": {"id": "Ubah akun", "en": "Change an account"},
    "users_username": {"id": "Nama pengguna", "en": "User name"},
    "users_display": {"id": "Nama lengkap", "en": "Full name"},
    "users_role": {"id": "Peran", "en": "Role"},
    "users_province": {"id": "Provinsi (staf)", "en": "Province (staff)"},
    "users_regions_all": {"id": "Seluruh provinsi", "en": "The whole province"},
    "users_regions": {"id": "Kabupaten/kota tugas (staf; kosong = seluruh provinsi)",
                      "en": "Assigned regencies/cities (staff; empty = the whole province)"},
    "users_email": {"id": "Surel (untuk masuk lewat OpenID Connect; boleh kosong)",
                    "en": "Email (for OpenID Connect login; optional)"},
    "users_active": {"id": "Aktif", "en": "Active"},
    "users_create": {"id": "Buat akun", "en": "Create account"},
    "users_save": {"id": "Simpan perubahan", "en": "Save changes"},
    "users_reset": {"id": "Buat kata sandi sekali pakai baru", "en": "Issue a new one-time password"},
    "users_unlock": {"id": "Buka kunci", "en": "Unlock"},
    "users_otp": {"id": "Kata sandi sekali pakai untuk {name} (ditampilkan sekali ini saja; harus diganti saat masuk):",
                  "en": "One-time password for {name} (shown this once; must be changed at login):"},
    "users_saved": {"id": "Akun {name} disimpan.", "en": "Account {name} saved."},
    "users_unlocked": {"id": "Kunci akun {name} dibuka.", "en": "Account {name} unlocked."},
    "users_pick": {"id": "Akun", "en": "Account"},
    "users_col_regions": {"id": "Kab/kota", "en": "Regencies/cities"},
    "users_col_email": {"id": "Surel", "en": "Email"},
    "users_col_locked_until": {"id": "Terkunci sampai", "en": "Locked until"},
    "users_col_last_login": {"id": "Terakhir masuk", "en": "Last login"},
}

AUDIT: dict[str, dict[str, str]] = {  # app_pages/admin_audit.py
    "audit_zone_note": {"id": "Waktu ditampilkan dalam {zone}; disimpan dalam UTC.",
                        "en": "Times shown in {zone}; stored in UTC."},
    "audit_events": {"id": "Peristiwa", "en": "Events"},
    "audit_all_events": {"id": "semua", "en": "all"},
    "audit_actor_filter": {"id": "Pelaku (nama pengguna)", "en": "Actor (user name)"},
    "audit_entries": {"id": "{n} catatan.", "en": "{n} entries."},
    "audit_download": {"id": "Unduh Excel", "en": "Download Excel"},
    "audit_col_time": {"id": "Waktu", "en": "Time"},
    "audit_col_actor": {"id": "Pelaku", "en": "Actor"},
    "audit_col_target": {"id": "Sasaran", "en": "Target"},
    "audit_col_detail": {"id": "Rincian", "en": "Detail"},
    # one per waspada.accounts.AUDIT_ACTIONS (tests/test_i18n.py checks none is missing)
    "audit_action_login_success": {"id": "masuk berhasil", "en": "login succeeded"},
    "audit_action_alias_added": {"id": "alias wilayah dibuat", "en": "region alias added"},
    "audit_action_alias_removed": {"id": "alias wilayah dihapus", "en": "region alias removed"},
    "audit_action_login_failure": {"id": "masuk gagal", "en": "login failed"},
    "audit_action_login_locked": {"id": "akun terkunci", "en": "account locked"},
    "audit_action_logout": {"id": "keluar", "en": "logged out"},
    "audit_action_session_end": {"id": "sesi berakhir", "en": "session ended"},
    "audit_action_password_changed": {"id": "kata sandi diganti", "en": "password changed"},
    "audit_action_password_reset": {"id": "kata sandi sekali pakai dibuat", "en": "one-time password issued"},
    "audit_action_user_created": {"id": "akun dibuat", "en": "account created"},
    "audit_action_user_updated": {"id": "akun diubah", "en": "account changed"},
    "audit_action_user_unlocked": {"id": "kunci akun dibuka", "en": "account unlocked"},
    "audit_action_upload": {"id": "unggahan disimpan", "en": "upload stored"},
    "audit_action_upload_refused": {"id": "berkas ditolak", "en": "file refused"},
    "audit_action_nihil_recorded": {"id": "laporan nihil dicatat", "en": "nil report recorded"},
    "audit_action_nihil_refused": {"id": "laporan nihil ditolak", "en": "nil report refused"},
    "audit_action_withdrawal": {"id": "unggahan ditarik", "en": "upload withdrawn"},
    "audit_action_briefing_saved": {"id": "briefing disimpan", "en": "briefing saved"},
    "audit_action_briefing_save_refused": {"id": "penyimpanan briefing ditolak", "en": "briefing save refused"},
}

# The frame around every page (ui/sidebar.py) and column heads of shared tables (ui/widgets.py).
FRAME = {
    "language_picker": {"id": "Bahasa / Language", "en": "Bahasa / Language"},  # both: whoever reads it finds theirs
    "language_name_id": {"id": "Indonesia", "en": "Indonesian"},  # shown in its own language
    "language_name_en": {"id": "Inggris", "en": "English"},
    "col_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},  # domain words, kept in English
    "col_desa": {"id": "Desa", "en": "Desa"},
}

TEXT: dict[str, dict[str, str]] = {**FRAME, **REPORTS, **BRIEFING_SCREEN, **UPLOAD, **LOGIN, **PASSWORD, **USERS, **AUDIT}
