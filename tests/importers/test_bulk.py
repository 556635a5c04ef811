"""The cycle collector is paused while an import runs, and only then."""

from __future__ import annotations

import gc

import pytest

from desktop_app.importers import apply_preview, preview_file
from desktop_app.importers.bulk import collector_paused
from desktop_app.reports import export_report


def test_paused_inside_restored_after_even_on_errors():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer import is still running
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_import_pauses_the_collector_while_it_runs(store, empty_store, tmp_path, monkeypatch):
    path = tmp_path / "台账.xlsx"
    export_report(store, "ledger", path)
    seen = []
    real = empty_store.import_projects

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(empty_store, "import_projects", spy)
    result = apply_preview(empty_store, preview_file(empty_store, path))
    assert result.added == store.project_count()
    assert seen == [False]
    assert gc.isenabled()
