from loaders.lexicon import token_boundaries, tokenize
from loaders.organizations import OrganizationRecognizer, parent_hospital_pairs
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
