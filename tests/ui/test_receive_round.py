"""收取月报 in the window (issue 17, item 3): many returns at once, previewed in the background
with a progress bar, a conflict resolved by choosing a file, applied as one action."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from desktop_app.domain.periods import Period
from desktop_app.store import Store
from desktop_app.ui import jobs
from desktop_app.ui.dialogs.receive_round import ReceiveRoundDialog
from tests.returns_round import DONGFENG, GONGXIN, MR, PERIOD, ZHUJIAN


@pytest.fixture
def round_back(store: Store, tmp_path: Path) -> Path:
    """Three units' July templates; two filled and put in one .zip, one filled in a folder."""
    MR.assign_units(store)
    sent = MR.templates(store, tmp_path / "发出", PERIOD)
    back = tmp_path / "收回"
    back.mkdir()
    for unit, values in (
        (GONGXIN, {"LY2022-001": {"本月完成投资": 120.5, "形象进度": "主体施工"}}),
        (ZHUJIAN, {"LY2022-011": {"本月完成投资": 30}}),
        (DONGFENG, {"LY2022-021": {"本月完成投资": 8, "存在问题": "用地未批"}}),
    ):
        MR.fill(sent[unit], values, to=back / sent[unit].name)
    with zipfile.ZipFile(tmp_path / "两个单位.zip", "w") as z:
        for unit in (GONGXIN, ZHUJIAN):
            z.write(back / sent[unit].name, sent[unit].name)
            (back / sent[unit].name).unlink()
    return back


def _dialog(qtbot, store) -> ReceiveRoundDialog:
    dialog = ReceiveRoundDialog(store, period=PERIOD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _preview(qtbot, dialog: ReceiveRoundDialog) -> None:
    steps: list[tuple[int, int]] = []
    dialog._reporter.step.connect(lambda done, total: steps.append((done, total)))
    assert dialog.start_preview() is not None
    assert jobs.wait_all(dialog)
    assert dialog.preview is not None, dialog.error.text()
    assert steps and steps[-1][0] == steps[-1][1]  # the bar went to the end


def test_a_zip_and_a_folder_preview_and_apply_as_one_action(
    qtbot, qtmodeltester, store, round_back, tmp_path
):
    dialog = _dialog(qtbot, store)
    dialog.received_edit.setDate(QDate(2022, 8, 3))
    dialog.add_paths([tmp_path / "两个单位.zip", round_back])
    assert dialog.deadline.text() == "截止日期：2022-08-05"
    _preview(qtbot, dialog)
    qtmodeltester.check(dialog.files)
    qtmodeltester.check(dialog.lines)
    assert dialog.files.rowCount() == 3
    assert {dialog.files.index(r, 2).data() for r in range(3)} == {"按时"}
    assert "新增 3 条" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()
    before = store.action_count()
    dialog.start_apply()
    assert jobs.wait_all(dialog)
    assert dialog.result is not None, dialog.error.text()
    assert "写入月报 3 条，3 条待审核" in dialog.summary.text()
    assert store.action_count() == before + 1
    july = store.monthly_reports(PERIOD)
    by_code = {p.id: p.code for p in store.projects()}
    assert {by_code[pid]: r.month_investment for pid, r in july.items()} == {
        "LY2022-001": Decimal("120.50"), "LY2022-011": Decimal("30.00"), "LY2022-021": Decimal("8.00")
    }  # fmt: skip
    assert {s.state for s in store.review_states(PERIOD).values()} == {"pending"}


def test_a_project_in_two_files_waits_until_a_file_is_chosen(qtbot, store, round_back, tmp_path):
    with zipfile.ZipFile(tmp_path / "两个单位.zip") as z:
        z.extractall(tmp_path / "解压")
    first = next((tmp_path / "解压").glob(f"*{GONGXIN}*"))
    again = MR.fill(first, {"LY2022-001": {"本月完成投资": 99}}, to=tmp_path / "再报一次.xlsx")
    dialog = _dialog(qtbot, store)
    dialog.received_edit.setDate(QDate(2022, 8, 9))  # after the 5th: 逾期
    dialog.add_paths([first, again])
    _preview(qtbot, dialog)
    assert {dialog.files.index(r, 2).data() for r in range(2)} == {"逾期"}
    assert dialog.filter_box.currentData() == "conflict"
    assert dialog.lines.rowCount() == 1 and dialog.lines.index(0, 0).data() == "冲突"
    assert not dialog.apply_button.isEnabled()
    dialog.lines_table.selectRow(0)
    assert dialog.choose_file("再报一次.xlsx")
    assert not dialog.preview.conflicts and dialog.apply_button.isEnabled()
    dialog.start_apply()
    assert jobs.wait_all(dialog)
    pid = store.find_project("LY2022-001").id
    assert store.monthly_reports(PERIOD)[pid].month_investment == Decimal("99.00")


def test_a_file_of_another_period_is_refused_and_the_rest_still_previews(
    qtbot, store, round_back, tmp_path
):
    other = MR.templates(store, tmp_path / "八月", Period(2022, 8))
    dialog = _dialog(qtbot, store)
    dialog.received_edit.setDate(QDate(2022, 8, 3))  # before the 5th: the good file is 按时
    dialog.add_paths([other[DONGFENG], round_back])
    _preview(qtbot, dialog)
    states = {dialog.files.index(r, 0).data(): dialog.files.index(r, 2).data() for r in range(2)}
    assert sorted(states.values()) == ["拒绝", "按时"]
    refused = next(r for r in range(2) if dialog.files.index(r, 2).data() == "拒绝")
    assert "2022-08" in dialog.files.index(refused, 3).data()
    assert "新增 1 条" in dialog.summary.text()
