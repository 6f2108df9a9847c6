from loaders.partners import Party, partner_pairs


def _party(text: str, name: str, pid: str) -> Party:
    start = text.index(name)
    return Party(start, start + len(name), pid, name)


def test_two_parties_joined_by_yu_in_a_cooperation() -> None:
    text = "某县与某市人民医院开展对口支援合作。"
    parties = [_party(text, "某县", "region:a"), _party(text, "某市人民医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("region:a", "hospital:b")]


def test_the_actor_is_the_first_party_when_none_is_named() -> None:
    text = "深入推进与某某大学附属医院的战略合作。"
    parties = [_party(text, "某某大学附属医院", "hospital:b")]
    assert partner_pairs(text, parties, "region:own") == [("region:own", "hospital:b")]


def test_no_partnership_word_no_partners() -> None:
    text = "某县与某市人民医院召开座谈会。"
    parties = [_party(text, "某县", "region:a"), _party(text, "某市人民医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == []


def test_members_partner_with_the_named_group() -> None:
    text = "组建某县医疗集团，以县人民医院为龙头、某镇卫生院为成员单位的医共体。"
    parties = [
        _party(text, "某县医疗集团", "org:g"),
        _party(text, "县人民医院", "hospital:a"),
        _party(text, "某镇卫生院", "hospital:b"),
    ]
    assert partner_pairs(text, parties, None) == [("hospital:a", "org:g"), ("hospital:b", "org:g")]


def test_a_pairing_verb_between_two_parties() -> None:
    text = "某市人民医院托管某县中医院。"
    parties = [_party(text, "某市人民医院", "hospital:a"), _party(text, "某县中医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "hospital:b")]
    near_miss = "某市人民医院表彰某县中医院。"
    parties = [_party(near_miss, "某市人民医院", "hospital:a"), _party(near_miss, "某县中医院", "hospital:b")]
    assert partner_pairs(near_miss, parties, None) == []


def test_a_quoted_comma_does_not_end_the_clause() -> None:
    text = "探索某市人民医院与某区实施“县乡一体,上下联动”的紧密型医疗集团建设。"
    parties = [_party(text, "某市人民医院", "hospital:a"), _party(text, "某区", "region:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "region:b")]


def test_respectively_pairs_each_listed_party_with_the_other() -> None:
    text = "甲医院和乙医院分别与丙医院签订托管协议。"
    parties = [_party(text, n, f"hospital:{n}") for n in ("甲医院", "乙医院", "丙医院")]
    assert partner_pairs(text, parties, None) == [
        ("hospital:甲医院", "hospital:丙医院"),
        ("hospital:乙医院", "hospital:丙医院"),
    ]


def test_a_modal_may_stand_before_the_joiner() -> None:
    text = "某市人民医院将与某区人民医院组建医疗集团。"
    parties = [_party(text, "某市人民医院", "hospital:a"), _party(text, "某区人民医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "hospital:b")]


def test_without_a_lead_or_group_there_is_no_hub() -> None:
    text = "甲医院开展义诊，乙医院为成员单位的专科联盟召开会议。"
    parties = [_party(text, "甲医院", "hospital:a"), _party(text, "乙医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == []


def _parties(text: str, *names: str) -> list[Party]:
    return [_party(text, n, f"h:{n}") for n in names]


def test_every_party_listed_after_yu_is_a_partner() -> None:
    text = "推动某某大学附属医院与甲县人民医院、乙市人民医院开展对口帮扶。"
    pairs = partner_pairs(text, _parties(text, "某某大学附属医院", "甲县人民医院", "乙市人民医院"), None)
    assert pairs == [("h:某某大学附属医院", "h:甲县人民医院"), ("h:某某大学附属医院", "h:乙市人民医院")]
    # Two pairs in one list are not one list.
    text = "甲医院与乙医院、丙医院与丁医院分别签订合作协议。"
    pairs = partner_pairs(text, _parties(text, "甲医院", "乙医院", "丙医院", "丁医院"), None)
    assert ("h:甲医院", "h:丙医院") not in pairs and ("h:甲医院", "h:丁医院") not in pairs


def test_a_role_may_stand_between_the_first_party_and_yu() -> None:
    text = "某某大学附属医院作为输出医院与某省儿童医院共建国家儿童区域医疗中心。"
    pairs = partner_pairs(text, _parties(text, "某某大学附属医院", "某省儿童医院"), None)
    assert pairs == [("h:某某大学附属医院", "h:某省儿童医院")]
    text = "某某大学附属医院作为专家来源，某省儿童医院与某县合作。"
    assert ("h:某某大学附属医院", "h:某省儿童医院") not in partner_pairs(
        text, _parties(text, "某某大学附属医院", "某省儿童医院"), None
    )


def test_the_hospital_whose_group_lists_members_partners_with_each() -> None:
    text = "县人民医院医共体包括甲镇卫生院、乙街道社区卫生服务中心等9家成员单位。"
    pairs = partner_pairs(text, _parties(text, "县人民医院", "甲镇卫生院", "乙街道社区卫生服务中心"), None)
    assert pairs == [("h:县人民医院", "h:甲镇卫生院"), ("h:县人民医院", "h:乙街道社区卫生服务中心")]
    text = "县人民医院医共体建设成效明显，甲镇卫生院获评优质服务基层行推荐标准机构。"
    assert partner_pairs(text, _parties(text, "县人民医院", "甲镇卫生院"), None) == []


def test_a_role_then_a_comma_still_names_the_first_party() -> None:
    text = "某市工人医院作为依托医院，与某某医科大学第一附属医院共建心血管病区域医疗中心。"
    pairs = partner_pairs(text, _parties(text, "某市工人医院", "某某医科大学第一附属医院"), "region:own")
    assert pairs == [("h:某市工人医院", "h:某某医科大学第一附属医院")]


def test_a_place_that_opens_a_name_after_a_pairing_verb_is_no_partner() -> None:
    text = "某某大学附属医院共建广西心血管病区域医疗中心。"
    parties = [_party(text, "某某大学附属医院", "hospital:a"), _party(text, "广西", "region:450000")]
    assert partner_pairs(text, parties, None) == []
    text = "某某大学附属医院对口支援三江县，派驻专家10名。"
    parties = [_party(text, "某某大学附属医院", "hospital:a"), _party(text, "三江县", "region:450226")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "region:450226")]


def test_a_pairing_verb_pairs_only_when_it_alone_stands_between() -> None:
    text = "某市中心医院与甲大学附属医院共建区域医疗中心，以乙医院为输出医院建设国家区域医疗中心。"
    pairs = partner_pairs(text, _parties(text, "某市中心医院", "甲大学附属医院", "乙医院"), None)
    assert ("h:甲大学附属医院", "h:乙医院") not in pairs
    text = "某市人民医院全面托管某县中医院。"
    assert partner_pairs(text, _parties(text, "某市人民医院", "某县中医院"), None) == [
        ("h:某市人民医院", "h:某县中医院")
    ]


def test_output_hospital_pairs_with_the_host_named_in_another_clause() -> None:
    text = "以甲市儿童医院为输出医院建设国家儿童区域医疗中心，依托乙省妇幼保健院开展合作。"
    parties = [_party(text, "甲市儿童医院", "hospital:a"), _party(text, "乙省妇幼保健院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "hospital:b")]
    text = "以甲市儿童医院为输出医院、乙省妇幼保健院为依托医院，建设区域医疗中心。"
    parties = [_party(text, "甲市儿童医院", "hospital:a"), _party(text, "乙省妇幼保健院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "hospital:b")]


def test_depending_on_a_hospital_without_an_output_hospital_pairs_nothing() -> None:
    text = "依托丙县人民医院建设胸痛中心，丁县中医院建设卒中中心。"
    parties = [_party(text, "丙县人民医院", "hospital:c"), _party(text, "丁县中医院", "hospital:d")]
    assert partner_pairs(text, parties, None) == []


def test_members_listed_without_a_lead_pair_no_two_of_them() -> None:
    text = "甲县人民医院、甲县中医院和甲县妇幼保健院组成医共体。"
    names = ["甲县人民医院", "甲县中医院", "甲县妇幼保健院"]
    parties = [_party(text, n, f"hospital:{i}") for i, n in enumerate(names)]
    assert partner_pairs(text, parties, None) == []
    # Near miss: two parties joined by 和 alone still pair.
    text = "甲县人民医院和乙市中心医院签订合作协议。"
    parties = [_party(text, "甲县人民医院", "hospital:a"), _party(text, "乙市中心医院", "hospital:b")]
    assert partner_pairs(text, parties, None) == [("hospital:a", "hospital:b")]


def test_a_bare_lead_clause_takes_the_members_of_the_next_forming_clause() -> None:
    text = "甲县人民医院牵头，联合甲县中医院、甲县妇幼保健院组建医共体。"
    names = ["甲县人民医院", "甲县中医院", "甲县妇幼保健院"]
    parties = [_party(text, n, f"hospital:{i}") for i, n in enumerate(names)]
    assert partner_pairs(text, parties, None) == [("hospital:1", "hospital:0"), ("hospital:2", "hospital:0")]
    # Near miss: the next clause forms no group, so its body is no member.
    text = "甲县人民医院牵头，甲县中医院负责质控，推进医共体建设。"
    parties = [_party(text, n, f"hospital:{i}") for i, n in enumerate(names[:2])]
    assert partner_pairs(text, parties, None) == []
