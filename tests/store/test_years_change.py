"""年度切换 in the store: the new year's rows, the history, the current year, the backup,
and the refusal of a second start of the same year."""

from __future__ import annotations

import json

import pytest

from desktop_app.store import Store, StoreError
from desktop_app.store.backup import list_backups
from desktop_app.store.years_change import YearAlreadyStarted, YearCount

CHAIN = "建链强链延链补链项目"

# (code, status, on the 2022 list, 2022 nature, 2022 lists, 2022 plan in 百元)
KINDS = [
    ("NY01", "在建", 1, "新建", [CHAIN], 50_000),  # carried, 续建
    ("NY02", "在建", 1, "续建", [], 20_000),  # carried
    ("NY03", "停缓建", 1, "复产", ["“双停”企业复产"], None),  # carried, 复产
    ("NY04", "前期", 1, "新建", [], 1_000),  # carried, 新建
    ("NY05", "竣工", 1, "竣工投产", ["在建如期投产项目"], 3_000),  # offered (建成达产达效)
    ("NY06", "投产", 1, "竣工投产", [], 4_000),  # offered
    ("NY07", "谋划", 1, "谋划储备", [], None),  # reserve
    ("NY08", "前期", 0, "新建", [], None),  # reserve
    ("NY09", "在建", 0, "续建", [], None),  # dropped: off the old list
    ("NY10", "投产", 0, "竣工投产", [], None),  # dropped
]


def make_ledger(store: Store) -> dict[str, int]:
    """The ten projects above, with their rows of 2022 as listed; current year 2022."""
    ids = {}
    for code, status, _on, _nature, _lists, _plan in KINDS:
        ids[code] = store.add_project({"code": code, "name": f"项目{code}", "status": status}).id
    conn = store.conn
    with store.action("测试：2022年名单"):
        conn.execute("DELETE FROM project_years")
        for code, _status, on, nature, lists, plan in KINDS:
            conn.execute(
                "INSERT INTO project_years (project_id, year, on_list, annual_plan, nature, "
                "lists, version, updated_at) VALUES (?, 2022, ?, ?, ?, ?, 1, '2022-01-01')",
                (ids[code], on, plan, nature, json.dumps(lists, ensure_ascii=False)),
            )
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('current_year', '2022') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        store.record_change("meta", None, "test", None, "2022")
    return ids


def rows_of(store: Store, year: int) -> dict[str, tuple]:
    return {
        code: (on, plan, nature, json.loads(lists), target)
        for code, on, plan, nature, lists, target in store.conn.execute(
            "SELECT p.code, y.on_list, y.annual_plan, y.nature, y.lists, y.target "
            "FROM project_years y JOIN projects p ON p.id = y.project_id WHERE y.year = ?",
            (year,),
        )
    }


@pytest.fixture
def ledger(empty_store: Store):
    ids = make_ledger(empty_store)
    return empty_store, ids


def test_preview_writes_nothing(ledger):
    store, _ids = ledger
    before = store.conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    proposal = store.year_proposal(2023)
    assert proposal.old_year == 2022
    assert proposal.counts() == {"carry": 4, "finished": 2, "reserve": 2, "drop": 2}
    assert rows_of(store, 2023) == {}
    assert store.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == before


def test_start_year_writes_the_new_list(ledger):
    store, ids = ledger
    old = rows_of(store, 2022)
    result = store.start_year(2023, {ids["NY06"]: False, ids["NY08"]: True})
    assert result.counts == {"carry": 4, "finished": 1, "reserve": 1, "drop": 0}
    assert result.total == 6
    assert rows_of(store, 2023) == {
        "NY01": (1, None, "续建", [CHAIN], None),
        "NY02": (1, None, "续建", [], None),
        "NY03": (1, None, "复产", ["“双停”企业复产"], None),
        "NY04": (1, None, "新建", [], None),
        "NY05": (1, None, "竣工投产", ["建成达产达效项目"], None),
        "NY08": (1, None, "新建", [], None),
    }
    assert rows_of(store, 2022) == old  # the old year is kept as it was
    assert store.conn.execute("SELECT value FROM meta WHERE key = 'current_year'").fetchone() == (
        "2023",
    )
    assert result.old_year == 2022 and result.year == 2023


