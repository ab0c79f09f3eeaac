"""load-kpu / load-ikp / load-violations: same header finding, region resolution and
refusal machinery as incidents; upsert by primary key; audited in uploads."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.workbooks import csv_bytes, reference_db, xlsx
from waspada.ingest import MissingColumns
from waspada.ingest.tables import parse_ikp_file, parse_kpu_file, parse_violations_file, store_table
from waspada.paths import ROOT, TEMPLATES_DIR


@pytest.fixture()
def db(tmp_path_factory, tmp_path):
    return reference_db(tmp_path_factory, tmp_path)


def test_kpu_wide_rows_become_one_row_per_figure_with_blank_meaning_not_given():
    data = csv_bytes([["Kab/Kota", "DPT", "TPS", "Paslon", "Sumber"],
                      ["Kota Tarakan", "180.500", "", "3", "KPU Kota Tarakan"],
                      ["NTT", "", "", "4", "KPU NTT"]])
    rep = parse_kpu_file(data, "kpu.csv")
    got = rep.accepted[["region_code", "figure", "value", "of_election"]].values.tolist()
    assert got == [["65.71", "dpt", 180500, "pilkada2024"], ["65.71", "paslon", 3, "pilkada2024"],
                   ["53", "paslon", 4, "pilkada2024"]]


def test_kpu_refusals_name_row_and_column():
    data = csv_bytes([["wilayah", "dpt", "of_election"], ["Kupang", "10", ""], ["65.02", "-5", ""],
                      ["Kota Tarakan", "1", "pemilu 2024!"], ["Kota Tarakan", "-", "pilkada2024"]])
    rep = parse_kpu_file(data, "kpu.csv")
    got = [(r["row"], r["column"], str(r["reason"])[:25]) for r in rep.refused]
    assert [(g[0], g[1]) for g in got] == [(2, "wilayah"), (3, "dpt"), (5, "dpt")]
    assert str(rep.refused[2]["reason"]) == "tidak ada angka (dpt, tps atau paslon) di baris ini."
    assert "ambigu" in str(rep.refused[0]["reason"])
    # "pemilu 2024!" normalises to pemilu2024: accepted.
    assert rep.accepted["of_election"].tolist() == ["pemilu2024"]


def test_kpu_without_any_figure_column_refuses_the_file():
    with pytest.raises(MissingColumns) as err:
        parse_kpu_file(csv_bytes([["wilayah", "sumber"], ["Kota Tarakan", "x"]]), "kpu.csv")
    assert '"dpt"' in str(err.value.message)


def test_ikp_category_from_bawaslu_bands_by_level():
    data = csv_bytes([["Wilayah", "Dimensi", "Skor", "Edisi"],
                      ["Kalimantan Utara", "total", "68,5", "IKP 2024"],      # provinsi: tinggi >= 68.5
                      ["Kalimantan Utara", "Sosial Politik", "68.49", ""],    # provinsi: sedang
                      ["Kota Tarakan", "total", "49.33", ""],                 # kab/kota: tinggi >= 49.33
                      ["Kab. Malinau", "partisipasi", "13.46", ""]], sep=",")  # kab/kota: rendah <= 13.46
    rep = parse_ikp_file(data, "ikp.csv")
    assert rep.refused == [] and rep.ignored == []
    got = rep.accepted[["edition", "region_code", "dimension", "category"]].values.tolist()
    assert got == [["ikp2024", "65", "total", "tinggi"], ["ikp2024", "65", "sosial_politik", "sedang"],
                   ["ikp2024", "65.71", "total", "tinggi"], ["ikp2024", "65.02", "partisipasi", "rendah"]]


def test_ikp_refuses_scores_outside_0_100_and_unknown_dimension():
    data = csv_bytes([["wilayah", "dimensi", "skor"], ["Kota Tarakan", "total", "150"],
                      ["Kota Tarakan", "xx", "5"], ["Kota Tarakan", "total", "tinggi"]])
    rep = parse_ikp_file(data, "ikp.csv")
    assert [(r["row"], r["column"]) for r in rep.refused] == [(2, "skor"), (3, "dimensi"), (4, "skor")]
    assert rep.accepted.empty


def test_violations_type_synonyms_phase_from_column_or_date(tmp_path):
    rows = [["LAPORAN PELANGGARAN"], [],
            ["Wilayah", "Tahapan", "Jenis Pelanggaran", "Jumlah", "Tanggal"],
            ["Kota Tarakan", "Kampanye", "money politic", 3, "14/10/2024"],
            ["Kota Tarakan", None, "Pelanggaran administrasi", 2, "20 Agustus 2024"],
            ["Kab. Malinau", "Masa Tenang", "ASN", "1 kasus", None],
            ["Kab. Malinau", "kampanye", "curang", 1, None],
            ["JUMLAH", None, None, "=SUM(D4:D7)", None]]
    rep = parse_violations_file(xlsx(tmp_path / "v.xlsx", rows))
    got = rep.accepted[["region_code", "phase", "violation_type", "reports"]].values.tolist()
    assert got == [["65.71", "kampanye", "politik_uang", 3], ["65.71", "persiapan", "administrasi", 2],
                   ["65.02", "masa_tenang", "netralitas_asn", 1]]
    assert [(r["row"], r["column"]) for r in rep.refused] == [(7, "Jenis Pelanggaran")]
    assert {i["row"]: str(i["reason"]) for i in rep.ignored}[8] == "baris jumlah/total"


def test_store_upserts_by_key_and_records_upload(db, tmp_path):
    first = csv_bytes([["wilayah", "tahapan", "jenis_pelanggaran", "jumlah"], ["Kota Tarakan", "kampanye", "pidana", "2"]])
    second = csv_bytes([["wilayah", "tahapan", "jenis_pelanggaran", "jumlah"], ["Kota Tarakan", "kampanye", "pidana", "5"],
                        ["Kota Tarakan", "kampanye", "kode etik", "1"]])
    r1 = store_table(db, parse_violations_file(first, "a.csv"), first, "uji")
    r2 = store_table(db, parse_violations_file(second, "b.csv"), second, "uji")
    assert (r1.new, r1.replaced, r2.new, r2.replaced) == (1, 0, 1, 1)
    v = db.query_df("SELECT violation_type, reports, generated, upload_id FROM violations ORDER BY violation_type")
    assert v[["violation_type", "reports"]].values.tolist() == [["kode_etik", 1], ["pidana", 5]]
    assert not v["generated"].any() and set(v["upload_id"]) == {r2.upload_id}
    ups = db.query_df("SELECT kind, file_name, accepted FROM uploads ORDER BY upload_id")
    assert ups.values.tolist() == [["violations", "a.csv", 1], ["violations", "b.csv", 2]]
    assert (tmp_path / "uploads").is_dir()


def test_uploaded_kpu_figure_fills_a_region_without_a_published_one(db):
    # A real installation has no DPT for Tarakan (none was published; none is estimated).
    before = db.query_df("SELECT value, generated FROM kpu_figures WHERE region_code = '65.71' AND figure = 'dpt'")
    assert before.empty
    data = csv_bytes([["kabupaten_kota", "dpt", "sumber"], ["65.71", "180500", "KPU Kota Tarakan"]])
    result = store_table(db, parse_kpu_file(data, "kpu.csv"), data, "uji")
    assert (result.new, result.replaced) == (1, 0)
    after = db.query_df("SELECT value, generated, source FROM kpu_figures WHERE region_code = '65.71' AND figure = 'dpt'")
    assert after.values.tolist() == [[180500, False, "KPU Kota Tarakan"]]


@pytest.mark.parametrize("kind, template", [("kpu", "kpu_template.csv"), ("ikp", "ikp_template.csv"),
                                            ("violations", "violations_template.csv")])
def test_cli_loads_templates_and_skips_their_example_row(db, kind, template):
    out = subprocess.run([sys.executable, "-m", "etl", f"load-{kind}", str(TEMPLATES_DIR / template),
                          "--db", str(db.path), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout)
    assert (line["kind"], line["accepted"], line["new"]) == (kind, 0, 0)
    assert line["ignored"] == [{"row": 2, "reason": "baris contoh dari templat"}]
    assert db.query_df("SELECT kind FROM uploads")["kind"].tolist() == [kind]
