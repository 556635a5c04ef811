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
