"""The files of a round of returns (issue 17, item 3): what the user chose — files, folders,
.zip archives — as one list of workbooks to read, each with the digest of its bytes.

A folder gives the workbooks directly inside it (.xlsx .xlsm .xls .xlsb .ods) and the .zip
files beside them; its subfolders are not read (named in the notes), nor Excel's lock files
(``~$…``).  A .zip is an untrusted archive: its members are counted, their declared and real
sizes and their compression ratio checked (:func:`.refusals.check_members`,
:func:`.refusals.scan_member`), a member whose name holds ``..``, an absolute path or a drive
is refused and never read, and a member is copied (streamed, checked on the way) into a
private temporary folder under a generated name (``成员-001.xlsx``) — no name from the
archive ever becomes a path on disk.  A .zip inside a .zip is not opened.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .errors import ImportRefused
from .refusals import check_members, scan_member, zip_refusals
from .scan_parts import DEFAULT_LIMITS, Limits

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class RoundFile:
    """One workbook of the round: ``name`` is how the round names it (its file name; a zip
    member as “压缩包.zip／成员名”), ``path`` where it is read from (the file itself, or the
    private copy of a member), ``refused`` why it is not read (None: it is)."""

    name: str
    path: Path | None
    origin: Path  # what the user chose: the file, or the .zip holding it
    digest: str = ""
    refused: str | None = None


@dataclass
class Gathered:
    """The workbooks of the round and what was left out of it (lines for the preview)."""

    files: list[RoundFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@contextmanager
def gathered(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS) -> Iterator[Gathered]:
    """The workbooks ``paths`` name, with the members of archives copied into a private
    temporary folder that is removed on leaving."""
    work = Path(tempfile.mkdtemp(prefix="keyprojects-returns-"))
    try:
        out = Gathered()
        for given in paths:
            _add(Path(given), out, work, limits)
        yield out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _add(path: Path, out: Gathered, work: Path, limits: Limits) -> None:
    if path.is_dir():
        _add_folder(path, out, work, limits)
    elif path.suffix.lower() == ".zip" and path.is_file():
        _add_zip(path, out, work, limits)
    elif not path.exists():
        out.files.append(RoundFile(path.name, None, path, refused=f"找不到文件“{path}”"))
    else:
        out.files.append(RoundFile(path.name, path, path, digest=file_digest(path)))


def _add_folder(folder: Path, out: Gathered, work: Path, limits: Limits) -> None:
    skipped: list[str] = []
    found = 0
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if name.startswith(("~$", ".")):
            continue  # Excel's lock files, hidden files
        if entry.is_dir():
            skipped.append(f"{name}（子文件夹）")
        elif entry.suffix.lower() == ".zip":
            found += 1
            _add_zip(entry, out, work, limits)
        elif entry.suffix.lower() in WORKBOOK_SUFFIXES:
            found += 1
            out.files.append(RoundFile(name, entry, entry, digest=file_digest(entry)))
        else:
            skipped.append(name)
    if skipped:
        out.notes.append(f"文件夹“{folder.name}”中未读取：{'、'.join(skipped)}")
    if not found:
        out.notes.append(f"文件夹“{folder.name}”中没有工作簿（.xlsx .xlsm .xls .xlsb .ods）或 .zip")


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (hex): the same file sent twice has the same one."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: archives made by Windows' own zip tool (and
    many others) in China store names in GBK without saying so; zipfile reads them as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return name


def unsafe_member(name: str) -> bool:
    """Whether a member's name is a path that must never be written: ``..`` anywhere, an
    absolute path (/…, \\…) or a drive (C:…)."""
    unified = name.replace("\\", "/")
    parts = PurePosixPath(unified).parts
    return unified.startswith("/") or bool(_DRIVE.match(unified)) or ".." in parts


def _add_zip(path: Path, out: Gathered, work: Path, limits: Limits) -> None:
    where = len(out.files)
    try:
        with zip_refusals(path.name, "压缩包（.zip）"), zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_members(infos, path.name, limits)
            _members(path, archive, infos, out, work, limits)
    except ImportRefused as exc:
        del out.files[where:]  # the archive as a whole is refused
        out.files.append(RoundFile(path.name, None, path, refused=str(exc)))


def _members(
    path: Path,
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    out: Gathered,
    work: Path,
    limits: Limits,
) -> None:
    skipped: list[str] = []
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        inner = member_name(info)
        shown = f"{path.name}／{inner}"
        if unsafe_member(inner):
            out.files.append(
                RoundFile(
                    shown,
                    None,
                    path,
                    refused=f"压缩包“{path.name}”中的“{inner}”路径不安全（含“..”或绝对路径），"
                    "未读取",
                )
            )
            continue
        base = PurePosixPath(inner.replace("\\", "/")).name
        suffix = PurePosixPath(base).suffix.lower()
        if base.startswith(("~$", ".")) or inner.startswith("__MACOSX/"):
            continue
        if suffix not in WORKBOOK_SUFFIXES:
            skipped.append(inner)
            continue
        if info.file_size > limits.file_bytes:
            out.files.append(
                RoundFile(
                    shown,
                    None,
                    path,
                    refused=f"“{shown}”解压后有 {info.file_size / 1024 / 1024:.0f} MB，"
                    f"超过工作簿的上限 {limits.file_bytes / 1024 / 1024:.0f} MB，未读取",
                )
            )
            continue
        target = work / f"成员-{len(out.files) + 1:03d}{suffix}"  # a generated name only
        room = limits.uncompressed_bytes - total  # what the archive may still unpack
        member_limits = replace(limits, uncompressed_bytes=min(limits.file_bytes, room))
        try:
            with target.open("wb") as sink:
                keep = _Keep(sink)
                total += scan_member(archive, info, shown, member_limits, 0, keep)
        except ImportRefused as exc:
            target.unlink(missing_ok=True)
            if room <= limits.file_bytes:
                raise  # the archive as a whole unpacks to too much
            out.files.append(RoundFile(shown, None, path, refused=str(exc)))
            continue
        out.files.append(RoundFile(shown, target, path, digest=keep.digest))
    if skipped:
        out.notes.append(f"压缩包“{path.name}”中未读取：{'、'.join(skipped)}")


class _Keep:
    """Where :func:`scan_member` puts a member's bytes: the private copy and its digest."""

    def __init__(self, sink: BinaryIO) -> None:
        self.sink = sink
        self.hash = hashlib.sha256()
        self.digest = ""

    def feed(self, chunk: bytes) -> None:
        self.sink.write(chunk)
        self.hash.update(chunk)

    def finish(self) -> None:
        self.digest = self.hash.hexdigest()
