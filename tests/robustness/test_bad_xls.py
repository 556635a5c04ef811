"""Bad .xls files (OLE compound files) are refused fast, with one clear line, in bounded memory.

Two kinds of bad file: the LibreOffice-made ``ledger.xls`` fixture damaged the ways files get
damaged or forged (cut short, a declared stream far bigger than the file, a loop or a hole in
the sector table); and workbooks built here record by record (:func:`ole` and :func:`biff`)
that are sound files but declare or hold what python-calamine would allocate without bound:
a DIMENSIONS record of billions of cells, one cell at the far corner of the sheet, one long
shared string copied by every cell.  The same builder's small, sound workbook imports, so a
refusal is the check's, not a builder's mistake.

Each file is opened by ``open_import`` in a fresh Python process whose address space is capped
at what it already uses plus 512 MB: an import that allocated what the file declares would die
(MemoryError, or SIGABRT from a failed Rust allocation) instead of passing.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.importers import ImportRefused, open_import
from tests.robustness.capped_import import probe

ROOT = Path(__file__).resolve().parents[2]
LEDGER_XLS = ROOT / "tests" / "fixtures" / "workbooks" / "ledger.xls"

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")


# ------------------------------------------------------------------------------------------
# A compound file and BIFF8 records, written here

ENDOFCHAIN, FATSECT, FREESECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF


def ole(stream: bytes, name: str = "Workbook") -> bytes:
    """A version-3 compound file (512-byte sectors) holding one stream (padded to 4096 bytes
    so it lives in the FAT, not the mini stream)."""
    stream = stream.ljust(4096, b"\0")
    data_sectors = -(-len(stream) // 512)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + 1 + data_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109
    fat = [FATSECT] * fat_sectors + [ENDOFCHAIN]  # then the directory sector
    first = len(fat)
    fat += [first + i + 1 for i in range(data_sectors - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (fat_sectors * 128 - len(fat))
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into(
        "<IIIIIIII", header, 44, fat_sectors, fat_sectors, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0
    )
    difat = list(range(fat_sectors)) + [FREESECT] * (109 - fat_sectors)
    header[76:512] = struct.pack("<109I", *difat)

    def entry(text: str, kind: int, start: int, size: int, child: int = NOSTREAM) -> bytes:
        raw = bytearray(128)
        encoded = text.encode("utf-16-le") + b"\0\0"
        raw[: len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, NOSTREAM, NOSTREAM, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    directory = entry("Root Entry", 5, ENDOFCHAIN, 0, child=1) + entry(name, 2, first, len(stream))
    directory = directory.ljust(512, b"\0")
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return bytes(header) + fat_bytes + directory + stream.ljust(data_sectors * 512, b"\0")


def rec(typ: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", typ, len(body)) + body


def bof(kind: int) -> bytes:
    return rec(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x0006))


def short_text(text: str) -> bytes:
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def biff(
    sheet_records: list[bytes],
    *,
    strings: list[str] = (),
    globals_extra: list[bytes] = (),
    sheet: str = "台账",
) -> bytes:
    """A BIFF8 workbook stream: globals (with a shared-string table) and one worksheet."""
    sst = _sst(strings) if strings else b""
    name = short_text(sheet)

    def globals_(position: int) -> bytes:
        bound = rec(0x0085, struct.pack("<IBB", position, 0, 0) + name)
        return bof(0x0005) + b"".join(globals_extra) + rec(0x0042, b"\xb0\x04") + bound + sst

    head = globals_(0)
    position = len(head) + 4  # + the EOF of the globals
    glob = globals_(position) + rec(0x000A)
    assert len(glob) == position
    return glob + bof(0x0010) + b"".join(sheet_records) + rec(0x000A)


def _sst(strings: list[str]) -> bytes:
    """The SST record and its CONTINUE records (at most 8224 bytes each): a string's header is
    never split; its characters may be, the CONTINUE then starting with their width again."""
    records: list[bytearray] = [bytearray(struct.pack("<II", len(strings), len(strings)))]
    for text in strings:
        if len(records[-1]) + 3 + 2 > 8224:
            records.append(bytearray())
        records[-1] += struct.pack("<HB", len(text), 1)
        chars = text.encode("utf-16-le")
        while chars:
            room = (8224 - len(records[-1])) // 2 * 2
            records[-1] += chars[:room]
            chars = chars[room:]
            if chars:
                records.append(bytearray(b"\x01"))
    return rec(0x00FC, bytes(records[0])) + b"".join(rec(0x003C, bytes(r)) for r in records[1:])


def number(row: int, col: int, value: float) -> bytes:
    return rec(0x0203, struct.pack("<HHHd", row, col, 0, value))


def label_sst(row: int, col: int, index: int) -> bytes:
    return rec(0x00FD, struct.pack("<HHHI", row, col, 0, index))


def dimensions(rows: int, cols: int) -> bytes:
    return rec(0x0200, struct.pack("<IIHHH", 0, rows, 0, cols, 0))


def small_ledger() -> bytes:
    cells = [label_sst(0, 0, 0), label_sst(0, 1, 1), label_sst(0, 2, 2)]
    cells += [label_sst(1, 0, 3), label_sst(1, 1, 4), number(1, 2, 12500)]
    return biff(
        [dimensions(2, 3), *cells],
        strings=["项目名称", "建设单位", "总投资（万元）", "东丰县梅花鹿产业园", "鹿业公司"],
    )


# ------------------------------------------------------------------------------------------


def test_the_builder_makes_workbooks_that_import(tmp_path):
    path = tmp_path / "小台账.xls"
    path.write_bytes(ole(small_ledger()))
    source = open_import(path)
    assert source.sheet.rows == [
        ["项目名称", "建设单位", "总投资（万元）"],
        ["东丰县梅花鹿产业园", "鹿业公司", 12500.0],
    ]


def test_long_shared_strings_are_read_and_measured_across_continue_records(tmp_path):
    """A shared string longer than a record goes on in CONTINUE records: calamine reads it
    whole, and the check counts each cell's copy of it (3 UTF-8 bytes a character at most)."""
    from desktop_app.importers.scan_parts import Limits
    from desktop_app.importers.workbook import read_sheets

    long = "东丰县梅花鹿产业园" * 2000  # 18,000 characters: 36,000 bytes, five records
    path = tmp_path / "长文字.xls"
    path.write_bytes(
        ole(
            biff([label_sst(0, 0, 0), label_sst(0, 1, 1), label_sst(1, 0, 0)], strings=[long, "短"])
        )
    )
    (sheet,) = read_sheets(path)
    assert sheet.rows == [[long, "短"], [long, ""]]
    copies = 2 * 18000 * 3 + 3
    read_sheets(path, Limits(shared_text_bytes=copies))
    with pytest.raises(ImportRefused, match="共享文字"):
        read_sheets(path, Limits(shared_text_bytes=copies - 1))


