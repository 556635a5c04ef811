"""The new year's list proposed from the old year's (年度切换), on a small ledger with every
kind of project, counted by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.domain.new_year import (
    CARRY,
    DROP,
    FINISHED,
    FINISHED_LIST,
    RESERVE,
    NewYearError,
    OldYearProject,
    propose,
)

CHAIN = "建链强链延链补链项目"

# (id, status, on the 2022 list, 2022 nature, 2022 lists)
LEDGER = [
    (1, "在建", True, "新建", (CHAIN,)),  # carried, 新建 → 续建
    (2, "在建", True, "续建", ()),  # carried, 续建
    (3, "停缓建", True, "复产", ("“双停”企业复产",)),  # carried, still 复产
    (4, "停缓建", True, "续建", ()),  # carried, 续建
    (5, "前期", True, "新建", ()),  # carried, not started: 新建
    (6, None, True, "新建", ()),  # no status: carried, 新建 → 续建
    (7, "竣工", True, "竣工投产", (CHAIN, "在建如期投产项目")),  # offered for 建成达产达效
    (8, "投产", True, "续建", ()),  # offered for 建成达产达效
    (9, "谋划", True, "谋划储备", ()),  # reserve (谋划 is never carried)
    (10, "谋划", False, None, ()),  # reserve
    (11, "前期", False, None, ()),  # reserve, 新建 when chosen
    (12, "在建", False, "续建", ()),  # taken off the old list: dropped
    (13, "投产", False, "竣工投产", ()),  # finished years ago: dropped
    (14, None, False, None, ()),  # dropped
]


def ledger() -> list[OldYearProject]:
    return [
        OldYearProject(pid, f"XM{pid:03d}", f"项目{pid}", status, on, nature, lists, Decimal(100))
        for pid, status, on, nature, lists in LEDGER
    ]


def by_id(proposal):
    return {line.project_id: line for line in proposal.lines}


def test_every_kind_counted_by_hand():
    proposal = propose(2022, 2023, ledger())
    assert proposal.counts() == {CARRY: 6, FINISHED: 2, RESERVE: 3, DROP: 3}
    lines = by_id(proposal)
    assert [pid for pid, line in lines.items() if line.kind == CARRY] == [1, 2, 3, 4, 5, 6]
    assert [pid for pid, line in lines.items() if line.kind == FINISHED] == [7, 8]
    assert [pid for pid, line in lines.items() if line.kind == RESERVE] == [9, 10, 11]
    assert [pid for pid, line in lines.items() if line.kind == DROP] == [12, 13, 14]
    # defaults: finished ones in, reserve ones out: 6 + 2 = 8 on the new list
    assert [line.project_id for line in proposal.included()] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert proposal.included_counts() == {CARRY: 6, FINISHED: 2, RESERVE: 0, DROP: 0}


def test_new_natures():
    lines = by_id(propose(2022, 2023, ledger()))
    natures = {pid: line.nature for pid, line in lines.items()}
    assert natures == {
        1: "续建",  # 新建 of the old year becomes 续建
        2: "续建",
        3: "复产",
        4: "续建",
        5: "新建",  # 前期: not started yet
        6: "续建",
        7: "竣工投产",
        8: "竣工投产",
        9: "谋划储备",
        10: "谋划储备",
        11: "新建",
        12: None,
        13: None,
        14: None,
    }


def test_lists_carried_and_finished_ones_move():
    lines = by_id(propose(2022, 2023, ledger()))
    assert lines[1].lists == (CHAIN,)
    assert lines[3].lists == ("“双停”企业复产",)
    assert lines[7].lists == (CHAIN, FINISHED_LIST)  # leaves 在建如期投产项目
    assert lines[8].lists == (FINISHED_LIST,)
    assert lines[12].lists == ()


def test_only_finished_and_reserve_are_offered():
    lines = by_id(propose(2022, 2023, ledger()))
    assert sorted(pid for pid, line in lines.items() if line.offered) == [7, 8, 9, 10, 11]


def test_choices_and_defaults():
    proposal = propose(2022, 2023, ledger(), include_finished=False, include_reserve=True)
    assert [line.project_id for line in proposal.included()] == [1, 2, 3, 4, 5, 6, 9, 10, 11]
    # per line: take 7 in, 10 out; a choice for a carried or dropped line changes nothing
    choices = {7: True, 10: False, 1: False, 12: True}
    assert [line.project_id for line in proposal.included(choices)] == [
        1, 2, 3, 4, 5, 6, 7, 9, 11,
    ]  # fmt: skip
    assert proposal.included_counts(choices) == {CARRY: 6, FINISHED: 1, RESERVE: 2, DROP: 0}


def test_every_line_says_why():
    lines = by_id(propose(2022, 2023, ledger()))
    assert lines[1].reason == "在建，未完工：结转，建设性质为续建（上年新建）"
    assert lines[2].reason == "在建，未完工：结转，建设性质为续建"
    assert lines[3].reason == "停缓建，尚待复产：结转，建设性质仍为复产"
    assert lines[5].reason == "前期，上年名单内，尚未开工：结转，建设性质为新建"
    assert lines[6].reason == "未填状态，上年名单内：按未完工结转，建设性质为续建"
    assert lines[7].reason == "已竣工：可列入建成达产达效项目，不选则不再列入"
    assert lines[9].reason == "谋划，上年名单内的谋划项目：可列入，建设性质为谋划储备"
    assert lines[11].reason == "前期，储备项目，上年不在名单内：可列入，建设性质为新建"
    assert lines[12].reason == "在建，上年不在名单内：不再列入"
    assert lines[14].reason == "未填状态，上年不在名单内：不再列入"
    assert all(line.reason for line in lines.values())


def test_summary_sentence():
    proposal = propose(2022, 2023, ledger())
    assert proposal.summary({9: True}) == (
        "2023年名单（依据2022年名单）：结转续建 6 个；竣工投产 2 个，列入建成达产达效 2 个；"
        "储备项目 3 个，列入 1 个；不再列入 3 个。新年度名单共 9 个项目，年度计划投资待填报。"
    )


def test_the_new_year_comes_after_the_old():
    with pytest.raises(NewYearError, match="新年度应晚于2022年，不能是2022年"):
        propose(2022, 2022, ledger())
    assert propose(2022, 2023, []).lines == []
