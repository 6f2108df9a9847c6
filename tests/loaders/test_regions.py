from loaders.gazetteer import towns_in
from loaders.lexicon import token_boundaries, tokenize
from loaders.regions import RegionResolver, division_index, find_region_names


def _names(text: str) -> list[str]:
    starts, ends = token_boundaries(tokenize(text))
    return [m.surface for m in find_region_names(text, starts, ends)]


def test_division_table_gives_codes_levels_and_parents() -> None:
    index = division_index()
    chain = index.chain("360112")
    assert [(d.name, d.level) for d in chain] == [
        ("新建区", "county"),
        ("南昌市", "city"),
        ("江西省", "province"),
    ]
    assert index.by_code["110108"].parent == "110000"  # a municipality's district hangs on the municipality


def test_full_and_short_names_are_found() -> None:
    assert _names("湖南株洲召开会议，醴陵市代表发言") == ["湖南", "株洲", "醴陵市"]


def test_a_short_name_inside_a_longer_word_is_no_place() -> None:
    assert _names("中山大学专家到会指导") == []
    assert _names("上海合作组织论坛开幕") == []


def test_generic_county_names_are_ordinary_words() -> None:
    assert _names("覆盖更多城区和郊区居民") == []


def test_ambiguous_county_resolves_only_with_context() -> None:
    index = division_index()
    candidates = tuple(index.by_name["朝阳区"])
    assert len(candidates) > 1
    assert RegionResolver(None).resolve(candidates) is None
    assert RegionResolver("220100").resolve(candidates).code == "220104"
    assert RegionResolver("110000").resolve(candidates).code == "110105"


def test_relative_levels_resolve_to_the_own_region() -> None:
    resolver = RegionResolver("360112")
    assert resolver.by_level_suffix("区").name == "新建区"
    assert resolver.by_level_suffix("市").name == "南昌市"
    assert resolver.by_level_suffix("省").name == "江西省"
    assert resolver.by_level_suffix("县") is None
    assert RegionResolver("310000").by_level_suffix("市").name == "上海市"


def test_towns_need_a_place_stem() -> None:
    for text, expected in (
        ("支持黄马乡卫生院改造", ["黄马乡"]),
        ("创建国家卫生城镇", []),
        ("每个乡镇至少一名医生", []),
        ("落实县聘乡用机制", []),
    ):
        starts, _ = token_boundaries(tokenize(text))
        assert [t[2] for t in towns_in(text, starts)] == expected, text


def test_city_short_names_that_are_everyday_words_are_no_place() -> None:
    assert _names("欢迎各位来宾，文山会海要精简") == []


def test_autonomous_prefectures_and_counties_by_their_short_forms() -> None:
    index = division_index()
    assert [d.name for d in index.candidates("甘孜州")] == ["甘孜藏族自治州"]
    assert [d.name for d in index.candidates("凉山")] == ["凉山彝族自治州"]
    assert [d.name for d in index.candidates("长阳县")] == ["长阳土家族自治县"]
    assert index.candidates("长阳") == []  # a bare county short form is too often an ordinary word
    assert _names("支持甘孜州和凉山开展巡回医疗") == ["甘孜州", "凉山"]


def _part_of(text: str) -> tuple[set[tuple[str, str]], set[str]]:
    from loaders.pipeline import extract_document

    ex = extract_document("t.txt", text)
    names = {n.id: n.name for n in ex.nodes}
    return {(names[e.source], names[e.target]) for e in ex.edges if e.type == "PART_OF"}, set(names.values())


def test_a_place_hangs_on_the_nearest_ancestor_the_text_names() -> None:
    edges, names = _part_of("贵州省召开会议。余庆县开展健康教育，贞丰县推进控烟。")
    assert ("余庆县", "贵州省") in edges and ("贞丰县", "贵州省") in edges
    assert "遵义市" not in names and "黔西南布依族苗族自治州" not in names
    # Near miss: a city the text names stays the county's parent.
    edges, _ = _part_of("贵州省召开会议。遵义市余庆县开展健康教育。")
    assert ("余庆县", "遵义市") in edges and ("遵义市", "贵州省") in edges
