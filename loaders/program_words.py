"""The words programs are named with, and the test a candidate name must pass.

Program words end a name (…行动, …工程, …专项); boundary words and characters end its left side;
generic, evaluative and scope words alone name no one program; a copula, a pronoun, a request, a
counted quantity or a verb before a bare policy word make a span a clause fragment, not a name.
"""

from __future__ import annotations

import re

from loaders.lexicon import longest_first, words
from loaders.regions import division_index

PROGRAM_SUFFIXES = words(
    "专项行动 行动计划 专项治理 专项整治 示范项目 示范创建 体系建设 标准化建设 行动 工程 计划 规划 纲要 "
    "改革 试点 示范区 试验区 项目 活动 运动 创建 评审 考核 评价 制度 条例 方案 筛查 建设 政策 基地 峰会 "
    "论坛 博览会 主题教育 复审 评选 专项 战略 服务 体系 专项整治行动 制 "
    "进校园 进社区 进乡村 进农村 进家庭 进万家 进基层 进企业 进机关 进学校 培训班 讲座"
)
# Heads that name a program only at the end of a noun phrase (…专项, …战略 before a comma or 和).
PHRASE_END_HEADS = ("专项", "战略", "服务", "体系", "制")
# Adverbs that end a name only at the head of a verb phrase, not inside a name (…能力全面提升…).
PHRASE_ADVERBS = frozenset(
    words("全面 积极 大力 深入 持续 进一步 不断 扎实 切实 着力 努力 加快 全力 稳妥 有序 统筹 率先")
)
EVENT_SUFFIXES = ("峰会", "论坛", "博览会", "培训班", "讲座")
# 建设 names a program only when what is built is a named system or facility.
BUILT_THINGS = words(
    "体系 平台 中心 基地 医院 机构 项目 示范区 试验区 高地 专科 学科 实验室 医联体 医共体 医疗集团 共同体 "
    "社区 工程 站 室 馆 网络 标准化 一体化 信息化 科 制度 病房 城市 县城 乡镇 园区 强省"
)
LEFT_BOUNDARY_WORDS = longest_first(
    "实施 推进 开展 落实 深化 加强 推动 建立 完善 打造 启动 组织 继续 持续 深入 全面 积极 大力 "
    "加快 扎实 做好 做实 做细 做优 建设 创建 争创 申报 推行 推广 执行 贯彻 部署 巩固 探索 开启 "
    "参与 围绕 聚焦 依托 通过 支持 鼓励 引导 规范 强化 坚持 抓好 抓实 抓 实行 制定 制订 出台 颁布 "
    "印发 发布 谋划 筹办 举办 举行 承办 获批 入选 纳入 进一步 不断 认真 切实 着力 努力 力争 确保 全力 "
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
MIN_NAME = 4
# 七大行动, 五项制度 alone name nothing one could tell apart across documents.
BARE_NUMBERED = re.compile(
    r"^[一二两三四五六七八九十]+[大项个条](?:行动|工程|专项|制度|计划|任务|中心|体系|举措|工作)$"
)
MAX_NAME = 40
# A name is a noun phrase: a copula, a pronoun, a question or request word or a counted quantity
# makes the span a clause fragment (是个系统工程, 请介绍一下这一行动, 开展了550多场…活动).
COPULAS = frozenset(words("是 属于 就是 即是 有 具有 伴随 最佳 最优 最好"))
QUESTION_WORDS = frozenset(words("请 吗 什么 如何 怎样 怎么 哪些 为什么 介绍"))
# Function words that open a clause or an adverbial, never a name (从体系建设, 也给…活动).
FRAGMENT_OPENERS = frozenset(
    words("从 给 由 在 也 需 还 又 都 就 再 并 而 对 另外 同时 但 一方面 另一方面 其中 每天")
)
# Program words that are plain nouns: after a verb with nothing naming them they are its object.
DOCUMENT_NOUNS = frozenset(words("政策 方案 计划 制度 体系 机制 战略"))
COUNTED_INSIDE = re.compile(r"(?<!第)\d+(?:\.\d+)?[多余]?[场例项次名家所位种批条期节个]")


def strip_quotes(name: str) -> str:
    return name.replace("“", "").replace("”", "")


def only_evaluative(head: str) -> bool:
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


GENERIC_BY_LENGTH = tuple(sorted(GENERIC_HEADS, key=len, reverse=True))


SCOPE_WORDS = longest_first("国家 全国 省级 市级 县级 各级")


def scope_and_evaluative_only(head: str) -> bool:
    """国家重大战略, 省级重点专项: a scope and evaluative words name no one program."""
    rest = head
    while rest.startswith(SCOPE_WORDS):
        rest = rest[len(next(w for w in SCOPE_WORDS if rest.startswith(w))) :]
    return not rest or only_evaluative(rest)


def generic_words_only(head: str) -> bool:
    rest = head
    while rest:
        word = next((w for w in GENERIC_BY_LENGTH if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word) :]
    return True


def names_a_place(head: str, suffix: str) -> bool:
    """济源示范区, 某某试验区: a zone named by a place alone (its level word dropped) is that place."""
    if division_index().candidates(head):
        return True
    return suffix in ("示范区", "试验区") and any(division_index().candidates(head + c) for c in "市县区")


def is_fragment(name: str, suffix: str) -> bool:
    """Whether an unquoted span is a piece of a clause rather than a noun phrase naming a program."""
    from loaders.lexicon import tokenize

    plain = re.sub(r"“[^“”]*”", "“”", name)
    if COUNTED_INSIDE.search(plain):
        return True
    tokens = [t for t in tokenize(plain) if t.word not in ("“", "”", "“”")]
    if not tokens:
        return False
    if tokens[0].word in FRAGMENT_OPENERS or tokens[0].flag == "c":
        return True
    if any(t.word in COPULAS or t.word in QUESTION_WORDS or t.flag == "r" for t in tokens):
        return True
    head = plain[: -len(suffix)] if plain.endswith(suffix) else plain
    head_tokens = tokenize(head) if head else []
    if suffix == "运动" and (len(head) < 4 or head_tokens[-1].flag in ("a", "ad", "vn", "r", "d")):
        return True  # 合理运动, 体育运动 are exercise; a campaign is named (爱国卫生运动)
    if len(head_tokens) == 1 and head_tokens[0].flag in ("a", "ad"):
        return True  # 具体行动: a kind, not a name
    if suffix in DOCUMENT_NOUNS and head_tokens and head_tokens[0].flag.startswith("v") and "“" not in name:
        # 评估公共政策, 投入政策, 下发建设方案: a verb and a generic object, not a named policy
        rest = head[head_tokens[1].start :] if len(head_tokens) > 1 else ""
        return len(rest) < 2 or rest in GENERIC_HEADS or rest in PROGRAM_SUFFIXES
    return False


COUNTED_NAME = re.compile(r"^[\d一二两三四五六七八九十百千万]+([个家项所名条批类大次年])")
PERCENT = re.compile(r"\d+(?:\.\d+)?[%‰]")


def acceptable_name(name: str, suffix: str) -> bool:
    bare = strip_quotes(name)
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
    if names_a_place(head, suffix):
        return False  # 某某示范区 named by a place alone is that place, not a program
    if "“" not in name and suffix in PHRASE_END_HEADS and scope_and_evaluative_only(head):
        return False  # 国家重大战略, 综合医院建设: generic words name no one program
    if "“" not in name and only_evaluative(head):
        return False  # 高端平台建设, 标志性项目: a kind of thing, not a named program
    counted = COUNTED_NAME.match(bare)
    names_a_set = counted is not None and counted.group(1) == "大" and len(head) - counted.end() >= 4
    if counted and not name.startswith("“") and not names_a_set:
        # 58个重大项目 counts projects, 三年行动 needs its subject; 五大健康促进行动 names a set
        return False
    if PERCENT.search(bare):
        return False
    built = head.endswith(BUILT_THINGS) or head.startswith("健康")
    if suffix == "建设" and "“" not in name and not built:
        return False  # 医疗服务能力建设: building work, unless of a thing built (…中心建设)
    # Last, as the only test that tokenizes (twice); every test here is pure, so their order is free.
    return not is_fragment(name, suffix)
