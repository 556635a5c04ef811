"""What to do next, above the dashboard's charts, on a ledger that has nothing to chart yet.

A ledger without projects, or whose projects carry no annual plan and no completed investment
in the period's year (the shipped 2022 portfolio: names and lists from the work report, no
amounts), would show bars of 无计划 and flat lines with no word of why.  :class:`NextSteps` says
why and offers the ways on: enter the plans, fill in the monthly returns, import a ledger, or
look at the sample ledger that ``keyprojects demo`` writes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: The sample ledger's file name, in the data folder or beside the command.
DEMO_FILE = "示例台账.sqlite"


class NextSteps(QFrame):
    """The hint and its buttons; :attr:`chosen` says which way the user took."""

    #: "plans" (录入年度计划), "monthly" (填报月度调度), "import" (导入台账) or "demo".
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardNextSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dashboardNextSteps { background: #fff8e1; border: 1px solid #e0c070;"
            " border-radius: 4px; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("nextStepsText")
        self.text.setWordWrap(True)
        self.plans_button = QPushButton(self.tr("录入年度计划…"), self)
        self.plans_button.setToolTip(self.tr("在项目台账中打开项目，填写年度计划投资"))
        self.monthly_button = QPushButton(self.tr("填报月度调度"), self)
        self.monthly_button.setToolTip(self.tr("在月度调度表中逐个项目填写本月完成投资"))
        self.import_button = QPushButton(self.tr("导入台账…"), self)
        self.import_button.setToolTip(self.tr("导入各单位的 Excel 项目台账或填好的月报模板"))
        self.demo_button = QPushButton(self.tr("打开示例台账"), self)
        self.demo_button.setToolTip(
            self.tr("在数据文件夹中生成一份示例台账（300 个项目，标记为示例数据）并打开")
        )
        self.demo_button.hide()  # offered only where the window can open another ledger
        self.command = QLabel(self)
        self.command.setObjectName("nextStepsCommand")
        self.command.setWordWrap(True)
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command.setStyleSheet("color: #666666;")
        self.command.setText(
            self.tr(
                "想先看看填好数据的看板：在命令行运行 keyprojects demo --projects 300 {file}"
                " 生成示例台账，再用 keyprojects --db {file} 打开。"
            ).format(file=DEMO_FILE)
        )
        for button, step in (
            (self.plans_button, "plans"),
            (self.monthly_button, "monthly"),
            (self.import_button, "import"),
            (self.demo_button, "demo"),
        ):
            button.clicked.connect(lambda _=False, step=step: self.chosen.emit(step))
        row = QHBoxLayout()  # the reason and the ways on in one line: the charts keep room
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        for button in (self.plans_button, self.monthly_button, self.import_button):
            row.addWidget(button)
        row.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.command)

    def offer_demo(self, offered: bool) -> None:
        """Show 打开示例台账 (when the window can open a ledger file)."""
        self.demo_button.setVisible(offered)

    def explain(self, period_label: str, year: int, projects: int) -> None:
        """Say why the charts are empty: no projects, or projects without amounts."""
        if projects:
            self.text.setText(
                self.tr(
                    "{period}：台账中的 {n} 个项目都还没有年度计划投资，{year}年也没有填报完成投资，"
                    "图表暂无金额可统计。"
                ).format(period=period_label, n=f"{projects:,}", year=year)
            )
            self.plans_button.setText(self.tr("录入年度计划…"))
        else:
            self.text.setText(
                self.tr(
                    "台账中还没有项目，看板无可统计：可以导入已有的 Excel 台账，或逐个新增项目。"
                )
            )
            self.plans_button.setText(self.tr("新增项目…"))
        self.monthly_button.setVisible(bool(projects))
