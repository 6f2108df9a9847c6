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
from collections import Counter
from dataclasses import dataclass

from loaders.affiliations import parent_hospital_pairs, short_forms_of_affiliated
from loaders.builder import ExtractionBuilder
from loaders.departments import find_departments
from loaders.document_meta import date_of, own_region, title_of, year_of
from loaders.doer_steps import INTERVIEWER_LABELS, DoerSteps
from loaders.doers import (
    Doer,
    DoerContext,
    body_of_official,
    clause_subjects,
    heading_line,
    named_around_program,
    negated,
    quotes_attributed_after,
    section_places,
)
from loaders.hierarchy import program_parts
from loaders.lexicon import token_boundaries, token_cache, tokenize
from loaders.mentions import (
    ParsedSentence,
    add_body,
    add_officials,
    add_regions,
    add_towns,
    known_full_names,
    merge_parenthesised,
    place_by_short_name,
    place_town_bodies,
    subject_region,
)
from loaders.models import (
    Document,
    DocumentExtraction,
    Evidence,
    Hospital,
    Program,
)
from loaders.officials import find_officials
from loaders.organizations import OrganizationRecognizer, OrgMention
from loaders.partners import Party, partner_pairs
from loaders.programs import ProgramRecognizer
from loaders.regions import (
    Division,
    RegionMention,
    RegionResolver,
    division_index,
    find_region_names,
    link_named_ancestors,
)
from loaders.sentences import Sentence, split_sentences
from loaders.target_steps import TargetSteps
from loaders.targets import LEADING_YEAR, LED_YEAR, TargetExtractor, section_kind

RELATIVE_REGION = re.compile(r"(全|我|本)(省|市|区|县|州(?!县))(?![域场级委政直属内外长])")
SPEAKER_HEADING_END = ("：", ":")
SPEAKER_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,4})[：:]")
TOPIC_VERB = re.compile(r"(?:实施|推进|开展|推动|启动|深化|落实)")
NATIONAL_SAID = re.compile(
    r"^[“\"]?[^，,。；;]{0,20}?(?:党的|中央|国务院|总书记|全国|国家|“?十[四五六]五”?)[^，,。；;]{0,16}?"
    r"(?:报告|纲要|规划|讲话|总书记|会议|文件|决定)[^，,。；;]{0,4}?(?:提出|指出|强调)[，,：:]"
)
HOSTED_AT = re.compile(r"^(?:举行|召开|举办|开幕|启动|落地|落户)")
HOST_BEFORE = re.compile(r"在[^，,。；;]{0,6}$")  # 在我省某市举行: 在, then at most a place or two
REVIEW_TITLE = re.compile(r"(?:工作)?总结|年终盘点|工作回顾")
ANSWER_LABELS = ("答", "受访者")


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


def extract_document(file_name: str, text: str) -> DocumentExtraction:
    """Nodes and edges of one document; ids are stable across runs (see CONTRACT.md)."""
    with token_cache():
        return _DocumentRun(file_name, text).run()


@dataclass
class _Sentence:
    """What one sentence yields before it is joined up into edges."""

    parsed: ParsedSentence
    ev: Evidence
    regions: list[tuple[RegionMention, Division]]
    orgs: list[OrgMention]
    org_ids: list[str]
    actors: dict[tuple[int, int], list[Doer]]
    # Clauses after 某某说/介绍 with no subject of their own: the speaker's body does what they say.
    spoken: dict[tuple[int, int], list[Doer]]


