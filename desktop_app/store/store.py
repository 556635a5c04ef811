"""The one API over the ledger database that the UI, the command line and the reports call.

Every method that changes data runs as one *action*: one transaction that also writes an
``actions`` row and one ``history`` row per changed field.  A failing action changes nothing.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import derived
from ..domain.fields import (
    AMOUNT_FIELDS,
    FIELD_BY_NAME,
    MONTHLY_FIELDS,
    PROJECT_FIELD_NAMES,
    SEARCH_FIELDS,
)
from ..domain.money import (
    AMOUNT_LIMIT_TEXT,
    MAX_AMOUNT,
    AmountError,
    from_cents,
    parse_amount,
    to_cents,
)
from ..domain.periods import Period
from ..domain.query import ProjectQuery
from ..domain.textmatch import normalize_query, search_key
from ..domain.validation import Issue, errors_only, validate_project
from . import schema
from .connection import APPLICATION_ID, connect, plain_sqlite_error
from .errors import (
    ConflictError,
    DatabaseDamaged,
    NewerSchema,
    NotFound,
    NotOurDatabase,
    StoreError,
    ValidationFailed,
    WriteFailed,
)
from .integrity import CheckResult, check_on_open, refuse_bad_header
from .models import (
    CodeEntry,
    HistoryEntry,
    Indicator,
    Milestone,
    MonthlyReport,
    Problem,
    Project,
    history_text,
)
from .schema_check import refuse_foreign_schema

if TYPE_CHECKING:
    from sqlite_utils import Database

_PROJECT_COLUMNS = (*PROJECT_FIELD_NAMES, "id", "is_sample", "version", "created_at", "updated_at")
_PROJECT_SELECT = "SELECT " + ", ".join(_PROJECT_COLUMNS) + " FROM projects"
_PROJECT_ROW_SQL = (
    "SELECT id, version, search_key, " + ", ".join(PROJECT_FIELD_NAMES) + " FROM projects"
)
_MONTHLY_VALUE_FIELDS = (
    "month_investment",
    "progress_pct",
    "progress_text",
    "progress_notes",
    "problems",
    "reporter",
    "report_date",
)
_MONTHLY_COLUMNS = (
    "project_id",
    "period",
    *_MONTHLY_VALUE_FIELDS,
    "id",
    "is_sample",
    "version",
    "updated_at",
)
_MONTHLY_LABELS = {f.name: f.label for f in MONTHLY_FIELDS}
_MILESTONE_FIELDS = ("name", "planned_date", "actual_date", "department", "note", "sort_order")
_PROBLEM_FIELDS = ("text", "department", "deadline", "status", "solution", "raised_on", "solved_on")

#: rows per INSERT statement when writing many (imports, their history)
_ROWS_PER_INSERT = 100


def now_text() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some systems
        return "本机用户"


@dataclass
class Action:
    """The action (transaction) under way: its id and how many history rows it wrote."""

    id: int
    description: str
    source: str | None
    changes: int = 0
    running_sums_stale: set[int] = field(default_factory=set)


class Store:
    """A ledger database file opened for reading and writing."""

    def __init__(self, conn: sqlite3.Connection, path: Path, user: str) -> None:
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        self.user = user
        self._action: Action | None = None
        self.open_check: CheckResult | None = None  # what the check on opening found

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (migrations), made on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path, *, user: str | None = None, create: bool = False) -> Store:
        """Open (and migrate) a ledger file.  ``create`` makes an empty ledger if missing."""
        path = Path(path)
        refuse_bad_header(path)  # truncated or foreign file: refused before SQLite opens it
        conn = connect(path, create=create)
        try:
            cls._check_identity(conn, path)  # ours, not newer, exactly our schema
            check = check_on_open(conn, path)  # quick_check on files up to 64 MB
            store = cls(conn, path, user or default_user())
            store.open_check = check
            store.migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError):
                raise WriteFailed(f"无法打开台账：{plain_sqlite_error(exc)}") from exc
            raise DatabaseDamaged(f"数据库文件“{path.name}”已损坏：{exc}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        user: str | None = None,
        portfolio: bool = True,
        code_lists: bool = True,
    ) -> Store:
        """Make a new ledger file with the shipped 2022 portfolio, or with only its code lists
        (``portfolio=False``), or bare (``code_lists=False`` too).  Never overwrites a file.
        """
        path = Path(path)
        if path.exists():
            raise StoreError(f"文件已存在，不会覆盖：{path}")
        store = cls.open(path, user=user, create=True)
        from .seed import load_code_lists, load_portfolio, read_portfolio

        try:
            if portfolio:
                load_portfolio(store)
            elif code_lists:
                with store.action("载入代码表"):
                    load_code_lists(store, read_portfolio())
        except BaseException:
            store.close()
            path.unlink(missing_ok=True)
            raise
        return store

    @staticmethod
    def _check_identity(conn: sqlite3.Connection, path: Path) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables > 0):
            raise NotOurDatabase(f"“{path.name}”不是重点项目调度台的数据库")
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if user_version > schema.SCHEMA_VERSION:
            raise NewerSchema(
                f"“{path.name}”由更新版本的程序创建（数据结构 v{user_version}），"
                f"本程序只支持到 v{schema.SCHEMA_VERSION}，请升级程序"
            )
        refuse_foreign_schema(conn, path, user_version)

    def _schema_current(self) -> bool:
        """Whether every known migration is recorded and ``user_version`` says so."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version != schema.SCHEMA_VERSION:
            return False
        try:
            names = {
                row[0]
                for row in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'keyprojects'"
                )
            }
        except sqlite3.OperationalError:  # no migrations table
            return False
        return names == set(schema.KNOWN_MIGRATIONS)

    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns their names."""
        if self._schema_current():
            return []  # the usual case: no migration machinery (sqlite-utils) at start-up
        applied = {m.name for m in schema.migrations.applied(self.db)}
        unknown = applied - set(schema.KNOWN_MIGRATIONS)
        if unknown:
            raise NewerSchema(
                f"“{self.path.name}”由更新版本的程序创建，本程序不认识其数据结构，请升级程序"
            )
        pending = [m.name for m in schema.migrations.pending(self.db)]
        if pending and "m001_initial" not in pending:
            from .backup import make_backup

            make_backup(self, f"升级前自动备份（数据结构 v{self.schema_version}）")
        if pending:
            try:
                rebuilds = bool(schema.REBUILDS_TABLES.intersection(pending))
                # The schema was verified to be exactly ours (_check_identity), and the
                # migrations before v4 create and copy a CHECK with json_valid().
                self.conn.execute("PRAGMA trusted_schema = ON")
                with schema.foreign_keys_off(self.conn, rebuilds):
                    try:
                        with schema.sorting_on_disk(self.conn):
                            schema.migrations.apply(self.db)
                    except sqlite3.OperationalError:  # e.g. no temporary folder: sort in memory
                        schema.migrations.apply(self.db)  # (a failed migration left no trace)
            except sqlite3.OperationalError as exc:
                raise WriteFailed(f"无法升级数据库结构：{plain_sqlite_error(exc)}") from exc
            finally:
                # from v4 on, nothing in the schema needs trust
                self.conn.execute("PRAGMA trusted_schema = OFF")
            if "m001_initial" in pending:
                with self.action("创建数据库"):
                    self._set_meta("created_at", now_text())
                    self._set_meta("app", "keyprojects")
        return pending

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def in_action(self) -> bool:
        """Whether an action (transaction) of this store is under way."""
        return self._action is not None

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------- transactions
    @contextmanager
    def action(self, description: str, *, source: str | None = None) -> Iterator[Action]:
        """One user action: one transaction and its history.  Nested calls join the outer one."""
        if self._action is not None:
            yield self._action
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            cur = self.conn.execute(
                "INSERT INTO actions (at, user, description, source) VALUES (?, ?, ?, ?)",
                (now_text(), self.user, description, source),
            )
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise WriteFailed(f"无法写入数据库：{plain_sqlite_error(exc)}") from exc
        self._action = Action(int(cur.lastrowid or 0), description, source)
        try:
            yield self._action
            if self._action.running_sums_stale:
                self._refresh_running_sums(self._action.running_sums_stale)
            if self._action.changes == 0:
                self.conn.execute("DELETE FROM actions WHERE id = ?", (self._action.id,))
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise WriteFailed(f"保存失败，未做任何修改：{plain_sqlite_error(exc)}") from exc
            raise
        finally:
            self._action = None

    def _refresh_running_sums(self, project_ids: set[int]) -> None:
        """Recompute 本年累计/开工以来累计 on the reports of the projects an action touched."""
        self.conn.execute(
            schema.CUMULATIVE_REFRESH.format(
                where="project_id IN (SELECT value FROM json_each(?))"
            ),
            (json.dumps(sorted(project_ids)),),
        )

    def _record(
        self,
        table: str,
        record_id: int | None,
        field: str | None,
        old: Any,
        new: Any,
    ) -> None:
        if self._action is None:  # pragma: no cover - programming error
            raise RuntimeError("store writes must run inside an action")
        self.conn.execute(
            "INSERT INTO history (action_id, at, user, table_name, record_id, field, old_value, "
            "new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._action.id,
                now_text(),
                self.user,
                table,
                record_id,
                field,
                history_text(old),
                history_text(new),
            ),
        )
        self._action.changes += 1

    def _record_many(self, rows: Iterable[tuple[str, int | None, str | None, Any, Any]]) -> None:
        assert self._action is not None
        at = now_text()
        text = history_text
        data = [
            (
                self._action.id,
                at,
                self.user,
                t,
                rid,
                f,
                None if o is None else text(o),
                n if n.__class__ is str else text(n),  # str(n) is n
            )
            for t, rid, f, o, n in rows
        ]
        self._insert_rows(
            "INSERT INTO history (action_id, at, user, table_name, record_id, field, old_value, "
            "new_value) VALUES ",
            8,
            data,
        )
        self._action.changes += len(data)

    def _insert_rows(self, insert: str, width: int, rows: Sequence[Sequence[Any]]) -> None:
        """``insert`` (ending in VALUES) for every row of ``width`` values, in order, many rows
        per statement: an imported ledger writes ~180,000 history rows, and a statement per
        row costs twice the time."""
        per = max(1, min(_ROWS_PER_INSERT, self._max_params() // width))
        one = "(" + ", ".join("?" * width) + ")"
        whole = len(rows) - len(rows) % per
        if whole:
            self.conn.executemany(
                insert + ", ".join([one] * per),
                (tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)),
            )
        if whole < len(rows):
            rest = rows[whole:]
            self.conn.execute(
                insert + ", ".join([one] * len(rest)), tuple(chain.from_iterable(rest))
            )

    def _max_params(self) -> int:
        """How many ``?`` one statement may hold (SQLite's limit: 999 before 3.32)."""
        return int(self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))

    # --------------------------------------------------------------------- meta
    def _set_meta(self, key: str, value: str) -> None:
        old = self.meta(key)
        if old == value:
            return
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        self._record("meta", None, key, old, value)

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str, *, description: str = "修改设置") -> None:
        with self.action(description):
            self._set_meta(key, value)

    # --------------------------------------------------------------- code lists
    def codes(self, kind: str) -> list[CodeEntry]:
        rows = self.conn.execute(
            "SELECT kind, name, sort_order, leader, target_count, note FROM code_lists "
            "WHERE kind = ? ORDER BY sort_order, name",
            (kind,),
        ).fetchall()
        return [CodeEntry(*r) for r in rows]

    def code_names(self, kind: str) -> list[str]:
        return [c.name for c in self.codes(kind)]

    def code_exists(self, kind: str, name: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM code_lists WHERE kind = ? AND name = ?", (kind, name)
            ).fetchone()
            is not None
        )

    def save_code(self, entry: CodeEntry) -> None:
        """Add a code list entry or update its leader, order, count and note."""
        with self.action(f"编辑代码表：{entry.name}"):
            row = self.conn.execute(
                "SELECT sort_order, leader, target_count, note FROM code_lists "
                "WHERE kind = ? AND name = ?",
                (entry.kind, entry.name),
            ).fetchone()
            values = (entry.sort_order, entry.leader, entry.target_count, entry.note)
            if row is None:
                self.conn.execute(
                    "INSERT INTO code_lists (kind, name, sort_order, leader, target_count, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (entry.kind, entry.name, *values),
                )
                self._record("code_lists", None, f"{entry.kind}:{entry.name}", None, "新增")
                return
            self.conn.execute(
                "UPDATE code_lists SET sort_order = ?, leader = ?, target_count = ?, note = ? "
                "WHERE kind = ? AND name = ?",
                (*values, entry.kind, entry.name),
            )
            for name, old, new in zip(
                ("sort_order", "leader", "target_count", "note"), row, values, strict=True
            ):
                if old != new:
                    self._record("code_lists", None, f"{entry.kind}:{entry.name}.{name}", old, new)

    def delete_code(self, kind: str, name: str) -> None:
        """Remove a code list entry; refused while a project uses it."""
        column = "lists" if kind == "list" else kind
        if kind == "list":
            used = self.conn.execute(
                "SELECT count(*) FROM projects, json_each(projects.lists) WHERE json_each.value = ?",
                (name,),
            ).fetchone()[0]
        else:
            used = self.conn.execute(
                f"SELECT count(*) FROM projects WHERE {column} = ?", (name,)
            ).fetchone()[0]
        if used:
            raise StoreError(f"“{name}”仍被 {used} 个项目使用，不能删除")
        with self.action(f"删除代码：{name}"):
            self.conn.execute("DELETE FROM code_lists WHERE kind = ? AND name = ?", (kind, name))
            self._record("code_lists", None, f"{kind}:{name}", "存在", None)

    # ----------------------------------------------------------------- projects
    @staticmethod
    def _project_from_row(row: Sequence[Any]) -> Project:
        data = dict(zip(_PROJECT_COLUMNS, row, strict=True))
        for name in AMOUNT_FIELDS:
            data[name] = from_cents(data[name])
        data["lists"] = json.loads(data["lists"]) if data["lists"] else []
        data["is_sample"] = bool(data["is_sample"])
        return Project(**data)

    def project_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM projects").fetchone()[0])

    def get_project(self, project_id: int) -> Project:
        row = self.conn.execute(_PROJECT_SELECT + " WHERE id = ?", (project_id,)).fetchone()
        if row is None:
            raise NotFound(f"项目不存在（编号 {project_id}）")
        return self._project_from_row(row)

    def find_project(self, code: str) -> Project | None:
        row = self.conn.execute(_PROJECT_SELECT + " WHERE code = ?", (code,)).fetchone()
        return self._project_from_row(row) if row else None

    def projects(self) -> list[Project]:
        """Every project, in code order."""
        rows = self.conn.execute(_PROJECT_SELECT + " ORDER BY code").fetchall()
        return [self._project_from_row(r) for r in rows]

    def search_keys(self) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, search_key FROM projects"))

    def project_rows(self, ids: Iterable[int] | None = None) -> list[tuple[Any, ...]]:
        """Every project (or those of ``ids``) as one raw tuple, in code order, for tables over
        large ledgers: ``(id, version, search_key, *values of PROJECT_FIELD_NAMES)`` with amounts
        as whole 百元 integers (see money.from_cents) and 项目清单 as JSON text."""
        if ids is None:
            return list(self.each_project_row())
        return self.conn.execute(
            _PROJECT_ROW_SQL + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code",
            (json.dumps([int(i) for i in ids]),),
        ).fetchall()

    def each_project_row(self) -> Iterator[tuple[Any, ...]]:
        """The tuples of :meth:`project_rows` for every project, one at a time (a loader can
        compact each row before the next is read)."""
        return self.conn.execute(_PROJECT_ROW_SQL + " ORDER BY code")

    def list_projects(
        self,
        query: ProjectQuery | None = None,
        *,
        search: str | None = None,
        period: Period | None = None,
    ) -> list[Project]:
        """Projects passing ``query`` (or just a search text), in code order."""
        query = query or ProjectQuery(search or "")
        sql, params = _PROJECT_SELECT, []
        if query.search:
            sql += " WHERE instr(search_key, ?) > 0"
            params.append(normalize_query(query.search))
        rows = self.conn.execute(sql + " ORDER BY code", params).fetchall()
        projects = [self._project_from_row(r) for r in rows]
        if not (query.filters or query.lights):
            return projects
        lights: dict[int, str] = {}
        if query.lights:
            figures = self.figures(period or self.default_period())
            lights = {pid: f.light.value for pid, f in figures.items()}
        return [p for p in projects if query.matches(p.values(), None, lights.get(p.id or 0))]

    def validate(self, values: Mapping[str, Any], project_id: int | None = None) -> list[Issue]:
        """The validation issues of a project record as the form would save it."""

        def taken(code: str) -> bool:
            row = self.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()
            return row is not None and row[0] != project_id

        return validate_project(values, code_exists=self.code_exists, code_taken=taken)

    def next_code(self, year: int | None = None) -> str:
        """A new unique 项目编号 such as LY2022-061."""
        year = year or dt.date.today().year
        prefix = f"LY{year}-"
        rows = self.conn.execute(
            "SELECT code FROM projects WHERE code LIKE ? ESCAPE '\\'", (prefix + "%",)
        ).fetchall()
        numbers = [int(c[len(prefix) :]) for (c,) in rows if c[len(prefix) :].isdigit()]
        return f"{prefix}{(max(numbers) if numbers else 0) + 1:03d}"

    @staticmethod
    def _normalised(values: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in PROJECT_FIELD_NAMES:
            if name not in values:
                continue
            value = values[name]
            if isinstance(value, str):
                value = value.strip() or None
            if name in AMOUNT_FIELDS and value is not None and not isinstance(value, Decimal):
                value = _amount(name, value)
            if name in AMOUNT_FIELDS and value is not None:
                value = from_cents(_cents(name, value))
            if name == "lists":
                value = list(dict.fromkeys(v.strip() for v in (value or []) if v and v.strip()))
            out[name] = value
        return out

    @staticmethod
    def _db_value(name: str, value: Any) -> Any:
        if name in AMOUNT_FIELDS:
            return to_cents(value)
        if name == "lists":
            return json.dumps(value or [], ensure_ascii=False)
        return value

    def add_project(self, values: Mapping[str, Any], *, description: str | None = None) -> Project:
        """Create a project; a missing 项目编号 is generated.  Returns the stored project."""
        return self.get_project(self._add_new(values, description=description))

    def _add_new(
        self,
        values: Mapping[str, Any],
        *,
        description: str | None = None,
        checks: tuple[Callable[[str, str], bool], Callable[[str], bool]] | None = None,
        history: list[tuple[str, int | None, str | None, Any, Any]] | None = None,
    ) -> int:
        """:meth:`add_project` without reading the project back (imports); returns its id.
        ``checks`` = (code_exists, code_taken) in memory instead of a query per value, and
        ``history`` collects the history rows for the caller to write at once (imports)."""
        full = self._checked_new(values, checks)
        with self.action(description or f"新增项目：{full.get('name')}"):
            project_id = self._insert_project(full, is_sample=bool(values.get("is_sample")))
            rows = (
                ("projects", project_id, name, None, full[name])
                for name in PROJECT_FIELD_NAMES
                if full[name] not in (None, [])
            )
            if history is None:
                self._record_many(rows)
            else:
                history.extend(rows)
        return project_id

    def _checked_new(
        self,
        values: Mapping[str, Any],
        checks: tuple[Callable[[str, str], bool], Callable[[str], bool]] | None = None,
        next_code: Callable[[], str] | None = None,
    ) -> dict[str, Any]:
        """The full record of a new project as it will be stored (a missing 项目编号 generated),
        validated: raises :class:`ValidationFailed`."""
        data = self._normalised(values)
        data.setdefault("lists", [])
        if not data.get("code"):
            data["code"] = (next_code or self.next_code)()
        full = {name: data.get(name) for name in PROJECT_FIELD_NAMES}
        if checks is None:
            issues = self.validate(full)
        else:
            issues = validate_project(full, code_exists=checks[0], code_taken=checks[1])
        errors = errors_only(issues)
        if errors:
            raise ValidationFailed(errors)
        return full

    def _insert_projects(self, records: Sequence[tuple[Mapping[str, Any], bool]]) -> list[int]:
        """Insert (full record, is_sample) pairs, many per statement, with the ids SQLite would
        give them one by one (the largest id + 1 each); returns the ids.  A row SQLite refuses
        raises the same :class:`ValidationFailed` as :meth:`_insert_project`."""
        if not records:
            return []
        first = int(
            self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM projects").fetchone()[0]
        )
        ids = list(range(first, first + len(records)))
        rows = []
        db_value = self._db_value
        for project_id, (full, is_sample) in zip(ids, records, strict=True):
            stamp = now_text()
            row = [db_value(n, full.get(n)) for n in PROJECT_FIELD_NAMES]
            row += [int(is_sample), _project_search_key(full), stamp, stamp, project_id]
            rows.append(row)
        columns = [
            *PROJECT_FIELD_NAMES,
            "is_sample",
            "search_key",
            "created_at",
            "updated_at",
            "id",
        ]
        self.conn.execute("SAVEPOINT insert_projects")
        try:
            self._insert_rows(
                f"INSERT INTO projects ({', '.join(columns)}) VALUES ", len(columns), rows
            )
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK TO insert_projects")
            self.conn.execute("RELEASE insert_projects")
            # one by one, to name the row SQLite refuses (rows before it are written, as before)
            for project_id, (full, is_sample) in zip(ids, records, strict=True):
                self._insert_project(full, is_sample=is_sample, project_id=project_id)
            raise
        self.conn.execute("RELEASE insert_projects")
        return ids

    def _insert_project(
        self, full: Mapping[str, Any], *, is_sample: bool = False, project_id: int | None = None
    ) -> int:
        stamp = now_text()
        columns = [*PROJECT_FIELD_NAMES, "is_sample", "search_key", "created_at", "updated_at"]
        params = [self._db_value(n, full.get(n)) for n in PROJECT_FIELD_NAMES]
        params += [int(is_sample), _project_search_key(full), stamp, stamp]
        if project_id is not None:
            columns.append("id")
            params.append(project_id)
        try:
            cur = self.conn.execute(
                f"INSERT INTO projects ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                params,
            )
        except sqlite3.IntegrityError as exc:
            raise ValidationFailed([Issue("code", _integrity_message(exc, full))]) from exc
        return int(cur.lastrowid or 0)

    def update_project(
        self,
        project_id: int,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        description: str | None = None,
    ) -> Project:
        """Change some fields of a project.  With ``expected_version``, refuse to overwrite an
        edit saved since the caller read the project (:class:`ConflictError`)."""
        current = self.get_project(project_id)
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(
                f"项目“{current.name}”在您打开后已被他人修改（版本 {expected_version} → "
                f"{current.version}），您的修改未保存。{self._conflict_details(changes, current, expected_version)}"
                "请查看对方的修改后再保存",
                current.values(),
            )
        new = self._normalised(changes)
        old_values = current.values()
        diff = {k: v for k, v in new.items() if v != old_values.get(k)}
        if not diff:
            return current
        merged = {**old_values, **diff}
        errors = errors_only(self.validate(merged, project_id))
        if errors:
            raise ValidationFailed(errors)
        with self.action(description or f"编辑项目：{merged.get('name')}"):
            sets = ", ".join(f"{k} = ?" for k in diff)
            params = [self._db_value(k, v) for k, v in diff.items()]
            try:
                cur = self.conn.execute(
                    f"UPDATE projects SET {sets}, search_key = ?, version = version + 1, "
                    "updated_at = ? WHERE id = ? AND version = ?",
                    [*params, _project_search_key(merged), now_text(), project_id, current.version],
                )
            except sqlite3.IntegrityError as exc:
                raise ValidationFailed([Issue("code", _integrity_message(exc, merged))]) from exc
            if cur.rowcount != 1:
                raise ConflictError("项目在保存时已被他人修改，请重新打开后再保存")
            self._record_many(
                ("projects", project_id, k, old_values.get(k), v) for k, v in diff.items()
            )
        return self.get_project(project_id)

    def _conflict_details(
        self, changes: Mapping[str, Any], current: Project, expected_version: int
    ) -> str:
        """Both values of each field both sides changed, and what else the other side changed
        (from the history of the saves made since ``expected_version``)."""
        try:
            mine = self._normalised(changes)
        except ValidationFailed:
            mine = {k: v for k, v in changes.items() if k in FIELD_BY_NAME}
        now = current.values()
        mine = {k: v for k, v in mine.items() if v != now.get(k)}
        saves = max(current.version - expected_version, 0)
        theirs: list[str] = []
        actions: list[int] = []
        for action_id, name in self.conn.execute(
            "SELECT action_id, field FROM history WHERE table_name = 'projects' "
            "AND record_id = ? AND field IS NOT NULL ORDER BY id DESC LIMIT 5000",
            (current.id,),
        ):
            if action_id not in actions:
                if len(actions) == saves:
                    break
                actions.append(action_id)
            if name in FIELD_BY_NAME and name not in theirs:
                theirs.append(name)
        both = [k for k in mine if k in theirs or not theirs]
        parts = [
            f"{FIELD_BY_NAME[k].label}：您填写“{_shown(mine[k])}”，对方已保存“{_shown(now.get(k))}”"
            for k in both
        ]
        others = [k for k in theirs if k not in mine]
        if others:
            parts.append(
                "对方修改了"
                + "、".join(f"{FIELD_BY_NAME[k].label}（“{_shown(now.get(k))}”）" for k in others)
            )
        return "；".join(parts) + "。" if parts else ""

    def project_snapshot(self, project_id: int) -> dict[str, Any]:
        """Everything a deleted project takes with it, to restore it exactly (undo)."""
        project = self.get_project(project_id)
        return {
            "project": project,
            "monthly": self.project_monthly(project_id),
            "milestones": self.milestones(project_id),
            "problems": self.problems(project_id=project_id),
        }

    def delete_project(self, project_id: int, *, description: str | None = None) -> dict[str, Any]:
        """Delete a project with its reports, milestones and problems; returns the snapshot."""
        snapshot = self.project_snapshot(project_id)
        project: Project = snapshot["project"]
        with self.action(description or f"删除项目：{project.name}"):
            rows: list[tuple[str, int | None, str | None, Any, Any]] = [
                ("projects", project_id, name, value, None)
                for name, value in project.values().items()
                if value not in (None, [])
            ]
            for table, records in (
                ("monthly_reports", snapshot["monthly"]),
                ("milestones", snapshot["milestones"]),
                ("problems", snapshot["problems"]),
            ):
                rows.extend((table, r.id, None, _record_summary(r), None) for r in records)
            self.conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))
            self._record_many(rows)
        return snapshot

    def restore_project(
        self, snapshot: Mapping[str, Any], *, description: str | None = None
    ) -> Project:
        """Put back a project deleted by :meth:`delete_project` (same id, code and children)."""
        project: Project = snapshot["project"]
        with self.action(description or f"恢复项目：{project.name}"):
            pid = self._insert_project(
                project.values(), is_sample=project.is_sample, project_id=project.id
            )
            self._record_many(
                ("projects", pid, name, None, value)
                for name, value in project.values().items()
                if value not in (None, [])
            )
            for report in snapshot.get("monthly", []):
                self._write_monthly(replace(report, id=None), record=True)
            for milestone in snapshot.get("milestones", []):
                self.save_milestone(replace(milestone, id=None))
            for problem in snapshot.get("problems", []):
                self.save_problem(replace(problem, id=None))
        return self.get_project(pid)

    def import_projects(
        self,
        new: Sequence[Mapping[str, Any]],
        updates: Sequence[tuple[int, Mapping[str, Any], int | None]],
        *,
        source: str,
        description: str | None = None,
    ) -> tuple[int, int]:
        """Add and change many projects as ONE action (an imported ledger): all or nothing.

        New projects without a 项目编号 get consecutive new codes.  ``updates`` holds
        (project id, changes, version seen in the preview): a project saved since then is a
        :class:`ConflictError` and nothing is written.  Returns (added, changed).
        """
        given = {str(v["code"]).strip() for v in new if v.get("code")}
        prefix, _, start = self.next_code().rpartition("-")
        number = int(start)
        # The checks of validate() from memory, and every history row in one write.
        listed = set(self.conn.execute("SELECT kind, name FROM code_lists").fetchall())
        taken = {r[0] for r in self.conn.execute("SELECT code FROM projects")}
        checks = (lambda kind, name: (kind, name) in listed, taken.__contains__)
        added: list[tuple[int, dict[str, Any]]] = []
        pending: list[tuple[dict[str, Any], bool]] = []

        def write_pending() -> None:
            ids = self._insert_projects(pending)
            added.extend(zip(ids, (full for full, _ in pending), strict=True))
            pending.clear()

        def next_code() -> str:  # from the ledger as written so far
            write_pending()
            return self.next_code()

        with self.action(
            description or f"导入台账：新增{len(new)}个、修改{len(updates)}个项目", source=source
        ):
            # Validated one by one, written many rows per statement, in the same order.
            for values in new:
                data = dict(values)
                if not data.get("code"):
                    while f"{prefix}-{number:03d}" in given:
                        number += 1
                    data["code"] = f"{prefix}-{number:03d}"
                    number += 1
                try:
                    full = self._checked_new(data, checks, next_code)
                except ValidationFailed:
                    write_pending()  # a row SQLite refuses before this one is named first
                    raise
                pending.append((full, bool(data.get("is_sample"))))
                taken.add(str(data["code"]).strip())
            write_pending()
            self._record_many(
                ("projects", project_id, name, None, full[name])
                for project_id, full in added
                for name in PROJECT_FIELD_NAMES
                if full[name] not in (None, [])
            )
            for project_id, changes, version in updates:
                self.update_project(project_id, changes, expected_version=version)
        return len(new), len(updates)

    # ---------------------------------------------------------- monthly reports
    @staticmethod
    def _monthly_from_row(row: Sequence[Any]) -> MonthlyReport:
        data = dict(zip(_MONTHLY_COLUMNS, row, strict=True))
        data["month_investment"] = from_cents(data["month_investment"])
        data["is_sample"] = bool(data["is_sample"])
        return MonthlyReport(**data)

    def monthly_reports(self, period: Period | str) -> dict[int, MonthlyReport]:
        """The reports of one period, by project id."""
        rows = self.conn.execute(
            f"SELECT {', '.join(_MONTHLY_COLUMNS)} FROM monthly_reports WHERE period = ?",
            (str(period),),
        ).fetchall()
        return {r[0]: self._monthly_from_row(r) for r in rows}

    #: Column order of :meth:`monthly_rows` tuples (the fields of MonthlyReport).
    MONTHLY_ROW_COLUMNS = _MONTHLY_COLUMNS

    def monthly_rows(
        self, period: Period | str, project_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[Any, ...]]:
        """The reports of one period (or of ``project_ids`` only) as raw tuples by project id,
        in MONTHLY_ROW_COLUMNS order with 本月完成投资 in whole 百元 — for grids over large
        ledgers; :meth:`report_from_row` turns one into its MonthlyReport."""
        sql = f"SELECT {', '.join(_MONTHLY_COLUMNS)} FROM monthly_reports WHERE period = ?"
        params: list[Any] = [str(period)]
        if project_ids is not None:
            sql += " AND project_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps([int(i) for i in project_ids]))
        return {r[0]: r for r in self.conn.execute(sql, params)}

    def reported_ids(self, period: Period | str) -> set[int]:
        """The projects with a report for ``period`` (an index scan: fast on any size)."""
        rows = self.conn.execute(
            "SELECT project_id FROM monthly_reports WHERE period = ?", (str(period),)
        )
        return {r[0] for r in rows}

    @staticmethod
    def report_from_row(row: Sequence[Any]) -> MonthlyReport:
        """The MonthlyReport of one :meth:`monthly_rows` tuple."""
        return Store._monthly_from_row(row)

    def project_monthly(self, project_id: int) -> list[MonthlyReport]:
        rows = self.conn.execute(
            f"SELECT {', '.join(_MONTHLY_COLUMNS)} FROM monthly_reports "
            "WHERE project_id = ? ORDER BY period",
            (project_id,),
        ).fetchall()
        return [self._monthly_from_row(r) for r in rows]

    def periods(self) -> list[str]:
        """Every period with at least one report, newest first."""
        # One index seek per period (skip scan) instead of reading every report's index
        # entry: ~0.5 ms instead of ~300 ms on 3 million reports.
        return [
            r[0]
            for r in self.conn.execute(
                """WITH RECURSIVE app_periods(period) AS (
                       SELECT max(period) FROM monthly_reports
                       UNION ALL
                       SELECT (SELECT max(period) FROM monthly_reports
                               WHERE period < app_periods.period)
                       FROM app_periods WHERE app_periods.period IS NOT NULL)
                   SELECT period FROM app_periods WHERE period IS NOT NULL"""
            )
        ]

    def default_period(self) -> Period:
        """The newest reported period, else the current month."""
        row = self.conn.execute("SELECT max(period) FROM monthly_reports").fetchone()
        return Period.parse(row[0]) if row and row[0] else Period.of(dt.date.today())

    def save_monthly_report(
        self,
        report: MonthlyReport,
        *,
        description: str | None = None,
        check_version: bool = False,
    ) -> MonthlyReport:
        """Create or change the report of one project for one period.  With ``check_version``,
        refuse (:class:`ConflictError`) when it was saved elsewhere since ``report`` was read."""
        with self.action(description or f"填报月度调度：{report.period}"):
            self._write_monthly(report, record=True, check_version=check_version)
        saved = self.monthly_reports(report.period).get(report.project_id)
        assert saved is not None
        return saved

    def save_monthly_reports(
        self,
        reports: Sequence[MonthlyReport],
        *,
        description: str | None = None,
        source: str | None = None,
        check_versions: bool = False,
    ) -> int:
        """Save many reports as one action (a pasted block, an imported return).
        ``check_versions``: refuse all if any was saved elsewhere since it was read."""
        with self.action(description or f"批量填报月度调度（{len(reports)}条）", source=source):
            for report in reports:
                self._write_monthly(report, record=True, check_version=check_versions)
        return len(reports)

    def delete_monthly_report(self, project_id: int, period: Period | str) -> None:
        existing = self.monthly_reports(period).get(project_id)
        if existing is None:
            return
        with self.action(f"删除月度调度：{period}") as action:
            self.conn.execute("DELETE FROM monthly_reports WHERE id = ?", (existing.id,))
            action.running_sums_stale.add(project_id)
            self._record("monthly_reports", existing.id, None, _record_summary(existing), None)

    def _write_monthly(
        self, report: MonthlyReport, *, record: bool, check_version: bool = False
    ) -> None:
        period = str(Period.parse(report.period))
        _check_monthly(report)
        assert self._action is not None
        self._action.running_sums_stale.add(report.project_id)
        values = {
            "month_investment": to_cents(report.month_investment),
            "progress_pct": report.progress_pct,
            "progress_text": _clean(report.progress_text),
            "progress_notes": _clean(report.progress_notes),
            "problems": _clean(report.problems),
            "reporter": _clean(report.reporter),
            "report_date": report.report_date,
        }
        row = self.conn.execute(
            f"SELECT id, {', '.join(_MONTHLY_VALUE_FIELDS)}, version FROM monthly_reports "
            "WHERE project_id = ? AND period = ?",
            (report.project_id, period),
        ).fetchone()
        if check_version and row is not None and (row[0], row[-1]) != (report.id, report.version):
            theirs = dict(zip(_MONTHLY_VALUE_FIELDS, row[1:-1], strict=True))
            parts = [
                f"{_MONTHLY_LABELS[k]}：您填写“{_shown(_display_monthly(k, v))}”，"
                f"对方已保存“{_shown(_display_monthly(k, theirs[k]))}”"
                for k, v in values.items()
                if v != theirs[k]
            ]
            code, name = self.conn.execute(
                "SELECT code, name FROM projects WHERE id = ?", (report.project_id,)
            ).fetchone() or (str(report.project_id), "")
            raise ConflictError(
                f"项目“{name}”（{code}）的 {period} 月度调度在您读取后已被他人保存，"
                f"您的修改未保存。{'；'.join(parts) or '对方修改的是其他内容'}。请刷新后再填报",
                {k: _display_monthly(k, v) for k, v in theirs.items()},
            )
        if row is None:
            try:
                cur = self.conn.execute(
                    "INSERT INTO monthly_reports (project_id, period, "
                    + ", ".join(values)
                    + ", is_sample, updated_at) VALUES ("
                    + ", ".join("?" * (len(values) + 4))
                    + ")",
                    (
                        report.project_id,
                        period,
                        *values.values(),
                        int(report.is_sample),
                        now_text(),
                    ),
                )
            except sqlite3.IntegrityError as exc:
                raise StoreError(f"项目不存在，无法保存 {period} 的月度调度") from exc
            rid = int(cur.lastrowid or 0)
            if record:
                self._record_many(
                    ("monthly_reports", rid, k, None, _display_monthly(k, v))
                    for k, v in values.items()
                    if v is not None
                )
                self._record(
                    "monthly_reports", rid, "project_period", None, f"{report.project_id}:{period}"
                )
            return
        rid, old = row[0], dict(zip(_MONTHLY_VALUE_FIELDS, row[1:-1], strict=True))
        diff = {k: v for k, v in values.items() if v != old[k]}
        if not diff:
            return
        self.conn.execute(
            f"UPDATE monthly_reports SET {', '.join(f'{k} = ?' for k in diff)}, "
            "version = version + 1, updated_at = ? WHERE id = ?",
            (*diff.values(), now_text(), rid),
        )
        if record:
            self._record_many(
                ("monthly_reports", rid, k, _display_monthly(k, old[k]), _display_monthly(k, v))
                for k, v in diff.items()
            )

    # ------------------------------------------------------------ derived figures
    def figures(
        self,
        period: Period,
        thresholds: derived.LightThresholds | None = None,
        project_ids: Iterable[int] | None = None,
    ) -> dict[int, derived.ProjectFigures]:
        """Every derived figure of every project (or of ``project_ids``) for ``period``."""
        wanted = None if project_ids is None else set(project_ids)
        out: dict[int, derived.ProjectFigures] = {}
        time_share = derived.time_progress(period)
        zero = Decimal(0)
        new_figures = derived.ProjectFigures
        for pid, light, month_c, ytd_c, cum_c, plan_c, total_c, reported in self.figure_rows(
            period, thresholds
        ):
            if wanted is not None and pid not in wanted:
                continue
            rate = Decimal(ytd_c) / Decimal(plan_c) if plan_c else None
            out[pid] = new_figures(
                period=period,
                month=_wan(month_c),
                ytd=_wan(ytd_c) if ytd_c else zero,
                since_start=_wan(cum_c) if cum_c else zero,
                annual_rate=rate,
                total_share=Decimal(cum_c) / Decimal(total_c) if total_c else None,
                time_progress=time_share,
                lagging=rate is not None and rate < time_share,
                light=light,
                reported=reported,
            )
        return out

    def figure_rows(
        self, period: Period, thresholds: derived.LightThresholds | None = None
    ) -> Iterator[tuple[int, derived.Light, int | None, int, int, int | None, int | None, bool]]:
        """The figures of every project for ``period`` as raw values, one tuple at a time
        (no Decimal, nothing held: for tables over large ledgers): ``(id, light, 本月完成 or
        None when not reported, 本年累计, 开工以来累计, 年度计划, 总投资, reported)``, amounts
        in whole 百元.  :meth:`figures` is built from these."""
        year = f"{period.year:04d}"
        t = thresholds or derived.LightThresholds()
        # The newest report at or before the period carries the running sums (schema v2).
        rows = self.conn.execute(
            """SELECT p.id, p.annual_plan, p.total_investment, p.planned_start, p.actual_start,
                      p.status, m.period, m.month_investment, m.ytd_investment, m.cum_investment
               FROM projects p
               LEFT JOIN monthly_reports m ON m.id = (
                   SELECT id FROM monthly_reports
                   WHERE project_id = p.id AND period <= ?
                   ORDER BY period DESC LIMIT 1)""",
            (str(period),),
        )
        this = str(period)
        for (
            pid,
            plan_c,
            total_c,
            planned_start,
            actual_start,
            status,
            last,
            month_c,
            ytd_c,
            cum_c,
        ) in rows:
            reported = last == this
            ytd_c = ytd_c if last and last[:4] == year else 0
            cum_c = cum_c if last else 0
            if planned_start and derived.start_overdue(
                planned_start, actual_start, status, period, t.start_overdue_months
            ):
                light = derived.Light.RED
            else:
                light = derived.light_from_cents(ytd_c, plan_c, period.month, t)
            yield (
                pid,
                light,
                month_c if reported else None,
                ytd_c,
                cum_c,
                plan_c,
                total_c,
                reported,
            )

    def totals(self, project_ids: Iterable[int] | None = None) -> dict[str, Decimal]:
        """Exact sums of 总投资 and 年度计划 (万元) over all projects or the given ones."""
        where, params = "", ()
        if project_ids is not None:
            where = " WHERE id IN (SELECT value FROM json_each(?))"
            params = (json.dumps(list(project_ids)),)
        try:
            row = self.conn.execute(
                "SELECT coalesce(sum(total_investment), 0), coalesce(sum(annual_plan), 0) "
                "FROM projects" + where,
                params,
            ).fetchone()
        except sqlite3.OperationalError as exc:
            if "overflow" not in str(exc):
                raise
            # amounts above today's ceiling written by an older version: sum them in Python
            rows = self.conn.execute(
                "SELECT total_investment, annual_plan FROM projects" + where, params
            ).fetchall()
            row = (sum(r[0] or 0 for r in rows), sum(r[1] or 0 for r in rows))
        return {
            "total_investment": from_cents(row[0]) or Decimal(0),
            "annual_plan": from_cents(row[1]) or Decimal(0),
        }

    def project_columns(self, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """Raw values of some columns of every project, in id order, for whole-portfolio
        aggregation (charts): amounts stay whole 百元 integers, ``lists`` stays JSON text."""
        unknown = [c for c in columns if c not in (*_PROJECT_COLUMNS, "search_key")]
        if unknown or not columns:
            raise ValueError(f"unknown project columns: {unknown}")
        return self.conn.execute(
            f"SELECT {', '.join(columns)} FROM projects ORDER BY id"
        ).fetchall()

    def monthly_amounts(self, first: Period, last: Period) -> list[tuple[int, str, int]]:
        """``(project_id, period, 本月完成 in whole 百元)`` of every report with an amount from
        ``first`` to ``last`` (inclusive), for whole-portfolio aggregation (charts)."""
        return self.conn.execute(
            "SELECT project_id, period, month_investment FROM monthly_reports "
            "WHERE period BETWEEN ? AND ? AND month_investment IS NOT NULL",
            (str(first), str(last)),
        ).fetchall()

    def each_amount(self, period: Period | str) -> Iterator[tuple[int, int]]:
        """``(project_id, 本月完成 in whole 百元)`` of every report of ``period`` with an
        amount, one at a time: read from the covering period index alone (schema v3), for
        whole-portfolio charts."""
        return self.conn.execute(
            "SELECT project_id, month_investment FROM monthly_reports "
            "WHERE period = ? AND month_investment IS NOT NULL",
            (str(period),),
        )

    # --------------------------------------------------------------- milestones
    def milestones(self, project_id: int) -> list[Milestone]:
        rows = self.conn.execute(
            "SELECT project_id, "
            + ", ".join(_MILESTONE_FIELDS)
            + ", id, is_sample, version, updated_at "
            "FROM milestones WHERE project_id = ? ORDER BY sort_order, planned_date, id",
            (project_id,),
        ).fetchall()
        return [
            Milestone(*r[:7], id=r[7], is_sample=bool(r[8]), version=r[9], updated_at=r[10])
            for r in rows
        ]

    def save_milestone(self, milestone: Milestone) -> Milestone:
        if not (milestone.name or "").strip():
            raise ValidationFailed([Issue("name", "节点名称不能为空")])
        return self._save_child("milestones", "节点", milestone, _MILESTONE_FIELDS)  # type: ignore[return-value]

    def delete_milestone(self, milestone_id: int) -> None:
        self._delete_child("milestones", "节点", milestone_id, _MILESTONE_FIELDS)

    # ----------------------------------------------------------------- problems
    def problems(
        self, *, project_id: int | None = None, status: str | None = None
    ) -> list[Problem]:
        sql = (
            "SELECT project_id, "
            + ", ".join(_PROBLEM_FIELDS)
            + ", id, is_sample, version, updated_at "
            "FROM problems WHERE 1 = 1"
        )
        params: list[Any] = []
        if project_id is not None:
            sql += " AND project_id = ?"
            params.append(project_id)
        if status is not None:
            sql += " AND status = ?"
            params.append(status)
        rows = self.conn.execute(sql + " ORDER BY project_id, id", params).fetchall()
        return [
            Problem(*r[:8], id=r[8], is_sample=bool(r[9]), version=r[10], updated_at=r[11])
            for r in rows
        ]

    def save_problem(self, problem: Problem) -> Problem:
        if not (problem.text or "").strip():
            raise ValidationFailed([Issue("text", "问题内容不能为空")])
        if problem.status not in ("open", "solved"):
            raise ValidationFailed([Issue("status", "问题状态只能是“未解决”或“已解决”")])
        return self._save_child("problems", "问题", problem, _PROBLEM_FIELDS)  # type: ignore[return-value]

    def delete_problem(self, problem_id: int) -> None:
        self._delete_child("problems", "问题", problem_id, _PROBLEM_FIELDS)

    def _save_child(self, table: str, label: str, record: Any, names: Sequence[str]) -> Any:
        values = {
            n: _clean(getattr(record, n))
            if isinstance(getattr(record, n), str)
            else getattr(record, n)
            for n in names
        }
        with self.action(f"编辑{label}"):
            if record.id is None:
                try:
                    cur = self.conn.execute(
                        f"INSERT INTO {table} (project_id, {', '.join(names)}, is_sample, updated_at) "
                        f"VALUES ({', '.join('?' * (len(names) + 3))})",
                        (record.project_id, *values.values(), int(record.is_sample), now_text()),
                    )
                except sqlite3.IntegrityError as exc:
                    raise StoreError(f"项目不存在，无法保存{label}") from exc
                rid = int(cur.lastrowid or 0)
                self._record_many(
                    (table, rid, k, None, v) for k, v in values.items() if v is not None
                )
                self._record(table, rid, "project_id", None, record.project_id)
            else:
                rid = record.id
                row = self.conn.execute(
                    f"SELECT {', '.join(names)}, version FROM {table} WHERE id = ?", (rid,)
                ).fetchone()
                if row is None:
                    raise NotFound(f"{label}不存在（编号 {rid}）")
                if record.version and row[-1] != record.version:
                    raise ConflictError(f"该{label}在您打开后已被他人修改，请刷新后再保存")
                old = dict(zip(names, row[:-1], strict=True))
                diff = {k: v for k, v in values.items() if v != old[k]}
                if diff:
                    self.conn.execute(
                        f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in diff)}, "
                        "version = version + 1, updated_at = ? WHERE id = ?",
                        (*diff.values(), now_text(), rid),
                    )
                    self._record_many((table, rid, k, old[k], v) for k, v in diff.items())
        getter = (
            self.milestones if table == "milestones" else lambda pid: self.problems(project_id=pid)
        )
        return next(r for r in getter(record.project_id) if r.id == rid)

    def _delete_child(self, table: str, label: str, rid: int, names: Sequence[str]) -> None:
        row = self.conn.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (rid,)
        ).fetchone()
        if row is None:
            raise NotFound(f"{label}不存在（编号 {rid}）")
        with self.action(f"删除{label}"):
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
            self._record_many(
                (table, rid, k, v, None) for k, v in zip(names, row, strict=True) if v is not None
            )

    # --------------------------------------------------------------- indicators
    def indicators(self, period: str | None = None) -> list[Indicator]:
        sql = (
            "SELECT name, period, kind, measure, value, unit, qualifier, source, quote, id "
            "FROM indicators"
        )
        params: list[Any] = []
        if period is not None:
            sql += " WHERE period = ?"
            params.append(period)
        return [Indicator(*r) for r in self.conn.execute(sql + " ORDER BY period DESC, id", params)]

    def save_indicator(self, indicator: Indicator) -> None:
        """Add an indicator value or change it (matched by name, period, kind and measure)."""
        with self.action(f"编辑指标：{indicator.name}"):
            key = (indicator.name, indicator.period, indicator.kind, indicator.measure)
            row = self.conn.execute(
                "SELECT id, value, unit, qualifier, source, quote FROM indicators "
                "WHERE name = ? AND period = ? AND kind = ? AND measure = ?",
                key,
            ).fetchone()
            values = (
                indicator.value,
                indicator.unit,
                indicator.qualifier,
                indicator.source,
                indicator.quote,
            )
            if row is None:
                cur = self.conn.execute(
                    "INSERT INTO indicators (name, period, kind, measure, value, unit, qualifier, "
                    "source, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*key, *values),
                )
                self._record("indicators", cur.lastrowid, "value", None, indicator.value)
                return
            names = ("value", "unit", "qualifier", "source", "quote")
            diff = {n: v for n, o, v in zip(names, row[1:], values, strict=True) if o != v}
            if diff:
                self.conn.execute(
                    f"UPDATE indicators SET {', '.join(f'{k} = ?' for k in diff)} WHERE id = ?",
                    (*diff.values(), row[0]),
                )
                old = dict(zip(names, row[1:], strict=True))
                self._record_many(("indicators", row[0], k, old[k], v) for k, v in diff.items())

    # ------------------------------------------------------------------ history
    def history(
        self,
        *,
        table: str | None = None,
        record_id: int | None = None,
        project_id: int | None = None,
        limit: int = 1000,
    ) -> list[HistoryEntry]:
        """Change history, newest first.  ``project_id`` includes its reports, nodes and problems."""
        sql = (
            "SELECT h.id, h.action_id, h.at, h.user, h.table_name, h.record_id, h.field, "
            "h.old_value, h.new_value, a.description, a.source FROM history h "
            "JOIN actions a ON a.id = h.action_id WHERE 1 = 1"
        )
        params: list[Any] = []
        if project_id is not None:
            sql += (
                " AND ((h.table_name = 'projects' AND h.record_id = ?)"
                " OR (h.table_name = 'monthly_reports' AND h.record_id IN"
                " (SELECT id FROM monthly_reports WHERE project_id = ?))"
                " OR (h.table_name = 'milestones' AND h.record_id IN"
                " (SELECT id FROM milestones WHERE project_id = ?))"
                " OR (h.table_name = 'problems' AND h.record_id IN"
                " (SELECT id FROM problems WHERE project_id = ?)))"
            )
            params += [project_id] * 4
        if table is not None:
            sql += " AND h.table_name = ?"
            params.append(table)
        if record_id is not None:
            sql += " AND h.record_id = ?"
            params.append(record_id)
        sql += " ORDER BY h.id DESC LIMIT ?"
        params.append(limit)
        return [HistoryEntry(*r) for r in self.conn.execute(sql, params)]

    def action_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM actions").fetchone()[0])


