"""Words of waspada.accounts: login refusals, lock-out, ended sessions, password policy and
the errors of creating and changing accounts. The domain returns Messages with these keys;
the pages and the command line render them in the reader's language."""

TEXT: dict[str, dict[str, str]] = {
    # logging in
    "account_login_ok": {"id": "Berhasil masuk.", "en": "Logged in."},
    "account_login_refused": {"id": "Nama pengguna atau kata sandi salah.", "en": "Wrong user name or password."},
    "account_was_locked": {
        "id": "Akun Anda sempat dikunci pada {when} karena {failures} percobaan masuk gagal. "
              "Jika itu bukan Anda, ganti kata sandi dan beri tahu admin.",
        "en": "Your account was locked on {when} after {failures} failed logins. "
              "If that was not you, change your password and tell an admin.",
    },
    "account_oidc_unknown": {
        "id": "Akun {email} belum terdaftar di Waspada; minta admin membuatkan akun dengan alamat surel ini.",
        "en": "{email} has no Waspada account yet; ask an admin to create one with this email address.",
    },
    "account_no_email": {"id": "(tanpa surel)", "en": "(no email)"},
    # sessions that ended (SessionCheck.reason)
    "account_session_expired": {"id": "Sesi Anda sudah berakhir; silakan masuk lagi.",
                                "en": "Your session has ended; please log in again."},
    "account_session_idle": {"id": "Sesi Anda berakhir karena lama tidak aktif; silakan masuk lagi.",
                             "en": "Your session ended after a long time without activity; please log in again."},
    "account_session_deactivated": {"id": "Akun Anda dinonaktifkan; hubungi admin.",
                                    "en": "Your account has been deactivated; contact an admin."},
    # user names, roles and scope
    "account_bad_username": {
        "id": 'nama pengguna "{username}" tidak sah: 2–64 karakter, huruf kecil, angka, titik, '
              "garis bawah, tanda hubung atau @, diawali huruf atau angka.",
        "en": 'user name "{username}" is not valid: 2–64 characters, lower-case letters, digits, dot, '
              "underscore, hyphen or @, starting with a letter or digit.",
    },
    "account_user_exists": {"id": 'nama pengguna "{username}" sudah ada.',
                            "en": 'user name "{username}" already exists.'},
    "account_unknown_user": {"id": 'pengguna "{username}" tidak ada.', "en": 'there is no user "{username}".'},
    "account_unknown_role": {"id": 'peran "{role}" tidak dikenal; pilih salah satu: {roles}.',
                             "en": 'role "{role}" is unknown; choose one of: {roles}.'},
    "account_role_not_scoped": {
        "id": "peran {role} tidak dibatasi wilayah; kosongkan daftar kabupaten/kota.",
        "en": "the role {role} is not limited to regions; leave the list of regencies/cities empty.",
    },
    "account_unknown_province": {"id": 'kode provinsi "{code}" tidak dikenal.',
                                 "en": 'province code "{code}" is unknown.'},
    "account_unknown_kabkota": {
        "id": 'kode kabupaten/kota "{code}" tidak dikenal (contoh yang sah: 65.71 Kota Tarakan).',
        "en": 'regency/city code "{code}" is unknown (a valid example: 65.71 Kota Tarakan).',
    },
    "account_regions_many_provinces": {
        "id": "kabupaten/kota {regions} berasal dari lebih dari satu provinsi; staf bertugas di satu provinsi.",
        "en": "the regencies/cities {regions} belong to more than one province; staff work in one province.",
    },
    "account_staff_needs_scope": {
        "id": "staf memerlukan provinsi (--province) atau kabupaten/kota (--regions).",
        "en": "staff need a province (--province) or regencies/cities (--regions).",
    },
    "account_regions_outside_province": {
        "id": "kabupaten/kota {regions} tidak berada di provinsi {province}.",
        "en": "the regencies/cities {regions} are not in province {province}.",
    },
    "account_scope_all_kabkota": {"id": "semua kabupaten/kota", "en": "every regency/city"},
    "account_bad_email": {"id": 'alamat surel "{email}" tidak sah.', "en": 'email address "{email}" is not valid.'},
    "account_email_taken": {"id": "alamat surel {email} sudah dipakai akun {other}.",
                            "en": "the email address {email} is already used by the account {other}."},
    "account_last_admin": {
        "id": "admin terakhir tidak dapat dinonaktifkan atau diturunkan perannya.",
        "en": "the last admin cannot be deactivated or given another role.",
    },
    # passwords
    "account_password_too_short": {"id": "kata sandi minimal {n} karakter.",
                                   "en": "a password needs at least {n} characters."},
    "account_password_is_username": {"id": "kata sandi tidak boleh sama dengan nama pengguna.",
                                     "en": "the password must not be the user name."},
    "account_password_wrong_current": {"id": "kata sandi saat ini salah.", "en": "the current password is wrong."},
    "account_password_unchanged": {"id": "kata sandi baru harus berbeda dari kata sandi saat ini.",
                                   "en": "the new password must differ from the current one."},
    # settings
    "account_settings_problem": {"id": "{file} [akun]: {problem}; memakai pengaturan bawaan.",
                                 "en": "{file} [akun]: {problem}; using the default settings."},
    "account_settings_bad_login": {"id": 'masuk = "{value}" tidak dikenal (pilih "lokal" atau "oidc")',
                                   "en": 'masuk = "{value}" is unknown (choose "lokal" or "oidc")'},
    "account_settings_not_bool": {"id": "{key} harus true atau false", "en": "{key} must be true or false"},
    "account_settings_not_positive": {"id": "nilai harus lebih dari 0", "en": "values must be greater than 0"},
}
