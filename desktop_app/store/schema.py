"""The ledger's schema, versioned with sqlite-utils migrations.

Each migration runs inside one transaction together with its record in
``_sqlite_migrations`` and the ``user_version`` it sets, so a failed migration leaves the
file exactly as it was.  Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

APPLICATION_ID = 0x4B505244  # "KPRD": marks a file as this app's ledger

_V1 = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE code_lists (
        kind TEXT NOT NULL CHECK (kind IN ('region','sector','chain','status','nature','list')),
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        sort_order INTEGER NOT NULL DEFAULT 0,
        leader TEXT,
        target_count INTEGER CHECK (target_count >= 0),
        note TEXT,
        PRIMARY KEY (kind, name)
    )""",
    # Amounts are whole 百元 (0.01 万元) integers: sums stay exact.
    """CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (trim(code) <> ''),
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        owner TEXT,
        region TEXT,
        sector TEXT,
        chain TEXT,
        nature TEXT,
        lists TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lists)),
        scope TEXT,
        total_investment INTEGER CHECK (total_investment >= 0),
        annual_plan INTEGER CHECK (annual_plan >= 0),
        planned_start TEXT,
        planned_end TEXT,
        actual_start TEXT,
        actual_end TEXT,
        status TEXT CHECK (status IN ('谋划','前期','在建','竣工','投产','停缓建')),
        leader TEXT,
        department TEXT,
        secretary TEXT,
        problems TEXT,
        measures TEXT,
        source TEXT,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        search_key TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX projects_region ON projects(region)",
    "CREATE INDEX projects_sector ON projects(sector)",
    "CREATE INDEX projects_chain ON projects(chain)",
    "CREATE INDEX projects_status ON projects(status)",
    "CREATE INDEX projects_department ON projects(department)",
    """CREATE TABLE monthly_reports (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        month_investment INTEGER CHECK (month_investment >= 0),
        progress_pct REAL CHECK (progress_pct BETWEEN 0 AND 100),
        progress_text TEXT,
        progress_notes TEXT,
        problems TEXT,
        reporter TEXT,
        report_date TEXT,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, period)
    )""",
    "CREATE INDEX monthly_reports_period ON monthly_reports(period, project_id)",
    """CREATE TABLE milestones (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        planned_date TEXT,
        actual_date TEXT,
        department TEXT,
        note TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX milestones_project ON milestones(project_id)",
    """CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (trim(text) <> ''),
        department TEXT,
        deadline TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved')),
        solution TEXT,
        raised_on TEXT,
        solved_on TEXT,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX problems_project ON problems(project_id)",
    "CREATE INDEX problems_status ON problems(status)",
    """CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        period TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('目标', '实际')),
        measure TEXT NOT NULL DEFAULT '增长',
        value REAL,
        unit TEXT,
        qualifier TEXT,
        source TEXT,
        quote TEXT,
        UNIQUE (name, period, kind, measure)
    )""",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        description TEXT NOT NULL,
        source TEXT
    )""",
    """CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES actions(id),
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id INTEGER,
        field TEXT,
        old_value TEXT,
        new_value TEXT
    )""",
    "CREATE INDEX history_record ON history(table_name, record_id)",
    "CREATE INDEX history_action ON history(action_id)",
]


