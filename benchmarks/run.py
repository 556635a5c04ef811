"""The benchmark suite: is the app fast at any size, and how does it compare with its peers?

    uv run python benchmarks/run.py                # everything, 5 runs per measurement
    uv run python benchmarks/run.py --repeat 7     # more runs
    uv run --group bench python benchmarks/run.py  # with pandas as a peer

Builds (once, cached in benchmarks/out/) the sample ledgers with ``keyprojects demo`` at 1,000,
10,000 and 100,000 projects with three years of monthly reports, plus the shipped 2022
portfolio, then measures without a display (Qt offscreen):

* cold start — process start to the main window's first paint, through the real entry point
  ``python -m desktop_app --db FILE`` (``KEYPROJECTS_REPORT_FIRST_PAINT=1``), beside a bare
  PySide6 window started the same way (benchmarks/bare_window.py); and, in the same runs, to
  the ledger's rows on screen (the window paints first, then opens the ledger into itself);
* the ledger window on 100k (benchmarks/ui_bench.py): search keystrokes, sort, the project
  form, the monthly grid; the dashboard redraw (benchmarks/dashboard_bench.py);
* 月度调度表 export of 10k, 重点项目台账 export of 100k, import of a 10k-row ledger (preview +
  apply into an empty ledger);
* peak RSS with the 100k ledger open (benchmarks/rss_child.py);
* comparing two rounds (两期对比) on 100k (``--only compare``);
* the new year's preview (年度切换) on 100k (``--only years``);
* closing a period (关账) on 100k (``--only rounds``);
* taking a round of returns back: 100 unit returns, 10,000 rows, on 10k (``--only returns``);
* peers on the same rows: LibreOffice ``soffice --headless --convert-to`` (CSV → xlsx and
  xlsx → CSV) and pandas ``to_excel`` / ``read_excel`` (openpyxl).  A peer that is not
  installed is skipped and the table says so.

Prints one table (measurement, median, target, holds?) and writes it to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
SIZES = (1_000, 10_000, 100_000)


# ---------------------------------------------------------------------------- bookkeeping
@dataclass
class Row:
    """One line of the results table; values in seconds (or MB for memory)."""

    name: str
    values: list[float]
    target: str = ""
    limit: float | None = None  # holds when median <= limit
    unit: str = "s"
    note: str = ""
    extra_ok: bool | None = None  # a second condition (e.g. faster than a peer)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def holds(self) -> str:
        if self.limit is None:
            return ""
        ok = self.median <= self.limit and self.extra_ok is not False
        return "yes" if ok else "**no**"

    def shown(self) -> str:
        if self.unit == "MB":
            return f"{self.median:.0f} MB"
        if self.unit == "x":
            return f"{self.median:.2f}×"
        m = self.median
        return f"{m * 1000:.0f} ms" if m < 1 else f"{m:.2f} s"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(f"  {row.name:<58} {row.shown():>10}  {row.target} {row.holds()}", flush=True)
        return row

    def table(self) -> str:
        lines = [
            "| measurement | median | runs | target | holds? |",
            "|---|---:|---:|---|---|",
        ]
        for r in self.rows:
            note = f" ({r.note})" if r.note else ""
            lines.append(
                f"| {r.name}{note} | {r.shown()} | {len(r.values)} | {r.target} | {r.holds()} |"
            )
        return "\n".join(lines)


def log(text: str) -> None:
    print(text, flush=True)


def child_env() -> dict[str, str]:
    """Offscreen Qt; the children's settings, logs and backups in benchmarks/out/home."""
    home = OUT / "home"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
    return env


