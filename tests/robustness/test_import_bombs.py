"""Hostile workbooks are refused quickly and in bounded memory, measured in a child process.

Each bomb is opened by ``open_import`` in a fresh Python process whose address space is capped
at what it already uses plus 512 MB (or at 4 GB, as the red team of issue 12 ran them): an
import that expanded the bomb would die of MemoryError — or, when the allocation that fails is
python-calamine's (Rust), be aborted with SIGABRT — instead of passing.  The child reports the
time taken and its peak resident memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.robustness.capped_import import probe

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")
GIB = 1 << 30


def _laughs(levels: int = 10) -> str:
    """The classic billion laughs as a worksheet: 10 levels of 10 references, 3 GB expanded."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE worksheet [", '<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    lines.append("]>")
    lines.append(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c>'
        f'<c r="B1" t="inlineStr"><is><t>&lol{levels - 1};</t></is></c></row></sheetData>'
        "</worksheet>"
    )
    return "\n".join(lines)


def _real_workbook(path: Path) -> Path:
    """A genuine ledger workbook written by openpyxl (shared strings included)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目名称", "建设单位", "总投资"])
    sheet.append(["鑫达钢铁180万吨热轧带钢", "鑫达钢铁", 100])
    book.save(path)
    return path


def _replace_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, data if info.filename == name else src.read(info))
        if name not in src.namelist():
            dst.writestr(name, data)
    return target


@pytest.fixture(scope="module")
def laughs_workbook(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("laughs")
    base = _real_workbook(folder / "base.xlsx")
    return _replace_member(
        base, folder / "billion_laughs.xlsx", "xl/worksheets/sheet1.xml", _laughs().encode()
    )


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A workbook whose sheet unpacks to 1 GiB of spaces (4.5 MB on disk)."""
    folder = tmp_path_factory.mktemp("bomb")
    base = _real_workbook(folder / "base.xlsx")
    path = folder / "zip_bomb.xlsx"
    chunk = b" " * (1 << 20)
    with (
        zipfile.ZipFile(base) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, src.read(info))
        with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(GIB // len(chunk)):
                member.write(chunk)
    return path


def test_defusedxml_is_installed_and_openpyxl_uses_it(laughs_workbook):
    import defusedxml
    from defusedxml.common import DefusedXmlException
    from openpyxl.xml import DEFUSEDXML

    assert defusedxml.__version__ and DEFUSEDXML is True
    with pytest.raises(ValueError) as err:  # even a reader that skipped our checks refuses
        openpyxl.load_workbook(io.BytesIO(laughs_workbook.read_bytes()))
    causes = []
    exc: BaseException | None = err.value
    while exc is not None:
        causes.append(exc)
        exc = exc.__cause__ or exc.__context__
    assert any(isinstance(c, DefusedXmlException) for c in causes), causes


def test_billion_laughs_is_refused_quickly_in_bounded_memory(laughs_workbook):
    result = probe(laughs_workbook)
    assert result["outcome"] == "refused" and "文档类型声明" in result["message"]
    assert result["seconds"] < 1.0 and result["extra_mb"] < 50


def test_billion_laughs_in_utf16_is_refused_too(laughs_workbook, tmp_path):
    """The DOCTYPE scan looks for ASCII bytes; the same bomb in UTF-16 must not slip past."""
    xml = (
        _laughs()
        .replace('encoding="UTF-8"', "")
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    )
    path = _replace_member(
        _real_workbook(tmp_path / "base.xlsx"),
        tmp_path / "laughs_utf16.xlsx",
        "xl/worksheets/sheet1.xml",
        xml.encode("utf-16"),
    )
    result = probe(path)
    assert result["outcome"] in ("refused", "accepted"), result  # never MemoryError
    assert result["seconds"] < 2.0 and result["extra_mb"] < 100
    if result["outcome"] == "accepted":  # read without expanding: no 3 GB string appeared
        from desktop_app.importers import open_import

        source = open_import(path)
        assert all(
            len(str(v)) < 10_000 for sheet in source.sheets for row in sheet.rows for v in row
        )


def test_zip_bomb_of_one_gib_is_refused_quickly_in_bounded_memory(zip_bomb):
    assert zip_bomb.stat().st_size < 8 * 1024 * 1024
    with zipfile.ZipFile(zip_bomb) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size == GIB
    result = probe(zip_bomb)
    assert result["outcome"] == "refused"
    assert "压缩" in result["message"] or "解压后" in result["message"]
    assert result["seconds"] < 1.0 and result["extra_mb"] < 50


def test_zip_bomb_with_a_lying_size_is_refused_in_bounded_memory(zip_bomb, tmp_path):
    data = bytearray(zip_bomb.read_bytes())
    real = GIB.to_bytes(8, "little")  # zip64 sizes, local header and central directory
    lies = 0
    start = 0
    while (index := data.find(real, start)) != -1:
        data[index : index + 8] = (5000).to_bytes(8, "little")
        start, lies = index + 8, lies + 1
    real4 = GIB.to_bytes(4, "little")
    index = data.rfind(real4)
    if index != -1:
        data[index : index + 4] = (5000).to_bytes(4, "little")
        lies += 1
    assert lies
    lying = tmp_path / "lying_bomb.xlsx"
    lying.write_bytes(bytes(data))
    result = probe(lying)
    assert result["outcome"] == "refused", result
    assert result["seconds"] < 5.0 and result["extra_mb"] < 100


# ---------------------------------------------------------------------------------------------
# Issue 12, items 3 and 4: tiny workbooks that are huge once read, and a CPU bomb of merges.
# Each is written by hand (the XML a hostile tool would write) and opened under a 4 GB cap.

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>建设单位</t></is></c></row>'
)


