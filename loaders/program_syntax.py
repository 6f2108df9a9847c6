"""Programs named by syntax rather than by a program word: the activity a verb of carrying out
governs (落实婚前医学检查; 开展打击整治养老诈骗工作). Spans are (start, end, name) in the sentence."""

from __future__ import annotations

import re

from loaders.lexicon import longest_first, words
from loaders.program_words import (
    GENERIC_HEADS,
    PROGRAM_SUFFIXES,
    acceptable_name,
    generic_words_only,
    is_fragment,
    only_evaluative,
)

# 落实婚前医学检查, 强化孕产妇妊娠风险评估: an activity noun a verb of carrying out governs, ending
# its clause, names the activity carried out.
ACTIVITY_HEADS = words("评估 检查 干预 防治 救治 教育 帮扶")
ACTIVITY_VERBS = longest_first("开展 推进 落实 做好 抓实 抓好 实施 深化 做实 强化 加强 推行 组织开展")
GOVERNED_ACTIVITY = re.compile(
    rf"(?:{'|'.join(ACTIVITY_VERBS)})((?:[^，,。；;、：:（()）“”《》\s]{{2,16}}?)(?:{'|'.join(ACTIVITY_HEADS)}))"
    r"(?=[，,。；;、和及与以等）)\d]|$)"
)
# 开展打击整治养老诈骗工作, 抓实出生缺陷防治工作: the activity a verb of carrying out governs,
# named before the generic 工作, is the program.
WORK_VERBS = longest_first(
    "开展 推进 落实 做好 抓实 抓好 抓细 做细 实施 深化 做实 强化 加强 组织开展 组织 推行"
)
GOVERNED_WORK = re.compile(
    rf"((?:{'|'.join(WORK_VERBS)})+)了?([^，,。；;、：:（()）“”《》\s]{{4,20}}?)工作(?=[，,。；;、）)和与及等]|$)"
)


def governed_activities(clean: str, token_starts: frozenset[int]) -> list[tuple[int, int, str]]:
    """落实婚前医学检查: the activity a verb of carrying out governs, ending its clause."""
    from loaders.lexicon import tokenize

    out: list[tuple[int, int, str]] = []
    for m in GOVERNED_ACTIVITY.finditer(clean):
        name = m.group(1)
        if m.start(1) not in token_starts or len(name) < 4 or "的" in name:
            continue
        if name.startswith(("各", "全", "相关", "有关", "重点工作", *ACTIVITY_VERBS)) or any(
            t.flag == "p" for t in tokenize(name)
        ):
            continue
        head = next(h for h in ACTIVITY_HEADS if name.endswith(h))
        core = name[: -len(head)]
        if len(core) < 2 or core in GENERIC_HEADS or generic_words_only(core) or is_fragment(name, ""):
            continue  # 情况评估, 服务管理: nothing names what is done
        out.append((m.start(1), m.end(1), name))
    return out


def governed_work(clean: str, token_starts: frozenset[int]) -> list[tuple[int, int, str]]:
    """开展打击整治养老诈骗工作: the activity named before the generic 工作."""
    from loaders.lexicon import tokenize

    out: list[tuple[int, int, str]] = []
    for m in GOVERNED_WORK.finditer(clean):
        name = m.group(2)
        if m.start(1) not in token_starts or m.end(2) not in token_starts:
            continue
        if "的" in name or "了" in name or name.startswith(("各", "全", "相关", "有关", "重点")):
            continue  # 落实习近平总书记对…的…, 各项重点工作: no activity named
        if any(t.flag == "p" for t in tokenize(name)) or is_fragment(name, ""):
            continue  # 加强党对卫生健康工作: a preposition opens an adverbial
        if name in GENERIC_HEADS or generic_words_only(name) or only_evaluative(name):
            continue
        suffix = next((x for x in PROGRAM_SUFFIXES if name.endswith(x)), "")
        if suffix and (re.search("[和与及、]", name) or not acceptable_name(name, suffix)):
            continue  # 深化A改革和B改革工作: the program words name each one
        out.append((m.start(2), m.end(2), name))
    return out
