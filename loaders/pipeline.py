"""One document's text in, its nodes and edges out (pure and deterministic).

Steps: split sentences; find the places named, to choose the document's own region; then per
sentence recognise regions, hospitals and organizations, officials, programs and targets, and
join them with edges whose evidence is the sentence. In a round-up of interviews each
interviewee's heading line (上海市卫生健康委党组书记、主任 闻大翔) opens a section whose region and
official own the commitments that follow.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from loaders.document_meta import date_of, own_region, title_of, year_of
from loaders.lexicon import Token, token_boundaries, tokenize
from loaders.models import (
    Document,
    DocumentExtraction,
    Edge,
    Evidence,
    Hospital,
    NodeBase,
    Official,
    Organization,
    Program,
    Region,
    Target,
)
from loaders.officials import REGIONAL_TITLES, find_officials
from loaders.organizations import OrganizationRecognizer, OrgMention, parent_hospital_pairs
from loaders.partners import Party, partner_pairs
from loaders.programs import ProgramRecognizer
from loaders.regions import (
    Division,
    RegionMention,
    RegionResolver,
    division_index,
    find_region_names,
    towns_in,
)
from loaders.sentences import Sentence, split_sentences
from loaders.targets import TargetExtractor, section_kind

RELATIVE_REGION = re.compile(r"(全|我|本)(省|市|区|县)(?![域场级委政直属内外长])")
PERSON_TAGS = ("nr", "nrfg", "nrt")
SPEAKER_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,4})[：:]")
INTERVIEWER_LABELS = ("记者", "问", "主持人", "编者")


@dataclass
class _Parsed:
    sentence: Sentence
    tokens: list[Token]
    starts: frozenset[int]
    ends: frozenset[int]
    regions: list[RegionMention]


class _Builder:
    """Nodes merged by id and edges by (type, source, target), each keeping all its evidence."""

    def __init__(self, file_name: str, text: str) -> None:
        self.file_name, self.text = file_name, text
        self.nodes: dict[str, NodeBase] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence.from_text(self.file_name, self.text, sentence.start, sentence.end)

    def add(self, node: NodeBase, ev: Evidence | None, aliases: list[str] = ()) -> str:  # type: ignore[assignment]
        known = self.nodes.get(node.id)
        if known is None:
            self.nodes[node.id] = known = node
        for alias in [*node.aliases, *aliases]:
            if alias and alias != known.name and alias not in known.aliases:
                known.aliases.append(alias)
        if ev is not None and all(e.key() != ev.key() for e in known.evidence):
            known.evidence.append(ev)
        return known.id

    def edge(self, kind: str, source: str, target: str, ev: Evidence) -> None:
        if source == target:
            return
        key = (kind, source, target)
        edge = self.edges.get(key)
        if edge is None:
            self.edges[key] = edge = Edge(type=kind, source=source, target=target)  # type: ignore[arg-type]
        if all(e.key() != ev.key() for e in edge.evidence):
            edge.evidence.append(ev)

    def region(self, div: Division, ev: Evidence | None, alias: str | None = None) -> str:
        index = division_index()
        chain = index.chain(div.code)
        for child, parent in zip(chain, chain[1:], strict=False):
            self.add(Region(id=parent.id, name=parent.name, level=parent.level, code=parent.code), None)
            if ev is not None:
                self.edge("PART_OF", child.id, parent.id, ev)
        return self.add(
            Region(id=div.id, name=div.name, level=div.level, code=div.code), ev, [alias] if alias else []
        )


def _parse(sentences: list[Sentence]) -> list[_Parsed]:
    out = []
    for s in sentences:
        tokens = tokenize(s.clean)
        starts, ends = token_boundaries(tokens)
        out.append(_Parsed(s, tokens, starts, ends, find_region_names(s.clean, starts, ends)))
    return out


def _choose_own_region(parsed: list[_Parsed], text: str) -> Division | None:
    counts: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for p in parsed:
        for m in p.regions:
            if len(m.candidates) == 1:
                counts[m.candidates[0].code] += 1
                if p.sentence.start < 200:
                    opening[m.candidates[0].code] += 1
    return own_region(counts, opening, text)


def _section_heading(p: _Parsed) -> tuple[str, int] | None:
    """(name, org end) when the sentence is a heading line `body titles name` of an interviewee."""
    for official in find_officials(p.sentence.clean, []):
        if official.org_end and official.end == len(p.sentence.clean) and p.sentence.line_start:
            return official.name, official.org_end
    return None


def _clause_of(sentence: Sentence, pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in sentence.clauses() if a <= pos < b), (0, len(sentence.clean)))


def extract_document(file_name: str, text: str) -> DocumentExtraction:
    """Nodes and edges of one document; ids are stable across runs (see CONTRACT.md)."""
    sentences = split_sentences(text)
    parsed = _parse(sentences)
    doc_year = year_of(text)
    headings = [p for p in parsed if _section_heading(p)]
    own = None if len(headings) >= 2 else _choose_own_region(parsed, text)
    graph = _Builder(file_name, text)
    document = Document(
        id=f"doc:{file_name}",
        name=title_of(text),
        file=file_name,
        title=title_of(text),
        date=date_of(text, doc_year),
        year=doc_year,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        chars=len(text),
        region=own.id if own else None,
    )
    section_region, section_official = own, None
    resolver = RegionResolver(own.code if own else None)
    kind = "goal"
    programs = ProgramRecognizer()
    targets = TargetExtractor()
    for p in parsed:
        s, clean = p.sentence, p.sentence.clean
        ev = graph.evidence(s)
        speaker = SPEAKER_PREFIX.match(clean) if s.line_start else None
        if speaker:
            # In a question-and-answer interview the answers belong to the named interviewee.
            known = [n for n in graph.nodes.values() if n.label == "Official" and n.name == speaker.group(1)]
            if known:
                section_official = known[0].id
            elif speaker.group(1) in INTERVIEWER_LABELS:
                section_official = None
        kind = section_kind(clean[speaker.end() :] if speaker else clean, kind, doc_year)
        heading = _section_heading(p) if headings else None
        regions = _regions(graph, p, resolver, ev)
        if heading and len(headings) >= 2:
            org_region = next((d for m, d in regions if m.end <= heading[1]), None)
            if org_region:
                section_region, resolver = org_region, RegionResolver(org_region.code)
                regions = _regions(graph, p, resolver, None)
        recognizer = OrganizationRecognizer(resolver)
        subject = _subject_region(regions)
        orgs = _merge_parenthesised(
            recognizer.find(clean, [m for m, _ in regions], p.starts, p.ends, subject), clean
        )
        org_ids = [_add_org(graph, m, ev) for m in orgs]
        for town_start, town_end, town_id in _towns(graph, p, regions, resolver, ev):
            for m, org_id in zip(orgs, org_ids, strict=True):
                if m.start <= town_start and town_end <= m.end:
                    graph.edge("LOCATED_IN", org_id, town_id, ev)
        for branch, parent in parent_hospital_pairs(orgs, clean):
            parent_id = graph.add(Hospital(id=f"hospital:{parent}", name=parent, kind="医院"), ev)
            graph.edge("PARTNERS_WITH", f"hospital:{branch}", parent_id, ev)
        official_ids = _officials(graph, p, orgs, org_ids, regions, ev, section_region)
        if heading and official_ids:
            section_official = official_ids[0]
        default_actor = section_region.id if section_region else None
        if section_region:
            graph.region(section_region, None)
        for m in RELATIVE_REGION.finditer(clean):
            div = resolver.by_level_suffix(m.group(2))
            if div:
                graph.region(div, ev, m.group(0))
        actors = _clause_actors(s, regions, orgs, org_ids)
        parties = [Party(m.start, m.end, oid, m.name) for m, oid in zip(orgs, org_ids, strict=True)]
        parties += [
            Party(m.start, m.end, d.id, d.name)
            for m, d in regions
            if not any(o.start <= m.start and m.end <= o.end for o in orgs)
        ]
        for a, b in partner_pairs(clean, parties, default_actor):
            graph.edge("PARTNERS_WITH", a, b, ev)
        found_programs = programs.find(clean, p.starts, p.ends, {t.start: t.flag for t in p.tokens})
        own_line = {d.code for d in division_index().chain(section_region.code)} if section_region else set()
        program_ids = []
        for prog in found_programs:
            pid = graph.add(Program(id=prog.id, name=prog.name, aliases=list(prog.aliases)), ev)
            program_ids.append((prog.start, pid))
            clause = _clause_of(s, prog.start)
            doers = list(actors.get(clause, [default_actor]))
            # Places and bodies named in the clause before the program carry it out too
            # (推进攸县、渌口区3家县级疾控中心标准化建设; 推进区人民医院、区中医医院…试点).
            doers += [
                d.id
                for m, d in regions
                if clause[0] <= m.start and m.end <= prog.start and d.code not in own_line
            ]
            doers += [
                oid
                for m, oid in zip(orgs, org_ids, strict=True)
                if clause[0] <= m.start and m.end <= prog.start and m.label == "Hospital"
            ]
            # A place named inside the program's name is where it comes from (三明医改经验).
            doers += [
                d.id
                for m, d in regions
                if prog.start <= m.start and m.end <= prog.end and d.code not in own_line
            ]
            for actor in dict.fromkeys(doers):
                if actor:
                    graph.edge("IMPLEMENTS", actor, pid, ev)
        for t in targets.find(clean, s.clauses(), kind, doc_year):
            committers = list(actors.get(_clause_of(s, t.start), [default_actor]))
            if section_official:
                committers.append(section_official)  # an interview: the interviewee commits too
            committers = [c for c in committers if c]
            subject_id = committers[0] if committers else document.id
            digest = hashlib.sha1(
                "|".join(
                    map(str, (subject_id, t.metric, t.value, t.unit, t.comparator, t.year, t.kind))
                ).encode()
            ).hexdigest()[:12]
            tid = graph.add(
                Target(
                    id=f"target:{digest}",
                    name=t.metric,
                    metric=t.metric,
                    value=t.value,
                    unit=t.unit,
                    comparator=t.comparator,
                    year=t.year,
                    kind=t.kind,
                ),
                ev,
            )
            for c in committers:
                graph.edge("SETS_TARGET", c, tid, ev)
            # A program ties to a figure in its own clause, or as the topic of the sentence's first clause.
            figure_clause = _clause_of(s, t.start)
            first_clause = s.clauses()[0] if s.clauses() else (0, 0)
            for start, pid in program_ids:
                if start < t.start and (figure_clause[0] <= start or start < first_clause[1]):
                    graph.edge("SETS_TARGET", pid, tid, ev)
    nodes = [n for n in graph.nodes.values()]
    return DocumentExtraction(document=document, text=text, nodes=nodes, edges=list(graph.edges.values()))


def _regions(
    graph: _Builder, p: _Parsed, resolver: RegionResolver, ev: Evidence | None
) -> list[tuple[RegionMention, Division]]:
    out = []
    for m in p.regions:
        div = resolver.resolve(m.candidates)
        if div is None:
            continue
        out.append((m, div))
        if ev is not None:
            graph.region(div, ev, m.surface if m.surface != div.name else None)
    return out


def _towns(
    graph: _Builder,
    p: _Parsed,
    regions: list[tuple[RegionMention, Division]],
    resolver: RegionResolver,
    ev: Evidence,
) -> list[tuple[int, int, str]]:
    out = []
    counties = [d for _, d in regions if d.level == "county"]
    own_county = resolver.by_level_suffix("区") or resolver.by_level_suffix("县")
    county = (
        counties[-1] if counties else (own_county if own_county and own_county.level == "county" else None)
    )
    for start, end, name in towns_in(p.sentence.clean, p.starts):
        full = f"{county.name}{name}" if county else name
        town_id = graph.add(
            Region(id=f"region:{full}", name=name, level="town", aliases=[full] if county else []), ev
        )
        if county:
            graph.region(county, ev)
            graph.edge("PART_OF", town_id, county.id, ev)
        out.append((start, end, town_id))
    return out


def _subject_region(regions: list[tuple[RegionMention, Division]]) -> Division | None:
    return next((d for m, d in regions if m.start == 0 and d.level in ("county", "city")), None)


def _merge_parenthesised(orgs: list[OrgMention], clean: str) -> list[OrgMention]:
    """中南大学湘雅医院江西医院(江西省人民医院): the name in brackets is another name of the same body."""
    out: list[OrgMention] = []
    for m in orgs:
        prev = out[-1] if out else None
        if (
            prev
            and prev.label == m.label
            and m.start == prev.end + 1
            and clean[prev.end] in "(（"
            and clean[m.end : m.end + 1] in (")", "）")
        ):
            prev.aliases.extend([m.name, *m.aliases])
            continue
        out.append(m)
    return out


def _add_org(graph: _Builder, m: OrgMention, ev: Evidence) -> str:
    model = Hospital if m.label == "Hospital" else Organization
    node_id = graph.add(model(id=m.id, name=m.name, kind=m.kind, aliases=list(m.aliases)), ev)
    if m.region is not None:
        region_id = graph.region(m.region, ev)
        graph.edge("LOCATED_IN", node_id, region_id, ev)
    return node_id


def _officials(
    graph: _Builder,
    p: _Parsed,
    orgs: list[OrgMention],
    org_ids: list[str],
    regions: list[tuple[RegionMention, Division]],
    ev: Evidence,
    section: Division | None,
) -> list[str]:
    clean = p.sentence.clean
    speakers = [(t.start, t.end, t.word) for t in p.tokens if t.flag in PERSON_TAGS]
    ids = []
    for off in find_officials(clean, speakers):
        body_id, body_name = None, None
        if off.org_end is not None:
            for m, oid in zip(orgs, org_ids, strict=True):
                if m.end == off.org_end:
                    body_id, body_name = oid, m.name
            for m, d in regions:
                if body_id is None and m.end == off.org_end:
                    body_id, body_name = d.id, d.name
            if body_id is None and section and off.title and off.title.split("、")[-1] in REGIONAL_TITLES:
                body_id, body_name = section.id, section.name  # 副市长 with no body named: the place's
        scope = body_id or (section.id if section else "")
        oid = graph.add(
            Official(
                id=f"official:{off.name}|{scope}", name=off.name, title=off.title, organization=body_name
            ),
            ev,
        )
        if body_id:
            graph.edge("HOLDS_POSITION", oid, body_id, ev)
        ids.append(oid)
    return ids


def _clause_actors(
    s: Sentence, regions: list[tuple[RegionMention, Division]], orgs: list[OrgMention], org_ids: list[str]
) -> dict[tuple[int, int], list[str]]:
    """Who carries out what a clause says: a place or body that opens the clause, else the default."""
    out: dict[tuple[int, int], list[str]] = {}
    for clause in s.clauses():
        opening: list[str] = []
        pos = clause[0]
        for m, d in sorted(regions, key=lambda r: r[0].start):
            if m.start == pos and d.level != "province":
                opening.append(d.id)  # 石峰区、芦淞区积极探索…: each listed place
                pos = m.end + 1 if s.clean[m.end : m.end + 1] in ("、", "和") else -1
        bodies = [oid for m, oid in zip(orgs, org_ids, strict=True) if m.start == clause[0]]
        if bodies:
            out[clause] = bodies
        elif opening:
            out[clause] = opening
    return out
