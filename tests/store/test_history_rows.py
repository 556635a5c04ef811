"""Many history rows in one action (record_changes / record_change_texts): every row written,
in order, with the action, time and user of the action, whatever the rows per statement."""

from __future__ import annotations

from decimal import Decimal


def _rows(store, action_id):
    return store.conn.execute(
        "SELECT action_id, at, user, table_name, record_id, field, old_value, new_value "
        "FROM history WHERE action_id = ? ORDER BY id",
        (action_id,),
    ).fetchall()


def test_every_row_in_order_whatever_the_rows_per_statement(store, monkeypatch):
    changes = [
        ("projects", i, f"f{i % 7}", None if i % 3 else f"旧{i}", f"新{i}") for i in range(1, 238)
    ]
    for per in (1, 2, 7, 100, 1000):
        monkeypatch.setattr(store.engine, "rows_per_insert", lambda per=per: per)
        with store.action(f"批量 {per}") as action:
            store.record_change_texts(changes)
            assert action.changes == len(changes)
        rows = _rows(store, action.id)
        assert [r[3:] for r in rows] == changes
        (at,) = {r[1] for r in rows}  # one time stamp: the action's
        assert {(r[0], r[2]) for r in rows} == {(action.id, "测试员")}
        assert at[:4].isdigit()


def test_values_written_as_history_text(store):
    with store.action("类型") as action:
        store.record_changes(
            [
                ("projects", 1, "total_investment", None, Decimal("12.5")),
                ("projects", 1, "lists", None, ["路桥工程", "建链强链延链补链项目"]),
                ("projects", 1, "name", "旧名", "新名"),
            ]
        )
    assert [r[6:] for r in _rows(store, action.id)] == [
        (None, "12.50"),
        (None, '["路桥工程", "建链强链延链补链项目"]'),
        ("旧名", "新名"),
    ]


def test_no_rows_no_history(store):
    with store.action("空") as action:
        store.record_change_texts([])
        assert action.changes == 0
    assert _rows(store, action.id) == []
