"""The steps of a document's pass that keep track of doers: speaker turns, the paragraph's
subject, the section's place, quotes waiting for their speaker, and the bodies a name shows to be
part of another. `_DocumentRun` in `pipeline` runs them sentence by sentence."""

from __future__ import annotations

import re

from loaders.builder import ExtractionBuilder
from loaders.doers import Clause, Doer, DoerContext, body_of_official, sentence_speaker
from loaders.hierarchy import parent_of
from loaders.models import Evidence, Organization
from loaders.organizations import OrgMention
from loaders.regions import Division, RegionMention, division_index
from loaders.sentences import Sentence

PRESS_OFFICE = re.compile(r"宣传部|新闻办|新闻发布|新闻中心")
INTERVIEWER_LABELS = ("记者", "问", "主持人", "编者")


class DoerSteps:
    """Doer bookkeeping shared by the sentences of one document."""

    graph: ExtractionBuilder
    doers: DoerContext
    section_region: Division | None
    quoted: dict[int, int]  # sentence index inside a quote -> index of the sentence naming its speaker
    waiting: dict[int, list[tuple[str, Doer, str, Evidence]]]
    index: int
    speaker_here: str | None
    line_opened: bool  # this sentence opens a line
    asked: bool  # this sentence is a question

    def _own_line(self) -> set[str]:
        """Ids of the section's region, its ancestors and (by code prefix) the places under it."""
        if self.section_region is None:
            return set()
        return {d.id for d in division_index().chain(self.section_region.code)}

    def _inside_own(self, div: Division) -> bool:
        if self.section_region is None:
            return True
        own = self.section_region
        prefix = (
            own.code[:2] if own.level == "province" else own.code[:4] if own.level == "city" else own.code
        )
        return div.id in self._own_line() or div.code.startswith(prefix)

    def _parent_bodies(self, orgs: list[OrgMention], org_ids: list[str], ev: Evidence) -> None:
        """中共某省委宣传部 PART_OF 中共某省委: a body whose name opens with its parent's."""
        known: set[str] | None = None  # the organizations named before this sentence's parents
        for m, oid in zip(orgs, org_ids, strict=True):
            if m.label != "Organization":
                continue
            if known is None:
                known = set(self.graph.organization_names)
            parent = parent_of(m.name, known)
            if parent is None:
                continue
            name, kind = parent
            known_kind = self.graph.nodes.get(f"org:{name}")
            parent_id = self.graph.add(
                Organization(id=f"org:{name}", name=name, kind=kind or None)
                if known_kind is None
                else known_kind,
                None,
            )
            self.graph.edge("PART_OF", oid, parent_id, ev)

    def doers_place(self) -> Division | None:
        """The place whose departments a list of short forms names: the section's, else own."""
        if self.doers.section:
            div = division_index().by_code.get(self.doers.section.removeprefix("region:"))
            if div:
                return div
        return self.section_region

    def _credit(self, kind: str, doer: Doer, target: str, ev: Evidence) -> None:
        """A doer's edge, or, inside a quote whose speaker comes next, the wait for that speaker."""
        if self.doers.asking or self.asked:
            return  # a question (请介绍一下…？) asks; it states no one's work
        attributed = self.quoted.get(self.index)
        if attributed is not None and doer.basis in ("issuer", "section"):
            self.waiting.setdefault(attributed, []).append((kind, doer, target, ev))
            return
        self.graph.edge(kind, doer.id, target, ev, doer.basis)

    def _settle_quotes(self, index: int) -> None:
        """The quote before this sentence goes to the body of the speaker this sentence names."""
        attributed = self.speaker_here if not self.line_opened else None  # the speaker's line goes on
        for kind, doer, target, ev in self.waiting.pop(index, []):
            if not attributed:
                continue  # a villager's or patient's words (“…”王某说) are nobody's commitment
            if kind == "SETS_TARGET":
                # A quoted figure stays the place's too (“…全区基层就诊率达到60%。”某区卫健委某某说).
                self.graph.edge(kind, doer.id, target, ev, doer.basis)
            self.graph.edge(kind, attributed, target, ev, "speaker")

    def _speaker_heading(self, clean: str, official_ids: list[str]) -> None:
        """A line `某委副主任某某：` (or `某某：` once named) opens that speaker's turn; `某报记者：`
        opens a question."""
        name = clean[:-1]
        named = [oid for oid in official_ids if name.endswith(oid.removeprefix("official:").split("|")[0])]
        known = self.graph.officials_by_name.get(name)
        if named or known:
            body = body_of_official(named[0] if named else known)
            # The host of a press conference (新闻办, 宣传部) chairs it and speaks for no doer.
            self.doers.speaker_turn(None if body and PRESS_OFFICE.search(body) else body)
        elif name.endswith(INTERVIEWER_LABELS):
            self.doers.speaker_turn(None, asking=True)

    def _follow_subjects(
        self,
        s: Sentence,
        actors: dict[tuple[int, int], list[Doer]],
        regions: list[tuple[RegionMention, Division]],
    ) -> None:
        """The subject of a sentence's first clause is the paragraph's until another is named; a
        place outside the document's own region moves the section there."""
        clauses = s.clauses()
        if not clauses:
            return
        first = actors.get(clauses[0], [])
        named = [d for d in first if d.basis == "subject"]
        if named:
            self.doers.paragraph = named
        for _, div in regions:
            if any(d.id == div.id for d in named) and div.level in ("city", "county"):
                self.doers.place_named(div.id, self._inside_own(div))

    def _reporting(self, body: str | None) -> str | None:
        """Who reports a speaker's figures: a people's government's are its place's (三亚市人民政府
        副秘书长: 三亚市's figures), any other body's its own."""
        if body is None or not body.endswith("人民政府"):
            return body
        place = next(
            (
                e.target
                for (kind, source, _), e in self.graph.edges.items()
                if kind == "LOCATED_IN" and source == body
            ),
            None,
        )
        return place or body

    def _spoken(
        self,
        s: Sentence,
        official_ids: list[str],
        actors: dict[Clause, list[Doer]],
        regions: list[tuple[RegionMention, Division]],
        orgs: list[OrgMention],
        org_ids: list[str],
    ) -> dict[Clause, list[Doer]]:
        """Clauses after 某某说/介绍 credited to the speaker's body: 某医院院长某某介绍，…力争双向转诊2万
        人次 is the hospital's, unless a clause names its own subject (全市…)."""
        speaker = sentence_speaker(s.clean, official_ids, set(org_ids) | {d.id for _, d in regions})
        spoken: dict[Clause, list[Doer]] = {}
        if not speaker:
            return spoken
        self.speaker_here = speaker[1]
        home = {
            m.region.id
            for m, oid in zip(orgs, org_ids, strict=True)
            if oid == speaker[1] and m.region and m.label == "Organization"  # an administration
        }
        for clause in s.clauses():
            if clause[0] < speaker[0]:
                continue
            named = actors.get(clause, [])
            if not named or named[0].basis != "subject":
                spoken[clause] = [Doer(speaker[1], "speaker")]
            elif {d.id for d in named} <= home:
                # 某市卫健委主任某某介绍，全市…: the place the body serves, and the body
                spoken[clause] = [*named, Doer(speaker[1], "speaker")]
        return spoken