def _sheet(rows: str, dimension: str | None = None, tail: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
        f"<sheetData>{rows}</sheetData>{tail}</worksheet>"
    )


def _shared(items: str, unique: int) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" uniqueCount="{unique}">'
        f"{items}</sst>"
    )


def handmade(
    path: Path,
    sheets: list[tuple[str, str]],
    shared: str | None = None,
    entries: list[tuple[str, int]] | None = None,
) -> Path:
    """An .xlsx with these sheet parts; ``entries`` (name, part number) lists the workbook's
    sheets when they are not one per part."""
    entries = entries or [(name, i) for i, (name, _) in enumerate(sheets, 1)]
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    listed = "".join(
        f'<sheet name="{name}" sheetId="{k}" r:id="rId{part}"/>'
        for k, (name, part) in enumerate(entries, 1)
    )
    package = "http://schemas.openxmlformats.org/package/2006"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{types}</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
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
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships">{rels}</Relationships>',
        )
        for i, (_, xml) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return path


def far_cell_on_three_sheets(path: Path) -> Path:
    """3 KB: one cell at KN250000 on each of three sheets (75 million cells each)."""
    far = _sheet(HEADER_ROW + '<row r="250000"><c r="KN250000"><v>1</v></c></row>', "A1:KN250000")
    return handmade(path, [(f"表{i}", far) for i in (1, 2, 3)])


def one_long_string_50000_times(path: Path) -> Path:
    """50,000 cells referring to one shared string of 32,000 characters (4.6 GB of copies)."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(2, 50_002))
    return handmade(
        path,
        [("台账", _sheet(HEADER_ROW + rows, "A1:B50001"))],
        _shared(f"<si><t>{'项' * 32_000}</t></si>", 1),
    )


def lying_dimension(path: Path) -> Path:
    """The dimension says A1:B2; one cell sits at KN249999."""
    rows = HEADER_ROW + '<row r="2"><c r="B2"><v>1</v></c><c r="KN249999"><v>1</v></c></row>'
    return handmade(path, [("台账", _sheet(rows, "A1:B2"))])


def missing_dimension(path: Path) -> Path:
    rows = HEADER_ROW + '<row r="2"><c r="B2"><v>1</v></c><c r="KN249999"><v>1</v></c></row>'
    return handmade(path, [("台账", _sheet(rows))])


def merged_ranges_100000(path: Path) -> Path:
    """A 40-row header of known column names over 100,000 merged ranges below it."""
    labels = ["项目名称", "建设单位", "所属县区", "产业类别", "总投资", "年度计划投资"] * 5
    rows = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + c // 26 - 1) if c >= 26 else ""}{chr(65 + c % 26)}{r}" '
            f't="inlineStr"><is><t>{label}</t></is></c>'
            for c, label in enumerate(labels)
        )
        + "</row>"
        for r in range(1, 41)
    )
    merges = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(101, 100_101))
    tail = f'<mergeCells count="100000">{merges}</mergeCells>'
    return handmade(path, [("台账", _sheet(rows, "A1:AD40", tail))])


def prefixed_far_cell(path: Path) -> Path:
    """The far cell again, in elements with a namespace prefix (read as <c> all the same)."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c></x:row>'
        '<x:row r="250000"><x:c r="KN250000"><x:v>1</x:v></x:c></x:row></x:sheetData>'
        "</x:worksheet>"
    )
    return handmade(path, [("台账", xml)])


