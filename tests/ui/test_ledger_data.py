"""The compact rows behind the ledger table: the same values as the store, searched the same
way after any edit, and shared with the dashboard only while they are current."""

from __future__ import annotations

import pytest

from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period
from desktop_app.domain.textmatch import normalize_query
from desktop_app.store import Store
from desktop_app.ui.models.project import ProjectTableModel
from desktop_app.views.ledger import (
    FIELD_INDEX,
    ROW_KEY,
    SHARED_FIELDS,
    SearchKeys,
    figs_of,
    load_ledger,
)


def test_loaded_rows_keys_and_figures_are_the_store_s(demo):
    period, t = Period(2022, 6), LightThresholds()
    data = load_ledger(demo, period, t)
    raw = demo.project_rows()
    assert [r[:ROW_KEY] + r[ROW_KEY + 1 :] for r in raw] == [
        r[:ROW_KEY] + r[ROW_KEY + 1 :] for r in data.rows
    ]
    assert all(r[ROW_KEY] is None for r in data.rows)  # keys live in data.keys only
    assert list(data.keys) == [r[ROW_KEY] for r in raw]
    figures = demo.figures(period, t)
    assert data.figs == [figs_of(figures[r[0]]) for r in raw]
    assert data.action_count == demo.action_count() and data.thresholds == t


def test_repeated_values_are_kept_once(demo):
    rows = load_ledger(demo, Period(2022, 6)).rows
    for name in SHARED_FIELDS:
        col = FIELD_INDEX[name]
        first: dict[object, object] = {}
        for r in rows:
            assert first.setdefault(r[col], r[col]) is r[col], name


KEYS = ["鑫达钢铁\x1exindagangtie\x1exdgt", "", "东丰药业\x1edongfengyaoye", "xdgt2", "a"]
NEEDLES = ["xdgt", "钢铁", "x", "a", "东丰", "gangtiex", "\x1e", "zz", "t\x1e"]


def naive(keys, needle):
    return [i for i, k in enumerate(keys) if needle in k]


def test_search_keys_find_what_a_substring_test_finds():
    keys = SearchKeys.of(KEYS)
    assert len(keys) == len(KEYS) and list(keys) == KEYS
    for needle in NEEDLES:
        assert keys.matching(needle) == naive(KEYS, needle), needle
        assert keys.among(needle, [4, 3, 0]) == [i for i in [4, 3, 0] if needle in KEYS[i]]


@pytest.mark.parametrize(
    ("keep", "new"),
    [
        (range(5), {}),
        (range(5), {1: "遼源新key", 5: "appended"}),
        ([1, 3, 4], {}),  # rows removed
        ([0, 2, 4], {2: "替换", 3: "新增一", 4: "新增二"}),
        ([0, 1, 3], {0: "首行", 1: "次行", 2: "末行"}),  # every kept row replaced
        ([], {0: "只剩新增"}),
        ([], {}),
    ],
)
def test_search_keys_after_edits_hold_the_new_keys(keep, new):
    expected = [new.get(j, KEYS[old]) for j, old in enumerate(keep)]
    expected += [new[p] for p in sorted(new) if p >= len(keep)]
    keys = SearchKeys.of(KEYS).rebuilt(keep, new)
    assert list(keys) == expected
    for needle in [*NEEDLES, "新增", "key", "ap", "行"]:
        assert keys.matching(needle) == naive(expected, needle), needle


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
