"""A round as columns (views/round_rows.py): the mapping a comparison reads, and the numpy
alignment of two rounds' projects."""

from __future__ import annotations

import numpy as np

from desktop_app.domain.derived import Light
from desktop_app.views.round_rows import RoundColumns, RoundRow, positions, taken

ROWS = [
    RoundRow(7, "A7", "甲", "龙山区", Light.RED, None, 0, 1200, True),
    RoundRow(3, "A3", "乙", None, Light.GREEN, 500, 900, None, False),
]


def test_columns_give_back_the_rows_they_were_made_of():
    cols = RoundColumns.of_rows(ROWS)
    assert len(cols) == 2 and list(cols) == [7, 3]
    assert dict(cols) == {7: ROWS[0], 3: ROWS[1]}
    assert 3 in cols and 4 not in cols
    assert cols[7].light is Light.RED and cols[3].lagging is False
    assert cols.plan0.tolist() == [1200, 0] and cols.month0.tolist() == [0, 500]
    regions, groups = cols.groups()
    assert regions == ["龙山区", None] and groups.tolist() == [0, 1]


def test_positions_find_each_id_or_minus_one():
    source = np.array([10, 30, 20], dtype=np.int64)
    assert positions(source, np.array([20, 10, 40], dtype=np.int64)).tolist() == [2, 0, -1]
    assert positions(source, source).tolist() == [0, 1, 2]  # the same list
    assert positions(np.array([], dtype=np.int64), source).tolist() == [-1, -1, -1]
    assert taken(["a", "b", "c"], np.array([2, -1, 0])) == ["c", None, "a"]
    assert taken([], np.array([-1, -1])) == [None, None]


def test_amounts_too_large_for_64_bits_stay_exact():
    huge = 2**70
    cols = RoundColumns.of_rows(
        [RoundRow(1, "B1", "丙", "东丰县", Light.GREEN, huge, huge, huge, False)]
    )
    assert cols.plan0.dtype == object and int(cols.plan0[0]) == huge
    assert int(cols.month0.sum()) == huge
