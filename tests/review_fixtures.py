"""A round of returns taken back, for the review and board tests (issue 17, items 4-5).

:func:`receive` does what the receiving action does (helper-29's ``receive_round``): inside one
action marked ``receiving`` it writes the reports, one ``unit_returns`` row and a 待审核 review
of every report the return brought, through the store's own methods.
"""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store

JULY = Period(2022, 7)
PROJECTS = (  # code, 责任单位, 年度计划投资
    ("GX-1", "市工信局", "1000"),
    ("GX-2", "市工信局", "2000"),
    ("GX-3", "市工信局", "500"),
    ("DF-1", "东丰县政府", "800"),
    ("DF-2", "东丰县政府", "600"),
    ("ZJ-1", "市住建局", "300"),
)


def receive(
    store: Store,
    period: Period,
    unit: str,
    amounts: dict[str, str],
    *,
    at: str,
    warnings: dict[str, list[str]] | None = None,
) -> int:
    """A unit's return taken back as the receiving action does it: its reports written, one
    unit_returns row, every report it brought 待审核 (with the warnings receiving found)."""
    ids = {p.code: p.id for p in store.projects(period.year)}
    file_name = f"月度调度填报_{period}_{unit}.xlsx"
    with store.action(f"收回填报：{unit}", source=file_name) as action:
        action.receiving = True
        store.save_monthly_reports(
            [
                MonthlyReport(ids[code], str(period), month_investment=Decimal(amount))
                for code, amount in amounts.items()
            ]
        )
        return_id = store.record_unit_return(
            period, unit, file_name=file_name, digest=f"{unit}{at}", received_at=at
        )
        reports = store.monthly_reports(period)
        store.mark_received(
            return_id,
            {reports[ids[code]].id: (warnings or {}).get(code, []) for code in amounts},
        )
    return return_id


def with_units(empty_store: Store) -> Store:
    """Six projects of 2022 under three units with their contacts (a ledger of ``empty_store``)."""
    for code, unit, plan in PROJECTS:
        empty_store.add_project(
            {"code": code, "name": f"项目{code}", "department": unit, "annual_plan": Decimal(plan)}
        )
    empty_store.import_units(
        [
            {
                "name": "市工信局",
                "short_name": "工信局",
                "contact": "张科长",
                "phone": "0437-3212345",
            },
            {"name": "东丰县政府", "contact": "李主任", "phone": "0437-6212345"},
            {"name": "市住建局", "contact": "王科员", "phone": "0437-3300000"},
        ],
        source="单位.xlsx",
    )
    return empty_store
