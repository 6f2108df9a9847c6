"""Words grouped by last character find the same first word as scanning the whole list."""

from loaders.lexicon import by_last_char, longest_first

VERBS = longest_first("达到 达 提高到 提升至 降至 控制在 为 超过 不低于 是")


def _first_by_scan(text: str) -> str | None:
    return next((v for v in VERBS if text.endswith(v)), None)


def _first_by_index(text: str) -> str | None:
    index = by_last_char(VERBS)
    return next((v for v in index.get(text[-1:], ()) if text.endswith(v)), None)


def test_first_word_is_the_same_as_a_full_scan():
    texts = ["覆盖率提高到", "死亡率控制在", "床位数达到", "人数达", "比例不低于", "总数", "", "到", "达到到"]
    for text in texts:
        assert _first_by_index(text) == _first_by_scan(text), text
    assert _first_by_index("覆盖率提高到") == "提高到"  # the longer verb, not 到 alone or 达到
    assert _first_by_index("总数") is None


def test_groups_keep_the_list_order():
    index = by_last_char(VERBS)
    assert index["到"] == tuple(v for v in VERBS if v.endswith("到"))
    assert index["到"][0] == "提高到"
