"""What a round of monthly templates shows, read from the store once for every unit.

A round is one template per responsible unit (责任单位) for a period.  Each shows, beside its
input cells, what the project reported the month before (上月本月完成, 截至上月本年累计,
上月形象进度), the deadline and the planning office's contact.  :func:`round_data` reads all
of it in a handful of queries, so 100 units' templates are written in seconds whatever the
size of the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain.periods import Period
from ..store import MonthlyReport, Project, Store
from .common import unit_name

NO_UNIT = "未填写责任单位"
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Reference:
    """Last month's figures of one project, shown locked for reference."""

    month: Decimal | None  # 上月本月完成 (None: not reported last month)
    ytd: Decimal  # 截至上月本年累计 (January: 0)
    progress: str | None  # 上月形象进度: “65%，主体施工”


@dataclass(frozen=True)
class RoundData:
    """Everything the templates of one period show, for the units chosen."""

    period: Period
    members: dict[str, list[Project]]  # unit → its projects on the year's list, in code order
    reports: dict[int, MonthlyReport]  # this period's reports (the inputs come pre-filled)
    reference: dict[int, Reference]
    office: str  # 填报单位 of the ledger: the planning office the returns go to
    contact: str | None
    phone: str | None
    deadline: dt.date
    ledger_id: str
    unit_contacts: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def unit_contact(self, unit: str) -> tuple[str | None, str | None]:
        """The unit's 联系人 and 电话 from the directory ((None, None) when not there)."""
        return self.unit_contacts.get(unit.strip(), (None, None))


def unit_members(store: Store, year: int | None) -> dict[str, list[Project]]:
    """Every responsible unit of ``year``'s list (None: the current year) with its projects,
    in code order."""
    members: dict[str, list[Project]] = {}
    for p in store.projects(year, listed=True):
        members.setdefault(p.department or NO_UNIT, []).append(p)
    return members


def round_data(
    store: Store,
    period: Period,
    units: Collection[str] | None = None,
    members: dict[str, list[Project]] | None = None,
) -> RoundData:
    """The round of ``period`` for ``units`` (default: every unit with projects); ``members``:
    :func:`unit_members` of the period's year when the caller has it already."""
    if members is None:
        members = unit_members(store, period.year)
    if units is not None:
        members = {u: ps for u, ps in members.items() if u in units}
    ids = [p.id for ps in members.values() for p in ps if p.id is not None]
    previous = period.shift(-1)  # January: December of the year before
    before = store.monthly_reports(previous)
    # 本年累计 to last month: none in January (a new year)
    ytd = store.figures(previous, project_ids=ids) if period.month > 1 else {}
    reference = {}
    for pid in ids:
        report = before.get(pid)
        figures = ytd.get(pid)
        reference[pid] = Reference(
            month=report.month_investment if report is not None else None,
            ytd=figures.ytd if figures is not None else Decimal(0),
            progress=progress_text(report),
        )
    contact, phone = store.office_contact()
    return RoundData(
        period=period,
        members=members,
        reports=store.monthly_reports(period),
        reference=reference,
        office=unit_name(store),
        contact=contact,
        phone=phone,
        deadline=store.report_deadline(period),
        ledger_id=store.ledger_id(),
        unit_contacts={u.name: (u.contact, u.phone) for u in store.units()},
    )


def progress_text(report: MonthlyReport | None) -> str | None:
    """A report's 形象进度 as one text: “65%，主体施工”, “65%”, “主体施工” or None."""
    if report is None:
        return None
    parts = []
    if report.progress_pct is not None:
        pct = Decimal(str(report.progress_pct)).normalize()
        parts.append(f"{pct:f}%")
    if report.progress_text:
        parts.append(report.progress_text)
    return "，".join(parts) or None


def date_text(day: dt.date, *, weekday: bool = False) -> str:
    """2022-08-05 → 2022年8月5日 (with ``weekday``: 2022年8月5日（星期五）)."""
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（星期{_WEEKDAYS[day.weekday()]}）" if weekday else text


def instructions(data: RoundData, unit: str) -> list[str]:
    """The lines above a unit's table: when and to whom, who to ask, how to fill it in."""
    due = date_text(data.deadline, weekday=True)
    lines = [f"报送要求：请于{due}前将填好的本表报送{data.office}，逾期报送的将标注为逾期。"]
    office = "，".join(
        part
        for part in (
            f"联系人：{data.contact}" if data.contact else None,
            f"电话：{data.phone}" if data.phone else None,
        )
        if part
    )
    if office:
        lines.append(f"项目办{office}。")
    own_contact, own_phone = data.unit_contact(unit)
    own = "，".join(
        part for part in (own_contact, f"电话：{own_phone}" if own_phone else None) if part
    )
    if own:
        lines.append(f"责任单位联系人：{own}。")
    lines += [
        "填报说明：",
        "1. 只填写淡黄色单元格；灰色列为台账信息和上月情况，已锁定。请勿增删行、列，不要改动项目编号。",
        "2. 本月完成投资以万元为单位，只填数字（如 1250.5）；本月没有完成投资的填 0。",
        "3. 形象进度(%)填 0～100 的数字（65 表示 65%）；形象进度、进展情况、存在问题填文字。",
        "4. 截至上月本年累计和右侧“上月情况（参考）”是上月已报的数据，仅供对照，空白表示上月未报；"
        "本月数据请按实际情况填写，不要照抄上月。",
        f"5. 填报日期写作 {data.deadline.isoformat()}。填好后保存为 .xlsx，原样发回项目办。",
    ]
    return lines
