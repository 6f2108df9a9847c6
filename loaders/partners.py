"""PARTNERS_WITH: cooperation, trusteeship, pairing support and group membership.

Two parties are partners when a sentence with a partnership word joins them with 与/和/同
(某县与市中心医院开展医疗合作; with nothing before 与 the sentence's actor is the first
party), or when it lists members of a group (以A、B为龙头…的医联体): each member partners
with the named group, or, with no named group, with the first member listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import words
from loaders.sentences import clause_end, clause_spans

PARTNERSHIP_WORDS = words(
    "合作 共建 托管 帮扶 对口支援 支援 协作 结对 签约 签订 医联体 医共体 医疗集团 专科联盟 共同体 联合体 "
    "挂牌 分院 协同 联动 联合"
)
# Two bodies listed together, then working jointly (教育、卫健部门密切协作; 甲局和乙局联合开展…).
JOINT_WORK = re.compile(
    r"^(?:等?(?:有关|相关)?部门)?(?:要|将|已|也|还)?(?:密切|紧密|共同|加强|深度)?(?:协作|协同|合作|配合|联动|联合)"
)
LIST_JOINERS = ("、", "和", "与", "及")
MEMBERSHIP_WORDS = ("为龙头", "为成员", "为牵头", "牵头", "为核心", "成员单位")
GROUP_ENDINGS = ("总院", "医疗集团", "医共体", "医联体", "共同体", "联盟")
JOINERS = "与和同跟"
# Words that may stand between the first party and 与 (某医院将与某区医院组建…).
# A role may stand there too (某大学附属医院作为输出医院与某省儿童医院共建…).
MODALS_BEFORE_JOINER = re.compile(
    r"(?:作为(?:输出医院|依托医院|牵头医院|牵头单位|龙头医院|支援医院|帮扶医院|主体医院)[，,]?)?"
    r"(?:将|已|要|也|还|拟|正|共同|分别|进一步|积极|主动)*$"
)
LIST_THEN_JOINER = re.compile(r"^(?:将|已|要|也|还|拟|正|共同|分别|进一步|积极|主动)*[与同跟]")
# 某医院医共体包括…: the group a hospital leads, then its members.
GROUP_OF = re.compile(
    r"(?:紧密型)?(?:县域|城市)?(?:医共体|医联体|医疗集团|专科联盟)(?:包括|由|成员单位?(?:包括|有|为))"
)
LEAD_WORDS = ("为龙头", "牵头", "为核心", "为主体")
# A verb between two parties that makes them partners (市人民医院托管某县人民医院).
PAIRING_VERBS = re.compile(
    r"^(?:全面|整体|长期|持续|继续|将|已)?(?:托管|对口支援|对口帮扶|结对帮扶|帮扶|支援|援建|领办|牵头帮扶|合作共建|共建"
    # 某镇卫生院挂牌成为某医院某分院: the hospital that hangs its name on the branch
    r"|挂牌成为|挂牌为|联合)"
)


PLACE_ENDS = frozenset("，,。；;、和及与等的") | {""}


@dataclass(frozen=True)
class Party:
    start: int  # clean offsets of the mention
    end: int
    id: str
    name: str


def _clause_after(clean: str, pos: int) -> str:
    return clean[pos : clause_end(clean, pos)]


def partner_pairs(clean: str, parties: list[Party], actor_id: str | None) -> list[tuple[str, str]]:
    """Pairs of party ids partnered by this sentence (each pair once, in text order)."""
    ordered = sorted(parties, key=lambda p: p.start)
    roles = _output_and_host(clean, ordered)
    if not any(word in clean for word in PARTNERSHIP_WORDS):
        return roles
    pairs = roles + _joined(clean, ordered, actor_id)
    for left, right in zip(ordered, ordered[1:], strict=False):
        if right.id.startswith("region:") and clean[right.end : right.end + 1] not in PLACE_ENDS:
            continue  # 共建广西心血管病区域医疗中心: the place opens a name, it is not the partner
        if PAIRING_VERBS.fullmatch(clean[left.end : right.start]) or (
            clean[left.end : right.start] in LIST_JOINERS
            and JOINT_WORK.match(clean[right.end :])
            and not (left.id.startswith("region:") or right.id.startswith("region:"))
        ):  # the verb alone stands between
            pairs.append((left.id, right.id))
    pairs += _members(clean, ordered)
    seen: set[frozenset[str]] = set()
    out: list[tuple[str, str]] = []
    for a, b in pairs:
        key = frozenset((a, b))
        if a != b and key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


OUTPUT_ROLE = re.compile(r"(?:为|作为)输出医院")
HOST_ROLE = re.compile(r"(?:为|作为)依托医院")


def _output_and_host(clean: str, ordered: list[Party]) -> list[tuple[str, str]]:
    """以X为输出医院建设…，依托Y…: the hospital named as 输出医院 and the one the same sentence
    names as 依托医院 (or after 依托) build one centre together, across its clauses."""
    bodies = [p for p in ordered if not p.id.startswith("region:")]
    outputs = [p for p in bodies if OUTPUT_ROLE.match(clean, p.end)]
    if not outputs:
        return []
    hosts = [
        p
        for p in bodies
        if p not in outputs and (HOST_ROLE.match(clean, p.end) or clean[: p.start].endswith("依托"))
    ]
    return [(o.id, h.id) for o in outputs for h in hosts]


def _joined(clean: str, ordered: list[Party], actor_id: str | None) -> list[tuple[str, str]]:
    """A与B…合作: the party before 与 (modals such as 将/已/分别 may stand between) and the one after.
    With 分别 every party of the list before it pairs with the one after (A和B分别与C签约)."""
    pairs: list[tuple[str, str]] = []
    for k, party in enumerate(ordered):
        if party.start == 0 or clean[party.start - 1] not in JOINERS:
            continue
        if not any(word in _clause_after(clean, party.start) for word in PARTNERSHIP_WORDS):
            continue  # 加强与省卫健委的联动, 获国务院和省府表彰: no partnership word follows the pair
        if LIST_THEN_JOINER.match(clean[party.end :]):
            continue  # 甲和乙分别与丙…: 和 lists the first parties, 与 joins them to the other
        listed = k >= 2 and clean[ordered[k - 2].end : ordered[k - 1].start] == "、"
        if clean[party.start - 1] in "和及" and listed:
            continue  # 甲、乙和丙组成医共体: 和 ends a list of members, it pairs no two of them
        joiner = party.start - 1
        left_text = clean[:joiner]
        modal = MODALS_BEFORE_JOINER.search(left_text)
        modal = modal if modal and modal.group(0) else None
        gap_end = modal.start() if modal else joiner
        rights = _listed_after(clean, ordered[k:])
        left = next((p for p in reversed(ordered[:k]) if p.end == gap_end), None)
        if left is not None:
            lefts = [left]
            if modal and "分别" in modal.group(0):
                lefts = _listed_before(clean, ordered[: ordered.index(left) + 1])
            pairs.extend((p.id, r.id) for p in lefts for r in rights)
        elif actor_id and (
            joiner == 0
            or not clean[joiner - 1].isalnum()
            or left_text.endswith(words("推进 加强 深化 推动 开展 建立 积极 深入 全面 持续 继续 着力"))
        ):
            # 深入推进与某某大学附属医院合作: the actor is the first party
            pairs.extend((actor_id, r.id) for r in rights)
    return pairs


def _listed_after(clean: str, start: list[Party]) -> list[Party]:
    """The party after 与 and those listed after it with 、 (甲与乙、丙开展对口帮扶); a list that
    goes on to its own 与 (甲与乙、丙与丁) is two pairs, not one list."""
    listed = [start[0]]
    for p in start[1:]:
        if clean[listed[-1].end : p.start] != "、":
            break
        listed.append(p)
    if len(listed) > 1 and clean[listed[-1].end : listed[-1].end + 1] in JOINERS:
        return listed[:1]
    return listed


def _listed_before(clean: str, upto: list[Party]) -> list[Party]:
    """The parties of a 、/和 list that ends with the last of `upto`."""
    listed = [upto[-1]]
    for p in reversed(upto[:-1]):
        if clean[p.end : listed[0].start] in ("、", "和", "及", "与"):
            listed.insert(0, p)
        else:
            break
    return listed


def _members(clean: str, ordered: list[Party]) -> list[tuple[str, str]]:
    """以A、B为龙头，C、D为成员单位的医共体: the bodies of the clauses with such a cue partner with
    the group the sentence names (组建…总院), else with the first lead (named before 为龙头/牵头)."""
    bodies = [p for p in ordered if not p.id.startswith("region:")]
    for lead in bodies:
        if GROUP_OF.match(clean, lead.end):
            # 县人民医院医共体包括甲镇卫生院、乙街道社区卫生服务中心: the members it lists
            after = [p for p in bodies if p.start > lead.end]
            return [(lead.id, p.id) for p in _listed_after(clean, after)] if after else []
    spans = clause_spans(clean)
    cue_clauses = [(b, e) for b, e in spans if any(w in clean[b:e] for w in MEMBERSHIP_WORDS)]
    if not cue_clauses:
        return []
    # 甲医院牵头，联合乙、丙组建医共体: the clause after a bare 牵头 lists the members it forms with.
    for k, (b, e) in enumerate(spans[:-1]):
        if (b, e) in cue_clauses and clean[b:e].rstrip("，,").endswith("牵头"):
            nb, ne = spans[k + 1]
            if any(w in clean[nb:ne] for w in GROUP_ENDINGS) and (nb, ne) not in cue_clauses:
                cue_clauses.append((nb, ne))
    groups = [p for p in bodies if p.name.endswith(GROUP_ENDINGS)]
    in_cues = [p for p in bodies if p not in groups and any(b <= p.start < e for b, e in cue_clauses)]
    if groups:
        return [(p.id, groups[0].id) for p in in_cues]
    leads = []
    for b, e in cue_clauses:
        cue = min((i for i in (clean.find(w, b, e) for w in LEAD_WORDS) if i != -1), default=-1)
        leads += [p for p in in_cues if b <= p.start and p.end <= cue]
    if not leads:
        return []
    return [(p.id, leads[0].id) for p in in_cues if p is not leads[0]]
