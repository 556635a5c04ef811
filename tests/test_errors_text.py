"""System errors in plain Chinese (issue 12, item 10)."""

from __future__ import annotations

import errno
import re
import sqlite3

import pytest

from desktop_app.errors_text import plain_error, plain_os_error, plain_sqlite_error

LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize(
    ("code", "english", "expected"),
    [
        (errno.ENOSPC, "No space left on device", "磁盘空间已满"),
        (errno.EROFS, "Read-only file system", "只读"),
        (errno.EACCES, "Permission denied", "没有权限"),
        (errno.EPERM, "Operation not permitted", "没有权限"),
        (errno.ENAMETOOLONG, "File name too long", "文件名太长"),
        (errno.ENOENT, "No such file or directory", "不存在"),
        (errno.EIO, "Input/output error", "磁盘读写错误"),
    ],
)
def test_os_errors_by_errno(code, english, expected):
    text = plain_os_error(OSError(code, english, "/数据/台账.sqlite"))
    assert expected in text
    assert english not in text
    assert text.endswith("：/数据/台账.sqlite")
    assert "\n" not in text


def test_unknown_errno_says_so_without_guessing():
    text = plain_os_error(OSError(9999, "Something odd"))
    assert text == "文件操作失败（错误码 9999）"
    assert plain_os_error(OSError("no errno")) == "文件操作失败"


def test_path_override_and_subclasses():
    assert plain_os_error(PermissionError("x"), "a.xlsx") == (
        "没有权限（文件或文件夹是只读的，或被其他程序占用）：a.xlsx"
    )
    assert plain_os_error(FileNotFoundError()).startswith("文件或文件夹不存在")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("disk I/O error", "磁盘读写错误"),
        ("database or disk is full", "磁盘空间已满"),
        ("attempt to write a readonly database", "只读"),
        ("database is locked", "正被其他程序"),
        ("unable to open database file", "无法打开台账文件"),
    ],
)
def test_sqlite_messages(message, expected):
    for value in (message, sqlite3.OperationalError(message)):
        text = plain_sqlite_error(value)
        assert expected in text
        assert not LATIN.search(text)
    assert expected in plain_error(sqlite3.OperationalError(message))


def test_unknown_sqlite_message_keeps_the_original_in_brackets():
    assert plain_sqlite_error("weird thing") == "台账读写出错（weird thing）"


def test_plain_error_dispatch():
    assert plain_error(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间已满"
    assert plain_error(ValueError("期间格式不对")) == "期间格式不对"
