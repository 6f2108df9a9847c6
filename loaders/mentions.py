"""One sentence's recognised mentions turned into nodes of the builder: places (with their
PART_OF chain), towns under their county, hospitals and organizations (LOCATED_IN their place)
and officials (HOLDS_POSITION in their body)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.builder import ExtractionBuilder
from loaders.gazetteer import town_county, towns_in, villages_in
from loaders.lexicon import Token
from loaders.models import Evidence, Hospital, Official, Organization, Region
from loaders.officials import REGIONAL_TITLES, TITLE_RUN, find_officials
from loaders.organizations import TOWN_LED, OrgMention
from loaders.regions import Division, RegionMention, RegionResolver, division_index
from loaders.sentences import Sentence

PERSON_TAGS = ("nr", "nrfg", "nrt")


@dataclass
class ParsedSentence:
    """A sentence with its jieba words and the place names found in it (not yet resolved)."""

    sentence: Sentence
    tokens: list[Token]
    starts: frozenset[int]
    ends: frozenset[int]
    regions: list[RegionMention]


def add_regions(
    graph: ExtractionBuilder, p: ParsedSentence, resolver: RegionResolver, ev: Evidence | None
) -> list[tuple[RegionMention, Division]]:
    """The place names that resolve, each added with its PART_OF chain (when `ev` is given)."""
    out = []
    for m in p.regions:
        div = resolver.resolve(m.candidates)
        if div is None:
            continue
        out.append((m, div))
        if ev is not None:
            graph.region(div, ev, m.surface if m.surface != div.name else None)
    return out


def add_towns(
    graph: ExtractionBuilder,
    p: ParsedSentence,
    regions: list[tuple[RegionMention, Division]],
    resolver: RegionResolver,
    ev: Evidence,
    section: Division | None = None,
) -> list[tuple[int, int, str, Division]]:
    """(start, end, id, county) of the towns named, each under the county in context (the one the
    sentence names, else the county the section is about, else the document's own)."""
    out = []
    counties = [(m, d) for m, d in regions if d.level == "county"]
    own = section if section and section.level == "county" else resolver.own_division()
    fallback = counties[-1][1] if counties else (own if own and own.level == "county" else None)
    for start, end, name in towns_in(p.sentence.clean, p.starts):
        # 甲区某镇卫生院、乙区某街道…: a town right after a county's name is in that county.
        # …县人民医院托管某镇卫生院: else the county named last before the town, or one named
        # earlier in the section; the gazetteer says which counties have a town of that name.
        before = [d for m, d in counties if m.end <= start]
        adjacent = [d for m, d in counties if m.end == start]
        context = adjacent + before[::-1] + resolver.recent_counties() + ([fallback] if fallback else [])
        context += [d for m, d in regions if d.level != "county"] + resolver.own_chain()
        county = town_county(name, context)
        if county is None:
            continue  # a town named without its county could be any of the towns of that name
        full = f"{county.name}{name}"
        town_id = graph.add(Region(id=f"region:{full}", name=name, level="town", aliases=[full]), ev)
        graph.region(county, ev)
        graph.edge("PART_OF", town_id, county.id, ev)
        out.append((start, end, town_id, county))
    # 某街道某村, 某县某社区: a village the gazetteer lists under the town or county just named.
    places = [(s, e, graph.nodes[tid].name, c) for s, e, tid, c in out]
    places += [(m.start, m.end, d.name, d) for m, d in counties]
    for start, end, name, k in villages_in(p.sentence.clean, places):
        parent = out[k][2] if k < len(out) else places[k][3].id
        county = places[k][3]
        village_id = graph.add(
            Region(id=f"{parent}{name}", name=name, level="village", aliases=[f"{county.name}{name}"]), ev
        )
        graph.edge("PART_OF", village_id, parent, ev)
        out.append((start, end, village_id, county))
    return out


def place_town_bodies(
    orgs: list[OrgMention], towns: list[tuple[int, int, str, Division]], p: ParsedSentence
) -> list[OrgMention]:
    """某某镇卫生院 is the one of 某某镇 in the county in context; with no county known it could be
    any of them, so it is left out."""
    named_towns = {start for start, _, _ in towns_in(p.sentence.clean, p.starts)}
    out = []
    for m in orgs:
        town = next((t for t in towns if t[0] == m.start), None)
        if town is not None and m.region is None:
            county = town[3]
            m.aliases.append(m.name)
            m.name, m.region = county.name + m.name, county
        elif (m.start in named_towns or TOWN_LED.match(m.surface)) and m.region is None:
            continue
        out.append(m)
    return out


def subject_region(regions: list[tuple[RegionMention, Division]]) -> Division | None:
    return next((d for m, d in regions if m.start == 0 and d.level in ("county", "city")), None)


def merge_parenthesised(orgs: list[OrgMention], clean: str) -> list[OrgMention]:
    """某某大学附属医院贵州医院(贵州省某医院): the name in brackets is another name of the same body."""
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


def add_body(graph: ExtractionBuilder, m: OrgMention, ev: Evidence) -> str:
    model = Hospital if m.label == "Hospital" else Organization
    node_id = graph.add(model(id=m.id, name=m.name, kind=m.kind, aliases=list(m.aliases)), ev)
    if m.region is not None:
        region_id = graph.region(m.region, ev)
        graph.edge("LOCATED_IN", node_id, region_id, ev)
    return node_id


# A department between a body and a post: 某委中医基层科工作人员, 某医院创伤外科医生, 新闻发布处副处长.
DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:科|处|室|办公室|办)$")
DEPARTMENT_MAX = 8


