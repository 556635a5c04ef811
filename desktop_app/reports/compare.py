"""两期对比: what changed between two rounds of the monthly 调度, as one workbook.

Sheets 概况 (the counts), 滞后变化 (newly lagging and recovered), 状态灯变化, 投资对比 (本月
against 上月 and 去年同月), 计划变化, 名单变化 (added to or removed from the list) and 县区汇总
(both rounds and the difference).  The figures are :func:`~desktop_app.views.compare.compare`'s;
amounts are 万元 exactly as the ledger holds them (whole 百元, written from Decimal text).
Written like every report: the form's title and header, text cells always text, saved
atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from ..domain.derived import Light, LightThresholds
from ..domain.periods import Period
from ..store import Store
from ..views.compare import (
    UNFILLED,
    Comparison,
    InvestmentLine,
    Pair,
    RoundRow,
    Sums,
    compare,
    wan,
)
from . import form
from .common import ExportResult, Progress, open_sheet
from .errors import ExportError
from .form import Column, Styles
from .xlsx import Sheet, Value, Workbook

SHEETS = ("概况", "滞后变化", "状态灯变化", "投资对比", "计划变化", "名单变化", "县区汇总")
REGION = Column("所属县区", "center", min_width=8, max_width=14)
_RATE = Decimal("0.000001")


def default_file_name(earlier: Period, later: Period) -> str:
    """两期对比_2022-05_2022-06.xlsx"""
    return f"两期对比_{earlier}_{later}.xlsx"


def write_compare(
    store: Store,
    path: str | Path,
    *,
    earlier: Period | None = None,
    later: Period | None = None,
    comparison: Comparison | None = None,
    thresholds: LightThresholds | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the comparison of the rounds of ``earlier`` and ``later`` (or ``comparison``,
    worked out already) to ``path``."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"报表文件名应以 .xlsx 结尾：{path.name}")
    if comparison is None:
        if earlier is None or later is None:
            raise ValueError("请给出要对比的两个期间")
        comparison = compare(store, earlier, later, thresholds)
    c = comparison
    e, lt = c.earlier.period, c.later.period
    title = f"重点项目两期对比（{e.label}与{lt.label}）"
    writers: list[Callable[[Workbook, Styles, Comparison, Store, str], int]] = [
        _overview,
        _lagging,
        _lights,
        _investment,
        _plans,
        _list_changes,
        _counties,
    ]
    rows = 0
    with Workbook(title=title) as book:
        styles = Styles(book)
        for step, write in enumerate(writers, start=1):
            rows += write(book, styles, c, store, title)
            if progress is not None:
                progress(step, len(writers))
        book.save(path)
    return ExportResult(path, len(c.later.rows), rows)


# ------------------------------------------------------------------------------ helpers
def _sheet(
    book: Workbook,
    styles: Styles,
    store: Store,
    name: str,
    title: str,
    columns: Sequence[Column],
    c: Comparison,
) -> Sheet:
    sheet, _ = open_sheet(
        book,
        name,
        store,
        title=f"{title}——{name}",
        unit="万元",
        as_of=c.later.period.last_day,
        columns=columns,
        styles=styles,
    )
    return sheet


def _body(
    sheet: Sheet,
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[list[Value]],
    lights: Sequence[Sequence[tuple[int, Light]]] = (),
) -> None:
    """The rows (their widths fitted on the first 600), or one （无） row; ``lights``: per row,
    the columns that hold a light and which."""
    form.fit_columns(sheet, columns, rows[:600])
    body = styles.row(columns)
    if not rows:
        n = len(columns)
        at = sheet.append(["（无）"] + [None] * (n - 1), styles.body("center"))
        sheet.merge(at, 1, at, n)
        return
    for i, values in enumerate(rows):
        cell_styles = body
        if lights and lights[i]:
            cell_styles = list(body)
            for col, light in lights[i]:
                cell_styles[col] = styles.light(light.value)
        sheet.append(values, cell_styles)


def _close(
    sheet: Sheet, styles: Styles, notes: list[str], columns: Sequence[Column], freeze: int = 4
) -> int:
    form.close_sheet(sheet, styles, notes, len(columns), samples=False, freeze_col=freeze)
    return sheet.row_count


def _rate(row: RoundRow) -> Decimal | None:
    if not row.plan:
        return None
    return (Decimal(row.ytd) / Decimal(row.plan)).quantize(_RATE)


def _pct(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_RATE)


def _lag_note(c: Comparison) -> str:
    e, lt = c.earlier.period, c.later.period
    return (
        f"注：滞后＝年度计划完成率低于时序进度（{e.label}为{e.month}/12，{lt.label}为"
        f"{lt.month}/12），与调度台的“滞后项目”相同；只比较两期都在名单上的项目。"
    )


def _source_note(c: Comparison) -> str:
    parts = []
    for r in (c.earlier, c.later):
        how = "已关账，取关账时的数据" if r.frozen else "未关账，取台账当前数据"
        parts.append(f"{r.period.label}{how}")
    return "注：" + "；".join(parts) + "。"


# ------------------------------------------------------------------------------- sheets
def _overview(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    e, lt = c.earlier.period.label, c.later.period.label
    columns = (
        form.SEQ,
        Column("指标", "text", min_width=20, max_width=30),
        Column(e, "int", "项目个数", min_width=10, max_width=14),
        Column(lt, "int", "项目个数", min_width=10, max_width=14),
        Column("增减", "int", "项目个数", min_width=8, max_width=12),
    )
    sheet = _sheet(book, styles, store, "概况", title, columns, c)
    b, a = c.total_before, c.total_after
    rows: list[list[Value]] = [
        ["名单上的项目", b.count, a.count],
        ["滞后项目", b.lagging, a.lagging],
        ["红灯", b.lights[2], a.lights[2]],
        ["黄灯", b.lights[1], a.lights[1]],
        ["绿灯", b.lights[0], a.lights[0]],
        ["无计划", b.lights[3], a.lights[3]],
    ]
    values = [[i, label, x, y, y - x] for i, (label, x, y) in enumerate(rows, start=1)]  # type: ignore[operator]
    changes = [
        ("两期都有的项目", c.both),
        ("新增滞后（见“滞后变化”）", len(c.newly_lagging)),
        ("滞后转正常（见“滞后变化”）", len(c.recovered)),
        ("状态灯变化（见“状态灯变化”）", len(c.light_changes)),
        ("年度计划变化（见“计划变化”）", len(c.plan_changes)),
        ("新列入名单（见“名单变化”）", len(c.added)),
        ("移出名单（见“名单变化”）", len(c.removed)),
    ]
    start = len(values) + 1
    values += [[i, label, None, n, None] for i, (label, n) in enumerate(changes, start=start)]
    _body(sheet, styles, columns, values)
    totals = c.totals()
    notes = [
        f"注：两期变化的个数列在{lt}一栏。{lt}本月完成{_money(totals['month'])}万元，"
        f"上月（{c.last_month.label}）{_money(totals['last_month'])}万元，去年同月"
        f"（{c.last_year.label}）{_money(totals['last_year'])}万元；本年累计完成由"
        f"{_money(b.ytd)}万元到{_money(a.ytd)}万元。",
        _lag_note(c),
        _source_note(c),
    ]
    return _close(sheet, styles, notes, columns, freeze=3)


def _money(cents: int) -> str:
    return f"{wan(cents):,.2f}"


def _project_columns(*rest: Column) -> tuple[Column, ...]:
    """序号, 项目编号, 项目名称, 所属县区, then ``rest``."""
    return (form.SEQ, form.CODE, form.NAME, REGION, *rest)


def _head(seq: int, r: RoundRow | Pair) -> list[Value]:
    """The values of :func:`_project_columns`' first four."""
    return [seq, r.code, r.name, r.region or UNFILLED]


