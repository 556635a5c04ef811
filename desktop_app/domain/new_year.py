"""A new year (年度切换): the new year's key-project list proposed from the old year's.

Each year the city publishes its 年度重点项目名单.  A project that is not finished stays on the
list (新建 in its first year, 续建 after); a finished one (竣工/投产) leaves it or moves to the
建成达产达效 list; reserve projects (储备库: 谋划 → 前期) enter when they are ready to start
(see ``shared/DOMAIN.md``, "The year and the round").  :func:`propose` applies these rules to
every project of the ledger, as it stood in the old year:

============================  =============  ==========================  ==================
上年的状态                     上年在名单内    新年度                        新年度建设性质
============================  =============  ==========================  ==================
在建                           是             结转，必列（carry）           续建（新建转续建）
停缓建                         是             结转，必列（carry）           复产项目仍为复产，其余续建
前期                           是             结转，必列（carry）           新建（尚未开工）
未填状态                       是             结转，必列（carry）           上年性质，新建转续建
竣工、投产                     是             可列入建成达产达效（finished）  竣工投产
谋划                           是或否         储备，可列入（reserve）        谋划储备
前期                           否             储备，可列入（reserve）        新建
在建、停缓建、竣工、投产、未填    否             不列入（drop）                —
============================  =============  ==========================  ==================

So "unfinished" is 在建, 停缓建 and 前期 (and an unknown status: no project silently leaves the
list): a 前期 project that the old list named is still to be started, hence 新建, not 续建.
谋划 is never carried: a project still being conceived enters a list only when chosen.  A
project the old list did not name is not brought back unless it is a reserve project: the
office took it off.

A carried project keeps its 项目清单; a finished one chosen for the new list leaves
在建如期投产项目 and joins 建成达产达效项目.  The new year's 年度计划投资 and 建设目标 start
empty, to be filled (import, form).  Lines of kind ``finished`` and ``reserve`` are *offered*:
the user ticks them (defaults: finished ones in, reserve ones out, see :func:`propose`).
Every line says why, in one Chinese sentence.  Pure: no I/O, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

#: The kinds of proposal line, in the order the preview shows them.
CARRY, FINISHED, RESERVE, DROP = "carry", "finished", "reserve", "drop"
KINDS = (CARRY, FINISHED, RESERVE, DROP)
KIND_LABELS = {CARRY: "结转续建", FINISHED: "竣工投产", RESERVE: "储备项目", DROP: "不再列入"}

#: The 项目清单 a finished project moves to, and the one it leaves.
FINISHED_LIST = "建成达产达效项目"
STARTING_LIST = "在建如期投产项目"

UNFINISHED_STATUSES = frozenset({"在建", "停缓建", "前期"})
FINISHED_STATUSES = frozenset({"竣工", "投产"})
RESERVE_STATUSES = frozenset({"谋划", "前期"})


class NewYearError(ValueError):
    """A new year that cannot be proposed (the message is plain Chinese)."""


@dataclass(slots=True)
class OldYearProject:
    """A project as it stood in the old year: its status now, and its row of that year
    (``on_list`` False and the rest empty when it had none)."""

    project_id: int
    code: str
    name: str
    status: str | None
    on_list: bool
    nature: str | None = None
    lists: tuple[str, ...] = ()
    annual_plan: Decimal | None = None


@dataclass(slots=True)
class ProposalLine:
    """What the new year does with one project.  ``nature`` and ``lists`` are the new
    year's, should the project be on the new list; ``offered`` lines are the user's choice,
    ``default`` their choice unless told otherwise.  (Not frozen, as :class:`OldYearProject`:
    a frozen dataclass is built twice as slowly, and a ledger has 100,000 of them.)"""

    project: OldYearProject
    kind: str
    offered: bool
    default: bool
    nature: str | None
    lists: tuple[str, ...]
    reason: str

    @property
    def project_id(self) -> int:
        return self.project.project_id

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(slots=True)
class YearProposal:
    """The new year's list as proposed: one line per project of the ledger."""

    old_year: int
    new_year: int
    lines: list[ProposalLine] = field(default_factory=list)

    def is_included(self, line: ProposalLine, choices: Mapping[int, bool] | None = None) -> bool:
        """Whether ``line`` is on the new list: carried ones always, dropped ones never, an
        offered one as ``choices`` says (by project id), else as its default."""
        if not line.offered:
            return line.kind == CARRY
        if choices is not None and line.project_id in choices:
            return bool(choices[line.project_id])
        return line.default

    def included(self, choices: Mapping[int, bool] | None = None) -> list[ProposalLine]:
        """The lines on the new list."""
        return [line for line in self.lines if self.is_included(line, choices)]

    def counts(self) -> dict[str, int]:
        """Lines by kind (every kind present, in :data:`KINDS` order)."""
        return _by_kind(self.lines)

    def included_counts(self, choices: Mapping[int, bool] | None = None) -> dict[str, int]:
        """Lines on the new list by kind."""
        return _by_kind(self.included(choices))

    def summary(self, choices: Mapping[int, bool] | None = None) -> str:
        """One Chinese sentence: the kinds, what is chosen, and the new list's size."""
        counts, chosen = self.counts(), self.included_counts(choices)
        total = sum(chosen.values())
        return (
            f"{self.new_year}年名单（依据{self.old_year}年名单）：结转续建 {counts[CARRY]} 个；"
            f"竣工投产 {counts[FINISHED]} 个，列入建成达产达效 {chosen[FINISHED]} 个；"
            f"储备项目 {counts[RESERVE]} 个，列入 {chosen[RESERVE]} 个；"
            f"不再列入 {counts[DROP]} 个。新年度名单共 {total} 个项目，年度计划投资待填报。"
        )


