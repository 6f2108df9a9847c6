"""Named programs: actions, plans, projects, reforms, campaigns and policies.

Three signals name a program: a title in 《》, a quoted name that is carried out or takes a
program word (“双高人才”工程), and a phrase ending in a program word (…行动, …工程, …改革,
…试点, …建设 of a named system or facility) whose left edge is the verb or function word
before it. A small list of real national programs catches those named without either.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

from loaders.lexicon import WordScanner, by_last_char, longest_first, word_tag, words
from loaders.program_mentions import ProgramMention, one_per_name
from loaders.program_syntax import governed_activities, governed_work
from loaders.program_words import (
    BARE_NUMBERED,
    LEFT_BOUNDARY_WORDS,
    MAX_NAME,
    MIN_NAME,
    PHRASE_ADVERBS,
    PHRASE_END_HEADS,
    PROGRAM_SUFFIXES,
    acceptable_name,
    strip_quotes,
)

# 中医药文化进校园: a campaign taking something into a place; 推进基层, 促进家庭 are verbs.
CAMPAIGN_SUFFIXES = tuple(x for x in PROGRAM_SUFFIXES if x.startswith("进"))
# 年薪制, 聘任制, 负责制 are institutions; 机制, 体制, 编制, 控制 are words of their own.
INSTITUTION_SUFFIX = "制"
# 服务 and 体系 name a program only when quoted (“一站式”服务) or governed by a verb of carrying out
# (实施出生缺陷三级预防服务); 完善…体系 improves a system, it runs no program.
GOVERNED_HEADS = ("服务", "体系")
STRONG_CARRY_OUT = longest_first("实施 推进 推行 推广 开展 落实 深化 深入实施 全面落实 全面推行 大力实施")
# Events that are programs when a text says they were held.
HELD_EVENTS = ("培训班", "讲座")
HOLDING_VERBS = longest_first("举办 举行 开办 组织 开展 组织开展")
SCOPE_BEFORE = re.compile(r"(?:全省|全市|全区|全县|我省|我市|我区|我县)$")
# Verbs a left edge may take in that govern the name after them (优化“一件事”服务).
HEAD_VERBS = longest_first("优化 设立")
# Boundary words that also modify a noun inside a name (临床重点专科).
NOUN_MODIFIERS = frozenset(words("重点"))
# Words that make a program only after a quoted name (“县聘乡用”机制), being slogans otherwise.
QUOTE_ONLY_SUFFIXES = ("机制", "模式")
# A program word followed by these is part of an honour or an outcome, not a program's name.
FOLLOWING_WORDS = words("先进 优秀 示范单位 称号 发展 成果 成效 红利 任务 创新")
# Program words that are also verbs: followed by a noun they act on it (某市创建全国文明城市).
VERBAL_SUFFIXES = frozenset(words("创建 建设 改革 评价 考核 筛查 评审 示范创建"))
# Parts of speech after 建设/创建 that show it ends a name (…建设取得成效, …创建和…).
NOUN_USE_FOLLOWERS = frozenset(words("v vd vi c p u uj ul ud x d f"))
AFTER_A_NAME = frozenset("，,。；;、：:)）”和与及等的工为是取实中落扎进持有纳")
COUNTED = re.compile(r"\d+[家个项所名条批类]$")
FOLLOWERS_THAT_CONTINUE_A_WORD = frozenset("率数量比费金额人者员室站院所局委办组点区科生时")
LEFT_BOUNDARY_CHARS = frozenset('，,。；;：:、（()）“”"《》!！?？—…·')
ALWAYS_BOUNDARY_CHARS = frozenset("的了在为与及或把将被让使以对等已")
QUOTE = re.compile(r"“([^“”]{2,30})”")
BOOK_TITLE = re.compile(r"《([^《》]{2,60})》")
# A title ending so names a form to fill in or hand out (《…登记表》, 《…告知书》) or a report of
# work done (《政府工作报告》), not a program.
FORM_ENDINGS = ("表", "报表", "告知书", "通知书", "承诺书", "申请书", "登记簿", "卡", "工作报告")
PAREN_TITLE = re.compile(r"[（(]([^（()）]{4,40}(?:条例|规划|纲要|方案|办法|意见|计划|要点))[）)]")
NUMBERED_SET = re.compile(
    r"“([^“”]{4,80})”([一二两三四五六七八九十]+)大(行动|工程|计划|专项|项目|任务|中心|体系)"
)
PERIOD_NAME = re.compile(r"^[十]?[一二三四五六七八九十]五$")
# Verbs that make a quoted phrase something carried out.
CARRY_OUT_VERBS = words(
    "实施 开展 推进 落实 推行 推广 创建 打造 建设 启动 深化 推动 组织 举办 执行 建立 争创 学习借鉴 借鉴 "
    "助力 帮扶创建 完善 健全 巩固完善 用好 建强用好"
)
# Quoted slogans reports use as goals or watchwords, not programs.
SLOGAN_ENDINGS = words("精神 理念 思想 要求 目标 原则 方针 总基调 作风 名片 嘱托")
MIN_QUOTED = 3
# Longer than any word tested against the text before a position: slicing the whole prefix at
# every step made a long unpunctuated line quadratic.
HEAD_WINDOW = 64


@lru_cache(maxsize=1)
def national_programs() -> dict[str, str]:
    """Surface form → canonical name of the packaged national programs."""
    raw = (importlib.resources.files("loaders") / "data" / "national_programs.txt").read_text(
        encoding="utf-8"
    )
    out: dict[str, str] = {}
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = line.split("|")
        for name in names:
            out[name] = names[0]
    return out


@lru_cache(maxsize=1)
def _suffix_scanner() -> WordScanner:
    return WordScanner(PROGRAM_SUFFIXES)


@lru_cache(maxsize=1)
def _national_scanner() -> WordScanner:
    return WordScanner(national_programs())


def _left_edge(clean: str, suffix_start: int, token_starts: frozenset[int]) -> int:
    pos = suffix_start
    start = _scan_left(clean, suffix_start, token_starts)
    if start > 0 and clean[start - 1] == "等" and start == suffix_start:
        # 心脑血管疾病、癌症、糖尿病防治等专项行动: the listed items name the program
        pos = start - 1
        while pos > 0:
            item_start = _scan_left(clean, pos, token_starts)
            if item_start == pos:
                break
            pos = item_start
            if pos == 0 or clean[pos - 1] != "、":
                break
            pos -= 1
        return pos
    return start


# Only the words ending in the character before a position can end there.
_BOUNDARY_WORDS_BY_LAST = by_last_char(LEFT_BOUNDARY_WORDS)


def _scan_left(clean: str, suffix_start: int, token_starts: frozenset[int]) -> int:
    pos = suffix_start
    limit = max(0, suffix_start - MAX_NAME)
    in_quote = False
    while pos > limit:
        ch = clean[pos - 1]
        if ch == "”" and not in_quote:
            in_quote = True  # a quoted name right before the program word belongs to it
            pos -= 1
            continue
        if ch == "“" and in_quote:
            in_quote = False
            pos -= 1
            continue
        if in_quote:
            pos -= 1
            continue
        if ch in LEFT_BOUNDARY_CHARS and not (
            ch in "—-～~" and pos >= 2 and clean[pos - 2].isdigit() and clean[pos : pos + 1].isdigit()
        ):
            break  # 0—3岁 keeps its range
        if ch in ALWAYS_BOUNDARY_CHARS and (pos in token_starts or pos == suffix_start):
            break  # 的, 对 as words end a name; inside a word (对口支援) they do not
        head = clean[max(0, pos - HEAD_WINDOW) : pos]
        if COUNTED.search(head):
            break
        # A verb right before the program word is part of the name (…能力提升工程, 示范创建).
        # A boundary word ends a name only where a word starts (力争 is not one in 争取), and an
        # adverb only where it opens the verb phrase (服务能力全面提升… keeps its 全面).
        word = next(
            (
                w
                for w in _BOUNDARY_WORDS_BY_LAST.get(head[-1:], ())
                if head.endswith(w) and (len(w) > 1 or pos - 1 in token_starts)
            ),
            None,
        )
        if (
            pos < suffix_start
            and pos in token_starts
            and word
            and _opens_phrase(clean, pos - len(word), word)
            and not (word in NOUN_MODIFIERS and word_tag(clean[pos : pos + 2]) in ("n", "nz"))
        ):
            break  # 重点支持 ends a name; 临床重点专科 keeps 重点 before its noun
        pos -= 1
    return pos


def _opens_phrase(clean: str, pos: int, word: str) -> bool:
    if word not in PHRASE_ADVERBS or pos == 0:
        return True
    before = clean[:pos]
    return (
        before[-1] in LEFT_BOUNDARY_CHARS
        or before[-1] in ALWAYS_BOUNDARY_CHARS
        or before.endswith(LEFT_BOUNDARY_WORDS)
    )


class ProgramRecognizer:
    def find(
        self,
        clean: str,
        token_starts: frozenset[int],
        token_ends: frozenset[int],
        next_tags: dict[int, str] | None = None,
    ) -> list[ProgramMention]:
        """Programs of one sentence; `next_tags` maps a token start to its part of speech."""
        found: list[ProgramMention] = []
        found.extend(self._titles(clean))
        found.extend(self._numbered_sets(clean))
        found.extend(self._quoted(clean))
        found.extend(self._suffixed(clean, token_starts, token_ends, next_tags or {}))
        found.extend(ProgramMention(*span) for span in governed_work(clean, token_starts))
        found.extend(ProgramMention(*span) for span in governed_activities(clean, token_starts))
        found.extend(self._national(clean))
        listed = national_programs()
        for m in found:
            canonical = listed.get(strip_quotes(m.name))
            if canonical and canonical != m.name:
                # 医药卫生体制改革 found by its word is the listed 深化医药卫生体制改革
                m.aliases.append(m.name)
                m.name, m.listed = canonical, True
        return one_per_name(found)

    @staticmethod
    def _titles(clean: str) -> list[ProgramMention]:
        out = [
            ProgramMention(m.start(), m.end(), m.group(1))
            for m in BOOK_TITLE.finditer(clean)
            if not m.group(1).endswith(FORM_ENDINGS)
        ]
        out += [ProgramMention(m.start(1), m.end(1), m.group(1)) for m in PAREN_TITLE.finditer(clean)]
        return out

    @staticmethod
    def _numbered_sets(clean: str) -> list[ProgramMention]:
        out: list[ProgramMention] = []
        for m in NUMBERED_SET.finditer(clean):
            items = [x for x in re.split(r"[、，,]", m.group(1)) if x]
            word = m.group(3)
            if len(items) < 2:
                continue
            out.append(ProgramMention(m.start(), m.end(), m.group(0)))
            if word in ("行动", "工程", "计划", "专项", "项目"):
                out.extend(ProgramMention(m.start(), m.end(), item + word, [item]) for item in items)
        return out

    @staticmethod
    def _quoted(clean: str) -> list[ProgramMention]:
        out: list[ProgramMention] = []
        for m in QUOTE.finditer(clean):
            inner = m.group(1)
            if re.search(r"[，,。；;！!？?]", inner) or inner.endswith(SLOGAN_ENDINGS):
                continue
            if re.match(
                r"^[一二两三四五六七八九十]+个|^第[一二三四五六七八九十\d]", inner
            ) or PERIOD_NAME.match(inner):
                continue  # “两个维护”, “七个坚持”, “第一议题”: watchwords; “十四五”: a period
            tail = clean[m.end() : m.end() + 6]
            before = clean[max(0, m.start() - 6) : m.start()]
            chained = tail.startswith("“") or before.endswith("”")
            suffix = next((s for s in PROGRAM_SUFFIXES + QUOTE_ONLY_SUFFIXES if tail.startswith(s)), None)
            if BARE_NUMBERED.match(inner):
                continue
            if len(inner) < MIN_QUOTED and not suffix:
                continue  # “三医”, “医+”: too short to name a program alone
            if tail.startswith("的"):
                continue  # 完善“以人民为中心”的理念: the quote qualifies the noun after 的
            if suffix and not chained:
                continue  # the suffix rule takes “X”工程 whole
            if (
                suffix
                or (before.endswith(CARRY_OUT_VERBS) and "、" not in inner)
                or inner.endswith(PROGRAM_SUFFIXES)
                or (chained and _chain_has_suffix(clean, m.end()))
            ):
                out.append(ProgramMention(m.start(), m.end(), inner))
        return out

    @staticmethod
    def _suffixed(
        clean: str, token_starts: frozenset[int], token_ends: frozenset[int], tags: dict[int, str]
    ) -> list[ProgramMention]:
        out: list[ProgramMention] = []
        titles = [(m.start(), m.end()) for m in BOOK_TITLE.finditer(clean)]
        # Quoted names, not speech: short and without a clause mark (“海南自贸港政策解读”).
        quotes = [
            (m.start(), m.end())
            for m in QUOTE.finditer(clean)
            if len(m.group(1)) <= 15 and not re.search(r"[，,。；;！!？?]", m.group(1))
        ]
        for suffix, spans in _suffix_scanner().scan(clean):  # the words present, in the list's order
            for m_start, end in spans:
                if end not in token_ends and not clean.endswith("”" + suffix, 0, end):
                    continue
                nxt = clean[end : end + 1]
                if nxt and nxt in FOLLOWERS_THAT_CONTINUE_A_WORD or clean.startswith(FOLLOWING_WORDS, end):
                    continue
                if clean.startswith(PROGRAM_SUFFIXES, end):
                    continue  # 项目建设: the longer name ends later
                counted_after = nxt.isdigit() and suffix not in HELD_EVENTS
                if counted_after or (suffix == "试点" and nxt and nxt not in AFTER_A_NAME):
                    continue  # 公共卫生项目770个 counts projects; 公立医院试点开展 is a verb
                if (
                    suffix in VERBAL_SUFFIXES
                    and nxt
                    and nxt not in AFTER_A_NAME
                    and (not tags or tags.get(end, "n") not in NOUN_USE_FOLLOWERS)
                ):
                    continue  # 创建 with an object after it is a verb, not the end of a name
                if suffix in PHRASE_END_HEADS and nxt and nxt not in AFTER_A_NAME:
                    continue  # 专项经费, 服务能力: the head of a longer noun
                if (
                    suffix in CAMPAIGN_SUFFIXES
                    and (
                        nxt == "”"  # “健康知识进万家”行动 is named whole by its quote
                        or word_tag(clean[m_start - 1 : m_start + 1]) is not None
                        or (nxt and nxt not in AFTER_A_NAME and not clean.startswith(("行动", "活动"), end))
                    )
                ):
                    continue
                if suffix == INSTITUTION_SUFFIX and (
                    word_tag(clean[end - 2 : end]) is not None or (nxt and nxt not in AFTER_A_NAME)
                ):
                    continue
                if any(a < m_start and end <= b - 1 for a, b in titles):
                    continue  # a program word inside 《…》: the title names the whole
                if any(a < m_start and end < b - 1 for a, b in quotes):
                    continue  # “海南自贸港政策解读”: a program word inside a longer quoted phrase
                start = _left_edge(clean, m_start, token_starts)
                lead = next((w for w in HEAD_VERBS if clean.startswith(w, start)), "")
                if suffix in PHRASE_END_HEADS and lead and end - start - len(lead) >= MIN_NAME:
                    start += len(lead)  # 优化“一件事”服务, 设立“某某”专项: the verb governs the name
                name = clean[start:end]
                if (
                    suffix in GOVERNED_HEADS
                    and "“" not in name
                    and not clean[:start].endswith(STRONG_CARRY_OUT)
                ):
                    continue
                held_after = re.sub(SCOPE_BEFORE, "", clean[:start])
                if suffix in HELD_EVENTS and not held_after.endswith(HOLDING_VERBS):
                    continue  # 举办…培训班: a course or lecture held is a program; 参加培训班 is not
                if acceptable_name(name, suffix):
                    out.append(ProgramMention(start, end, name))
                    out.extend(_coordinated(clean, start, end, suffix, token_starts))
        return out

    @staticmethod
    def _national(clean: str) -> list[ProgramMention]:
        out: list[ProgramMention] = []
        listed = national_programs()
        for surface, spans in _national_scanner().scan(clean):
            canonical = listed[surface]
            for start, end in spans:
                if clean[end : end + 1] in FOLLOWERS_THAT_CONTINUE_A_WORD:
                    continue  # 爱国卫生运动委员会 is a body named after the campaign
                aliases = [surface] if surface != canonical else []
                out.append(ProgramMention(start, end, canonical, aliases, listed=True))
        return out


def _coordinated(
    clean: str, start: int, end: int, suffix: str, token_starts: frozenset[int]
) -> list[ProgramMention]:
    """A和B建设: when A and B are parallel nouns (国家区域医疗中心和省级区域医疗中心建设), A shares
    B's program word."""
    if start < 3 or clean[start - 1] not in "和与及、":
        return []
    a_start = _scan_left(clean, start - 1, token_starts)
    first = clean[a_start : start - 1]
    own_names = tuple(x for x in PROGRAM_SUFFIXES if x not in PHRASE_END_HEADS)
    if len(first) < 2 or first.endswith(own_names) or any(c in first for c in "“”《》"):
        return []
    head = clean[start : end - len(suffix)]
    if len(head) < 4 or first[-2:] != head[-2:]:
        return []
    name = first + suffix
    return [ProgramMention(a_start, end, name)] if acceptable_name(name, suffix) else []


def _chain_has_suffix(clean: str, pos: int) -> bool:
    """In “A”“B”“C”特色专项行动 each quoted name is a program when the chain ends in a program word."""
    while True:
        joiner = 1 if clean[pos : pos + 1] in ("和", "、", "及", "与") else 0
        m = QUOTE.match(clean, pos + joiner)
        if not m:
            break
        pos = m.end()
    tail = clean[pos : pos + 8]
    return any(s in tail[: len(s) + 4] for s in PROGRAM_SUFFIXES)
