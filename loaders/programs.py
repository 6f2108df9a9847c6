"""Named programs: actions, plans, projects, reforms, campaigns and policies.

Three signals name a program: a title in 《》, a quoted name that is carried out or takes a
program word (“双高人才”工程), and a phrase ending in a program word (…行动, …工程, …改革,
…试点, …建设 of a named system or facility) whose left edge is the verb or function word
before it. A small list of real national programs catches those named without either.
"""

from __future__ import annotations

import importlib.resources
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.lexicon import longest_first, words
from loaders.regions import division_index

PROGRAM_SUFFIXES = words(
    "专项行动 行动计划 专项治理 专项整治 示范项目 示范创建 体系建设 标准化建设 行动 工程 计划 规划 纲要 "
    "改革 试点 示范区 试验区 项目 活动 运动 创建 评审 考核 评价 制度 条例 方案 筛查 建设 政策 基地 峰会 "
    "论坛 博览会 主题教育 复审 评选"
)
# Adverbs that end a name only at the head of a verb phrase, not inside a name (…能力全面提升…).
PHRASE_ADVERBS = frozenset(
    words("全面 积极 大力 深入 持续 进一步 不断 扎实 切实 着力 努力 加快 全力 稳妥 有序 统筹 率先")
)
# Words that make a program only after a quoted name (“县聘乡用”机制), being slogans otherwise.
QUOTE_ONLY_SUFFIXES = ("机制", "模式")
EVENT_SUFFIXES = ("峰会", "论坛", "博览会")
# A program word followed by these is part of an honour or an outcome, not a program's name.
FOLLOWING_WORDS = words("先进 优秀 示范单位 称号 发展 成果 成效 红利 任务 创新")
# Program words that are also verbs: followed by a noun they act on it (某市创建全国文明城市).
VERBAL_SUFFIXES = frozenset(words("创建 建设 改革 评价 考核 筛查 评审 示范创建"))
# Parts of speech after 建设/创建 that show it ends a name (…建设取得成效, …创建和…).
NOUN_USE_FOLLOWERS = frozenset(words("v vd vi c p u uj ul ud x d f"))
AFTER_A_NAME = frozenset("，,。；;、：:)）”和与及等的工为是取实中落扎进持有纳")
COUNTED = re.compile(r"\d+[家个项所名条批类]$")
# 建设 names a program only when what is built is a named system or facility.
BUILT_THINGS = words(
    "体系 平台 中心 基地 医院 机构 项目 示范区 试验区 高地 专科 学科 实验室 医联体 医共体 医疗集团 共同体 "
    "社区 工程 站 室 馆 网络 标准化 一体化 信息化 科 制度 病房 城市 县城 乡镇 园区 强省"
)
FOLLOWERS_THAT_CONTINUE_A_WORD = frozenset("率数量比费金额人者员室站院所局委办组点区科生")
LEFT_BOUNDARY_CHARS = frozenset('，,。；;：:、（()）“”"《》!！?？—…·')
ALWAYS_BOUNDARY_CHARS = frozenset("的了在为与及或把将被让使以对等已")
LEFT_BOUNDARY_WORDS = longest_first(
    "实施 推进 开展 落实 深化 加强 推动 建立 完善 打造 启动 组织 继续 持续 深入 全面 积极 大力 "
    "加快 扎实 做好 做实 做细 做优 建设 创建 争创 申报 推行 推广 执行 贯彻 部署 巩固 探索 开启 "
    "参与 围绕 聚焦 依托 通过 支持 鼓励 引导 规范 强化 坚持 抓好 抓实 抓 实行 制定 制订 出台 颁布 "
    "印发 发布 谋划 筹办 举办 承办 获批 入选 纳入 进一步 不断 认真 切实 着力 努力 力争 确保 全力 "
    "争取 紧扣 兑现 稳妥 有序 常态化 统筹 同步 率先 首创 健全 充分 释放 畅通 形成 构建 巩固拓展 "
    "积极推动 深入推进 深入实施 深入开展 大力实施 大力推进 加快推进 加快建设 成功 先后 相继 顺利 "
    "完成 迎接 接受 做强 建强 用好 和 同 解决 融入 主动融入 调研 以上 以下 及以上 为单位 扩大 "
    "同类 继续实施 全力推进 全面推进 学习借鉴 借鉴 推出 实现 取得 助力 配合 协助 牵头 以及 其中 "
    "包括 重点 一批 一系列 各项 各类 相关 有关 这项 此项 全省 全市 全区 全县 我省 我市 我区 我县 "
    "本市 今年 明年 年内 上下 推开 全面推开"
)
GENERIC_HEADS = frozenset(
    words(
        "各项 这项 一批 重点 重大 相关 有关 各类 专项 若干 系列 民生实事 多项 此项 本项 重点项目 建设 "
        "发展 工作 示范 国家 省级 市级 县级 改善 推进 提升 综合 深化 全面 试点 三年 五年 年度 新一轮 "
        "综合改革 体制改革 体制机制 党的 行业 队伍 作风 能力 人才 学科 专科 基础 设施 信息化 标准化 "
        "规范化 绩效 调研 项目 工程 医院 机构 体系 制度 政策 活动 服务 环节 帮扶 所有 长效 运行 激励 管理 "
        "保障 体制 协调 联动 工作机制 长效机制 科研 品牌 高层次 公共 重大公共 配套支持 一揽子配套支持 "
        "防控 能力提升 临床 等级"
    )
)
# Nouns any program may be built around: with only evaluative words before them (高端平台建设,
# 标志性项目, 一揽子支持政策) they name a kind of thing, not one program.
GENERIC_CORES = words("平台 项目 政策 工程 计划 行动 活动 制度 体系 举措 载体 措施")
# Evaluative or quantifying modifiers that tell no program apart from another.
EVALUATIVE = longest_first(
    "高端 高层次 高水平 高质量 高标准 一流 顶尖 标志性 示范性 引领性 突破性 创新 创新型 品牌 特色 "
    "优质 优势 精品 新型 重点 重大 重要 关键 核心 一揽子 配套 支持 扶持 激励 优惠 综合 系列 一批 "
    "若干 多个 多项 各类 各项 一系列 新 大 好 强"
)
QUOTE = re.compile(r"“([^“”]{2,30})”")
BOOK_TITLE = re.compile(r"《([^《》]{2,60})》")
PAREN_TITLE = re.compile(r"[（(]([^（()）]{4,40}(?:条例|规划|纲要|方案|办法|意见|计划|要点))[）)]")
NUMBERED_SET = re.compile(
    r"“([^“”]{4,80})”([一二两三四五六七八九十]+)大(行动|工程|计划|专项|项目|任务|中心|体系)"
)
PERIOD_NAME = re.compile(r"^[十]?[一二三四五六七八九十]五$")
# Verbs that make a quoted phrase something carried out.
CARRY_OUT_VERBS = words(
    "实施 开展 推进 落实 推行 推广 创建 打造 建设 启动 深化 推动 组织 举办 执行 建立 争创 学习借鉴 借鉴 "
    "助力 帮扶创建"
)
# Quoted slogans reports use as goals or watchwords, not programs.
SLOGAN_ENDINGS = words("精神 理念 思想 要求 目标 原则 方针 总基调 作风 名片 嘱托")
MIN_NAME = 4
MIN_QUOTED = 3
# 七大行动, 五项制度 alone name nothing one could tell apart across documents.
BARE_NUMBERED = re.compile(
    r"^[一二两三四五六七八九十]+[大项个条](?:行动|工程|专项|制度|计划|任务|中心|体系|举措|工作)$"
)
MAX_NAME = 40
# Longer than any word tested against the text before a position: slicing the whole prefix at
# every step made a long unpunctuated line quadratic.
HEAD_WINDOW = 64
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
        return f"program:{_strip_quotes(self.name)}"  # “X”工程 and X工程 are one program


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


