"""Units that measure the same quantity and the factors between them.

A family groups units one figure can be converted between (‰, /10万 and % are all rates;
万人次 is 10 000 人次). Units of different families never compare: a rate is not a count, and
个百分点 is a change, not a level.
"""

from __future__ import annotations

# family -> {unit: how many base units one of it is}; the first unit is the family's base.
FAMILIES: dict[str, dict[str, float]] = {
    "rate": {"%": 1.0, "‰": 0.1, "/10万": 0.001, "/万": 0.01},
    "persons": {"人": 1.0, "名": 1.0, "万人": 1e4, "万名": 1e4},
    "visits": {"人次": 1.0, "万人次": 1e4},
    "doses": {"剂次": 1.0, "万剂次": 1e4, "剂": 1.0},
    "money": {"元": 1.0, "万元": 1e4, "亿元": 1e8},
    # 7家 and 9个 of the same kind of centre are counted alike in these reports
    "institutions": {"个": 1.0, "家": 1.0, "所": 1.0, "万个": 1e4, "万家": 1e4},
    "beds": {"张": 1.0, "床": 1.0, "万张": 1e4},
    "cases": {"例": 1.0, "万例": 1e4},
}
_FAMILY_OF = {unit: family for family, units in FAMILIES.items() for unit in units}


def normalise_unit(unit: str) -> str:
    return (unit or "").strip().replace("％", "%").replace("1/10万", "/10万")


def family_of(unit: str) -> str:
    """The family of a unit; a unit no family knows is a family of its own."""
    unit = normalise_unit(unit)
    return _FAMILY_OF.get(unit, unit)


def base_unit(unit: str) -> str:
    family = family_of(unit)
    return next(iter(FAMILIES[family])) if family in FAMILIES else normalise_unit(unit)


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """`value` in `unit` expressed in `to_unit`, or None when the two do not measure alike."""
    unit, to_unit = normalise_unit(unit), normalise_unit(to_unit)
    if unit == to_unit:
        return value
    family = family_of(unit)
    if family not in FAMILIES or family != family_of(to_unit):
        return None
    # rounded so that 0.15‰ is 15/10万, not 15.000000000000002
    return round(value * FAMILIES[family][unit] / FAMILIES[family][to_unit], 9)
