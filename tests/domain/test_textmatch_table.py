"""The per-character pinyin table gives exactly the search keys of pypinyin reading the
whole text (phrase by phrase), on names of every kind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from desktop_app.domain import textmatch
from desktop_app.domain.textmatch import PART_SEP, field_key, normalize, search_key


def reference_key(text: str) -> str:
    """The key as it was built before the table: pypinyin converting the whole text."""
    norm = normalize(text)
    if not norm:
        return ""
    syllables = lazy_pinyin(norm, errors=lambda run: textmatch._LITERAL + run)
    full = "".join(s.removeprefix(textmatch._LITERAL) for s in syllables)
    initials = "".join(s[1:] if s.startswith(textmatch._LITERAL) else s[:1] for s in syllables)
    return PART_SEP.join((norm, full, initials))


VARIED = [
    # polyphones read by their phrase
    "重庆银行长春分行",
    "银行行长重新调度",
    "长青养殖场扩建",
    "着力推进重点项目",
    "万俟家具厂",
    "朝阳区还建房",
    "都市快乐广场",
    "单县曾家乐园",
    "大夫山森林公园",
    "会计核算中心",
    "调查研究与调整",
    # ordinary names
    "鑫达钢铁180万吨热轧带钢",
    "东丰县G303线改扩建",
    "巨峰生化20万吨山梨酸和50万吨复合饲料",
    "辽源市长寿大街",
    # traditional, full width, Latin, digits, punctuation, spaces
    "遼源經濟開發區重點項目",
    "ＡＢＣ１２３期",
    "LED照明abc二期",
    "1号厂房（二期）·A区",
    "  前后 有 空格  ",
    "iPhone配件项目",
    "x\x00y中文",
    # rare characters: CJK extension A and B, 〇, a compatibility ideograph
    "㐀㐁项目",
    "\U00020000\U00020001工程",
    "二〇二二年项目",
    "\ufa18\uf900路",
    "𠮷野家",
    # no Han at all, and empty
    "2022-03",
    "",
    "   ",
]


def test_varied_names_get_the_keys_of_whole_text_conversion():
    for text in VARIED:
        assert field_key(text) == reference_key(text), text


def test_a_record_key_joins_its_field_keys():
    values = ["重庆银行长春分行", None, "长青养殖", "", "市发改委"]
    assert search_key(values) == textmatch.FIELD_SEP.join(reference_key(v) for v in values if v)


def test_phrases_keep_their_own_reading():
    # 重 alone is zhong, 长 alone chang, 行 alone xing: the phrase decides
    table = textmatch._char_table()
    table.learn("重长行")
    assert "重".translate(table.full) == "zhong"
    assert field_key("重庆").split(PART_SEP)[1:] == ["chongqing", "cq"]
    assert field_key("行长").split(PART_SEP)[1:] == ["hangzhang", "hz"]
    assert field_key("长春").split(PART_SEP)[1:] == ["changchun", "cc"]


def test_pypinyin_phrases_in_a_row_convert_the_same():
    # every phrase pypinyin reads unlike its characters, in a long run of Han characters
    table = textmatch._char_table()
    risky = sorted(table._risky)
    for start in range(0, len(risky), 40):
        text = "".join(risky[start : start + 40])
        assert field_key(text) == reference_key(text), text


_PHRASES = sorted(p for p in PHRASES_DICT if len(p) <= 4)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PHRASES),
            st.sampled_from(sorted(textmatch._char_table()._risky)),
            st.sampled_from(["1", "ab", "（", "·", " ", "遼", "Ｇ", "〇", "\U00020000"]),
        ),
        max_size=12,
    )
)
def test_any_run_of_dictionary_words_converts_the_same(words):
    text = "".join(words)
    assert field_key(text) == reference_key(text)
