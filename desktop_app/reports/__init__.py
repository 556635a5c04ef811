"""Excel reports for the scheduling meeting and fill-in templates for the units (no Qt).

:func:`export_report` is what the GUI and the command line call.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from ..domain.derived import LightThresholds
from ..domain.periods import Period
from ..store import Store
from .common import GROUPINGS, ExportResult, Progress
from .errors import ExportError
from .rounds import closed_round_source

#: Report kinds, as the command line names them, with their Chinese titles.
REPORTS: dict[str, str] = {
    "ledger": "重点项目台账",
    "monthly": "月度调度表",
    "problems": "问题清单",
    "summary": "分类汇总",
}
#: Which reports take a period and which can be grouped.
PERIOD_REPORTS = frozenset({"monthly", "summary"})
GROUPED_REPORTS = frozenset({"ledger", "monthly"})
#: The writer of each report (module, function, the options it takes), imported when used.
_WRITERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ledger": (  # the period in view: the values of its year
        "ledger",
        "write_ledger",
        ("period", "group_by", "project_ids", "as_of", "progress"),
    ),
    "monthly": (
        "monthly",
        "write_monthly",
        ("period", "group_by", "project_ids", "thresholds", "progress"),
    ),
    "problems": ("problems", "write_problems", ("group_by", "project_ids", "as_of", "progress")),
    "summary": ("summary", "write_summary", ("period", "project_ids", "thresholds", "progress")),
}


def default_file_name(kind: str, period: Period | None = None) -> str:
    """A file name such as 月度调度表_2022-06.xlsx."""
    title = REPORTS[kind]
    return (
        f"{title}_{period}.xlsx"
        if period is not None and kind in PERIOD_REPORTS
        else f"{title}.xlsx"
    )


def export_report(
    store: Store,
    kind: str,
    path: str | Path,
    *,
    period: Period | None = None,
    group_by: str | None = None,
    project_ids: Iterable[int] | None = None,
    thresholds: LightThresholds | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write report ``kind`` (see :data:`REPORTS`) to ``path``, atomically."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"报表文件名应以 .xlsx 结尾：{path.name}")
    writer = _WRITERS.get(kind)
    if writer is not None:
        module, function, takes = writer
        write = getattr(importlib.import_module(f".{module}", __name__), function)
        given = {
            "period": period,
            "group_by": group_by,
            "project_ids": project_ids,
            "thresholds": thresholds,
            "progress": progress,
        }
        store, given = closed_round_source(store, kind in PERIOD_REPORTS, given)  # 关账
        return write(store, path, **{name: given[name] for name in takes if name in given})
    names = "、".join(f"{k}（{v}）" for k, v in REPORTS.items())
    raise ExportError(f"不认识的报表“{kind}”，可用：{names}")


__all__ = [
    "GROUPED_REPORTS",
    "GROUPINGS",
    "PERIOD_REPORTS",
    "REPORTS",
    "ExportError",
    "ExportResult",
    "default_file_name",
    "export_report",
]
