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
