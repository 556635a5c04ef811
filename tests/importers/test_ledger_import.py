"""Importing ledgers: the messy office ledger fixture, round trips, corrected mappings."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop_app.importers import (
    ImportRefused,
    apply_preview,
    build_preview,
    open_import,
    preview_file,
)
from desktop_app.reports import export_report
from desktop_app.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"
MESSY = FIXTURES / "messy_ledger.xlsx"


@pytest.fixture
def demo_store(demo_path, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    s = Store.open(path, user="测试员")
    yield s
    s.close()


def test_messy_fixture_is_built_by_its_script(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_messy", FIXTURES / "make_messy_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "again.xlsx")
    old, new = openpyxl.load_workbook(MESSY).active, openpyxl.load_workbook(rebuilt).active
    assert [[c.value for c in r] for r in old.iter_rows()] == [
        [c.value for c in r] for r in new.iter_rows()
    ]


def test_messy_office_ledger_finds_header_units_and_columns(store):
    source = open_import(MESSY)
    header = source.header
    assert source.kind == "ledger"
    assert (header.top, header.depth, header.unit) == (3, 2, "亿元")  # rows 4-5, 单位：亿元
    mapping = {c.header: (c.target, c.unit) for c in header.columns}
    assert mapping["序号"] == ("_seq", None)
    assert mapping["项目业主"] == ("owner", None)
    assert mapping["所在地"] == ("region", None)
    assert mapping["建设规模及内容"] == ("scope", None)
    assert mapping["投资情况 / 总投资"] == ("total_investment", "亿元")  # from the units line
    assert mapping["投资情况 / 2022年计划投资（万元）"] == ("annual_plan", "万元")  # its own
    assert mapping["建设年限 / 开工时间"] == ("planned_start", None)
    assert mapping["建设年限 / 竣工时间"] == ("planned_end", None)
    assert mapping["项目进展阶段"][0] == "status"
    assert mapping["包保领导"][0] == "leader" and mapping["牵头单位"][0] == "department"
    assert mapping["存在的问题"][0] == "problems"
    assert mapping["备注"] == (None, None)


def test_messy_office_ledger_imports_to_the_expected_projects(store):
    before = {p.code: p for p in store.projects()}
    actions = store.action_count()
    preview = preview_file(store, MESSY)
    assert preview.skipped == {"blank": 5, "section": 3, "total": 4, "note": 3}
    assert [(r.row, r.status) for r in preview.rows] == [
        (9, "changed"),  # 鑫达钢铁 180万吨热轧带钢: found by name, spaces ignored
        (10, "changed"),  # 巨峰生化20萬噸...複合飼料: found by name, traditional script
        (11, "new"),
        (15, "new"),
        (16, "changed"),  # 红星美凯龙
        (20, "changed"),  # 人民大街精品街路
    ]
    assert preview.changed[0].code == "LY2022-001"
    assert preview.changed[1].code == "LY2022-003"
    assert not any(c.field == "name" for r in preview.changed for c in r.changes)
    result = apply_preview(store, preview)
    assert (result.added, result.changed) == (2, 4)
    assert store.action_count() == actions + 1
    entry = store.history(limit=1)[0]
    assert entry.source == "messy_ledger.xlsx" and entry.description.startswith("导入台账")

    xinda = store.find_project("LY2022-001")
    assert xinda.name == before["LY2022-001"].name  # the ledger's spelling is kept
    assert xinda.total_investment == Decimal("185000.00")  # 18.5 亿元
    assert xinda.annual_plan == Decimal("1234.50")  # "1,234.5" 万元
    assert (xinda.planned_start, xinda.planned_end) == ("2021", "2022-12")  # 2021年, 2022.12
    assert (xinda.region, xinda.status, xinda.nature) == ("东丰县", "在建", "续建")  # 东丰, 建设中
    assert (xinda.leader, xinda.department) == ("张副市长", "市工信局")
    assert xinda.sector == "工业"

    jufeng = store.find_project("LY2022-003")
    assert jufeng.total_investment == Decimal("32000.00")  # " 3.2 " 亿元
    assert jufeng.annual_plan == Decimal("8000.00")  # full-width ８０００
    assert (jufeng.planned_start, jufeng.planned_end) == ("2022-03", "2023-04-01")
    assert (jufeng.region, jufeng.status) == ("辽源经济开发区", "前期")  # 经开区, 前期工作
    assert jufeng.problems == "环评审批未完成"

    new = {p.name: p for p in store.projects() if p.code not in before}
    assert set(new) == {"东丰县精密铸造产业园", "辽源市冷链物流中心"}
    casting = new["东丰县精密铸造产业园"]
    assert casting.sector == "工业"  # from the section row 一、工业项目
    assert casting.planned_start == "2022-05-10"  # a real date cell
    assert casting.total_investment == Decimal("60000.00")
    assert casting.code.startswith("LY") and casting.owner == "吉林精铸科技有限公司"
    cold = new["辽源市冷链物流中心"]
    assert cold.sector == "服务业" and cold.planned_start == "2021-09"
    assert cold.planned_end == "2023" and cold.status == "谋划"
    assert store.find_project("LY2022-028").region == "龙山区"  # 龙山
    assert store.find_project("LY2022-049").planned_start == "2021-06"  # "2021.6"


def test_round_trip_export_then_import_changes_nothing(demo_store, tmp_path):
    path = tmp_path / "台账.xlsx"
    export_report(demo_store, "ledger", path, group_by="chain")
    actions = demo_store.action_count()
    preview = preview_file(demo_store, path)
    assert preview.counts() == {"new": 0, "changed": 0, "unchanged": 300, "rejected": 0}
    result = apply_preview(demo_store, preview)
    assert (result.added, result.changed) == (0, 0)
    assert demo_store.action_count() == actions


def test_exported_ledger_rebuilds_the_same_projects_in_an_empty_ledger(
    demo_store, empty_store, tmp_path
):
    path = tmp_path / "台账.xlsx"
    export_report(demo_store, "ledger", path)
    preview = preview_file(empty_store, path)
    assert len(preview.new) == 300 and not preview.rejected
    apply_preview(empty_store, preview)
    original = {p.code: p.values() for p in demo_store.projects()}
    copied = {p.code: p.values() for p in empty_store.projects()}
    assert copied == original


def test_the_user_can_correct_the_mapping(store):
    source = open_import(MESSY)
    columns = list(source.header.columns)
    by_header = {c.header: i for i, c in enumerate(columns)}
    from dataclasses import replace

    columns[by_header["备注"]] = replace(columns[by_header["备注"]], target="measures")
    columns[by_header["所在地"]] = replace(columns[by_header["所在地"]], target=None)
    preview = build_preview(store, source, columns=columns)
    xinda = next(r for r in preview.rows if r.code == "LY2022-001")
    fields = {c.field: c.new for c in xinda.changes}
    assert fields["measures"] == "重点" and "region" not in fields
    columns[by_header["所在地"]] = replace(columns[by_header["所在地"]], target="owner")
    with pytest.raises(ImportRefused, match="多列对应同一个字段"):
        build_preview(store, source, columns=columns)
    unnamed = [replace(c, target=None) if c.target in ("name", "code") else c for c in columns]
    with pytest.raises(ImportRefused, match="项目名称"):
        build_preview(store, source, columns=unnamed)


def _ledger(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "项目编号", "项目名称", "建设单位", "总投资（万元）", "计划开工"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_rows_with_bad_values_are_rejected_with_row_and_reason(store, tmp_path):
    path = _ledger(
        tmp_path / "有错.xlsx",
        [
            [1, None, "新项目甲", "甲公司", 100, "2022年3月"],
            [2, None, "新项目乙", "乙公司", "待定", "2022年3月"],
            [3, None, "新项目丙", "丙公司", 100, "明年"],
            [4, None, None, "无名公司", 5, None],
            [5, None, "新项目甲", "甲公司", 100, None],
            [6, "LY2022-001", "另一个名字", None, -5, None],
            [7, "LY2099-999", "鑫达钢铁180万吨热轧带钢", None, None, None],
        ],
    )
    preview = preview_file(store, path)
    reasons = {r.row: r.detail for r in preview.rejected}
    assert [r.row for r in preview.new] == [2]
    assert set(reasons) == {3, 4, 5, 6, 7, 8}
    assert "总投资" in reasons[3] and "待定" in reasons[3]
    assert "明年" in reasons[4]
    assert reasons[5] == "项目名称为空"
    assert reasons[6] == "与第 2 行是同一个项目"
    assert "不能为负数" in reasons[7]
    assert "LY2022-001" in reasons[8] and "编号" in reasons[8]
    before = store.action_count()
    with pytest.raises(ImportRefused, match="有 6 行数据有问题，未导入任何内容：第 3 行"):
        apply_preview(store, preview)
    assert store.action_count() == before and store.project_count() == 51
    apply_preview(store, preview, skip_rejected=True)
    assert store.project_count() == 52


def test_header_on_row_one_and_matching_by_code(store, tmp_path):
    path = _ledger(
        tmp_path / "简单.xlsx", [[1, "LY2022-002", "东北袜业改名", None, 3000, "2022/5/1"]]
    )
    preview = preview_file(store, path)
    (row,) = preview.changed
    assert row.code == "LY2022-002"
    assert [c.text for c in row.changes] == [
        "项目名称：东北袜业万台袜机数字化智能转型升级 → 东北袜业改名",
        "总投资：（空） → 3,000.00",
        "计划开工：（空） → 2022-05-01",
    ]


def test_a_project_edited_after_the_preview_is_a_conflict(store, tmp_path):
    from desktop_app.store import ConflictError

    path = _ledger(tmp_path / "a.xlsx", [[1, "LY2022-002", None, "新业主", 3000, None]])
    preview = preview_file(store, path)
    project = store.find_project("LY2022-002")
    store.update_project(project.id, {"owner": "别人刚改的"})
    with pytest.raises(ConflictError):
        apply_preview(store, preview)
    assert store.find_project("LY2022-002").owner == "别人刚改的"
