"""Printing what may come from the ledger: one line, escaped, widths of Chinese text."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from ..domain.text import printable


def one_line(text: str) -> str:
    """``text`` as one printable line (SQLite's reports run over several)."""
    return printable("；".join(part.strip() for part in str(text).splitlines() if part.strip()))


def echo(text: str = "", *, err: bool = False) -> None:
    """Print a line whose text may come from the ledger: control characters escaped."""
    click.echo(printable(text, keep_newlines=True), err=err)


def json_text(data: Any) -> str:
    """JSON of ``data`` with every control, direction and invisible character escaped
    (``\\u001b``, ``\\u202e``): safe on a terminal, the same values when parsed."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if text.isprintable():
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() else _json_escape(ch) for ch in text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if unicodedata.category(ch) == "Zs":  # U+3000 and other spaces: harmless as they are
        return ch
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def width(text: str) -> int:
    """How many terminal columns ``text`` takes (a Chinese character two, a combining mark
    none)."""
    return sum(
        2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 0
        if unicodedata.combining(ch)
        else 1
        for ch in text
    )


def pad(text: str, columns: int, right: bool) -> str:
    """``text`` filled with spaces to ``columns`` terminal columns, on the left if ``right``."""
    gap = " " * (columns - width(text))
    return gap + text if right else text + gap


def table_lines(
    header: Sequence[str], rows: Iterable[Sequence[str]], right: Callable[[int], bool]
) -> list[str]:
    """``header`` and ``rows`` as lines of columns two spaces apart, each column as wide as
    its widest cell in terminal columns; column ``i`` filled on the left when ``right(i)``."""
    table = [header, *rows]
    widths = [max(width(row[i]) for row in table) for i in range(len(header))]
    return [
        "  ".join(
            pad(cell, w, right(i)) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in table
    ]


_YES = frozenset({"是", "y", "yes", "确定", "好"})
_NO = frozenset({"否", "n", "no", "不", "取消", ""})


def ask_yes(question: str) -> bool:
    """Ask ``question`` in Chinese: 是 (or y) confirms; 否, n or Enter declines; any other
    answer is asked again.  No input at all (end of file) ends the command as 已取消, the way
    click's own confirm ends it — but neither ``[y/N]`` nor ``Error: invalid input``."""
    while True:
        answer = click.prompt(
            f"{question}（是/否，直接回车为否）", default="", show_default=False, prompt_suffix="："
        )
        word = answer.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        echo("请回答“是”或“否”。", err=True)