class _DocumentRun(DoerSteps, TargetSteps):
    """One pass over a document, keeping the section state (region, interviewee, tense)."""

    def __init__(self, file_name: str, text: str) -> None:
        self.text = text
        self.parsed = _parse(split_sentences(text))
        self.year = year_of(text)
        self.headings = [p for p in self.parsed if _section_heading(p)]
        self.affiliated: list[str] = []  # university-affiliated hospitals named so far
        self.recent_body: tuple[str, str] | None = None  # the last body named, for 医院检验科主任
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
        self.section_body: str | None = None  # the body an interviewee's heading names
        self.doers = DoerContext(issuer=own.id if own else None)
        # A feature that moves between places: each section's place, per sentence.
        self.section_places = section_places(
            [p.sentence for p in self.parsed],
            [p.regions for p in self.parsed],
            division_index().chain,
            own,
        )
        self.resolver = RegionResolver(own.code if own else None)
        # A year-end review (某年工作总结) reports its own year: that year's figures are results.
        self.review = bool(REVIEW_TITLE.search(self.document.title))
        self.kind = "achieved" if self.review else "goal"
        self.section_year: int | None = None
        # Doers of a quote whose speaker is named after it (“…”某某说) wait for that sentence.
        self.quoted = quotes_attributed_after([p.sentence for p in self.parsed])
        self.waiting: dict[int, list[tuple[str, Doer, str, Evidence]]] = {}
        self.index = 0
        self.topic_program: str | None = None  # 实施强基层专项。: the program a paragraph is about
        self.speaker_here: str | None = None  # the body of the official who speaks in this sentence
        self.programs = ProgramRecognizer()
        self.targets = TargetExtractor()

    def run(self) -> DocumentExtraction:
        for index, (p, place) in enumerate(zip(self.parsed, self.section_places, strict=True)):
            if place is not None and place != self.doers.section:
                self.doers.section = place
            self.index, self.speaker_here, self.line_opened = index, None, p.sentence.line_start
            self.asked = p.sentence.clean.endswith(("？", "?"))
            self._sentence(p)
            self._settle_quotes(index)
        link_named_ancestors(self.graph.nodes, self.graph.edges)
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
        if s.line_start:
            self.doers.new_line()
            self.topic_program = None
        self._follow_speaker(s)
        heading = _section_heading(p) if self.headings else None
        regions = add_regions(graph, p, self.resolver, ev)
        if heading and len(self.headings) >= 2:
            org_region = next((d for m, d in regions if m.end <= heading[1]), None)
            if org_region:
                self.section_region, self.resolver = org_region, RegionResolver(org_region.code)
                self.doers.issuer, self.doers.issuer_basis = org_region.id, "section"
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
        orgs = _with_departments(orgs, find_departments(clean, self.doers_place()))
        towns = add_towns(graph, p, regions, self.resolver, ev, self.doers_place())
        orgs = short_forms_of_affiliated(place_town_bodies(orgs, towns, p), self.affiliated)
        orgs = place_by_short_name(known_full_names(orgs, graph.body_labels), graph)
        org_ids = [add_body(graph, m, ev) for m in orgs]
        self._parent_bodies(orgs, org_ids, ev)
        for town_start, town_end, town_id, _ in towns:
            for m, org_id in zip(orgs, org_ids, strict=True):
                if m.start <= town_start and town_end <= m.end:
                    graph.edge("LOCATED_IN", org_id, town_id, ev)
        for branch, parent in parent_hospital_pairs(orgs, clean):
            parent_id = graph.add(Hospital(id=f"hospital:{parent}", name=parent, kind="医院"), ev)
            graph.edge("PARTNERS_WITH", f"hospital:{branch}", parent_id, ev)
        official_ids = add_officials(
            graph, p, orgs, org_ids, regions, ev, self.section_region, self.recent_body
        )
        if orgs:
            self.recent_body = (org_ids[-1], orgs[-1].name)
        if heading and official_ids:
            self.section_body = body_of_official(official_ids[0])
        if s.line_start and clean.endswith(SPEAKER_HEADING_END):
            self._speaker_heading(clean, official_ids)
        if self.section_region:
            graph.region(self.section_region, None)
        relative: dict[int, str] = {}
        for m in RELATIVE_REGION.finditer(clean):
            div = self.resolver.by_level_suffix(m.group(2))
            if div:
                graph.region(div, ev, m.group(0))
                # 全市 in a district's report is the district the report speaks for.
                relative[m.start()] = self.doers.section or self.doers.issuer or div.id
        actors = clause_subjects(s, regions, orgs, org_ids, relative, self.doers.speaker)
        spoken = self._spoken(s, official_ids, actors, regions, orgs, org_ids)
        self._follow_subjects(s, actors, regions)
        self.doers.sentence_ended(clean)
        found = _Sentence(p, ev, regions, orgs, org_ids, actors, spoken)
        self._partners(found)
        program_starts = self._programs(found)
        self._targets(found, program_starts)

    def _follow_speaker(self, s: Sentence) -> None:
        """In a question-and-answer interview the answers belong to the named interviewee."""
        speaker = SPEAKER_PREFIX.match(s.clean) if s.line_start else None
        if speaker:
            name = speaker.group(1)
            known = self.graph.officials_by_name.get(name)
            first = self.graph.first_official
            if known:
                self.doers.speaker_turn(body_of_official(known))
            elif name in ANSWER_LABELS and first:
                # 答: the interviewee the text introduced
                self.doers.speaker_turn(body_of_official(first))
            elif name in INTERVIEWER_LABELS:
                self.doers.speaker_turn(None, asking=True)
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
        # 党的二十大报告提出，要推进健康中国建设: a national authority's words, nobody's work here.
        authority = bool(NATIONAL_SAID.match(s.clean))
        out = []
        spans = []
        for prog in found:
            pid = self.graph.add(Program(id=prog.id, name=prog.name, aliases=list(prog.aliases)), x.ev)
            spans.append((prog.start, prog.end, pid))
            out.append((prog.start, pid))
            clause = s.clause_at(prog.start)
            # A heading line (数字赋能医共体建设) names a topic; it states no one's work.
            defaults = [] if authority or heading_line(s) else self.doers.defaults()
            doers = list(x.spoken.get(clause) or x.actors.get(clause) or defaults)
            doers += named_around_program(
                s.clean, clause, (prog.start, prog.end), x.regions, x.orgs, x.org_ids, own_line
            )
            doers += [Doer(h, "subject") for h in hosts]
            seen: set[str] = set()
            if negated(s.clean, clause[0], prog.start):
                doers = []  # 未建立…制度: nobody carries it out
            for doer in doers:
                if doer.id not in seen:
                    seen.add(doer.id)
                    self._credit("IMPLEMENTS", doer, pid, x.ev)
        # 实施强基层专项。: a sentence that only names a program makes it its paragraph's topic.
        topic = [
            pid
            for start, end, pid in spans
            if TOPIC_VERB.fullmatch(s.clean[:start]) and end >= len(s.clean) - 1
        ]
        if topic:
            self.topic_program = topic[0]
        for part, whole in program_parts(s.clean, spans):
            self.graph.edge("PART_OF", part, whole, x.ev)
        return out


def _with_departments(orgs: list[OrgMention], departments: list[OrgMention]) -> list[OrgMention]:
    """Bodies of the sentence with the departments named by short form, none overlapping."""
    extra = [d for d in departments if not any(o.start < d.end and d.start < o.end for o in orgs)]
    return sorted([*orgs, *extra], key=lambda m: m.start)