# ---------------------------------------------------------------------- helpers
def _project_search_key(values: Mapping[str, Any]) -> str:
    return search_key(values.get(name) for name in SEARCH_FIELDS)


def _wan(cents: int | None) -> Decimal | None:
    """Whole 百元 → 万元 (the fast path of money.from_cents for whole portfolios)."""
    return None if cents is None else Decimal(cents).scaleb(-2)


def _cents(field: str, value: Decimal) -> int | None:
    """An amount as whole 百元, refused (per field, in Chinese) above the ceiling."""
    try:
        return to_cents(value)
    except AmountError as exc:
        label = FIELD_BY_NAME[field].label
        raise ValidationFailed([Issue(field, f"{label}：{exc}")]) from exc


def _amount(field: str, value: Any) -> Decimal | None:
    try:
        return parse_amount(str(value))
    except AmountError as exc:
        label = FIELD_BY_NAME[field].label
        raise ValidationFailed([Issue(field, f"{label}：{exc}")]) from exc


def _shown(value: Any) -> str:
    """A field value as the conflict message shows it."""
    if value is None or value == []:
        return "（空）"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _check_monthly(report: MonthlyReport) -> None:
    issues = []
    if report.month_investment is not None and report.month_investment < 0:
        issues.append(Issue("month_investment", "本月完成投资不能为负数"))
    elif report.month_investment is not None and report.month_investment > MAX_AMOUNT:
        issues.append(Issue("month_investment", f"本月完成投资：{AMOUNT_LIMIT_TEXT}"))
    if report.progress_pct is not None and not 0 <= report.progress_pct <= 100:
        issues.append(Issue("progress_pct", "形象进度应在 0% 到 100% 之间"))
    if issues:
        raise ValidationFailed(issues)


def _display_monthly(field: str, value: Any) -> Any:
    return from_cents(value) if field == "month_investment" else value


def _record_summary(record: Any) -> str:
    data = {
        k: getattr(record, k)
        for k in record.__slots__
        if k not in ("is_sample", "version", "updated_at")
    }
    return json.dumps(data, ensure_ascii=False, default=str)


def _integrity_message(exc: sqlite3.IntegrityError, values: Mapping[str, Any]) -> str:
    text = str(exc)
    if "projects.code" in text:
        return f"项目编号“{values.get('code')}”已被其他项目使用"
    if "projects.name" in text:
        return "项目名称不能为空"
    return f"数据不符合要求：{text}"
