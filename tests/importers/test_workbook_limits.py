"""How big a workbook is once read (issue 12, items 3 and 4): ordinary large ledgers still
import, the limits are settings, the measurement never under-estimates what python-calamine
allocates, and merged ranges cost time linear in their number.

The hostile files themselves are opened in a memory-capped child process in
tests/robustness/test_import_bombs.py.
"""

from __future__ import annotations

import random
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from python_calamine import CalamineWorkbook

from desktop_app.importers import (
    ImportRefused,
    exact_scan,
    fast_scan,
    open_import,
    safety,
    scan_parts,
)
from desktop_app.importers.headers import find_header
from desktop_app.importers.safety import Limits, check_xlsx
from desktop_app.importers.workbook import SheetData, read_sheets

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"


def column(i: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def handmade(
    path: Path, sheets: list[tuple[str, str | bytes]], shared: str | bytes | None = None
) -> Path:
    """An .xlsx whose sheet parts (and shared-string table) are exactly these XML texts."""
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    listed = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (name, _) in enumerate(sheets, 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PACKAGE}/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}/'
            f'relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
            f"<sheets>{listed}</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}/'
            f'relationships">{rels}</Relationships>',
        )
        for i, (_, xml) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return path


HEADER = ["序号", "项目编号", "项目名称", "建设单位", "所属县区", "产业类别", "建设性质"]
HEADER += ["建设内容及规模", "总投资", "年度计划投资", "计划开工", "计划竣工", "项目状态"]
HEADER += ["包保市级领导", "责任单位", "存在问题", "解决措施"]


def ledger(
    path: Path, rows: int = 20_000, cols: int = 30, prefix: str = "", numbered: bool = True
) -> Path:
    """A ledger as Excel writes one: title and units line merged across, a two-level header
    with merged groups, a merged 小计 row every 100 projects (a few hundred merged ranges in
    all), text in the shared-string table.  ``prefix`` writes every element as ``x:c``;
    ``numbered=False`` leaves out the cell and row references (both legal, both unusual)."""
    p = prefix
    strings: dict[str, int] = {}
    lines: list[str] = []
    merges: list[str] = []

    def cell(r: int, c: int, value: object) -> str:
        ref = f' r="{column(c)}{r}"' if numbered else ""
        if isinstance(value, str):
            index = strings.setdefault(value, len(strings))
            return f'<{p}c{ref} s="1" t="s"><{p}v>{index}</{p}v></{p}c>'
        return f"<{p}c{ref}><{p}v>{value}</{p}v></{p}c>"

    def row(r: int, values: list[object]) -> None:
        number = f' r="{r}"' if numbered else ""
        lines.append(f"<{p}row{number}>" + "".join(cell(r, c, v) for c, v in enumerate(values)))
        lines[-1] += f"</{p}row>"

    last = column(cols - 1)
    groups = [f"备注{i}" for i in range(cols - len(HEADER))]
    row(1, ["重点项目台账"] + [""] * (cols - 1))
    row(2, ["单位：万元"] + [""] * (cols - 1))
    upper: list[object] = [*HEADER, "其他情况"] + [""] * (len(groups) - 1)
    lower: list[object] = [""] * len(HEADER) + groups
    upper[8:10], lower[8:10] = ["投资（万元）", ""], ["总投资", "年度计划投资"]
    row(3, upper)
    row(4, lower)
    merges += [f"A1:{last}1", f"A2:{last}2", f"{column(len(HEADER))}3:{last}3", "I3:J3"]
    merges += [f"{column(c)}3:{column(c)}4" for c in range(len(HEADER)) if c not in (8, 9)]
    r = 5
    for i in range(rows):
        values: list[object] = [i + 1, f"LY{i:06d}", f"项目{i}号厂房建设", f"建设单位{i % 997}"]
        values += [["东丰县", "东辽县", "龙山区", "西安区"][i % 4], "工业", "新建"]
        values += [f"新建厂房{i % 50}万平方米", 1000 + i % 7, 200 + i % 11, "2022-03"]
        values += ["2024-12", "在建", "张三", "发改委", "无", "无"]
        values += [f"备注{i % 13}"] * len(groups)
        row(r, values)
        r += 1
        if i % 100 == 99:
            row(r, ["小计"] + [""] * 7 + [100, 20] + [""] * (cols - 10))
            merges.append(f"A{r}:H{r}")
            r += 1
    ns = f'xmlns:{p[:-1]}="{MAIN}"' if p else f'xmlns="{MAIN}"'
    merged = "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}>'
        f'<{p}dimension ref="A1:{last}{r - 1}"/><{p}sheetData>{"".join(lines)}</{p}sheetData>'
        f'<{p}mergeCells count="{len(merges)}">{merged}</{p}mergeCells></{p}worksheet>'
    )
    table = "".join(f"<{p}si><{p}t>{s}</{p}t></{p}si>" for s in strings)
    sst = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}sst {ns} uniqueCount="{len(strings)}">'
        f"{table}</{p}sst>"
    )
    return handmade(path, [("重点项目", xml)], sst)


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory) -> Path:
    return ledger(tmp_path_factory.mktemp("big") / "台账_20000.xlsx")


