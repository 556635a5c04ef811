"""Store.project_rows: the compact row loader behind the ledger table."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.fields import PROJECT_FIELD_NAMES
from desktop_app.domain.textmatch import normalize_query


def test_rows_hold_every_field_in_code_order_with_amounts_in_cents(store):
    project = store.find_project("LY2022-001")
    store.update_project(
        project.id, {"total_investment": Decimal("1234.56"), "lists": ["在建如期投产项目"]}
    )
    rows = store.project_rows()
    assert len(rows) == 51
    codes = [r[3 + PROJECT_FIELD_NAMES.index("code")] for r in rows]
    assert codes == sorted(codes)
    first = dict(zip(("id", "version", "search_key", *PROJECT_FIELD_NAMES), rows[0], strict=True))
    assert first["id"] == project.id and first["version"] == 2
    assert first["total_investment"] == 123456
    assert first["lists"] == '["在建如期投产项目"]'
    assert normalize_query("xdgt") in first["search_key"]


def test_rows_of_some_ids(store):
    ids = [p.id for p in store.projects()[:3]]
    assert [r[0] for r in store.project_rows(ids[::-1])] == ids
    assert store.project_rows([]) == []
