"""Text cleaning for every entry point (issue 12, item 8): controls, bidi, invisible chars."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.text import (
    MULTILINE_FIELDS,
    clean_field,
    clean_text,
    clean_text_report,
    printable,
    text_problems,
)


def test_ordinary_text_is_unchanged():
    for value in ("鑫达钢铁180万吨热轧带钢", "市发改委", "A-01", "张　三", "👨‍👩‍👧"):
        assert clean_text(value) == value
        assert text_problems(value) == []


def test_single_line_removes_controls_and_collapses_whitespace():
    assert clean_text("市\x00局") == "市局"
    assert clean_text("\x1b[31m红色\x1b[0m") == "[31m红色[0m"
    assert clean_text("响铃\x07") == "响铃"
    assert clean_text("abc\u202edef") == "abcdef"
    assert clean_text("\u2066隔离\u2069\u200e\u200f") == "隔离"
    assert clean_text("\ufeff零宽\u200b空格\u2060") == "零宽空格"
    assert clean_text("  鑫达 \t 钢铁\r\n二期  ") == "鑫达 钢铁 二期"
    assert clean_text("C1\x85控制\x9b") == "C1 控制"
    assert clean_text("坏\ud800字\uffff") == "坏字"


def test_multiline_keeps_line_breaks_only():
    assert (
        clean_text("一、进展\r\n二、问题\r三\u2028四", multiline=True)
        == "一、进展\n二、问题\n三\n四"
    )
    assert clean_text("\n 内容\x1b\t表格 \n", multiline=True) == "内容\t表格"
    assert clean_text("第一行\n第二行", multiline="scope") == "第一行\n第二行"
    assert clean_text("第一行\n第二行", multiline="name") == "第一行 第二行"
    assert clean_field("problems", "a\nb") == "a\nb"
    assert clean_field("department", "a\nb") == "a b"
    assert {"scope", "problems", "measures", "progress_notes"} <= MULTILINE_FIELDS


def test_nfc():
    assert clean_text("e\u0301") == "\u00e9"


def test_non_strings_pass_through():
    assert clean_text(None) is None
    assert clean_text(12) == 12  # type: ignore[call-overload]


def test_report_says_what_was_removed():
    value, notes = clean_text_report("项目\x1b名称\u202e")
    assert value == "项目名称"
    assert notes == ["已去掉 1 个控制字符（ESC）", "已去掉 1 个文字方向控制符（U+202E）"]
    assert text_problems("a\x00b\x00c\x07") == ["已去掉 3 个控制字符（NUL、BEL）"]
    assert text_problems("第一行\n第二行") == []  # a break in a name: a space, not a problem
    assert text_problems("第一行\n第二行", multiline=True) == []
    assert text_problems("  空格  ") == []


@given(st.text(), st.booleans())
def test_idempotent_and_clean(value, multiline):
    once = clean_text(value, multiline=multiline)
    assert clean_text(once, multiline=multiline) == once
    assert text_problems(once, multiline=multiline) == []
    for ch in once:
        if multiline and ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        assert category not in ("Cc", "Cs", "Zl", "Zp"), repr(ch)
        assert category != "Cf" or ch in "\u200c\u200d" or "\U000e0020" <= ch <= "\U000e007f"
        assert ch not in "\ufffe\uffff"
    assert "\x1b" not in printable(value)


def test_printable_escapes_terminal_controls():
    assert printable("红\x1b[2J色") == "红\\x1b[2J色"
    assert printable("a\u202eb") == "a\\u202eb"
    assert printable("一\n二") == "一\\n二"
    assert printable("一\n二", keep_newlines=True) == "一\n二"
    assert printable("辽源市") == "辽源市"


def test_the_removal_table_matches_unicode():
    """Every control, format (but the joiners and emoji tags) and surrogate character is
    removed, and nothing a user would type is."""
    import sys

    from desktop_app.domain import text

    keep = {"\t", "\n", "\r", "\x0b", "\x0c", "\x85", "\u200c", "\u200d"}
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        matched = text._REMOVE.match(ch) is not None
        tag = 0xE0020 <= code <= 0xE007F
        if category in ("Cc", "Cf", "Cs") and ch not in keep and not tag:
            assert matched, f"U+{code:04X} {category}"
        elif matched:
            assert category in ("Cn",) or ch in "\ufffe\uffff", f"U+{code:04X} {category}"
