from loaders.affiliations import parent_hospital_pairs
from loaders.lexicon import token_boundaries, tokenize
from loaders.organizations import OrganizationRecognizer
from loaders.regions import RegionResolver, find_region_names


def _find(text: str, own: str | None):
    starts, ends = token_boundaries(tokenize(text))
    regions = find_region_names(text, starts, ends)
    return OrganizationRecognizer(RegionResolver(own)).find(text, regions, starts, ends)


def test_short_forms_expand_with_the_own_region() -> None:
    found = _find("支持省人民医院与市一医院组建专科联盟", "360100")
    assert [(m.name, m.label, m.region.name) for m in found] == [
        ("江西省人民医院", "Hospital", "江西省"),
        ("南昌市第一医院", "Hospital", "南昌市"),
    ]
    assert found[0].aliases == ["省人民医院"]


def test_two_counties_people_s_hospitals_stay_apart() -> None:
    a = _find("县人民医院新建住院楼", "360121")[0]
    b = _find("县人民医院新建住院楼", "360124")[0]
    assert a.name == "南昌县人民医院"
    assert b.name == "进贤县人民医院"
    assert a.id != b.id


def test_short_form_without_context_is_dropped() -> None:
    assert _find("县人民医院新建住院楼", None) == []


def test_commission_names_are_canonical() -> None:
    found = _find("市卫健委召开会议", "430200")
    assert found[0].id == "org:株洲市卫生健康委员会"
    assert "市卫健委" in found[0].aliases


def test_kinds_of_hospital_are_not_hospitals() -> None:
    assert _find("推动公立医院高质量发展，加强县级医院和社区医院建设", "360100") == []


def test_named_hospital_with_place_and_branch() -> None:
    found = _find("推进某某大学附属协和医院贵州医院建设", "520000")
    assert found[0].name == "某某大学附属协和医院贵州医院"
    assert found[0].region.name == "贵州省"
    assert parent_hospital_pairs(found, "") == [("某某大学附属协和医院贵州医院", "某某大学附属协和医院")]


def test_party_committee_and_government() -> None:
    found = _find("在县委、县政府领导下开展工作", "360121")
    assert [m.name for m in found] == ["中共南昌县委", "南昌县人民政府"]


def test_a_place_name_starting_with_a_numeral_character_is_no_count() -> None:
    found = _find("支持四川大学华西医院与省人民医院共建分中心", "520000")
    assert [m.name for m in found] == ["四川大学华西医院", "贵州省人民医院"]


def test_government_departments_and_national_bodies() -> None:
    found = _find("省发展改革委、省财政厅会同财政部部署", "430000")
    assert [m.name for m in found] == ["湖南省发展改革委", "湖南省财政厅", "财政部"]


def test_a_group_being_formed_is_one_body() -> None:
    [group] = _find("组建县域健康总院，统筹县乡资源", "360121")
    assert (group.name, group.region.name, group.aliases) == (
        "南昌县县域健康总院",
        "南昌县",
        ["县域健康总院"],
    )
    assert _find("组建紧密型医共体", "360121") == []
    assert _find("发挥健康总院作用", "360121") == []


def test_the_last_leading_place_locates_a_hospital() -> None:
    [m] = _find("福州市鼓楼区医院开展义诊", "350000")
    assert (m.name, m.region.name) == ("福州市鼓楼区医院", "鼓楼区")


def test_a_university_named_after_a_place_is_there() -> None:
    found = _find("厦门大学附属第一医院和中山大学附属第一医院", "350000")
    assert [(m.name, m.region.name if m.region else None) for m in found] == [
        ("厦门大学附属第一医院", "厦门市"),
        ("中山大学附属第一医院", None),
    ]


def test_a_verb_before_a_place_ends_the_name() -> None:
    text = "他于去年加入某某市中心医院。"
    tokens = tokenize(text)
    starts, ends = token_boundaries(tokens)
    regions = find_region_names(text, starts, ends)
    found = OrganizationRecognizer(RegionResolver("510000")).find(
        text, regions, starts, ends, None, {t.end: t.flag for t in tokens}
    )
    assert all(not m.name.startswith("加入") for m in found)


def test_a_title_after_a_hospital_does_not_hide_it() -> None:
    assert [m.name for m in _find("县人民医院院长刘某介绍", "430321")] == ["湘潭县人民医院"]


def test_an_autonomous_prefecture_names_its_own_bodies_with_zhou() -> None:
    found = _find("州卫生健康局、州人民医院联合开展义诊", "433100")
    assert [m.name for m in found] == ["湘西土家族苗族自治州卫生健康局", "湘西土家族苗族自治州人民医院"]
    # In a city's report 州 names nothing of its own.
    assert _find("州人民医院开展义诊", "430100") == []


