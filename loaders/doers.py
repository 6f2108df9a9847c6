"""Who does what a clause says, and why (the `basis` kept on SETS_TARGET / IMPLEMENTS evidence).

Chinese reports chain clauses on one topic, so the doer is looked for in this order:
1. subject: a body or place that opens the clause (after a time or linking word), carried to the
   following clauses of the sentence and, as the paragraph's subject, to its following sentences;
2. speaker: in a press conference or interview turn, the body the speaker speaks for (我们 is that
   body); in a sentence where an official of a body 说/介绍, that body for the clauses after it;
3. section: the place a feature's section is about, when it is not the document's own region
   (a feature about three counties moves from one to the next), or an interviewee's region;
4. issuer: the document's own region, only when nothing above names a doer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from loaders.officials import TITLE_RUN
from loaders.organizations import OrgMention
from loaders.regions import Division, RegionMention
from loaders.sentences import Sentence

Clause = tuple[int, int]

CLAUSE_LEAD = re.compile(
    r"(?:20\d{2}年(?:底|末|以来|起)?|今年|去年|目前|其中|全年|同时|此外|另外|近年来|近一年来|随后|"
    r"截至[^，,。]{0,8}?(?:底|末|目前)|[“\"])*"
)
RELATIVE_REGION = re.compile(r"(全|我|本)(省|市|区|县|州(?!县))(?![域场级委政直属内外长])")
# 我们, 我委, 我院…: the body the speaker speaks for.
FIRST_PERSON = re.compile(r"(?:我们|咱们|我委|我厅|我局|我院|我校|我中心)")
# The speech verb after a speaker's name: 某某说，… / 某某介绍，… / 某某表示：…
SPOKE = r"(?:介绍|表示|说|指出|透露|谈到|坦言)(?:[，,：:。]|$)"
# The body an official's id is scoped by: official:name|body-id
OFFICIAL_SCOPE = re.compile(r"^official:([^|]+)\|(.+)$")


FULL_STOPS = ("。", "！", "？", "!", "?", "”", "”")


@dataclass(frozen=True)
class Doer:
    id: str
    basis: str  # subject | speaker | section | issuer


def body_of_official(official_id: str) -> str | None:
    """The body (organization, hospital or region id) an official's id is scoped by."""
    m = OFFICIAL_SCOPE.match(official_id)
    return m.group(2) if m and m.group(2) else None


def clause_subjects(
    s: Sentence,
    regions: list[tuple[RegionMention, Division]],
    orgs: list[OrgMention],
    org_ids: list[str],
    relative: dict[int, str],
    speaker: str | None,
) -> dict[Clause, list[Doer]]:
    """The doers each clause names as its subject, carried on to the sentence's later clauses that
    name none. `relative` maps the clean offset of 全省/我市… to its region's id; `speaker` is the
    body 我们 stands for."""
    out: dict[Clause, list[Doer]] = {}
    carried: list[Doer] = []
    for clause in s.clauses():
        lead = CLAUSE_LEAD.match(s.clean, clause[0], clause[1])
        first = lead.end() if lead else clause[0]
        found = _opening(s.clean, first, clause, regions, orgs, org_ids, relative, speaker)
        if found:
            out[clause] = carried = found
        elif carried:
            out[clause] = carried  # 黔江中心医院出资300万元，购买了13台血透机: still the hospital
    return out


def _opening(
    clean: str,
    first: int,
    clause: Clause,
    regions: list[tuple[RegionMention, Division]],
    orgs: list[OrgMention],
    org_ids: list[str],
    relative: dict[int, str],
    speaker: str | None,
) -> list[Doer]:
    # A body followed by a title is where a speaker works (某医院院长某某说), not the subject.
    bodies = [
        Doer(oid, "subject")
        for m, oid in zip(orgs, org_ids, strict=True)
        if m.start == first and not TITLE_RUN.match(clean, m.end)
    ]
    if bodies:
        return bodies
    opening: list[Doer] = []
    pos = first
    for m, d in sorted(regions, key=lambda r: r[0].start):
        # A province is the sentence's scope, not its subject, unless 全市/全省 follows (天津全市…).
        whole = RELATIVE_REGION.match(clean, m.end)
        if m.start == pos and (d.level != "province" or whole) and not _inside_body(m, orgs):
            opening.append(Doer(d.id, "subject"))  # 甲区、乙区积极探索…: each listed place
            pos = m.end + 1 if clean[m.end : m.end + 1] in ("、", "和") else -1
    if opening:
        return opening
    rel = RELATIVE_REGION.match(clean, first)
    if rel:
        # 朝阳区卫生健康委主任某某表示，全区…: 全区 is the district the sentence just named.
        level = rel.group(2)
        named = [d for m, d in regions if m.end <= first and d.level != "province" and d.name.endswith(level)]
        if len({d.id for d in named}) == 1:
            return [Doer(named[0].id, "subject")]
        return [Doer(relative[first], "subject")] if first in relative else []
    if speaker and FIRST_PERSON.match(clean, first, clause[1]):
        return [Doer(speaker, "speaker")]
    return []


