"""The word-cached pinyin of search keys equals pypinyin converting the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from desktop_app.domain import textmatch
from desktop_app.store.seed import read_portfolio


def _slow(text: str) -> list[str]:
    return lazy_pinyin(text, errors=lambda run: textmatch._LITERAL + run)


def _shipped_texts() -> list[str]:
    texts = []
    for record in read_portfolio()["projects"]:
        texts += [str(v) for v in record.values() if isinstance(v, str) and v.strip()]
    return texts


def test_shipped_portfolio_texts_convert_the_same():
    texts = [textmatch.normalize(t) for t in _shipped_texts()]
    assert len(texts) > 100
    for text in texts:
        assert textmatch._syllables(text) == _slow(text), text


def test_polyphones_and_mixed_runs_convert_the_same():
    for text in (
        "重庆银行长春分行",  # 重 chong/zhong, 行 hang/xing, 长 chang/zhang
        "年产10万吨abc钢铁项目二期",
        "重点项目重大工程",
        "东丰县G303线改扩建",
        "辽源市长寿大街",
        "1号厂房（二期）",
    ):
        norm = textmatch.normalize(text)
        assert textmatch._syllables(norm) == _slow(norm), text


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="重庆长春银行都乐辽源东丰县钢铁厂项目建设二期大街路桥G3ab0 -（）·", max_size=24
    )
)
def test_any_mix_converts_the_same(text):
    norm = textmatch.normalize(text)
    assert textmatch._syllables(norm) == _slow(norm)
    assert textmatch.field_key(text).split(textmatch.PART_SEP)[0] == norm or not norm
