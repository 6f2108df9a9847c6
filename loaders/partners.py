"""PARTNERS_WITH: cooperation, trusteeship, pairing support and group membership.

Two parties are partners when a sentence with a partnership word joins them with 与/和/同
(炎陵县与市中心医院开展医疗合作; with nothing before 与 the sentence's actor is the first
party), or when it lists members of a group (以A、B为龙头…的医联体): each member partners
with the named group, or, with no named group, with the first member listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import words

PARTNERSHIP_WORDS = words(
    "合作 共建 托管 帮扶 对口支援 支援 协作 结对 签约 签订 医联体 医共体 医疗集团 专科联盟 共同体 联合体"
)
MEMBERSHIP_WORDS = ("为龙头", "为成员", "为牵头", "牵头", "为核心", "成员单位")
GROUP_ENDINGS = ("总院", "医疗集团", "医共体", "医联体", "共同体", "联盟")
JOINERS = "与和同跟"
# A verb between two parties that makes them partners (市人民医院托管某县人民医院).
PAIRING_VERBS = re.compile(
    r"^(?:全面|整体|长期|持续|继续|将|已)?(?:托管|对口支援|对口帮扶|结对帮扶|帮扶|支援|援建|领办|牵头帮扶|合作共建|共建)"
)


@dataclass(frozen=True)
class Party:
    start: int  # clean offsets of the mention
    end: int
    id: str
    name: str


def _clause_around(clean: str, pos: int) -> str:
    left = max(clean.rfind(c, 0, pos) for c in "，,；;。")
    rights = [i for i in (clean.find(c, pos) for c in "，,；;。") if i != -1]
    return clean[left + 1 : min(rights) if rights else len(clean)]


def partner_pairs(clean: str, parties: list[Party], actor_id: str | None) -> list[tuple[str, str]]:
    """Pairs of party ids partnered by this sentence (each pair once, in text order)."""
    if not any(word in clean for word in PARTNERSHIP_WORDS):
        return []
    pairs: list[tuple[str, str]] = []
    ordered = sorted(parties, key=lambda p: p.start)
    for k, party in enumerate(ordered):
        if party.start == 0 or clean[party.start - 1] not in JOINERS:
            continue
        if not any(word in _clause_around(clean, party.start) for word in PARTNERSHIP_WORDS):
            continue  # 加强与省卫健委的联动 is not a partnership even when the sentence has one
        joiner = party.start - 1
        left = next((p for p in reversed(ordered[:k]) if p.end == joiner), None)
        if left is not None:
            pairs.append((left.id, party.id))
        elif actor_id and (
            joiner == 0
            or not clean[joiner - 1].isalnum()
            or clean[:joiner].endswith(words("推进 加强 深化 推动 开展 建立 积极 深入 全面 持续 继续 着力"))
        ):
            pairs.append(
                (actor_id, party.id)
            )  # 深入推进与南昌大学第二附属医院合作: the actor is the first party
    for left, right in zip(ordered, ordered[1:], strict=False):
        if PAIRING_VERBS.match(clean[left.end : right.start]):
            pairs.append((left.id, right.id))
    if any(word in clean for word in MEMBERSHIP_WORDS):
        bodies = [p for p in ordered if not p.id.startswith("region:")]
        groups = [p for p in bodies if p.name.endswith(GROUP_ENDINGS)]
        members = [p for p in bodies if p not in groups]
        hub = groups[0] if groups else (members[0] if len(members) > 1 else None)
        if hub is not None:
            pairs.extend((m.id, hub.id) for m in members if m is not hub)
    seen: set[frozenset[str]] = set()
    out: list[tuple[str, str]] = []
    for a, b in pairs:
        key = frozenset((a, b))
        if a != b and key not in seen:
            seen.add(key)
            out.append((a, b))
    return out
