from loaders.builder import ExtractionBuilder
from loaders.lexicon import token_boundaries, tokenize
from loaders.mentions import ParsedSentence, add_regions, add_towns, merge_parenthesised, place_town_bodies
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


def test_each_town_hangs_on_the_county_named_right_before_it() -> None:
    text = "温江区万春镇卫生院、新都区大丰街道社区卫生服务中心创建社区医院。"
    p = _parsed(text)
    graph = ExtractionBuilder("t.txt", text)
    ev = graph.evidence(p.sentence)
    resolver = RegionResolver("510100")
    regions = add_regions(graph, p, resolver, ev)
    towns = add_towns(graph, p, regions, resolver, ev)
    assert [t[2] for t in towns] == ["region:温江区万春镇", "region:新都区大丰街道"]


def test_a_town_named_by_a_common_word_serves_under_the_own_county() -> None:
    text = "县人民医院医共体包括和平镇卫生院、龙山街道社区卫生服务中心。"
    p = _parsed(text)
    graph = ExtractionBuilder("t.txt", text)
    ev = graph.evidence(p.sentence)
    resolver = RegionResolver("330522")
    regions = add_regions(graph, p, resolver, ev)
    towns = add_towns(graph, p, regions, resolver, ev)
    orgs = OrganizationRecognizer(resolver).find(p.sentence.clean, p.regions, p.starts, p.ends)
    names = {m.name for m in place_town_bodies(orgs, towns, p)}
    assert {"长兴县和平镇卫生院", "长兴县龙山街道社区卫生服务中心"} <= names
    # The same words before no health body are not towns, and without a county no body is kept.
    assert add_towns(graph, _parsed("建设和平乡村。"), [], resolver, ev) == []
    bare = _parsed("太平镇卫生院完成改造。")
    orgs = OrganizationRecognizer(RegionResolver(None)).find(
        bare.sentence.clean, bare.regions, bare.starts, bare.ends
    )
    assert place_town_bodies(orgs, [], bare) == []


def test_a_town_after_two_counties_hangs_on_the_one_named_before_it() -> None:
    text = "光山县人民医院托管泼陂河镇卫生院，商城县中医院与上石桥镇卫生院组建医共体。"
    p = _parsed(text)
    graph = ExtractionBuilder("t.txt", text)
    ev = graph.evidence(p.sentence)
    resolver = RegionResolver("411500")
    regions = add_regions(graph, p, resolver, ev)
    towns = add_towns(graph, p, regions, resolver, ev)
    assert [t[2] for t in towns] == ["region:光山县泼陂河镇", "region:商城县上石桥镇"]


def test_a_department_between_the_body_and_the_post_keeps_the_body() -> None:
    from loaders.pipeline import extract_document

    x = extract_document(
        "f.txt",
        "天津市武清区卫生健康工作\n武清区卫健委中医基层科工作人员郭雪明说，村卫生室已接入医保。\n"
        "他又向东台市人民医院发起远程会诊，连线了消化内科主任医师崔建明。\n",
    )
    posts = {(e.source.split("|")[0], e.target) for e in x.edges if e.type == "HOLDS_POSITION"}
    assert ("official:郭雪明", "org:武清区卫生健康委员会") in posts
    assert ("official:崔建明", "hospital:东台市人民医院") in posts


def test_a_short_form_is_the_full_name_the_document_gave_before() -> None:
    from loaders.pipeline import extract_document

    x = extract_document(
        "n.txt",
        "佛山市顺德区卫生健康局通报\n为加强我区防控，区卫生健康局组织抽查督导。\n",
    )
    bodies = [n for n in x.nodes if n.label == "Organization"]
    assert [b.name for b in bodies] == ["佛山市顺德区卫生健康局"]
    assert "顺德区卫生健康局" in bodies[0].aliases
    # The same bureau name under another city's district stays its own body.
    y = extract_document(
        "m.txt",
        "佛山市顺德区卫生健康局通报\n广州市南沙区卫生健康局派员参加。\n",
    )
    assert {n.name for n in y.nodes if n.label == "Organization"} == {
        "佛山市顺德区卫生健康局",
        "广州市南沙区卫生健康局",
    }


def test_posts_in_two_bodies_before_one_name_are_both_held() -> None:
    from loaders.pipeline import extract_document

    x = extract_document(
        "press.txt",
        "海南省新闻发布会\n中共海南省委教育工作委员会委员，海南省教育厅党组成员、副厅长孟立新：\n",
    )
    posts = {e.target for e in x.edges if e.type == "HOLDS_POSITION"}
    assert posts == {"org:中共海南省委教育工作委员会", "org:海南省教育厅"}
    # A body merely listed before the post's body holds no post of the person.
    y = extract_document(
        "list.txt", "海南省新闻发布会\n海南省卫生健康委员会、海南省教育厅副厅长孟立新出席。\n"
    )
    assert {e.target for e in y.edges if e.type == "HOLDS_POSITION"} == {"org:海南省教育厅"}


def test_a_body_opening_with_a_named_place_s_short_name_is_in_that_place() -> None:
    from loaders.pipeline import extract_document

    x = extract_document(
        "story.txt",
        "基层医疗见闻\n黔江区持续推进医疗资源下沉。黔江中心医院出资300万元建设血透室。\n",
    )
    located = {(e.source, e.target) for e in x.edges if e.type == "LOCATED_IN"}
    assert ("hospital:黔江中心医院", "region:500114") in located
    # With that place never named, the short name places nothing.
    y = extract_document("other.txt", "基层医疗见闻\n黔江中心医院出资300万元建设血透室。\n")
    assert not [e for e in y.edges if e.type == "LOCATED_IN" and e.source == "hospital:黔江中心医院"]
