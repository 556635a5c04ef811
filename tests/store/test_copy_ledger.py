"""另存为（复制台账）: a consistent copy by SQLite's backup API; its refusals say 复制, not 备份."""

from __future__ import annotations

import pytest

from desktop_app.store import DatabaseDamaged, Store, StoreError, WriteFailed
from desktop_app.store.backup import copy_ledger


def test_the_copy_opens_with_every_project(store, tmp_path):
    dest = copy_ledger(store, tmp_path / "副本.sqlite")
    with Store.open(dest) as copy:
        assert copy.project_count() == store.project_count() == 51
    with pytest.raises(StoreError, match="文件已存在，不会覆盖"):
        copy_ledger(store, dest)


def test_a_damaged_source_is_refused_as_a_copy(tmp_path):
    broken = tmp_path / "坏台账.sqlite"
    broken.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseDamaged, match=r"无法复制“坏台账\.sqlite”"):
        copy_ledger(broken, tmp_path / "副本.sqlite")
    assert not (tmp_path / "副本.sqlite").exists()


def test_a_folder_that_cannot_be_written_says_the_copy_failed(store, tmp_path):
    with pytest.raises(WriteFailed, match=r"^复制失败，台账未受影响"):
        copy_ledger(store, tmp_path / "没有这个文件夹" / "副本.sqlite")
