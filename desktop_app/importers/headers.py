"""Finding the header of a sheet as offices lay it out, and mapping its columns to fields.

A ledger's header is rarely on row 1: title rows, a units line (单位：万元) and a two-level
merged header come first.  :func:`find_header` scores every candidate row (and row pair) by how
many cells name a known field, with synonyms (项目名称/名称, 建设单位/项目业主/业主单位...), and
reads each column's unit from its header (总投资（亿元）) or from the units line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..domain.fields import FIELD_BY_NAME, MONTHLY_FIELDS
from ..domain.textmatch import normalize
from .workbook import SheetData

SEQ = "_seq"  # the 序号 column: recognised, never imported
IGNORE = "_ignore"  # a known column that is not imported (e.g. 本年累计完成 in a template)
MAX_HEADER_ROW = 40

_OPEN, _CLOSE = "（(\\[【〔〈《「{", "）)\\]】〕〉》」}"
_BRACKETS = re.compile(f"[{_OPEN}]([^{_CLOSE}]*)[{_CLOSE}]")
#: A bracket left open at the end of the cell (总投资（万元 — the cell was cut or mistyped).
_OPEN_TAIL = re.compile(f"[{_OPEN}]([^{_OPEN}{_CLOSE}]*)$")
#: What may stand between a label and its unit: 总投资/万元, 总投资-万元, 总投资：万元.
_UNIT_SEPARATORS = "/／-—_、，,:："
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(亿元|万元|元)")
_MARKS = str.maketrans("", "", "*＊※△▲#＃:：")

# Synonyms as they appear after :func:`header_key` (no spaces, brackets or marks; simplified).
LEDGER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("项目编号", "编号", "项目代码", "项目编码", "代码", "项目id", "统一项目代码"),
    "name": ("项目名称", "名称", "项目", "项目全称", "建设项目名称", "项目名"),
    "owner": ("建设单位", "项目业主", "业主单位", "业主", "项目单位", "实施单位",
              "项目建设单位", "建设主体", "项目法人", "项目实施单位"),
    "region": ("所属县区", "县区", "所在县区", "县市区", "所属县市区", "地区", "所属地区",
               "属地", "区域", "所在地", "项目所在地", "所在区域",
               # 县（市、区）: the bracket is read away
               "县", "所属县", "所在县", "县市", "市县", "县区市", "项目所在县区"),
    "sector": ("产业类别", "行业类别", "项目类别", "类别", "行业", "产业分类", "项目类型",
               "类型", "所属行业", "行业分类", "产业类型", "所属产业"),
    "chain": ("产业链", "所属产业链", "产业链条", "链条"),
    "nature": ("建设性质", "性质", "项目性质"),
    "lists": ("项目清单", "所属清单", "清单", "清单类别", "所属名单"),
    "scope": ("建设内容及规模", "建设规模及内容", "建设内容和规模", "建设规模和内容",
              "建设内容", "主要建设内容", "建设规模", "规模及内容", "主要建设内容及规模"),
    "total_investment": ("总投资", "计划总投资", "项目总投资", "总投资额", "投资总额"),
    "annual_plan": ("年度计划投资", "年度计划", "本年计划投资", "年计划投资", "年度投资计划",
                    "计划投资", "年度计划完成投资", "本年度计划投资"),
    "planned_start": ("计划开工", "计划开工时间", "计划开工日期", "开工时间", "开工日期",
                      "开工年月", "开工", "开工年份", "计划开工年月"),
    "planned_end": ("计划竣工", "计划竣工时间", "竣工时间", "完工时间", "竣工日期", "竣工年月",
                    "竣工", "计划完工时间", "计划完工", "建成时间", "计划竣工年月"),
    "actual_start": ("实际开工", "实际开工时间", "实际开工日期"),
    "actual_end": ("实际竣工", "实际竣工时间", "实际完工时间", "实际竣工日期", "实际完工"),
    "status": ("项目状态", "状态", "进展阶段", "所处阶段", "项目进展阶段", "当前状态", "项目阶段"),
    "leader": ("包保市级领导", "包保领导", "市级包保领导", "包保市领导", "市级领导",
               "联系市领导", "包保市级领导同志", "包联市级领导"),
    "department": ("责任单位", "牵头单位", "责任部门", "主管部门", "牵头部门",
                   "市直责任单位", "责任单位部门"),
    "secretary": ("项目秘书", "秘书", "项目服务秘书"),
    "problems": ("存在问题", "存在的问题", "问题", "存在困难和问题", "困难和问题",
                 "需要解决的问题", "主要问题", "存在的困难和问题"),
    "measures": ("解决措施", "措施", "推进措施", "解决办法", "下步措施", "解决措施及建议",
                 "工作措施", "下一步措施"),
    "source": ("数据来源", "来源", "信息来源"),
    SEQ: ("序号", "序", "no"),
}  # fmt: skip
_YEAR_PLAN = re.compile(r"^(\d{4})年度?(计划|投资计划|计划完成投资|计划投资)")

MONTHLY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": LEDGER_SYNONYMS["code"],
    "name": LEDGER_SYNONYMS["name"],
    "month_investment": ("本月完成投资", "本月完成", "本月投资", "当月完成投资", "当月完成",
                         "本月完成额", "月完成投资", "本月完成投资额"),
    "progress_pct": ("完成比例", "进度百分比", "形象进度百分比", "工程进度百分比"),
    "progress_text": ("形象进度", "形象进度描述", "工程形象进度", "形象进度情况"),
    "progress_notes": ("进展情况", "项目进展情况", "进展", "工作进展", "项目进展",
                       "本月进展情况"),
    "problems": LEDGER_SYNONYMS["problems"],
    "reporter": ("填报人", "填表人", "联系人"),
    "report_date": ("填报日期", "填报时间", "报送日期", "填表日期"),
    IGNORE: ("建设单位", "年度计划投资", "截至上月本年累计", "本年累计完成", "总投资",
             "本年累计", "开工以来累计", "累计完成投资"),
    SEQ: LEDGER_SYNONYMS[SEQ],
}  # fmt: skip
AMOUNT_TARGETS = ("total_investment", "annual_plan", "month_investment", "ytd_investment",
                  "since_start_investment")  # fmt: skip
_PCT_TEXT = {"形象进度", "工程进度", "进度"}  # with a % unit these mean progress_pct

#: The month's figures inside a ledger (issue 16, item 4): columns that become the monthly
#: reports of the period the workbook names.  They never count towards a ledger header's score
#: (a unit's monthly return stays a monthly return).
MONTH_TARGETS = ("month_investment", "ytd_investment", "since_start_investment",
                 "progress_pct", "progress_text", "progress_notes", "month_problems")  # fmt: skip
MONTH_LABELS: dict[str, str] = {
    "month_investment": "本月完成投资",
    "ytd_investment": "本年累计完成投资（1-N月）",
    "since_start_investment": "开工以来累计完成投资",
    "progress_pct": "形象进度(%)",
    "progress_text": "形象进度",
    "progress_notes": "进展情况",
    "month_problems": "本月存在问题",
}
_MONTHS_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_M = re.compile(
    r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
).pattern  # a fragment of the patterns below
_Y = re.compile(r"(?:(20\d\d)年度?)?").pattern  # a fragment of the patterns below
_DONE = re.compile(
    r"(?:份)?(?:累计)?(?:实际)?(?:完成|完成投资|完成投资额|投资|投资完成|完成额|累计完成投资)"
).pattern  # a fragment of the patterns below
#: 1-6月完成投资, 2022年1～6月累计完成, 一至六月完成投资.
_YTD = re.compile(rf"^{_Y}(?:1|一|01)月?(?:份)?[-~至到—–_]{_M}月{_DONE}$")
#: 其中6月完成, 6月份完成投资, 2022年6月完成.
_MONTH = re.compile(rf"^(?:其中)?{_Y}{_M}月(?:份)?(?:当月)?{_DONE}$")
_MONTH_WORDS = ("本月完成投资", "本月完成", "本月投资", "当月完成投资", "当月完成", "本月完成额",
                "月完成投资", "本月完成投资额", "其中本月完成", "其中本月", "其中当月完成",
                "本月实际完成投资", "本月完成投资额")  # fmt: skip
_YTD_WORDS = ("本年累计完成", "本年累计完成投资", "本年累计", "本年度累计完成投资",
              "今年以来累计完成投资", "今年以来完成投资", "年初至今完成投资", "年初以来累计完成投资",
              "本年完成投资", "本年累计完成额", "年度累计完成投资", "截至本月本年累计")  # fmt: skip
_SINCE_WORDS = ("开工以来累计完成", "开工以来累计完成投资", "开工以来累计", "自开工累计完成投资",
                "开工至今累计完成投资", "开工累计完成投资", "开工累计完成", "累计完成投资",
                "累计完成", "项目开工以来累计完成投资", "建设以来累计完成投资",
                "开工以来完成投资")  # fmt: skip
_MONTH_TEXT_WORDS = {
    "progress_text": ("形象进度", "工程形象进度", "形象进度情况", "形象进度描述", "本月形象进度",
                      "截至本月形象进度"),
    "progress_pct": ("形象进度百分比", "完成比例", "工程进度百分比", "进度百分比"),
    "progress_notes": ("进展情况", "本月进展情况", "项目进展情况", "工作进展", "本月工作进展",
                       "项目推进情况"),
    "month_problems": ("本月存在问题", "当月存在问题", "本月存在的问题", "本月存在困难和问题"),
}  # fmt: skip


def _month_lookup() -> dict[str, str]:
    table = {normalize(w): "month_investment" for w in _MONTH_WORDS}
    table.update((normalize(w), "ytd_investment") for w in _YTD_WORDS)
    table.update((normalize(w), "since_start_investment") for w in _SINCE_WORDS)
    for target, words in _MONTH_TEXT_WORDS.items():
        table.update((normalize(w), target) for w in words)
    return table


def month_target(text: str, unit: str | None) -> str | None:
    """The month figure a ledger header text names (after :func:`header_key`), or None."""
    if unit == "%" and (text in _PCT_TEXT or text.endswith("进度")):
        return "progress_pct"
    found = _MONTH_TABLE.get(text)
    if found is not None:
        return found
    if _YTD.match(text):
        return "ytd_investment"
    if _MONTH.match(text):
        return "month_investment"
    m = re.match(rf"^{_Y}{_M}月(?:份)?存在(?:的)?问题$", text)
    return "month_problems" if m else None


def _month_number(word: str) -> int:
    return _MONTHS_CN.get(word) or int(word)


def named_period(header_text: str) -> tuple[int | None, int | None]:
    """(year, month) a month column's header names: 1-6月完成投资 → (None, 6), 2022年6月完成 →
    (2022, 6), 本月完成投资 → (None, None)."""
    text = header_key(header_text)[0]
    for pattern in (_YTD, _MONTH):
        m = pattern.match(text)
        if m:
            return (int(m.group(1)) if m.group(1) else None), _month_number(m.group(2))
    m = re.match(rf"^{_Y}{_M}月(?:份)?存在(?:的)?问题$", text)
    if m:
        return (int(m.group(1)) if m.group(1) else None), _month_number(m.group(2))
    return None, None


LEDGER_LABELS: dict[str, str] = {name: FIELD_BY_NAME[name].label for name in FIELD_BY_NAME}
MONTHLY_LABELS: dict[str, str] = {
    "code": "项目编号",
    "name": "项目名称",
    **{f.name: f.label for f in MONTHLY_FIELDS},
}


def header_key(text: object) -> tuple[str, str | None]:
    """A header cell → (comparable text, unit written in it: 万元/亿元/元/%/None).

    Written as offices type them: line breaks and stray spaces inside the cell (总投资\\n（万元）,
    项目 名称), units in brackets of either width or of other shapes (（万元）, (亿元), 【万元】,
    〔%〕, a bracket left open), after a separator (总投资/万元) or run on (总投资万元)."""
    raw = unicodedata.normalize("NFKC", str(text or ""))
    unit = None
    insides = _BRACKETS.findall(raw)
    raw = _BRACKETS.sub("", raw)
    tail = _OPEN_TAIL.search(raw)
    if tail:
        insides.append(tail.group(1))
        raw = raw[: tail.start()]
    for inside in insides:
        compact = "".join(inside.split())
        for candidate in ("亿元", "万元", "%", "元"):
            if candidate in compact:
                unit = candidate
                break
    base = normalize(raw).translate(_MARKS)
    for candidate in ("亿元", "万元", "%"):
        if base.endswith(candidate) and len(base) > len(candidate):
            base = base[: -len(candidate)].rstrip(_UNIT_SEPARATORS)
            unit = unit or candidate
            break
    return base.rstrip(_UNIT_SEPARATORS) or base, unit


def _lookup(vocabulary: Mapping[str, Sequence[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for target, words in vocabulary.items():
        for word in words:
            table.setdefault(normalize(word), target)
    return table


_LEDGER_TABLE = _lookup(LEDGER_SYNONYMS)
_MONTHLY_TABLE = _lookup(MONTHLY_SYNONYMS)
_MONTH_TABLE = _month_lookup()


def match_label(text: str, unit: str | None, kind: str) -> str | None:
    """The field a header text names, or None."""
    if not text:
        return None
    if kind == "monthly":
        if unit == "%" and (text in _PCT_TEXT or text.endswith("进度")):
            return "progress_pct"
        return _MONTHLY_TABLE.get(text)
    found = _LEDGER_TABLE.get(text)
    if found is None and _YEAR_PLAN.match(text):
        return "annual_plan"
    if found is None:
        return month_target(text, unit)
    return found


_NAMED_YEAR = re.compile(r"(20\d\d)\s*年")


def plan_year(header: Header) -> int | None:
    """The year a ledger sheet's plan column names (“2023年计划投资” → 2023), or None."""
    for column in header.columns:
        if column.target == "annual_plan":
            found = _NAMED_YEAR.search(header_key(column.header)[0]) or _NAMED_YEAR.search(
                str(column.header or "")
            )
            if found:
                return int(found.group(1))
    return None


