"""Quantified indicators: a metric, a number with its unit, a comparator, a year and a kind.

A figure is a number with a unit (60%, 12/10万, 3.58个, 706.21万剂次, 五所). Its metric is the
phrase before a comparator verb (…覆盖率达到60%), the noun phrase before a bare figure
(国家卫生城市8个) or the one after it (建成13个…示范区). Ages and ranges that qualify a group
(65岁以上老年人, 60-79岁人群) are not figures. `kind` tells a commitment (力争, 确保, 到2025年,
控制在) from a reported result (已, 累计, 建成, 降至, 较上年).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import longest_first, words

UNITS = words(
    "/10万 /万 ‰ % ％ 万剂次 万人次 剂次 人次 万元 亿元 元 万人 万名 万个 万张 万家 万例 万份 万户 个 家 "
    "所 项 名 人 例 张 床 岁 天 小时 次 剂 台 辆 座 支 种 份 户 套 位 强 条 间 批 万"
)
QUALIFIER_UNITS = ("岁", "周岁")
NUMBER = re.compile(
    r"(?<![\d.A-Za-z第])(\d+(?:\.\d+)?)(?:\s*[-—－~～至到]\s*(\d+(?:\.\d+)?))?(万|亿)?(余|多)?"
    r"(/10万|/万|‰|%|％|万剂次|万人次|剂次|人次|万元|亿元|元|万人|万名|万个|万张|万家|万例|万份|万户|周岁|个百分点|百分点|个|家|所|项|名|"
    r"人|例|张|床|岁|天|小时|次|剂|台|辆|座|支|种|份|户|套|位|强|条|间|批|万)?(余|多)?"
)
CHINESE_NUMBER = re.compile(
    r"(?<![一二两三四五六七八九十百千万第])([一二两三四五六七八九十百千]{1,4})(所|家|名|例|位)(?![一-龥]{0,1}体)"
)
RANK = re.compile(
    r"第(\d+|[一二三四五六七八九十]{1,3})(名|位)|(?!)()()"
    r"|(?<=排名)[^，,。；;第]{0,10}第(\d+|[一二三四五六七八九十]{1,3})()"
)
ZERO = re.compile(r"(?<![一二三四五六七八九十百千])零(死亡|感染|事故)")
CUT_WORDS = ("全面", "全部", "基本", "已经", "正在", "顺利")
NOT_A_FIGURE_AFTER = re.compile(r"^(?:年|月|日|号|时|分|版|期|届|批次|周期|轮|代|级|倍|\+|:|：|-\d|—\d|\.\d)")
COMPARATOR_VERBS = longest_first(
    "达到 达 提高到 提高至 提升至 提升到 降低到 降低至 降至 下降到 下降至 增至 增加到 增加至 "
    "增长到 控制在 保持在 稳定在 维持在 为 超过 超 突破 不低于 不少于 不超过 不高于 不多于 不大于 "
    "低于 高于 占 达到了 "
    "位列 进入 完成 实现 是"
)
MODIFIERS = words("分别 均 约 近 将 总计 合计 累计 共 至少 全部 基本 已 已经 仅 力争 确保 争取 力求 努力 要")
AT_LEAST = ("不低于", "不少于", "超过", "超", "突破", "至少", "高于")
AT_MOST = ("不超过", "不高于", "不多于", "不大于", "控制在", "低于", "以内")
METRIC_PREFIXES = longest_first(
    "共有 全市 全省 全区 全县 全州 全国 我市 我省 我区 我县 我州 本市 本省 本区 本县 "
    "力争 确保 争取 计划 预计 其中 累计 全年 "
    "当年 今年 到 使 让 并 且 和 及 同时 进一步 共计 以 将 仅用 仅 已 均 完成 实现"
)
YEAR_IN_TEXT = re.compile(r"(?:到|至|在|于)?(20\d{2})年(?:年底|底前|底|末|前|内)?")
CHANGE_FROM_BEFORE = re.compile(r"(?:较上年|较去年|同比|比上年|环比)(?:增长|提高|上升|增加|下降|降低|减少)")
RECORD_WORDS = ("纪录", "记录", "目标", "任务", "水平", "要求", "标准", "成绩")
NEGATED = ("没有发生", "没有", "无", "未", "不发生")
# Cues of a commitment; words such as 实现 or 目标 also report results (实现了…目标) and are left
# to the section's tense.
GOAL_CUES = words("力争 确保 争取 目标是 计划 到20 将 要 不低于 不少于 控制在 预计 拟 力求 努力 任务是 着力")
# Cues of a reported result. Verbs of change (降至, 提高到, 建成) are left out: plans use them too.
ACHIEVED_CUES = words(
    "已经 累计 截至 获批 获评 较上年 同比 比上年 先后 全年 荣获 达到了 完成了 实现了 共有 共计 共创建 招录"
)
# Single-character cues of a result, as words: 已 not in 已有…的, 了 not in 为了 or 了解.
ACHIEVED_CHARS = re.compile(r"已(?!有)|(?<!为)了(?!解)")
METRIC_STOP_FORWARD = re.compile(r"[，,。；;、：:（(“”]|的$")
MAX_METRIC = 40
MIN_METRIC_AFTER_STRIP = 4
CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十百千]+[大项个类]?")


@dataclass
class TargetMention:
    start: int  # clean offsets of the figure in the sentence
    end: int
    metric: str
    value: float
    unit: str
    comparator: str
    year: int | None
    kind: str


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        import cn2an  # loads its tables on import, so only when a Chinese numeral is seen

        try:
            return float(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError):
            return None


LEADING_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|旗))(?:分别|均|共|各)?")


def _is_place(name: str) -> bool:
    from loaders.regions import division_index

    index = division_index()
    return bool(index.by_name.get(name) or (len(name) >= 3 and index.candidates(name)))


def _clean_metric(metric: str) -> str:
    metric = metric.strip("，,、的 ")
    changed = True
    while changed and metric:
        changed = False
        year = YEAR_IN_TEXT.match(metric)
        if year and year.end() < len(metric):
            metric, changed = metric[year.end() :], True
            continue
        for prefix in METRIC_PREFIXES:
            if metric.startswith(prefix) and len(metric) > len(prefix) + 1:
                metric, changed = metric[len(prefix) :], True
                break
        else:
            place = LEADING_PLACE.match(metric)
            if place and len(metric) - place.end() >= 2 and _is_place(place.group(1)):
                # 南山区分别投入财政资金, 龙岗区每千人口床位数: the place commits; the rest is measured
                metric, changed = metric[place.end() :], True
    metric = _without_leading_action(metric.removesuffix("各"))
    for verb in ("保持", "达到", "为", "达"):
        if metric.endswith(verb) and len(metric) > len(verb) + 1:
            metric = metric[: -len(verb)]
    return metric.strip("，,、的 ")


def _without_leading_action(metric: str) -> str:
    """打造五大基层实践样板 counts 基层实践样板: leading verbs and counts in words are not the metric
    (4级及以上占比 keeps its 4)."""
    from loaders.lexicon import tokenize

    tokens = tokenize(metric)
    k = 0
    while k < min(2, len(tokens) - 1) and (
        tokens[k].flag == "v" or tokens[k].flag.startswith("d") or CHINESE_COUNT.fullmatch(tokens[k].word)
    ):
        if len(metric) - tokens[k + 1].start < MIN_METRIC_AFTER_STRIP:
            break
        k += 1
    return metric[tokens[k].start :] if k else metric


class TargetExtractor:
    """Figures of one sentence; `default_kind` comes from the section the sentence is in."""

    def find(
        self, clean: str, clauses: list[tuple[int, int]], default_kind: str, default_year: int | None
    ) -> list[TargetMention]:
        figures = self._figures(clean)
        out: list[TargetMention] = []
        for c_start, c_end in clauses:
            in_clause = [f for f in figures if c_start <= f[0] < c_end]
            previous_end = c_start
            shared: tuple[str, int, str] | None = None  # (metric phrase, next position, mode)
            for fig in in_clause:
                between = clean[previous_end : fig[0]]
                if shared and between.strip("和、及与") == "":
                    phrase, position, mode = shared
                    out.extend(
                        self._with_metrics(
                            clean, fig, _split_shared(phrase, position, mode), default_kind, default_year
                        )
                    )
                    shared = (phrase, position + 1, mode)
                else:
                    mentions, shared = self._mention(
                        clean, c_start, c_end, previous_end, fig, default_kind, default_year
                    )
                    change = CHANGE_FROM_BEFORE.search(between)
                    if fig[3].endswith("百分点") or change:
                        # 人均预期寿命较上年提高0.3岁 changes the metric it names; 较上年提高3.2个百分点
                        # with none named changes the figure reported just before.
                        direction = "提高" if re.search("提高|增长|上升|增加", between) else "下降"
                        marker = change.start() if change else len(between)
                        named = _clean_metric(re.split(r"[、]", between[:marker])[-1])
                        base = named if len(named) >= 2 else (out[-1].metric if out else "")
                        for m in mentions:
                            if base:
                                m.metric = base + direction
                    out.extend(mentions)
                previous_end = fig[1]
        return out

    @staticmethod
    def _with_metrics(
        clean: str,
        fig: tuple[int, int, float, str, str],
        metrics: list[str],
        default_kind: str,
        default_year: int | None,
    ) -> list[TargetMention]:
        start, end, value, unit, hint = fig
        comparator = hint or ("<=" if clean[end:].startswith("以下") else "=")
        kind = _kind(clean, default_kind, default_year)
        year = _year(clean) or default_year
        return [TargetMention(start, end, m, value, unit, comparator, year, kind) for m in metrics if m]

    @staticmethod
    def _figures(clean: str) -> list[tuple[int, int, float, str, str]]:
        """(start, end, value, unit, comparator hint) for every figure, ages and dates left out."""
        found: list[tuple[int, int, float, str, str]] = []
        quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^“”]*”|《[^《》]*》", clean)]
        for m in NUMBER.finditer(clean):
            unit = (m.group(3) or "") + (m.group(5) or "")
            if unit.startswith("万/"):
                continue
            after = clean[m.end() :]
            if not unit or NOT_A_FIGURE_AFTER.match(after) or any(a <= m.start() < b for a, b in quoted):
                continue
            if unit in QUALIFIER_UNITS and (m.group(2) or re.match(r"^(?:及?以[上下]|[一-龥])", after)):
                continue  # 65岁以上老年人, 60-79岁人群: who, not how much
            if re.match(r"^[-—－~～至]\s*\d", after):
                continue
            value_text = m.group(1)
            hint = ">=" if (m.group(4) or m.group(6)) else ""
            if m.group(2):
                hint = ">="
            value = _number(value_text)
            if value is None:
                continue
            end = m.end()
            tail = re.match(r"^(及以上|以上|以下|以内)", after)
            if tail:
                hint = ">=" if tail.group(1).endswith("上") else "<="
                end += len(tail.group(1))
            found.append((m.start(), end, value, unit.replace("％", "%"), hint))
        for m in CHINESE_NUMBER.finditer(clean):
            value = _number(m.group(1))
            if value is not None and not any(a <= m.start() < b for a, b in quoted):
                found.append((m.start(), m.end(), value, m.group(2), ""))
        for m in RANK.finditer(clean):
            number = m.group(1) or m.group(3) or m.group(5)
            unit = m.group(2) or m.group(4) or "名"
            value = _number(number) if number else None
            if value is not None:
                found.append(
                    (m.start() if not m.group(5) else m.end() - len(number) - 1, m.end(), value, unit, "=")
                )
        for m in ZERO.finditer(clean):
            found.append((m.start(), m.end(), 0.0, "例", "="))
        found.sort()
        return [f for i, f in enumerate(found) if not any(o[0] <= f[0] < o[1] and o != f for o in found[:i])]

    def _mention(
        self,
        clean: str,
        c_start: int,
        c_end: int,
        previous_end: int,
        fig: tuple[int, int, float, str, str],
        default_kind: str,
        default_year: int | None,
    ) -> tuple[list[TargetMention], tuple[str, int, str] | None]:
        start, end, value, unit, hint = fig
        before = clean[previous_end:start]
        after = clean[end:c_end]
        comparator = hint or "="
        stripped = before
        for modifier in MODIFIERS:
            stripped = stripped.removesuffix(modifier)
        verb = next((v for v in COMPARATOR_VERBS if stripped.endswith(v)), None)
        if verb:
            stripped = stripped[: -len(verb)]
            for modifier in MODIFIERS:
                stripped = stripped.removesuffix(modifier)
            if verb in AT_LEAST:
                comparator = ">="
            elif verb in AT_MOST or after.startswith("以下"):
                comparator = "<=" if comparator == "=" else comparator
        elif before.endswith(AT_LEAST):
            comparator = ">="
        if before.endswith(("至少", "超过", "超")):
            comparator = ">="
        if before.endswith(NEGATED):
            return [], None  # 没有发生1例死亡病例 reports an absence, not a count
        mode = "respective" if "分别" in before[-8:] else "each" if "均" in before[-8:] else ""
        metrics, phrase = self._metrics(stripped, after, bool(verb), mode)
        shared = (phrase, 1, mode) if mode and phrase else None
        if not metrics:
            return [], shared
        sentence = clean[c_start:c_end]
        kind = _kind(clean, default_kind, default_year)
        year = _year(clean) or default_year
        if comparator == "=" and kind == "goal" and verb in ("达到", "达", "保持在", "稳定在"):
            comparator = "="
        mentions = [
            TargetMention(start, end, m, value, unit, comparator, year, kind)
            for m in metrics
            if m and not (len(m) < 2 or m.isdigit() or m == sentence)
        ]
        return mentions, shared

    @staticmethod
    def _metrics(before: str, after: str, has_verb: bool, mode: str) -> tuple[list[str], str]:
        """The metric(s) of a figure and the phrase later figures of a 分别 list share."""
        before_metric = _clean_metric(re.split(r"[、]", before)[-1] if not has_verb else before)
        backward = (
            has_verb
            or not after
            or re.match(r"^[，,。；;、]", after)
            or re.match(r"^的(?:任务|目标|水平|要求|标准|成绩|纪录|记录)", after)
            or re.match(r"^(?:到|赴|前往|下沉)", after)  # 选派医生2100名到乡镇卫生院: who is sent
        )
        if backward and (before_metric or not after):
            if before_metric and len(before_metric) <= MAX_METRIC:
                return _split_shared(before_metric, 0, mode), before_metric
            return ([before_metric] if before_metric else []), ""
        forward = _outside_brackets_until(after, "，,。；;、：:—")
        forward = re.split(r"[和及与]\d", forward, maxsplit=1)[0]
        cut = forward.find("的")
        if cut > 1:
            # 5个覆盖县乡(街道)的市级专科联盟: after a verb phrase the counted noun follows 的
            from loaders.lexicon import tokenize

            first = tokenize(forward[:cut])
            rest = forward[cut + 1 :]
            if (
                first
                and first[0].flag.startswith("v")
                and len(rest) >= 3
                and not rest.startswith(RECORD_WORDS)
            ):
                forward = forward[cut + 1 :]
            else:
                forward = forward[:cut]
        forward = _before_first_verb(forward)[:MAX_METRIC]
        return [_clean_metric(forward)], ""


def _outside_brackets_until(text: str, stops: str) -> str:
    """`text` up to the first stop character that is not inside brackets (流行县(市、区)…)."""
    depth = 0
    for k, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return text[:k]
    return text


def _before_first_verb(phrase: str) -> str:
    """The noun phrase a counted figure names (重点任务 of 21项重点任务实行月调度): up to the first verb
    after it, unless that leaves fewer than three characters."""
    from loaders.lexicon import tokenize

    for token in tokenize(phrase):
        if token.start >= 3 and (
            token.flag in ("v", "vd", "vi")
            and len(token.word) >= 2
            or token.flag in ("d", "ad", "p")
            or token.word in CUT_WORDS
        ):
            return phrase[: token.start]
    return phrase


def _split_shared(metric: str, position: int, mode: str) -> list[str]:
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


# Cached: asked once per figure with the same whole sentence (quadratic on a long line otherwise).
@lru_cache(maxsize=64)
def _kind(sentence: str, default: str, doc_year: int | None = None) -> str:
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
def _year(sentence: str) -> int | None:
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