def _strip_quotes(name: str) -> str:
    return name.replace("“", "").replace("”", "")


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
        if ch in LEFT_BOUNDARY_CHARS:
            break
        if ch in ALWAYS_BOUNDARY_CHARS and (pos in token_starts or pos == suffix_start):
            break  # 的, 对 as words end a name; inside a word (对口支援) they do not
        head = clean[max(0, pos - HEAD_WINDOW) : pos]
        if COUNTED.search(head):
            break
        # A verb right before the program word is part of the name (…能力提升工程, 示范创建).
        # A boundary word ends a name only where a word starts (力争 is not one in 争取), and an
        # adverb only where it opens the verb phrase (服务能力全面提升… keeps its 全面).
        word = next(
            (w for w in LEFT_BOUNDARY_WORDS if head.endswith(w) and (len(w) > 1 or pos - 1 in token_starts)),
            None,
        )
        if (
            pos < suffix_start
            and pos in token_starts
            and word
            and _opens_phrase(clean, pos - len(word), word)
        ):
            break
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


def _only_evaluative(head: str) -> bool:
    """高端平台, 标志性, 一揽子支持: evaluative words around a generic noun, nothing that names."""
    rest = head
    while rest.endswith(GENERIC_CORES):
        rest = rest[: -len(next(c for c in GENERIC_CORES if rest.endswith(c)))]
    while rest:
        word = next((w for w in EVALUATIVE if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word) :]
    return True


def _names_a_place(head: str, suffix: str) -> bool:
    """济源示范区, 某某试验区: a zone named by a place alone (its level word dropped) is that place."""
    if division_index().candidates(head):
        return True
    return suffix in ("示范区", "试验区") and any(division_index().candidates(head + c) for c in "市县区")