def _fixture() -> bytearray:
    return bytearray(LEDGER_XLS.read_bytes())


def _entry_offset(data: bytes, name: str) -> int:
    """Where the directory entry of ``name`` is (its UTF-16 name at the start of 128 bytes)."""
    needle = name.encode("utf-16-le") + b"\0\0"
    at = data.find(needle)
    while at >= 0 and (at - 512) % 128:
        at = data.find(needle, at + 1)
    assert at > 0, name
    return at


def damaged(kind: str) -> bytes:
    data = _fixture()
    if kind == "truncated":
        return bytes(data[: len(data) // 2])
    if kind == "huge_stream":
        at = _entry_offset(data, "Workbook")
        struct.pack_into("<I", data, at + 120, 0xFFFFFF00)
        return bytes(data)
    if kind == "fat_loop":
        at = _entry_offset(data, "Workbook")
        start = struct.unpack_from("<I", data, at + 116)[0]
        first_fat = struct.unpack_from("<I", data, 76)[0]
        struct.pack_into("<I", data, 512 + first_fat * 512 + start * 4, start)  # points at itself
        struct.pack_into("<I", data, at + 120, len(data) - 600)  # a loop could serve that much
        return bytes(data)
    if kind == "fat_garbage":  # the sector table overwritten: every chain leads nowhere
        first_fat = struct.unpack_from("<I", data, 76)[0]
        data[512 + first_fat * 512 : 1024 + first_fat * 512] = b"\xab" * 512
        return bytes(data)
    if kind == "fat_count":
        struct.pack_into("<I", data, 44, 0x7FFFFFFF)  # calamine reserves a Vec of that
        return bytes(data)
    if kind == "difat_reserve":
        struct.pack_into("<I", data, 62, 0xFFFFFFFF)  # the u32 calamine reserves a DIFAT of
        return bytes(data)
    if kind == "difat_loop":
        struct.pack_into("<I", data, 68, 1)  # the DIFAT chain: sector 1, whose last entry ...
        struct.pack_into("<I", data, 512 + 512 + 508, 1)  # ... names sector 1 again
        return bytes(data)
    raise AssertionError(kind)


FAR = 65535  # the last BIFF8 row
BUILT = {
    "encrypted": lambda: ole(
        biff(
            [number(0, 0, 1)], globals_extra=[rec(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(48))]
        )
    ),
    "dimensions_bomb": lambda: ole(biff([dimensions(0xFFFFFFFF, 256), number(0, 0, 1)])),
    "far_cell": lambda: ole(biff([number(0, 0, 1), number(FAR, 255, 2)])),
    "shared_text_bomb": lambda: ole(
        biff(
            [label_sst(r, c, 0) for r in range(6000) for c in range(10)],
            strings=["长" * 30000],
        )
    ),
}

CASES = {
    "truncated": "已损坏",
    "huge_stream": "比整个文件",
    "fat_loop": "成环",
    "fat_garbage": "指向文件之外",
    "fat_count": "扇区数超过",
    "difat_reserve": "文件头",
    "difat_loop": "成环",
    "encrypted": "设有打开密码",
    "dimensions_bomb": "声明的数据区域",
    "far_cell": "A1:IV65536",
    "shared_text_bomb": "共享文字",
}


def _bad_file(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.xls"
    path.write_bytes(BUILT[kind]() if kind in BUILT else damaged(kind))
    return path


@pytest.mark.parametrize("kind", list(CASES))
def test_bad_xls_is_refused_fast_in_bounded_memory(kind, tmp_path):
    path = _bad_file(kind, tmp_path)
    result = probe(path)
    assert result["outcome"] == "refused", result
    assert CASES[kind] in result["message"], result["message"]
    assert "\n" not in result["message"] and "Traceback" not in result["message"]
    assert result["message"].startswith(("“", "工作表")), result["message"]
    assert result["seconds"] < 2, result
    assert result["extra_mb"] < 200, result


def test_a_bad_xls_changes_nothing(store, tmp_path):
    from desktop_app.importers import preview_file

    actions, projects = store.action_count(), store.project_count()
    for kind in ("truncated", "huge_stream", "encrypted"):
        with pytest.raises(ImportRefused):
            preview_file(store, _bad_file(kind, tmp_path))
    assert store.action_count() == actions and store.project_count() == projects


# ------------------------------------------------------------------------------------------
# Mutated files of every binary container: only ImportRefused comes out, never an abort

FORMATS = ROOT / "tests" / "fixtures" / "workbooks"
MUTATED = ("ledger.xls", "ledger.ods", "ledger.xlsb")
WORDS = (b"\xff\xff\xff\xff", b"\xfe\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff\x00\x00")


def mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, place, value) edits: a byte, a 32-bit word, a cut, an insertion."""
    out = bytearray(data)
    for kind, place, value in edits:
        at = place % max(1, len(out))
        if kind == 0:
            out[at] = value % 256
        elif kind == 1:
            out[at : at + 4] = WORDS[value % len(WORDS)]
        elif kind == 2:
            out = out[: max(1, at)]
        else:
            out[at:at] = bytes([value % 256]) * (1 + value % 61)
    return bytes(out)


EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1 << 20), st.integers(0, 1 << 16)),
    min_size=1,
    max_size=12,
)


@pytest.mark.parametrize("name", MUTATED)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_mutated_workbooks_give_only_a_refusal(name, edits, tmp_path_factory):
    path = tmp_path_factory.mktemp("mutated") / name
    path.write_bytes(mutate((FORMATS / name).read_bytes(), edits))
    try:
        open_import(path)
    except ImportRefused as exc:
        assert "\n" not in str(exc) and str(exc)
        event("refused")
    else:
        event("accepted")


MUTATION_RUN = r"""
import random, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from test_bad_xls import mutate
from desktop_app.importers import ImportRefused, open_import
def vm_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmSize:"):
            return int(line.split()[1])
cap = (vm_kb() + 512 * 1024) * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
source, out = Path(sys.argv[1]), Path(sys.argv[2])
rng = random.Random(source.name)
data = source.read_bytes()
for i in range(400):
    edits = [(rng.randrange(4), rng.randrange(1 << 20), rng.randrange(1 << 16))
             for _ in range(rng.choice((1, 2, 4, 12)))]
    out.write_bytes(mutate(data, edits))
    try:
        open_import(out)
    except ImportRefused:
        pass
print("done")
"""


@pytest.mark.parametrize("name", MUTATED)
def test_mutated_workbooks_never_abort_in_bounded_memory(name, tmp_path):
    """400 seeded mutations each in a child capped at +512 MB: a failed Rust allocation
    (SIGABRT) or a MemoryError fails the test."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            MUTATION_RUN,
            str(FORMATS / name),
            str(tmp_path / name),
            str(Path(__file__).parent),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert done.returncode == 0 and done.stdout.strip() == "done", done.stderr[-3000:]
