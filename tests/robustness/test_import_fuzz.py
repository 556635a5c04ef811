"""Importing mutated workbooks: never an unhandled exception, every refusal says where.

Hypothesis takes a real office ledger (the messy fixture) and a filled monthly-return template,
overwrites random cells with random values (text, formulas, numbers, dates, booleans, blanks),
then runs the whole import: open, preview, apply (rolled back).  Only :class:`ImportRefused`
may come out, and every rejected row names its row, and its column by the field's label.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell

from desktop_app.domain.fields import FIELD_BY_NAME
from desktop_app.importers import (
    ImportRefused,
    apply_preview,
    build_preview,
    open_import,
    rejected_text,
)
from desktop_app.importers.headers import MONTHLY_LABELS
from desktop_app.store import Store

MESSY = Path(__file__).parents[1] / "fixtures" / "xlsx" / "messy_ledger.xlsx"
HAN = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

text_values = st.text(max_size=60).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
cell_values = st.one_of(
    st.none(),
    text_values,
    st.sampled_from(
        [
            "=1/0",
            "=SUM(A1:A9)",
            "@cmd",
            "+1",
            "-",
            "合计",
            "小计",
            "一、工业项目",
            "注：",
            "无",
            "1,234.5亿",
            "２０２２年３月",
            "2022-02-30",
            "在建",
            "经开区",
            "#REF!",
            "项目名称",
            "单位：元",
            " ",
            "鑫达钢铁180万吨热轧带钢",
        ]
    ),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
LETTERS = st.text(alphabet="abcxyz甲乙丙", min_size=1, max_size=8).map(lambda s: "x" + s)


def _note(label: str) -> None:
    """Count the outcome in Hypothesis's statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(label)


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "ledger.sqlite"
    store = Store.create(path, user="测试员")
    yield store
    store.close()


def _mutate(source: Path, target: Path, mutations: list[tuple[int, int, object]]) -> Path:
    book = openpyxl.load_workbook(source)
    sheet = (
        book[book.sheetnames[0]] if "月度调度填报" not in book.sheetnames else book["月度调度填报"]
    )
    for row, col, value in mutations:
        cell = sheet.cell(row=row, column=col)
        if isinstance(cell, MergedCell):
            continue
        cell.value = value
    book.save(target)
    return target


def _import_never_crashes(store: Store, path: Path, period=None) -> object:
    """Run the whole import; returns the preview or the refusal."""
    try:
        source = open_import(path)
    except ImportRefused as exc:
        assert HAN.search(str(exc)) and "\n" not in str(exc)
        _note("file refused")
        return exc
    try:
        preview = build_preview(store, source, period=period)
    except ImportRefused as exc:
        assert HAN.search(str(exc))
        return exc
    last_row = len(source.sheet.rows)
    for row in preview.rejected:
        assert source.header.first_data_row < row.row <= last_row
        assert row.detail and HAN.search(row.detail)
    if preview.rejected:
        assert f"第 {preview.rejected[0].row} 行" in rejected_text(preview)
    _note("rows rejected" if preview.rejected else "previewed, nothing rejected")
    before = (store.project_count(), store.action_count())
    try:
        with store.action("试导入（回滚）"):
            apply_preview(store, preview, skip_rejected=True)
            raise _Rollback
    except _Rollback:
        pass
    assert (store.project_count(), store.action_count()) == before
    return preview


@FUZZ
@given(
    mutations=st.lists(
        st.tuples(st.integers(1, 27), st.integers(1, 16), cell_values), min_size=1, max_size=8
    )
)
def test_mutated_office_ledger(fuzz_store, tmp_path, mutations):
    path = _mutate(MESSY, tmp_path / "mutated.xlsx", mutations)
    _import_never_crashes(fuzz_store, path)


# (column letter index, field) of the messy ledger's typed columns; data rows 9-11
TYPED = [(7, "total_investment"), (8, "annual_plan"), (9, "planned_start"), (10, "planned_end")]