def test_an_ordinary_large_ledger_still_imports(big_ledger):
    """20,000 projects × 30 columns with 219 merged ranges: checked in well under a second,
    read whole, its two-level header found under the merged title."""
    started = time.perf_counter()
    check_xlsx(big_ledger)
    assert time.perf_counter() - started < 2.0
    source = open_import(big_ledger)
    sheet = source.sheet
    assert source.kind == "ledger" and sheet.name == "重点项目"
    assert len(sheet.rows) == 4 + 20_000 + 200 and sheet.width == 30
    assert len(sheet.merged) == 4 + 15 + 200
    assert source.header.top == 2 and source.header.depth == 2
    mapping = source.header.mapping()
    assert {"code", "name", "owner", "total_investment"} <= set(mapping)
    assert sheet.rows[4][2] == "项目0号厂房建设"


@pytest.mark.parametrize(("prefix", "numbered"), [("x:", True), ("", False), ("x:", False)])
def test_a_ledger_in_an_unusual_but_legal_form_imports_too(tmp_path, prefix, numbered):
    """Elements with a namespace prefix (the .NET OpenXML SDK) are read by the fast scan;
    cells and rows without references by the exact one — slower, still seconds."""
    path = ledger(tmp_path / "台账.xlsx", rows=5_000, prefix=prefix, numbered=numbered)
    started = time.perf_counter()
    check_xlsx(path)
    assert time.perf_counter() - started < 5.0
    rows = read_sheets(path)[0].rows
    assert len(rows) == 4 + 5_000 + 50 and rows[4][2] == "项目0号厂房建设"


def _scan(data: bytes, strings: bool = False, chunk: int = 1 << 20) -> fast_scan.PartScan:
    part = fast_scan.PartScan(strings)
    for i in range(0, len(data), chunk):
        part.feed(data[i : i + chunk])
    part.finish()
    return part


def _summary(stats: scan_parts.SheetStats) -> tuple:
    refs = [np.asarray(r, dtype=np.int64) for r in stats.refs]
    refs = np.concatenate(refs) if refs else np.zeros(0, dtype=np.int64)
    return (stats.cells, stats.max_row, stats.max_col, stats.merges, refs.sum())


@pytest.mark.parametrize("chunk", [1 << 20, 4093])
def test_the_fast_scan_and_the_exact_one_agree(big_ledger, chunk):
    """On a real ledger, cut into chunks anywhere: same cells, extent, merges and references."""
    with zipfile.ZipFile(big_ledger) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
        shared = z.read("xl/sharedStrings.xml")
    fast = _scan(sheet, chunk=chunk).sheet
    assert fast is not None, "an ordinary sheet takes the fast scan"
    assert _summary(fast) == _summary(exact_scan.exact_sheet(sheet, Limits()))
    assert _summary(fast)[:4] == (606_120, 20_204, 30, 219)
    strings = _scan(shared, strings=True, chunk=chunk).strings
    exact = exact_scan.exact_strings(shared)
    assert strings is not None and strings.count == exact.count == strings.declared
    assert (np.concatenate(strings.lengths) == np.concatenate(exact.lengths)).all()