KNOWN_MIGRATIONS: list[str] = []
MIGRATION_FUNCTIONS: list[Callable[[Database], None]] = []


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Remember a migration (registered with sqlite-utils when ``migrations`` is first used)."""
    KNOWN_MIGRATIONS.append(fn.__name__)
    MIGRATION_FUNCTIONS.append(fn)
    return fn


def __getattr__(name: str) -> Any:
    """``migrations``: the sqlite-utils Migrations, built on first use (sqlite-utils takes
    ~0.3 s to import, and opening an up-to-date ledger does not need it)."""
    if name != "migrations":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from sqlite_utils import Migrations

    built: Migrations = Migrations("keyprojects")
    for fn in MIGRATION_FUNCTIONS:
        built(name=fn.__name__)(fn)
    globals()["migrations"] = built
    return built


@_migration
def m001_initial(db: Database) -> None:
    for statement in _V1:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")


# Running sums kept on every monthly report, so the figures of a period are one index seek
# per project instead of a scan of every report before it.  The store refreshes them for
# the projects an action touched, just before the action commits.
CUMULATIVE_REFRESH = """
WITH app_running_sums AS (
    SELECT id,
           sum(coalesce(month_investment, 0)) OVER (
               PARTITION BY project_id, substr(period, 1, 4) ORDER BY period
           ) AS ytd,
           sum(coalesce(month_investment, 0)) OVER (
               PARTITION BY project_id ORDER BY period
           ) AS cum
    FROM monthly_reports
    WHERE {where}
)
UPDATE monthly_reports
SET ytd_investment = app_running_sums.ytd, cum_investment = app_running_sums.cum
FROM app_running_sums
WHERE app_running_sums.id = monthly_reports.id
  AND (monthly_reports.ytd_investment IS NOT app_running_sums.ytd OR monthly_reports.cum_investment IS NOT app_running_sums.cum)
