"""create-user, ensure-admin, make-template: accounts and the staff template from the command line.

    python -m etl create-user budi --role staf --regions 65.71,65.02 [--password-stdin]
    python -m etl ensure-admin          # `make run` calls it: a fresh install always has an admin
    python -m etl make-template [--province 65] [--out data/templates/Template_Laporan_Insiden.xlsx]

Accounts live in their own file (accounts.duckdb beside the main database, or
WASPADA_ACCOUNTS_DB); see docs/accounts.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from waspada.paths import TEMPLATES_DIR

CLI_ACTOR = "cli"


def register(sub, default_db: str) -> None:
    """Add the account and template subcommands to the etl parser."""
    p = sub.add_parser("create-user", help="buat akun (admin, staf atau pimpinan)")
    p.add_argument("name", metavar="NAME", help="nama pengguna (huruf kecil, angka, . _ - @)")
    p.add_argument("--role", required=True, choices=("admin", "staf", "pimpinan"))
    p.add_argument("--province", default=None, help="kode provinsi staf, contoh 65")
    p.add_argument("--regions", default="", help="kode kabupaten/kota staf dipisah koma, contoh 65.71,65.02 "
                                                  "(kosong: semua kabupaten/kota provinsinya)")
    p.add_argument("--display-name", default=None, help="nama lengkap yang ditampilkan")
    p.add_argument("--email", default=None, help="alamat surel (untuk masuk lewat OpenID Connect)")
    p.add_argument("--password-stdin", action="store_true",
                   help="baca kata sandi dari masukan standar; tanpa ini dibuat kata sandi sekali pakai")
    _db_args(p, default_db)
    p.set_defaults(func=run_create_user)

    p = sub.add_parser("ensure-admin", help="buat admin dengan kata sandi sekali pakai bila belum ada admin")
    _db_args(p, default_db)
    p.set_defaults(func=run_ensure_admin)

    p = sub.add_parser("make-template", help="tulis templat Excel laporan insiden")
    p.add_argument("--province", default=None, help="hanya kabupaten/kota provinsi ini di daftar pilihan")
    p.add_argument("--out", default=None, help="bawaan: data/templates/Template_Laporan_Insiden.xlsx")
    p.set_defaults(func=run_make_template)


def _db_args(p, default_db: str) -> None:
    p.add_argument("--db", default=default_db, help="basis data utama (akun disimpan di sebelahnya)")
    p.add_argument("--accounts-db", default=None, help="berkas akun (bawaan: accounts.duckdb di sebelah --db, "
                                                       "atau WASPADA_ACCOUNTS_DB)")


def _accounts(args):
    from waspada.accounts import Accounts, accounts_path

    return Accounts.open(Path(args.accounts_db) if args.accounts_db else accounts_path(args.db))


def run_create_user(args) -> int:
    from waspada.accounts import AccountError

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    accounts = _accounts(args)
    regions = [c.strip() for c in args.regions.split(",") if c.strip()]
    try:
        user, one_time = accounts.create_user(args.name, args.role, actor=CLI_ACTOR, display_name=args.display_name,
                                              province=args.province, regions=regions, email=args.email,
                                              password=password)
    except AccountError as exc:
        print(f"GAGAL: {exc}", file=sys.stderr)
        return 2
    from waspada.accounts import scope_description

    print(f"Akun {user.username} dibuat: {scope_description(user)} (berkas akun {accounts.db.path}).")
    if one_time:
        print(f"Kata sandi sekali pakai: {one_time}")
        print("Berikan kepada pemilik akun; kata sandi harus diganti saat pertama masuk.")
    return 0


def run_ensure_admin(args) -> int:
    accounts = _accounts(args)
    created = accounts.ensure_admin()
    if created is None:
        print(f"Akun admin sudah ada ({accounts.db.path}); tidak ada yang diubah.")
        return 0
    name, password = created
    bar = "=" * 66
    print(bar)
    print("Belum ada admin: akun admin pertama dibuat.")
    print(f"  nama pengguna          : {name}")
    print(f"  kata sandi sekali pakai: {password}")
    print("Masuk dengan akun ini lalu ganti kata sandinya (diminta otomatis).")
    print("Kata sandi ini hanya ditampilkan sekali; bila hilang, jalankan:")
    print(f"  python -m etl create-user admin-baru --role admin")
    print(bar)
    return 0


def run_make_template(args) -> int:
    from waspada.template_xlsx import FILE_NAME, build_template

    out = Path(args.out) if args.out else TEMPLATES_DIR / FILE_NAME
    try:
        data = build_template(args.province)
    except ValueError:
        print(f"GAGAL: kode provinsi '{args.province}' tidak dikenal.", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"Templat ditulis: {out} ({len(data):,} bait).".replace(",", "."))
    return 0
