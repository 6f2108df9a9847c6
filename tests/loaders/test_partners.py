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
