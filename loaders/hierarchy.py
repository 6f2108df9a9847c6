"""PART_OF between organizations that their names state: a party committee's department or
working committee (中共某省委宣传部 → 中共某省委), a government's office (某市人民政府办公室 →
某市人民政府), a named body's division (某委某某处 → 某委) when that body is named in the document."""

from __future__ import annotations

import re

PARTY_COMMITTEE = re.compile(r"^(中共[\u4e00-\u9fff]{2,12}?[省市区县州]委)(?=[\u4e00-\u9fff]{2,})")
GOVERNMENT = re.compile(r"^([\u4e00-\u9fff]{2,12}?人民政府)(?=[\u4e00-\u9fff]{2,})")
# What a part of a body is called: a department, a working committee, an office, a division.
SUB_BODY = re.compile(r"(?:部|工作委员会|委员会|工委|领导小组|办公室|办公厅|处|科|室|中心)$")


def parent_of(name: str, known: set[str]) -> tuple[str, str] | None:
    """(parent name, parent kind) of an organization whose name opens with its parent's."""
    if not SUB_BODY.search(name):
        return None
    for pattern, kind in ((PARTY_COMMITTEE, "党委"), (GOVERNMENT, "人民政府")):
        m = pattern.match(name)
        if m:
            return m.group(1), kind
    longest = max(
        (k for k in known if k != name and name.startswith(k) and len(name) - len(k) >= 2),
        key=len,
        default=None,
    )
    return (longest, "") if longest else None


# Ways a sentence says one program is part of another:
# 在“无烟环境”建设中，…推进无烟党政机关建设: what follows is part of the program named after 在.
WITHIN = re.compile(r"^[”\"]?(?:建设|工作|行动)?(?:中|过程中|工作中)[，,]")
# 健康学校、健康家庭等健康细胞工程建设: the listed programs are parts of the one after 等.
LISTED_BEFORE = re.compile(r"等$")
# A 属于 B / A 是 B 的重要内容: A is part of B.
BELONGS = re.compile(r"^[”\"]?[^，,。；;]{0,6}?(?:属于|纳入|列入)[^，,。；;]{0,8}$")


def program_parts(clean: str, programs: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(part, whole) program id pairs a sentence states; `programs` are (start, end, id)."""
    out: list[tuple[str, str]] = []
    ordered = sorted(programs)
    for k, (start, end, pid) in enumerate(ordered):
        before = clean[:start].rstrip('“"《')
        if before.endswith("在") and WITHIN.match(clean[end:]):
            out += [(other, pid) for _, _, other in ordered[k + 1 :]]
        if LISTED_BEFORE.search(before):
            out += [(other, pid) for _, p_end, other in ordered[:k] if _same_list(clean, p_end, start)]
        out += [(other, pid) for _, p_end, other in ordered[:k] if BELONGS.match(clean[p_end:start])]
    seen: set[tuple[str, str]] = set()
    return [pair for pair in out if pair[0] != pair[1] and not (pair in seen or seen.add(pair))]


def _same_list(clean: str, end: int, list_end: int) -> bool:
    """Between a program and the 等 closing its list stand only more listed items."""
    return not re.search(r"[，,。；;：:]", clean[end:list_end])
