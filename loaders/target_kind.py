"""Whether a figure is a commitment or a reported result, and its year.

A sentence's own cues decide (力争, 确保, 到2025年 commit; 已, 累计, 较上年 report); without them the
section's kind does: a review (近年来, an earlier year) reports results, a plan (今后, 今年, the
document's own year or later) commits to goals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon import words

YEAR_IN_TEXT = re.compile(r"(?:到|至|在|于)?(20\d{2})年(?:年底|底前|底|末|前|内)?")
# Cues of a commitment; words such as 实现 or 目标 also report results (实现了…目标) and are left
# to the section's tense.
GOAL_CUES = words("力争 确保 争取 目标是 计划 到20 将 要 不低于 不少于 控制在 预计 拟 力求 努力 任务是 着力")
# Cues of a reported result. Verbs of change (降至, 提高到, 建成) are left out: plans use them too.
ACHIEVED_CUES = words(
    "已经 累计 截至 获批 获评 较上年 同比 比上年 先后 全年 荣获 达到了 完成了 实现了 共有 共计 共创建 招录"
)
# Single-character cues of a result, as words: 已 not in 已有…的, 了 not in 为了 or 了解.
ACHIEVED_CHARS = re.compile(r"已(?!有)|(?<!为)了(?!解)")


# Cached: asked once per figure with the same whole sentence (quadratic on a long line otherwise).
@lru_cache(maxsize=64)
def figure_kind(sentence: str, default: str, doc_year: int | None = None) -> str:
    # A cue inside a name (“黔医人才计划”, 《…规划》) says nothing about the tense.
    sentence = re.sub(r"“[^“”]*”|《[^《》]*》", "", sentence)
    achieved = any(cue in sentence for cue in ACHIEVED_CUES) or bool(ACHIEVED_CHARS.search(sentence))
    goal = any(cue in sentence for cue in GOAL_CUES)
    years = [int(y) for y in YEAR_IN_TEXT.findall(sentence)]
    if doc_year and years and not goal:
        achieved = achieved or max(years) < doc_year  # only earlier years: a result being reported
    if achieved and not goal:
        return "achieved"
    if goal and not achieved:
        return "goal"
    return default


@lru_cache(maxsize=64)
def sentence_year(sentence: str) -> int | None:
    m = YEAR_IN_TEXT.search(sentence)
    return int(m.group(1)) if m else None


ACHIEVED_SECTION_OPENERS = words("近年来 过去 五年来 一年来 多年来 回顾 大事记 成效 成绩 以来")
GOAL_SECTION_OPENERS = words("今后 未来 下一步 新的一年 今年 明年 工作目标 重点工作 要点 将")
LEADING_YEAR = re.compile(r"^(20\d{2})年")
# 会议指出，2023年全市…: a short lead-in before the year that opens the review
LED_YEAR = re.compile(
    r"^(?:会议|报告|文件|通知)?[\u4e00-\u9fff]{0,4}(?:指出|强调|认为|显示|提出)[，,](20\d{2})年"
)


def section_kind(clean: str, current: str, doc_year: int | None) -> str:
    """The kind figures default to from this sentence on: a review (近年来, an earlier year) reports
    results, a plan (今后, 今年, the document's own year or later) commits to goals."""
    head = clean[:12]
    year = LEADING_YEAR.match(clean) or LED_YEAR.match(clean)
    if year and doc_year:
        return "achieved" if int(year.group(1)) < doc_year else "goal"
    if any(cue in head for cue in ACHIEVED_SECTION_OPENERS):
        return "achieved"
    if any(head.startswith(cue) or cue in head[:6] for cue in GOAL_SECTION_OPENERS):
        return "goal"
    return current
