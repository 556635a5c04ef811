"""Checks on the shipped data file db/portfolio_2022.json.

The file holds the 2022 key-project portfolio named in the Liaoyuan government work report,
the report's named project lists, the industrial chains the source documents name and the
headline indicators.  Only what a source document says is a fact: every record carries a
verbatim quote, and no amount, date or owner may appear that its quote does not support.
"""

import json
import re
from pathlib import Path

import opencc
import pytest

DATA_FILE = Path(__file__).parents[1] / "db" / "portfolio_2022.json"
SEEDS_DIR = Path(__file__).parents[2] / "shared" / "seeds"
REPORT = "000_1b7e5025cd16c1e2.txt"
REVIEW = "002_d8a3a67154a4c906.txt"
SOURCE = "2022年辽源市政府工作报告"

# Every project named in DOMAIN.md ("The 2022 portfolio named in the work report").
# A str must occur in exactly one project name; a tuple: all its parts in one name;
# a leading "=" asks for the exact name.  The parts must also occur in that project's quote.
EXPECTED_PROJECTS = [
    # industry, among the 71 建链强链延链补链 projects
    "鑫达钢铁180万吨热轧带钢",
    "东北袜业万台袜机数字化智能转型升级",
    "巨峰生化20万吨山梨酸和50万吨复合饲料",
    "巨晟轻合金12万吨高精度大规格铝合金板带箔材",
    "辽矿集团矿山装备制造业整合",
    "富奥汽车零部件铝合金壳体二期",
    "银鹰制造多功能车间",
    "瑞意粮机智能成套设备",
    "蛋鸡全产业链提升",
    # among the 18 in construction, the 19 finished, the 10 stopped enterprises
    "启星铝业轨道客车大型铝合金型材及汽车轻量化",
    "鑫达钢铁超高温亚临界发电",
    "华纺静电二期",
    "东丰药业",
    # also named
    "新能源汽车配套产业园基础设施",
    "新能源电池隔膜",
    "富奥电池壳体",
    "均胜北方零部件生产基地",
    "双天集团屠宰加工项目",
    ("东北袜业园", "数字化车间"),
    ("富奥泵业", "数字化车间"),
    "德盟欧省级制造业创新中心",
    "大良水库",
    "老龙头水库旅游度假区",
    "辽河源生态农业小镇",
    "汽贸小镇",
    "钢铁小镇",
    ("辽河半岛", "步行街"),
    ("山语城", "步行街"),
    ("玉圭园", "步行街"),
    ("东辽河", "滨水商业街区"),
    ("渭津河", "滨水商业街区"),
    ("大梨树河", "滨水商业街区"),
    "人民大街",
    "辽河大路",
    "长春经辽源梅河口至通化高铁",
    "东辽河、大梨树河、渭津河6公里岸带修复",
    "栾架山城区段",
    "向阳山公园",
    "琵琶广场海绵城市公园",
    ("渭津河南岸", "地块"),
    ("金属制品厂", "地块"),
    "14个乡镇污水处理站",
    "静脉产业园",
    "市中心医院南迁",
    "中医大厦",
    "五中异地搬迁",
    "启臻文化教育产业园一期",
    # 2021's service projects
    "欧亚二期",
    "红星美凯龙",
    "=启臻文化教育产业园",
    "北江开元酒店",
]

# Groups the report counts without naming all members: lists, never invented projects.
EXPECTED_LISTS = {
    "建链强链延链补链项目": 71,
    "在建如期投产项目": 18,
    "建成达产达效项目": 19,
    "“双停”企业复产": 10,
    "路桥工程": 18,
    "数字化车间改造": 10,
    "乡村旅游项目": 22,
    "地块征收": 15,
    "对接项目": 17,
}

# (name, period) -> (kind, measure, value, unit)
EXPECTED_INDICATORS = {
    ("地区生产总值", "2022"): ("目标", "增长", 8.5, "%"),
    ("固定资产投资", "2022"): ("目标", "增长", 15, "%"),
    ("地方级财政收入", "2022"): ("目标", "增长", 10, "%"),
    ("税收收入", "2022"): ("目标", "增长", 12, "%"),
    ("限额以上社会消费品零售总额", "2022"): ("目标", "增长", 15, "%"),
    ("城镇登记失业率", "2022"): ("目标", "比率", 4.5, "%"),
    ("规上工业总产值", "2022"): ("目标", "增长", 30, "%"),
    ("新增城镇就业", "2022"): ("目标", "数量", 1, "万人"),
    ("500万元以上项目", "2022"): ("目标", "数量", 123, "个"),
    ("实物量投资", "2022"): ("目标", "总量", 50, "亿元"),
    ("谋划包装5000万以上项目", "2022"): ("目标", "数量", 200, "个"),
    ("地区生产总值", "2021"): ("实际", "增长", 9.5, "%"),
    ("地方级财政收入", "2021"): ("实际", "增长", 11.1, "%"),
    ("规上工业总产值", "2021"): ("实际", "增长", 43.2, "%"),
    ("500万元以上项目", "2021"): ("实际", "数量", 304, "个"),
    ("500万元以上项目完成投资", "2021"): ("实际", "总量", 167.2, "亿元"),
    ("固定资产投资", "2021"): ("实际", "增长", 15, "%"),
    ("新增城镇就业", "2021"): ("实际", "数量", 1.18, "万人"),
}
KIND_OF_PERIOD = {"2022": "目标", "2021": "实际"}
MEASURES = {"增长", "数量", "总量", "比率"}

