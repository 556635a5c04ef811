"""Cell values as offices write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.importers.headers import header_key, match_label
from desktop_app.importers.values import (
    CellError,
    amount,
    code_value,
    date,
    percent,
    text,
    year,
)

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


# ----------------------------------------------------- values as county offices type them
@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        ("12,500", None, "12500.00"),
        ("12，500", None, "12500.00"),  # full-width comma
        ("1,234,567.89", "万元", "1234567.89"),
        ("12 500", None, "12500.00"),  # a space between thousands
        ("3.2亿元", None, "32000.00"),
        ("3.2亿", None, "32000.00"),
        ("3.2亿元", "元", "32000.00"),  # the cell's own unit wins over the column's
        ("0.0001亿", None, "1.00"),
        ("1.5万", None, "1.50"),
        ("1.5万元", "亿元", "1.50"),
        ("5000元", None, "0.50"),
        ("12,345元", None, "1.23"),  # 1.2345 万元 to the ledger's 0.01
        ("５０００", None, "5000.00"),  # full-width digits
        ("１２，５００．５", None, "12500.50"),  # full-width comma and point
        ("３．２亿元", None, "32000.00"),
        ("  12500  ", None, "12500.00"),
        ("\u300012500\u3000", None, "12500.00"),  # ideographic spaces
        ("12\xa0500", None, "12500.00"),  # a no-break space pasted from a web page
        ("12500（万元）", None, "12500.00"),
        ("12500(万元)", "亿元", "12500.00"),
        ("3.2 （亿元）", None, "32000.00"),
        ("1.5万元（万元）", None, "1.50"),  # said twice, the same
        ("¥5,000元", None, "0.50"),
        ("￥1.5万", None, "1.50"),
        ("+300", None, "300.00"),
        ("-300", None, "-300.00"),
        ("－300", None, "-300.00"),  # full-width minus
        ("\u2212300", None, "-300.00"),  # the minus sign
        ("(1,200)", None, "-1200.00"),  # an accounting negative
        ("（1,200.5）", None, "-1200.50"),
        ("(0.5亿)", None, "-5000.00"),
        ("12.", None, "12.00"),
        (".5", None, "0.50"),
        ("0.005", None, "0.01"),  # half up to the cent
        ("99,999,999.99", None, "99999999.99"),
    ],
)
def test_amounts_typed_as_text_read_exactly(cell, unit, expected):
    got = amount(cell, unit, "总投资")
    assert isinstance(got, Decimal) and got == Decimal(expected)
    assert got.as_tuple().exponent == -2  # to the cent, as the ledger keeps it


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (0.1 + 0.2, "0.30"),  # Excel's float artefacts rounded to the cent
        (12500, "12500.00"),
        (1234.565, "1234.57"),  # as written (1234.565 in binary is below .565)
        (1e-12, "0.00"),
        (-0.0, "0.00"),
    ],
)
def test_number_cells_read_as_written(cell, expected):
    assert amount(cell, None, "总投资") == Decimal(expected)


@pytest.mark.parametrize("cell", ["-", "—", "——", "--", "/", "无", "－", "　", ""])
def test_placeholders_in_an_amount_column_are_empty(cell):
    assert amount(cell, None, "总投资") is None


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("约500万", "总投资：“约500万”不是有效的金额（应填数字，单位万元）"),
        ("1.2亿元多", "总投资：“1.2亿元多”不是有效的金额（应填数字，单位万元）"),
        ("五百万", "总投资：“五百万”不是有效的金额（应填数字，单位万元）"),
        ("1e5", "总投资：“1e5”不是有效的金额（应填数字，单位万元）"),
        ("1_000", "总投资：“1_000”不是有效的金额（应填数字，单位万元）"),
        ("٣٠٠", "总投资：“٣٠٠”不是有效的金额（应填数字，单位万元）"),  # Arabic-Indic digits
        ("(500", "总投资：“(500”不是有效的金额（应填数字，单位万元）"),
        ("(-500)", "总投资：“(-500)”不是有效的金额（应填数字，单位万元）"),
        ("1亿2000万", "总投资：“1亿2000万”不是有效的金额（应填数字，单位万元）"),
        ("（万元）", "总投资：“（万元）”不是有效的金额（应填数字，单位万元）"),
        ("12。5", "总投资：“12。5”不是有效的金额（应填数字，单位万元）"),
        ("1,2345", "总投资：“1,2345”的千位分隔符位置不对（应每三位一个，如 12,500）"),
        ("1,23", "总投资：“1,23”的千位分隔符位置不对（应每三位一个，如 12,500）"),
        ("12 50", "总投资：“12 50”的千位分隔符位置不对（应每三位一个，如 12,500）"),
        ("1.5万元(亿元)", "总投资：“1.5万元(亿元)”写了两个不同的单位（万元、亿元）"),
        (
            "100,000,000",
            "总投资：“100,000,000”超出金额上限：单项金额不能超过 99,999,999.99 万元（即 1 万亿元）",
        ),
    ],
)
def test_what_is_not_an_amount_is_refused_with_a_reason(cell, reason):
    with pytest.raises(CellError) as err:
        amount(cell, None, "总投资")
    assert str(err.value) == reason


def test_a_very_long_cell_is_quoted_short():
    with pytest.raises(CellError) as err:
        amount("9" * 5000, None, "总投资")
    assert str(err.value).startswith("总投资：“" + "9" * 40 + "…”超出金额上限")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("50%", 50.0),
        ("５０％", 50.0),
        ("50 %", 50.0),
        (" 65.5％ ", 65.5),
        ("50", 50.0),
        (50, 50.0),
        ("100%", 100.0),
        ("0%", 0.0),
        # the rule for numbers: points, as the monthly template says (65 表示 65%)
        ("0.5", 0.5),
        (0.5, 0.5),
        ("0.5%", 0.5),
        ("65.555", 65.56),  # half up, as written: not float rounding
        (65.555, 65.56),
        (1.005, 1.01),
        ("—", None),
        ("/", None),
    ],
)
def test_percentages_as_offices_type_them(cell, expected):
    got = percent(cell, "形象进度(%)")
    assert got == expected and (got is None or isinstance(got, float))


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("120%", "形象进度(%)“120%”应在 0～100 之间"),
        ("-5%", "形象进度(%)“-5%”应在 0～100 之间"),
        (-5, "形象进度(%)“-5”应在 0～100 之间"),
        ("过半", "形象进度(%)“过半”不是数字（填 0～100，65 表示 65%）"),
        ("50%%", "形象进度(%)“50%%”不是数字（填 0～100，65 表示 65%）"),
        ("1_0", "形象进度(%)“1_0”不是数字（填 0～100，65 表示 65%）"),
        ("nan", "形象进度(%)“nan”不是数字（填 0～100，65 表示 65%）"),
        (float("nan"), "形象进度(%)“nan”不是数字（填 0～100，65 表示 65%）"),
    ],
)
def test_what_is_not_a_percentage_is_refused_with_a_reason(cell, reason):
    with pytest.raises(CellError) as err:
        percent(cell, "形象进度(%)")
    assert str(err.value) == reason


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2022年", 2022),
        ("2022", 2022),
        (2022, 2022),
        (2022.0, 2022),
        ("2022.0", 2022),
        ("2022年度", 2022),
        ("２０２２年", 2022),
        (" 2022 年 ", 2022),
        (dt.date(2022, 1, 1), 2022),  # a date cell shown as yyyy
        ("", None),
    ],
)
def test_years_as_offices_type_them(cell, expected):
    assert year(cell, "计划年度") == expected


@pytest.mark.parametrize("cell", ["2022.5", 2022.5, "1800", 2201, "22年", "明年", True])
def test_what_is_not_a_year_is_refused_with_a_reason(cell):
    with pytest.raises(CellError, match=r"^计划年度“.*”不是年份，可写作 2022 或 2022年$"):
        year(cell, "计划年度")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2022年6月30日", "2022-06-30"),
        ("2022年06月30日", "2022-06-30"),
        ("2022年6月30号", "2022-06-30"),
        ("2022.6.30", "2022-06-30"),
        ("2022/6/30", "2022-06-30"),
        ("2022-6-30", "2022-06-30"),
        ("2022-06", "2022-06"),
        ("2022年6月", "2022-06"),
        ("2022.06", "2022-06"),
        ("２０２２／６／３０", "2022-06-30"),
        ("２０２２年６月３０日", "2022-06-30"),
        (" 2022 年 6 月 30 日 ", "2022-06-30"),
        ("2022-06-30 00:00:00", "2022-06-30"),  # a date kept as text with its time
        ("2022/6/30 8:30", "2022-06-30"),
        ("2022-06-30T00:00:00", "2022-06-30"),
        ("20220630", "2022-06-30"),
        (20220630, "2022-06-30"),
        ("2022年6月底", "2022-06"),  # the month it names
        ("2022年6月下旬", "2022-06"),
        ("2022年底", "2022"),
        ("2022年末", "2022"),
        ("2022年度", "2022"),
        ("2022", "2022"),
        ("2022.0", "2022"),
        (2022.0, "2022"),
        (dt.date(2022, 6, 30), "2022-06-30"),
    ],
)
def test_dates_typed_as_text(cell, expected):
    assert date(cell, "计划竣工") == expected


@pytest.mark.parametrize(
    "cell",
    ["2022年2月30日", "20221350", "2022年6月30日底", "6月底", "22年6月", "6/30/2022", "x" * 200],
)
def test_what_is_not_a_date_is_refused_with_a_reason(cell):
    with pytest.raises(CellError) as err:
        date(cell, "计划竣工")
    shown = cell if len(cell) <= 40 else cell[:40] + "…"
    assert str(err.value) == (
        f"计划竣工：“{shown}”不是有效的日期，"
        "可写作 2022-03、2022年3月、2022年6月30日、2022.6.30 或 2022/4/1"
    )
