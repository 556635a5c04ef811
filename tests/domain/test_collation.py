"""Sorting text as Excel and WPS do in a Chinese locale: pinyin, not Unicode order."""

from __future__ import annotations

from desktop_app.domain.collation import cell_key, code_keys, sort_key, sorted_texts


def test_chinese_sorts_by_pinyin_not_by_code_point():
    # Unicode order would be 安 (5B89) 白 (767D) 重 (91CD) 长 (957F)
    assert sorted("长白重安") == ["安", "白", "重", "长"]
    assert sorted_texts("长白重安") == ["安", "白", "长", "重"]


def test_a_character_of_several_readings_sorts_under_its_common_one():
    """GB2312's reading (Excel's): 长 cháng (not zhǎng), 重 zhòng (not chóng), per character."""
    assert sorted_texts(["长春", "查干", "超市", "重庆", "中山", "周口"]) == [
        "查干",
        "长春",
        "超市",
        "中山",
        "重庆",  # zhòng, after zhōng
        "周口",
    ]
    assert sorted_texts(["行政", "许昌", "兴城"]) == ["兴城", "行政", "许昌"]  # xīng xíng xǔ


def test_syllables_tones_and_rare_characters():
    # a before ai before an before ang; tones in order within one syllable
    assert sorted_texts(["昂", "安", "爱", "阿"]) == ["阿", "爱", "安", "昂"]
    assert sorted_texts(["妈", "马", "麻", "骂"]) == ["妈", "麻", "马", "骂"]
    assert sorted_texts(["路", "绿", "吕"]) == ["路", "吕", "绿"]  # lù, then lǚ lǜ
    # 𠀀 (U+20000, hē, outside GB2312) between 东 (dōng) and 辽 (liáo)
    assert sorted_texts(["辽源", "𠀀", "东丰"]) == ["东丰", "𠀀", "辽源"]


def test_symbols_digits_latin_then_chinese_case_and_width_ignored():
    texts = ["白城", "ABC", "（一期）", "2号楼", "abd", "１０号楼", "安阳", "Zeta", "a"]
    assert sorted_texts(texts) == [
        "（一期）",
        "１０号楼",  # digits compared one by one, as Excel does: 1 before 2
        "2号楼",
        "a",
        "ABC",
        "abd",
        "Zeta",
        "安阳",
        "白城",
    ]
    assert sort_key("ＡＢＣ") == sort_key("abc")


def test_code_list_values_sort_in_the_list_order_unknown_ones_after():
    order = ["龙山区", "西安区", "东丰县", "东辽县"]
    values = ["东辽县", None, "龙山区", "安图县", "西安区", "东丰县"]
    keys = code_keys(values, order)
    assert keys[1] is None
    ranked = sorted((k, v) for k, v in zip(keys, values, strict=True) if k is not None)
    assert [v for _, v in ranked] == ["龙山区", "西安区", "东丰县", "东辽县", "安图县"]


def test_cells_numbers_as_numbers_before_text_blank_none():
    cells = ["12,000.00", "900.50", "87.1%", "9%", "白", "安", "100"]
    assert sorted(cells, key=cell_key) == ["9%", "87.1%", "100", "900.50", "12,000.00", "安", "白"]
    assert cell_key("") is None and cell_key(None) is None
    assert cell_key(3) < cell_key(12)