@FUZZ
@given(
    row=st.sampled_from([9, 10, 11]),
    column=st.sampled_from(TYPED),
    value=LETTERS,
)
def test_unreadable_cell_is_rejected_naming_row_and_column(
    fuzz_store, tmp_path, row, column, value
):
    col, field = column
    path = _mutate(MESSY, tmp_path / "bad_cell.xlsx", [(row, col, value)])
    preview = build_preview(fuzz_store, open_import(path))
    (rejected,) = [r for r in preview.rows if r.row == row]
    assert rejected.status == "rejected"
    assert FIELD_BY_NAME[field].label in rejected.detail and value in rejected.detail
    assert f"第 {row} 行" in rejected_text(preview)


@pytest.fixture(scope="module")
def template(fuzz_store, tmp_path_factory) -> Path:
    from desktop_app.domain.periods import Period
    from desktop_app.reports.template import write_template

    unit = "市发改委"
    for p in fuzz_store.projects()[:6]:
        fuzz_store.update_project(p.id, {"department": unit, "annual_plan": "1000"})
    path = tmp_path_factory.mktemp("tpl") / "template.xlsx"
    write_template(fuzz_store, path, period=Period(2022, 7), unit=unit)
    book = openpyxl.load_workbook(path)
    sheet = book["月度调度填报"]
    first = next(r for r in range(1, 30) if sheet.cell(r, 1).value == 1)
    for i in range(6):
        sheet.cell(first + i, 7).value = 100 + i  # 本月完成投资
        sheet.cell(first + i, 8).value = 50  # 形象进度(%)
        sheet.cell(first + i, 13).value = "2022-07-05"
    book.save(path)
    return path


@FUZZ
@given(
    mutations=st.lists(
        st.tuples(st.integers(1, 16), st.integers(1, 14), cell_values), min_size=1, max_size=6
    )
)
def test_mutated_monthly_return(fuzz_store, template, tmp_path, mutations):
    path = _mutate(template, tmp_path / "return.xlsx", mutations)
    _import_never_crashes(fuzz_store, path)


@FUZZ
@given(column=st.sampled_from([(7, "month_investment"), (8, "progress_pct"), (13, "report_date")]),
       offset=st.integers(0, 5), value=LETTERS)  # fmt: skip
def test_unreadable_monthly_cell_names_row_and_column(
    fuzz_store, template, tmp_path, column, offset, value
):
    col, field = column
    book = openpyxl.load_workbook(template)
    sheet = book["月度调度填报"]
    row = next(r for r in range(1, 30) if sheet.cell(r, 1).value == 1) + offset
    path = _mutate(template, tmp_path / "bad.xlsx", [(row, col, value)])
    preview = build_preview(fuzz_store, open_import(path))
    (rejected,) = [r for r in preview.rows if r.row == row]
    assert rejected.status == "rejected"
    assert MONTHLY_LABELS[field] in rejected.detail and value in rejected.detail


def test_a_clean_copy_imports_without_rejections(fuzz_store, tmp_path):
    """The mutation harness itself changes nothing when given no mutations."""
    path = tmp_path / "copy.xlsx"
    shutil.copy(MESSY, path)
    preview = _import_never_crashes(fuzz_store, path)
    assert not isinstance(preview, ImportRefused)
    assert preview.new or preview.changed
    assert all(
        isinstance(r.values.get("total_investment", Decimal(0)), Decimal) for r in preview.new
    )


def test_huge_negative_number_in_a_date_cell_is_refused_not_a_crash(tmp_path):
    """python-calamine panics (pyo3 PanicException, a BaseException) on such a cell; the
    importer turns that into a refusal."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目名称", "建设单位", "计划开工"])
    sheet.append(["鑫达钢铁180万吨热轧带钢", "鑫达钢铁", -(10**15)])
    sheet["C2"].number_format = "yyyy-mm-dd"
    path = tmp_path / "panic.xlsx"
    book.save(path)
    with pytest.raises(ImportRefused, match="超出范围"):
        open_import(path)
