"""Words of the login gate in the app and the sidebar's account block."""

TEXT: dict[str, dict[str, str]] = {
    "page_login": {"id": "Masuk", "en": "Log in"},
    "page_password": {"id": "Ganti Kata Sandi", "en": "Change password"},
    "page_upload": {"id": "Unggah Laporan", "en": "Upload reports"},
    "page_users": {"id": "Pengguna", "en": "Users"},
    "page_audit": {"id": "Jejak Audit", "en": "Audit trail"},
    "logged_in_as": {"id": "Masuk sebagai {name}\n{scope}", "en": "Logged in as {name}\n{scope}"},
    "logout": {"id": "Keluar", "en": "Log out"},
    "not_allowed": {
        "id": "Halaman ini tidak tersedia untuk peran Anda ({role}).",
        "en": "This page is not available to your role ({role}).",
    },
    "notice_close": {"id": "Tutup pemberitahuan", "en": "Close this notice"},
    "page_not_for_role": {
        "id": "Halaman {page} tidak tersedia untuk peran Anda ({role}); Anda dibawa ke Ringkasan.",
        "en": "The page {page} is not available to your role ({role}); you have been taken to the Overview.",
    },
}
