import pytest

from desktop_app.domain.textmatch import matches, normalize, same_name, search_key

KEY = search_key(["鑫达钢铁180万吨热轧带钢", "鑫达钢铁", None, "辽源市工信局"])


@pytest.mark.parametrize(
    "query", ["鑫达", "xdgt", "xinda", "XinDa", "鋼鐵", "遼源", "180万吨", "180wd", " 钢 铁 "]
)
def test_queries_that_find_the_project(query):
    assert matches(query, KEY)


@pytest.mark.parametrize("query", ["巨峰", "jufeng", "xdgtx", "梅河口"])
def test_queries_that_do_not(query):
    assert not matches(query, KEY)


def test_empty_query_matches_everything():
    assert matches("", KEY)


def test_query_does_not_match_across_fields():
    # initials of the end of one field and the start of the next must not join up
    key = search_key(["东辽", "河口"])
    assert matches("dl", key) and matches("hk", key)
    assert not matches("lh", key)


def test_normalize_and_same_name():
    assert normalize("遼源 市") == "辽源市"
    assert same_name("巨峰生化 20万吨山梨酸", "巨峰生化20萬噸山梨酸")
    assert not same_name("巨峰生化", "巨晟轻合金")
