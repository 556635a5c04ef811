"""Which columns of an .xlsx / .xlsm sheet are hidden (python-calamine 0.9 does not say).

Read after :func:`~.safety.check_xlsx` passed, from the parts python-calamine reads too: the
workbook's sheet list, its relationships, and each sheet part's ``<cols>`` element, which
comes before the cells (only the head of a part is read, at most :data:`HEAD_BYTES`).  Other
formats (.xls, .xlsb, .ods) give no hidden columns; a part that cannot be read gives none.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path

HEAD_BYTES = 1 << 20
ZIP_SUFFIXES = (".xlsx", ".xlsm")

_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_COL = re.compile(rb"<(?:[\w.-]+:)?col\b([^>]*)>")
_ATTR = re.compile(rb"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData\b")


def _attrs(raw: bytes) -> dict[str, str]:
    """An element's attributes by local name (r:id → id), the first of each."""
    out: dict[str, str] = {}
    for key, double, single in _ATTR.findall(raw):
        local = key.decode("ascii", "replace").rsplit(":", 1)[-1]
        out.setdefault(local, html.unescape((double or single).decode("utf-8", "replace")))
    return out


def _head(book: zipfile.ZipFile, member: str) -> bytes:
    """The part up to its cells (``<sheetData``), at most HEAD_BYTES."""
    out = b""
    with book.open(member) as stream:
        while len(out) < HEAD_BYTES:
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            out += chunk
            found = _DATA.search(out)
            if found:
                return out[: found.start()]
    return out


def hidden_columns(path: str | Path) -> dict[str, frozenset[int]]:
    """Sheet name → the 0-based indexes of its hidden columns (sheets with none left out)."""
    path = Path(path)
    if path.suffix.lower() not in ZIP_SUFFIXES:
        return {}
    try:
        with zipfile.ZipFile(path) as book:
            names = {n.lower(): n for n in book.namelist()}
            workbook = names.get("xl/workbook.xml")
            rels = names.get("xl/_rels/workbook.xml.rels")
            if workbook is None or rels is None:
                return {}
            targets = {}
            for raw in _REL.findall(book.read(rels)):
                attrs = _attrs(raw)
                if "Id" in attrs and "Target" in attrs:
                    target = attrs["Target"].replace("\\", "/")
                    target = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target))
                    )
                    targets[attrs["Id"]] = target
            out: dict[str, frozenset[int]] = {}
            for raw in _SHEET.findall(book.read(workbook)):
                attrs = _attrs(raw)
                member = names.get(targets.get(attrs.get("id", ""), "").lower())
                if "name" not in attrs or member is None:
                    continue
                hidden = _hidden_in(_head(book, member))
                if hidden:
                    out[attrs["name"]] = hidden
            return out
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError):
        return {}


def _hidden_in(head: bytes) -> frozenset[int]:
    hidden: set[int] = set()
    for raw in _COL.findall(head):
        attrs = _attrs(raw)
        if attrs.get("hidden", "").strip().lower() not in ("1", "true"):
            continue
        try:
            first, last = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        except ValueError:
            continue
        if 1 <= first <= last:
            hidden.update(range(first - 1, min(last, 16384)))
    return frozenset(hidden)
