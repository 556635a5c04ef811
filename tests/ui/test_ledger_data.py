"""The ledger table's rows (desktop_app.views.ledger) in the table model and the window: searched
the same way after any edit, and shared with the dashboard only while they are current."""

from __future__ import annotations

from desktop_app.domain.textmatch import normalize_query
from desktop_app.store import Store
from desktop_app.ui.models.project import ProjectTableModel
from desktop_app.views.ledger import FIELD_INDEX


def visible_names(model):
    col = FIELD_INDEX["name"]
    return {model._rows[i][col] for i in model._view}


def search(model, text):
    from desktop_app.domain.query import ProjectQuery

    model.set_query(ProjectQuery(text))
    return visible_names(model)


def test_search_follows_edits_additions_and_deletions(store):
    model = ProjectTableModel(store)
    xd = store.find_project("LY2022-001")
    assert "鑫达钢铁180万吨热轧带钢" in search(model, "xdgt")
    store.update_project(xd.id, {"name": "辽源新材料热轧"})
    added = store.add_project({"name": "东辽河岸带修复样板"})
    gone = store.find_project("LY2022-003")
    store.delete_project(gone.id)
    model.update_projects(store.project_rows([xd.id, added.id]), {}, [gone.id])
    for text in ("xdgt", "lyxcl", "遼源", "dlhadxf", "热轧", "gangtie", "示例"):
        assert search(model, text) == {p.name for p in store.list_projects(search=text)}, text
    assert search(model, "lyxcl") == {"辽源新材料热轧"}
    assert search(model, "dlhadxf") == {"东辽河岸带修复样板"}
    assert gone.name not in search(model, "")
    assert model.total_count() == 51
    # narrowing key by key gives what a fresh search gives
    for text in ("d", "dl", "dlh", "dlha"):
        narrowed = search(model, text)
        fresh = ProjectTableModel(store)
        assert narrowed == search(fresh, text), text


def test_loaded_rows_are_offered_only_while_current(store):
    model = ProjectTableModel(store)
    loaded = model.loaded_rows()
    assert loaded is not None and loaded.rows is model._rows and len(loaded.lights) == 51
    before = list(loaded.rows)
    project = store.find_project("LY2022-001")
    store.update_project(project.id, {"name": "改名后的项目"})
    assert model.loaded_rows() is None  # the store moved on: not yet in the table
    model.update_projects(store.project_rows([project.id]), {}, [])
    assert loaded.rows == before  # what was handed out (to a worker) did not change
    again = model.loaded_rows()
    assert again is not None and "改名后的项目" in {r[FIELD_INDEX["name"]] for r in again.rows}
    assert again.keys.matching(normalize_query("gmhdxm")) != []


def test_dashboard_tab_counts_from_the_ledger_rows(make_window, demo_copy, qtbot):
    from desktop_app.domain.query import ProjectQuery
    from desktop_app.views.dashboard import dashboard_data
    from desktop_app.views.portfolio import load_portfolio

    with Store.open(demo_copy) as store:
        window = make_window(store)
        window.set_filter("region", {"东丰县"})
        window.tabs.setCurrentWidget(window.dashboard_tab)
        board = window.dashboard_tab.ensure()
        qtbot.waitUntil(lambda: board.data is not None)
        assert board.snapshot.search_keys is window.model.loaded_rows().keys  # one copy
        own = load_portfolio(store, board.period, board.thresholds)
        assert board.data == dashboard_data(own, board.query)
        assert board.query == ProjectQuery(filters={"region": frozenset({"东丰县"})})
