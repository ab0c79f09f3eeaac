"""What the fast ingest path must keep: the file's own error first, the garbage collector
back as it was, and alerts after a load identical to a full refresh."""

from __future__ import annotations

import gc
import threading

import pytest

from tests.workbooks import HEADER, csv_bytes, good_row
from waspada.ingest.errors import UnreadableFile
from waspada.ingest.read import gc_paused, read_sheets_while


def test_read_while_preparing_returns_the_sheets_and_what_was_prepared():
    sheets, prepared = read_sheets_while(csv_bytes([HEADER, good_row()]), "a.csv", lambda: "lookups")
    assert prepared == "lookups"
    assert sheets[0].rows[0][:3] == HEADER[:3]


def test_an_unreadable_file_is_the_error_even_when_preparing_failed_too():
    def prepare():
        raise RuntimeError("schedule missing")

    with pytest.raises(UnreadableFile) as caught:
        read_sheets_while(b"", "kosong.xlsx", prepare)
    assert caught.value.message.key == "ingest_file_empty"
    with pytest.raises(RuntimeError, match="schedule missing"):
        read_sheets_while(csv_bytes([HEADER, good_row()]), "a.csv", prepare)


def test_gc_paused_restores_the_collector_after_every_overlapping_parse():
    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def second():
        first_in.wait()
        with gc_paused():
            second_in.set()
            first_out.wait()
            seen["after first left"] = gc.isenabled()

    worker = threading.Thread(target=second)
    worker.start()
    with gc_paused():
        first_in.set()
        second_in.wait()
        seen["inside"] = gc.isenabled()
    first_out.set()
    worker.join()
    assert seen == {"inside": False, "after first left": False}
    assert gc.isenabled()


def test_gc_paused_leaves_a_disabled_collector_disabled_and_survives_an_error():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("bad row")
    assert gc.isenabled()
