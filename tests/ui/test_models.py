"""The base table model (columns declared as specs) and every table model of the interface
under pytest-qt's model tester."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.store import Milestone, MonthlyReport, Problem
from desktop_app.ui.dashboard.board import LaggingModel
from desktop_app.ui.dialogs.backup import BackupTableModel
from desktop_app.ui.dialogs.import_wizard import ColumnMappingModel, PreviewModel
from desktop_app.ui.dialogs.template import UnitListModel
from desktop_app.ui.models.base import CENTER, RIGHT, ColumnSpec, SpecTableModel
from desktop_app.ui.models.project import ProjectTableModel
from desktop_app.ui.models.records import RecordTableModel
from desktop_app.ui.monthly.grid import MonthlyGridModel

RED = QColor("#C00000")
FILL = QBrush(QColor("#FFF4CC"))


class Fruit(SpecTableModel):
    context = "Test"
    COLUMNS = (
        ColumnSpec(QT_TRANSLATE_NOOP("Test", "名称"), lambda r: r.name, tooltip=lambda r: r.note),
        ColumnSpec(
            QT_TRANSLATE_NOOP("Test", "数量"),
            lambda r: r.count,
            RIGHT,
            foreground=lambda r: RED if r.count is None else None,
            edit=lambda r: r.count,
        ),
    )


def test_spec_model_answers_from_its_column_specs(qtmodeltester):
    model = Fruit(background=lambda r: FILL)
    qtmodeltester.check(model, force_py=True)  # empty
    model.set_rows(
        [
            SimpleNamespace(name="苹果", count=3, note="红"),
            SimpleNamespace(name="梨", count=None, note=None),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["名称", "数量"]
    assert model.headerData(1, Qt.Orientation.Vertical) == 2
    assert model.index(0, 1).data() == 3 and model.index(1, 1).data() == ""  # None shows blank
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "红"
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) == RED
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == FILL  # the row's colour
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) == 3
    assert model.row(1).name == "梨"
    assert int(Qt.AlignmentFlag.AlignCenter) == CENTER


def test_every_table_model_is_built_on_the_base():
    for model in (
        LaggingModel,
        BackupTableModel,
        ColumnMappingModel,
        PreviewModel,
        ProjectTableModel,
        RecordTableModel,
        MonthlyGridModel,
        UnitListModel,
    ):
        assert issubclass(model, SpecTableModel), model
    assert SpecTableModel.__mro__[1] is QAbstractTableModel


def test_record_models_of_the_project_form(qtmodeltester, make_window, store):
    project = store.find_project("LY2022-001")
    store.save_monthly_reports(
        [
            MonthlyReport(project.id, "2022-05", Decimal("1000"), 40, "主体施工", "厂房封顶"),
            MonthlyReport(project.id, "2022-06", Decimal("500"), 50),
        ]
    )
    store.save_milestone(Milestone(project.id, "设备安装", planned_date="2022-03"))
    store.save_problem(Problem(project.id, "用电增容未批复", department="供电公司"))
    window = make_window(store)
    dialog = window.edit_project(project.id)
    for model in (
        dialog.monthly_model,
        dialog.milestone_model,
        dialog.problem_model,
        dialog.history_model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    assert dialog.monthly_model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert dialog.problem_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert dialog.monthly_model.headerData(0, Qt.Orientation.Vertical) == 1
    qtmodeltester.check(RecordTableModel([("名称", lambda r: r)]), force_py=True)


def test_ledger_table_model(qtmodeltester, store):
    model = ProjectTableModel(store)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(store.project_rows())


def test_the_ledger_rounds_a_rate_as_the_reports_and_excel_do():
    """12.25% shows as 12.3% in the ledger cell, as in the dashboard and the reports (half up),
    not 12.2% (the float's round-half-even)."""
    from desktop_app.domain.text import rate_percent
    from desktop_app.ui.models.project import rate_text

    assert rate_text(0.1225) == rate_percent(0.1225) == "12.3%"
    assert rate_text(None) == ""
