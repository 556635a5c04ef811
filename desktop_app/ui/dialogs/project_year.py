"""The year's part of the project form: on the year's key-project list or not, the year's
建设目标 (形象进度 target text) and the 月度计划分解 (twelve months, 万元) with its running 合计."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.money import AmountError, format_wan, parse_amount
from ...domain.text import clean_text
from ...domain.validation import Issue
from ...store import Store
from ..common.message_line import MessageLine

#: The key the form passes its save handler for the monthly plan (period → 万元).
PLAN_KEY = "monthly_plan"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectYearPanel", text)


class ProjectYearPanel(QWidget):
    """``changed`` follows every edit; :meth:`changes` is what differs from the store."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        project_id: int | None,
        year: int,
        *,
        on_list: bool = True,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectYearPanel")
        self.year = year
        row = store.project_year(project_id, year) if project_id is not None else None
        plan = store.monthly_plan(project_id, year) if project_id is not None else {}
        self._original: dict[str, Any] = {
            "on_list": bool(row.on_list) if row is not None else on_list,
            "target": (row.target or "") if row is not None else "",
            PLAN_KEY: dict(plan),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)

        self.on_list = QCheckBox(_tr("列入{year}年重点项目名单").format(year=year), self)
        self.on_list.setObjectName("year_on_list")
        self.on_list.setChecked(self._original["on_list"])
        self.on_list.toggled.connect(self.changed)
        grid.addWidget(self.on_list, 0, 1, 1, 6)

        target_label = QLabel(_tr("建设目标（{year}年）").format(year=year), self)
        target_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.target = QPlainTextEdit(self._original["target"], self)
        self.target.setObjectName("year_target")
        self.target.setPlaceholderText(_tr("本年形象进度目标，如：主体结构封顶，完成投资80%"))
        self.target.setFixedHeight(64)
        self.target.setTabChangesFocus(True)
        self.target.textChanged.connect(self.changed)
        target_label.setBuddy(self.target)
        grid.addWidget(target_label, 1, 0)
        grid.addWidget(self.target, 1, 1, 1, 6)

        plan_label = QLabel(_tr("月度计划分解（{year}年）").format(year=year), self)
        plan_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(plan_label, 3, 0)
        self.months: list[QLineEdit] = []
        for month in range(1, 13):
            top = 2 if month <= 6 else 4
            heading = QLabel(_tr("{month}月").format(month=month), self)
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            edit = QLineEdit(self)
            edit.setObjectName(f"plan_month_{month}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText(_tr("万元"))
            amount = plan.get(f"{year:04d}-{month:02d}")
            edit.setText(format_wan(amount) if amount is not None else "")
            edit.editingFinished.connect(lambda e=edit: self._format(e))
            edit.textChanged.connect(self._on_month)
            heading.setBuddy(edit)
            grid.addWidget(heading, top, (month - 1) % 6 + 1)
            grid.addWidget(edit, top + 1, (month - 1) % 6 + 1)
            self.months.append(edit)
        plan_label.setBuddy(self.months[0])
        # 合计 and its warning keep their line whether or not they say something.
        self.total = QLabel(self)
        self.total.setObjectName("plan_total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.total, 6, 1, 1, 2)
        self.message = MessageLine(self)
        self.message.setObjectName("message_monthly_plan")
        grid.addWidget(self.message, 6, 3, 1, 4)
        for column in range(1, 7):
            grid.setColumnStretch(column, 1)
        self._show_total()

    # ------------------------------------------------------------------ values
    def _format(self, edit: QLineEdit) -> None:
        """On leaving a month, '1.2亿' or '3,000' shows as the ledger keeps it: 12,000.00."""
        try:
            value = parse_amount(clean_text(edit.text()))
        except AmountError:
            return
        shown = format_wan(value) if value is not None else ""
        if shown != edit.text():
            edit.setText(shown)

    def _on_month(self) -> None:
        self._show_total()
        self.changed.emit()

    def read(self) -> tuple[dict[str, Decimal], list[Issue]]:
        """The months typed (period → 万元) and the months that cannot be read."""
        plan: dict[str, Decimal] = {}
        issues: list[Issue] = []
        for month, edit in enumerate(self.months, start=1):
            try:
                value = parse_amount(clean_text(edit.text()))
            except AmountError as exc:
                issues.append(
                    Issue(PLAN_KEY, _tr("{month}月计划：").format(month=month) + str(exc))
                )
                continue
            if value is not None and value < 0:
                issues.append(Issue(PLAN_KEY, _tr("{month}月计划不能为负数").format(month=month)))
            elif value is not None:
                plan[f"{self.year:04d}-{month:02d}"] = value
        return plan, issues

    def plan_total(self) -> Decimal | None:
        plan = self.read()[0]
        return sum(plan.values(), Decimal(0)) if plan else None

    def has_plan(self) -> bool:
        return bool(self.read()[0])

    def values(self) -> dict[str, Any]:
        return {
            "on_list": self.on_list.isChecked(),
            # "" (not None) for a target cleared: it is a change to save.
            "target": clean_text(self.target.toPlainText()).strip(),
            PLAN_KEY: self.read()[0],
        }

    def changes(self) -> dict[str, Any]:
        """What differs from the store (on_list, target, monthly_plan)."""
        return {k: v for k, v in self.values().items() if v != self._original[k]}

    def mark_saved(self) -> None:
        self._original = self.values()

    def issues(self, annual_plan: Decimal | None) -> list[Issue]:
        """Unreadable months (errors), and a warning when the 合计 is not 年度计划投资."""
        plan, issues = self.read()
        total = sum(plan.values(), Decimal(0))
        if plan and not issues and (annual_plan or Decimal(0)) != total:
            issues.append(
                Issue(
                    PLAN_KEY,
                    _tr("月度计划合计 {total} 万元与年度计划投资 {plan} 万元不一致").format(
                        total=format_wan(total), plan=format_wan(annual_plan or Decimal(0))
                    ),
                    severity="warning",
                )
            )
        return issues

    def _show_total(self) -> None:
        total = self.plan_total()
        self.total.setText(
            _tr("合计：{total} 万元").format(total=format_wan(total))
            if total is not None
            else _tr("未分解（序时进度按月数÷12）")
        )