def _random_sheet(rng: random.Random, strings: int) -> str:
    """Small sheets in every form calamine accepts: references or none, attributes in any
    order or twice, prefixes, nested and empty elements, comments, CDATA."""
    plain = rng.random() < 0.5
    p = rng.choice(["", "", "x:"])

    def tag(name: str) -> str:
        return p + name if plain or rng.random() < 0.97 else rng.choice(["", "y:"]) + name

    def attrs(ref: str | None, typ: str | None) -> str:
        items = [f'r="{ref}"'] if ref else []
        items += [f't="{typ}"'] if typ else []
        items += ['s="1"'] if rng.random() < 0.3 else []
        if not plain:
            if ref and rng.random() < 0.1:
                items.append(f'r="{column(rng.randrange(40))}{rng.randrange(1, 90)}"')
            if typ and rng.random() < 0.05:
                items.append('t="n"')
            rng.shuffle(items)
        sep = " " if plain else rng.choice([" ", "  ", "\n", "\t"])
        return "".join(sep + a for a in items)

    out, number = [], 0
    for _ in range(rng.randrange(1, 12)):
        number += rng.randrange(1, 4)
        r = f' r="{number}"' if rng.random() < 0.7 else ""
        if rng.random() < 0.1:
            out.append(f"<{tag('row')}{r}/>")
            continue
        cells = []
        for k in range(rng.randrange(8)):
            ref = None
            if plain or rng.random() < 0.6:
                ref = f"{column(rng.randrange(40))}{rng.randrange(1, 90)}"
            kind, v = rng.random(), tag("v")
            if kind < 0.35:
                typ, index = "s", rng.randrange(strings)
                text = str(index) if plain else rng.choice([str(index), "", " 1", "x"])
                inner = f"<{v}>{text}</{v}>"
                if not plain and rng.random() < 0.15:
                    inner += f"<{v}>{rng.randrange(strings)}</{v}>"
                if not plain and rng.random() < 0.1:
                    inner = f"<{tag('f')}>A1</{tag('f')}>" + inner
            elif kind < 0.55:
                typ = rng.choice(["inlineStr", None, "str"])
                inner = f"<{v}>{k}</{v}>"
                if typ == "inlineStr":
                    inner = f"<{tag('is')}><{tag('t')}>I{k}</{tag('t')}></{tag('is')}>"
            elif kind < 0.65:
                typ, inner = None, None
            else:
                typ, inner = rng.choice([None, "n", "b"]), f"<{v}>{rng.randrange(2)}</{v}>"
            if inner is not None and not plain and rng.random() < 0.05:
                inner = rng.choice(["<!-- </row> -->", "<![CDATA[</c>]]>", "<?pi </c>?>"]) + inner
            c = tag("c")
            cells.append(f"<{c}{attrs(ref, typ)}/>" if inner is None else f"<{c}{attrs(ref, typ)}>")
            cells[-1] += "" if inner is None else f"{inner}</{c}>"
        out.append(f"<{tag('row')}{r}>{''.join(cells)}</{tag('row')}>")
    dim = ""
    if rng.random() < 0.5:
        dim = f'<{p}dimension ref="A1:{column(rng.randrange(30))}{rng.randrange(1, 60)}"/>'
    merges = "".join(f'<{p}mergeCell ref="A{i}:B{i}"/>' for i in range(1, rng.randrange(5)))
    ns = f'xmlns:{p[:-1]}="{MAIN}"' if p else f'xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns} xmlns:y="{MAIN}">{dim}'
        f"<{p}sheetData>{''.join(out)}</{p}sheetData><{p}mergeCells>{merges}</{p}mergeCells>"
        f"</{p}worksheet>"
    )


def _random_strings(rng: random.Random, count: int) -> str:
    p = rng.choice(["", "", "x:"])
    items = []
    for i in range(count):
        text = f"S{i}" + "长" * rng.randrange(30)
        form = rng.random()
        if form < 0.1:
            items.append(f"<{p}si/>")
        elif form < 0.2:
            items.append(
                f"<{p}si><{p}r><{p}rPr><{p}b/></{p}rPr><{p}t>{text}</{p}t></{p}r>"
                f"<{p}r><{p}t>x</{p}t></{p}r></{p}si>"
            )
        elif form < 0.25:
            items.append(f"<{p}si><{p}t>{text}</{p}t><{p}rPh><{p}t>注</{p}t></{p}rPh></{p}si>")
        elif form < 0.28:
            items.append(f"<!-- c --><{p}si><{p}t><![CDATA[{text}]]></{p}t></{p}si>")
        else:
            items.append(f'<{p}si><{p}t xml:space="preserve">{text}</{p}t></{p}si>')
    ns = f'xmlns:{p[:-1]}="{MAIN}"' if p else f'xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}sst {ns} uniqueCount="{count}">'
        f"{''.join(items)}</{p}sst>"
    )


