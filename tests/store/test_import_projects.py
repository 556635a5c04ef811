"""Store.import_projects: a whole imported ledger as one action, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.store import ValidationFailed


def test_new_and_changed_projects_in_one_action(store):
    pid = store.find_project("LY2022-001").id
    version = store.get_project(pid).version
    actions = store.action_count()
    first_new = store.next_code()
    prefix, _, number = first_new.rpartition("-")
    taken = f"{prefix}-{int(number) + 1:03d}"
    added, changed = store.import_projects(
        [{"name": "导入甲"}, {"name": "导入乙", "code": taken}, {"name": "导入丙"}],
        [(pid, {"total_investment": Decimal("185000")}, version)],
        source="台账.xlsx",
    )
    assert (added, changed) == (3, 1)
    assert store.action_count() == actions + 1
    codes = {p.name: p.code for p in store.projects()}
    assert codes["导入甲"] == first_new
    assert codes["导入乙"] == taken
    assert codes["导入丙"] == f"{prefix}-{int(number) + 2:03d}"  # skips the code given in the file
    entry = store.history(limit=1)[0]
    assert entry.source == "台账.xlsx" and "新增3个、修改1个" in entry.description
    assert store.get_project(pid).total_investment == Decimal("185000.00")


def test_one_bad_project_writes_nothing(store):
    before = (store.project_count(), store.action_count())
    with pytest.raises(ValidationFailed):
        store.import_projects(
            [{"name": "好项目"}, {"name": "坏项目", "region": "火星区"}], [], source="x.xlsx"
        )
    assert (store.project_count(), store.action_count()) == before
    assert not any(p.name == "好项目" for p in store.projects())


def _varied(count: int) -> list[dict]:
    regions = ["龙山区", "东丰县", None]
    return [
        {
            "name": f"重庆银行长春分行{i}号楼" if i % 3 else f"  鑫达钢铁{i}万吨  ",
            "owner": "遼源經濟開發區" if i % 2 else None,
            "region": regions[i % 3],
            "sector": "工业",
            "lists": ["路桥工程"] if i % 4 == 0 else [],
            "scope": "年产10万吨abc钢铁项目二期",
            "total_investment": Decimal(f"{i}.456"),
            "annual_plan": Decimal(i) if i % 5 else None,
            "planned_start": "2022-03",
            "status": "在建",
            "leader": "王市长",
        }
        for i in range(count)
    ]


def _rows(store, sql):
    return store.conn.execute(sql).fetchall()


def test_many_projects_are_stored_as_if_added_one_by_one(empty_store, tmp_path, monkeypatch):
    from desktop_app.store import Store
    from desktop_app.store import store as store_module

    monkeypatch.setattr(store_module, "_ROWS_PER_INSERT", 7)  # several statements, a remainder
    records = _varied(30)
    assert empty_store.import_projects(records, [], source="台账.xlsx") == (30, 0)
    one_by_one = Store.create(tmp_path / "one_by_one.sqlite", portfolio=False)
    for record in records:
        one_by_one.add_project(record)
    projects = (
        "SELECT id, code, name, owner, region, y.lists, total_investment, y.annual_plan, "
        "planned_start, search_key, p.version, is_sample FROM projects p "
        "JOIN project_years y ON y.project_id = p.id ORDER BY id"
    )
    history = (
        "SELECT table_name, record_id, field, old_value, new_value FROM history "
        "WHERE table_name = 'projects' ORDER BY id"
    )
    assert _rows(empty_store, projects) == _rows(one_by_one, projects)
    assert len(_rows(empty_store, projects)) == 30
    assert _rows(empty_store, history) == _rows(one_by_one, history)
    one_action = "SELECT count(DISTINCT action_id) FROM history WHERE table_name = 'projects'"
    assert _rows(empty_store, one_action) == [(1,)]
    one_by_one.close()


def test_a_row_sqlite_refuses_is_named_and_nothing_is_written(empty_store, monkeypatch):
    from desktop_app.store import CodeEntry
    from desktop_app.store import store as store_module

    monkeypatch.setattr(store_module, "_ROWS_PER_INSERT", 7)
    # in the code list, so validation lets it through; the ledger's schema does not
    empty_store.save_code(CodeEntry("status", "暂停"))
    records = _varied(20)
    records[12]["status"] = "暂停"
    before = (empty_store.project_count(), empty_store.action_count())
    with pytest.raises(ValidationFailed) as refused:
        empty_store.import_projects(records, [], source="台账.xlsx")
    with pytest.raises(ValidationFailed) as alone:
        empty_store.add_project(records[12])
    assert str(refused.value) == str(alone.value)
    assert "数据不符合要求" in str(refused.value)
    assert (empty_store.project_count(), empty_store.action_count()) == before
