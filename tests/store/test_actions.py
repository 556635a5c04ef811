"""Actions and the public way to write their history (record_change, record_changes)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.store import WriteFailed


def _history(store, action_id):
    return store.conn.execute(
        "SELECT table_name, record_id, field, old_value, new_value, user FROM history "
        "WHERE action_id = ? ORDER BY id",
        (action_id,),
    ).fetchall()


def test_history_written_through_the_public_api(store):
    with store.action("外部写入", source="x.json") as action:
        assert store.current_action is action and store.in_action
        store.record_change("projects", 1, "scope", None, "新范围")
        store.record_changes(
            [
                ("projects", 1, "total_investment", Decimal("1"), Decimal("2.5")),
                ("projects", 1, "lists", [], ["路桥工程"]),
                ("meta", None, "x", "旧", None),
            ]
        )
        assert action.changes == 4
    assert not store.in_action
    assert _history(store, action.id) == [
        ("projects", 1, "scope", None, "新范围", "测试员"),
        ("projects", 1, "total_investment", "1.00", "2.50", "测试员"),
        ("projects", 1, "lists", "[]", '["路桥工程"]', "测试员"),
        ("meta", None, "x", "旧", None, "测试员"),
    ]
    entry = store.history(limit=1)[0]
    assert (entry.description, entry.source) == ("外部写入", "x.json")


def test_history_outside_an_action_is_a_programming_error(store):
    with pytest.raises(RuntimeError, match="inside an action"):
        store.current_action  # noqa: B018
    with pytest.raises(RuntimeError):
        store.record_change("projects", 1, "scope", None, "x")
    with pytest.raises(RuntimeError):
        store.record_changes([("projects", 1, "scope", None, "x")])


def test_many_history_rows_in_chunks_keep_their_order(store, monkeypatch):
    from desktop_app.store import store as store_module

    monkeypatch.setattr(store_module, "_ROWS_PER_INSERT", 7)
    rows = [("projects", i, "scope", None, f"第{i}行") for i in range(30)]
    statements = []
    with store.action("许多行") as action:
        store.conn.set_trace_callback(statements.append)
        store.record_changes(rows)
        store.conn.set_trace_callback(None)
    assert len([s for s in statements if s.startswith("INSERT INTO history")]) == 5  # 4 × 7 + 2
    assert [r[:5] for r in _history(store, action.id)] == [
        ("projects", i, "scope", None, f"第{i}行") for i in range(30)
    ]


def test_an_action_on_a_locked_ledger_fails_plainly_and_leaves_nothing(ledger_path, store):
    from desktop_app.store import Store

    with Store.open(ledger_path) as other:
        other.conn.execute("PRAGMA busy_timeout = 0")
        count = other.action_count()
        with store.action("占用"):
            store.record_change("meta", None, "x", None, "1")
            with pytest.raises(WriteFailed, match="另一个程序占用"), other.action("也想写"):
                pass
            assert not other.in_action
        assert other.action_count() == count + 1
