"""Texts the user reads use full-width punctuation after Chinese (“吗？” not "吗?", “：” not
":"), as the office writes; issue 14, item 13."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import desktop_app

ROOT = Path(desktop_app.__file__).parent
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
#: ASCII ? : , ; ! right after a Chinese character (or a full-width closing mark), or
#: right before one when it does not follow an ASCII letter or digit (16:9 is fine) or a
#: ';' (Qt's file-filter separator: "台账文件 (*.sqlite);;所有文件 (*)").
HALF_WIDTH = re.compile(rf"[{_HAN}）」』”’]\s*[?:,;!]|(?<![A-Za-z0-9;])[?:,;!]\s*[{_HAN}]")


def _patterns(tree: ast.AST) -> set[int]:
    """The string constants that are regular expressions (``re.compile("…")`` and the like)
    or docstrings: not texts a user reads."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", None) == "re":
            for pattern in node.args[:1]:  # every part of it: an f-string's pieces too
                skip.update(id(n) for n in ast.walk(pattern))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
    return skip


def half_width_after_chinese() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _patterns(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and HALF_WIDTH.search(node.value)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_the_scan_finds_half_width_marks_after_chinese():
    assert HALF_WIDTH.search("确定删除吗?")
    assert HALF_WIDTH.search("文件:a.xlsx")
    assert HALF_WIDTH.search("已导出 3 项, 用时")
    assert HALF_WIDTH.search("错误: 文件")
    assert HALF_WIDTH.search("项目,名称")
    assert HALF_WIDTH.search("（复制）:x")
    assert HALF_WIDTH.search("幻灯片 16:9（1920×1080）") is None
    assert HALF_WIDTH.search("确定删除吗？") is None
    assert HALF_WIDTH.search("台账文件 (*.sqlite);;所有文件 (*)") is None


def test_no_user_text_has_half_width_punctuation_after_chinese():
    assert half_width_after_chinese() == []
