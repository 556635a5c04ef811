"""The unit directory from a simple sheet (单位名称, 简称, 联系人, 电话), as an office keeps its
address list: the header anywhere in the first rows, one unit per row (issue 17, item 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.textmatch import normalize
from .errors import ImportRefused
from .headers import header_key
from .values import text
from .workbook import read_workbook

#: Header texts (after :func:`header_key`) → the unit's field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "责任单位", "单位", "单位全称", "部门", "责任部门", "牵头单位", "名称"),
    "short_name": ("简称", "单位简称", "简写"),
    "contact": ("联系人", "联络员", "填报联系人", "负责人", "姓名"),
    "phone": ("电话", "联系电话", "手机", "手机号", "办公电话", "联系方式", "手机号码"),
    "note": ("备注", "说明"),
}
_LOOKUP = {normalize(w): field for field, words in SYNONYMS.items() for w in words}
MAX_UNITS = 5_000


def read_units(path: str | Path) -> list[dict[str, Any]]:
    """The units of the first sheet holding a 单位名称 column, one dict per row (empty cells
    left out); raises ImportRefused naming what is missing."""
    path = Path(path)
    for sheet in read_workbook(path).sheets:
        if sheet.hidden:
            continue
        for top, row in enumerate(sheet.rows[:20]):
            columns: dict[str, int] = {}
            for index, cell in enumerate(row):
                field = _LOOKUP.get(header_key(cell)[0]) if isinstance(cell, str) else None
                if field is not None:
                    columns.setdefault(field, index)
            if "name" not in columns or len(columns) < 2:
                continue
            units = []
            for cells in sheet.rows[top + 1 :]:
                values = {
                    field: text(cells[i]) if i < len(cells) else None
                    for field, i in columns.items()
                }
                if not values.get("name"):
                    continue
                units.append({k: v for k, v in values.items() if v is not None})
                if len(units) > MAX_UNITS:
                    raise ImportRefused(
                        f"“{path.name}”中的单位超过 {MAX_UNITS:,} 个，不像是单位通讯录"
                    )
            if not units:
                raise ImportRefused(f"“{path.name}”的工作表“{sheet.name}”中表头下没有单位")
            return units
    raise ImportRefused(
        f"“{path.name}”中找不到单位表：前 20 行内应有“单位名称”（或“责任单位”）列，"
        "以及“联系人”“电话”等列"
    )
