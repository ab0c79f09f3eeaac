"""The pages of issue 15 as a user meets them (AppTest): staff verify an incident on Insiden,
take an alert on Peringatan and close it; the overview counts open alerts by owner."""

from __future__ import annotations

import shutil

import pytest

from apptest_helpers import assert_clean, texts
from waspada import alert_work
from waspada.db import Database


@pytest.fixture()
def sample_copy(sample_db, tmp_path):
    """A writable copy of the sample database (the session's one stays untouched)."""
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return path


def test_staff_verify_an_incident_and_the_table_shows_it(open_app, sample_copy):
    at = open_app(sample_copy, page="insiden", params={"wilayah": "65.71"}, role="staf")
    assert_clean(at)
    form_ids = at.multiselect(key="w_verify_ids")
    first = form_ids.options[0]
    incident = int(first.split("—")[0].strip().lstrip("#"))
    form_ids.set_value([incident])
    at.selectbox(key="w_verify_decision").set_value("terverifikasi")
    at.button[[b.label for b in at.button].index("Simpan keputusan")].click().run()
    assert_clean(at)
    assert "Keputusan disimpan untuk 1 insiden." in texts(at)
    table = at.dataframe[0].value
    assert "Status" in table.columns and "terverifikasi" in set(table["Status"])
    row = Database(sample_copy).query_df("SELECT verification_status FROM visible_incidents WHERE id = ?", [incident])
    assert row["verification_status"].tolist() == ["terverifikasi"]


def test_pimpinan_see_the_status_but_no_form(open_app, sample_copy):
    at = open_app(sample_copy, page="insiden", role="pimpinan")
    assert_clean(at)
    assert "Peran Anda dapat melihat status, tetapi tidak memverifikasi." in texts(at)
    assert not [m for m in at.multiselect if m.key == "w_verify_ids"]
