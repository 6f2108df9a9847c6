"""Metric strings to canonical metrics: rules for wording, a curated list for identity.

A metric string (as the extractor wrote it) is first normalised by rules that never change its
meaning: full-width forms, spaces, a unit in brackets, a leading 全市/我省, synonyms used
interchangeably (及以上/以上, 综合性医院/综合医院, 签约服务覆盖率/签约覆盖率, 期望寿命/预期寿命), an
age in Chinese numerals. The normalised string then resolves to a
curated national indicator (tracks/data/indicators.json) only when it is that indicator's name or
one of its listed wordings, and only when its unit converts to the indicator's unit. Anything else
keeps a key of its own (its normalised string and unit family): a wrong merge is worse than a
missed one.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graph.tracks.units import base_unit, convert, family_of, normalise_unit

LEADING_WORDS = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|我省|我市|我区|我县|本省|本市|本区|本县|以)+")
TRAILING_WORDS = re.compile(r"(?:及以上|以上|以下|以内)$")
BRACKETED_UNIT = re.compile(r"\((?:%|‰|1?/10万|/万|人|岁|个|张|万人次|人次)\)$")
CHINESE_AGE = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九]|十[一二三四五六七八九]?)岁")
CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Wordings the reports use interchangeably inside any metric name.
SYNONYMS = (
    ("及以上", "以上"),  # 二级及以上 = 二级以上 (以上 includes the bound in official usage)
    ("综合性医院", "综合医院"),
    ("签约服务覆盖率", "签约覆盖率"),  # 重点人群签约服务覆盖率 = 重点人群签约覆盖率
    ("期望寿命", "预期寿命"),  # 人均期望寿命 = 人均预期寿命, 健康期望寿命 = 健康预期寿命
)
# A metric the extractor named as a change (人均预期寿命较上年提高 → …提高) is not the level.
CHANGE_ENDINGS = ("提高", "下降", "增长", "增加", "降低", "上升", "减少")
# Wording of measures where less is better, for metrics no curated entry covers.
LOWER_IS_BETTER = re.compile(
    r"死亡率|发病率|患病率|感染率|吸烟率|近视率|肥胖率|超重率|发生率|病死率|流行率|过早死亡"
)


@dataclass(frozen=True)
class CanonicalMetric:
    id: str
    name: str
    unit: str
    direction: str  # "higher" or "lower": which way is better
    aliases: tuple[str, ...]
    source: str  # the full reference of the source document


@dataclass(frozen=True)
class ResolvedMetric:
    """Where one metric string (with its unit) belongs: `key` groups the figures of one measure."""

    key: str
    name: str
    unit: str  # the unit every value of this key is expressed in
    direction: str
    canonical: CanonicalMetric | None

    def value_in_unit(self, value: float, unit: str) -> float | None:
        return convert(value, unit, self.unit)


def _chinese_age(match: re.Match[str]) -> str:
    numeral = match.group(1)
    if numeral.startswith("十"):
        return f"{10 + CHINESE_DIGITS.get(numeral[1:], 0)}岁"
    return f"{CHINESE_DIGITS[numeral]}岁"


def normalise(metric: str) -> str:
    """The metric string with its meaning-preserving variation removed."""
    text = unicodedata.normalize("NFKC", metric or "")
    text = re.sub(r"\s+", "", text).replace("—", "-").replace("－", "-").replace("~", "-")
    text = text.strip("，,、。；;：:的")
    previous = None
    while previous != text:
        previous = text
        text = BRACKETED_UNIT.sub("", text)
        text = LEADING_WORDS.sub("", text)
        text = TRAILING_WORDS.sub("", text)
        text = text.strip("，,、。；;：:的")
    for variant, standard in SYNONYMS:
        text = text.replace(variant, standard)
    return CHINESE_AGE.sub(_chinese_age, text)


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict[str, CanonicalMetric], dict[str, CanonicalMetric]]:
    """(indicators by id, indicators by every normalised wording)."""
    raw = json.loads(resources.files("graph.tracks.data").joinpath("indicators.json").read_text("utf-8"))
    sources = raw["sources"]
    by_id: dict[str, CanonicalMetric] = {}
    by_wording: dict[str, CanonicalMetric] = {}
    for entry in raw["indicators"]:
        metric = CanonicalMetric(
            id=entry["id"],
            name=entry["name"],
            unit=normalise_unit(entry["unit"]),
            direction=entry["direction"],
            aliases=tuple(entry["aliases"]),
            source=sources[entry["source"]],
        )
        if metric.id in by_id:
            raise ValueError(f"indicators.json: id {metric.id} listed twice")
        by_id[metric.id] = metric
        for wording in (metric.name, *metric.aliases):
            key = normalise(wording)
            if key in by_wording and by_wording[key] is not metric:
                raise ValueError(f"indicators.json: {wording} belongs to two indicators")
            by_wording[key] = metric
    return by_id, by_wording


def direction_of(normalised: str) -> str:
    return "lower" if LOWER_IS_BETTER.search(normalised) else "higher"


def canonical_key(metric: CanonicalMetric) -> str:
    return f"m-{metric.id}"


def raw_key(normalised: str, unit: str) -> str:
    digest = hashlib.sha1(f"{normalised}|{family_of(unit)}".encode()).hexdigest()[:10]
    return f"raw-{digest}"


@lru_cache(maxsize=65536)
def resolve(metric: str, unit: str) -> ResolvedMetric:
    """The key a figure of `metric` measured in `unit` joins."""
    normalised = normalise(metric)
    _, by_wording = catalogue()
    canonical = None if normalised.endswith(CHANGE_ENDINGS) else by_wording.get(normalised)
    if canonical is not None and convert(1.0, unit, canonical.unit) is not None:
        return ResolvedMetric(
            canonical_key(canonical), canonical.name, canonical.unit, canonical.direction, canonical
        )
    return ResolvedMetric(
        raw_key(normalised, unit), normalised or metric, base_unit(unit), direction_of(normalised), None
    )