def _by_kind(lines: Iterable[ProposalLine]) -> dict[str, int]:
    out = dict.fromkeys(KINDS, 0)
    for line in lines:
        out[line.kind] += 1
    return out


def propose(
    old_year: int,
    new_year: int,
    projects: Iterable[OldYearProject],
    *,
    include_finished: bool = True,
    include_reserve: bool = False,
) -> YearProposal:
    """The new year's list from the old year's (the rules are in the module's docstring).
    ``include_finished`` / ``include_reserve`` are the defaults of the offered lines.
    Raises :class:`NewYearError` unless ``new_year`` comes after ``old_year``."""
    if new_year <= old_year:
        raise NewYearError(f"新年度应晚于{old_year}年，不能是{new_year}年")
    proposal = YearProposal(old_year, new_year)
    append = proposal.lines.append
    for project in projects:
        append(_line(project, include_finished, include_reserve))
    return proposal


def _line(p: OldYearProject, include_finished: bool, include_reserve: bool) -> ProposalLine:
    status, lists = p.status, p.lists
    shown = status or "未填状态"
    if p.on_list and (status in UNFINISHED_STATUSES or status is None):
        nature, reason = _carried_nature(p)
        return ProposalLine(p, CARRY, False, True, nature, lists, reason)
    if p.on_list and status in FINISHED_STATUSES:
        moved = tuple(x for x in lists if x not in (STARTING_LIST, FINISHED_LIST))
        return ProposalLine(
            p,
            FINISHED,
            True,
            include_finished,
            "竣工投产",
            (*moved, FINISHED_LIST),
            f"已{status}：可列入{FINISHED_LIST}，不选则不再列入",
        )
    if status in RESERVE_STATUSES:
        where = "上年名单内的谋划项目" if p.on_list else "储备项目，上年不在名单内"
        nature = "谋划储备" if status == "谋划" else "新建"
        return ProposalLine(
            p,
            RESERVE,
            True,
            include_reserve,
            nature,
            lists,
            f"{status}，{where}：可列入，建设性质为{nature}",
        )
    return ProposalLine(p, DROP, False, False, None, (), f"{shown}，上年不在名单内：不再列入")


def _carried_nature(p: OldYearProject) -> tuple[str | None, str]:
    """The new nature of a carried project, and the line's reason."""
    old = p.nature
    if p.status == "前期":
        return "新建", "前期，上年名单内，尚未开工：结转，建设性质为新建"
    if p.status == "停缓建" and old == "复产":
        return "复产", "停缓建，尚待复产：结转，建设性质仍为复产"
    if p.status is None:
        nature = "续建" if old == "新建" else old
        said = f"建设性质为{nature}" if nature else "建设性质未填"
        return nature, f"未填状态，上年名单内：按未完工结转，{said}"
    was = f"（上年{old}）" if old and old != "续建" else ""
    return "续建", f"{p.status}，未完工：结转，建设性质为续建{was}"
