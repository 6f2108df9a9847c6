"""Hospitals run by a university or another hospital: a short name that ends one affiliated
hospital the document named (北京朝阳医院 after 首都医科大学附属北京朝阳医院), and a branch named
after the hospital that runs it (某某大学附属医院贵州医院)."""

from __future__ import annotations

from loaders.organizations import AFFILIATED, SCHOOL_KINDS, OrgMention, is_generic_name


def short_forms_of_affiliated(mentions: list[OrgMention], known: list[str]) -> list[OrgMention]:
    """首都医科大学附属北京朝阳医院 … 北京朝阳医院: a hospital whose whole name ends exactly one
    university-affiliated hospital the document named before is that hospital, by its short name.
    `known` gathers the document's affiliated names as sentences are read."""
    for m in mentions:
        if m.label != "Hospital":
            continue
        longer = [
            name
            for name in known
            if name != m.name and name.endswith(m.name) and _is_affiliation(name[: -len(m.name)])
        ]
        if len(longer) == 1 and len(m.name) >= 4:
            if m.name not in m.aliases:
                m.aliases.append(m.name)
            m.name = longer[0]
        elif AFFILIATED.match(m.name) and m.name not in known:
            known.append(m.name)
    return mentions


def _is_affiliation(prefix: str) -> bool:
    school = AFFILIATED.fullmatch(prefix)
    return bool(school) and school.group("own") not in SCHOOL_KINDS


def parent_hospital_pairs(mentions: list[OrgMention], clean: str) -> list[tuple[str, str]]:
    """(branch, parent) for names like 某某大学附属医院贵州医院: the part up to the inner 医院 is
    the hospital that runs the branch (the 输出医院 of a 国家区域医疗中心)."""
    pairs: list[tuple[str, str]] = []
    for m in mentions:
        if m.label != "Hospital":
            continue
        inner = m.surface.find("医院")
        if 0 < inner < len(m.surface) - 2 and m.surface.endswith("医院"):
            parent = m.surface[: inner + 2]
            if not is_generic_name(parent):
                pairs.append((m.name, parent))
    return pairs
