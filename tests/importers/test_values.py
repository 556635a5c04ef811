"""Cell values as offices write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.importers.headers import header_key, match_label
from desktop_app.importers.values import CellError, amount, code_value, date, percent, text

REGIONS = ["龙山区", "西安区", "东丰县", "东辽县", "辽源经济开发区", "辽源高新区"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2022年3月", "2022-03"),
        (2022.12, "2022-12"),
        ("2022.12", "2022-12"),
        ("2022/4/1", "2022-04-01"),
        ("2021-09", "2021-09"),
        ("2021年", "2021"),
        (2021, "2021"),
        (dt.datetime(2022, 5, 10), "2022-05-10"),
        ("２０２２年３月", "2022-03"),
        ("", None),
    ],
)
def test_office_dates(cell, expected):
    assert date(cell, "计划开工") == expected


@pytest.mark.parametrize("cell", ["明年", "2022年13月", 44652, "三月"])
def test_dates_that_are_not_dates(cell):
    with pytest.raises(CellError, match="计划开工"):
        date(cell, "计划开工")


@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        (18.5, "亿元", "185000.00"),
        ("1,234.5", "万元", "1234.50"),
        ("８０００", None, "8000.00"),
        (" 3.2 ", "亿元", "32000.00"),
        ("1.2亿", "万元", "12000.00"),
        (0.1 + 0.2, "万元", "0.30"),
        (123456.785, "万元", "123456.79"),
    ],
)
def test_amounts_follow_the_column_unit(cell, unit, expected):
    assert amount(cell, unit, "总投资") == Decimal(expected)


@pytest.mark.parametrize("cell", ["待定", "约500万", True, dt.date(2022, 1, 1)])
def test_text_in_an_amount_column(cell):
    with pytest.raises(CellError, match="总投资"):
        amount(cell, "万元", "总投资")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("东丰", "东丰县"),
        ("经开区", "辽源经济开发区"),
        ("高新区", "辽源高新区"),
        ("遼源高新區", "辽源高新区"),
    ],
)
def test_region_variants(cell, expected):
    assert code_value(cell, REGIONS, "所属县区", "region") == expected


def test_status_aliases_and_unknown_codes():
    statuses = ["谋划", "前期", "在建", "竣工", "投产", "停缓建"]
    assert code_value("建设中", statuses, "项目状态", "status") == "在建"
    assert code_value("停建", statuses, "项目状态", "status") == "停缓建"
    with pytest.raises(CellError, match="不在代码表中"):
        code_value("火星区", REGIONS, "所属县区", "region")


def test_percent_and_text():
    assert percent("65%", "形象进度(%)") == 65 and percent(80, "形象进度(%)") == 80
    with pytest.raises(CellError):
        percent(120, "形象进度(%)")
    assert text(1001.0) == "1001" and text("  甲  ") == "甲"


@pytest.mark.parametrize(
    ("header", "kind", "target", "unit"),
    [
        ("总投资（亿元）", "ledger", "total_investment", "亿元"),
        ("总投资(万元)", "ledger", "total_investment", "万元"),
        ("项目业主", "ledger", "owner", None),
        ("2022年计划投资", "ledger", "annual_plan", None),
        ("2023年度计划完成投资（万元）", "ledger", "annual_plan", "万元"),
        ("项目 名称", "ledger", "name", None),
        ("建設單位", "ledger", "owner", None),
        ("形象进度(%)", "monthly", "progress_pct", "%"),
        ("形象进度", "monthly", "progress_text", None),
        ("本月完成投资*", "monthly", "month_investment", None),
    ],
)
def test_header_synonyms(header, kind, target, unit):
    key, found_unit = header_key(header)
    assert found_unit == unit
    assert match_label(key, found_unit, kind) == target


def test_a_remembered_parser_reads_every_cell_as_the_parser_does():
    from desktop_app.importers.values import cached_parser, code_values

    lists = ["建链强链延链补链项目", "路桥工程"]
    columns = [
        (lambda v: amount(v, "亿元", "总投资"), [1.5, "1.5", 1, True, 0.0, -0.0, "", None, "待定"]),
        (lambda v: date(v, "计划开工"), ["2022年3月", 2022.12, 2021, dt.date(2022, 1, 1), "明年"]),
        (lambda v: code_value(v, REGIONS, "所属县区", "region"), ["经开区", "东丰", "火星区"]),
        (lambda v: code_values(v, lists, "项目清单"), ["路桥工程、建链强链延链补链项目", "x"]),
    ]
    for parse, cells in columns:
        remembered = cached_parser(parse)
        for cell in cells * 2:  # the second time from memory
            try:
                expected = ("read", parse(cell))
            except CellError as exc:
                expected = ("refused", str(exc))
            try:
                got = ("read", remembered(cell))
            except CellError as exc:
                got = ("refused", str(exc))
            # 1, 1.0 and True are one dict key, 0.0 and -0.0 too: not one cell
            assert repr(got) == repr(expected), cell


def test_remembered_lists_are_not_shared_between_rows():
    from desktop_app.importers.values import cached_parser, code_values

    parse = cached_parser(lambda v: code_values(v, ["路桥工程", "地块征收"], "项目清单"))
    first = parse("路桥工程、地块征收")
    first.append("改了")
    assert parse("路桥工程、地块征收") == ["路桥工程", "地块征收"]