def rows_without_numbers(path: Path) -> Path:
    """A cell at KN1, then 50,000 rows without r: calamine counts them (15 million cells)."""
    rows = '<row r="1"><c r="KN1"><v>1</v></c></row>' + "<row/>" * 50_000
    return handmade(path, [("台账", _sheet(rows + "<row><c><v>1</v></c></row>"))])


def duplicate_reference(path: Path) -> Path:
    """<c r="A2" r="KN250000">: calamine takes the last one."""
    rows = HEADER_ROW + '<row r="2"><c r="A2" r="KN250000"><v>1</v></c></row>'
    return handmade(path, [("台账", _sheet(rows, "A1:B2"))])


def lying_unique_count(path: Path) -> Path:
    """uniqueCount="4000000000": python-calamine reserves room for that many strings (96 GB)."""
    return handmade(
        path, [("台账", _sheet(HEADER_ROW))], _shared("<si><t>项目</t></si>", 4_000_000_000)
    )


def forty_sheets_on_one_part(path: Path) -> Path:
    """Forty sheets of the workbook are one part of 35,000 × 300 cells: each is read."""
    part = _sheet(HEADER_ROW + '<row r="35000"><c r="KN35000"><v>1</v></c></row>')
    return handmade(path, [("表1", part)], entries=[(f"表{i}", 1) for i in range(1, 41)])


def shifted_shared_strings(path: Path) -> Path:
    """A comment and an empty entry before the long string; cells use a second <v>."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v><v>1</v></c></row>' for r in range(2, 50_002)
    )
    items = f"<!-- note --><si/><si><t>{'项' * 32_000}</t></si>"
    return handmade(path, [("台账", _sheet(HEADER_ROW + rows))], _shared(items, 2))


BOMBS = {
    # the red team's cases
    "far_cell_on_three_sheets": (far_cell_on_three_sheets, ["表1", "A1:KN250000", "1200 万"]),
    "one_long_string_50000_times": (one_long_string_50000_times, ["台账", "共享文字", "256 MB"]),
    "lying_dimension": (lying_dimension, ["台账", "A1:KN249999", "1200 万"]),
    "missing_dimension": (missing_dimension, ["台账", "A1:KN249999", "1200 万"]),
    "merged_ranges_100000": (merged_ranges_100000, ["台账", "100,000 处合并单元格", "50,000"]),
    # the same, written so that a scan of the usual form would miss them
    "prefixed_far_cell": (prefixed_far_cell, ["台账", "A1:KN250000", "1200 万"]),
    "rows_without_numbers": (rows_without_numbers, ["台账", "A1:KN50002", "1200 万"]),
    "duplicate_reference": (duplicate_reference, ["台账", "A1:KN250000", "1200 万"]),
    "lying_unique_count": (lying_unique_count, ["共享文字表", "400000 万条", "1200 万条"]),
    "forty_sheets_on_one_part": (forty_sheets_on_one_part, ["各工作表合计", "2400 万"]),
    "shifted_shared_strings": (shifted_shared_strings, ["台账", "共享文字", "256 MB"]),
}


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_workbook_huge_once_read_is_refused_in_a_4gb_process(bomb, tmp_path):
    """Refused with one plain line naming the sheet and the limit, in seconds; the child process
    ends normally (on main these abort with SIGABRT, or take gigabytes, or minutes)."""
    build, expected = BOMBS[bomb]
    path = build(tmp_path / f"{bomb}.xlsx")
    assert path.stat().st_size < 1024 * 1024
    result = probe(path, cap_mb=4096)
    assert result["outcome"] == "refused", result
    message = result["message"]
    assert "\n" not in message and "Traceback" not in message
    assert all(part in message for part in expected), message
    assert result["seconds"] < 5 and result["extra_mb"] < 500, result
