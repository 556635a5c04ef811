"""System errors in plain Chinese: one line for the user, never the English of the OS or SQLite.

:func:`plain_os_error` for an ``OSError`` (by errno, never by its English text),
:func:`plain_sqlite_error` for an ``sqlite3.Error`` or its message, :func:`plain_error` for
either.  Qt-free; used by the command line, the reports and the store.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

__all__ = ["ERRNO_TEXT", "SQLITE_TEXT", "plain_error", "plain_os_error", "plain_sqlite_error"]

ERRNO_TEXT: dict[int, str] = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EROFS: "磁盘或文件夹是只读的，不能写入",
    errno.EACCES: "没有权限（文件或文件夹是只读的，或被其他程序占用）",
    errno.EPERM: "没有权限（文件或文件夹是只读的，或被其他程序占用）",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EIO: "磁盘读写错误（磁盘、U盘或网络盘可能有故障）",
    errno.EEXIST: "文件已存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EINVAL: "文件名或路径无效",
    errno.EFBIG: "文件太大",
    errno.ELOOP: "路径中的链接太多（可能循环）",
    errno.ETIMEDOUT: "网络盘或设备响应超时",
    errno.ENODEV: "设备不存在或已拔出",
    errno.ENXIO: "设备不存在或已拔出",
}
for _name, _text in (
    ("EDQUOT", "磁盘配额已用完"),
    ("ESTALE", "网络盘上的文件已失效，请重新打开"),
    ("ENOMEDIUM", "设备中没有磁盘"),
    ("ETXTBSY", "文件正被其他程序使用"),
    ("EHOSTDOWN", "网络盘无法连接"),
    ("ENETDOWN", "网络不通"),
    ("ENETUNREACH", "网络不通"),
    ("ECONNRESET", "网络连接中断"),
):
    if hasattr(errno, _name):
        ERRNO_TEXT.setdefault(getattr(errno, _name), _text)

# Windows error codes (OSError.winerror) that Python does not map to the errno above
_WINERROR_TEXT: dict[int, str] = {
    32: "文件正被其他程序使用（可能在 Excel 中打开着），请关闭后重试",
    33: "文件的一部分被其他程序锁定，请关闭后重试",
    112: "磁盘空间已满",
    206: "文件名或路径太长",
    123: "文件名、文件夹名或卷标语法不正确",
    21: "设备未就绪",
    53: "找不到网络路径",
    64: "网络连接已断开",
    1224: "文件正被其他程序映射使用，请关闭后重试",
}

SQLITE_TEXT: tuple[tuple[str, str], ...] = (
    ("database or disk is full", "磁盘空间已满，台账未改变"),
    ("disk i/o error", "磁盘读写错误（磁盘、U盘或网络盘可能有故障），台账未改变"),
    ("attempt to write a readonly database", "台账文件或所在文件夹是只读的，不能写入"),
    ("readonly database", "台账文件或所在文件夹是只读的，不能写入"),
    ("database is locked", "台账正被其他程序或窗口使用，请稍后重试"),
    ("database table is locked", "台账正被其他程序或窗口使用，请稍后重试"),
    ("unable to open database file", "无法打开台账文件（文件夹不存在、没有权限或文件名无效）"),
    ("file is not a database", "这不是台账数据库文件，或文件已损坏"),
    ("file is encrypted or is not a database", "这不是台账数据库文件，或文件已损坏"),
    ("database disk image is malformed", "台账文件已损坏"),
    ("malformed", "台账文件已损坏"),
    ("interrupted", "操作已中断，台账未改变"),
    ("out of memory", "内存不足"),
    ("string or blob too big", "内容太长，无法保存"),
    ("too many sql variables", "一次处理的项目太多"),
    ("no such table", "台账文件缺少数据表（可能已损坏，或不是本程序的台账）"),
    ("locking protocol", "台账所在的网络盘不支持文件锁，请复制到本机磁盘后使用"),
)

_DEFAULT_OS = "文件操作失败"
_DEFAULT_SQLITE = "台账读写出错"


def _where(path: object) -> str:
    if path is None or path == "" or isinstance(path, int):
        return ""
    return os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else str(path)


def plain_os_error(exc: OSError, path: str | Path | None = None) -> str:
    """One Chinese line for ``exc``: what happened (from its errno / winerror) and the file.

    ``path`` overrides the file named in the message (default: ``exc.filename``).  An errno
    not in :data:`ERRNO_TEXT` reads “文件操作失败（错误码 N）”: a plain statement, never a
    guess.
    """
    winerror = getattr(exc, "winerror", None)
    text = _WINERROR_TEXT.get(winerror) if winerror else None
    if text is None and exc.errno is not None:
        text = ERRNO_TEXT.get(exc.errno)
    if text is None:
        if isinstance(exc, FileNotFoundError):
            text = ERRNO_TEXT[errno.ENOENT]
        elif isinstance(exc, PermissionError):
            text = ERRNO_TEXT[errno.EACCES]
        elif isinstance(exc, TimeoutError):
            text = ERRNO_TEXT[errno.ETIMEDOUT]
        else:
            code = winerror or exc.errno
            text = f"{_DEFAULT_OS}（错误码 {code}）" if code else _DEFAULT_OS
    where = _where(path if path is not None else exc.filename)
    return f"{text}：{where}" if where else text


def plain_sqlite_error(exc: BaseException | str) -> str:
    """One Chinese line for an SQLite error (an ``sqlite3.Error``, an ``OSError`` raised while
    writing a database, or just its message).  Unknown messages read “台账读写出错”, with
    SQLite's own words in brackets for whoever helps the user."""
    if isinstance(exc, OSError):
        return plain_os_error(exc)
    message = str(exc).strip()
    low = message.lower()
    for key, text in SQLITE_TEXT:
        if key in low:
            return text
    return f"{_DEFAULT_SQLITE}（{message}）" if message else _DEFAULT_SQLITE


def plain_error(exc: BaseException) -> str:
    """:func:`plain_os_error` or :func:`plain_sqlite_error`, else ``str(exc)`` (our own errors
    already speak Chinese)."""
    if isinstance(exc, OSError):
        return plain_os_error(exc)
    if isinstance(exc, sqlite3.Error):
        return plain_sqlite_error(exc)
    return str(exc)