def test_the_measurement_never_falls_short_of_what_calamine_reads(tmp_path):
    """Random small sheets, read by python-calamine itself: the extent, merged ranges and
    shared text measured (by whichever scan the sheet takes, and by the exact one) are never
    less than what calamine allocated."""
    path = tmp_path / "random.xlsx"
    compared = fast = 0
    for seed in range(250):
        rng = random.Random(seed)
        count = rng.randrange(1, 8)
        sheet, shared = _random_sheet(rng, count).encode(), _random_strings(rng, count).encode()
        handmade(path, [("台账", sheet)], shared)
        try:
            book = CalamineWorkbook.from_path(str(path))
            read = book.get_sheet_by_name("台账")
            rows = read.to_python(skip_empty_area=False)
            merged = read.merged_cell_ranges or []
            end = read.end
            book.close()
        except BaseException:  # calamine refused this one: nothing to compare
            continue
        height, width = (end[0] + 1, end[1] + 1) if end else (0, 0)
        text = sum(len(v.encode()) for row in rows for v in row if str(v).startswith("S"))
        table = _scan(shared, strings=True, chunk=97).strings or exact_scan.exact_strings(shared)
        lengths = np.concatenate(table.lengths)
        part = _scan(sheet, chunk=97)  # small chunks: every cut position is tried
        scans = [exact_scan.exact_sheet(sheet, Limits())] + ([part.sheet] if part.sheet else [])
        fast += part.sheet is not None
        for stats in scans:
            assert stats.max_row >= height and stats.max_col >= width, (seed, sheet)
            assert stats.merges >= len(merged), (seed, sheet)
            assert safety._referenced_text(stats, lengths) >= text, (seed, sheet, shared)
        compared += 1
    assert compared > 100 and fast > 10


def test_the_limits_are_settings(big_ledger, tmp_path):
    """Each limit of Limits applies as set; the message names the sheet and the limit."""
    with pytest.raises(ImportRefused, match=r"工作表“重点项目”的数据区域 A1:AD20204 共 61 万个"):
        check_xlsx(big_ledger, Limits(cells=500_000))
    with pytest.raises(ImportRefused, match=r"第 20,204 行.*超过导入上限 20,000 行"):
        check_xlsx(big_ledger, Limits(rows=20_000))
    with pytest.raises(ImportRefused, match=r"第 30 列.*超过导入上限 20 列"):
        check_xlsx(big_ledger, Limits(columns=20))
    with pytest.raises(ImportRefused, match=r"219 处合并单元格，超过导入上限 100 处"):
        check_xlsx(big_ledger, Limits(merged_ranges=100))
    with pytest.raises(
        ImportRefused, match=r"工作表“重点项目”的单元格引用的共享文字.*超过导入上限 1 MB"
    ):
        check_xlsx(big_ledger, Limits(shared_text_bytes=1 << 20))
    with pytest.raises(ImportRefused, match=r"共享文字表声明有 41,095 条，超过导入上限 1,000 条"):
        check_xlsx(big_ledger, Limits(shared_strings=1000))
    table = f'<sst xmlns="{MAIN}"><si><t>甲</t></si><si><t>乙</t></si><si/></sst>'
    three = handmade(tmp_path / "三条.xlsx", [("台账", _tiny("C3"))], table)
    with pytest.raises(ImportRefused, match=r"“三条.xlsx”的共享文字表有 3 条，超过导入上限 2 条"):
        check_xlsx(three, Limits(shared_strings=2))
    two = handmade(tmp_path / "两表.xlsx", [("甲", _tiny("C3")), ("乙", _tiny("C3"))])
    with pytest.raises(ImportRefused, match=r"各工作表合计约 18 个单元格（算到工作表“乙”）"):
        check_xlsx(two, Limits(total_cells=10))
    with pytest.raises(ImportRefused, match=r"有 2 个工作表，超过导入上限 1 个"):
        check_xlsx(two, Limits(sheets=1))
    check_xlsx(big_ledger)  # within the defaults


def _tiny(far: str, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<worksheet xmlns="{MAIN}">{dim}<sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        f'<t>项目名称</t></is></c></row><row r="3"><c r="{far}"><v>1</v></c></row></sheetData>'
        "</worksheet>"
    )


