"""The tokenizer's C++ word route (jieba-fast-dat) gives exactly jieba.posseg's words and tags."""

from pathlib import Path

import jieba.posseg
import pytest

from loaders.lexicon import _pos_tokenizer, tokenize
from loaders.pos_hmm import FastPOSTokenizer
from loaders.word_route import WordRoutes, word_routes

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
# Numbers, Latin letters, spaces, line ends, place names the lexicon adds, runs no word covers.
EDGE_CASES = [
    "降低到13.72%。",
    "全国第35个爱国卫生月",
    "纪念馆在赣落成，全省62%的县开展COVID-19 筛查",
    "出台三孩生育政策的省份\r\n南昌县人民医院",
    "蔺家沟村卫生室 与 A+B 模式、C#、3.5.1版",
    "上海合作组织医院和北京协和医学院",
    "",
    "乂",
]


def _lines() -> list[str]:
    lines = [
        line
        for path in sorted(SAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 50
    return lines + EDGE_CASES


def _routed() -> FastPOSTokenizer:
    tokenizer = _pos_tokenizer()
    if tokenizer.routes is None:
        pytest.skip("jieba-fast-dat is not installed")
    return tokenizer


def test_routes_are_jiebas_routes_with_the_added_words():
    tokenizer = _routed()
    jieba_tokenizer = tokenizer.tokenizer
    assert tokenizer.routes.total == jieba_tokenizer.total
    blocks = [b for line in _lines() for b in jieba.posseg.re_han_internal.findall(line)]
    assert len(blocks) > 500
    for block in blocks:
        route: dict[int, tuple[float, int]] = {}
        jieba_tokenizer.calc(block, jieba_tokenizer.get_DAG(block), route)
        assert tokenizer.routes.last_indexes(block)[: len(block)] == [route[x][1] for x in range(len(block))]


def test_words_and_tags_are_jieba_posseg_with_the_same_dictionary():
    tokenizer = _routed()
    stock = jieba.posseg.POSTokenizer(tokenizer.tokenizer)  # jieba's own code, the same added words
    tokenizer.makesure_userdict_loaded()  # the first tagger to load the added words' tags takes them
    stock.word_tag_tab = dict(tokenizer.word_tag_tab)
    for line in _lines():
        expected = [(p.word, p.flag) for p in stock.cut(line)]
        assert tokenizer.word_tags(line) == expected, line
        assert [(p.word, p.flag) for p in tokenizer.cut(line)] == expected, line


def test_tokens_carry_offsets_into_the_text():
    tokens = tokenize("降低到13.72%。南昌县人民医院")
    assert [(t.word, t.flag, t.start, t.end) for t in tokens[:4]] == [
        ("降低", "v", 0, 2),
        ("到", "v", 2, 3),
        ("13.72", "m", 3, 8),
        ("%", "x", 8, 9),
    ]
    assert "".join(t.word for t in tokens) == "降低到13.72%。南昌县人民医院"


def test_without_the_package_the_tokenizer_keeps_jiebas_python_route(monkeypatch):
    routed = _routed()
    monkeypatch.setenv("HEALTHKG_PURE_JIEBA", "1")
    assert word_routes("unused", [], 1) is None
    pure = FastPOSTokenizer(routed.tokenizer)
    pure.word_tag_tab = routed.word_tag_tab
    for line in _lines()[:40] + EDGE_CASES:
        assert pure.word_tags(line) == routed.word_tags(line), line


def test_a_saved_trie_gives_the_routes_of_a_built_one(tmp_path, monkeypatch):
    routed = _routed()
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    with routed.tokenizer.get_dict_file() as dictionary:
        path = dictionary.name
    words = [("南昌县人民医院", 300, "nt"), ("医共体", 200000, "n")]
    built = WordRoutes(path, words, routed.tokenizer.total)
    saved = list(tmp_path.glob("healthkg-word-route-*.dat"))
    assert len(saved) == 1 and not list(tmp_path.glob("*.tmp"))
    loaded = WordRoutes(path, words, routed.tokenizer.total)
    other = WordRoutes(path, words[:1], routed.tokenizer.total)  # other words: another file
    assert len(list(tmp_path.glob("healthkg-word-route-*.dat"))) == 2
    for block in ["南昌县人民医院推进紧密型县域医共体建设", "到2025年全县孕产妇死亡率控制在10"]:
        assert loaded.last_indexes(block) == built.last_indexes(block)
    assert built.last_indexes("医共体建设")[0] == 2  # 医共体 is one word with the added words
    assert other.last_indexes("医共体建设")[0] != 2


def test_forgetting_seen_text_empties_the_caches_and_changes_no_tags():
    from loaders.lexicon import forget_seen_text
    from loaders.pos_hmm import _candidates

    text = "蔺家沟村卫生室为乂乂乂服务"
    before = tokenize(text)
    tokenizer = _pos_tokenizer()
    assert tokenizer._run_tags.cache_info().currsize > 0 and _candidates.cache_info().currsize > 0
    forget_seen_text()
    assert tokenizer._run_tags.cache_info().currsize == 0 and _candidates.cache_info().currsize == 0
    assert tokenize(text) == before