@dataclass
class ColumnMap:
    """One column of the sheet and the field it feeds (None: not imported)."""

    index: int
    header: str
    target: str | None
    unit: str | None = None

    @property
    def letter(self) -> str:
        from openpyxl.utils import get_column_letter

        return get_column_letter(self.index + 1)


@dataclass
class Header:
    """Where the header is (0-based rows), how its columns map, and the sheet's default unit."""

    sheet: SheetData
    top: int
    depth: int
    columns: list[ColumnMap]
    unit: str = "万元"
    score: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def first_data_row(self) -> int:
        return self.top + self.depth

    def mapping(self) -> dict[str, int]:
        """Field → column index (the first column mapped to it)."""
        out: dict[str, int] = {}
        for c in self.columns:
            if c.target and not c.target.startswith("_"):
                out.setdefault(c.target, c.index)
        return out


def _merged_value(sheet: SheetData, row: int, col: int) -> object:
    return sheet.merged_value(row, col)  # indexed: linear in the number of merged ranges


def _vertical_merge(sheet: SheetData, row: int, col: int) -> bool:
    return sheet.merged_below(row, col)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def one_line(value: object) -> str:
    """A header cell as one line: 总投资\\n（万元） → 总投资（万元）; Latin words keep a space."""
    raw = str(value or "")
    if "\n" not in raw and "\r" not in raw:
        return raw.strip()  # most cells
    lines = [line.strip() for line in raw.splitlines()]
    out = ""
    for line in filter(None, lines):
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and line[0].isascii()
            and line[0].isalnum()
        ):
            out += " "
        out += line
    return out