def _acceptable(name: str, suffix: str) -> bool:
    bare = _strip_quotes(name)
    head = bare[: -len(suffix)] if bare.endswith(suffix) else bare
    if len(bare) < MIN_NAME or len(bare) > MAX_NAME or len(head) < 2:
        return False
    if (
        head in GENERIC_HEADS
        or head in PROGRAM_SUFFIXES
        or bare in GENERIC_HEADS
        or head.startswith(("各", "多", "该", "本", "这", "那"))
    ):
        return False
    if head.startswith(tuple(PHRASE_ADVERBS)):
        return False  # 全面启动试点: a verb phrase, not a name
    if head in LEFT_BOUNDARY_WORDS or ("和" in head and len(head.split("和")[0]) <= 2):
        return False  # 坚持改革, 力争创建: a verb, not a name; 思想和行动
    if suffix in EVENT_SUFFIXES and len(head) < 4:
        return False
    if BARE_NUMBERED.match(bare):
        return False
    if _names_a_place(head, suffix):
        return False  # 某某示范区 named by a place alone is that place, not a program
    if "“" not in name and _only_evaluative(head):
        return False  # 高端平台建设, 标志性项目: a kind of thing, not a named program
    if re.match(r"^[\d一二两三四五六七八九十百千万]+[个家项所名条批类大次年]", bare) and not name.startswith(
        "“"
    ):
        return False  # 58个重大项目 counts projects, 三年行动 needs its subject
    if re.search(r"\d+(?:\.\d+)?[%‰]", bare):
        return False
    return not (
        suffix == "建设"
        and not head.endswith(BUILT_THINGS)
        and "“" not in name
        and not head.startswith("健康")
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
        found.extend(self._national(clean))
        listed = national_programs()
        for m in found:
            canonical = listed.get(_strip_quotes(m.name))
            if canonical and canonical != m.name:
                # 医药卫生体制改革 found by its word is the listed 深化医药卫生体制改革
                m.aliases.append(m.name)
                m.name, m.listed = canonical, True
        return _dedupe(found)

    @staticmethod
    def _titles(clean: str) -> list[ProgramMention]:
        out = [ProgramMention(m.start(), m.end(), m.group(1)) for m in BOOK_TITLE.finditer(clean)]
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
        for suffix in PROGRAM_SUFFIXES:
            for m in re.finditer(re.escape(suffix), clean):
                end = m.end()
                if end not in token_ends and not clean[:end].endswith("”" + suffix):
                    continue
                nxt = clean[end : end + 1]
                if nxt and nxt in FOLLOWERS_THAT_CONTINUE_A_WORD or clean.startswith(FOLLOWING_WORDS, end):
                    continue
                if any(clean.startswith(s, end) for s in PROGRAM_SUFFIXES):
                    continue  # 项目建设: the longer name ends later
                if nxt.isdigit() or (suffix == "试点" and nxt and nxt not in AFTER_A_NAME):
                    continue  # 公共卫生项目770个 counts projects; 公立医院试点开展 is a verb
                if (
                    suffix in VERBAL_SUFFIXES
                    and nxt
                    and nxt not in AFTER_A_NAME
                    and (not tags or tags.get(end, "n") not in NOUN_USE_FOLLOWERS)
                ):
                    continue  # 创建 with an object after it is a verb, not the end of a name
                start = _left_edge(clean, m.start(), token_starts)
                name = clean[start:end]
                if _acceptable(name, suffix):
                    out.append(ProgramMention(start, end, name))
                    out.extend(_coordinated(clean, start, end, suffix, token_starts))
        return out

    @staticmethod
    def _national(clean: str) -> list[ProgramMention]:
        out: list[ProgramMention] = []
        for surface, canonical in national_programs().items():
            for m in re.finditer(re.escape(surface), clean):
                aliases = [surface] if surface != canonical else []
                out.append(ProgramMention(m.start(), m.end(), canonical, aliases, listed=True))
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
    if len(first) < 2 or first.endswith(PROGRAM_SUFFIXES) or any(c in first for c in "“”《》"):
        return []
    head = clean[start : end - len(suffix)]
    if len(head) < 4 or first[-2:] != head[-2:]:
        return []
    name = first + suffix
    return [ProgramMention(a_start, end, name)] if _acceptable(name, suffix) else []


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


def _dedupe(found: list[ProgramMention]) -> list[ProgramMention]:
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
        named[_strip_quotes(n.name)].append(n)
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
            named[_strip_quotes(outer.name)].remove(outer)
    for m in sorted(found, key=lambda x: (x.start, -(x.end - x.start))):
        key = _strip_quotes(m.name)
        if key in by_name:
            for alias in m.aliases:
                if alias not in by_name[key].aliases:
                    by_name[key].aliases.append(alias)
            continue
        by_name[key] = m
    return list(by_name.values())
