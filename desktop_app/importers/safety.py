"""Checks a workbook must pass before any reader opens it.

:func:`check_workbook` tells the container from the file's bytes and checks it: an .xlsx or
.xlsm here (:func:`check_xlsx`), an .xls (OLE compound file) in :mod:`.containers`, an .xlsb or
.ods in :mod:`.zip_sheets` (which reuse the zip checks below).

An .xlsx is a zip of XML parts.  Before python-calamine (or openpyxl, which uses defusedxml)
reads one, :func:`check_xlsx` refuses, with a plain-Chinese message:

- files larger than a ledger can be, and anything that is not a zip;
- password-protected workbooks and old .xls files (both are OLE compound files, D0 CF 11 E0);
- zips with too many members, too much uncompressed data, or a compression ratio no spreadsheet
  has (zip bombs) — sizes are counted while decompressing, so lying headers do not help;
- XML with a document type declaration (``<!DOCTYPE``/``<!ENTITY``): spreadsheets never carry
  one, and it is how entity bombs (billion laughs) and external entities get in;
- workbooks that are small on disk but huge once read (:class:`Limits`): python-calamine
  allocates every sheet as one block from A1 to its farthest cell, so one cell at KN250000 costs
  75 million cells; every cell that refers to a shared string gets its own copy of it, so 50,000
  references to one 32,000-character string cost gigabytes; the shared-string table, the number
  of cells, of merged ranges and of sheets are counted too.  A Rust allocation that fails aborts
  the whole process, so these are measured here, before python-calamine sees the file.

Memory stays bounded: members are streamed in 1 MB chunks.  Sheets are measured on the same
pass: a vectorised scan (numpy) of the plain form every common writer uses (Excel, WPS,
LibreOffice, openpyxl, this application: ``<c r="A1" ...>`` with ``r`` first, ``t="s"><v>N</v>``,
optionally all under one namespace prefix).  A part in any other form is measured again by
:func:`.exact_scan.exact_sheet` / :func:`~.exact_scan.exact_strings`, which follow python-calamine's own reading rules
(quick-xml events, its attribute parser, cells without ``r`` placed after the previous one) —
about 2 µs a cell, so only unusual files pay for it; it stops after ``Limits.cells`` cells.
The measure is never less than what calamine allocates (tested against calamine itself).
"""

from __future__ import annotations

import html
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import containers, zip_sheets
from .errors import ImportRefused
from .exact_scan import START, Stream, exact_sheet, exact_strings, token_pattern
from .fast_scan import PartScan, is_shared_strings
from .refusals import (
    MACRO_WARNING,
    OLE_MAGIC,
    ZIP_MAGIC,
    WorkbookFile,
    _bomb,
    _check_sheet,
    _looks_encrypted,
    _mb,
    _text_message,
    _too_big,
    _wan,
    check_members,
    scan_member,
    zip_refusals,
)
from .scan_parts import (
    CHUNK,
    DEFAULT_LIMITS,
    AttrError,
    Limits,
    SheetStats,
    iter_attrs,
    numpy_tables,
)


def check_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> WorkbookFile:
    """Raise :class:`ImportRefused` unless ``path`` is a sound workbook python-calamine can read
    (.xlsx, .xlsm, .xls, .xlsb, .ods, told apart by their bytes); its kind and the lines the
    preview shows about it (a workbook with macros: they never run)."""
    path = Path(path)
    kind = workbook_kind(path, limits)
    if kind in ("xlsx", "xlsm"):
        check_xlsx(path, limits)
        return ooxml_file(path, kind)
    return check_container(path, kind, limits)