def test_formatted_empty_cells_and_the_declared_extent_do_not_count(tmp_path):
    """Bloated Excel files: a formatted empty cell at A1048576 and a dimension to match.
    python-calamine stores cells with a value only, so these import today — and still do."""
    far = '<c r="A1048576" s="1"/><c r="XFD1048576" s="2"></c><c r="B1048576"/>'
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" '
        't="inlineStr"><is><t>建设单位</t></is></c></row><row r="2"><c r="A2" t="inlineStr">'
        f'<is><t>鑫达钢铁</t></is></c></row><row r="1048576">{far}</row>'
    )
    xml = (
        f'<worksheet xmlns="{MAIN}"><dimension ref="A1:XFD1048576"/><sheetData>{rows}'
        "</sheetData></worksheet>"
    )
    path = handmade(tmp_path / "臃肿.xlsx", [("台账", xml)])
    check_xlsx(path)
    (sheet,) = read_sheets(path)
    assert sheet.rows == [["项目名称", "建设单位"], ["鑫达钢铁", ""]]
    # the same far cell with a value is what python-calamine would allocate
    path = handmade(tmp_path / "远处.xlsx", [("台账", xml.replace('s="1"/>', "><v>1</v></c>"))])
    with pytest.raises(ImportRefused, match="第 1,048,576 行"):
        check_xlsx(path)


def test_the_message_names_the_sheet_as_the_workbook_lists_it(tmp_path):
    """Sheet parts are found through the workbook's relationships, as calamine finds them."""
    path = handmade(
        tmp_path / "名称.xlsx", [("封面", _tiny("B2")), ("二〇二二年重点项目", _tiny("KN250000"))]
    )
    with pytest.raises(ImportRefused, match=r"^工作表“二〇二二年重点项目”的数据区域 A1:KN250000"):
        check_xlsx(path)


def test_read_sheets_checks_what_calamine_read_as_well(tmp_path, monkeypatch):
    """The second line: read_sheets measures each sheet python-calamine opened before its
    cells become Python objects (were the first check ever wrong)."""
    path = handmade(tmp_path / "二线.xlsx", [("台账", _tiny("Z300"))])
    monkeypatch.setattr("desktop_app.importers.workbook.check_xlsx", lambda *args: None)
    with pytest.raises(
        ImportRefused, match="工作表“台账”的数据区域有 300 行 × 26 列，超过导入上限"
    ):
        read_sheets(path, Limits(cells=1000))
    with pytest.raises(ImportRefused, match="工作表“台账”有 300 行，超过导入上限 100 行"):
        read_sheets(path, Limits(rows=100))


def _naive_anchor(sheet: SheetData, row: int, col: int) -> tuple[int, int] | None:
    for (r1, c1), (r2, c2) in sheet.merged:
        if r1 <= row <= r2 and c1 <= col <= c2:
            return r1, c1
    return None


def test_the_merged_range_index_answers_as_a_scan_of_the_list():
    """Overlapping ranges included: the first range in the list wins, as before."""
    rng = random.Random(12)
    for _ in range(60):
        width, height = rng.randrange(1, 25), rng.randrange(1, 80)
        rows = [[f"{r}.{c}" for c in range(rng.randrange(width + 1))] for r in range(height)]
        merged = []
        for _ in range(rng.randrange(40)):
            r1, c1 = rng.randrange(height + 5), rng.randrange(width + 5)
            merged.append(((r1, c1), (r1 + rng.randrange(4), c1 + rng.randrange(30))))
        sheet = SheetData("台账", rows, merged)
        for r in range(height + 8):
            for c in range(width + 8):
                anchor = _naive_anchor(sheet, r, c)
                assert sheet.merged_anchor(r, c) == anchor
                shown = sheet.value(*anchor) if anchor else sheet.value(r, c)
                assert sheet.merged_value(r, c) == shown
                below = any(
                    r1 == r and r2 > r and c1 <= c <= c2 for (r1, c1), (r2, c2) in sheet.merged
                )
                assert sheet.merged_below(r, c) == below


def test_the_header_search_is_linear_in_merged_ranges():
    """50,000 merged ranges (the limit) under a 40-row header of 30 known column names: on main
    the search took ranges × rows × columns steps, 13 s here and minutes for 100,000."""
    labels = ["项目名称", "建设单位", "所属县区", "产业类别", "总投资", "年度计划投资"] * 5
    rows = [list(labels) for _ in range(40)] + [["x"] * 30 for _ in range(2000)]
    merged = [((100 + i, 0), (100 + i, 1)) for i in range(50_000)]
    sheet = SheetData("台账", rows, merged)
    started = time.perf_counter()
    for kind in ("ledger", "monthly"):
        find_header(sheet, kind)
    assert time.perf_counter() - started < 1.0
