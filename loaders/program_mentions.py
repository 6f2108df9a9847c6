"""A program mention, and the step that keeps one mention per program in a sentence: a name
that only starts or ends a longer one, or a listed name with a generic word after it, is the
same program."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from loaders.program_words import strip_quotes

GENERIC_TAILS = ("活动", "工作", "行动", "工程", "项目")


@dataclass
class ProgramMention:
    start: int  # clean offsets in the sentence
    end: int
    name: str
    aliases: list[str] = field(default_factory=list)
    listed: bool = False  # one of the packaged national programs

    @property
    def id(self) -> str:
        return f"program:{strip_quotes(self.name)}"  # “X”工程 and X工程 are one program


def one_per_name(found: list[ProgramMention]) -> list[ProgramMention]:
    """One mention per name (quotes aside), aliases joined. A name that only starts a longer one
    is dropped unless it is a listed national program, which readers know by that name."""
    by_name: dict[str, ProgramMention] = {}
    # 医疗改革 of 医疗改革赋能行动 is the start of the longer name, not a program of its own.
    # (Indexed by start, end and name below: a long line holds thousands of mentions, and
    # comparing every pair made extraction quadratic.)
    longest_from: dict[int, int] = {}
    for n in found:
        longest_from[n.start] = max(longest_from.get(n.start, n.end), n.end)
    found = [m for m in found if m.listed or not longest_from[m.start] > m.end]
    # 紧密型县域医共体建设 holds 县域医共体建设 and 医共体建设, 深化医改 holds 医改: a name that ends
    # a longer one is the same program with a modifier, one mention, so one node.
    kept: list[ProgramMention] = []
    ending_at: dict[int, list[ProgramMention]] = defaultdict(list)
    for n in found:
        ending_at[n.end].append(n)
    for m in found:
        outer = next((n for n in ending_at[m.end] if n.start < m.start), None)
        if outer is not None:
            if m.listed:  # a known name of the same program; a generic tail (医共体建设) is none
                outer.aliases.extend(
                    a for a in (m.name, *m.aliases) if a != outer.name and a not in outer.aliases
                )
            continue
        kept.append(m)
    found = kept
    # “优质服务基层行”活动 is the listed 优质服务基层行 with a generic word after the quote.
    named: dict[str, list[ProgramMention]] = defaultdict(list)
    position = {id(n): k for k, n in enumerate(found)}  # removals below keep the relative order
    for n in found:
        named[strip_quotes(n.name)].append(n)
    for m in [m for m in found if m.listed]:
        wanted = {m.name + w for w in GENERIC_TAILS}
        outer = min(
            (n for name in wanted for n in named.get(name, ()) if n is not m),
            key=lambda n: position[id(n)],
            default=None,
        )
        if outer is not None and outer.start <= m.start and m.end <= outer.end:
            m.aliases.append(outer.name)
            found.remove(outer)
            named[strip_quotes(outer.name)].remove(outer)
    for m in sorted(found, key=lambda x: (x.start, -(x.end - x.start))):
        key = strip_quotes(m.name)
        if key in by_name:
            for alias in m.aliases:
                if alias not in by_name[key].aliases:
                    by_name[key].aliases.append(alias)
            continue
        by_name[key] = m
    return list(by_name.values())
