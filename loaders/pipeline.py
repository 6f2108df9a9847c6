"""One document's text in, its nodes and edges out (pure and deterministic).

Steps: split sentences; find the places named, to choose the document's own region; then per
sentence recognise regions, hospitals and organizations, officials, programs and targets, and
join them with edges whose evidence is the sentence. In a round-up of interviews each
interviewee's heading line (某省卫生健康委党组书记、主任 张某某) opens a section whose region and
official own the commitments that follow.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from loaders.builder import ExtractionBuilder
from loaders.document_meta import date_of, own_region, title_of, year_of
from loaders.lexicon import token_boundaries, tokenize
from loaders.mentions import (
    ParsedSentence,
    add_body,
    add_officials,
    add_regions,
    add_towns,
    merge_parenthesised,
    place_town_bodies,
    subject_region,
)
from loaders.models import (
    Document,
    DocumentExtraction,
    Evidence,
    Hospital,
    Program,
    Target,
)
from loaders.officials import find_officials
from loaders.organizations import (
    OrganizationRecognizer,
    OrgMention,
    parent_hospital_pairs,
    short_forms_of_affiliated,
)
from loaders.partners import Party, partner_pairs
from loaders.programs import ProgramRecognizer
from loaders.regions import (
    Division,
    RegionMention,
    RegionResolver,
    division_index,
    find_region_names,
)
from loaders.sentences import Sentence, split_sentences
from loaders.targets import LEADING_YEAR, LED_YEAR, YEAR_IN_TEXT, TargetExtractor, section_kind

RELATIVE_REGION = re.compile(r"(全|我|本)(省|市|区|县|州(?!县))(?![域场级委政直属内外长])")
SPEAKER_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,4})[：:]")
HOSTED_AT = re.compile(r"^(?:举行|召开|举办|开幕|启动|落地|落户)")
HOST_BEFORE = re.compile(r"在[^，,。；;]{0,6}$")  # 在我省某市举行: 在, then at most a place or two
CLAUSE_LEAD = re.compile(
    r"(?:20\d{2}年(?:底|末|以来)?|今年|去年|目前|其中|全年|同时|此外|另外|截至[^，,。]{0,8}?底)"
)
REVIEW_TITLE = re.compile(r"(?:工作)?总结|年终盘点|工作回顾")
SPOKE = r"(?:介绍|表示|说|指出|透露)[，,：:]"
ANSWER_LABELS = ("答", "受访者")
INTERVIEWER_LABELS = ("记者", "问", "主持人", "编者")


def _parse(sentences: list[Sentence]) -> list[ParsedSentence]:
    out = []
    for s in sentences:
        tokens = tokenize(s.clean)
        starts, ends = token_boundaries(tokens)
        out.append(ParsedSentence(s, tokens, starts, ends, find_region_names(s.clean, starts, ends)))
    return out


def _choose_own_region(parsed: list[ParsedSentence], text: str) -> Division | None:
    counts: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for p in parsed:
        for m in p.regions:
            if len(m.candidates) == 1:
                counts[m.candidates[0].code] += 1
                if p.sentence.start < 200:
                    opening[m.candidates[0].code] += 1
    return own_region(counts, opening, text)


def _section_heading(p: ParsedSentence) -> tuple[str, int] | None:
    """(name, org end) when the sentence is a heading line `body titles name` of an interviewee."""
    for official in find_officials(p.sentence.clean, []):
        if official.org_end and official.end == len(p.sentence.clean) and p.sentence.line_start:
            return official.name, official.org_end
    return None


def _clause_of(sentence: Sentence, pos: int) -> tuple[int, int]:
    return sentence.clause_at(pos)


def extract_document(file_name: str, text: str) -> DocumentExtraction:
    """Nodes and edges of one document; ids are stable across runs (see CONTRACT.md)."""
    return _DocumentRun(file_name, text).run()


@dataclass
class _Sentence:
    """What one sentence yields before it is joined up into edges."""

    parsed: ParsedSentence
    ev: Evidence
    regions: list[tuple[RegionMention, Division]]
    orgs: list[OrgMention]
    org_ids: list[str]
    actors: dict[tuple[int, int], list[str]]


class _DocumentRun:
    """One pass over a document, keeping the section state (region, interviewee, tense)."""

    def __init__(self, file_name: str, text: str) -> None:
        self.text = text
        self.parsed = _parse(split_sentences(text))
        self.year = year_of(text)
        self.headings = [p for p in self.parsed if _section_heading(p)]
        self.affiliated: list[str] = []  # university-affiliated hospitals named so far
        # A round-up of several interviews has no single region of its own.
        own = None if len(self.headings) >= 2 else _choose_own_region(self.parsed, text)
        self.document = Document(
            id=f"doc:{file_name}",
            name=title_of(text),
            file=file_name,
            title=title_of(text),
            date=date_of(text, self.year),
            year=self.year,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            chars=len(text),
            region=own.id if own else None,
        )
        self.graph = ExtractionBuilder(file_name, text)
        self.section_region: Division | None = own
        self.section_official: str | None = None
        self.resolver = RegionResolver(own.code if own else None)
        # A year-end review (某年工作总结) reports its own year: that year's figures are results.
        self.review = bool(REVIEW_TITLE.search(self.document.title))
        self.kind = "achieved" if self.review else "goal"
        self.section_year: int | None = None
        self.programs = ProgramRecognizer()
        self.targets = TargetExtractor()

    def run(self) -> DocumentExtraction:
        for p in self.parsed:
            self._sentence(p)
        return DocumentExtraction(
            document=self.document,
            text=self.text,
            nodes=list(self.graph.nodes.values()),
            edges=list(self.graph.edges.values()),
        )

    @property
    def default_actor(self) -> str | None:
        return self.section_region.id if self.section_region else None

    def _sentence(self, p: ParsedSentence) -> None:
        s, clean, graph = p.sentence, p.sentence.clean, self.graph
        ev = graph.evidence(s)
        self._follow_speaker(s)
        heading = _section_heading(p) if self.headings else None
        regions = add_regions(graph, p, self.resolver, ev)
        if heading and len(self.headings) >= 2:
            org_region = next((d for m, d in regions if m.end <= heading[1]), None)
            if org_region:
                self.section_region, self.resolver = org_region, RegionResolver(org_region.code)
                regions = add_regions(graph, p, self.resolver, None)
        orgs = merge_parenthesised(
            OrganizationRecognizer(self.resolver).find(
                clean,
                [m for m, _ in regions],
                p.starts,
                p.ends,
                subject_region(regions),
                {t.end: t.flag for t in p.tokens},
            ),
            clean,
        )
        towns = add_towns(graph, p, regions, self.resolver, ev)
        orgs = short_forms_of_affiliated(place_town_bodies(orgs, towns, p), self.affiliated)
        org_ids = [add_body(graph, m, ev) for m in orgs]
        for town_start, town_end, town_id, _ in towns:
            for m, org_id in zip(orgs, org_ids, strict=True):
                if m.start <= town_start and town_end <= m.end:
                    graph.edge("LOCATED_IN", org_id, town_id, ev)
        for branch, parent in parent_hospital_pairs(orgs, clean):
            parent_id = graph.add(Hospital(id=f"hospital:{parent}", name=parent, kind="医院"), ev)
            graph.edge("PARTNERS_WITH", f"hospital:{branch}", parent_id, ev)
        official_ids = add_officials(graph, p, orgs, org_ids, regions, ev, self.section_region)
        if heading and official_ids:
            self.section_official = official_ids[0]
        if self.section_region:
            graph.region(self.section_region, None)
        for m in RELATIVE_REGION.finditer(clean):
            div = self.resolver.by_level_suffix(m.group(2))
            if div:
                graph.region(div, ev, m.group(0))
        actors = _clause_actors(s, regions, orgs, org_ids)
        speaker = _hospital_speaker(clean, official_ids)
        if speaker:
            # 某医院院长某某介绍，…力争双向转诊2万人次: the hospital's figures, not the place's,
            # unless a clause speaks for the place (全市…).
            for clause in s.clauses():
                if clause not in actors and not RELATIVE_REGION.search(clean, clause[0], clause[1]):
                    actors[clause] = [speaker]
        found = _Sentence(p, ev, regions, orgs, org_ids, actors)
        self._partners(found)
        program_starts = self._programs(found)
        self._targets(found, program_starts)

    def _follow_speaker(self, s: Sentence) -> None:
        """In a question-and-answer interview the answers belong to the named interviewee."""
        speaker = SPEAKER_PREFIX.match(s.clean) if s.line_start else None
        if speaker:
            name = speaker.group(1)
            known = [n for n in self.graph.nodes.values() if n.label == "Official" and n.name == name]
            officials = [n for n in self.graph.nodes.values() if n.label == "Official"]
            if known:
                self.section_official = known[0].id
            elif name in ANSWER_LABELS and officials:
                self.section_official = officials[0].id  # 答: the interviewee the text introduced
            elif name in INTERVIEWER_LABELS:
                self.section_official = None
        reference_year = self.year + 1 if self.review and self.year else self.year
        said = s.clean[speaker.end() :] if speaker else s.clean
        before = self.kind
        self.kind = section_kind(said, self.kind, reference_year)
        leading = LEADING_YEAR.match(said) or LED_YEAR.match(said)
        if leading:
            self.section_year = int(leading.group(1))  # 2024年，全省…: the results that follow are 2024's
        elif self.kind != before:
            self.section_year = None

    def _partners(self, x: _Sentence) -> None:
        parties = [Party(m.start, m.end, oid, m.name) for m, oid in zip(x.orgs, x.org_ids, strict=True)]
        parties += [
            Party(m.start, m.end, d.id, d.name)
            for m, d in x.regions
            if not any(o.start <= m.start and m.end <= o.end for o in x.orgs)
        ]
        for a, b in partner_pairs(x.parsed.sentence.clean, parties, self.default_actor):
            self.graph.edge("PARTNERS_WITH", a, b, x.ev)

    def _programs(self, x: _Sentence) -> list[tuple[int, str]]:
        p, s = x.parsed, x.parsed.sentence
        found = self.programs.find(s.clean, p.starts, p.ends, {t.start: t.flag for t in p.tokens})
        own_line = (
            {d.code for d in division_index().chain(self.section_region.code)}
            if self.section_region
            else set()
        )
        # …活动在某省某市举行: the place that hosts an event carries it out.
        hosts = [
            d.id
            for m, d in x.regions
            if HOSTED_AT.match(s.clean[m.end :]) and HOST_BEFORE.search(s.clean[: m.start])
        ]
        out = []
        for prog in found:
            pid = self.graph.add(Program(id=prog.id, name=prog.name, aliases=list(prog.aliases)), x.ev)
            out.append((prog.start, pid))
            clause = _clause_of(s, prog.start)
            doers = list(x.actors.get(clause, [self.default_actor]))
            # Places and bodies named in the clause before the program carry it out too
            # (推进甲县、乙区2家县级疾控中心标准化建设; 推进区人民医院、区中医医院…试点).
            doers += [
                d.id
                for m, d in x.regions
                if clause[0] <= m.start and m.end <= prog.start and d.code not in own_line
            ]
            doers += [
                oid
                for m, oid in zip(x.orgs, x.org_ids, strict=True)
                if clause[0] <= m.start and m.end <= prog.start and m.label == "Hospital"
            ]
            # A place named inside the program's name is where it comes from (某市医改经验), a
            # hospital opening it is the one that runs it (区中医医院人员总量管理试点).
            doers += [
                d.id
                for m, d in x.regions
                if prog.start <= m.start and m.end <= prog.end and d.code not in own_line
            ]
            doers += [
                oid
                for m, oid in zip(x.orgs, x.org_ids, strict=True)
                if m.start == prog.start and m.end < prog.end and m.label == "Hospital"
            ]
            doers += hosts
            for actor in dict.fromkeys(doers):
                if actor:
                    self.graph.edge("IMPLEMENTS", actor, pid, x.ev)
        return out

    def _targets(self, x: _Sentence, program_starts: list[tuple[int, str]]) -> None:
        s = x.parsed.sentence
        clauses = s.clauses()
        first_clause = clauses[0] if clauses else (0, 0)
        found = self.targets.find(s.clean, clauses, self.kind, self.year)
        figures_by_clause: dict[tuple[int, int], list] = defaultdict(list)
        for f in found:  # grouped once: a long line holds thousands of figures
            figures_by_clause[_clause_of(s, f.start)].append(f)
        for t in found:
            if t.kind == "achieved" and self.section_year and not YEAR_IN_TEXT.search(s.clean):
                t.year = self.section_year
            figure_clause = _clause_of(s, t.start)
            committers = list(x.actors.get(figure_clause, [self.default_actor]))
            in_clause = figures_by_clause[figure_clause]
            if (
                len(committers) >= 2
                and len(in_clause) == len(committers)
                and "分别" in s.clean[figure_clause[0] : figure_clause[1]]
            ):
                # 甲区、乙区分别投入5亿元、8亿元: the figures go to the places in their order
                committers = [committers[in_clause.index(t)]]
            if self.section_official:
                committers.append(self.section_official)  # an interview: the interviewee commits too
            committers = [c for c in committers if c]
            subject_id = committers[0] if committers else self.document.id
            key = (subject_id, t.metric, t.value, t.unit, t.comparator, t.year, t.kind)
            digest = hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:12]
            target = Target(
                id=f"target:{digest}",
                name=t.metric,
                metric=t.metric,
                value=t.value,
                unit=t.unit,
                comparator=t.comparator,
                year=t.year,
                kind=t.kind,
            )
            tid = self.graph.add(target, x.ev)
            for c in committers:
                self.graph.edge("SETS_TARGET", c, tid, x.ev)
            # A program ties to a figure in its own clause, or as the topic of the first clause.
            for start, pid in program_starts:
                if start < t.start and (figure_clause[0] <= start or start < first_clause[1]):
                    self.graph.edge("SETS_TARGET", pid, tid, x.ev)


def _hospital_speaker(clean: str, official_ids: list[str]) -> str | None:
    """The hospital of an official who speaks in this sentence (某医院院长某某介绍，…)."""
    for oid in official_ids:
        name, _, scope = oid.removeprefix("official:").partition("|")
        if scope.startswith("hospital:") and re.search(re.escape(name) + SPOKE, clean):
            return scope
    return None


def _clause_actors(
    s: Sentence, regions: list[tuple[RegionMention, Division]], orgs: list[OrgMention], org_ids: list[str]
) -> dict[tuple[int, int], list[str]]:
    """Who carries out what a clause says: a place or body that opens the clause, else the default."""
    out: dict[tuple[int, int], list[str]] = {}
    carried: list[str] = []
    for clause in s.clauses():
        opening: list[str] = []
        # 2023年市人民医院…, 其中某县…: a time or a linking word may come before the subject.
        lead = CLAUSE_LEAD.match(s.clean, clause[0], clause[1])
        first = lead.end() if lead else clause[0]
        pos = first
        for m, d in sorted(regions, key=lambda r: r[0].start):
            if m.start == pos and d.level != "province":
                opening.append(d.id)  # 甲区、乙区积极探索…: each listed place
                pos = m.end + 1 if s.clean[m.end : m.end + 1] in ("、", "和") else -1
        bodies = [oid for m, oid in zip(orgs, org_ids, strict=True) if m.start == first]
        relative = RELATIVE_REGION.match(s.clean, first, clause[1])
        if bodies:
            out[clause] = bodies
        elif opening:
            out[clause] = opening
        elif relative:
            # 朝阳区卫生健康委主任某某表示，全区…: 全区 is the district the sentence just named.
            named = [
                d
                for m, d in regions
                if m.end <= first and d.level != "province" and d.name.endswith(relative.group(2))
            ]
            if len({d.id for d in named}) == 1:
                out[clause] = [named[0].id]
                carried = [named[0].id]
                continue
        if carried and clause not in out:
            out[clause] = carried  # …，社区卫生服务中心达标率达到100%: still that district's
    return out
