"""Mutated workbooks of many sheets: random cells, random merged blocks over the data, sheets
hidden at random (issue 16, items 2 and 3).  Only :class:`ImportRefused` may come out; every
row keeps a sheet that was read and a row number inside its table; a county merged down over
rows gives each covered row the county of its top cell."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell

from desktop_app.importers import (
    ImportRefused,
    apply_preview,
    build_preview,
    open_import,
    rejected_text,
)
from desktop_app.store import Store

SHEETS = Path(__file__).parents[1] / "fixtures" / "xlsx" / "sheets_ledger.xlsx"
HAN = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TABLES = ("新建项目", "续建项目")
cells = st.one_of(
    st.none(),
    st.text(max_size=20).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.sampled_from(
        [
            "东丰县",
            "龙山区",
            "一、东丰县",
            "（一）工业项目",
            "工业",
            "小计",
            "合计",
            "注：",
            "项目名称",
            "XJ2022-01",
            "东丰县梅花鹿产业园",
            "2022年3月",
            "1,234.5",
            "待定",
            "续建",
        ]
    ),
    st.integers(-1000, 10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
merges = st.tuples(
    st.sampled_from(TABLES),
    st.integers(4, 12),  # top row
    st.integers(1, 4),  # rows below it
    st.integers(1, 9),  # first column
    st.integers(0, 1),  # columns right of it
)


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    store = Store.create(tmp_path_factory.mktemp("fuzz") / "ledger.sqlite", user="测试员")
    yield store
    store.close()


def _mutate(target: Path, values, blocks, hidden) -> Path:
    book = openpyxl.load_workbook(SHEETS)
    for name, row, col, value in values:
        cell = book[name].cell(row=row, column=col)
        if not isinstance(cell, MergedCell):
            cell.value = value
    for name, top, down, left, right in blocks:
        ws = book[name]
        box = (top, left, top + down, left + right)
        for merged in list(ws.merged_cells.ranges):  # no overlapping ranges (Excel's rule)
            if not (
                merged.max_row < box[0]
                or merged.min_row > box[2]
                or merged.max_col < box[1]
                or merged.min_col > box[3]
            ):
                ws.unmerge_cells(str(merged))
        ws.merge_cells(
            start_row=top, start_column=left, end_row=top + down, end_column=left + right
        )
    for name in hidden:
        book[name].sheet_state = "hidden"
    book.active = next(i for i, ws in enumerate(book.worksheets) if ws.sheet_state == "visible")
    book.save(target)
    return target


@FUZZ
@given(
    values=st.lists(
        st.tuples(st.sampled_from(TABLES), st.integers(3, 14), st.integers(1, 9), cells),
        max_size=6,
    ),
    blocks=st.lists(merges, max_size=4),
    hidden=st.sets(st.sampled_from(TABLES), max_size=1),
)
def test_mutated_workbook_of_sheets(fuzz_store, tmp_path, values, blocks, hidden):
    path = _mutate(tmp_path / "mutated.xlsx", values, blocks, hidden)
    try:
        source = open_import(path)
    except ImportRefused as exc:
        assert HAN.search(str(exc)) and "\n" not in str(exc)
        return
    assert not set(source.sheet_names) & hidden
    try:
        preview = build_preview(fuzz_store, source)
    except ImportRefused as exc:
        assert HAN.search(str(exc))
        return
    tables = {t.sheet.name: t for t in source.tables}
    for row in preview.rows:
        header = tables[row.sheet]
        assert header.first_data_row < row.row <= len(header.sheet.rows)
        if row.status == "rejected":
            assert row.detail and HAN.search(row.detail)
    if preview.rejected:
        assert preview.place(preview.rejected[0]) in rejected_text(preview)
    _county_fills_its_block(source, preview)
    before = (fuzz_store.project_count(), fuzz_store.action_count())
    try:
        with fuzz_store.action("试导入（回滚）"):
            apply_preview(fuzz_store, preview, skip_rejected=True)
            raise _Rollback
    except _Rollback:
        pass
    assert (fuzz_store.project_count(), fuzz_store.action_count()) == before


def _county_fills_its_block(source, preview) -> int:
    """Every new row under a 县区 cell merged down shows that cell's county (how many rows
    were checked)."""
    if "新建项目" not in source.sheet_names:
        return 0
    header = source.table("新建项目")
    col = header.mapping().get("region")
    keys = {header.mapping().get("name"), header.mapping().get("code")}
    if col is None:
        return 0
    sheet = header.sheet
    expected: dict[int, str] = {}
    for (r1, c1), (r2, c2) in sheet.merged:
        if r2 > r1 and r1 >= header.first_data_row and c1 <= col <= c2:
            if any(k is not None and c1 <= k <= c2 for k in keys):
                continue
            anchor = sheet.value(r1, c1)
            if anchor in ("东丰县", "龙山区"):
                expected.update(dict.fromkeys(range(r1 + 2, r2 + 2), anchor))  # Excel rows
    checked = 0
    for row in preview.rows:
        if row.sheet == "新建项目" and row.status == "new" and row.row in expected:
            assert row.values.get("region") == expected[row.row], row
            checked += 1
    return checked


def test_the_unmutated_workbook_checks_the_merged_counties(fuzz_store, tmp_path):
    path = _mutate(tmp_path / "copy.xlsx", [], [], set())
    source = open_import(path)
    preview = build_preview(fuzz_store, source)
    assert not preview.rejected
    assert _county_fills_its_block(source, preview) == 3  # rows 5 and 6 (东丰县), 8 (龙山区)
