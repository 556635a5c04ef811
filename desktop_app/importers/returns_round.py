"""The combined preview of a round of returns (issue 17, item 3): its files, and per project
what the round would do, with the conflicts to resolve before it can be applied.

A project reported in two files (or in the same file sent twice) is a *conflict*: neither
value is taken, nor summed, until the user says which file wins (:meth:`RoundPreview.resolve`
for one project, :meth:`RoundPreview.prefer` for every project of a file) or drops a file from
the round (:meth:`RoundPreview.drop`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..domain.periods import Period
from ..domain.text import shown
from .errors import ImportRefused
from .preview import MONTH_VALUE_LABELS, STATUS_LABELS, ImportPreview, RowResult

LineStatus = Literal["new", "changed", "unchanged", "rejected", "conflict"]
LINE_LABELS: dict[str, str] = {**STATUS_LABELS, "conflict": "冲突"}
_UNKNOWN = "（无法识别的文件）"  # the unit of a file refused before its template was read


@dataclass
class ReturnFile:
    """One file of the round: the unit it is from (its template's 责任单位), whether it came
    after the deadline, why it is refused (None: read), and its monthly preview."""

    name: str  # unique in the round
    origin: Path  # what the user chose: the file, or the .zip holding it
    digest: str = ""
    unit: str | None = None
    refused: str | None = None
    preview: ImportPreview | None = None
    late: bool = False
    same_as: str | None = None  # an earlier file of the round with the same bytes
    dropped: bool = False  # left out of the round by the user
    warnings: list[str] = field(default_factory=list)
    #: Every value the file gives each row, by Excel row (a changed row's preview holds
    #: only its changes): what 与上月相同 compares.
    values: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def applied(self) -> bool:
        """Read and not left out: its rows take part in the round."""
        return self.refused is None and not self.dropped

    @property
    def blank(self) -> bool:
        """Read, but no project filled in (the template sent back as it went out)."""
        return self.preview is not None and not self.preview.rows

    @property
    def state(self) -> str:
        """拒绝 / 已移出 / 逾期 / 按时 (what the file line of the preview says)."""
        if self.refused is not None:
            return "拒绝"
        if self.dropped:
            return "已移出"
        return "逾期" if self.late else "按时"


@dataclass
class Entry:
    """One project row of one file."""

    file: ReturnFile
    row: RowResult
    values: dict[str, Any] = field(default_factory=dict)  # every value the file gives it
    same_as_last: list[str] = field(default_factory=list)  # labels equal to last month's

    @property
    def warnings(self) -> list[str]:
        """What the review should look at: the row's warnings, then each cell equal to last
        month's (与上月相同)."""
        same = [
            f"{label}与上月相同（{shown(self.values[field])}）"
            for field, label in MONTH_VALUE_LABELS.items()
            if label in self.same_as_last
        ]
        return [*self.row.warnings, *same]

    @property
    def detail(self) -> str:
        if self.row.status == "rejected":
            return self.row.detail
        return "；".join(
            [*(c.text for c in self.row.changes), *self.warnings]
            if self.row.status == "changed"
            else self.warnings
        )


@dataclass
class ProjectLine:
    """A project of the round: every row of it in the round's files."""

    project_id: int
    code: str
    name: str
    department: str | None
    entries: list[Entry] = field(default_factory=list)
    chosen: str | None = None  # the file that wins a conflict (resolve / prefer)

    @property
    def candidates(self) -> list[Entry]:
        """The rows of files taking part that would set this project's report."""
        return [e for e in self.entries if e.file.applied and e.row.status != "rejected"]

    @property
    def rejected(self) -> list[Entry]:
        return [e for e in self.entries if e.file.applied and e.row.status == "rejected"]

    @property
    def conflict(self) -> bool:
        """Reported by more than one file and not resolved."""
        names = [e.file.name for e in self.candidates]
        return len(names) > 1 and self.chosen not in names

    @property
    def entry(self) -> Entry | None:
        """The row the round applies (None: a conflict, or no row to apply)."""
        found = self.candidates
        if len(found) == 1:
            return found[0]
        return next((e for e in found if e.file.name == self.chosen), None)

    @property
    def status(self) -> LineStatus:
        if self.conflict:
            return "conflict"
        entry = self.entry
        if entry is not None:
            return entry.row.status
        return "rejected"


@dataclass(frozen=True)
class UnitSummary:
    """One unit of the round: its files and how many of its rows are new, changed …"""

    unit: str
    files: tuple[str, ...]
    late: bool
    refused: int
    counts: dict[str, int]


@dataclass
class RoundPreview:
    """What receiving a round of returns would do, before anything is written."""

    period: Period
    received: dt.date
    deadline: dt.date
    files: list[ReturnFile]
    lines: dict[int, ProjectLine]
    orphans: list[Entry] = field(default_factory=list)  # refused rows naming no project
    notes: list[str] = field(default_factory=list)
    closed: bool = False  # the period is closed (关账): nothing can be applied
    unit_order: list[str] = field(default_factory=list)
    #: When the files were received as recorded (None: the moment the round is applied).
    received_at: str | None = None

    # ------------------------------------------------------------------ the files
    @property
    def taken(self) -> list[ReturnFile]:
        """The files taking part (read, not dropped), in order."""
        return [f for f in self.files if f.applied]

    @property
    def refused(self) -> list[ReturnFile]:
        return [f for f in self.files if f.refused is not None]

    def file(self, name: str) -> ReturnFile:
        """The file the user names: its name in the round, else its file name or path (the
        first file of that name)."""
        for f in self.files:
            if f.name == name:
                return f
        wanted = Path(name)
        for f in self.files:  # a file as the user gave it (a path, or its name)
            if "／" not in f.name and (f.origin == wanted or f.origin.name == wanted.name):
                return f
        for f in self.files:  # a member of an archive by its own name
            if f.name.rsplit("／", 1)[-1] == wanted.name:
                return f
        raise ImportRefused(
            f"本轮没有文件“{name}”（本轮的文件：{'、'.join(f.name for f in self.files)}）"
        )

    # --------------------------------------------------------------- resolving
    def resolve(self, code: str, file: str) -> None:
        """Take project ``code``'s row from ``file`` (a conflict resolved)."""
        line = next((x for x in self.lines.values() if x.code == code), None)
        if line is None:
            raise ImportRefused(f"本轮的文件中没有项目“{code}”")
        chosen = self.file(file)
        if chosen.name not in [e.file.name for e in line.candidates]:
            raise ImportRefused(f"“{chosen.name}”中没有可采用的项目“{code}”（{line.name}）")
        line.chosen = chosen.name

    def prefer(self, file: str) -> int:
        """``file`` wins every conflict it is part of; how many projects that resolved."""
        chosen = self.file(file)
        if not chosen.applied:
            raise ImportRefused(f"“{chosen.name}”不在本轮中（{chosen.refused or '已移出'}）")
        count = 0
        for line in self.lines.values():
            if line.conflict and chosen.name in [e.file.name for e in line.candidates]:
                line.chosen = chosen.name
                count += 1
        return count

    def drop(self, file: str) -> None:
        """Leave ``file`` out of the round (its rows no longer count)."""
        self.file(file).dropped = True

    # --------------------------------------------------------------- reading it
    @property
    def conflicts(self) -> list[ProjectLine]:
        return [x for x in self.lines.values() if x.conflict]

    @property
    def rejected(self) -> list[Entry]:
        """Every refused row of the files taking part (those naming no project too)."""
        return [
            *(e for x in self.lines.values() for e in x.rejected),
            *(e for e in self.orphans if e.file.applied),
        ]

    def of(self, status: LineStatus) -> list[ProjectLine]:
        return [x for x in self.lines.values() if x.status == status and x.candidates]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(LINE_LABELS, 0)
        for line in self.lines.values():
            if line.candidates:
                out[line.status] += 1
        out["rejected"] = len(self.rejected)
        return out

    @property
    def has_changes(self) -> bool:
        return any(x.status in ("new", "changed") for x in self.lines.values())

    def summary(self) -> str:
        """One line: 8 个文件（拒绝 2 个，逾期 1 个）：新增 …，冲突 … 个项目."""
        c = self.counts()
        late = sum(f.late for f in self.taken)
        refused = len(self.refused)
        head = f"{len(self.files)} 个文件"
        extra = [f"拒绝 {refused} 个"] * bool(refused) + [f"逾期 {late} 个"] * bool(late)
        if extra:
            head += f"（{'，'.join(extra)}）"
        return (
            f"{head}：新增 {c['new']} 条，修改 {c['changed']} 条，未变 {c['unchanged']} 条，"
            f"冲突 {c['conflict']} 个项目，拒绝 {c['rejected']} 行"
        )

    def units(self) -> list[UnitSummary]:
        """Per unit (the directory's order, then the others): its files and rows."""
        per: dict[str, dict[str, Any]] = {}
        for f in self.files:
            unit = f.unit or _UNKNOWN
            entry = per.setdefault(
                unit,
                {"files": [], "late": False, "refused": 0, "counts": dict.fromkeys(LINE_LABELS, 0)},
            )
            entry["files"].append(f.name)
            entry["late"] |= f.late and f.applied
            entry["refused"] += f.refused is not None
        for line in self.lines.values():
            status = line.status
            if line.candidates:  # a conflict counts once for each unit in it
                chosen = [line.entry] if line.entry is not None else line.candidates
                for unit in dict.fromkeys(e.file.unit or _UNKNOWN for e in chosen):
                    per[unit]["counts"][status] += 1
            for e in line.rejected:
                per[e.file.unit or _UNKNOWN]["counts"]["rejected"] += 1
        for e in self.orphans:
            if e.file.applied:
                per[e.file.unit or _UNKNOWN]["counts"]["rejected"] += 1
        order = {u: i for i, u in enumerate(self.unit_order)}
        names = sorted(per, key=lambda u: (u not in order, order.get(u, 0), u))
        return [
            UnitSummary(
                u, tuple(per[u]["files"]), per[u]["late"], per[u]["refused"], per[u]["counts"]
            )
            for u in names
        ]