def _round_columns(label: str) -> list[Column]:
    return [
        Column("年度计划投资", "amount", label, min_width=11, max_width=14),
        Column("本年累计完成", "amount", label, min_width=11, max_width=14),
        Column("完成率", "pct", label, min_width=8, max_width=10),
        Column("状态灯", "center", label, min_width=7, max_width=8),
    ]


def _round_values(row: RoundRow) -> list[Value]:
    return [wan(row.plan), wan(row.ytd), _rate(row), row.light.label]


def _pair_rows(
    pairs: Sequence[tuple[str, Pair]], first: int
) -> tuple[list[list[Value]], list[list[tuple[int, Light]]]]:
    rows: list[list[Value]] = []
    lights: list[list[tuple[int, Light]]] = []
    for seq, (what, p) in enumerate(pairs, start=1):
        head = _head(seq, p)
        if what:
            head.append(what)
        rows.append([*head, *_round_values(p.before), *_round_values(p.after)])
        at = first + (1 if what else 0)
        lights.append([(at + 3, p.before.light), (at + 7, p.after.light)])
    return rows, lights


def _pair_sheet(
    book: Workbook,
    styles: Styles,
    c: Comparison,
    store: Store,
    title: str,
    name: str,
    change: Column,
    pairs: Sequence[tuple[str, Pair]],
    notes: list[str],
) -> int:
    """A sheet of projects of both rounds: what changed (``change``), then each round's
    plan, 累计, 完成率 and light."""
    e, lt = c.earlier.period.label, c.later.period.label
    columns = _project_columns(change, *_round_columns(e), *_round_columns(lt))
    sheet = _sheet(book, styles, store, name, title, columns, c)
    rows, lights = _pair_rows(pairs, 4)
    _body(sheet, styles, columns, rows, lights)
    return _close(sheet, styles, notes, columns)


