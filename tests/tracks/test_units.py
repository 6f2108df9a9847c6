"""Unit families and conversions between them."""

from __future__ import annotations

import pytest

from graph.tracks.units import base_unit, convert, family_of


@pytest.mark.parametrize(
    ("value", "unit", "to_unit", "expected"),
    [
        (0.15, "‰", "/10万", 15.0),
        (12.0, "/10万", "‰", 0.12),
        (12.0, "1/10万", "/10万", 12.0),
        (1.0, "%", "‰", 10.0),
        (60.0, "％", "%", 60.0),
        (706.21, "万剂次", "剂次", 7062100.0),
        (3.5, "万人次", "人次", 35000.0),
        (2.0, "亿元", "万元", 20000.0),
        (7.0, "家", "个", 7.0),
    ],
)
def test_convert_within_a_family(value: float, unit: str, to_unit: str, expected: float) -> None:
    assert convert(value, unit, to_unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "to_unit"),
    [("%", "个"), ("个百分点", "%"), ("人次", "人"), ("岁", "%"), ("万元", "人")],
)
def test_units_of_different_families_do_not_convert(unit: str, to_unit: str) -> None:
    assert convert(1.0, unit, to_unit) is None


def test_an_unknown_unit_is_a_family_of_its_own() -> None:
    assert family_of("强") == "强"
    assert base_unit("强") == "强"
    assert convert(100.0, "强", "强") == 100.0
    assert base_unit("‰") == "%"
