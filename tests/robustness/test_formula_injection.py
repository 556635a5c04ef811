"""Exported text that looks like a formula (=, +, -, @, tab, carriage return) stays text.

Checked in the sheet XML itself: no ``<f>`` element anywhere, and the cell is an inline string
holding the text; then read back with openpyxl and python-calamine.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from desktop_app.domain.periods import Period
from desktop_app.domain.text import clean_text
from desktop_app.reports import REPORTS, export_report
from desktop_app.reports.template import write_template
from desktop_app.reports.xlsx import Workbook
from desktop_app.store import MonthlyReport, Problem, Store

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PREFIXES = ["=", "+", "-", "@", "\t", "\r", "\r\n=", "=-", "@SUM(", "+86 "]
PAYLOADS = ['cmd|" /C calc"!A0', 'HYPERLINK("http://x","点我")', "1+1", "SUM(A1:A9)", "2022"]
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

dangerous = st.builds(
    lambda prefix, body: prefix + body,
    st.sampled_from(PREFIXES),
    st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=30)),
)


def _as_written(text: str) -> str:
    """What a text cell holds after XML (line ends normalised, illegal characters dropped)."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _worksheet_cells(path: Path) -> list[tuple[str | None, str, bool]]:
    """(type, text, has_formula) of every cell of every worksheet, from the XML."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.startswith("xl/worksheets/") or not name.endswith(".xml"):
                continue
            root = ElementTree.fromstring(z.read(name))
            assert root.find(f".//{NS}f") is None, f"a formula in {name}"
            for cell in root.iter(f"{NS}c"):
                text = "".join(t.text or "" for t in cell.iter(f"{NS}t"))
                out.append((cell.get("t"), text, cell.find(f"{NS}f") is not None))
    return out


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(dangerous, min_size=1, max_size=6))
def test_writer_keeps_formula_like_text_as_text(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("x") / "cells.xlsx"
    with Workbook(title="测试") as book:
        sheet = book.add_sheet("表1")
        sheet.append(texts, 0)
        book.save(path)
    cells = _worksheet_cells(path)
    expected = [_as_written(t) for t in texts]
    written = [(kind, text) for kind, text, _ in cells]
    for value in expected:
        if value:
            assert ("inlineStr", value) in written
    row = [c for c in openpyxl.load_workbook(path).active[1] if c.value is not None]
    assert [c.value for c in row] == [e for e in expected if e]
    assert all(c.data_type == "s" for c in row)  # text, not a formula
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert [v for v in calamine[0] if v != ""] == [e for e in expected if e]


@pytest.fixture(scope="module")
def export_store(tmp_path_factory):
    store = Store.create(tmp_path_factory.mktemp("inj") / "ledger.sqlite", user="测试员")
    yield store
    store.close()


class _Rollback(Exception):
    pass


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # what is left once the store drops control characters must be a name / a problem
    name=dangerous.filter(lambda s: 0 < len(clean_text(s) or "") <= 100),
    owner=dangerous,
    progress=dangerous,
    problem=dangerous.filter(lambda s: clean_text(s, multiline=True)),
)
def test_every_report_keeps_formula_like_ledger_text_as_text(
    export_store, tmp_path, name, owner, progress, problem
):
    store = export_store
    period = Period(2022, 6)
    try:
        with store.action("注入测试（回滚）"):
            p = store.add_project(
                {"name": name, "owner": owner, "department": "测试单位", "annual_plan": "100"}
            )
            store.save_monthly_report(
                MonthlyReport(p.id, str(period), Decimal("10"), progress_text=progress)
            )
            store.save_problem(Problem(p.id, problem, department=owner))
            stored = store.get_project(p.id)
            files = []
            for kind in REPORTS:
                target = tmp_path / f"{kind}.xlsx"
                export_report(store, kind, target, period=period)
                files.append(target)
            template = tmp_path / "template.xlsx"
            write_template(store, template, period=period, unit="测试单位")
            files.append(template)
            raise _Rollback
    except _Rollback:
        pass
    # the text as stored (control characters dropped) is what the reports must keep as text
    texts = {
        stored.name,
        stored.owner,
        clean_text(progress),
        clean_text(problem, multiline=True),
    } - {None, ""}
    found: set[str] = set()
    for path in files:
        for kind, text, has_formula in _worksheet_cells(path):
            assert not has_formula
            if text and text[0] in "=+-@\t\n":
                assert kind == "inlineStr", (path.name, text)
            found |= {t for t in texts if _as_written(t) in text}
    assert _as_written(stored.name) and stored.name in found  # the name reached the sheets
