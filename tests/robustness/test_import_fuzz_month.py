"""Mutated ledgers with the month's figures (issue 16, item 4): random cells in the month's
columns and in the title, random merged blocks.  Only a refusal in Chinese may come out, and
applying writes exactly the monthly reports the preview showed, each where it said."""

from __future__ import annotations

import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell

from desktop_app.importers import ImportRefused, apply_preview, build_preview, open_import
from desktop_app.store import MonthlyReport, Store

FIXTURES = Path(__file__).parents[1] / "fixtures" / "xlsx"
LEDGER = FIXTURES / "month_ledger.xlsx"
HAN = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
cells = st.one_of(
    st.none(),
    st.text(max_size=12).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.sampled_from(
        [
            "1,234.5",
            "3.2亿元",
            "-50",
            "50%",
            "0.45",
            "待定",
            "2022年7月",
            "截至2022年5月31日",
            "1-7月完成投资",
            "本月完成投资",
            "—",
            "１２０",
        ]
    ),  # fmt: skip
    st.integers(-1000, 10**7),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
)


def _module():
    spec = importlib.util.spec_from_file_location("make_month", FIXTURES / "make_month_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _module()


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    store = Store.create(
        tmp_path_factory.mktemp("fuzz") / "ledger.sqlite", user="测试员", portfolio=False
    )
    store.conn.execute("UPDATE meta SET value = '2022' WHERE key = 'current_year'")
    for code, (name, region, total, plan) in MAKE.BEFORE.items():
        project = store.add_project(
            {"code": code, "name": name, "region": region, "total_investment": Decimal(total),
             "annual_plan": Decimal(plan)}
        )  # fmt: skip
        store.save_monthly_reports(
            [
                MonthlyReport(project.id, f"2022-{m:02d}", Decimal(v))
                for m, v in enumerate(MAKE.EARLIER[code], start=1)
            ]
        )
    yield store
    store.close()


@FUZZ
@given(
    values=st.lists(
        st.tuples(st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8]), st.integers(1, 12), cells),
        max_size=6,
    ),
    block=st.one_of(st.none(), st.tuples(st.integers(4, 7), st.integers(1, 2), st.integers(7, 11))),
)
def test_mutated_month_ledger(fuzz_store, tmp_path, values, block):
    book = openpyxl.load_workbook(LEDGER)
    sheet = book.active
    for row, col, value in values:
        cell = sheet.cell(row=row, column=col)
        if not isinstance(cell, MergedCell):
            cell.value = value
    if block is not None:
        top, down, col = block
        sheet.merge_cells(start_row=top, start_column=col, end_row=top + down, end_column=col)
    path = tmp_path / "mutated.xlsx"
    book.save(path)
    try:
        preview = build_preview(fuzz_store, open_import(path))
    except ImportRefused as exc:  # PeriodNeeded among them
        assert HAN.search(str(exc)) and "\n" not in str(exc)
        return
    for row in preview.rows:
        if row.status == "rejected":
            assert row.detail and HAN.search(row.detail)
    if preview.period is None:
        return
    before = fuzz_store.monthly_reports(preview.period)
    shown = {
        r.project_id: r.month
        for r in preview.month_rows
        if r.project_id is not None and r.month is not None and r.month.status != "unchanged"
    }
    new_rows = [r for r in preview.new if r.month is not None and r.month.status == "new"]
    try:
        with fuzz_store.action("试导入（回滚）"):
            apply_preview(fuzz_store, preview, skip_rejected=True)
            written = fuzz_store.monthly_reports(preview.period)
            for pid, month in shown.items():
                for field, value in month.values.items():
                    assert getattr(written[pid], field) == value
            added = sum(m.status == "new" for m in shown.values()) + len(new_rows)
            assert len(written) == len(before) + added
            raise _Rollback
    except _Rollback:
        pass
    assert fuzz_store.monthly_reports(preview.period) == before
