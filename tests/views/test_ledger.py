"""The compact rows behind the ledger table and the monthly grid (desktop_app.views.ledger):
the same values as the store, repeated values kept once, search keys that find what a
substring test finds, after any edit."""

from __future__ import annotations

import pytest

from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period
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
