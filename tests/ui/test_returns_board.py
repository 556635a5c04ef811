"""报送情况与审核 in the window (issue 17, items 4-5): the board of a period, the reports waiting
for review accepted or returned, the 催报 list copied and exported, 报送及时率."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from python_calamine import CalamineWorkbook

from desktop_app.ui.dialogs.returns_board import ReturnsBoardDialog
from tests.review_fixtures import JULY, receive, with_units


def _dialog(qtbot, store) -> ReturnsBoardDialog:
    dialog = ReturnsBoardDialog(store, period=JULY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cells(model, row: int) -> list:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _july(empty_store):
    store = with_units(empty_store)
    receive(store, JULY, "市工信局", {"GX-1": "10", "GX-2": "20"}, at="2022-08-03T09:00:00",
            warnings={"GX-2": ["本月完成投资与上月相同"]})  # fmt: skip
    receive(store, JULY, "东丰县政府", {"DF-1": "5"}, at="2022-08-09T16:00:00")  # late
    return store


def test_the_board_shows_each_unit_and_its_counts(qtbot, qtmodeltester, empty_store):
    dialog = _dialog(qtbot, _july(empty_store))
    qtmodeltester.check(dialog.board)
    rows = {
        dialog.board.index(r, 0).data(): _cells(dialog.board, r)
        for r in range(dialog.board.rowCount())
    }
    # 责任单位 联系人 电话 项目数 已上报 待审核 退回 未上报 状态 逾期
    assert rows["工信局"][1:8] == ["张科长", "0437-3212345", 3, 0, 2, "", 1]
    assert rows["工信局"][8] == "部分上报"
    assert rows["东丰县政府"][9] == "逾期未报"  # one project still missing after the 5th
    assert rows["市住建局"][7:9] == [1, "未上报"]
    assert "已上报 0、待审核 3、退回 0、未上报 3 个项目" in dialog.summary.text()
    assert dialog.tabs.tabText(1) == "待审核月报（3）(&R)"


def test_reports_are_accepted_by_unit_and_returned_with_a_reason(qtbot, empty_store):
    store = _july(empty_store)
    dialog = _dialog(qtbot, store)
    qtmodeltester_rows = dialog.reviews.rowCount()
    assert qtmodeltester_rows == 3
    dialog.tabs.setCurrentIndex(1)
    assert dialog.accept_clean()  # GX-1 and DF-1 have no warning
    assert dialog.reviews.rowCount() == 1
    assert dialog.reviews.index(0, 4).data() == "本月完成投资与上月相同"
    dialog.review_table.selectRow(0)
    assert dialog.return_selected_reports(reason="与上月完全相同，请核实")
    assert dialog.reviews.index(0, 3).data() == "退回"
    states = {s.project_id: s.state for s in store.review_states(JULY).values()}
    assert sorted(states.values()) == ["accepted", "accepted", "returned"]
    assert dialog.dirty
    board = {
        dialog.board.index(r, 0).data(): _cells(dialog.board, r)
        for r in range(dialog.board.rowCount())
    }
    assert board["工信局"][4:7] == [1, "", 1]


def test_the_chase_list_is_copied_and_exported(qtbot, empty_store, tmp_path):
    dialog = _dialog(qtbot, _july(empty_store))
    dialog.copy_chase()
    text = QGuiApplication.clipboard().text()
    assert "2022年7月月报催报名单" in text
    assert "工信局（张科长，0437-3212345）：GX-3 项目GX-3" in text
    assert "市住建局（王科员，0437-3300000）：ZJ-1 项目ZJ-1" in text
    assert dialog.export_chase(tmp_path / "催报.xlsx")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "催报.xlsx")).get_sheet_by_index(0)
    flat = " ".join(str(v) for row in sheet.to_python() for v in row)
    assert "GX-3" in flat and "王科员" in flat


def test_a_returned_unit_gets_its_notice_and_timeliness_is_listed(qtbot, empty_store, tmp_path):
    store = _july(empty_store)
    dialog = _dialog(qtbot, store)
    row = next(
        r for r in range(dialog.board.rowCount()) if dialog.board.index(r, 0).data() == "工信局"
    )
    dialog.board_table.selectRow(row)
    assert not dialog.write_notice(tmp_path / "n.xlsx")  # nothing returned yet
    assert "没有被退回的月报" in dialog.error.text()
    assert dialog.return_selected_units(reason="数据有误")
    dialog.board_table.selectRow(row)
    assert dialog.write_notice(tmp_path / "退回通知.xlsx")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "退回通知.xlsx")).get_sheet_by_index(0)
    flat = " ".join(str(v) for r in sheet.to_python() for v in r)
    assert "数据有误" in flat and "GX-1" in flat
    assert dialog.timeliness.rowCount() == 0  # read when its tab is shown
    dialog.tabs.setCurrentIndex(2)
    rates = {dialog.timeliness.index(r, 0).data(): dialog.timeliness.index(r, 3).data()
             for r in range(dialog.timeliness.rowCount())}  # fmt: skip
    assert rates["工信局"] == "100.0%" and rates["东丰县政府"] == "0.0%"
    late = {dialog.timeliness.index(r, 0).data(): dialog.timeliness.index(r, 4).data()
            for r in range(dialog.timeliness.rowCount())}  # fmt: skip
    assert late["东丰县政府"] == "2022年7月" and late["工信局"] == ""
    assert dialog.export_timeliness(tmp_path / "及时率.xlsx")
