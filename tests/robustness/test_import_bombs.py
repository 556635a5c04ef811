"""Hostile workbooks are refused quickly and in bounded memory, measured in a child process.

Each bomb is opened by ``open_import`` in a fresh Python process whose address space is capped
at what it already uses plus 512 MB: an import that expanded the bomb would die of MemoryError
instead of passing.  The child reports the time taken and its peak resident memory.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
GIB = 1 << 30

PROBE = r"""
import json, resource, sys, time
from desktop_app.importers import ImportRefused, open_import
def vm_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmSize:"):
            return int(line.split()[1])
cap = (vm_kb() + 512 * 1024) * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    open_import(sys.argv[1])
    outcome, message = "accepted", ""
except ImportRefused as exc:
    outcome, message = "refused", str(exc)
except MemoryError:
    outcome, message = "memory", ""
print(json.dumps({
    "outcome": outcome,
    "message": message,
    "seconds": time.perf_counter() - started,
    "extra_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
}, ensure_ascii=False))
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")


def _probe(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    print(f"\n{path.name}: {result}")
    return result


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
    result = _probe(laughs_workbook)
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
    result = _probe(path)
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
    result = _probe(zip_bomb)
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
    result = _probe(lying)
    assert result["outcome"] == "refused", result
    assert result["seconds"] < 5.0 and result["extra_mb"] < 100
