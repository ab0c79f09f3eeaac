"""Texts of a national deployment on PostgreSQL (waspada.pg): configuration and migration."""

TEXT = {
    "config_database_url_bad": {
        "id": "{file}: [database] url harus diawali postgresql://",
        "en": "{file}: [database] url must start with postgresql://",
    },
    "cluster_cli_migrate": {
        "id": "pindahkan basis data DuckDB kantor (dan akun, arsip unggahan) ke PostgreSQL",
        "en": "move the office's DuckDB database (and accounts, upload archive) into PostgreSQL",
    },
    "cluster_cli_accounts_db": {
        "id": "berkas akun (bawaan: accounts.duckdb di samping --db)",
        "en": "accounts file (default: accounts.duckdb beside --db)",
    },
    "cluster_cli_url": {"id": "alamat PostgreSQL, postgresql://...", "en": "PostgreSQL address, postgresql://..."},
    "cluster_migrate_no_db": {"id": "basis data {db} tidak ada", "en": "database {db} does not exist"},
    "cluster_migrate_table": {"id": "  {table}: {file} baris di berkas, {pg} di PostgreSQL",
                              "en": "  {table}: {file} rows in the file, {pg} in PostgreSQL"},
    "cluster_migrate_table_differs": {"id": "  {table}: {file} baris di berkas, {pg} di PostgreSQL — BERBEDA",
                                      "en": "  {table}: {file} rows in the file, {pg} in PostgreSQL — DIFFERENT"},
    "cluster_migrate_files": {"id": "Arsip unggahan: {files} berkas di PostgreSQL ({added} baru).",
                              "en": "Upload archive: {files} files in PostgreSQL ({added} new)."},
    "cluster_migrate_file_missing": {"id": "  berkas arsip tidak ditemukan: {path}",
                                     "en": "  archived file not found: {path}"},
    "cluster_migrate_file_damaged": {"id": "  berkas arsip rusak (sha256 tidak cocok), tidak dipindahkan: {path}",
                                     "en": "  archived file damaged (sha256 does not match), not moved: {path}"},
    "cluster_migrate_done": {"id": "Selesai: jumlah baris sama di setiap tabel; {added} baris baru di PostgreSQL.",
                             "en": "Done: the same row count in every table; {added} new rows in PostgreSQL."},
    "cluster_migrate_not_identical": {
        "id": "Belum sama: periksa tabel dan berkas di atas ({added} baris baru di PostgreSQL).",
        "en": "Not identical: check the tables and files above ({added} new rows in PostgreSQL).",
    },
    "cluster_seeded": {"id": "PostgreSQL diisi dari {db}: {rows} baris.",
                       "en": "PostgreSQL filled from {db}: {rows} rows."},
    "cluster_admin_created": {
        "id": "Akun admin dibuat: {user}, kata sandi sekali pakai {password} (ganti saat masuk pertama).",
        "en": "Admin account created: {user}, one-time password {password} (change it at first login).",
    },
    "cluster_ready": {
        "id": "Waspada berjalan di {url}: {n} replika (port {ports}) di balik nginx, PostgreSQL {pg}. Ctrl-C untuk berhenti.",
        "en": "Waspada runs at {url}: {n} replicas (ports {ports}) behind nginx, PostgreSQL {pg}. Ctrl-C to stop.",
    },
}
