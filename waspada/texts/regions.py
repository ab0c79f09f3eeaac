"""Words of region names read through aliases, translations and successors
(waspada.ingest.regions), of office aliases (waspada.aliases, `waspada alias`), of the
teach-once section of the upload preview and of the alias admin page."""

TEXT: dict[str, dict[str, str]] = {
    # -- the resolver (waspada/ingest/regions.py)
    "regions_read_as": {"id": '"{raw}" dibaca sebagai {name} ({code}).',
                        "en": '"{raw}" was read as {name} ({code}).'},
    "regions_read_in_successor": {
        "id": '"{raw}" dibaca sebagai {name} ({code}), kini di provinsi {province} (pemekaran dari {former}).',
        "en": '"{raw}" was read as {name} ({code}), now in the province of {province} (split from {former}).'},
    "regions_unknown_closest": {"id": 'kabupaten/kota "{raw}" tidak dikenali; yang paling mirip: {options}.',
                                "en": 'regency/city "{raw}" was not recognised; the closest: {options}.'},
    "regions_unknown_closest_in_province": {
        "id": 'kabupaten/kota "{raw}" tidak dikenali di provinsi {province}; yang paling mirip: {options}.',
        "en": 'regency/city "{raw}" was not recognised in the province of {province}; the closest: {options}.'},
    # -- office aliases (waspada/aliases.py)
    "alias_added": {"id": 'Alias "{name}" kini dibaca sebagai {region} ({code}).',
                    "en": 'Alias "{name}" is now read as {region} ({code}).'},
    "alias_removed": {"id": 'Alias "{name}" ({region}, {code}) dihapus.',
                      "en": 'Alias "{name}" ({region}, {code}) was removed.'},
    "alias_unknown_code": {"id": 'kode wilayah "{code}" tidak ada dalam daftar Kemendagri (kabupaten/kota atau kecamatan).',
                           "en": 'region code "{code}" is not in the Kemendagri list (regency/city or kecamatan).'},
    "alias_outside_scope": {"id": "{region} ({code}) di luar wilayah tugas Anda; alias tidak dibuat.",
                            "en": "{region} ({code}) is outside your area; no alias was made."},
    "alias_province_mismatch": {"id": "{region} ({code}) tidak berada di provinsi {province}.",
                                "en": "{region} ({code}) is not in the province {province}."},
    "alias_empty_name": {"id": "nama alias kosong.", "en": "the alias name is empty."},
    "alias_is_official": {"id": '"{name}" sudah dikenali sebagai {region} ({code}); alias tidak diperlukan.',
                          "en": '"{name}" is already recognised as {region} ({code}); no alias is needed.'},
    "alias_exists": {"id": 'alias "{name}" sudah ada dan menunjuk {region} ({code}); hapus dulu bila salah.',
                     "en": 'alias "{name}" already exists and points to {region} ({code}); remove it first if wrong.'},
    "alias_not_found": {"id": "alias nomor {alias_id} tidak ada.", "en": "alias number {alias_id} does not exist."},
    "alias_not_allowed": {"id": "peran Anda tidak boleh mengubah alias wilayah.",
                          "en": "your role may not change region aliases."},
    # -- the command line (waspada/cli/alias.py)
    "cli_alias": {"id": "alias nama wilayah yang diajarkan kantor (tambah, daftar, hapus)",
                  "en": "region-name aliases the office taught (add, list, remove)"},
    "cli_alias_add": {"id": "ajarkan satu nama: NAMA dibaca sebagai KODE", "en": "teach one name: NAME is read as CODE"},
    "cli_alias_name": {"id": "nama seperti tertulis di berkas", "en": "the name as files write it"},
    "cli_alias_code": {"id": "kode Kemendagri kabupaten/kota (64.02) atau kecamatan (64.02.01)",
                       "en": "Kemendagri code of the regency/city (64.02) or kecamatan (64.02.01)"},
    "cli_alias_province": {"id": "provinsi tempat nama ini berlaku (kode, mis. 64)",
                           "en": "the province where this name holds (code, e.g. 64)"},
    "cli_alias_list": {"id": "daftar alias kantor", "en": "list the office's aliases"},
    "cli_alias_remove": {"id": "hapus alias menurut nomornya (lihat `alias list`)",
                         "en": "remove an alias by its number (see `alias list`)"},
    "cli_alias_id": {"id": "nomor alias", "en": "alias number"},
    "cli_alias_by": {"id": "nama pengguna yang tercatat membuat/menghapus (bawaan: sistem)",
                     "en": "user name recorded as making/removing it (default: system)"},
    "cli_alias_none": {"id": "Belum ada alias kantor.", "en": "No office aliases yet."},
    "cli_alias_row": {"id": "{alias_id}\t{name}\t{code}\t{region}\toleh {by}, {when}",
                      "en": "{alias_id}\t{name}\t{code}\t{region}\tby {by}, {when}"},
    # -- teach once in the upload preview (app_pages/unggah.py)
    "teach_title": {"id": "Nama wilayah yang belum dikenali", "en": "Region names not yet recognised"},
    "teach_help": {"id": "Pilih wilayah yang dimaksud. Pilihan berlaku untuk baris berkas ini dan menjadi alias "
                         "kantor untuk unggahan berikutnya (tercatat di log audit).",
                   "en": "Choose the region meant. The choice applies to this file's rows and becomes an office "
                         "alias for later uploads (recorded in the audit log)."},
    "teach_name_rows": {"id": '"{name}" ({rows} baris)', "en": '"{name}" ({rows} rows)'},
    "teach_choose": {"id": "wilayah yang dimaksud", "en": "the region meant"},
    "teach_none": {"id": "— pilih —", "en": "— choose —"},
    "teach_button": {"id": "Ajarkan", "en": "Teach"},
    # -- admin page (app_pages/admin_alias.py)
    "page_aliases": {"id": "Alias Wilayah", "en": "Region aliases"},
    "aliases_title": {"id": "Alias nama wilayah", "en": "Region-name aliases"},
    "aliases_caption": {"id": "Nama yang diajarkan staf saat mengunggah. Setiap unggahan dan muat CLI berikutnya "
                              "memakainya; hapus yang salah.",
                        "en": "Names staff taught while uploading. Every later upload and CLI load uses them; "
                              "remove wrong ones."},
    "aliases_none": {"id": "Belum ada alias.", "en": "No aliases yet."},
    "aliases_col_id": {"id": "No.", "en": "No."},
    "aliases_col_name": {"id": "Nama", "en": "Name"},
    "aliases_col_region": {"id": "Wilayah", "en": "Region"},
    "aliases_col_by": {"id": "Oleh", "en": "By"},
    "aliases_col_when": {"id": "Waktu", "en": "When"},
    "aliases_remove_pick": {"id": "Alias yang dihapus", "en": "Alias to remove"},
    "aliases_remove": {"id": "Hapus alias", "en": "Remove alias"},
}