def _inside_body(m: RegionMention, orgs: list[OrgMention]) -> bool:
    return any(o.start <= m.start and m.end <= o.end for o in orgs)


def sentence_speaker(clean: str, official_ids: list[str], known_bodies: set[str]) -> tuple[int, str] | None:
    """(offset after the speech verb, body) when an official of a body speaks in this sentence
    (某医院院长某某介绍，… / 某区卫健委主任某某说：…)."""
    for oid in official_ids:
        body = body_of_official(oid)
        m = OFFICIAL_SCOPE.match(oid)
        if not body or not m or (body.startswith("region:") and body not in known_bodies):
            continue
        said = re.search(re.escape(m.group(1)) + SPOKE, clean)
        if said:
            return said.end(), body
    return None


@dataclass
class DoerContext:
    """The state that carries doers from sentence to sentence: the paragraph's subject, the
    speaker's body, the section's place, and the issuer (the document's own region)."""

    issuer: str | None
    issuer_basis: str = "issuer"  # "section" once an interviewee's heading sets the region
    speaker: str | None = None
    section: str | None = None
    paragraph: list[Doer] = field(default_factory=list)
    asking: bool = False  # a reporter's turn: questions credit no one

    def new_line(self) -> None:
        self.paragraph = []

    def sentence_ended(self, clean: str) -> None:
        """Items of a list end with ；: each names its own doer, none carries to the next."""
        if not clean.endswith(FULL_STOPS):
            self.paragraph = []

    def speaker_turn(self, body: str | None, asking: bool = False) -> None:
        """A speaker's turn opens (a heading `某委副主任某某：`), or a reporter's question (`asking`)."""
        self.speaker = body
        self.asking = asking
        self.paragraph = []

    def place_named(self, region_id: str, own_line: bool) -> None:
        """A place outside the document's own region opens a sentence: a feature moved there."""
        if not own_line:
            self.section = region_id
        elif region_id == self.issuer:
            self.section = None

    def defaults(self) -> list[Doer]:
        if self.paragraph:
            return [Doer(d.id, "section") for d in self.paragraph]
        if self.speaker:
            return [Doer(self.speaker, "speaker")]
        if self.section:
            return [Doer(self.section, "section")]
        return [Doer(self.issuer, self.issuer_basis)] if self.issuer else []


HEADING_MAX = 20
SECTION_MENTIONS = 2
HEADING_FINAL = tuple('。！？；;!?，,：:”"）)')


def heading_line(sentence: Sentence) -> bool:
    """A short line of its own without final punctuation (数字赋能医共体建设): a title."""
    return (
        sentence.line_start
        and len(sentence.clean) <= HEADING_MAX
        and not sentence.clean.endswith(HEADING_FINAL)
    )


def _is_heading(sentence: Sentence, next_sentence: Sentence | None) -> bool:
    """A title line followed by a line of its own: a section heading of a feature."""
    return heading_line(sentence) and (next_sentence is None or next_sentence.line_start)


def section_places(
    sentences: list[Sentence],
    mentions: list[list[RegionMention]],
    chain: Callable[[str], list[Division]],
    own: Division | None,
) -> list[str | None]:
    """Per sentence, the place its section is about, when the document moves between places: the
    sections (split at heading lines) lead with places of which at least two lie outside each
    other's line of ancestors and one lies outside the document's own region (a feature on 黔江区,
    then 武清区, then 东台市). Otherwise None throughout: a provincial report whose sections lead
    with its cities stays the report of its own region."""
    bounds = [
        i
        for i, s in enumerate(sentences)
        if i > 0 and _is_heading(s, sentences[i + 1] if i + 1 < len(sentences) else None)
    ]
    starts = [0, *bounds]
    ends = [*bounds, len(sentences)]
    leaders: list[Division | None] = []
    for a, b in zip(starts, ends, strict=True):
        counts: dict[str, int] = {}
        subject: set[str] = set()
        first: dict[str, Division] = {}
        for sentence, found in zip(sentences[a:b], mentions[a:b], strict=True):
            openings = _clause_openings(sentence)
            for m in found:
                if len(m.candidates) == 1 and m.candidates[0].level in ("city", "county"):
                    d = m.candidates[0]
                    counts[d.code] = counts.get(d.code, 0) + 1
                    first.setdefault(d.code, d)
                    if m.start in openings:
                        subject.add(d.code)
        top = max(counts, key=lambda c: counts[c], default=None)  # ties: the first named
        # A place named once (在四川成都市，某医院…) or never as a subject (推广三明医改经验) is a
        # setting or an example, not what the section is about.
        about = top is not None and counts[top] >= SECTION_MENTIONS and top in subject
        leaders.append(first[top] if top and about else None)
    named = [d for d in leaders if d is not None]
    apart = {
        d.code
        for d in named
        if all(d.code == e.code or not _related(d, e, chain) for e in named if e.code != d.code)
    }
    outside = own is None or any(not _related(d, own, chain) for d in named)
    if len(apart) < 2 or not outside:
        return [None] * len(sentences)
    out: list[str | None] = []
    for a, b, leader in zip(starts, ends, leaders, strict=True):
        out.extend([leader.id if leader else None] * (b - a))
    return out


