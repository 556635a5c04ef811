"""Every bad file gets a clear message and changes nothing."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop_app.importers import ImportRefused, apply_preview, open_import, preview_file
from desktop_app.importers.safety import OLE_MAGIC, Limits, check_xlsx

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"/></sheets></workbook>'
)


def fake_xlsx(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        for name, data in members.items():
            z.writestr(name, data)
    return path


def billion_laughs() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = f"&lol{i - 1};" if i > 1 else "&lol;"
        lines.append(f'<!ENTITY lol{i} "{prev * 10}">')
    lines.append("]>")
    lines.append(
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    return "\n".join(lines)


def make_bad(kind: str, tmp_path: Path) -> Path:
    """One bad file of each kind the issue lists."""
    path = tmp_path / f"{kind}.xlsx"
    if kind == "not_xlsx":
        path.write_text("项目名称,总投资\n鑫达钢铁,100\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "word_zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", _CONTENT_TYPES)
            z.writestr("word/document.xml", "<document/>")
    elif kind == "truncated":
        good = tmp_path / "good.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["项目名称", "建设单位"])
        wb.save(good)
        path.write_bytes(good.read_bytes()[:-200])
    elif kind == "password":
        path = FIXTURES / "password_protected.xlsx"
    elif kind == "old_xls":
        path = tmp_path / "old_xls.xls"
        path.write_bytes(OLE_MAGIC + b"\x00" * 4088)
    elif kind == "no_header":
        wb = openpyxl.Workbook()
        for i in range(30):
            wb.active.append([i, i * 2.5, "数据"])
        wb.save(path)
    elif kind == "too_large":
        with path.open("wb") as f:  # sparse: 101 MB without writing them
            f.write(b"PK\x03\x04")
            f.truncate(101 * 1024 * 1024)
    elif kind == "zip_bomb":
        fake_xlsx(path, {"xl/worksheets/sheet1.xml": b" " * (40 * 1024 * 1024)})
    elif kind == "entity_bomb":
        fake_xlsx(path, {"xl/sharedStrings.xml": billion_laughs()})
    elif kind == "external_entity":
        fake_xlsx(
            path,
            {
                "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                '"file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&e;'
                "</t></is></c></row></sheetData></worksheet>"
            },
        )
    elif kind == "too_many_members":
        fake_xlsx(path, {f"xl/media/image{i}.png": b"x" for i in range(1001)})
    else:  # pragma: no cover
        raise AssertionError(kind)
    return path


CASES = {
    "not_xlsx": "不是 Excel 工作簿（.xlsx）文件",
    "empty": "是空文件",
    "word_zip": "不是 Excel 工作簿（可能是 Word",
    "truncated": "已损坏",
    "password": "设有打开密码",
    "old_xls": "旧版 Excel（.xls）",
    "no_header": "找不到可识别的表头",
    "too_large": "超过导入上限 100 MB",
    "zip_bomb": "压缩比异常",
    "entity_bomb": "文档类型声明",
    "external_entity": "文档类型声明",
    "too_many_members": "超过上限 1000",
}


@pytest.mark.parametrize("kind", list(CASES))
def test_bad_file_is_refused_with_a_plain_message_and_nothing_changes(kind, store, tmp_path):
    path = make_bad(kind, tmp_path)
    actions, projects = store.action_count(), store.project_count()
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as info:
        preview_file(store, path)
    assert time.perf_counter() - started < 5
    message = str(info.value)
    assert CASES[kind] in message
    assert "\n" not in message and "Traceback" not in message
    assert store.action_count() == actions and store.project_count() == projects


def test_entity_bomb_is_refused_quickly_in_bounded_memory(tmp_path):
    path = make_bad("entity_bomb", tmp_path)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportRefused):
        open_import(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20 * 1024 * 1024


def test_zip_bomb_with_a_lying_size_header_is_still_bounded(tmp_path):
    """A member whose header claims a small size cannot make the check read more."""
    path = make_bad("zip_bomb", tmp_path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    # patch the central directory's uncompressed size to something plausible
    real = info.file_size.to_bytes(4, "little")
    index = data.rfind(real)
    data[index : index + 4] = (1000).to_bytes(4, "little")
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(bytes(data))
    with pytest.raises(ImportRefused):
        check_xlsx(lying)


def test_limits_are_settings(tmp_path):
    path = make_bad("no_header", tmp_path)
    with pytest.raises(ImportRefused, match="超过导入上限"):
        check_xlsx(path, Limits(file_bytes=1000))
    check_xlsx(path)  # within the default limits


def test_text_in_a_number_column_refuses_the_import(store, tmp_path):
    path = tmp_path / "文字金额.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "建设单位", "总投资（亿元）"])
    ws.append(["新项目", "某公司", "约三亿"])
    wb.save(path)
    preview = preview_file(store, path)
    (row,) = preview.rejected
    assert row.row == 2 and "总投资" in row.detail and "约三亿" in row.detail
    actions = store.action_count()
    with pytest.raises(ImportRefused, match="第 2 行"):
        apply_preview(store, preview)
    assert store.action_count() == actions and store.project_count() == 51
