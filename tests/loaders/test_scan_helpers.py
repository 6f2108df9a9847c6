"""Helpers that replaced per-sentence rescans: the word scanner and the titled-officials index."""

import re

from loaders.builder import ExtractionBuilder
from loaders.lexicon import WordScanner
from loaders.models import Evidence, Official, Organization


def test_the_scanner_finds_what_a_finditer_per_listed_word_finds():
    listed = ["建设", "哈哈", "省政府", "政府", "医共体建设", "a.b", "没有的词"]
    scanner = WordScanner(listed)
    texts = [
        "推进医共体建设和医联体建设",
        "哈哈哈哈哈",  # overlapping: left to right, not overlapping, like finditer
        "省委省政府，市政府",
        "a.b.c a.b",  # a character special in patterns is a plain character here
        "",
    ]
    for text in texts:
        expected = [
            (word, spans)
            for word in listed
            if (spans := [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)])
        ]
        assert scanner.scan(text) == expected
    assert scanner.scan("哈哈哈哈哈") == [("哈哈", [(0, 2), (2, 4)])]
    assert scanner.scan("推进医共体建设")[0] == ("建设", [(5, 7)])  # the list's order, not the text's


def test_titled_officials_index_keeps_the_latest_titled_official_of_a_name():
    text = "张三主任说。李四说。张三副主任。"
    graph = ExtractionBuilder("a.txt", text)
    ev = Evidence.from_text("a.txt", text, 0, 6)
    graph.add(Official(id="official:张三|卫健委", name="张三", title="主任"), ev)
    graph.add(Official(id="official:李四|x", name="李四"), ev)  # no title: not indexed
    graph.add(Organization(id="org:卫健委", name="卫健委"), ev)
    graph.add(Official(id="official:张三|医院", name="张三", title="副主任"), ev)
    graph.add(Official(id="official:张三|卫健委", name="张三", title="主任"), ev)  # known: no change
    assert graph.titled_officials == {"张三": "official:张三|医院"}
    titled = {n.name: n.id for n in graph.nodes.values() if isinstance(n, Official) and n.title}
    assert graph.titled_officials == titled  # what the rescan it replaces gave
