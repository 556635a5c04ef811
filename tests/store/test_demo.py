"""Sample portfolios: marked 示例数据, deterministic for a seed, consistent."""

import sqlite3

from desktop_app.store import Store
from desktop_app.store.demo import make_demo


def content(path):
    conn = sqlite3.connect(path)
    rows = {
        "projects": conn.execute(
            "SELECT code, name, total_investment, y.year, y.annual_plan, y.nature, y.lists, status, "
            "search_key FROM projects p JOIN project_years y ON y.project_id = p.id "
            "ORDER BY id, y.year"
        ).fetchall(),
        "reports": conn.execute(
            "SELECT project_id, period, month_investment, progress_pct FROM monthly_reports ORDER BY id"
        ).fetchall(),
    }
    conn.close()
    return rows


def test_same_seed_same_data_other_seed_other_data(tmp_path):
    make_demo(tmp_path / "a.sqlite", projects=200, years=2, seed=3)
    make_demo(tmp_path / "b.sqlite", projects=200, years=2, seed=3)
    make_demo(tmp_path / "c.sqlite", projects=200, years=2, seed=4)
    assert content(tmp_path / "a.sqlite") == content(tmp_path / "b.sqlite")
    assert content(tmp_path / "a.sqlite") != content(tmp_path / "c.sqlite")


def test_every_record_is_marked_sample(demo_path):
    with Store.open(demo_path) as s:
        assert s.project_count() == 300
        for table in ("projects", "monthly_reports", "problems"):
            unmarked = s.conn.execute(
                f"SELECT count(*) FROM {table} WHERE is_sample = 0"
            ).fetchone()[0]
            assert unmarked == 0, table
        assert {p.source for p in s.projects()} == {"示例数据"}
        periods = s.periods()
        assert periods[0] == "2022-06" and periods[-1] == "2019-07" and len(periods) == 36
        # the stored search key equals the one the store computes on edit
        p = s.projects()[0]
        key_before = s.search_keys()[p.id]
        s.update_project(p.id, {"owner": p.owner + "有限公司"})
        s.update_project(p.id, {"owner": p.owner})
        assert s.search_keys()[p.id] == key_before
