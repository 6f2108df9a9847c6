"""Towns (乡, 镇, 街道) and villages or communities (村, 社区) under their county.

The data is `data/towns.tsv.xz`, derived from the five-level location list that jionlp ships
(Apache-2.0; `python -m loaders.data.derive_gazetteer` rebuilds it): about 43,000 towns and
658,000 villages, each under its six-digit county code. The list is loaded on first use; village
names are looked up by scanning the town rows (a few lookups per document), which keeps the
658,000 names out of a dictionary. A town counts only under a county the text names
(`towns_in`, `town_county`), a village only right after its town or county (`villages_in`).
"""

from __future__ import annotations

import importlib.resources
import lzma
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import words
from loaders.regions import Division


@dataclass(frozen=True)
class TownRow:
    county: str  # six-digit code
    town: str
    villages: str  # space-separated, with a space at both ends for whole-name lookups


class Gazetteer:
    def __init__(self, rows: list[TownRow]) -> None:
        self.rows = rows
        self.by_town: dict[str, list[TownRow]] = defaultdict(list)
        for row in rows:
            self.by_town[row.town].append(row)

    def town_counties(self, name: str) -> list[str]:
        """The county codes that have a town of this name."""
        return [row.county for row in self.by_town.get(name, ())]

    def village_towns(self, name: str, counties: set[str] | None = None) -> list[TownRow]:
        """The towns (with their county) that have a village of this name, within `counties` if given."""
        key = f" {name} "
        return [
            row for row in self.rows if (counties is None or row.county in counties) and key in row.villages
        ]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    raw = (importlib.resources.files("loaders") / "data" / "towns.tsv.xz").read_bytes()
    rows = []
    for line in lzma.decompress(raw).decode("utf-8").splitlines():
        county, town, villages = line.split("\t")
        rows.append(TownRow(county, town, f" {villages} "))
    return Gazetteer(rows)


TOWN_SUFFIXES = ("街道", "镇", "乡")
TOWN_STEMS_THAT_ARE_WORDS = frozenset(
    words(
        "城 乡 村 城乡 乡村 村镇 城镇 小城 特色小 集 重点 中心 各乡 全乡 全镇 该 本 各 每个 卫生 健康 "
        "省级卫生 国家卫生 县 县乡 农村 市"
    )
)
TOWN_BODY_HEADS = ("卫生院", "中心卫生院", "社区卫生服务中心")
TOWN_PATTERN = re.compile(r"([\u4e00-\u9fff]{2,3})(街道|镇|乡)")
TOWN_SUFFIX = re.compile(r"街道|镇|乡")
VILLAGE_PATTERN = re.compile(r"([\u4e00-\u9fff]{2,6}?)(村|社区|居委会)")
MAX_TOWN_STEM = 5


def towns_in(clean: str, token_starts: frozenset[int]) -> list[tuple[int, int, str]]:
    """Town-level names (黄马乡, 某某街道) that the gazetteer lists, longest first; 是金溪镇 is 金溪镇
    and 都要去镇 none. Before 卫生院 an unlisted name is taken too (和平镇卫生院 names its town)."""
    towns = gazetteer().by_town
    out: list[tuple[int, int, str]] = []
    for match in TOWN_SUFFIX.finditer(clean):
        if out and match.start() < out[-1][1]:
            continue
        for size in range(MAX_TOWN_STEM, 1, -1):
            cut = match.start() - size
            stem = clean[max(cut, 0) : match.start()]
            if cut < 0 or not _is_town_stem(stem):
                continue
            name = stem + match.group(0)
            if name in towns and not name.endswith("乡镇"):  # 望城镇 is listed; 区内乡镇 is no town
                out.append((cut, match.end(), name))
                break
        else:
            guessed = _town_before_its_body(clean, match, token_starts)
            if guessed:
                out.append(guessed)
    return out


def _is_town_stem(stem: str) -> bool:
    return (
        bool(re.fullmatch(r"[\u4e00-\u9fff]+", stem))
        and stem not in TOWN_STEMS_THAT_ARE_WORDS
        and not any(ch in stem for ch in "县区省村")
    )


def _town_before_its_body(
    clean: str, match: re.Match[str], token_starts: frozenset[int]
) -> tuple[int, int, str] | None:
    """某某镇卫生院 names its town even where the gazetteer lacks it (renamed, merged)."""
    if not clean.startswith(TOWN_BODY_HEADS, match.end()):
        return None
    for size in (3, 2):
        cut = match.start() - size
        stem = clean[max(cut, 0) : match.start()]
        if (
            cut >= 0
            and cut in token_starts
            and _is_town_stem(stem)
            and _names_a_place(stem)
            and not (stem + match.group(0)).endswith(("乡镇", "村镇"))
        ):
            return (cut, match.end(), stem + match.group(0))
    return None


def _names_a_place(stem: str) -> bool:
    """和平 may name a town; 要去, 报给, 在乡: a verb, a preposition or a pronoun cannot."""
    from loaders.lexicon import tokenize

    return not any(t.flag[:1] in ("v", "p", "d", "r", "c", "u", "f") for t in tokenize(stem))


def town_county(name: str, context: list[Division]) -> Division | None:
    """The county of a town named `name`: the nearest county of `context` (places the text named,
    nearest first) that the gazetteer lists a town of that name under. A town the gazetteer lacks
    (one named before its 卫生院) takes the nearest county. None when no named county has it: the
    town could be any of the towns of that name."""
    codes = set(gazetteer().town_counties(name))
    counties = [d for d in context if d.level == "county"]
    if not codes:
        return counties[0] if counties else None
    return next((d for d in counties if d.code in codes), None)


def villages_in(clean: str, places: list[tuple[int, int, str, Division]]) -> list[tuple[int, int, str, int]]:
    """(start, end, name, k) of the villages or communities the gazetteer lists right after the
    k-th place of `places` (a town with its county, or a county): 黄庄街道老米店村, 某县某某社区."""
    out: list[tuple[int, int, str, int]] = []
    for k, (_, end, place, county) in enumerate(places):
        match = VILLAGE_PATTERN.match(clean, end)
        if not match:
            continue
        name = match.group(0)
        rows = gazetteer().village_towns(name, {county.code})
        if place != county.name:
            rows = [r for r in rows if r.town == place]
        if rows:
            out.append((end, match.end(), name, k))
    return out
