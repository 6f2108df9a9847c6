"""A document run tokenizes each text once and shares the words; nothing outlives the run."""

from loaders.lexicon import _RUN_TOKENS, token_cache, tokenize
from loaders.pipeline import extract_document

SENTENCE = "南昌县人民医院推进紧密型县域医共体建设。"


def test_a_text_is_tokenized_once_per_run_and_callers_get_their_own_list():
    plain = tokenize(SENTENCE)
    with token_cache() as cache:
        first = tokenize(SENTENCE)
        first.pop()  # a caller changing its list does not change what the next caller gets
        second = tokenize(SENTENCE)
        tokenize("医共体")
        assert list(cache) == [SENTENCE, "医共体"]
        assert second == plain
        assert len(first) == len(plain) - 1
        assert cache[SENTENCE] == tuple(plain)
    tokenize("卫生院")
    assert "卫生院" not in cache  # outside a run nothing is kept


def test_runs_do_not_share_a_cache():
    with token_cache() as outer:
        tokenize(SENTENCE)
        with token_cache() as inner:
            tokenize("医共体")
        assert list(inner) == ["医共体"]
        assert list(outer) == [SENTENCE]


def test_a_document_run_keeps_its_cache_only_while_it_runs():
    text = "南昌县人民医院推进紧密型县域医共体建设。到2025年，全县孕产妇死亡率控制在10/10万以下。"
    extraction = extract_document("a.txt", text)
    assert "hospital:南昌县人民医院" in {n.id for n in extraction.nodes}
    assert _RUN_TOKENS.get() is None
