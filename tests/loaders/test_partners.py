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
