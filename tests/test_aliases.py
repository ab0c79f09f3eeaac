"""Office aliases (issue 12, teach once): made within the maker's scope, audited, used by the
next load, listed and removable; the `waspada alias` commands."""

from __future__ import annotations

import pytest

from tests.workbooks import HEADER, good_row, xlsx
from waspada.accounts import User
from waspada.aliases import AliasError, add_alias, list_aliases, remove_alias, teach_items
from waspada.cli import main
from waspada.ingest import parse_incident_file

STAF = User("budi", "Budi", "staf", "65", ("65.71", "65.02"))
OTHER = User("sari", "Sari", "staf", "65", ("65.03",))
ADMIN = User("root", "Root", "admin")
PIMPINAN = User("ketua", "Ketua", "pimpinan")


@pytest.fixture()
def db(writable_reference_db):
    return writable_reference_db


@pytest.fixture()
def accounts(fresh_accounts):
    return fresh_accounts


def _parse(db, tmp_path, region: str):
    path = xlsx(tmp_path / "laporan.xlsx", [HEADER, good_row(kabupaten_kota=region, kecamatan=None)])
    return parse_incident_file(path, db=db)


def test_a_taught_name_is_used_by_the_next_load_with_a_warning(db, accounts, tmp_path):
    before = _parse(db, tmp_path, "Kota Tarakn Raya")
    assert before.accepted.empty and before.refused_rows == 1
    [item] = teach_items(before, STAF)
    assert item.name == "Kota Tarakn Raya" and item.rows == 1
    assert set(item.choices) <= {"65.71", "65.02"} and item.choices[0] == "65.71"  # own scope, closest first

    done = add_alias(db, accounts, STAF, "Kota Tarakn Raya", "65.71")
    assert "Kota Tarakan (65.71)" in done.render("id")
    after = _parse(db, tmp_path, "Kota Tarakn Raya")
    assert after.accepted["region_code"].tolist() == ["65.71"]
    assert any("65.71" in w["message"].render("id") for w in after.warnings)

    listed = list_aliases(db)
    assert listed[["name", "code", "created_by"]].values.tolist() == [["Kota Tarakn Raya", "65.71", "budi"]]
    log = accounts.audit_log(actions=("alias_added",))
    assert log["actor"].tolist() == ["budi"] and log["target"].tolist() == ["Kota Tarakn Raya"]


def test_an_alias_never_points_outside_the_makers_scope(db, accounts):
    with pytest.raises(AliasError) as err:
        add_alias(db, accounts, STAF, "Bulungan Kota", "65.03")
    assert "65.03" in err.value.render("en")
    with pytest.raises(AliasError):
        add_alias(db, accounts, PIMPINAN, "Tarakn", "65.71")
    with pytest.raises(AliasError):  # an official name cannot be taught to mean another region
        add_alias(db, accounts, ADMIN, "Kota Tarakan", "65.02")
    with pytest.raises(AliasError):
        add_alias(db, accounts, ADMIN, "Xyz", "99.99")
    assert list_aliases(db).empty


def test_removal_by_admin_or_the_maker_only_and_audited(db, accounts, tmp_path):
    add_alias(db, accounts, STAF, "Trkn", "65.71")
    alias_id = int(list_aliases(db)["alias_id"].iloc[0])
    with pytest.raises(AliasError):
        remove_alias(db, accounts, OTHER, alias_id)
    remove_alias(db, accounts, ADMIN, alias_id)
    assert list_aliases(db).empty
    assert accounts.audit_log(actions=("alias_removed",))["actor"].tolist() == ["root"]
    assert _parse(db, tmp_path, "Trkn").accepted.empty


def test_kecamatan_alias_holds_inside_its_kabkota(db, accounts):
    from waspada.ingest.regions import resolver_for

    add_alias(db, accounts, STAF, "Tarakan Barat Pantai", "65.71.01")
    r = resolver_for(db)
    assert r.kecamatan("65.71", "Tarakan Barat Pantai").code == "65.71.01"
    assert r.kecamatan("65.02", "Tarakan Barat Pantai").code is None


def test_cli_alias_add_list_remove(db, tmp_path, capsys):
    args = ["--db", str(db.path), "--accounts-db", str(tmp_path / "acc.duckdb")]
    assert main(["alias", "add", "Trk", "65.71", "--province", "65", *args]) == 0
    assert main(["alias", "add", "Trk2", "65.71", "--province", "64", *args]) == 2
    assert main(["--lang", "en", "alias", "list", *args]) == 0
    out = capsys.readouterr()
    assert "Trk\t65.71\tKota Tarakan" in out.out and "tidak berada" in out.err
    alias_id = list_aliases(db)["alias_id"].iloc[0]
    assert main(["alias", "remove", str(alias_id), *args]) == 0
    assert main(["alias", "list", *args]) == 0
    assert "Belum ada alias" in capsys.readouterr().out