MONEY_AND_DATE_FIELDS = (
    "total_investment",
    "annual_plan",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
)
# The report gives none of these for any individual project.
UNSTATED_FIELDS = ("region", "leader", "department", "secretary", "problems", "measures")
PROJECT_FIELDS = {
    "code",
    "name",
    "owner",
    "region",
    "sector",
    "chain",
    "nature",
    "lists",
    "scope",
    *MONEY_AND_DATE_FIELDS,
    "status",
    "leader",
    "department",
    "secretary",
    "problems",
    "measures",
    "source",
    "quote",
}

# A status or nature may only be set where the quote says so plainly.
STATUS_EVIDENCE = {
    "谋划": ("谋划",),
    "前期": ("前期",),
    "在建": ("在建",),
    "竣工": ("建成", "竣工"),
    "投产": ("投产",),
    "停缓建": ("双停", "停建", "缓建"),
}
NATURE_EVIDENCE = {
    "新建": ("新建",),
    "续建": ("续建",),
    "竣工投产": ("竣工投产",),
    "复产": ("复产", "恢复正常生产"),
    "谋划储备": ("储备",),
}

WS = re.compile(r"\s+")
DIGITS = re.compile(r"\d+")


def squash(text):
    return WS.sub("", text)


@pytest.fixture(scope="module")
def raw_text():
    return DATA_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(raw_text):
    return json.loads(raw_text)


@pytest.fixture(scope="module")
def seeds():
    """The source documents, squashed; the quote checks skip (saying why) when they are not
    beside the checkout, as in a fresh clone: they live in the workspace's ../shared/seeds,
    not in the repository."""
    missing = [name for name in (REPORT, REVIEW) if not (SEEDS_DIR / name).is_file()]
    if missing:
        pytest.skip(
            f"the source documents are not beside this checkout ({SEEDS_DIR} lacks "
            f"{', '.join(missing)}): the quotes cannot be checked against them"
        )
    return {p.name: squash(p.read_text(encoding="utf-8")) for p in SEEDS_DIR.glob("*.txt")}


@pytest.fixture(scope="module")
def projects(data):
    return data["projects"]


@pytest.fixture(scope="module")
def code_names(data):
    return {
        key: [entry["name"] for entry in entries] for key, entries in data["code_lists"].items()
    }


@pytest.fixture(scope="module")
def lists_by_name(data):
    return {entry["name"]: entry for entry in data["code_lists"]["list"]}


