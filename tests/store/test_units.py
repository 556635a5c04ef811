"""The unit directory (issue 17, item 1): every 责任单位 the projects name is in it, with a short
name, a contact and a phone; renamed with its projects; the returns' deadline and the office's
contact are ledger settings."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from desktop_app.store import ConflictError, Store, StoreError, Unit, schema
from desktop_app.store.schema_check import schema_problems
from tests.conftest import FIXTURES


def _departments_in_order(path) -> list[str]:
    conn = sqlite3.connect(path)
    seen: dict[str, None] = {}
    for (name,) in conn.execute("SELECT department FROM projects ORDER BY id"):
        if name and name.strip():
            seen.setdefault(name.strip(), None)
    conn.close()
    return list(seen)


@pytest.mark.parametrize(
    "fixture", ["ledger_schema_v1.sqlite", "ledger_schema_v3.sqlite", "ledger_schema_v6.sqlite"]
)
def test_older_ledgers_get_a_directory_of_every_unit_their_projects_name(fixture, tmp_path):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    expected = _departments_in_order(path)
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION >= 8
        assert schema_problems(s.conn, schema.SCHEMA_VERSION) == []
        units = s.units()
        assert [u.name for u in units] == expected
        assert all(u.listed and u.projects > 0 for u in units)
        assert sum(u.projects for u in units) == sum(
            1 for p in s.projects() if p.department and p.department.strip()
        )


def _with_units(store: Store) -> Store:
    for code, department in (("U-1", "市工信局"), ("U-2", "市工信局"), ("U-3", "东丰县政府")):
        store.add_project({"code": code, "name": f"项目{code}", "department": department})
    store.import_units([{"name": "市工信局"}, {"name": "东丰县政府"}], source="单位.xlsx")
    return store


def test_a_unit_gets_its_contact_in_one_action_and_a_stale_copy_is_refused(empty_store):
    store = _with_units(empty_store)
    unit = store.unit("市工信局")
    assert (unit.listed, unit.projects) == (True, 2)
    before = store.action_count()
    saved = store.save_unit(
        Unit("市工信局", short_name="工信局", contact="张科长", phone="0437-3212345",
             sort_order=unit.sort_order, version=unit.version)
    )  # fmt: skip
    assert (saved.label, saved.contact, saved.phone) == ("工信局", "张科长", "0437-3212345")
    assert store.action_count() == before + 1
    fields = {h.field: h.new_value for h in store.history(table="units")[:3]}
    assert fields["市工信局.contact"] == "张科长"
    with pytest.raises(ConflictError, match="已被他人修改"):
        store.save_unit(Unit("市工信局", contact="王", version=unit.version))


def test_renaming_a_unit_renames_it_on_its_projects(empty_store):
    store = _with_units(empty_store)
    unit = store.unit("市工信局")
    store.save_unit(
        Unit("辽源市工业和信息化局", short_name="工信局", version=unit.version), old_name="市工信局"
    )
    assert {p.department for p in store.projects()} == {"辽源市工业和信息化局", "东丰县政府"}
    assert store.unit("市工信局") is None
    assert store.unit("辽源市工业和信息化局").projects == 2
    with pytest.raises(StoreError, match="已有名为“东丰县政府”"):
        renamed = store.unit("辽源市工业和信息化局")
        store.save_unit(Unit("东丰县政府", version=renamed.version), old_name=renamed.name)


def test_a_name_typed_on_a_project_after_the_directory_is_listed_unlisted(empty_store):
    store = _with_units(empty_store)
    store.add_project({"code": "U-4", "name": "新项目", "department": "市住建局"})
    last = store.units()[-1]
    assert (last.name, last.listed, last.projects) == ("市住建局", False, 1)
    added, changed = store.import_units(
        [{"name": "市住建局", "contact": "李", "phone": "13800000000"},
         {"name": "东丰县政府", "contact": "赵"}],
        source="单位.xlsx",
    )  # fmt: skip
    assert (added, changed) == (1, 1)
    assert store.unit("市住建局").listed and store.unit("东丰县政府").contact == "赵"
    assert store.history(table="units")[0].source == "单位.xlsx"


def test_a_unit_in_use_is_not_deleted_and_bad_values_are_named(empty_store):
    store = _with_units(empty_store)
    with pytest.raises(StoreError, match="还有 1 个项目的责任单位是“东丰县政府”"):
        store.delete_unit("东丰县政府")
    with pytest.raises(StoreError, match="电话“张三”应为数字"):
        store.save_unit(Unit("市财政局", phone="张三"))
    with pytest.raises(StoreError, match="单位名称不能为空"):
        store.save_unit(Unit("  "))
    store.save_unit(Unit("市财政局", phone="0437-1234567转8"))
    store.delete_unit("市财政局")
    assert store.unit("市财政局") is None


def test_the_deadline_is_a_day_of_the_next_month_and_a_setting(empty_store):
    assert empty_store.report_deadline("2022-07") == dt.date(2022, 8, 5)
    assert empty_store.report_deadline("2022-12") == dt.date(2023, 1, 5)
    empty_store.set_return_settings(deadline_day=10, contact="规划科 王", phone="0437-3300000")
    assert empty_store.report_deadline("2022-07") == dt.date(2022, 8, 10)
    assert empty_store.office_contact() == ("规划科 王", "0437-3300000")
    with pytest.raises(StoreError, match="1～28 日"):
        empty_store.set_return_settings(deadline_day=31)


def test_units_import_is_one_action(empty_store):
    store = _with_units(empty_store)
    before = store.action_count()
    store.import_units([{"name": f"单位{i}"} for i in range(30)], source="x.xlsx")
    assert store.action_count() == before + 1
    assert len([u for u in store.units() if u.name.startswith("单位")]) == 30


def test_the_change_history_names_the_unit_and_its_field(empty_store):
    from desktop_app.views.history import history_lines

    store = _with_units(empty_store)
    unit = store.unit("市工信局")
    store.save_unit(Unit("市工信局", contact="张科长", sort_order=1, version=unit.version))
    entries = store.history(table="units")
    line = history_lines(entries[:1], store.history_subjects(entries[:1]))[0]
    assert (line.subject, line.field, line.new) == ("责任单位 · 市工信局", "联系人", "张科长")


def test_every_ledger_has_its_own_identifier(empty_store, tmp_path):
    with Store.create(tmp_path / "other.sqlite", user="测试员", portfolio=False) as other:
        assert len(other.ledger_id()) == 32
        assert other.ledger_id() != empty_store.ledger_id() != ""