def _labels(sheet: SheetData, top: int, depth: int) -> list[tuple[str, str]]:
    """(parent, child) header texts of every column for a header at ``top``."""
    width = sheet.width
    out: list[tuple[str, str]] = []
    if depth == 1:
        return [(one_line(_merged_value(sheet, top, c)), "") for c in range(width)]
    uppers = [_merged_value(sheet, top, c) for c in range(width)]
    if not sheet.merged:  # no merge information: carry a group label over the blanks after it
        last = ""
        for c in range(width):
            if _is_text(uppers[c]):
                last = str(uppers[c])
            elif last and _is_text(sheet.value(top + 1, c)):
                uppers[c] = last
            else:
                last = ""
    for c in range(width):
        upper = one_line(uppers[c])
        lower = _merged_value(sheet, top + 1, c)
        lower_text = one_line(lower) if _is_text(lower) else ""
        if lower_text == upper:  # merged vertically over both rows
            lower_text = ""
        out.append((upper, lower_text))
    return out


def _map_columns(labels: list[tuple[str, str]], kind: str, unit: str) -> list[ColumnMap]:
    columns = []
    for index, (upper, lower) in enumerate(labels):
        target = None
        col_unit = None
        u_text, u_unit = header_key(upper)
        l_text, l_unit = header_key(lower)
        candidates: list[tuple[str, str | None]] = []
        if lower:
            candidates += [(u_text + l_text, l_unit or u_unit), (l_text, l_unit or u_unit)]
        else:
            candidates.append((u_text, u_unit))
        for text, found_unit in candidates:
            target = match_label(text, found_unit, kind)
            if target:
                col_unit = found_unit
                break
        display = " / ".join(t for t in (upper, lower) if t)
        if target in AMOUNT_TARGETS:
            col_unit = col_unit if col_unit in ("亿元", "万元", "元") else unit
        columns.append(ColumnMap(index, display, target, col_unit))
    return columns