def workbook_kind(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """What ``path`` holds: "xlsx", "xlsm", "xlsb", "ods" or "xls" (an OLE compound file);
    refused when it is missing, empty, too big, a WPS .et, a CSV or no workbook at all."""
    _check_file(path, limits)
    containers.refuse_by_name(path)
    with path.open("rb") as f:
        magic = containers.sniff(f)
    if magic == "ole":
        return "xls"
    if magic == "zip":
        return containers.zip_kind(path)
    containers.refuse_other(path)
    raise ImportRefused(
        f"“{path.name}”不是 Excel 工作簿（.xlsx）文件，无法导入；"
        "可导入 .xlsx、.xlsm、.xls、.xlsb、.ods 格式的工作簿"
    )


def ooxml_file(path: Path, kind: str) -> WorkbookFile:
    """An .xlsx or .xlsm that passed :func:`check_xlsx`: a workbook with macros says so."""
    return WorkbookFile(kind, (MACRO_WARNING.format(name=path.name),) if kind == "xlsm" else ())


def check_container(path: Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> WorkbookFile:
    """The checks of an .xls (:mod:`.containers`), .xlsb or .ods (:mod:`.zip_sheets`)."""
    if kind == "xls":
        return containers.check_xls(path, limits)
    return (
        zip_sheets.check_xlsb(path, limits)
        if kind == "xlsb"
        else zip_sheets.check_ods(path, limits)
    )


def _check_file(path: Path, limits: Limits) -> int:
    """Refuse what is not a file of a plausible size; its size."""
    name = path.name
    if not path.exists():
        raise ImportRefused(f"文件不存在：{path}")
    if path.is_dir():
        raise ImportRefused(f"“{name}”是文件夹，不是 Excel 文件")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"“{name}”是空文件")
    if size > limits.file_bytes:
        raise ImportRefused(
            f"“{name}”有 {_mb(size)}，超过导入上限 {_mb(limits.file_bytes)}，不像是项目台账；"
            "请删去无关的工作表或拆分后再导入"
        )
    return size


def check_xlsx(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ImportRefused` unless ``path`` looks like a sound, ordinary .xlsx file
    (or .xlsm: the same package with a macro part, never run)."""
    path = Path(path)
    name = path.name
    size = _check_file(path, limits)
    with path.open("rb") as f:
        head = f.read(8)
        if head == OLE_MAGIC:
            f.seek(0)
            encrypted = _looks_encrypted(f.read(min(size, 4 * 1024 * 1024)))
            if encrypted:
                raise ImportRefused(
                    f"“{name}”设有打开密码（已加密），无法读取；请在 Excel 中取消密码"
                    "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存再导入"
                )
            raise ImportRefused(
                f"“{name}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入"
            )
    if head[:4] not in ZIP_MAGIC:
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（.xlsx）文件，无法导入")
    with zip_refusals(name, " Excel 工作簿（.xlsx）"), zipfile.ZipFile(path) as archive:
        _check_archive(archive, name, limits)


def _check_archive(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    infos = archive.infolist()
    check_members(infos, name, limits)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（可能是 Word 或其他压缩文件），无法导入")
    total = 0
    parts: dict[str, PartScan] = {}
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
            1, info.compress_size
        ):
            raise ImportRefused(_bomb(name))
        part = PartScan(is_shared_strings(info.filename))
        total = scan_member(archive, info, name, limits, total, part)
        parts[info.filename] = part
    _check_contents(archive, parts, name, limits)


# ------------------------------------------------------------------------------------------
# The workbook: which parts are its sheets, and the verdict


@dataclass
class _Sheet:
    name: str
    member: str | None  # None: not found among the parts (measured as the largest one)


def _check_contents(
    archive: zipfile.ZipFile, parts: dict[str, PartScan], name: str, limits: Limits
) -> None:
    by_key = {n.replace("\\", "/").lower(): n for n in parts}
    sheets, listed = _workbook_sheets(archive, by_key, name, limits)
    if listed and len(sheets) > limits.sheets:
        raise ImportRefused(
            f"“{name}”有 {len(sheets)} 个工作表，超过导入上限 {limits.sheets} 个，拒绝导入"
        )
    strings = _string_lengths(archive, parts, name, limits)
    wanted = {s.member for s in sheets if s.member is not None}
    if any(s.member is None for s in sheets):
        wanted = set(parts)
    measured: dict[str, SheetStats] = {}
    for member in wanted:
        part = parts[member]
        if part.sheet is not None:
            measured[member] = part.sheet
        else:
            measured[member] = exact_sheet(_read(archive, member, name, limits), limits)
    largest = max(measured.values(), key=lambda s: _area(s.extent()), default=SheetStats())
    total_cells = total_text = 0
    for sheet in sheets:
        stats = measured[sheet.member] if sheet.member is not None else largest
        area = _check_sheet(sheet.name, stats, limits)
        text = _referenced_text(stats, strings)
        if text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"工作表“{sheet.name}”的单元格", text, limits))
        total_cells += area
        total_text += text
        if total_cells > limits.total_cells:
            raise ImportRefused(
                f"“{name}”各工作表合计约 {_wan(total_cells)}个单元格（算到工作表“{sheet.name}”），"
                f"超过导入上限 {_wan(limits.total_cells)}个；请只保留要导入的工作表后再导入"
            )
        if total_text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"“{name}”各工作表的单元格", total_text, limits))


def _area(extent: tuple[int, int]) -> int:
    return extent[0] * extent[1]


def _referenced_text(stats: SheetStats, strings: Any) -> int:
    """Bytes of text the sheet's shared-string references become (each one a copy)."""
    np = numpy_tables().np if stats.refs else None
    if np is None or strings is None or not len(strings):
        return 0
    total = 0
    longest = int(strings.max())
    for refs in stats.refs:
        idx = np.asarray(refs, dtype=np.int64)
        if not len(idx):
            continue
        total += longest * int((idx < 0).sum())
        idx = idx[(idx >= 0) & (idx < len(strings))]
        total += int(strings[idx].sum())
    return total


def _string_lengths(
    archive: zipfile.ZipFile, parts: dict[str, PartScan], name: str, limits: Limits
) -> Any:
    """Entry lengths of the shared-string table(s), checked against the limits."""
    tables: list[Any] = []
    for member, part in parts.items():
        if not is_shared_strings(member):
            continue
        stats = part.strings
        if stats is None:
            stats = exact_strings(_read(archive, member, name, limits))
        if stats.declared is not None and stats.declared > limits.shared_strings:
            raise ImportRefused(
                f"“{name}”的共享文字表声明有 {_wan(stats.declared)}条，"
                f"超过导入上限 {_wan(limits.shared_strings)}条，可能是恶意构造的文件，拒绝导入"
            )
        if stats.count > limits.shared_strings:
            raise ImportRefused(
                f"“{name}”的共享文字表有 {_wan(stats.count)}条，"
                f"超过导入上限 {_wan(limits.shared_strings)}条，拒绝导入"
            )
        np = numpy_tables().np
        tables.append(np.concatenate(stats.lengths) if stats.lengths else np.zeros(0, np.int64))
    if not tables:
        return None
    np = numpy_tables().np
    longest = max(len(t) for t in tables)
    out = np.zeros(longest, dtype=np.int64)
    for table in tables:  # two tables differing only in case: take the larger of each entry
        out[: len(table)] = np.maximum(out[: len(table)], table)
    return out


def _read(archive: zipfile.ZipFile, member: str, name: str, limits: Limits) -> bytes:
    """A whole member (sizes were checked while streaming it)."""
    with archive.open(member) as stream:
        data = stream.read(limits.uncompressed_bytes + 1)
    if len(data) > limits.uncompressed_bytes:
        raise ImportRefused(_too_big(name, len(data), limits))
    return data


_SHEET_TAGS = token_pattern((b"sheet", b"Relationship"))


def _workbook_sheets(
    archive: zipfile.ZipFile, by_key: dict[str, str], name: str, limits: Limits
) -> tuple[list[_Sheet], bool]:
    """The worksheets python-calamine will read, in order, each with its part.

    As calamine: the workbook part is the officeDocument of ``_rels/.rels``; each ``<sheet>``
    names a relationship whose Target is its part (absolute, or relative to the workbook's
    folder); parts are looked up case-insensitively.  ``read_sheets`` reads sheets by name, so
    two sheets with one name both read the first one's part.
    """

    def member_bytes(path: str) -> bytes | None:
        member = by_key.get(path.lower())
        if member is None:
            return None
        data = _read(archive, member, name, limits)
        if len(data) > 16 * CHUNK:
            raise ImportRefused(f"“{name}”的工作簿目录（{member}）异常庞大，拒绝导入")
        return data

    package = member_bytes("_rels/.rels") or b""
    xl_path = "xl/"
    for kind, _q, local, attrs, _t, _s, _a in Stream(_SHEET_TAGS, package).tags():
        if kind != START or local != b"Relationship":
            continue
        typ, target = _rel_attrs(attrs, (b"Type", b"Target"))
        if typ is not None and typ.endswith(b"/relationships/officeDocument") and target:
            text = target.decode("utf-8", "replace")
            xl_path = text[: text.rfind("/") + 1].lstrip("/") if "/" in text else ""
    rels: dict[bytes, tuple[bytes, bytes]] = {}
    relationships = member_bytes(f"{xl_path}_rels/workbook.xml.rels") or b""
    for kind, _q, local, attrs, _t, _s, _a in Stream(_SHEET_TAGS, relationships).tags():
        if kind != START or local != b"Relationship":
            continue
        rel_id, typ, target = _rel_attrs(attrs, (b"Id", b"Type", b"Target"))
        if rel_id is not None:
            rels[rel_id] = (target or b"", typ or b"")
    sheets: list[_Sheet] = []
    first: dict[str, str | None] = {}
    workbook = member_bytes(f"{xl_path}workbook.xml")
    for kind, _q, local, attrs, _t, _s, _a in Stream(_SHEET_TAGS, workbook or b"").tags():
        if kind != START or local != b"sheet":
            continue
        sheet_name, rel_id = "", b""
        try:
            for key, value in iter_attrs(attrs):
                if key == b"name":
                    sheet_name = html.unescape(value.decode("utf-8", "replace"))
                elif key == b"id" or key.endswith(b":id"):
                    rel_id = value
        except AttrError:
            pass
        target, typ = rels.get(rel_id, (b"", b""))
        if typ.rsplit(b"/", 1)[-1] in (b"chartsheet", b"dialogsheet"):
            continue  # read_sheets reads worksheets only
        text = target.decode("utf-8", "replace")
        path = text[1:] if text.startswith("/") else f"{xl_path}{text}"
        member = by_key.get(path.lower()) if target else None
        if sheet_name not in first:
            first[sheet_name] = member
        sheets.append(_Sheet(sheet_name or path, first[sheet_name]))
        if len(sheets) > limits.sheets:
            break
    if workbook is None:  # no list of sheets python-calamine could use: any part may be one
        return [_Sheet(member, member) for member in by_key.values()], False
    return sheets, True


def _rel_attrs(raw: bytes, keys: tuple[bytes, ...]) -> tuple[bytes | None, ...]:
    found: dict[bytes, bytes] = {}
    try:
        for key, value in iter_attrs(raw):
            if key in keys:
                found[key] = value
    except AttrError:
        pass
    return tuple(found.get(k) for k in keys)
