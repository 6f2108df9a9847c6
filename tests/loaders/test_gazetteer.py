"""Towns and villages from the gazetteer (loaders/data/towns.tsv.xz), placed under the county the
text names; cases from a feature story, a provincial article and a district work report."""

from loaders.builder import ExtractionBuilder
from loaders.gazetteer import gazetteer, towns_in
from loaders.lexicon import token_boundaries, tokenize
from loaders.mentions import ParsedSentence, add_regions, add_towns
from loaders.regions import RegionResolver, find_region_names
from loaders.sentences import split_sentences


def _parsed(text: str) -> ParsedSentence:
    s = split_sentences(text)[0]
    tokens = tokenize(s.clean)
    starts, ends = token_boundaries(tokens)
    return ParsedSentence(s, tokens, starts, ends, find_region_names(s.clean, starts, ends))


def _towns(text: str) -> list[str]:
    starts, _ = token_boundaries(tokenize(text))
    return [name for _, _, name in towns_in(text, starts)]


def test_the_gazetteer_lists_towns_and_villages_under_their_county() -> None:
    g = gazetteer()
    assert "500114" in g.town_counties("金溪镇")  # 重庆市黔江区
    assert [r.town for r in g.village_towns("老米店村", {"120114"})] == ["黄庄街道"]


def test_a_listed_town_is_found_whatever_word_comes_before_it() -> None:
    assert _towns("老人是金溪镇的一位村民。") == ["金溪镇"]
    assert _towns("来自弶港镇的患者。") == ["弶港镇"]
    # Near misses: 乡镇, 街镇 and a verb before 镇卫生院 name no town.
    assert _towns("都要去镇卫生院看病，报给街镇卫生院。") == []
    assert _towns("每个乡镇都有卫生院。") == []


def test_a_town_hangs_on_a_county_named_earlier_that_has_it() -> None:
    resolver = RegionResolver("320981")  # the story's own place is another county
    first = _parsed("在重庆市黔江区，医院下沉到基层。")
    graph = ExtractionBuilder("t.txt", first.sentence.clean)
    add_regions(graph, first, resolver, graph.evidence(first.sentence))
    later = _parsed("医院决定在金溪镇建一个血透室。")
    ev = graph.evidence(later.sentence)
    towns = add_towns(graph, later, add_regions(graph, later, resolver, ev), resolver, ev)
    assert [(t[2], t[3].name) for t in towns] == [("region:黔江区金溪镇", "黔江区")]
    # Near miss: a town no named county has stays out (it could be any town of that name).
    other = _parsed("王某是太平镇的村民。")
    ev = graph.evidence(other.sentence)
    assert add_towns(graph, other, add_regions(graph, other, resolver, ev), resolver, ev) == []


def test_a_village_right_after_its_town_is_part_of_it() -> None:
    p = _parsed("天津市武清区黄庄街道老米店村村民说。")
    graph = ExtractionBuilder("t.txt", p.sentence.clean)
    ev = graph.evidence(p.sentence)
    resolver = RegionResolver("120114")
    found = add_towns(graph, p, add_regions(graph, p, resolver, ev), resolver, ev)
    assert [t[2] for t in found] == ["region:武清区黄庄街道", "region:武清区黄庄街道老米店村"]
    assert ("PART_OF", "region:武清区黄庄街道老米店村", "region:武清区黄庄街道") in graph.edges
    # Near miss: a 村 the town does not list is no village of it.
    p = _parsed("天津市武清区黄庄街道新发村村民说。")
    found = add_towns(graph, p, add_regions(graph, p, resolver, ev), resolver, ev)
    assert [t[2] for t in found] == ["region:武清区黄庄街道"]


def test_a_county_name_inside_another_place_name_is_not_found() -> None:
    starts, ends = token_boundaries(tokenize("金溪镇距黔江城区20公里。"))
    assert [m.surface for m in find_region_names("金溪镇距黔江城区20公里。", starts, ends)] == []
    text = "阳江市江城区人民医院开诊。"
    starts, ends = token_boundaries(tokenize(text))
    assert [m.surface for m in find_region_names(text, starts, ends)] == ["阳江市", "江城区"]


def test_a_county_short_form_in_a_list_of_places() -> None:
    text = "在海口、文昌、琼海等市县开展试点。"
    starts, ends = token_boundaries(tokenize(text))
    assert [m.surface for m in find_region_names(text, starts, ends)] == ["海口", "文昌", "琼海"]
    # Near miss: without a closing word for places the short form is left alone.
    text = "在三亚、琼海开展试点。"
    starts, ends = token_boundaries(tokenize(text))
    assert [m.surface for m in find_region_names(text, starts, ends)] == ["三亚"]


def test_villages_and_towns_in_general_are_no_town() -> None:
    assert _towns("区域内乡镇卫生院为成员单位。") == []
    # Near miss: a town named before its 卫生院 is one even when the gazetteer lacks it.
    assert _towns("新设立的青岚镇卫生院开诊。") == ["青岚镇"]
    assert _towns("建设望城镇卫生院中医馆。") == ["望城镇"]  # a listed town ending in 城镇