def _body_of_department(
    clean: str,
    org_end: int,
    orgs: list[OrgMention],
    org_ids: list[str],
    recent_body: tuple[str, str] | None,
) -> tuple[str | None, str | None]:
    """The body whose department a post is in: the body right before the department, else the last
    body named earlier in the sentence or document (连线了消化内科主任医师某某)."""
    before = [(m, oid) for m, oid in zip(orgs, org_ids, strict=True) if m.end < org_end]
    for m, oid in reversed(before):
        if org_end - m.end <= DEPARTMENT_MAX and DEPARTMENT.fullmatch(clean[m.end : org_end]):
            return oid, m.name
    department = DEPARTMENT.search(clean[max(0, org_end - DEPARTMENT_MAX) : org_end])
    if department is None:
        return None, None
    if before:
        return before[-1][1], before[-1][0].name
    return recent_body if recent_body else (None, None)


def add_officials(
    graph: ExtractionBuilder,
    p: ParsedSentence,
    orgs: list[OrgMention],
    org_ids: list[str],
    regions: list[tuple[RegionMention, Division]],
    ev: Evidence,
    section: Division | None,
    recent_body: tuple[str, str] | None = None,
) -> list[str]:
    """The officials of a sentence, each with HOLDS_POSITION in its body. `recent_body` is (id, name)
    of the last body the document named, for a post given by its department only (医院检验科主任)."""
    clean = p.sentence.clean
    speakers = [(t.start, t.end, t.word) for t in p.tokens if t.flag in PERSON_TAGS]
    titled = dict(graph.titled_officials)  # as the sentence began: its own officials come after
    ids = []
    for off in find_officials(clean, speakers, frozenset(titled)):
        if off.title is None and off.name in titled:
            ids.append(graph.add(graph.nodes[titled[off.name]], ev))  # 刘保柱说: the one named before
            continue
        body_id, body_name = None, None
        if off.org_end is not None:
            for m, oid in zip(orgs, org_ids, strict=True):
                if m.end == off.org_end:
                    body_id, body_name = oid, m.name
            if body_id is None:
                body_id, body_name = _body_of_department(clean, off.org_end, orgs, org_ids, recent_body)
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
        if off.org_end is not None:
            for other in _earlier_posts(clean, off.org_end, orgs, org_ids, body_id):
                graph.edge("HOLDS_POSITION", oid, other, ev)
        ids.append(oid)
    return ids


def _earlier_posts(
    clean: str, org_end: int, orgs: list[OrgMention], org_ids: list[str], body_id: str | None
) -> list[str]:
    """某省委教育工委委员，某省教育厅党组成员、副厅长某某: posts in two bodies before one name; the
    body of the earlier post is held too."""
    body = next((m for m, oid in zip(orgs, org_ids, strict=True) if oid == body_id), None)
    if body is None or body.start < 2 or clean[body.start - 1] not in "，,、":
        return []
    titles = TITLE_RUN.search(clean, 0, body.start - 1)
    while titles and titles.end() != body.start - 1:
        titles = TITLE_RUN.search(clean, titles.end(), body.start - 1)
    if titles is None:
        return []
    return [oid for m, oid in zip(orgs, org_ids, strict=True) if m.end == titles.start() and oid != body_id]


def known_full_names(orgs: list[OrgMention], known: dict[str, str]) -> list[OrgMention]:
    """区卫生健康局 after 佛山市顺德区卫生健康局: a body whose name, completed with its district,
    ends a longer name the document gave before (the extra part naming the district's city or
    province) is that body. `known` maps the document's body names to their labels."""
    for m in orgs:
        if m.region is None:
            continue
        ancestors = [d.name for d in division_index().chain(m.region.code)[1:]]
        longer = [
            name
            for name, label in known.items()
            if label == m.label
            and name != m.name
            and name.endswith(m.name)
            and name[: -len(m.name)] in _prefixes(ancestors)
        ]
        if len(longer) == 1:
            if m.name not in m.aliases:
                m.aliases.append(m.name)
            m.name = longer[0]
    return orgs


def _prefixes(ancestors: list[str]) -> set[str]:
    """佛山市, 广东省, 广东省佛山市: the ways a county's ancestors may open its bodies' names."""
    out = set(ancestors)
    for k in range(len(ancestors)):
        out.add("".join(reversed(ancestors[k:])))
    return out


def place_by_short_name(orgs: list[OrgMention], graph: ExtractionBuilder) -> list[OrgMention]:
    """黔江中心医院 in a text about 黔江区: a body with no place whose name opens with the short
    name (黔江) of a county or city the document named is in that place."""
    if all(m.region is not None for m in orgs):
        return orgs  # nothing to place: no need to gather the document's places
    named = [
        division_index().by_code[n.code]
        for n in graph.nodes.values()
        if isinstance(n, Region) and n.code and n.level in ("city", "county")
    ]
    for m in orgs:
        if m.region is not None:
            continue
        fits = {
            d.code: d
            for d in named
            if len(short := d.name[:-1]) >= 2
            and d.name[-1] in "市区县"
            and m.name.startswith(short)
            and not m.name.startswith(d.name)
        }
        if len(fits) == 1:
            m.region = next(iter(fits.values()))
    return orgs