"""


@_migration
def m002_running_sums(db: Database) -> None:
    db.execute("ALTER TABLE monthly_reports ADD COLUMN ytd_investment INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE monthly_reports ADD COLUMN cum_investment INTEGER NOT NULL DEFAULT 0")
    db.execute(CUMULATIVE_REFRESH.format(where="1 = 1"))
    db.execute("PRAGMA user_version = 2")


#: The period index covers 本月完成投资 too, so whole-portfolio reads of a year's amounts
#: (the dashboard) never touch the table rows.  Its leading columns are those of the v1
#: index it replaces, so every query of one period still uses it.
_PERIOD_INDEX_V3 = (
    "CREATE INDEX monthly_reports_period_amount "
    "ON monthly_reports(period, project_id, month_investment)"
)


@_migration
def m003_covering_period_index(db: Database) -> None:
    db.execute(_PERIOD_INDEX_V3)
    db.execute("DROP INDEX IF EXISTS monthly_reports_period")
    db.execute("PRAGMA user_version = 3")


#: Schema v4: ``projects.lists`` is checked without ``json_valid()``.  Every connection runs
#: with ``trusted_schema = OFF`` (a ledger's schema may call no function that is not marked
#: innocuous), and SQLite up to at least 3.40 does not mark the JSON functions so; the store
#: writes ``lists`` with ``json.dumps`` and reads it back with ``json.loads`` anyway.
PROJECTS_V4 = (
    _V1[2]
    .replace("CREATE TABLE projects (", "CREATE TABLE projects_v4 (")
    .replace("CHECK (json_valid(lists))", "CHECK (lists GLOB '[[]*]')")
)
PROJECT_INDEXES = [s for s in _V1 if s.startswith("CREATE INDEX projects_")]

#: Migrations that rebuild a table others refer to run with foreign keys off (SQLite's
#: documented procedure; dropping the old table would otherwise cascade to its children)
#: and check every reference before they commit.
REBUILDS_TABLES = {"m004_projects_without_json_check"}


@_migration
def m004_projects_without_json_check(db: Database) -> None:
    assert "json_valid" not in PROJECTS_V4 and "projects_v4" in PROJECTS_V4
    db.execute(PROJECTS_V4)
    db.execute("INSERT INTO projects_v4 SELECT * FROM projects")
    db.execute("DROP TABLE projects")
    db.execute("ALTER TABLE projects_v4 RENAME TO projects")
    for statement in PROJECT_INDEXES:
        db.execute(statement)
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.IntegrityError(f"{len(broken)} references broken by the rebuild")
    db.execute("PRAGMA user_version = 4")


#: Schema v5 (issue 15): a ledger lives through many years and keeps what each meeting was
#: told.  What changes from year to year is kept per year in ``project_years`` — whether the
#: project is on that year's list, its 年度计划投资, 建设性质, 项目清单 and the year's 建设目标 —
#: and a project may break its plan down by month (``monthly_plans``, 月度计划分解).  A period
#: closed after its meeting (``closed_periods``) keeps, in ``round_rows``, every value its
#: reports and figures showed at the close, one JSON object per project, so that nothing
#: done later (plans, renames, deletions) changes them.  ``round_rows`` has no reference to
#: ``projects``: a project deleted after the close is still in that round.
YEARS_AND_ROUNDS = [
    """CREATE TABLE project_years (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
        on_list INTEGER NOT NULL DEFAULT 1 CHECK (on_list IN (0, 1)),
        annual_plan INTEGER CHECK (annual_plan >= 0),
        nature TEXT,
        lists TEXT NOT NULL DEFAULT '[]' CHECK (lists GLOB '[[]*]'),
        target TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (project_id, year)
    )""",
    "CREATE INDEX project_years_year ON project_years(year, project_id)",
    """CREATE TABLE monthly_plans (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        plan_investment INTEGER NOT NULL CHECK (plan_investment >= 0),
        PRIMARY KEY (project_id, period)
    )""",
    """CREATE TABLE closed_periods (
        period TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        action_id INTEGER NOT NULL REFERENCES actions(id)
    )""",
    """CREATE TABLE round_rows (
        period TEXT NOT NULL REFERENCES closed_periods(period) ON DELETE CASCADE,
        project_id INTEGER NOT NULL,
        row TEXT NOT NULL,
        PRIMARY KEY (period, project_id)
    )""",
]

#: The ``meta`` key of the ledger's working year: the year new plans are entered for and a
#: plan column without a year goes to (set by the year change, 年度切换).
CURRENT_YEAR_META = "current_year"


def working_year(db: Database) -> int:
    """The year a pre-v5 ledger's plans were entered for: that of its newest monthly report
    (the figures were reported against those plans), else of its indicators (the shipped
    portfolio: 2022), else of its newest change, else this year."""
    import datetime as dt

    for sql in (
        "SELECT substr(max(period), 1, 4) FROM monthly_reports",
        "SELECT max(substr(period, 1, 4)) FROM indicators WHERE period GLOB '[12][0-9][0-9][0-9]*'",
        "SELECT substr(max(at), 1, 4) FROM actions",
    ):
        row = db.execute(sql).fetchone()
        if row and row[0] and str(row[0]).isdigit() and 2000 <= int(row[0]) <= 2099:
            return int(row[0])
    return dt.date.today().year


@_migration
def m005_years_and_rounds(db: Database) -> None:
    """Per-year values and closed rounds.  Before v5 one 年度计划投资, 建设性质 and 项目清单 served
    every period, so every project goes on the list of :func:`working_year` and of every
    year it has monthly reports in the ledger — each with those same values — and every
    figure, report and month means exactly what it meant; one action records it, with one
    history row per project naming the years.  The old columns of ``projects`` stay until the
    reads have moved (m006 drops them)."""
    import datetime as dt

    for statement in YEARS_AND_ROUNDS:
        db.execute(statement)
    year = working_year(db)
    now = dt.datetime.now().isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [CURRENT_YEAR_META, str(year)],
    )
    reported = {
        int(row[0])
        for row in db.execute(
            "SELECT DISTINCT substr(period, 1, 4) FROM monthly_reports"
        ).fetchall()
        if str(row[0]).isdigit() and 2000 <= int(row[0]) <= 2099
    }
    years = sorted(reported | {year})
    for each in years:
        db.execute(
            "INSERT INTO project_years "
            "(project_id, year, on_list, annual_plan, nature, lists, target, version, updated_at) "
            "SELECT id, ?, 1, annual_plan, nature, lists, NULL, 1, ? FROM projects",
            [each, now],
        )
    if db.execute("SELECT count(*) FROM projects").fetchone()[0]:
        named = "、".join(str(y) for y in years)
        cursor = db.execute(
            "INSERT INTO actions (at, user, description, source) VALUES (?, ?, ?, ?)",
            [
                now,
                "程序升级",
                f"升级数据结构：年度计划、建设性质和项目清单归入 {named} 年"
                + ("（升级前各年共用同一计划）" if len(years) > 1 else ""),
                "migration",
            ],
        )
        db.execute(
            "INSERT INTO history "
            "(action_id, at, user, table_name, record_id, field, old_value, new_value) "
            "SELECT ?, ?, '程序升级', 'project_years', id, 'year', NULL, ? FROM projects",
            [cursor.lastrowid, now, named],
        )
    db.execute("PRAGMA user_version = 5")


#: The columns of ``projects`` whose values are a year's (``project_years``) since schema v5.
YEAR_COLUMNS = ("annual_plan", "nature", "lists")


@_migration
def m006_drop_year_columns(db: Database) -> None:
    """The old per-project 年度计划投资, 建设性质 and 项目清单 go: every read and write uses
    ``project_years`` (v5 copied their values there).  ``ALTER TABLE … DROP COLUMN`` needs
    SQLite 3.35; an older SQLite keeps the columns, unused (the schema check replays the same
    migrations on the same SQLite, so it expects what this one did)."""
    if sqlite3.sqlite_version_info >= (3, 35, 0):
        for column in YEAR_COLUMNS:
            db.execute(f"ALTER TABLE projects DROP COLUMN {column}")
    # a year's monthly plans of every project, read with the figures of a period
    db.execute("CREATE INDEX monthly_plans_period ON monthly_plans(period, project_id)")
    db.execute("PRAGMA user_version = 6")


#: Since schema v7 the period index covers the running sums too: the figures of a period
#: (every light, the ledger's 本年累计, a comparison of two rounds) find each project's
#: report of the month in the index alone -- one seek, no table row -- and the table rows
#: only of the projects that did not report that month (their newest report before it).
PERIOD_INDEX = (
    "CREATE INDEX monthly_reports_period_figures ON monthly_reports"
    "(period, project_id, month_investment, ytd_investment, cum_investment)"
)
PERIOD_INDEX_NAME = "monthly_reports_period_figures"


#: Schema v7 also keeps a closed round's projects, reports and open problems as rows of
#: their own, copied by SQLite column for column at the close (building one JSON object per
#: project took most of the time of closing 100,000 projects), and the round's figures and
#: months as a few columnar JSON rows of ``round_rows`` (see ``store/rounds.py``).
ROUND_TABLES = [
    """CREATE TABLE round_projects (
        period TEXT NOT NULL REFERENCES closed_periods(period) ON DELETE CASCADE,
        project_id INTEGER NOT NULL,
        is_sample INTEGER NOT NULL DEFAULT 0,
        code TEXT, name TEXT, owner TEXT, region TEXT, sector TEXT, chain TEXT,
        nature TEXT, lists TEXT, scope TEXT, total_investment INTEGER, annual_plan INTEGER,
        planned_start TEXT, planned_end TEXT, actual_start TEXT, actual_end TEXT,
        status TEXT, leader TEXT, department TEXT, secretary TEXT, problems TEXT,
        measures TEXT, source TEXT,
        PRIMARY KEY (period, project_id)
    )""",
    """CREATE TABLE round_reports (
        period TEXT NOT NULL REFERENCES closed_periods(period) ON DELETE CASCADE,
        project_id INTEGER NOT NULL,
        month_investment INTEGER, progress_pct REAL, progress_text TEXT,
        progress_notes TEXT, problems TEXT, reporter TEXT, report_date TEXT,
        id INTEGER, is_sample INTEGER, version INTEGER, updated_at TEXT,
        PRIMARY KEY (period, project_id)
    )""",
    """CREATE TABLE round_problems (
        period TEXT NOT NULL REFERENCES closed_periods(period) ON DELETE CASCADE,
        project_id INTEGER NOT NULL,
        id INTEGER NOT NULL,
        text TEXT, department TEXT, deadline TEXT, status TEXT, solution TEXT,
        raised_on TEXT, solved_on TEXT,
        PRIMARY KEY (period, id)
    )""",
]
_V6_PROJECT_KEYS = (
    "code", "name", "owner", "region", "sector", "chain", "nature", "lists", "scope",
    "total_investment", "annual_plan", "planned_start", "planned_end", "actual_start",
    "actual_end", "status", "leader", "department", "secretary", "problems", "measures",
    "source",
)  # fmt: skip
_V6_REPORT_KEYS = (
    "month_investment", "progress_pct", "progress_text", "progress_notes", "problems",
    "reporter", "report_date", "id", "is_sample", "version", "updated_at",
)  # fmt: skip
_V6_PROBLEM_KEYS = (
    "id", "text", "department", "deadline", "status", "solution", "raised_on", "solved_on",
)  # fmt: skip


def _v6_rounds_to_v7(db: Database) -> None:
    """The v5/v6 rounds' one JSON object per project becomes the v7 rows: the project, its
    report and its open problems in the round tables; the figures (light, 本月完成, 本年累计,
    开工以来累计, reported, 截至本月计划累计) one columnar row (project_id -1); each month's
    本月完成 of the year up to the round one row (project_id -100 - month)."""
    rows = "FROM round_rows r WHERE r.project_id > 0"
    keys = ", ".join(_V6_PROJECT_KEYS)
    values = ", ".join(
        "r.row -> '$.project.lists'" if k == "lists" else f"r.row ->> '$.project.{k}'"
        for k in _V6_PROJECT_KEYS
    )
    db.execute(
        f"INSERT INTO round_projects (period, project_id, is_sample, {keys}) "
        f"SELECT r.period, r.project_id, coalesce(r.row ->> '$.is_sample', 0), {values} {rows}"
    )
    keys = ", ".join(_V6_REPORT_KEYS)
    values = ", ".join(f"r.row ->> '$.report.{k}'" for k in _V6_REPORT_KEYS)
    db.execute(
        f"INSERT INTO round_reports (period, project_id, {keys}) "
        f"SELECT r.period, r.project_id, {values} {rows} "
        "AND json_type(r.row, '$.report') = 'object'"
    )
    keys = ", ".join(_V6_PROBLEM_KEYS)
    values = ", ".join(f"q.value ->> '$.{k}'" for k in _V6_PROBLEM_KEYS)
    db.execute(
        f"INSERT INTO round_problems (period, project_id, {keys}) "
        f"SELECT r.period, r.project_id, {values} "
        "FROM round_rows r, json_each(r.row, '$.problems') q WHERE r.project_id > 0 "
        "AND q.value ->> '$.id' IS NOT NULL"
    )
    figures = ", ".join(
        f"'{k}', json_group_array(r.row ->> '$.{k}')"
        for k in ("light", "month", "ytd", "cum", "reported", "planned")
    )
    db.execute(
        "INSERT INTO round_rows (period, project_id, row) "
        f"SELECT r.period, -1, json_object('id', json_group_array(r.project_id), {figures}) "
        "FROM (SELECT * FROM round_rows WHERE project_id > 0 ORDER BY period, project_id) r "
        "GROUP BY r.period"
    )
    for month in range(1, 13):
        path = f"$.months[{month - 1}]"
        db.execute(
            "INSERT INTO round_rows (period, project_id, row) "
            "SELECT r.period, ?, json_object('id', json_group_array(r.project_id), "
            "'amount', json_group_array(r.row ->> ?)) "
            "FROM (SELECT * FROM round_rows WHERE project_id > 0 ORDER BY period, project_id) r "
            "WHERE CAST(substr(r.period, 6, 2) AS INTEGER) >= ? AND r.row ->> ? IS NOT NULL "
            "GROUP BY r.period",
            [-100 - month, path, month, path],
        )
    db.execute("DELETE FROM round_rows WHERE project_id > 0")


@_migration
def m007_period_figures_and_round_tables(db: Database) -> None:
    """The v3 period index gives way to one that covers 本年累计 and 开工以来累计 too (its
    leading columns are the same: every query of one period still seeks it); closed rounds
    keep their projects, reports and problems in tables of their own."""
    db.execute(PERIOD_INDEX)
    db.execute("DROP INDEX IF EXISTS monthly_reports_period_amount")
    for statement in ROUND_TABLES:
        db.execute(statement)
    _v6_rounds_to_v7(db)
    db.execute("PRAGMA user_version = 7")


#: Issue 17: the units that report (责任单位) with their contacts, the returns received from
#: them (one row per file taken in), and the review of each report a return brought.
UNIT_TABLES = [
    """CREATE TABLE units (
        name TEXT PRIMARY KEY CHECK (trim(name) <> ''),
        short_name TEXT,
        contact TEXT,
        phone TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        note TEXT,
        version INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE unit_returns (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL CHECK (length(period) = 7),
        unit TEXT NOT NULL CHECK (trim(unit) <> ''),
        file_name TEXT NOT NULL,
        digest TEXT NOT NULL,
        received_at TEXT NOT NULL,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
        action_id INTEGER NOT NULL REFERENCES actions(id)
    )""",
    "CREATE INDEX unit_returns_period ON unit_returns(period, unit)",
    # No row: entered by the staff (counts as reviewed).  pending: 待审核; returned: 退回.
    """CREATE TABLE report_reviews (
        report_id INTEGER PRIMARY KEY REFERENCES monthly_reports(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'returned')),
        return_id INTEGER REFERENCES unit_returns(id),
        reason TEXT,
        warnings TEXT,
        reviewed_by TEXT,
        reviewed_at TEXT
    )""",
    "CREATE INDEX report_reviews_return ON report_reviews(return_id)",
]


@_migration
def m008_units_returns_reviews(db: Database) -> None:
    """The unit directory starts with every 责任单位 the projects name (in the order they
    first appear); returns and reviews start empty (every report so far was the staff's); the
    ledger gets an identifier its templates carry."""
    for statement in UNIT_TABLES:
        db.execute(statement)
    db.execute(
        "INSERT INTO units (name, sort_order) "
        "SELECT name, row_number() OVER (ORDER BY first) FROM ("
        "  SELECT trim(department) AS name, min(id) AS first FROM projects"
        "  WHERE department IS NOT NULL AND trim(department) <> '' GROUP BY trim(department))"
    )
    # Which ledger a template came from: a file of another ledger is refused when it returns.
    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('ledger_id', lower(hex(randomblob(16))))"
    )
    db.execute("PRAGMA user_version = 8")


@contextmanager
def sorting_on_disk(conn: sqlite3.Connection) -> Iterator[None]:
    """Run migrations with the sorter's runs in temporary files and a helper thread: building
    the v3 index over 3 million reports then takes ~2-3 s instead of ~5 s in memory.  Set
    outside any transaction (SQLite refuses inside one); the connection's settings return."""
    temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    try:
        conn.execute("PRAGMA temp_store = FILE")
        conn.execute("PRAGMA threads = 2")
    except sqlite3.OperationalError:  # pragma: no cover - a transaction is open: sort as set
        pass
    try:
        yield
    finally:
        with suppress(sqlite3.OperationalError):
            conn.execute(f"PRAGMA temp_store = {int(temp_store)}")
            conn.execute(f"PRAGMA threads = {int(threads)}")


@contextmanager
def foreign_keys_off(conn: sqlite3.Connection, off: bool = True) -> Iterator[None]:
    """Foreign keys off while table-rebuilding migrations run (set outside a transaction),
    on again afterwards whatever happens."""
    if not off:
        yield
        return
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


SCHEMA_VERSION = len(KNOWN_MIGRATIONS)