def test_one_action_with_one_history_row_per_project(ledger):
    store, ids = ledger
    result = store.start_year(2023)  # defaults: finished ones in, reserve out: 6
    assert result.total == 6
    (action,) = store.conn.execute(
        "SELECT id, description FROM actions WHERE description LIKE '年度切换%'"
    ).fetchall()
    assert action[1] == (
        "年度切换：建立2023年重点项目名单（6个项目：结转续建4个、建成达产达效2个、储备0个）"
    )
    history = store.conn.execute(
        "SELECT table_name, record_id, field, old_value, new_value FROM history "
        "WHERE action_id = ? ORDER BY id",
        (action[0],),
    ).fetchall()
    on_list = [r for r in history if r[0] == "project_years"]
    assert sorted(r[1] for r in on_list) == sorted(
        ids[c] for c in ("NY01", "NY02", "NY03", "NY04", "NY05", "NY06")
    )
    assert {(r[2], r[3], r[4]) for r in on_list} == {("year", None, "2023")}
    assert ("meta", None, "current_year", "2022", "2023") in history


def test_a_backup_is_made_before(ledger):
    store, _ids = ledger
    before = len(list_backups(store.path))
    result = store.start_year(2023)
    backups = list_backups(store.path)
    assert len(backups) == before + 1
    assert backups[0].reason == "年度切换前：建立2023年重点项目名单"
    assert result.backup is not None and result.backup.path == backups[0].path
    with Store.open_reader(backups[0].path) as old:  # the ledger as it was before
        assert old.conn.execute(
            "SELECT count(*) FROM project_years WHERE year = 2023"
        ).fetchone() == (0,)


def test_twice_for_the_same_year_is_refused(ledger):
    store, _ids = ledger
    store.start_year(2023)
    backups = len(list_backups(store.path))
    actions = store.conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    message = "2023年的项目名单已经建立（6个项目）；不能再次年度切换。"
    with pytest.raises(YearAlreadyStarted, match=message):
        store.start_year(2023)
    with pytest.raises(YearAlreadyStarted, match=message):
        store.year_proposal(2023)
    assert len(list_backups(store.path)) == backups  # refused before any backup
    assert store.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == actions


def test_a_year_not_after_the_current_one_is_refused(ledger):
    store, _ids = ledger
    with pytest.raises(StoreError, match="新年度应晚于2022年，不能是2021年"):
        store.year_proposal(2021)
    with pytest.raises(StoreError, match="2000年至2099年"):
        store.start_year(2100)
    backups = len(list_backups(store.path))
    with pytest.raises(
        StoreError, match=r"新年度应晚于2022年，不能是2021年（台账当前年度为2022年）"
    ):
        store.start_year(2021)
    assert len(list_backups(store.path)) == backups  # refused before any backup
    assert rows_of(store, 2021) == {}


def test_a_row_imported_before_the_start_keeps_its_plan(ledger):
    store, ids = ledger
    with store.action("测试：先导入2023年计划"):
        store.conn.execute(
            "INSERT INTO project_years (project_id, year, on_list, annual_plan, lists, version, "
            "updated_at) VALUES (?, 2023, 0, 88800, '[]', 1, '2023-01-05')",
            (ids["NY02"],),
        )
        store.record_change("project_years", ids["NY02"], "annual_plan", None, 888)
    store.start_year(2023)
    assert rows_of(store, 2023)["NY02"] == (1, 88800, "续建", [], None)


def test_year_counts(ledger):
    store, ids = ledger
    assert store.year_counts() == [YearCount(2022, 7, 5, None, None, True)]
    store.start_year(2023, {ids["NY07"]: True})
    assert store.year_counts() == [
        YearCount(2022, 7, 5, None, None, False),
        # 7 on the list: NY01-NY07, all on the 2022 list; none has a plan yet
        YearCount(2023, 7, 0, 7, 0, True),
    ]
    store.start_year(2024, include_reserve=True)  # NY08 is still 前期 and off the list
    counts = store.year_counts()
    assert counts[-1] == YearCount(2024, 8, 0, 7, 1, True)
