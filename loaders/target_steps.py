"""The step of a document's pass that turns a sentence's figures into Target nodes and credits
them: to the clause's doers (分别: one each, in order), the interviewee or speaker whose turn it
is, and the program the figure's clause, the sentence or the paragraph is about.
`_DocumentRun` in `pipeline` runs it sentence by sentence."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from loaders.builder import ExtractionBuilder
from loaders.doers import Doer, DoerContext
from loaders.models import Document, Target
from loaders.targets import YEAR_IN_TEXT, TargetExtractor

if TYPE_CHECKING:
    from loaders.pipeline import _Sentence as SentenceFound

POPULATION_OUTCOME = re.compile(
    r"(?:死亡率|患病率|发病率|超重率|肥胖率|预期寿命|健康素养水平|出生缺陷发生率)$"
)


class TargetSteps:
    """Targets of one sentence, with the section state of the document's pass."""

    graph: ExtractionBuilder
    doers: DoerContext
    document: Document
    targets: TargetExtractor
    kind: str
    year: int | None
    section_year: int | None
    section_body: str | None
    topic_program: str | None

    # Provided by DoerSteps (annotations only, so the implementations are not shadowed).
    _credit: Callable[[str, Doer, str, Any], None]
    _reporting: Callable[[str | None], str | None]

    def _targets(self, x: SentenceFound, program_starts: list[tuple[int, str]]) -> None:
        s = x.parsed.sentence
        clauses = s.clauses()
        first_clause = clauses[0] if clauses else (0, 0)
        found = self.targets.find(s.clean, clauses, self.kind, self.year)
        figures_by_clause: dict[tuple[int, int], list] = defaultdict(list)
        for f in found:  # grouped once: a long line holds thousands of figures
            figures_by_clause[s.clause_at(f.start)].append(f)
        counted = set(figures_by_clause)  # the clauses that hold a figure
        for t in found:
            if t.kind == "achieved" and self.section_year and not YEAR_IN_TEXT.search(s.clean):
                t.year = self.section_year
            figure_clause = s.clause_at(t.start)
            named = x.spoken.get(figure_clause) or x.actors.get(figure_clause)
            committers = list(named or self.doers.defaults())
            in_clause = figures_by_clause[figure_clause]
            if (
                len(committers) >= 2
                and len(in_clause) == len(committers)
                and "分别" in s.clean[figure_clause[0] : figure_clause[1]]
            ):
                # 甲区、乙区分别投入5亿元、8亿元: the figures go to the places in their order
                committers = [committers[in_clause.index(t)]]
            # An interviewee's or speaker's body reports the figures of its turn too.
            committers = [Doer(self._reporting(c.id) or c.id, c.basis) for c in committers]
            # A population's health outcome (婴儿死亡率, 超重率) named with its place is the place's alone.
            outcome = POPULATION_OUTCOME.search(t.metric) and any(
                c.id.startswith("region:") for c in committers
            )
            for body in (self.section_body, self._reporting(self.doers.speaker)):
                if body and not outcome and all(c.id != body for c in committers):
                    committers.append(Doer(body, "speaker"))
            subject_id = committers[0].id if committers else self.document.id
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
                self._credit("SETS_TARGET", c, tid, x.ev)
            # A program ties to a figure in its own clause, or as the topic of the first clause;
            # a figure whose clause names none is the nearest program's before it in the sentence
            # (推进…“七大行动”，建设500个以上县级医院临床重点专科).
            # A program counted in its own clause (举办健康知识讲座19.57万次，…) is no topic of the others.
            tied = [
                pid
                for start, pid in program_starts
                if start < t.start
                and (figure_clause[0] <= start or (start < first_clause[1] and first_clause not in counted))
            ]
            before = [
                pid
                for start, pid in program_starts
                if start < figure_clause[0] and s.clause_at(start) not in counted
            ]
            if not any(figure_clause[0] <= start < t.start for start, _ in program_starts) and before:
                tied.append(before[-1])
            if not tied and self.topic_program:
                tied.append(self.topic_program)  # 实施强基层专项。支持建设100所…: the paragraph's program
            for pid in dict.fromkeys(tied):
                self.graph.edge("SETS_TARGET", pid, tid, x.ev, "subject")