def run(cmd: list[str], *, timeout: float = 900) -> str:
    done = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(), timeout=timeout, cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def timed_runs(fn: Callable[[], object], repeat: int, *, warmup: int = 0) -> list[float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


# ---------------------------------------------------------------------------- ledgers
def ledger(size: int | str) -> Path:
    return OUT / (f"demo_{size}.sqlite" if isinstance(size, int) else f"{size}.sqlite")


def build_ledgers() -> None:
    """keyprojects demo at each size (kept between runs) and the shipped portfolio."""
    OUT.mkdir(exist_ok=True)
    shipped = ledger("shipped")
    if not shipped.exists():
        run([PY, "-m", "desktop_app", "init", str(shipped)])
    for size in SIZES:
        path = ledger(size)
        if path.exists():
            continue
        log(f"building {path.name} (keyprojects demo --projects {size} --years 3) …")
        start = time.perf_counter()
        partial = path.with_suffix(".partial.sqlite")
        for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            p.unlink(missing_ok=True)
        run(
            [PY, "-m", "desktop_app", "demo", str(partial), "--projects", str(size), "--years", "3"]
        )
        partial.rename(path)
        log(f"  built in {time.perf_counter() - start:.0f} s")


# ---------------------------------------------------------------------------- cold start
def first_paint_after_start(cmd: list[str]) -> tuple[float, float | None]:
    """Seconds from process start to the window's first paint, and to the ledger's rows on
    screen (None for the bare window, which has no rows)."""
    env = child_env()
    env["KEYPROJECTS_REPORT_FIRST_PAINT"] = "1"
    start = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    marks = {}
    for line in done.stdout.splitlines():
        if line.startswith(("FIRST_PAINT ", "LEDGER_SHOWN ")):
            marks[line.split()[0]] = float(line.split()[1]) - start
    if "FIRST_PAINT" not in marks:
        raise RuntimeError(f"no FIRST_PAINT from {' '.join(cmd)}:\n{done.stdout}\n{done.stderr}")
    return marks["FIRST_PAINT"], marks.get("LEDGER_SHOWN")


def cold_starts(report: Report, repeat: int) -> None:
    log("cold start: process start → first paint of the main window → the ledger's rows shown")
    bare_cmd = [PY, str(HERE / "bare_window.py")]
    app_cmd = [PY, "-m", "desktop_app", "--db"]
    run([PY, "-m", "compileall", "-q", str(ROOT / "desktop_app")])  # as installed: .pyc ready
    cases: list[tuple[str, list[str]]] = [("bare PySide6 window", bare_cmd)]
    cases.append(("shipped portfolio (51)", [*app_cmd, str(ledger("shipped"))]))
    cases += [(f"{size:,} projects", [*app_cmd, str(ledger(size))]) for size in SIZES]
    paint: dict[str, list[float]] = {label: [] for label, _ in cases}
    rows: dict[str, list[float]] = {label: [] for label, _ in cases}
    for _, cmd in cases:  # warm-up: page cache, first backup of each ledger, .pyc files
        first_paint_after_start(cmd)
    for _ in range(repeat):  # interleaved, so a busy moment hits every case alike
        for label, cmd in cases:
            first, shown = first_paint_after_start(cmd)
            paint[label].append(first)
            if shown is not None:
                rows[label].append(shown)
    bare = statistics.median(paint["bare PySide6 window"])
    report.add(Row("cold start: bare PySide6 window (the floor)", paint["bare PySide6 window"]))
    report.add(
        Row(
            "cold start: shipped portfolio (51 projects), window painted",
            paint["shipped portfolio (51)"],
            f"≤ 1.5 × bare = {bare * 1.5 * 1000:.0f} ms",
            bare * 1.5,
        )
    )
    report.add(
        Row("cold start: shipped portfolio, its rows on screen", rows["shipped portfolio (51)"])
    )
    for size in SIZES:
        limit = 2.0 if size == 100_000 else None
        report.add(
            Row(
                f"cold start: {size:,} projects, window painted",
                paint[f"{size:,} projects"],
                "≤ 2 s" if limit else "",
                limit,
            )
        )
        report.add(
            Row(f"cold start: {size:,} projects, all rows on screen", rows[f"{size:,} projects"])
        )


# ---------------------------------------------------------------------------- GUI children
def ui_measurements(report: Report, repeat: int) -> None:
    log("ledger window on 100k (benchmarks/ui_bench.py) …")
    out = OUT / "ui_bench.json"
    text = run(
        [
            PY,
            str(HERE / "ui_bench.py"),
            str(ledger(100000)),
            "--repeat",
            str(repeat),
            "--json",
            str(out),
        ]
    )
    (OUT / "ui_bench.log").write_text(text, encoding="utf-8")
    ms = {k: [v / 1000 for v in vs] for k, vs in json.loads(out.read_text("utf-8")).items()}
    for key, label in (
        (
            "search keystroke: one more key: 经开区 → 经开区管",
            "plain, one more key 经开区 → 经开区管",
        ),
        ("search keystroke: plain 钢铁", "plain 钢铁"),
        ("search keystroke: pinyin initials xdgt", "pinyin initials xdgt"),
        ("search keystroke: full pinyin xinda", "full pinyin xinda"),
        ("search keystroke: traditional 鋼鐵", "traditional 鋼鐵"),
    ):
        report.add(Row(f"search keystroke, 100k: {label}", ms[key], "≤ 50 ms", 0.050))
    report.add(Row("sort by 总投资, 100k", ms["sort by 总投资 (descending)"], "≤ 300 ms", 0.300))
    report.add(
        Row("sort by 项目名称 (pinyin), 100k", ms["sort by 项目名称 (pinyin)"], "≤ 300 ms", 0.300)
    )
    report.add(
        Row("open a project's form, 100k", ms["open the project form (with its history tabs)"])
    )
    report.add(
        Row(
            "monthly grid for a period, 100k (load + paint)",
            ms["load the monthly grid (background) and paint"],
            "≤ 500 ms",
            0.500,
        )
    )
    report.add(
        Row(
            "monthly grid, 100k: longest interface stall while it loads",
            ms["longest interface stall while the grid loads"],
        )
    )
    report.add(
        Row(
            "ledger window shown, 100k (rows loading)",
            ms["window open (shown, rows still loading)"],
        )
    )
    report.add(
        Row("all 100k rows on screen (background load)", ms["rows on screen (background load)"])
    )
    report.add(
        Row(
            "longest interface stall while 100k rows load",
            ms["longest interface stall while loading"],
        )
    )

    log("dashboard on 100k (benchmarks/dashboard_bench.py) …")
    out = OUT / "dashboard_bench.json"
    done = subprocess.run(
        [
            PY,
            str(HERE / "dashboard_bench.py"),
            str(ledger(100000)),
            "--repeat",
            str(repeat),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=900,
    )  # exits 1 when over budget: the table says so
    (OUT / "dashboard_bench.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    runs = {k: [v / 1000 for v in vs] for k, vs in json.loads(out.read_text("utf-8")).items()}
    redraws = {k: v for k, v in runs.items() if k.startswith("redraw: ")}
    slowest = max(redraws, key=lambda k: statistics.median(redraws[k]))
    report.add(
        Row(
            "dashboard redraw, 100k (slowest scenario)",
            redraws[slowest],
            "≤ 300 ms",
            0.300,
            note=slowest.removeprefix("redraw: "),
        )
    )
    whole = runs["redraw+paint: " + slowest.removeprefix("redraw: ")]
    report.add(Row("dashboard redraw + paint of the whole tab, 100k", whole))

    log("peak memory with 100k open (benchmarks/rss_child.py) …")
    peaks, all_tabs = [], []
    settings = OUT / "rss_settings.ini"
    for _ in range(repeat):
        settings.unlink(missing_ok=True)
        text = run([PY, str(HERE / "rss_child.py"), str(ledger(100_000)), str(settings)])
        line = next(x for x in text.splitlines() if x.startswith("PEAK_RSS_MB"))
        peaks.append(float(line.split()[1]))
        all_tabs.append(float(line.split()[2]))
    report.add(
        Row(
            "peak memory (RSS), 100k open: ledger window, all rows",
            peaks,
            "≤ 600 MB",
            600,
            unit="MB",
        )
    )
    report.add(
        Row(
            "peak memory (RSS), 100k: after also opening the monthly grid and dashboard",
            all_tabs,
            "≤ 600 MB",
            600,
            unit="MB",
        )
    )


# ---------------------------------------------------------------------------- files
def xlsx_to_csv(xlsx: Path, target: Path) -> int:
    """The cells of the first sheet as CSV (what the peers get: the same rows)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    with target.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return len(rows)


def file_measurements(report: Report, repeat: int, ledger_repeat: int) -> None:
    from desktop_app.importers import apply_preview, preview_file
    from desktop_app.reports import export_report
    from desktop_app.store import Store

    work = OUT / "files"
    work.mkdir(exist_ok=True)

    log("月度调度表 export, 10k …")
    store10 = Store.open(ledger(10_000))
    period = store10.default_period()
    monthly = work / "月度调度表_10k.xlsx"
    ours_monthly = timed_runs(
        lambda: export_report(store10, "monthly", monthly, period=period), repeat
    )
    ledger10 = work / "重点项目台账_10k.xlsx"
    export_report(store10, "ledger", ledger10)
    store10.close()
    monthly_row = report.add(
        Row(
            f"月度调度表 export, 10k ({period})",
            ours_monthly,
            "≤ 3 s and faster than LibreOffice",
            3.0,
        )
    )

    log("重点项目台账 export, 100k …")
    store100 = Store.open(ledger(100_000))
    ledger100 = work / "重点项目台账_100k.xlsx"
    ours_ledger = timed_runs(lambda: export_report(store100, "ledger", ledger100), ledger_repeat)
    store100.close()
    report.add(
        Row(
            "重点项目台账 export, 100k",
            ours_ledger,
            "≤ 15 s (GUI: progress bar, worker thread)",
            15.0,
        )
    )

    log("import of a 10k-row ledger (preview + apply into an empty ledger) …")
    empty = work / "empty.sqlite"
    if not empty.exists():
        Store.create(empty, portfolio=False).close()
    target = work / "import_target.sqlite"
    outcome: dict[str, int] = {}

    def import_once() -> None:
        for p in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            p.unlink(missing_ok=True)
        shutil.copyfile(empty, target)
        store = Store.open(target)
        try:
            start = time.perf_counter()
            preview = preview_file(store, ledger10)
            outcome["preview_ms"] = int((time.perf_counter() - start) * 1000)
            result = apply_preview(store, preview)
            outcome.update(added=result.added, rejected=len(preview.rejected))
        finally:
            store.close()

    # timed around copy + open too, so the file copy is taken out below
    copy_open = timed_runs(lambda: (shutil.copyfile(empty, target), Store.open(target).close()), 3)
    overhead = statistics.median(copy_open)
    ours_import = [t - overhead for t in timed_runs(import_once, repeat)]
    import_row = report.add(
        Row(
            "ledger import, 10k rows (preview + apply)",
            ours_import,
            "≤ 5 s and faster than pandas.read_excel",
            5.0,
            note=f"{outcome.get('added', 0):,} added, {outcome.get('rejected', 0)} rejected",
        )
    )

    # ------------------------------------------------------------------ peers
    csv_rows = work / "月度调度表_10k.csv"
    lines = xlsx_to_csv(monthly, csv_rows)
    peers: list[tuple[str, Row, list[float]]] = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        report.notes.append(
            "LibreOffice is not installed (`apt-get install libreoffice-calc-nogui`): skipped."
        )
    else:
        log("peer: LibreOffice --convert-to …")
        profile = (OUT / "lo_profile").resolve()
        lo_out = work / "lo"
        lo_out.mkdir(exist_ok=True)

        def convert(source: Path, fmt: str) -> Callable[[], None]:
            def go() -> None:
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--convert-to",
                        fmt,
                        "--outdir",
                        str(lo_out),
                        str(source),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=600,
                )

            return go

        lo_write = timed_runs(convert(csv_rows, "xlsx"), repeat, warmup=1)
        lo_read = timed_runs(convert(ledger10, "csv"), repeat)
        monthly_row.extra_ok = statistics.median(ours_monthly) < statistics.median(lo_write)
        r1 = report.add(Row(f"peer: LibreOffice CSV → xlsx, same {lines:,} rows", lo_write))
        r2 = report.add(Row("peer: LibreOffice xlsx → CSV, the 10k ledger file", lo_read))
        peers += [("月度调度表 export 10k ÷ LibreOffice CSV → xlsx", r1, ours_monthly)]
        peers += [("ledger import 10k ÷ LibreOffice xlsx → CSV", r2, ours_import)]
    try:
        import pandas as pd
    except ImportError:
        report.notes.append(
            "pandas is not installed (`uv run --group bench python benchmarks/run.py`): skipped."
        )
        import_row.extra_ok = None
    else:
        log("peer: pandas to_excel / read_excel (openpyxl) …")
        frame = pd.read_csv(csv_rows, header=None, dtype=str, keep_default_na=False)
        pd_path = work / "pandas_10k.xlsx"
        pd_write = timed_runs(
            lambda: frame.to_excel(pd_path, engine="openpyxl", index=False, header=False), repeat
        )
        pd_read = timed_runs(lambda: pd.read_excel(ledger10, engine="openpyxl"), repeat)
        import_row.extra_ok = statistics.median(ours_import) < statistics.median(pd_read)
        r3 = report.add(Row(f"peer: pandas to_excel (openpyxl), same {lines:,} rows", pd_write))
        r4 = report.add(Row("peer: pandas read_excel (openpyxl), the 10k ledger file", pd_read))
        peers += [("月度调度表 export 10k ÷ pandas to_excel", r3, ours_monthly)]
        peers += [("ledger import 10k ÷ pandas read_excel", r4, ours_import)]
    for label, peer, ours in peers:
        ratio = statistics.median(ours) / peer.median
        report.add(Row(f"ratio: {label}", [ratio], "< 1 = we are faster", unit="x"))


def two_sheet_workbooks(source: Path, work: Path) -> dict[str, Path]:
    """The 10k ledger export as an office sends it: its rows split over two sheets (新建项目 /
    续建项目, each with the export's own title and header rows), as .xlsx (openpyxl) and as .xls
    (LibreOffice converting that .xlsx); {} for .xls without LibreOffice."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
    top = next(i for i, row in enumerate(rows) if "项目名称" in [str(v) for v in row])
    head, body = rows[: top + 1], [r for r in rows[top + 1 :] if any(v != "" for v in r)]
    half = len(body) // 2
    book = openpyxl.Workbook(write_only=True)
    for title, part in (("新建项目", body[:half]), ("续建项目", body[half:])):
        sheet = book.create_sheet(title)
        for row in (*head, *part):
            sheet.append([None if v == "" else v for v in row])
    xlsx = work / "两个工作表_10k.xlsx"
    book.save(xlsx)
    out = {"xlsx": xlsx}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is not None:
        profile = (OUT / "lo_profile").resolve()
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             "xls", "--outdir", str(work), str(xlsx)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        out["xls"] = xlsx.with_suffix(".xls")
    return out


def workbook_measurements(report: Report, repeat: int) -> None:
    """Issue 16: a 10k-row ledger over two sheets, as .xlsx and as .xls, imported (preview +
    apply into an empty ledger), against pandas.read_excel of every sheet and LibreOffice
    converting every sheet of the same file to CSV."""
    from desktop_app.importers import apply_preview, preview_file
    from desktop_app.store import Store

    log("two-sheet workbooks (.xlsx / .xls), 10k …")
    work = OUT / "files"
    work.mkdir(exist_ok=True)
    ledger10 = work / "重点项目台账_10k.xlsx"
    if not ledger10.exists():
        from desktop_app.reports import export_report

        with Store.open(ledger(10_000)) as store10:
            export_report(store10, "ledger", ledger10, group_by=None)
    books = two_sheet_workbooks(ledger10, work)
    empty = work / "empty.sqlite"
    if not empty.exists():
        Store.create(empty, portfolio=False).close()
    target = work / "import_target.sqlite"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    lo_out = work / "lo"
    lo_out.mkdir(exist_ok=True)
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    lo_args = [
        soffice or "soffice", f"-env:UserInstallation=file://{(OUT / 'lo_profile').resolve()}",
        "--headless", "--convert-to", every_sheet, "--outdir", str(lo_out),
    ]  # fmt: skip
    for kind, path in books.items():
        found: dict[str, int] = {}

        def import_once(path: Path = path, found: dict[str, int] = found) -> None:
            for p in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
                p.unlink(missing_ok=True)
            shutil.copyfile(empty, target)
            with Store.open(target) as store:
                preview = preview_file(store, path)
                found.update(added=apply_preview(store, preview).added)

        ours = timed_runs(import_once, repeat)
        row = report.add(
            Row(
                f"two-sheet ledger import, 10k rows, .{kind} (preview + apply)",
                ours,
                "≤ 5 s, faster than pandas and LibreOffice",
                5.0,
                note=f"{found.get('added', 0):,} added",
            )
        )
        peers = []
        try:
            import pandas as pd

            engine = "openpyxl" if kind == "xlsx" else "xlrd"  # pandas.read_excel's defaults
            pd_read = timed_runs(
                lambda path=path, engine=engine: pd.read_excel(
                    path, sheet_name=None, engine=engine
                ),
                repeat,
            )
            peers.append(
                report.add(
                    Row(f"peer: pandas read_excel ({engine}), both sheets, .{kind}", pd_read)
                )
            )
        except ImportError:
            report.notes.append("pandas is not installed: the pandas peer skipped.")
        if soffice is not None:

            def convert(path: Path = path) -> None:
                run_args = [*lo_args, str(path)]
                subprocess.run(run_args, check=True, capture_output=True, timeout=600)

            lo = timed_runs(convert, repeat)
            peers.append(report.add(Row(f"peer: LibreOffice every sheet → CSV, .{kind}", lo)))
        ok = True
        for peer in peers:
            ratio = statistics.median(ours) / peer.median
            ok = ok and ratio < 1
            report.add(Row(f"ratio: .{kind} import ÷ {peer.name[6:]}", [ratio], "< 1", unit="x"))
        row.extra_ok = ok if peers else None


# ---------------------------------------------------------------------------- main
def compare_measurements(report: Report, repeat: int) -> None:
    """两期对比: the latest period against the one before on the 100k ledger, as the dialog's
    worker reads it (its own read-only opening, then views.compare.compare)."""
    from desktop_app.store import Store
    from desktop_app.views.compare import compare

    log("comparing two rounds (两期对比), 100k …")
    path = ledger(100_000)
    Store.open(path).close()  # migrated to the current schema once, before the runs
    with Store.open_reader(path) as store:
        later = store.default_period()
    earlier = later.shift(-1)
    found: dict[str, int] = {}

    def once() -> None:
        with Store.open_reader(path) as reader:
            c = compare(reader, earlier, later)
            found.update(lagging=len(c.newly_lagging), lights=len(c.light_changes))

    report.add(
        Row(
            f"comparing two rounds ({earlier} → {later}), 100k",
            timed_runs(once, repeat),
            "≤ 1 s",
            1.0,
            note=f"{found['lagging']:,} newly lagging, {found['lights']:,} light changes",
        )
    )
    # the meeting's case: the round presented last month (closed) against this month's
    import shutil

    copy = OUT / "compare_100000.sqlite"
    shutil.copy(path, copy)
    try:
        with Store.open(copy, user="benchmark") as store:
            store.close_period(earlier, backup=False)

        def closed_once() -> None:
            with Store.open_reader(copy) as reader:
                c = compare(reader, earlier, later)
                found.update(lagging=len(c.newly_lagging), lights=len(c.light_changes))

        times = timed_runs(closed_once, repeat)
    finally:
        for leftover in (copy, *(Path(f"{copy}{x}") for x in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    report.add(
        Row(
            f"comparing a closed round with an open one ({earlier} 已关账 → {later}), 100k",
            times,
            "≤ 1 s",
            1.0,
            note=f"{found['lagging']:,} newly lagging, {found['lights']:,} light changes",
        )
    )


def year_measurements(report: Report, repeat: int) -> None:
    """年度切换: the new year's list proposed from the current year's on the 100k ledger, as
    the wizard reads it (its own read-only opening, then Store.year_proposal)."""
    from desktop_app.store import Store

    log("new year's preview (年度切换), 100k …")
    path = ledger(100_000)
    Store.open(path).close()  # migrated to the current schema once, before the runs
    with Store.open_reader(path) as store:
        year = store.current_year() + 1
        counts = store.year_proposal(year).counts()

    def preview() -> None:
        with Store.open_reader(path) as reader:
            reader.year_proposal(year)

    report.add(
        Row(
            f"new year's preview (年度切换 {year}), 100k",
            timed_runs(preview, repeat),
            "≤ 3 s",
            3.0,
            note=f"{counts['carry']:,} carried, {counts['finished']:,} finished, "
            f"{counts['reserve']:,} reserve, {counts['drop']:,} dropped",
        )
    )


def round_measurements(report: Report, repeat: int) -> None:
    """关账: closing the latest period of the 100k ledger (a copy: the period is reopened
    between runs, outside the timing) -- the store's action that freezes the round's rows;
    the backup made before it is timed once and named in the note."""
    import shutil

    from desktop_app.store import Store
    from desktop_app.store.backup import backup_before

    log("closing a period (关账), 100k …")
    copy = OUT / "rounds_100000.sqlite"
    Store.open(ledger(100_000)).close()  # migrated and checkpointed: the file is all of it
    shutil.copy(ledger(100_000), copy)
    times: list[float] = []
    try:
        with Store.open(copy, user="benchmark") as store:
            period = store.default_period()
            start = time.perf_counter()
            backup = backup_before(store, "benchmark", root=OUT / "home" / "rounds-backups")
            backup_took = time.perf_counter() - start
            for _ in range(repeat):
                start = time.perf_counter()
                info = store.close_period(period, backup=False)
                times.append(time.perf_counter() - start)
                store.reopen_period(period, "benchmark")
    finally:
        for leftover in (copy, *(Path(f"{copy}{x}") for x in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(OUT / "home" / "rounds-backups", ignore_errors=True)
    report.add(
        Row(
            f"closing a period (关账 {period}), 100k",
            times,
            "≤ 2 s",
            2.0,
            note=f"{info.count:,} projects frozen; the backup before it "
            f"({backup.size / 1e6:,.0f} MB) took {backup_took:.1f} s more",
        )
    )


def returns_measurements(report: Report, repeat: int) -> None:
    """Taking a round of returns back (issue 17, item 6): 100 unit returns carrying 10,000
    project rows into a copy of the 10k ledger whose projects are given to 100 units of 100
    (not timed: the units, the templates written by the app, each filled with openpyxl as a
    unit would, one row in eight copying last month's figures).  Timed: the combined preview
    (importers.returns.preview_round of the folder) and the apply (the backup, then the one
    action of apply_round), each on a fresh copy."""
    import random

    import openpyxl

    from desktop_app.importers.returns import apply_round, preview_round
    from desktop_app.reports.template import write_templates
    from desktop_app.store import Store
    from desktop_app.store.backup import backup_before

    log("a round of returns (100 units, 10,000 rows), 10k …")
    work = Path(tempfile.mkdtemp(prefix="returns-", dir=OUT))
    prepared, folder = work / "prepared.sqlite", work / "round"
    folder.mkdir()
    try:
        Store.open(ledger(10_000)).close()  # migrated and checkpointed: the file is all of it
        shutil.copy(ledger(10_000), prepared)
        with Store.open(prepared, user="benchmark") as store:
            period = store.default_period().shift(1)
            listed = store.projects(period.year, listed=True)[:10_000]
            store.import_projects(
                [],
                [
                    (p.id or 0, {"department": f"责任单位{i // 100 + 1:03d}"}, p.version)
                    for i, p in enumerate(listed)
                ],
                source="benchmark",
                description="benchmark: 100 units",
            )
            written = write_templates(store, folder, period=period)
            last = store.monthly_reports(period.shift(-1))
            by_code = {p.code: p.id for p in listed}
            received = store.report_deadline(period)
        rng = random.Random(17)
        for result in written:
            book = openpyxl.load_workbook(result.path)
            ws = book.worksheets[0]
            for row in range(1, ws.max_row + 1):
                pid = by_code.get(str(ws.cell(row, 2).value))
                if pid is None:
                    continue
                before = last.get(pid)
                copied = before is not None and rng.random() < 0.125
                amount = before.month_investment if copied else round(rng.uniform(0, 800), 2)
                ws.cell(row, 7).value = float(amount or 0)
                ws.cell(row, 8).value = rng.randint(5, 100)
                ws.cell(row, 9).value = rng.choice(("主体施工", "设备安装", "前期手续办理"))
                ws.cell(row, 12).value = "张三"
                ws.cell(row, 13).value = received
            book.save(result.path)
        rows = sum(r.items for r in written)

        def fresh() -> Path:
            copy = work / "run.sqlite"
            for leftover in (copy, *(Path(f"{copy}{x}") for x in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            shutil.copy(prepared, copy)
            return copy

        preview_times: list[float] = []
        apply_times: list[float] = []
        backup_times: list[float] = []
        for _ in range(repeat):
            with Store.open(fresh(), user="benchmark") as store:
                start = time.perf_counter()
                preview = preview_round(store, [folder], period, received=received)
                preview_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                backup_before(store, "benchmark", root=work / "backups")
                backup_times.append(time.perf_counter() - start)
                result_ = apply_round(store, preview, backup=False)
                apply_times.append(time.perf_counter() - start)
            shutil.rmtree(work / "backups", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    copied = sum(1 for x in preview.lines.values() if x.entry and x.entry.same_as_last)
    summary = f"{preview.summary()}; {copied:,} rows flagged 与上月相同"
    report.add(
        Row(
            f"round of returns: combined preview, {len(written)} files / {rows:,} rows, 10k",
            preview_times,
            "≤ 5 s",
            5.0,
            note=summary,
        )
    )
    report.add(
        Row(
            f"round of returns: apply (backup + one action), {len(written)} files, 10k",
            apply_times,
            "≤ 5 s",
            5.0,
            note=f"{result_.reports:,} reports written, {result_.pending:,} pending review; "
            f"the backup before it {statistics.median(backup_times):.1f} s of it",
        )
    )


def machine() -> str:
    import PySide6

    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    return (
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores ({cpu}), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, Qt offscreen"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--only",
        choices=("start", "ui", "files", "workbooks", "years", "compare", "rounds", "returns"),
        action="append",
        help="run only these parts",
    )
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    parts = set(
        args.only or ("start", "ui", "files", "workbooks", "years", "compare", "rounds", "returns")
    )
    began = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    tempfile.tempdir = str(OUT)
    build_ledgers()
    report = Report()
    if "start" in parts:
        cold_starts(report, args.repeat)
    if "ui" in parts:
        ui_measurements(report, args.repeat)
    if "files" in parts:
        file_measurements(report, args.repeat, args.repeat)
    if "workbooks" in parts:
        workbook_measurements(report, args.repeat)
    if "compare" in parts:
        compare_measurements(report, args.repeat)
    if "years" in parts:
        year_measurements(report, args.repeat)
    if "rounds" in parts:
        round_measurements(report, args.repeat)
    if "returns" in parts:
        returns_measurements(report, args.repeat)
    took = time.perf_counter() - began
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"`uv run python benchmarks/run.py --repeat {args.repeat}` — {machine()}; "
            f"medians of {args.repeat} runs; the whole run took {took / 60:.1f} min.",
            "",
            report.table(),
            "",
            *[f"- {note}" for note in report.notes],
            "",
        ]
    )
    print()
    print(text)
    args.results.write_text(text, encoding="utf-8")
    missed = [r.name for r in report.rows if r.holds() == "**no**"]
    if missed:
        print("targets missed: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