def test_a_former_body_is_not_a_current_one() -> None:
    assert [m.name for m in _find("原县卫生局局长某某表示", "330522")] == []
    assert [m.name for m in _find("县卫生健康局局长某某表示", "330522")] == ["长兴县卫生健康局"]


def test_many_bodies_named_together_are_no_one_body() -> None:
    assert [m.name for m in _find("各县区卫生健康局局长参加会议", "450200")] == []
    assert [m.name for m in _find("县卫生健康局局长参加会议", "450225")] == ["融水苗族自治县卫生健康局"]


def test_a_place_before_a_university_hospital_locates_it_without_joining_its_name() -> None:
    found = _find("天津市天津医科大学附属肿瘤医院派驻专家", None)
    assert [(m.name, m.region.name) for m in found] == [("天津医科大学附属肿瘤医院", "天津市")]
    assert found[0].aliases == ["天津市天津医科大学附属肿瘤医院"]
    found = _find("湖北省武汉大学附属人民医院派驻专家", None)
    assert [(m.name, m.region.name) for m in found] == [("武汉大学附属人民医院", "武汉市")]
    # Near miss: a place before an ordinary hospital stays in its name.
    assert [m.name for m in _find("天津市第一中心医院派驻专家", None)] == ["天津市第一中心医院"]
    # Near miss: the place is the school's own name (广西医科大学), so it stays.
    assert [m.name for m in _find("广西医科大学第一附属医院派驻专家", None)] == ["广西医科大学第一附属医院"]


def test_a_short_name_ending_one_affiliated_hospital_is_that_hospital() -> None:
    from loaders.affiliations import short_forms_of_affiliated

    known: list[str] = []
    short_forms_of_affiliated(_find("首都医科大学附属北京天坛医院派驻专家", None), known)
    later = short_forms_of_affiliated(_find("北京天坛医院派驻专家，北京胸科医院接收进修", None), known)
    assert [m.name for m in later] == ["首都医科大学附属北京天坛医院", "北京胸科医院"]
    assert later[0].aliases[-1] == "北京天坛医院"


def test_a_place_opening_with_a_plural_word_is_still_one_body() -> None:
    # 诸 opens 诸城市 and 诸暨市 as it opens 诸医院 (many hospitals).
    assert [m.name for m in _find("诸城市人民医院派驻专家", None)] == ["诸城市人民医院"]
    assert [m.name for m in _find("诸暨市中医医院派驻专家", None)] == ["诸暨市中医医院"]
    assert _find("各县区卫生健康局要落实责任", None) == []


def test_a_place_written_out_before_yiyuan_names_its_one_hospital() -> None:
    found = _find("石狮市医院派驻专家", None)
    assert [(m.name, m.region.name) for m in found] == [("石狮市医院", "石狮市")]
    # Near miss: the relative 县医院 alone is the kind of hospital, not one.
    assert _find("推进县医院综合能力提升", "360121") == []


def test_a_group_name_does_not_reach_back_over_a_finished_body() -> None:
    found = _find("新建区人民医院和新建区妇幼保健院组成医共体", "360112")
    assert [m.name for m in found] == ["新建区人民医院", "新建区妇幼保健院"]


def test_a_university_hospital_without_fushu_is_opened_by_the_university_too() -> None:
    from loaders.affiliations import short_forms_of_affiliated

    known: list[str] = []
    found = short_forms_of_affiliated(_find("四川省四川大学华西医院派驻专家", None), known)
    assert [(m.name, m.region.name) for m in found] == [("四川大学华西医院", "四川省")]
    later = short_forms_of_affiliated(_find("华西医院派驻专家", None), known)
    assert [m.name for m in later] == ["四川大学华西医院"]
    # Near miss: a university's name alone before 医院 is not a place to strip.
    assert [m.name for m in _find("北京市大学生医院派驻专家", None)] == ["北京市大学生医院"]


def _orgs(text: str) -> set[str]:
    from loaders.pipeline import extract_document

    x = extract_document("o.txt", text)
    return {n.name for n in x.nodes if n.label in ("Organization", "Hospital")}


def test_bodies_beyond_health_administrations() -> None:
    found = _orgs(
        "贵州省健康教育工作\n遵义市播州区第一小学启动健康学校建设。世界卫生组织将健康融入所有政策作为主题。"
        "推动成立贵州省健康教育联盟。全力推进中原纳米酶实验室建设。\n"
    )
    assert {"遵义市播州区第一小学", "世界卫生组织", "贵州省健康教育联盟", "中原纳米酶实验室"} <= found


def test_a_department_of_any_level_or_a_verb_is_no_body() -> None:
    found = _orgs("海南省卫生健康工作\n教育部门和财政部门落实投入政策。孩子们不仅自己学会了洗手。\n")
    assert not found & {"教育部", "财政部"}
    assert not any(name.endswith("学会") for name in found)
