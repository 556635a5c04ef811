"""Sample portfolios for demonstration and benchmarks.

Every record written here is marked 示例数据 (``is_sample = 1``, ``source = '示例数据'``): none of
it is a fact about Liaoyuan.  The code lists come from the shipped portfolio file.  The output
is deterministic for a seed.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from ..domain.fields import SAMPLE_MARK
from ..domain.periods import Period
from ..domain.textmatch import FIELD_SEP, field_key, field_key_concat
from ..errors_text import plain_os_error
from ..leftovers import remove_stale, temp_name
from . import schema
from .actions import now_text
from .errors import StoreError, WriteFailed
from .seed import load_code_lists, read_portfolio
from .store import Store

DEFAULT_UNTIL = Period(2022, 6)

_OWNERS = [
    "鑫源",
    "东辽",
    "龙山",
    "福镇",
    "渭津",
    "梅花鹿",
    "华瑞",
    "金泰",
    "盛达",
    "宏图",
    "北方",
    "吉辽",
    "恒信",
    "鼎盛",
    "瑞丰",
    "长青",
    "天宇",
    "裕隆",
    "兴业",
    "鸿运",
    "东丰",
    "安恕",
    "白泉",
    "凌云",
    "泰和",
    "嘉禾",
    "广聚",
    "永昌",
    "丰源",
    "新港",
]
_OWNER_KINDS = ["实业", "科技", "集团", "制造", "新材料", "农业", "生物", "建设", "能源", "物流"]
_PRODUCTS = {
    "工业": [
        "热轧带钢",
        "铝合金型材",
        "汽车零部件",
        "智能袜机",
        "复合饲料",
        "铸件",
        "电池壳体",
        "碳纤维制品",
        "医药中间体",
        "精密轴承",
    ],
    "农业农村": [
        "肉牛养殖",
        "蛋鸡养殖",
        "梅花鹿养殖",
        "食用菌基地",
        "粮食仓储",
        "冷链仓储",
        "高标准农田",
        "种子加工",
    ],
    "服务业": [
        "商业综合体",
        "物流园",
        "电商产业园",
        "星级酒店",
        "农贸市场",
        "会展中心",
        "文旅小镇",
    ],
    "城市建设与基础设施": [
        "道路改造",
        "桥梁新建",
        "供热管网改造",
        "老旧小区改造",
        "污水管网",
        "燃气管网",
        "停车场",
    ],
    "生态环保": ["河道岸带修复", "矿山生态修复", "污水处理站", "垃圾焚烧发电", "造林绿化"],
    "社会民生": ["学校迁建", "医院门诊楼", "养老服务中心", "体育馆", "保障性住房"],
    "科技创新": ["研发中心", "中试基地", "创新中心", "孵化器", "检测中心"],
}
_SCALES = ["万吨", "万平方米", "公里", "万台", "万套", "床", "个"]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_DEPARTMENTS = ["市工信局", "市发改委", "市住建局", "市农业农村局", "市商务局", "市生态环境局",
                "市教育局", "市卫健委", "市科技局", "东丰县政府", "东辽县政府", "龙山区政府",
                "西安区政府", "经开区管委会", "高新区管委会"]  # fmt: skip
_PROGRESS = ["前期手续办理", "场地平整", "基础施工", "主体施工", "设备安装", "调试", "竣工验收"]
_PROBLEMS = [
    "用地手续待办理",
    "资金到位不足",
    "环评审批未完成",
    "施工许可待办理",
    "设备到货延迟",
    "电力配套未完成",
]
_STATUS_WEIGHTS = {"谋划": 3, "前期": 10, "在建": 60, "竣工": 12, "投产": 10, "停缓建": 5}
_NATURE_BY_STATUS = {"谋划": "谋划储备", "前期": "新建", "在建": "续建", "竣工": "竣工投产",
                     "投产": "竣工投产", "停缓建": "复产"}  # fmt: skip


def make_demo(
    path: str | Path,
    *,
    projects: int,
    years: int = 3,
    seed: int = 1,
    until: Period | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int | float]:
    """Write a new sample ledger with ``projects`` projects and monthly reports over ``years``
    years ending at ``until``.  Returns counts and the seconds it took.

    Never overwrites a file; writes into a temporary file beside ``path`` and renames it into
    place on success, so a failure (disk full, Ctrl+C, a kill) leaves no ledger behind.
    """
    until = until or DEFAULT_UNTIL
    if projects < 0 or years < 0:
        raise ValueError("项目数和年数不能为负")
    started = time.perf_counter()
    rng = random.Random(seed)
    target = Path(path)
    if target.exists():
        raise StoreError(f"文件已存在，不会覆盖：{target}")
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale(folder)  # what a killed run left here
    # written beside the target and moved into place when complete: a failed or killed run
    # never leaves a half-made ledger under the target's name
    tmp = temp_name(target)
    try:
        try:
            tmp.touch(exist_ok=False)  # can we write here at all? (an OSError in plain words)
            tmp.unlink()
        except OSError as exc:
            raise WriteFailed(f"无法创建 {target}：{plain_os_error(exc, '')}") from exc
        store = Store.create(tmp, portfolio=False, code_lists=False, user=SAMPLE_MARK)
        try:
            counts = _fill(store, rng, projects, years, until, progress)
            store.engine.finish_bulk_file(store.conn)
        finally:
            store.close()
        _move_into_place(tmp, target)
    except BaseException as exc:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in _SQLITE_SIBLINGS)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        _name_the_target(exc, tmp, target)
        raise
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


_SQLITE_SIBLINGS = ("-wal", "-shm", "-journal")


def _move_into_place(tmp: Path, target: Path) -> None:
    """Rename the finished ledger to ``target``, never over a file that appeared meanwhile."""
    for suffix in _SQLITE_SIBLINGS[1:]:
        tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    wal = tmp.with_name(tmp.name + "-wal")
    if wal.exists() and wal.stat().st_size:  # pragma: no cover - checkpointed before closing
        os.replace(wal, target.with_name(target.name + "-wal"))
    else:
        wal.unlink(missing_ok=True)
    try:
        os.link(tmp, target)  # fails if target exists: no overwrite, even in a race
    except FileExistsError as exc:
        raise StoreError(f"文件已存在，不会覆盖：{target}") from exc
    except OSError:  # no hard links here (FAT, some network folders)
        if target.exists():
            raise StoreError(f"文件已存在，不会覆盖：{target}") from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def _name_the_target(exc: BaseException, tmp: Path, target: Path) -> None:
    """Messages name the file the user asked for, not the temporary one."""
    if isinstance(exc, OSError) and exc.filename is not None:
        with contextlib.suppress(Exception):
            if Path(os.fsdecode(exc.filename)) == tmp:
                exc.filename = str(target)
    args = exc.args
    if args and isinstance(args[0], str) and tmp.name in args[0]:
        exc.args = (args[0].replace(str(tmp), str(target)).replace(tmp.name, target.name),)
        exc.args += args[1:]


def _fill(
    store: Store,
    rng: random.Random,
    n: int,
    years: int,
    until: Period,
    progress: Callable[[int, int], None] | None,
) -> dict[str, int | float]:
    conn = store.conn
    data = read_portfolio()
    regions = [e["name"] for e in data["code_lists"]["region"]]
    chains = [e["name"] for e in data["code_lists"].get("chain", [])]
    lists = [e["name"] for e in data["code_lists"].get("list", [])]
    statuses = list(_STATUS_WEIGHTS)
    weights = list(_STATUS_WEIGHTS.values())
    leaders = [f"{s}{g}" for s in _SURNAMES for g in ("副市长", "常务副市长", "市长助理")]
    secretaries = [f"{s}{t}" for s in _SURNAMES for t in ("秘书", "科长")]
    periods = [until.shift(-i) for i in range(years * 12 - 1, -1, -1)] if years else []
    # (period text, is January, report date) computed once, not per report row
    period_info = [(str(p), p.month == 1, p.last_day.isoformat()) for p in periods]
    stages = [(stage, f"{stage}进行中") for stage in _PROGRESS]
    first_year = periods[0].year if periods else until.year
    stamp = now_text()
    # A fresh file: build the period index once at the end instead of row by row.
    conn.execute(f"DROP INDEX {schema.PERIOD_INDEX_NAME}")
    report_count = problem_count = 0
    with (
        store.engine.bulk_writes(conn),
        store.action(f"生成示例数据（{n}个项目，{years}年月报）", source=SAMPLE_MARK),
    ):
        load_code_lists(store, data)
        store.set_current_year(until.year)
        # every project on the list of every year the reports cover, with the same plan
        list_years = list(range(first_year, until.year + 1))
        project_rows = []
        report_rows: list[tuple] = []
        problem_rows = []
        for i in range(1, n + 1):
            sector = rng.choice(list(_PRODUCTS))
            product = rng.choice(_PRODUCTS[sector])
            owner = rng.choice(_OWNERS) + rng.choice(_OWNER_KINDS)
            size = rng.randint(1, 300)
            scale = rng.choice(_SCALES)
            name_parts = (owner, str(size), scale, product)
            name = "".join(name_parts)
            scope = f"年产{size}{scale}{product}"
            status = rng.choices(statuses, weights)[0]
            total = rng.randint(50_000, 50_000_000)  # 百元: 500 万元 .. 50 亿元
            plan = total * rng.randint(10, 60) // 100
            start_year = rng.randint(first_year - 1, until.year + (status in ("谋划", "前期")))
            planned_start = f"{start_year:04d}-{rng.randint(1, 12):02d}"
            planned_end = f"{start_year + rng.randint(1, 3):04d}-{rng.randint(1, 12):02d}"
            started_work = status in ("在建", "竣工", "投产", "停缓建")
            leader = rng.choice(leaders)
            department = rng.choice(_DEPARTMENTS)
            problem = rng.choice(_PROBLEMS) if rng.random() < 0.15 else None
            key = FIELD_SEP.join(
                k
                for k in (
                    field_key_concat(*name_parts),
                    field_key(owner),
                    field_key_concat("年产", str(size), scale, product),
                    field_key(leader),
                    field_key(department),
                )
                if k
            )
            project_rows.append(
                (
                    i, f"SL{i:06d}", name, owner, rng.choice(regions), sector,
                    rng.choice(chains) if chains and sector == "工业" else None,
                    _NATURE_BY_STATUS[status],
                    json.dumps([rng.choice(lists)] if lists and rng.random() < 0.3 else [], ensure_ascii=False),
                    scope, total, plan, planned_start, planned_end,
                    planned_start if started_work else None,
                    planned_end if status in ("竣工", "投产") else None,
                    status, leader, department, rng.choice(secretaries), problem,
                    "协调相关部门限期解决" if problem else None,
                    SAMPLE_MARK, 1, key, 1, stamp, stamp,
                )
            )  # fmt: skip
            if problem:
                problem_rows.append(
                    (
                        i,
                        problem,
                        department,
                        f"{until.year}-{min(until.month + 2, 12):02d}",
                        "open",
                        str(until.shift(-(i % 4))),  # 提出时间: one of the last four months
                        stamp,
                    )
                )
            if started_work and periods:
                pace = rng.uniform(0.3, 1.25)  # <1: lagging, >1: ahead
                pct = rng.uniform(0, 40)
                cum = ytd = 0
                for period_text, january, report_date in period_info:
                    if january:
                        ytd = 0
                    if rng.random() < 0.04:  # some months not reported
                        continue
                    amount = int(plan / 12 * pace * rng.uniform(0.5, 1.5))
                    ytd += amount
                    cum += amount
                    pct = min(100.0, pct + rng.uniform(0, 4))
                    stage, notes = stages[min(int(pct * 0.07), 6)]
                    report_rows.append(
                        (i, period_text, amount, round(pct, 1), stage, notes, None,
                         "示例填报人", report_date, 1, stamp, ytd, cum)
                    )  # fmt: skip
            if len(report_rows) >= 200_000:
                _flush_projects(conn, project_rows, list_years, stamp)
                report_count += _flush_reports(conn, report_rows)
            if progress and i % 5000 == 0:
                progress(i, n)
        _flush_projects(conn, project_rows, list_years, stamp)
        report_count += _flush_reports(conn, report_rows)
        conn.executemany(
            "INSERT INTO problems (project_id, text, department, deadline, status, raised_on, "
            "is_sample, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
            problem_rows,
        )
        problem_count = len(problem_rows)
        conn.execute(schema.PERIOD_INDEX)
        store.record_changes(
            [
                ("projects", None, None, None, f"{n}条示例数据"),
                ("monthly_reports", None, None, None, f"{report_count}条示例数据"),
                ("problems", None, None, None, f"{problem_count}条示例数据"),
            ]
        )
    if progress:
        progress(n, n)
    return {"projects": n, "monthly_reports": report_count, "problems": problem_count}


def _flush_projects(conn: object, rows: list[tuple], years: list[int], stamp: str) -> None:
    """Write the projects and their years (建设性质, 项目清单 and 年度计划 kept per year)."""
    own = [(*r[:7], *r[9:11], *r[12:]) for r in rows]  # without the year's values
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO projects (id, code, name, owner, region, sector, chain, "
        "scope, total_investment, planned_start, planned_end, actual_start, "
        "actual_end, status, leader, department, secretary, problems, measures, source, "
        "is_sample, search_key, version, created_at, updated_at) VALUES "
        "(" + ", ".join("?" * 25) + ")",
        own,
    )
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO project_years (project_id, year, on_list, annual_plan, nature, lists, "
        "version, updated_at) VALUES (?, ?, 1, ?, ?, ?, 1, ?)",
        [(r[0], year, r[11], r[7], r[8], stamp) for year in years for r in rows],
    )
    rows.clear()


def _flush_reports(conn: object, rows: list[tuple]) -> int:
    count = len(rows)
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO monthly_reports (project_id, period, month_investment, progress_pct, "
        "progress_text, progress_notes, problems, reporter, report_date, is_sample, updated_at, "
        "ytd_investment, cum_investment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()
    return count