def fmt_number(value):
    """8.5 -> '8.5', 15.0 -> '15', 1.18 -> '1.18'."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def spec_parts(spec):
    if isinstance(spec, tuple):
        return spec
    return (spec.removeprefix("="),)


def spec_matches(spec, name):
    if isinstance(spec, str) and spec.startswith("="):
        return name == spec[1:]
    return all(part in name for part in spec_parts(spec))


# --- file format -------------------------------------------------------------------------


def test_file_is_utf8_json_with_two_space_indent_and_no_ascii_escapes(raw_text, data):
    assert raw_text.rstrip("\n") == json.dumps(data, ensure_ascii=False, indent=2)
    assert "\\u" not in raw_text


def test_top_level_layout(data):
    assert data["source"] == SOURCE
    assert set(data) == {"source", "documents", "code_lists", "projects", "indicators"}
    assert set(data["documents"]) == {REPORT, REVIEW}
    assert data["documents"][REPORT] == SOURCE


def test_documents_name_files_in_the_seeds(data, seeds):
    assert set(data["documents"]) <= set(seeds), "documents must name files in shared/seeds"
    assert set(data["code_lists"]) == {"region", "sector", "status", "nature", "chain", "list"}


def test_fixed_code_lists(code_names):
    assert code_names["region"] == [
        "龙山区",
        "西安区",
        "东丰县",
        "东辽县",
        "辽源经济开发区",
        "辽源高新区",
    ]
    assert code_names["sector"] == [
        "工业",
        "农业农村",
        "服务业",
        "城市建设与基础设施",
        "生态环保",
        "社会民生",
        "科技创新",
    ]
    assert code_names["status"] == ["谋划", "前期", "在建", "竣工", "投产", "停缓建"]
    assert code_names["nature"] == ["新建", "续建", "竣工投产", "复产", "谋划储备"]
    for key, names in code_names.items():
        assert len(names) == len(set(names)), f"duplicate names in code list {key}"


# --- 1. the portfolio named in DOMAIN.md is complete, and nothing else is in it ----------


@pytest.mark.parametrize("spec", EXPECTED_PROJECTS, ids=lambda s: "+".join(spec_parts(s)))
def test_expected_project_present_once_and_quoted(spec, projects):
    matching = [p for p in projects if spec_matches(spec, p["name"])]
    assert len(matching) == 1, f"{spec!r} matches {[p['name'] for p in matching]}"
    quote = squash(matching[0]["quote"])
    for part in spec_parts(spec):
        assert squash(part) in quote, f"{part!r} not in the quote of {matching[0]['name']}"


def test_no_project_beyond_the_named_portfolio(projects):
    unmatched = [
        p["name"]
        for p in projects
        if not any(spec_matches(s, p["name"]) for s in EXPECTED_PROJECTS)
    ]
    assert unmatched == []
    assert len(projects) == len(EXPECTED_PROJECTS)


def test_counted_groups_are_lists_not_invented_projects(projects, lists_by_name):
    for name, count in EXPECTED_LISTS.items():
        assert name in lists_by_name, f"missing list {name}"
        assert lists_by_name[name]["target_count"] == count
    for p in projects:
        assert "路桥工程" not in p["name"]
        assert "18个" not in p["name"]


# --- 2. identity -------------------------------------------------------------------------


def test_codes_unique_and_in_report_order(projects):
    codes = [p["code"] for p in projects]
    assert len(codes) == len(set(codes))
    assert codes == [f"LY2022-{i:03d}" for i in range(1, len(projects) + 1)]


def test_names_unique_and_non_empty(projects):
    names = [p["name"] for p in projects]
    assert all(n and n.strip() == n for n in names)
    assert len(names) == len(set(names))


def test_projects_have_exactly_the_ledger_fields(projects):
    for p in projects:
        assert set(p) == PROJECT_FIELDS, p["name"]


# --- 3. every quote is verbatim from a seed document -------------------------------------


def test_project_quotes_are_verbatim_from_the_report(projects, seeds):
    for p in projects:
        assert p["quote"].strip(), p["name"]
        assert squash(p["quote"]) in seeds[REPORT], p["name"]


def test_list_quotes_are_verbatim(data, seeds):
    for entry in data["code_lists"]["list"]:
        assert squash(entry["quote"]) in seeds[REPORT], entry["name"]


def test_chain_quotes_are_verbatim_and_name_the_chain(data, seeds):
    chains = data["code_lists"]["chain"]
    assert chains, "the documents name at least the chains of the newspaper review"
    t2s = opencc.OpenCC("t2s")
    for entry in chains:
        quote = squash(entry["quote"])
        assert any(quote in text for text in seeds.values()), entry["name"]
        assert entry["name"] in t2s.convert(quote), entry["name"]
        assert entry["leader"] is None, "no document names a chain leader"


def test_indicator_quotes_are_verbatim_from_the_report(data, seeds):
    for ind in data["indicators"]:
        assert ind["source"] == SOURCE
        assert squash(ind["quote"]) in seeds[REPORT], (ind["name"], ind["period"])


# --- 4. no invented amounts, dates or owners ---------------------------------------------


def test_money_and_dates_are_null(projects):
    for p in projects:
        for field in MONEY_AND_DATE_FIELDS:
            assert p[field] is None, f"{p['name']}: {field} is not stated in the report"


def test_unstated_fields_are_null(projects):
    for p in projects:
        for field in UNSTATED_FIELDS:
            assert p[field] is None, f"{p['name']}: {field} is not stated in the report"


def test_digits_in_name_and_scope_occur_in_quote(projects):
    for p in projects:
        quote = squash(p["quote"])
        for field in ("name", "scope"):
            for run in DIGITS.findall(p[field] or ""):
                assert run in quote, f"{p['name']}: {field} has {run} that the quote lacks"


def test_scope_is_taken_from_the_quote(projects):
    for p in projects:
        if p["scope"] is not None:
            assert squash(p["scope"]) in squash(p["quote"]), p["name"]
            assert squash(p["scope"]) in squash(p["name"]), p["name"]


def test_owner_is_named_in_the_project_name_and_quote(projects):
    for p in projects:
        if p["owner"] is not None:
            assert p["owner"] in p["name"], p["name"]
            assert p["owner"] in squash(p["quote"]), p["name"]


def test_indicator_value_and_unit_occur_in_quote(data):
    for ind in data["indicators"]:
        quote = squash(ind["quote"])
        number = fmt_number(ind["value"])
        pattern = rf"(?<![\d.]){re.escape(number)}{re.escape(ind['unit'])}"
        assert re.search(pattern, quote), f"{ind['name']} {ind['period']}: {number}{ind['unit']}"
        if ind["qualifier"] is not None:
            assert ind["qualifier"] in quote, (ind["name"], ind["period"])


# --- 5. classifications come from the code lists and are supported ----------------------


def test_project_classifications_in_code_lists(projects, code_names):
    for p in projects:
        assert p["source"] == SOURCE, p["name"]
        assert p["sector"] in code_names["sector"], p["name"]
        assert p["status"] is None or p["status"] in code_names["status"], p["name"]
        assert p["nature"] is None or p["nature"] in code_names["nature"], p["name"]
        assert p["chain"] is None or p["chain"] in code_names["chain"], p["name"]
        assert p["region"] is None or p["region"] in code_names["region"], p["name"]
        assert isinstance(p["lists"], list), p["name"]
        assert len(p["lists"]) == len(set(p["lists"])), p["name"]
        for name in p["lists"]:
            assert name in code_names["list"], f"{p['name']}: unknown list {name}"


def test_status_and_nature_only_where_the_quote_says_so(projects):
    for p in projects:
        quote = squash(p["quote"])
        if p["status"] is not None:
            assert any(w in quote for w in STATUS_EVIDENCE[p["status"]]), p["name"]
        if p["nature"] is not None:
            assert any(w in quote for w in NATURE_EVIDENCE[p["nature"]]), p["name"]


def test_list_membership_is_supported_and_within_count(projects, lists_by_name):
    members = {}
    for p in projects:
        quote = squash(p["quote"])
        for name in p["lists"]:
            members.setdefault(name, []).append(p["name"])
            count = str(lists_by_name[name]["target_count"])
            assert re.search(rf"(?<!\d){count}(?!\d)", quote), f"{p['name']} in {name}"
    for name, names in members.items():
        assert len(names) <= lists_by_name[name]["target_count"], name


def test_named_list_members(projects):
    by_name = {p["name"]: p for p in projects}
    assert "建链强链延链补链项目" in by_name["鑫达钢铁180万吨热轧带钢"]["lists"]
    assert "在建如期投产项目" in by_name["启星铝业轨道客车大型铝合金型材及汽车轻量化"]["lists"]
    assert "建成达产达效项目" in by_name["鑫达钢铁超高温亚临界发电"]["lists"]
    assert "建成达产达效项目" in by_name["华纺静电二期"]["lists"]
    dongfeng = [p for p in projects if "东丰药业" in p["name"]]
    assert [p["lists"] for p in dongfeng] == [["“双停”企业复产"]]
    assert dongfeng[0]["status"] == "停缓建"
    assert dongfeng[0]["nature"] == "复产"
    rail = [p for p in projects if "高铁" in p["name"]]
    assert [p["status"] for p in rail] == ["前期"]


# --- 6. code-list entries carry their counts in their quotes -----------------------------


def test_list_entries_have_count_in_quote(data):
    entries = data["code_lists"]["list"]
    assert entries
    for entry in entries:
        count = entry["target_count"]
        assert isinstance(count, int) and count > 0, entry["name"]
        assert re.search(rf"(?<!\d){count}(?!\d)", squash(entry["quote"])), entry["name"]


# --- indicators --------------------------------------------------------------------------


def test_indicators_shape(data):
    seen = set()
    for ind in data["indicators"]:
        key = (ind["name"], ind["period"])
        assert key not in seen, f"duplicate indicator {key}"
        seen.add(key)
        assert ind["kind"] == KIND_OF_PERIOD[ind["period"]], key
        assert ind["measure"] in MEASURES, key
        assert isinstance(ind["value"], int | float) and not isinstance(ind["value"], bool), key
        if ind["measure"] == "增长":
            assert ind["unit"] == "%", key


@pytest.mark.parametrize("key", list(EXPECTED_INDICATORS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_expected_indicator(key, data):
    found = {(i["name"], i["period"]): i for i in data["indicators"]}
    assert key in found, f"missing indicator {key}"
    ind = found[key]
    assert (ind["kind"], ind["measure"], ind["value"], ind["unit"]) == EXPECTED_INDICATORS[key]