def _clause_openings(sentence: Sentence) -> set[int]:
    """Offsets where a clause's subject would stand: after its time or linking words."""
    out = set()
    for start, end in sentence.clauses():
        lead = CLAUSE_LEAD.match(sentence.clean, start, end)
        out.add(lead.end() if lead else start)
    return out


def _related(a: Division, b: Division, chain: Callable[[str], list[Division]]) -> bool:
    return a.code in {d.code for d in chain(b.code)} or b.code in {d.code for d in chain(a.code)}


QUOTE_REACH = 6  # sentences a quote may span back from its closing mark


def quotes_attributed_after(sentences: list[Sentence]) -> dict[int, int]:
    """Index of each sentence of a quote that opens its sentence (“…”) → index of the sentence right
    after it, which may name its speaker (“…我们…。”某某说). The quote's doers wait for that
    speaker's body; a quote no official speaks (“…”张阿姨如是说, or no one) credits no issuer."""
    out: dict[int, int] = {}
    for i, s in enumerate(sentences[:-1]):
        if not s.clean.endswith(("”", '"')):
            continue
        j = i
        while j > i - QUOTE_REACH and j >= 0:
            if sentences[j].clean.startswith(("“", '"')):
                for k in range(j, i + 1):
                    out[k] = i + 1
                break
            if "“" in sentences[j].clean or (sentences[j].line_start and j < i):
                break
            j -= 1
    return out


# 部分工地未建立…制度, 无定期开展…检查, 未能…开展…防制: a clause that says the work was not done
# credits no one with it.
NEGATED = re.compile(
    r"(?:未|未能|没有|尚未|从未|不曾|无)[^，,。；;“”]{0,12}?"
    r"(?:开展|建立|制定|落实|设置|实施|组织|执行|推进|完成|配备|启动|参加|进行)(?:了|过)?$"
)


def negated(clean: str, clause_start: int, program_start: int) -> bool:
    return bool(NEGATED.search(clean, clause_start, program_start))


ADOPTED = re.compile(r"(?:推广|学习|借鉴|复制|推行)[^，,。；;]{0,4}$")


def named_around_program(
    clean: str,
    clause: Clause,
    program: tuple[int, int],
    regions: list[tuple[RegionMention, Division]],
    orgs: list[OrgMention],
    org_ids: list[str],
    own_line: set[str],
) -> list[Doer]:
    """Doers a program's own clause names next to it, besides the clause's subject: places and
    hospitals listed before it (推进甲县、乙区2家县级疾控中心标准化建设; 推进区人民医院…试点), a place
    inside its name (某市医改经验, unless adopted: 推广三明医改经验) and a hospital opening its name
    (区中医医院人员总量管理试点). `own_line` holds the codes of the document's region and ancestors."""
    start, end = program
    out = [
        Doer(d.id, "subject")
        for m, d in regions
        if clause[0] <= m.start and m.end <= start and d.code not in own_line and not _inside_body(m, orgs)
    ]
    out += [
        Doer(oid, "subject")
        for m, oid in zip(orgs, org_ids, strict=True)
        if clause[0] <= m.start and m.end <= start and m.label == "Hospital"
    ]
    if not ADOPTED.search(clean, clause[0], start):
        out += [
            Doer(d.id, "subject")
            for m, d in regions
            if start <= m.start and m.end <= end and d.code not in own_line
        ]
    out += [
        Doer(oid, "subject")
        for m, oid in zip(orgs, org_ids, strict=True)
        if m.start == start and m.end < end and m.label == "Hospital"
    ]
    return out
