"""Every parser meets any input with a value or a plain-Chinese error, never anything else.

Property-based (Hypothesis): amounts, percentages, dates, periods, code-list values, header
cells and whole header mappings.  Known-good spellings must also read back to the right value.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.money import (
    MAX_AMOUNT,
    MAX_CENTS,
    AmountError,
    format_wan,
    from_cents,
    parse_amount,
    to_cents,
)
from desktop_app.domain.periods import Period, PeriodError, parse_office_date
from desktop_app.importers import values
from desktop_app.importers.headers import find_header, header_key, match_label
from desktop_app.importers.values import CellError
from desktop_app.importers.workbook import SheetData
from desktop_app.ui.monthly.cells import parse_percent

HAN = re.compile(r"[\u4e00-\u9fff]")
CASES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as people type or paste it: digits (half and full width), separators, units, Chinese.
typed = st.lists(
    st.sampled_from(
        [
            *"0123456789０１２３４５６７８９.,，-+ 　%％/年月日亿万元eE_．－／",
            *("nan", "inf", "∞", "½", "٣", "\t", "\n", "\x00", "约", "无", "—", "２", "1e999"),
        ]
    ),
    max_size=16,
).map("".join)
anything = st.one_of(st.text(max_size=40), typed)
cells = st.one_of(
    st.none(),
    anything,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


def plain_chinese(exc: BaseException) -> None:
    """The message of a refusal: one non-empty line with Chinese in it, no Python repr."""
    text = str(exc)
    assert text and HAN.search(text), text
    assert "Traceback" not in text and "Error(" not in text


# ------------------------------------------------------------------------- amounts
@CASES
@given(text=anything, unit=st.sampled_from(["万元", "亿元", "元"]))
@example(text="1e999999", unit="万元")
@example(text="0x10", unit="万元")
@example(text="1" * 400, unit="元")
def test_parse_amount_returns_a_cent_exact_decimal_or_refuses(text, unit):
    try:
        value = parse_amount(text, unit)
    except AmountError as exc:
        plain_chinese(exc)
        return
    if value is not None:
        assert isinstance(value, Decimal) and value.is_finite()
        assert value == value.quantize(Decimal("0.01"))
        assert abs(value) <= MAX_AMOUNT
        assert from_cents(to_cents(value)) == value


@CASES
@given(
    cents=st.integers(min_value=0, max_value=10**13),
    unit=st.sampled_from(["", "万", "万元"]),
    fullwidth=st.booleans(),
    space=st.sampled_from(["", " ", "　"]),
)
@example(cents=MAX_CENTS, unit="", fullwidth=False, space="")
@example(cents=MAX_CENTS + 1, unit="", fullwidth=False, space="")
def test_amounts_written_the_usual_ways_read_back_exactly(cents, unit, fullwidth, space):
    value = Decimal(cents).scaleb(-2)
    text = format_wan(value)  # 1,234,567.89
    if fullwidth:
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    text = f"{space}{text}{unit}{space}"
    if value > MAX_AMOUNT:
        with pytest.raises(
            AmountError, match=r"超出金额上限：单项金额不能超过 99,999,999\.99 万元"
        ):
            parse_amount(text)
    else:
        assert parse_amount(text) == value


@CASES
@given(yi=st.decimals(min_value=0, max_value=9_999, places=4))  # the ceiling: 1 万亿元
def test_yi_amounts_convert_to_wan(yi):
    assert parse_amount(f"{yi}亿") == (yi * 10000).quantize(Decimal("0.01"))


# ------------------------------------------------------------------------- periods
@CASES
@given(text=anything)
@example(text="2022-13")
@example(text="0000-01")
@example(text="２０２２年６月")
def test_period_parse_returns_a_period_or_refuses(text):
    try:
        period = Period.parse(text)
    except PeriodError as exc:
        plain_chinese(exc)
        return
    assert 1900 <= period.year <= 2200 and 1 <= period.month <= 12
    assert Period.parse(str(period)) == period


@CASES
@given(
    year=st.integers(1900, 2200),
    month=st.integers(1, 12),
    form=st.sampled_from(
        ["{y}-{m:02d}", "{y}/{m}", "{y}.{m:02d}", "{y}年{m}月", " {y} 年 {m} 月 "]
    ),
)
def test_periods_in_office_spellings(year, month, form):
    assert Period.parse(form.format(y=year, m=month)) == Period(year, month)


# --------------------------------------------------------------------------- dates
IN_RANGE = {"min_value": dt.date(1900, 1, 1), "max_value": dt.date(2200, 12, 31)}


@CASES
@given(
    value=st.one_of(
        anything,
        st.dates(**IN_RANGE),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 12, 31)),
        st.none(),
    )
)
@example(value="2022-02-30")
@example(value="2022年13月")
@example(value="２０２２／４／１")
def test_parse_office_date_returns_iso_text_or_refuses(value):
    try:
        iso = parse_office_date(value)
    except PeriodError as exc:
        plain_chinese(exc)
        return
    if iso is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso), iso
        if len(iso) == 10:
            dt.date.fromisoformat(iso)
        assert parse_office_date(iso) == iso


@pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.datetime(9999, 1, 1)])
def test_out_of_range_date_objects_are_refused_like_text(day):
    with pytest.raises(PeriodError):
        parse_office_date(day)


@CASES
@given(
    day=st.dates(**IN_RANGE),
    form=st.sampled_from(["{y}-{m}-{d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日"]),
)
def test_office_dates_read_back(day, form):
    text = form.format(y=day.year, m=day.month, d=day.day)
    assert parse_office_date(text) == day.isoformat()


# --------------------------------------------------------- import cells (values.py)
@CASES
@given(value=cells, unit=st.sampled_from([None, "万元", "亿元", "元"]))
@example(value=float("nan"), unit=None)
@example(value=1e300, unit="亿元")
@example(value=dt.timedelta(days=3), unit=None)
def test_amount_cells(value, unit):
    try:
        result = values.amount(value, unit, "总投资")
    except CellError as exc:
        plain_chinese(exc)
        assert "总投资" in str(exc)  # names the column
        return
    assert result is None or (isinstance(result, Decimal) and result.is_finite())


@CASES
@given(value=cells)
@example(value=2022.12)
@example(value=1e20)
@example(value=float("inf"))
def test_date_cells(value):
    try:
        result = values.date(value, "计划开工")
    except CellError as exc:
        plain_chinese(exc)
        assert "计划开工" in str(exc)
        return
    assert result is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", result)


@CASES
@given(value=cells)
@example(value="nan")
@example(value="1e400")
@example(value="65％")
def test_percent_cells(value):
    try:
        result = values.percent(value, "形象进度")
    except CellError as exc:
        plain_chinese(exc)
        assert "形象进度" in str(exc)
        return
    assert result is None or 0 <= result <= 100


@CASES
@given(text=anything)
@example(text="nan")
@example(text="1_0")
@example(text="-0")
def test_percent_typed_in_the_monthly_grid(text):
    try:
        result = parse_percent(text)
    except ValueError as exc:
        plain_chinese(exc)
        return
    assert result is None or 0 <= result <= 100


REGIONS = ["龙山区", "西安区", "东丰县", "东辽县", "辽源经济开发区", "辽源高新区"]
STATUSES = ["谋划", "前期", "在建", "竣工", "投产", "停缓建"]


@CASES
@given(value=cells, kind=st.sampled_from(["region", "status", "sector"]))
def test_code_cells_give_a_list_entry_or_name_the_choices(value, kind):
    names = REGIONS if kind == "region" else STATUSES if kind == "status" else ["工业", "服务业"]
    try:
        result = values.code_value(value, names, "所属县区", kind)
    except CellError as exc:
        plain_chinese(exc)
        assert "所属县区" in str(exc) and names[0] in str(exc)
        return
    assert result is None or result in names


@CASES
@given(
    name=st.sampled_from(REGIONS),
    pad=st.sampled_from(["", " ", "　", "\n"]),
    traditional=st.booleans(),
)
def test_code_cells_accept_spacing_and_traditional_spelling(name, pad, traditional):
    written = (
        name.replace("辽", "遼").replace("东", "東").replace("开发", "開發")
        if traditional
        else name
    )
    assert values.code_value(f"{pad}{written}{pad}", REGIONS, "所属县区", "region") == name


@CASES
@given(value=cells)
def test_list_cells(value):
    names = ["建链强链延链补链项目", "在建如期投产项目", "建成达产达效项目"]
    try:
        result = values.code_values(value, names, "项目清单")
    except CellError as exc:
        plain_chinese(exc)
        return
    assert result is None or (result and set(result) <= set(names))


# ------------------------------------------------------------------ header mapping
@CASES
@given(value=st.one_of(anything, st.integers(), st.floats(), st.none(), st.booleans()))
def test_header_key_and_match_label_accept_any_cell(value):
    text, unit = header_key(value)
    assert isinstance(text, str) and unit in (None, "亿元", "万元", "元", "%")
    for kind in ("ledger", "monthly"):
        assert match_label(text, unit, kind) in (None, *_all_targets())


def _all_targets() -> set[str]:
    from desktop_app.importers.headers import IGNORE, LEDGER_SYNONYMS, MONTHLY_SYNONYMS, SEQ

    return {*LEDGER_SYNONYMS, *MONTHLY_SYNONYMS, SEQ, IGNORE, "progress_pct"}


HEADER_WORDS = ["序号", "项目名称", "项目编号", "建设单位", "总投资（亿元）", "年度计划", "县区",
                "本月完成投资", "形象进度(%)", "备注", "单位：万元", "合计", ""]  # fmt: skip
sheet_cells = st.one_of(st.sampled_from(HEADER_WORDS), cells.filter(lambda v: v is not None))


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(sheet_cells, max_size=8), max_size=12),
    merged=st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 8), st.integers(0, 3), st.integers(0, 3)),
        max_size=3,
    ),
    kind=st.sampled_from(["ledger", "monthly"]),
)
def test_find_header_on_any_sheet(rows, merged, kind):
    spans = [((r, c), (r + dr, c + dc)) for r, c, dr, dc in merged]
    sheet = SheetData("表1", rows, spans)
    header = find_header(sheet, kind)
    if header is None:
        return
    assert 0 <= header.top < max(len(rows), 1) and header.depth in (1, 2)
    targets = header.mapping()
    assert "name" in targets or "code" in targets
    assert all(0 <= c.index < sheet.width for c in header.columns)
