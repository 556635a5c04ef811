"""What the workbooks the app writes and later reads back agree on (Qt-free; imports nothing
of the app, only the standard library).

The monthly fill-in template (:mod:`desktop_app.reports.template`) carries a hidden sheet
that records the period, the responsible unit, the ledger it was made from, its rows and a
digest of their locked identity cells; the importer (:mod:`desktop_app.importers.source`,
:mod:`~desktop_app.importers.monthly`) finds them by these names.  They live here, beside
neither, so importers need not import reports.
"""

from __future__ import annotations

import hashlib

__all__ = [
    "IDENTITY_HEADERS",
    "META_CONTACT",
    "META_DEADLINE",
    "META_DIGEST",
    "META_KIND",
    "META_LEDGER",
    "META_PERIOD",
    "META_PHONE",
    "META_ROWS",
    "META_SHEET",
    "META_UNIT",
    "META_VALUE_CHARS",
    "ROW_SEPARATOR",
    "TEMPLATE_KIND",
    "identity_digest",
    "meta_value",
]

TEMPLATE_KIND = "月度调度填报模板"
"""The value of the template's ``类型`` row."""

META_SHEET = "模板信息"
"""The hidden sheet of a template: one ``key, value`` row each."""

META_KIND = "类型"
META_PERIOD = "期间"
META_UNIT = "责任单位"
META_LEDGER = "台账标识"
"""The ledger's identifier (``Store.ledger_id()``, 32 hex digits) the template was made from."""
META_ROWS = "项目行"
"""The 项目编号 of the template's rows, in row order, joined by :data:`ROW_SEPARATOR`."""
META_DIGEST = "校验"
""":func:`identity_digest` of the template's rows (the :data:`IDENTITY_HEADERS` cells)."""
META_DEADLINE = "截止日期"
"""The day the return is due, ``YYYY-MM-DD`` (``Store.report_deadline(period)``)."""
META_CONTACT = "项目办联系人"
META_PHONE = "项目办电话"

ROW_SEPARATOR = ","

IDENTITY_HEADERS = ("项目编号", "项目名称", "建设单位")
"""The locked text columns of a template's rows that :func:`identity_digest` covers, by their
header (the lower header row).  Numbers are left out: a reader gives them back as floats."""

META_VALUE_CHARS = 32_000
"""A meta value longer than this (a cell holds 32,767 characters) continues in the cells to
the right of the value cell: read it back with :func:`meta_value`."""


_DROPPED = frozenset("\x7f\ufffe\uffff") | frozenset(map(chr, range(0xD800, 0xE000)))


def _cell(value: object) -> str:
    """A cell as the digest sees it: text without control characters (XML drops most of them,
    Excel turns CR LF into LF), spaces at the ends stripped; an empty cell is ``""``."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch == "\n" or (ch >= " " and ch not in _DROPPED)).strip()


def identity_digest(rows: list[tuple[str, ...]]) -> str:
    """A digest of the identity cells of a template's rows, in order (32 hex digits).

    The writer passes the values it writes, the importer the cells it reads back (in
    :data:`IDENTITY_HEADERS` order, ``None`` for an empty cell): the same text gives the same
    digest, an edited, added, removed or moved row another."""
    h = hashlib.sha256(b"keyprojects-template-identity-v1")
    for row in rows:
        h.update(b"\x1e")
        h.update("\x1f".join(_cell(v) for v in row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def meta_value(cells: list[object] | tuple[object, ...]) -> str:
    """The value of one meta row from its cells after the key (B, C, ...): a long value
    (:data:`META_VALUE_CHARS`) is written in pieces across them."""
    return "".join(str(c) for c in cells if c is not None and c != "").strip()
