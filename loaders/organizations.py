"""Hospitals and organizations named in a sentence, with short forms expanded.

A name is found by its ending (医院, 卫生院, 卫健委, 疾控中心…) and extends left over name
characters until a boundary: punctuation, a function word or a verb of the sentence. Short
forms that start with a level word (省/市/区/县) are completed with the document's own region
of that level (省人民医院 in a Hunan report is 湖南省人民医院); the short form stays an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from loaders.body_words import (
    ALWAYS_BOUNDARY_CHARS,
    CANONICAL_SUFFIX,
    COUNT_IN_NAME,
    FORMING_VERBS,
    GENERIC_CORES,
    GENERIC_PREFIXES,
    GOVERNMENT_SHORT,
    GROUP_SUFFIXES,
    HOSPITAL_SUFFIXES,
    KIND_WORDS,
    LEFT_BOUNDARY_WORDS,
    NAME_CHARS,
    NATIONAL_BODIES,
    NATIONAL_CANONICAL,
    ORGANIZATION_SUFFIXES,
    PARTY_COMMITTEES,
    PLACE_DEPENDENT_CORES,
    PROPER_MARKS,
    PROPER_TAGS,
    TOWN_BODY_SUFFIXES,
    TOWN_LED,
)
from loaders.lexicon import WordScanner, by_last_char, words
from loaders.regions import Division, RegionMention, RegionResolver, division_index

# 省委, 市政府: a level's party committee or government named by its short form.
SHORT_FORMS = {**PARTY_COMMITTEES, **GOVERNMENT_SHORT}
SHORT_FORM_SCANNER = WordScanner(SHORT_FORMS)
NATIONAL_SCANNER = WordScanner(NATIONAL_BODIES)

RELATIVE_PREFIX = re.compile(r"^(省|市|区|县|州)(?![级域属内外场部委民长县区乡])")
UNIVERSITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:医科大学|中医药大学|大学|医学院)")
# 首都医科大学附属…医院, 四川大学华西医院: a university's hospital, whose name the university opens.
# The school's own name must stand before its kind (广西医科大学: 广西 is no place before it).
AFFILIATED = re.compile(
    r"^(?P<own>[\u4e00-\u9fff]{2,8}?)(?:医科|中医药|中医|药科|科技|医药)?(?:大学|医学院)"
    r"(?:(?:第[一二三四五六七八九十]+)?附属)?"
)
SCHOOL_KINDS = ("医科", "中医药", "中医", "药科", "科技", "医药", "医")
# 第一医院, 第二人民医院: one hospital of some place, never a name by itself.
ORDINAL_HOSPITAL = re.compile(r"^第[一二三四五六七八九十\d]+(?:人民|中医)?医院$")
PLURAL_BODY = re.compile(r"^(?:各|每个|诸|全省各|全市各|所有|市县|县市|省市|县区|市区县|市县区)")
TASK_SUFFIXES = words("委员会 领导小组 办公室")
FORMER_BODY = re.compile(r"^(?:原|时任|前任)(?:省|市|区|县|州)")
ORDINAL_ONE = re.compile(r"^(一|二|三|四|五|六|七|八|九)医院$")
MAX_NAME = 26
# Only the words ending in the character before a position can end there.
_BOUNDARY_WORDS_BY_LAST = by_last_char(LEFT_BOUNDARY_WORDS)
BRACKETED_IN_NAME = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")


@dataclass
class OrgMention:
    start: int  # clean offsets in the sentence
    end: int
    surface: str
    name: str
    label: str  # "Hospital" | "Organization"
    kind: str
    region: Division | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return ("hospital:" if self.label == "Hospital" else "org:") + self.name


# Longer than any suffix tested against the text before a position: slicing the whole prefix at
# every step made a long unpunctuated line quadratic.
HEAD_WINDOW = 64


def _suffix_table() -> tuple[tuple[str, str, str], ...]:
    """(suffix, label, kind) in the order a name's ending is tried: hospital endings as listed,
    then organization endings longest first."""
    hospitals = tuple((suffix, "Hospital", suffix) for suffix in HOSPITAL_SUFFIXES)
    ordered = sorted(ORGANIZATION_SUFFIXES.items(), key=lambda kv: -len(kv[0]))
    return hospitals + tuple((suffix, "Organization", kind) for suffix, kind in ordered)


@lru_cache(maxsize=1)
def _suffix_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for rank, (suffix, label, kind) in enumerate(_suffix_table()):
        if suffix not in automaton:  # a word listed twice keeps its first (highest) rank
            automaton.add_word(suffix, (rank, suffix, label, kind))
    automaton.make_automaton()
    return automaton


def _suffixes_by_end(clean: str) -> dict[int, tuple[str, str, str]]:
    """For every offset a name ending stops at, the (suffix, label, kind) tried first there: one
    automaton pass instead of testing every ending against the text before every offset."""
    best: dict[int, tuple[int, str, str, str]] = {}
    for last, hit in _suffix_automaton().iter(clean):
        end = last + 1
        if end not in best or hit[0] < best[end][0]:
            best[end] = hit
    return {end: hit[1:] for end, hit in sorted(best.items())}


def _left_edge(
    clean: str,
    end: int,
    suffix_len: int,
    regions: list[RegionMention],
    token_starts: frozenset[int],
    token_ends: frozenset[int],
    tags_by_end: dict[int, str] | None = None,
) -> int:
    region_ends = {m.end: m.start for m in regions}
    region_starts = {m.start for m in regions}
    tags = tags_by_end or {}
    pos = end - suffix_len
    limit = max(0, end - MAX_NAME)
    while pos > limit:
        if pos in region_ends:
            pos = region_ends[pos]
            continue
        # 据省卫生健康委…, 加入某市中心医院, 访某市卫健委: a verb or preposition before a place or a
        # level word (省/市/区/县) ends the name.
        opens_place = pos in region_starts or RELATIVE_PREFIX.match(clean[pos:end])
        if tags.get(pos, "")[:1] in ("p", "v", "d", "c", "u", "r") and (opens_place or tags.get(pos) == "p"):
            break
        if tags.get(pos, "")[:1] in ("c", "r"):
            break  # 自己学会, 不仅…: a pronoun or conjunction before the suffix is no name's part
        ch = clean[pos - 1]
        bracket = BRACKETED_IN_NAME.search(clean, max(0, pos - 8), pos) if ch in "）)" else None
        if bracket and bracket.end() == pos and suffix_len >= 3:
            pos = bracket.start()  # 英矽智能科技（上海）有限公司: a place or kind in brackets
            continue
        if not NAME_CHARS.match(ch):
            break
        if ch in ALWAYS_BOUNDARY_CHARS:
            break
        head = clean[max(0, pos - HEAD_WINDOW) : pos]
        if re.search(r"\d[家个所座项年]$", head):
            break
        if head.endswith(("医院", "保健院", "卫生院", "服务中心")) and pos not in region_starts:
            break  # a complete name ends here; only a branch named by place (…医院贵州医院) continues one
        # 健康海南建设委员会, 改革推进办公室: a word right before a committee's suffix names its task.
        task = pos == end - suffix_len and clean[pos:end] in TASK_SUFFIXES
        if not task and any(
            head.endswith(w) and pos in token_ends and (pos - len(w) in token_starts or len(w) >= 2)
            for w in _BOUNDARY_WORDS_BY_LAST.get(head[-1:], ())
        ):
            break
        pos -= 1
    return pos


# Kinds that stay plural whatever is put before them (强化公立医院, 某地区公立医院).
PLURAL_KINDS = words(
    "公立医院 县级医院 市级医院 省级医院 二级医院 三级医院 一级医院 社区医院 民营医院 互联网医院 "
    "研究型医院 三甲医院 定点医院 示范医院 龙头医院 牵头医院 基层医院 综合性医院 智慧医院 平安医院 "
    "友好医院 同类医院 各级医院 城市医院 乡镇卫生院 中心卫生院 中心镇卫生院 医疗机构 高水平医院"
)


def _ends_with_kind(name: str) -> bool:
    return name.endswith(PLURAL_KINDS)


def _has_proper_part(name: str) -> bool:
    """A name with no place must still name one body: a proper noun, a university, an ordinal."""
    from loaders.lexicon import tokenize

    if PROPER_MARKS.search(name) or "“" in name:
        return True
    return any(t.flag in PROPER_TAGS for t in tokenize(name))


def is_generic_name(core: str) -> bool:
    if core in GENERIC_CORES or len(core) <= 3:
        return True
    if core.startswith(GENERIC_PREFIXES):
        return True
    return bool(re.match(r"[\d一二三四五六七八九十百千万]+[余多]?[个家所座]", core))


class OrganizationRecognizer:
    """Finds hospitals and organizations in one sentence's clean text."""

    def __init__(self, resolver: RegionResolver) -> None:
        self.resolver = resolver

    def find(
        self,
        clean: str,
        regions: list[RegionMention],
        token_starts: frozenset[int],
        token_ends: frozenset[int],
        subject: Division | None = None,
        tags_by_end: dict[int, str] | None = None,
    ) -> list[OrgMention]:
        """Bodies of one sentence; `tags_by_end` maps where a jieba word ends to its part of speech."""
        mentions: list[OrgMention] = []
        for national, spans in NATIONAL_SCANNER.scan(clean):  # the bodies present, in the list's order
            kind = NATIONAL_BODIES[national]
            for start, end in spans:
                if national.endswith("部") and clean[end : end + 1] == "门":
                    continue  # 教育部门, 财政部门: a department of any level, not the ministry
                name = NATIONAL_CANONICAL.get(national, national)
                aliases = [national] if name != national else []
                mentions.append(OrgMention(start, end, national, name, "Organization", kind, None, aliases))
        for end, hit in _suffixes_by_end(clean).items():
            if end < len(clean) and self._continues(clean, end, hit[0]):
                continue
            suffix, label, kind = hit
            start = _left_edge(clean, end, len(suffix), regions, token_starts, token_ends, tags_by_end)
            place = subject
            previous = mentions[-1] if mentions else None
            if previous and previous.region and previous.end == start - 1 and clean[start - 1] in "、和及与":
                place = previous.region  # 区人民医院、中医院: the second shares the first one's place
            mention = self._build(clean, start, end, suffix, label, kind, regions, place)
            if mention:
                mentions.append(mention)
        for short, spans in SHORT_FORM_SCANNER.scan(clean):
            level = SHORT_FORMS[short]
            for start, end in spans:
                if any(x.start <= start < x.end for x in mentions):
                    continue
                if start not in token_starts or end not in token_ends:
                    continue
                div = self.resolver.by_level_suffix(level)
                if div is None:
                    continue
                if short in PARTY_COMMITTEES:
                    name, kind = f"中共{div.name}委", "党委"
                else:
                    name, kind = f"{div.name}人民政府", "人民政府"
                mentions.append(OrgMention(start, end, short, name, "Organization", kind, div, [short]))
        return _outermost(mentions)

    @staticmethod
    def _continues(clean: str, end: int, suffix: str) -> bool:
        """医院 inside 医院管理 or 大学 inside 大学生 is not the end of a name; a longer name that goes
        on (某某大学附属医院) is kept over the shorter by `_outermost`."""
        nxt = clean[end : end + 2]
        return nxt[:1] == "生" or nxt.startswith(("管理", "感染"))

    def _build(
        self,
        clean: str,
        start: int,
        end: int,
        suffix: str,
        label: str,
        kind: str,
        regions: list[RegionMention],
        subject: Division | None,
    ) -> OrgMention | None:
        surface = clean[start:end]
        if len(surface) > MAX_NAME:
            return None
        if FORMER_BODY.match(surface):
            return None  # 原县卫生局: a body that no longer exists under that name
        if PLURAL_BODY.match(surface) and not any(m.start == start for m in regions):
            return None  # 各县区卫生健康局, 全省各级医院: many bodies (诸城市…, 各 opening a place, is one)
        if len(surface) <= len(suffix) and not (subject and surface in PLACE_DEPENDENT_CORES):
            return None
        name, region, aliases = self._resolve(surface, start, end, regions, subject)
        if name is None:
            return None
        core = name
        if region and name.startswith(region.name):
            core = name[len(region.name) :]
        formed = (
            clean[:start].endswith(FORMING_VERBS)
            and name.endswith(GROUP_SUFFIXES)
            and len(name) >= 4
            and name not in KIND_WORDS
        )
        # 某某镇卫生院, 某某街道社区卫生服务中心: named by its town, placed under the county later
        town_led = suffix in TOWN_BODY_SUFFIXES and bool(TOWN_LED.match(surface))
        if (
            region is None
            and not formed
            and not town_led
            and (is_generic_name(surface) or not _has_proper_part(name))
        ):
            return None
        if COUNT_IN_NAME.search(surface) or _ends_with_kind(name):
            return None
        # 晋江市医院, 某某县医院: a place written out in full before 医院 names its one hospital;
        # 县医院 alone, or after a province, stays the kind.
        own_hospital = (
            core == "医院" and surface == name and region is not None and region.level in ("county", "city")
        )
        if (
            region is not None
            and not own_hospital
            and (core in KIND_WORDS or len(core) < 2 or core.startswith(GENERIC_PREFIXES))
        ):
            return None
        if formed and region is None:
            # Formed here, so located here; the place joins the name so that every county's
            # 健康总院 stays its own node.
            region = subject or self.resolver.own_division()
            if region is None:
                return None
            aliases.append(name)
            name = region.name + name
        for long_suffix, canonical in CANONICAL_SUFFIX.items():
            if name.endswith(long_suffix) and not name.endswith(canonical):
                aliases.append(name)
                name = name[: -len(long_suffix)] + canonical
                break
        if surface != name and surface not in aliases:
            aliases.append(surface)
        return OrgMention(start, end, surface, name, label, kind, region, aliases)

    def _resolve(
        self, surface: str, start: int, end: int, regions: list[RegionMention], subject: Division | None
    ) -> tuple[str | None, Division | None, list[str]]:
        leading = next((m for m in regions if m.start == start and m.end < end), None)
        if leading:
            # 某市某县总医院: the last of the places that open the name is where it is.
            chain = [leading]
            while nxt := next((m for m in regions if m.start == chain[-1].end and m.end < end), None):
                chain.append(nxt)
            for k, place in enumerate(chain):
                rest = surface[place.end - start :]
                school = AFFILIATED.match(rest)
                own = school.group("own") if school else ""
                if own and own not in SCHOOL_KINDS and rest.endswith(tuple(HOSPITAL_SUFFIXES)):
                    # 北京市首都医科大学附属北京朝阳医院: the place locates the hospital, the
                    # university opens its name (江西省南昌大学…: 南昌 is the university's).
                    div = self.resolver.resolve(place.candidates)
                    if div is None:
                        return None, None, []
                    university = self._university_place(rest)
                    return rest, university if k == 0 and university else div, [surface]
            div = self.resolver.resolve(chain[-1].candidates)
            return (surface, div, []) if div else (None, None, [])
        relative = RELATIVE_PREFIX.match(surface)
        if relative:
            div = self.resolver.by_level_suffix(relative.group(1))
            if div is None:
                return None, None, []
            rest = surface[1:]
            ordinal = ORDINAL_ONE.match(rest)
            if ordinal:
                rest = f"第{ordinal.group(1)}医院"
            if rest.startswith("直"):
                return (
                    div.name.removesuffix("省") + "省" + rest if div.level == "province" else None,
                    div,
                    [surface],
                )
            return div.name + rest, div, [surface]
        if surface in PLACE_DEPENDENT_CORES or ORDINAL_HOSPITAL.match(surface):
            if subject is None:
                return None, None, []
            return subject.name + surface, subject, [surface]
        inner = next((m for m in regions if start <= m.start and m.end <= end), None)
        div = self.resolver.resolve(inner.candidates) if inner else None
        return surface, div or self._university_place(surface), []

    def _university_place(self, surface: str) -> Division | None:
        """厦门大学附属第一医院: a university named after a place is in that place."""
        school = UNIVERSITY.match(surface)
        if not school:
            return None
        candidates = division_index().candidates(school.group(1))
        return self.resolver.resolve(candidates) if candidates else None


def _outermost(mentions: list[OrgMention]) -> list[OrgMention]:
    """Drop a mention lying inside a longer one (某某大学 inside 某某大学附属医院)."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[OrgMention] = []
    for m in mentions:
        if any(
            o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in mentions
        ):
            continue
        if any(o.start == m.start and o.end == m.end for o in out):
            continue
        out.append(m)
    return out
