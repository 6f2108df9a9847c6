"""Figures reported as a change from one value to another, with their years.

婴儿死亡率和5岁以下儿童死亡率分别从2020年的4.02‰和5.72‰下降至2024年的2.95‰和3.98‰ holds four
figures: two metrics, each with a starting value (2020) and a new one (2024). The n-th figure of a
group takes the n-th metric; a group of one takes the whole phrase. `split_shared` gives each
figure of a 分别/均 list its own metric (孕产妇和儿童系统管理率 → 孕产妇系统管理率, 儿童系统管理率).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.figures import Figure
from loaders.lexicon import words

FROM = re.compile(r"(?:分别)?(?:从|由)(?:(20\d{2})年(?:底|末)?的?)?$")
TO = re.compile(
    r"[，,]?(?:分别)?(?:下降|降低|减少|提高|提升|增加|增长|上升|扩大|缩小|降|升|增)?(?:到|至)(?:(20\d{2})年(?:底|末)?的?)?"
)
JOINERS = ("和", "、", "及", "与")


@dataclass
class PairedFigure:
    figure: Figure
    metric_phrase: str  # the text naming the metric(s), before 从
    position: int  # which of the group's metrics this figure takes
    group_size: int
    year: int | None
    start_value: bool  # the value changed from (an earlier state)


def _group(clean: str, figures: list[Figure], first: int) -> list[int]:
    """Indexes of the figures joined to figures[first] by 和, 、, 及."""
    out = [first]
    k = first
    while k + 1 < len(figures) and clean[figures[k][1] : figures[k + 1][0]] in JOINERS:
        k += 1
        out.append(k)
    return out


def change_pairs(clean: str, clauses: list[tuple[int, int]], figures: list[Figure]) -> list[PairedFigure]:
    """The figures of a sentence that report a change from … to … (the new value may follow a
    comma), with the metric phrase they share: the clause before 从."""
    out: list[PairedFigure] = []
    k = 0
    while k < len(figures):
        start, _, _, _, _ = figures[k]
        clause = next((c for c in clauses if c[0] <= start < c[1]), (0, len(clean)))
        opening = FROM.search(clean, clause[0], start)
        if not opening or opening.end() != start:
            k += 1
            continue
        before = _group(clean, figures, k)
        last_end = figures[before[-1]][1]
        to = TO.match(clean, last_end)
        following = before[-1] + 1
        if not to or to.end() == last_end or following >= len(figures) or figures[following][0] != to.end():
            k += 1
            continue
        after = _group(clean, figures, before[-1] + 1)
        phrase = clean[clause[0] : opening.start()]
        y1 = int(opening.group(1)) if opening.group(1) else None
        y2 = int(to.group(1)) if to.group(1) else None
        for n, idx in enumerate(before):
            out.append(PairedFigure(figures[idx], phrase, n, len(before), y1, True))
        for n, idx in enumerate(after):
            out.append(PairedFigure(figures[idx], phrase, n, len(after), y2, False))
        k = after[-1] + 1
    return out


def split_shared(metric: str, position: int, mode: str) -> list[str]:
    """孕产妇和3岁以下儿童系统管理率均达到90%: one figure, two metrics sharing the last part's head;
    …标准化率和公有产权率分别达到95.86%、84.42%: the n-th figure takes the n-th metric."""
    parts = [p for p in re.split(r"和|及|与|、", metric) if p]
    if len(parts) < 2:
        return [metric]
    group, head = _shared_head(parts[-1])
    full = [_complete(p, group, head) for p in parts[:-1]] + [parts[-1]]
    if mode == "respective":
        return [full[position]] if position < len(full) else [metric]
    if mode == "each":
        return full
    return [metric]


GROUP_WORDS = words("儿童 婴儿 孕产妇 新生儿 老年人 人群 患者 妇女 女生 学生 居民 村卫生室 卫生院 医院 机构")


def _shared_head(last: str) -> tuple[str, str]:
    """(group word, what follows it) of the last part: 糖尿病患者规范管理率 → (患者, 规范管理率)."""
    for word in GROUP_WORDS:
        k = last.find(word)
        if k != -1 and k + len(word) < len(last):
            return word, last[k + len(word) :]
    return "", ""


def _complete(part: str, group: str, head: str) -> str:
    """高血压 in 高血压、糖尿病患者规范管理率 is 高血压患者规范管理率; 孕产妇 names its group itself."""
    if not head or part.endswith(head):
        return part
    return part + head if part.endswith(GROUP_WORDS) else part + group + head
