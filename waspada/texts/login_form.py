"""Words of the plain-HTTP login form at /masuk."""

TEXT: dict[str, dict[str, str]] = {
    "http_login_logged_out": {"id": "Anda telah keluar.", "en": "You have logged out."},
    "http_login_other_lang": {"id": "English", "en": "Bahasa Indonesia"},
    "http_login_bad_request": {
        "id": "Permintaan masuk ditolak: formulir tidak berasal dari halaman ini. Muat ulang halaman lalu coba lagi.",
        "en": "Login request refused: the form did not come from this page. Reload the page and try again.",
    },
    "http_login_too_many": {
        "id": "Terlalu banyak percobaan masuk dalam waktu singkat. Tunggu {seconds} detik, lalu coba lagi.",
        "en": "Too many login attempts in a short time. Wait {seconds} seconds, then try again.",
    },
}
