"""Every action of the main window, declared once (after Picard's ``ui/mainwindow/actions.py``).

:data:`ACTIONS` lists each action: its object name, text, shortcuts, the name of the window
method it calls, and which menu it is in.  :data:`MENUS` gives the menu bar's menus
in order; within a menu, entries come in the order of :data:`ACTIONS`, with :class:`Separator`
and :class:`Submenu` entries between them.  :func:`build` makes the QActions (once per window)
and :func:`assemble` the menus and the toolbar from them.  Nothing else creates a menu entry.

Texts are translated in the window's context (``MainWindow`` in keyprojects_en.ts).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Union

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

K = QKeySequence.StandardKey
Shortcut = Union[str, QKeySequence.StandardKey]  # noqa: UP007 - a runtime alias


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("MainWindow", text)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ActionSpec:
    """One action.  ``slot`` names a method of the window (or, dotted, of one of its parts:
    ``page.clear_filters`` is the ledger page's), called without arguments.  Enabled always,
    except ``undo`` ('undo' or 'redo'): the undo stack's own action, enabled when there is a
    step to undo or redo (its text then names it).  ``fallback`` is the shortcut when
    the platform has none for the standard key."""

    id: str
    text: str
    slot: str | None = None
    shortcuts: tuple[Shortcut, ...] = ()
    menu: str | None = None
    fallback: str = ""
    undo: str | None = None


@dataclass(frozen=True)
class Separator:
    menu: str


@dataclass(frozen=True)
class Submenu:
    """A submenu filled by the window method ``fill(menu)`` (dotted as a slot) each time it is
    about to show."""

    id: str
    title: str
    menu: str
    fill: str


Entry = Union[ActionSpec, Separator, Submenu]  # noqa: UP007

#: The menu bar: (object name, title), in order.
MENUS: tuple[tuple[str, str], ...] = (
    ("menuFile", _t("文件(&F)")),
    ("menuEdit", _t("编辑(&E)")),
    ("menuView", _t("视图(&V)")),
    ("menuReports", _t("报表(&R)")),
    ("menuTools", _t("工具(&T)")),
    ("menuHelp", _t("帮助(&H)")),
)

_F, _E, _V, _R, _T, _H = (name for name, _title in MENUS)

#: Every action and menu entry, in menu order.
ACTIONS: tuple[Entry, ...] = (
    # 文件
    ActionSpec("actionNewLedger", _t("新建台账…"), "files.new_ledger", ("Ctrl+Shift+N",), _F),
    ActionSpec("actionOpenLedger", _t("打开台账…"), "files.open_other", (K.Open,), _F, fallback="Ctrl+O"),
    Submenu("menuRecentLedgers", _t("最近打开"), _F, "files.fill_recent_menu"),
    ActionSpec(
        "actionSaveLedgerAs", _t("另存为（复制台账）…"), "files.save_copy", (K.SaveAs,), _F,
        fallback="Ctrl+Shift+S",
    ),
    Separator(_F),
    ActionSpec("actionImport", _t("导入 Excel（台账或月报）…"), "open_import", ("Ctrl+I",), _F),
    ActionSpec("actionReceiveReturns", _t("收取各单位月报…"), "open_receive_round", ("Ctrl+Shift+I",), _F),
    Separator(_F),
    ActionSpec("actionRefresh", _t("刷新"), "refresh", (K.Refresh,), _F),
    Separator(_F),
    ActionSpec("actionQuit", _t("退出"), "close", ("Ctrl+Q",), _F),
    # 编辑
    ActionSpec("actionUndo", _t("撤销"), None, (K.Undo,), _E, undo="undo"),
    ActionSpec(
        "actionRedo", _t("重做"), None, ("Ctrl+Y", "Ctrl+Shift+Z"), _E, undo="redo"
    ),
    Separator(_E),
    ActionSpec("actionNewProject", _t("新增项目…"), "new_project", (K.New,), _E),
    ActionSpec("actionEditProject", _t("编辑项目…"), "edit_project", ("Ctrl+E",), _E),
    ActionSpec("actionDuplicateProject", _t("复制为新项目…"), "duplicate_project", ("Ctrl+D",), _E),
    ActionSpec(
        "actionDeleteProject", _t("删除项目"), "delete_project", ("Ctrl+Delete",), _E
    ),
    Separator(_E),
    ActionSpec("actionFind", _t("查找"), "focus_search", (K.Find,), _E),
    ActionSpec("actionClearFilters", _t("清除筛选"), "page.clear_filters", ("Ctrl+Shift+L",), _E),
    # 视图
    ActionSpec("actionLedgerTab", _t("项目台账"), "show_ledger", ("Ctrl+1",), _V),
    ActionSpec("actionMonthlyTab", _t("月度调度"), "show_monthly", ("Ctrl+2",), _V),
    ActionSpec("actionDashboardTab", _t("调度看板"), "show_dashboard", ("Ctrl+3",), _V),
    Separator(_V),
    Submenu("menuColumns", _t("显示的列"), _V, "page.table.fill_column_menu"),
    ActionSpec("actionResetColumns", _t("恢复默认列"), "page.table.apply_default_columns", (), _V),
    Separator(_V),
    ActionSpec("actionSaveView", _t("保存当前视图…"), "page.save_view_interactive", (), _V),
    Submenu("menuSavedViews", _t("打开视图"), _V, "fill_views_menu"),
    Submenu("menuDeleteViews", _t("删除视图"), _V, "page.fill_delete_views_menu"),
    # 报表
    ActionSpec("actionExportReport", _t("导出报表…"), "open_export", ("Ctrl+P",), _R),
    ActionSpec(
        "actionExportView", _t("导出当前视图的台账…"), "open_export_view", ("Ctrl+Shift+P",), _R
    ),
    Separator(_R),
    ActionSpec("actionUnitTemplates", _t("生成月度填报模板…"), "open_templates", (), _R),
    ActionSpec("actionReturnsBoard", _t("报送情况与审核…"), "open_returns_board", ("Ctrl+Shift+R",), _R),
    ActionSpec("actionCompare", _t("两期对比…"), "open_compare", (), _R),
    # 工具
    ActionSpec("actionNewYear", _t("年度切换…"), "open_new_year", (), _T),
    ActionSpec("actionUnits", _t("责任单位通讯录…"), "open_units", (), _T),
    Separator(_T),
    ActionSpec("actionClosePeriod", _t("关账…"), "rounds.close_period", (), _T),
    ActionSpec("actionReopenPeriod", _t("重新开账…"), "rounds.reopen_period", (), _T),
    Separator(_T),
    ActionSpec("actionBackups", _t("备份与恢复…"), "open_backups", ("Ctrl+B",), _T),
    ActionSpec("actionSettings", _t("设置…"), "open_settings", (K.Preferences,), _T, fallback="Ctrl+,"),
    # 帮助
    ActionSpec("actionAbout", _t("关于"), "about", (K.HelpContents,), _H),
)  # fmt: skip

#: The toolbar: action ids in order, None for a separator (the period chooser follows).
TOOLBAR: tuple[str | None, ...] = (
    "actionNewProject", "actionEditProject", "actionDeleteProject", None,
    "actionUndo", "actionRedo", None,
)  # fmt: skip


def specs() -> list[ActionSpec]:
    return [e for e in ACTIONS if isinstance(e, ActionSpec)]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build(window: QMainWindow, undo_stack: QUndoStack) -> dict[str, QAction]:
    """One QAction per :class:`ActionSpec`, added to ``window`` (so shortcuts work without the
    menus), connected to its slot; by id."""
    actions: dict[str, QAction] = {}
    for spec in specs():
        if spec.undo == "undo":
            action = undo_stack.createUndoAction(window, _tr(spec.text))
        elif spec.undo == "redo":
            action = undo_stack.createRedoAction(window, _tr(spec.text))
        else:
            action = QAction(_tr(spec.text), window)
        action.setObjectName(spec.id)
        keys = [QKeySequence(k) for k in spec.shortcuts]
        keys = [k for k in keys if not k.isEmpty()] or (
            [QKeySequence(spec.fallback)] if spec.fallback else []
        )
        if keys:
            action.setShortcuts(keys)
        if spec.slot is not None:
            slot = attrgetter(spec.slot)(window)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        window.addAction(action)
        actions[spec.id] = action
    return actions


def assemble(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """The menu bar's menus (and submenus) from :data:`MENUS` and :data:`ACTIONS`; by id."""
    menus: dict[str, QMenu] = {}
    for name, title in MENUS:
        menu = window.menuBar().addMenu(_tr(title))
        menu.setObjectName(name)
        menus[name] = menu
    for entry in ACTIONS:
        menu = menus[entry.menu]  # type: ignore[index]
        if isinstance(entry, Separator):
            menu.addSeparator()
        elif isinstance(entry, Submenu):
            sub = menu.addMenu(_tr(entry.title))
            sub.setObjectName(entry.id)
            fill = attrgetter(entry.fill)(window)
            sub.aboutToShow.connect(lambda fill=fill, sub=sub: fill(sub))
            menus[entry.id] = sub
        elif entry.menu is not None:
            menu.addAction(actions[entry.id])
    return menus


def add_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The toolbar of :data:`TOOLBAR`.  撤销/重做 appear under their short names: the undo
    stack renames its actions after every edit ("撤销 修改项目“…”"), which would widen the
    buttons and push what follows them; the full text is the button's tooltip instead."""
    bar = window.addToolBar(_tr("常用"))
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    undo_texts = {spec.id: _tr(spec.text) for spec in specs() if spec.undo}
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
        elif name in undo_texts:
            bar.addAction(_short_stand_in(window, actions[name], undo_texts[name]))
        else:
            bar.addAction(actions[name])
    return bar


def _short_stand_in(window: QMainWindow, action: QAction, text: str) -> QAction:
    """A toolbar action with the fixed ``text`` that triggers ``action`` and follows its
    enabled state; its tooltip is ``action``'s current (full) text."""
    stand_in = QAction(text, window)
    stand_in.setObjectName(f"{action.objectName()}Button")

    def follow() -> None:
        if not (isValid(stand_in) and isValid(action)):  # the window is being deleted
            return
        stand_in.setEnabled(action.isEnabled())
        stand_in.setToolTip(action.text().replace("&", ""))

    action.changed.connect(follow)
    stand_in.triggered.connect(lambda _checked=False: action.trigger())
    follow()
    return stand_in
