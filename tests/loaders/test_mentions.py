from loaders.builder import ExtractionBuilder
from loaders.lexicon import token_boundaries, tokenize
from loaders.mentions import ParsedSentence, add_regions, add_towns, merge_parenthesised
from loaders.organizations import OrganizationRecognizer
from loaders.regions import RegionResolver, find_region_names
from loaders.sentences import split_sentences


def _parsed(text: str) -> ParsedSentence:
    s = split_sentences(text)[0]
    tokens = tokenize(s.clean)
    starts, ends = token_boundaries(tokens)
    return ParsedSentence(s, tokens, starts, ends, find_region_names(s.clean, starts, ends))


def test_a_name_in_brackets_is_another_name_of_the_same_body() -> None:
    p = _parsed("某某大学附属医院贵州医院(贵州省第二人民医院)挂牌。")
    found = OrganizationRecognizer(RegionResolver("520000")).find(
        p.sentence.clean, p.regions, p.starts, p.ends
    )
    [merged] = merge_parenthesised(found, p.sentence.clean)
    assert merged.name == "某某大学附属医院贵州医院"
    assert "贵州省第二人民医院" in merged.aliases


def test_towns_hang_on_the_county_of_the_sentence() -> None:
    text = "平江县三市镇卫生院完成改造。"
    p = _parsed(text)
    graph = ExtractionBuilder("t.txt", text)
    ev = graph.evidence(p.sentence)
    regions = add_regions(graph, p, RegionResolver("430626"), ev)
    [(_, _, town_id, county)] = add_towns(graph, p, regions, RegionResolver("430626"), ev)
    assert (town_id, county.name) == ("region:平江县三市镇", "平江县")
    assert ("PART_OF", "region:平江县三市镇", "region:430626") in graph.edges