def _units_line(sheet: SheetData, before: int) -> str | None:
    for r in range(min(before, len(sheet.rows))):
        for value in sheet.rows[r]:
            if isinstance(value, str):
                m = _UNIT_LINE.search(value.replace(" ", ""))
                if m:
                    return m.group(1)
    return None


def find_header(sheet: SheetData, kind: str) -> Header | None:
    """The best header of ``sheet`` for ``kind`` ('ledger' or 'monthly'), or None."""
    best: Header | None = None
    limit = min(MAX_HEADER_ROW, len(sheet.rows))
    for top in range(limit):
        row = sheet.rows[top]
        if sum(_is_text(v) for v in row) < 2 or _layout_line(row):
            continue
        unit = _units_line(sheet, top) or "万元"
        for depth in (1, 2):
            if depth == 2 and not _two_level(sheet, top, kind):
                continue
            columns = _map_columns(_labels(sheet, top, depth), kind, unit)
            targets = [c.target for c in columns if c.target and not c.target.startswith("_")]
            if "name" not in targets and "code" not in targets:
                continue
            score = (
                len(set(targets) - set(MONTH_TARGETS)) if kind == "ledger" else len(set(targets))
            )
            if best is None or score > best.score:
                best = Header(sheet, top, depth, columns, unit, score)
    if best is not None and best.score < 2:
        return None
    return best


_LAYOUT = re.compile(r"^(?:.{0,8}单位\s*[:：]|截[至止]|填报日期|制表|报送日期|日期\s*[:：])")


def _layout_line(row: Sequence[object]) -> bool:
    """Whether a row is the line above a table's header (单位：万元 … 截至2022年6月30日,
    填报单位：…), not a level of the header: every text in it is such a line."""
    texts = [" ".join(str(v).split()) for v in row if _is_text(v)]
    return bool(texts) and all(_LAYOUT.match(t) for t in texts)


def _two_level(sheet: SheetData, top: int, kind: str) -> bool:
    """Whether the row under ``top`` continues the header (a merged group or header words)."""
    width = sheet.width
    if any(_vertical_merge(sheet, top, c) for c in range(width)):
        return True
    below = [sheet.value(top + 1, c) for c in range(width)]
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in below):
        return False
    matches = sum(1 for v in below if _is_text(v) and match_label(*header_key(v), kind) is not None)
    return matches >= 2
