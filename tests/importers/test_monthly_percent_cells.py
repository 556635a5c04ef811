"""形象进度(%) in a returned monthly sheet: a column formatted as percentages in Excel holds
fractions (50% is stored as 0.5), read as 50; whole points (65) and text (“50%”) as written."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop_app.domain.periods import Period
from desktop_app.importers import apply_preview, preview_file

PERIOD = Period(2022, 7)


def _return(path: Path, progress: list[object], percent_format: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2022年7月重点项目调度表"])
    sheet.append(["项目编号", "项目名称", "本月完成投资（万元）", "形象进度(%)"])
    for i, value in enumerate(progress, start=1):
        sheet.append([f"LY2022-{i:03d}", None, 10, value])
        if percent_format:
            sheet.cell(row=sheet.max_row, column=4).number_format = "0%"
    book.save(path)
    return path


def _progress(store, path: Path) -> tuple[list[float | None], list[str]]:
    preview = preview_file(store, path, kind="monthly", period=PERIOD)
    apply_preview(store, preview)
    reports = store.monthly_reports(PERIOD)
    ids = [store.find_project(f"LY2022-{i:03d}").id for i in range(1, 4)]
    return [reports[i].progress_pct for i in ids], preview.warnings


def test_a_column_formatted_as_percent_reads_its_fractions_as_percent(store, tmp_path):
    path = _return(tmp_path / "月报.xlsx", [0.5, 0.35, 1], percent_format=True)
    values, warnings = _progress(store, path)
    assert values == [50.0, 35.0, 100.0]
    assert any("已按 0.5 = 50% 换算" in w for w in warnings)


def test_points_and_text_are_read_as_written(store, tmp_path):
    path = _return(tmp_path / "月报.xlsx", [65, "50%", 0.5], percent_format=False)
    values, warnings = _progress(store, path)
    assert values == [65.0, 50.0, 0.5]  # 65 in the column: its numbers are points
    assert not any("换算" in w for w in warnings)