def _lagging(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    pairs = [("新增滞后", p) for p in c.newly_lagging] + [("滞后转正常", p) for p in c.recovered]
    notes = [
        f"注：新增滞后{len(c.newly_lagging)}个，滞后转正常{len(c.recovered)}个。",
        _lag_note(c),
    ]
    change = Column("变化", "center", min_width=10, max_width=12)
    return _pair_sheet(book, styles, c, store, title, "滞后变化", change, pairs, notes)


def _lights(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    pairs = [(f"{p.before.light.label}→{p.after.light.label}", p) for p in c.light_changes]
    notes = [f"注：两期都在名单上、状态灯不同的项目共{len(c.light_changes)}个。"]
    change = Column("变化", "center", min_width=12, max_width=14)
    return _pair_sheet(book, styles, c, store, title, "状态灯变化", change, pairs, notes)


def _investment(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    lt = c.later.period.label
    columns = _project_columns(
        Column(f"本月完成（{lt}）", "amount", min_width=12, max_width=14),
        Column(f"上月完成（{c.last_month.label}）", "amount", "环比", min_width=12, max_width=14),
        Column("增减", "amount", "环比", min_width=11, max_width=14),
        Column("增幅", "pct", "环比", min_width=8, max_width=10),
        Column(f"去年同月（{c.last_year.label}）", "amount", "同比", min_width=12, max_width=14),
        Column("增减", "amount", "同比", min_width=11, max_width=14),
        Column("增幅", "pct", "同比", min_width=8, max_width=10),
        Column(f"本年累计（{c.earlier.period.label}）", "amount", min_width=12, max_width=14),
        Column(f"本年累计（{lt}）", "amount", min_width=12, max_width=14),
    )
    sheet = _sheet(book, styles, store, "投资对比", title, columns, c)
    rows = [_investment_row(seq, x) for seq, x in enumerate(c.investment, start=1)]
    _body(sheet, styles, columns, rows)
    t = c.totals()
    month, last, year = t["month"], t["last_month"], t["last_year"]
    ytd_before = t["ytd_before"]
    total: list[Value] = [
        None,
        None,
        f"合计（{len(rows)}个项目）",
        None,
        wan(month),
        wan(last),
        wan(month - last),
        _pct(Decimal(month - last) / Decimal(last)) if last else None,
        wan(year),
        wan(month - year),
        _pct(Decimal(month - year) / Decimal(year)) if year else None,
        wan(ytd_before),
        wan(c.total_after.ytd),
    ]
    sheet.append(total, styles.row(columns, "total", bold=True))
    notes = [
        f"注：{lt}名单上的项目；上月、去年同月为{lt}的上一个月和上一年同月的本月完成投资，"
        "未填报按0计；增幅＝增减÷上月（或去年同月），基数为0时不计。",
        _source_note(c),
    ]
    return _close(sheet, styles, notes, columns)


def _investment_row(seq: int, x: InvestmentLine) -> list[Value]:
    r = x.row
    return [
        *_head(seq, r),
        wan(x.month),
        wan(x.last_month),
        wan(x.month_change),
        _pct(x.month_pct),
        wan(x.last_year),
        wan(x.year_change),
        _pct(x.year_pct),
        wan(x.ytd_before),
        wan(r.ytd),
    ]


def _plans(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    e, lt = c.earlier.period.label, c.later.period.label
    columns = _project_columns(
        Column(e, "amount", "年度计划投资", min_width=12, max_width=14),
        Column(lt, "amount", "年度计划投资", min_width=12, max_width=14),
        Column("增减", "amount", "年度计划投资", min_width=11, max_width=14),
    )
    sheet = _sheet(book, styles, store, "计划变化", title, columns, c)
    rows: list[list[Value]] = [
        [
            *_head(seq, p),
            wan(p.before.plan),
            wan(p.after.plan),
            wan((p.after.plan or 0) - (p.before.plan or 0)),
        ]
        for seq, p in enumerate(c.plan_changes, start=1)
    ]
    _body(sheet, styles, columns, rows)
    notes = [f"注：两期都在名单上、年度计划投资不同的项目共{len(c.plan_changes)}个。"]
    return _close(sheet, styles, notes, columns)


def _list_changes(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    e, lt = c.earlier.period.label, c.later.period.label
    columns = _project_columns(
        Column("变化", "center", min_width=10, max_width=14),
        Column("年度计划投资", "amount", min_width=12, max_width=14),
        Column("本年累计完成", "amount", min_width=12, max_width=14),
        Column("状态灯", "center", min_width=7, max_width=8),
    )
    sheet = _sheet(book, styles, store, "名单变化", title, columns, c)
    items = [(f"新列入（{lt}）", r) for r in c.added] + [(f"移出（{e}）", r) for r in c.removed]
    rows: list[list[Value]] = [
        [*_head(seq, r), what, wan(r.plan), wan(r.ytd), r.light.label]
        for seq, (what, r) in enumerate(items, start=1)
    ]
    lights = [[(7, r.light)] for _, r in items]
    _body(sheet, styles, columns, rows, lights)
    notes = [
        f"注：只在{lt}名单上的项目为新列入（{len(c.added)}个），只在{e}名单上的为移出"
        f"（{len(c.removed)}个），金额为所在那一期的数据。"
    ]
    return _close(sheet, styles, notes, columns)


def _counties(book: Workbook, styles: Styles, c: Comparison, store: Store, title: str) -> int:
    e, lt = c.earlier.period.label, c.later.period.label
    groups = (
        ("项目个数", "int"),
        ("滞后项目", "int"),
        ("年度计划投资", "amount"),
        ("本年累计完成", "amount"),
    )
    columns: list[Column] = [form.SEQ, Column("所属县区", "text", min_width=12, max_width=20)]
    for label, kind in groups:
        for sub in (e, lt, "增减"):
            columns.append(Column(sub, kind, label, min_width=10, max_width=14))  # type: ignore[arg-type]
    sheet = _sheet(book, styles, store, "县区汇总", title, columns, c)
    rows = [
        [seq, line.label, *_county_values(line.before, line.after)]
        for seq, line in enumerate(c.counties, start=1)
    ]
    _body(sheet, styles, columns, rows)
    total: list[Value] = [
        None,
        "合计",
        *_county_values(c.total_before, c.total_after),
    ]
    sheet.append(total, styles.row(columns, "total", bold=True))
    notes = [
        "注：每个项目计入它在那一期的所属县区；金额单位为万元。",
        _lag_note(c),
    ]
    return _close(sheet, styles, notes, columns, freeze=3)


def _county_values(b: Sums, a: Sums) -> list[Value]:
    return [
        b.count,
        a.count,
        a.count - b.count,
        b.lagging,
        a.lagging,
        a.lagging - b.lagging,
        wan(b.plan),
        wan(a.plan),
        wan(a.plan - b.plan),
        wan(b.ytd),
        wan(a.ytd),
        wan(a.ytd - b.ytd),
    ]
