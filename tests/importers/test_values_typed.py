"""Cell values as county offices type them, as properties (Hypothesis): every spelling of an
amount, a percentage, a year or a date reads back to exactly the value written, and any cell
at all gives a value or a plain-Chinese reason naming the column.  The hand-written cases are
in test_values.py; one ledger import shows the typed forms reach the store unchanged."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.money import MAX_AMOUNT, MAX_CENTS, AmountError, parse_amount
from desktop_app.importers import apply_preview, preview_file
from desktop_app.importers.values import CellError, amount, cached_parser, date, percent, year

CASES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CENT = Decimal("0.01")
HAN = re.compile(r"[\u4e00-\u9fff]")
FULL = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")
SPACES = st.sampled_from(["", " ", "  ", "\u3000", "\xa0"])


def grouped(digits: str, sep: str) -> str:
    """'1234567' → '1,234,567' with ``sep`` between groups of three."""
    head = len(digits) % 3 or 3
    return sep.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def plain_refusal(exc: BaseException, label: str) -> None:
    text = str(exc)
    assert label in text and HAN.search(text) and "\n" not in text, text
    assert "Traceback" not in text and "Error(" not in text


# ------------------------------------------------------------------------------ amounts
@CASES
@given(
    cents=st.integers(min_value=0, max_value=MAX_CENTS),
    sep=st.sampled_from(["", ",", "，", " "]),
    fullwidth=st.booleans(),
    unit=st.sampled_from(["", "万", "万元", "(万元)", "（万元）", " （万元）"]),
    negative=st.sampled_from(["", "-", "－", "\u2212", "()", "（）"]),
    pad=SPACES,
    column=st.sampled_from([None, "万元", "亿元", "元"]),
)
@example(cents=MAX_CENTS, sep=",", fullwidth=True, unit="万元", negative="()", pad="", column=None)
def test_wan_amounts_typed_any_way_read_back_exactly(
    cents, sep, fullwidth, unit, negative, pad, column
):
    value = Decimal(cents).scaleb(-2)
    whole, frac = f"{value:.2f}".split(".")
    number = f"{grouped(whole, sep)}.{frac}"
    if fullwidth:
        number = number.translate(FULL)
    if negative in ("()", "（）"):
        written = f"{negative[0]}{number}{unit if '(' not in unit and '（' not in unit else ''}"
        written += negative[1] + (unit if "(" in unit or "（" in unit else "")
    else:
        written = f"{negative}{number}{unit}"
    if not unit:  # no unit written: the column's
        factor = {None: 1, "万元": 1, "亿元": 10000, "元": Decimal("0.0001")}[column]
        value = (value * factor).quantize(CENT, rounding=ROUND_HALF_UP)
        if value > MAX_AMOUNT:
            return
    expected = -value if negative else value
    assert amount(f"{pad}{written}{pad}", column, "总投资") == expected


@CASES
@given(yi=st.decimals(min_value=0, max_value=9_999, places=6), unit=st.sampled_from(["亿", "亿元"]))
def test_yi_amounts_are_ten_thousand_wan(yi, unit):
    expected = (yi * 10000).quantize(CENT, rounding=ROUND_HALF_UP)
    assert amount(f"{yi}{unit}", "元", "总投资") == expected
    assert amount(f"{yi}（{unit if unit == '亿元' else '亿'}）", None, "总投资") == expected


@CASES
@given(yuan=st.integers(min_value=0, max_value=999_999_999_949))  # up to 99,999,999.99 万元
def test_yuan_amounts_are_a_ten_thousandth(yuan):
    expected = (Decimal(yuan) / 10000).quantize(CENT, rounding=ROUND_HALF_UP)
    assert amount(f"{grouped(str(yuan), ',')}元", "亿元", "总投资") == expected


@CASES
@given(
    digits=st.text(alphabet="0123456789", min_size=2, max_size=12),
    at=st.lists(st.integers(min_value=1, max_value=11), min_size=1, max_size=3, unique=True),
)
def test_misplaced_thousands_separators_never_read_as_a_number(digits, at):
    cuts = sorted(i for i in at if i < len(digits))
    if not cuts:
        return
    parts = [digits[i:j] for i, j in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    written = ",".join(parts)
    if written == grouped(digits, ","):  # the one right grouping
        return
    try:
        got = amount(written, None, "总投资")
    except CellError as exc:
        assert "千位分隔符" in str(exc) and written in str(exc)
        return
    raise AssertionError(f"{written!r} read as {got}")


@CASES
@given(value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_float_cells_read_as_their_shortest_spelling(value):
    expected = Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_UP)
    if abs(expected) > MAX_AMOUNT:
        return
    assert amount(value, None, "总投资") == expected


@CASES
@given(cents=st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS))
def test_a_cent_exact_float_reads_back_to_the_cent(cents):
    assert amount(cents / 100, None, "总投资") == Decimal(cents).scaleb(-2)


# --------------------------------------------------------------------------- percentages
@CASES
@given(
    hundredths=st.integers(min_value=0, max_value=10000),
    form=st.sampled_from(["{}", "{}%", "{}％", "{} %", "+{}%", " {} "]),
    fullwidth=st.booleans(),
)
def test_percentages_typed_any_way_read_back_in_points(hundredths, form, fullwidth):
    points = Decimal(hundredths).scaleb(-2)
    written = form.format(points)  # 65.50
    if fullwidth:
        written = written.translate(FULL)
    assert percent(written, "形象进度") == float(points)
    assert percent(float(points), "形象进度") == float(points)  # a number is points too


# ------------------------------------------------------------------------ years and dates
@CASES
@given(
    y=st.integers(min_value=1900, max_value=2200),
    form=st.sampled_from(["{}", "{}年", "{}年度", "{}.0", " {} 年 ", "{}.00"]),
    fullwidth=st.booleans(),
)
def test_years_typed_any_way(y, form, fullwidth):
    written = form.format(y)
    if fullwidth:
        written = written.translate(FULL)
    assert year(written, "计划年度") == y
    assert year(float(y), "计划年度") == y and year(y, "计划年度") == y
    assert date(written.replace("年度", "年"), "计划开工") == f"{y:04d}"


@CASES
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    form=st.sampled_from(
        [
            "{y}年{m}月{d}日",
            "{y}年{m:02d}月{d:02d}日",
            "{y}年{m}月{d}号",
            "{y}.{m}.{d}",
            "{y}/{m}/{d}",
            "{y}-{m:02d}-{d:02d}",
            "{y}-{m:02d}-{d:02d} 00:00:00",
            "{y}/{m}/{d} 8:30",
            "{y}{m:02d}{d:02d}",
            " {y} 年 {m} 月 {d} 日 ",
        ]
    ),
    fullwidth=st.booleans(),
)
def test_dates_typed_any_way(day, form, fullwidth):
    written = form.format(y=day.year, m=day.month, d=day.day)
    if fullwidth:
        written = written.translate(str.maketrans("0123456789./-", "０１２３４５６７８９．／－"))
    assert date(written, "计划竣工") == day.isoformat()


@CASES
@given(
    y=st.integers(min_value=1900, max_value=2200),
    m=st.integers(min_value=1, max_value=12),
    form=st.sampled_from(
        ["{y}年{m}月", "{y}-{m:02d}", "{y}.{m:02d}", "{y}年{m}月底", "{y}年{m}月末"]
    ),
)
def test_months_typed_any_way(y, m, form):
    assert date(form.format(y=y, m=m), "计划竣工") == f"{y:04d}-{m:02d}"


# ------------------------------------------------------------- any cell: a value or a reason
cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text(
        alphabet="0123456789０１２３４５６７８９.,，()（）%％年度月日号底 -亿万元¥", max_size=20
    ),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.times(),
)


@CASES
@given(value=cells)
@example(value="2022.")
@example(value="０")
def test_any_cell_in_a_year_column(value):
    try:
        got = year(value, "计划年度")
    except CellError as exc:
        plain_refusal(exc, "计划年度")
        return
    assert got is None or (isinstance(got, int) and 1900 <= got <= 2200)


@CASES
@given(value=cells, unit=st.sampled_from([None, "亿元", "元"]))
def test_any_cell_in_an_amount_column_and_its_memory(value, unit):
    def parse(v: object) -> object:
        return amount(v, unit, "总投资")

    remembered = cached_parser(parse)
    results = []
    for read in (parse, remembered, remembered):  # the second call from memory
        try:
            results.append(("read", repr(read(value))))
        except CellError as exc:
            plain_refusal(exc, "总投资")
            results.append(("refused", str(exc)))
    assert results[0] == results[1] == results[2]
    if results[0][0] == "read" and results[0][1] != "None":
        got = parse(value)
        assert got == got.quantize(CENT) and abs(got) <= MAX_AMOUNT


@CASES
@given(value=cells)
def test_any_cell_in_a_date_or_percent_column(value):
    for parse, label in ((date, "计划开工"), (percent, "形象进度")):
        try:
            got = parse(value, label)
        except CellError as exc:
            plain_refusal(exc, label)
            continue
        if parse is date:
            assert got is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", got)
        else:
            assert got is None or 0 <= got <= 100


# ------------------------------------------------------------------- through an import
def test_a_ledger_typed_by_a_county_office_imports_exactly(empty_store, tmp_path):
    path = tmp_path / "县区台账.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["序号", "项目名称", "建设单位", "总投资（万元）", "年度计划投资", "计划开工", "计划竣工"]
    )
    rows = [
        ("甲项目", "甲公司", "3.2亿元", "12,500", "2022年6月30日", "2023年底"),
        ("乙项目", "乙公司", "１２，５００．５", "1.5万", "2022.6.30", "2023.0"),
        ("丙项目", "丙公司", "5000元", "８０００（万元）", "2022/6/30", 2023),
        ("丁项目", "丁公司", " 12 500 ", "0.25亿", "2022-06", "20231231"),
        ("戊项目", "戊公司", 0.1 + 0.2, "—", "2022年6月30号", "2023年6月底"),
    ]
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row])
    book.save(path)
    preview = preview_file(empty_store, path)
    assert not preview.rejected, [r.detail for r in preview.rejected]
    apply_preview(empty_store, preview)
    got = {
        p.name: (p.total_investment, p.annual_plan, p.planned_start, p.planned_end)
        for p in empty_store.projects()
    }
    d = Decimal
    assert got == {
        "甲项目": (d("32000.00"), d("12500.00"), "2022-06-30", "2023"),
        "乙项目": (d("12500.50"), d("1.50"), "2022-06-30", "2023"),
        "丙项目": (d("0.50"), d("8000.00"), "2022-06-30", "2023"),
        "丁项目": (d("12500.00"), d("2500.00"), "2022-06", "2023-12-31"),
        "戊项目": (d("0.30"), None, "2022-06-30", "2023-06"),
    }


def test_typed_values_that_are_not_numbers_reject_their_row_with_the_reason(empty_store, tmp_path):
    path = tmp_path / "有错.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "项目名称", "总投资（万元）", "计划开工"])
    sheet.append([1, "甲项目", "1,2345", "2022年6月"])
    sheet.append([2, "乙项目", "100", "2022年2月30日"])
    book.save(path)
    preview = preview_file(empty_store, path)
    reasons = {r.row: r.detail for r in preview.rejected}
    assert "总投资：“1,2345”的千位分隔符位置不对" in reasons[2]
    assert "计划开工：“2022年2月30日”不是有效的日期" in reasons[3]


@CASES
@given(
    written=st.lists(
        st.sampled_from(
            [*"0123456789０１２３４５６７８９.,，-－+ 　()（）¥", "亿", "亿元", "万", "万元", "元"]
        ),
        max_size=14,
    ).map("".join),
    unit=st.sampled_from([None, "亿元", "元"]),
)
@example(written="99,999,999.995", unit=None)
@example(written="9999.9999995亿", unit=None)
def test_what_both_read_the_import_and_the_form_read_alike(written, unit):
    """The import reads more spellings than the form's parse_amount, never another value."""
    try:
        mine = amount(written, unit, "总投资")
    except CellError as exc:
        plain_refusal(exc, "总投资")
        return
    try:
        theirs = parse_amount(written, unit or "万元")
    except AmountError:
        return
    assert mine == theirs
