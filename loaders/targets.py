"""Quantified indicators: a metric, a number with its unit, a comparator, a year and a kind.

A figure (loaders/figures.py) is a number with a unit or measure word (60%, 12/10万, 706.21万剂次,
五所, 30秒, 550多场). Its metric is the phrase before a comparator verb (…覆盖率达到60%), the noun
phrase before a bare figure (国家卫生城市8个) or the one after it (建成13个…示范区), with what the
counted noun does (13家医院设置睡眠门诊). A change from one value to another gives both, each with
its year (loaders/target_pairs.py). Quoted speech is split at its own commas, so a speaker's figure
takes its own clause's metric. `kind` (loaders/target_kind.py) tells a commitment from a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.figures import Figure, find_figures
from loaders.lexicon import by_last_char, longest_first, words
from loaders.target_kind import (
    LEADING_YEAR,
    LED_YEAR,
    YEAR_IN_TEXT,
    figure_kind,
    section_kind,
    sentence_year,
)
from loaders.target_pairs import PairedFigure, change_pairs, split_shared

# Re-exported: the pipeline reads a section's kind and year through this module.
__all__ = ["LEADING_YEAR", "LED_YEAR", "YEAR_IN_TEXT", "TargetExtractor", "TargetMention", "section_kind"]

CUT_WORDS = ("全面", "全部", "基本", "已经", "正在", "顺利", "平均", "是")
SUBJECT_WORDS = frozenset(words("我们 我省 我市 我区 我县 他们 大家 其 这 此 已有 共有 现有 拥有 有"))
# A plan's own parts counted (2套体系、2个机制, 从5个方面): its structure, not a figure of health work.
STRUCTURE_NOUNS = words("体系 机制 方面 阶段 环节 层面 部分 维度 步骤 板块")
DURATION_UNITS = frozenset(words("秒 分钟 小时 天 周 个月"))
# Words a counted noun ends before: a pronoun or time word (每天, 这些) or a conjunction (血透机及…).
CUT_FLAGS = ("d", "ad", "p", "r", "c")
COMPARATOR_VERBS = longest_first(
    "达到 达 提高到 提高至 提升至 提升到 降低到 降低至 降至 下降到 下降至 增至 增加到 增加至 "
    "增长到 控制在 保持在 稳定在 维持在 为 超过 超 突破 不低于 不少于 不超过 不高于 不多于 不大于 "
    "低于 高于 占 达到了 不到 不能少于 不得少于 不能低于 不得低于 不能超过 不得超过 "
    "位列 进入 完成 实现 是"
)
# The comparator verbs by last character: the first verb a phrase ends with, found among few.
_VERBS_BY_LAST = by_last_char(COMPARATOR_VERBS)
MODIFIERS = words(
    "分别 均 约 近 将 总计 合计 累计 共 至少 全部 基本 已 已经 仅 力争 确保 争取 力求 努力 要 只需"
)
AT_LEAST = (
    "不低于",
    "不少于",
    "超过",
    "超",
    "突破",
    "至少",
    "高于",
    "不能少于",
    "不得少于",
    "不能低于",
    "不得低于",
)
AT_MOST = ("不超过", "不高于", "不多于", "不大于", "控制在", "低于", "以内", "不到", "不能超过", "不得超过")
METRIC_PREFIXES = longest_first(
    "共有 全市 全省 全区 全县 全州 全国 我市 我省 我区 我县 我州 本市 本省 本区 本县 "
    "力争 确保 争取 计划 预计 其中 累计 全年 "
    "当年 今年 到 使 让 并 且 和 及 同时 进一步 共计 以 将 仅用 仅 已 均 完成 实现 "
    "目前 现在 当前 如今 我们 主要 落实 保证 推动 推进 实施 开展 加强 完善 率先"
)
CHANGE_FROM_BEFORE = re.compile(r"(?:较上年|较去年|同比|比上年|环比)(?:增长|提高|上升|增加|下降|降低|减少)")
RECORD_WORDS = ("纪录", "记录", "目标", "任务", "水平", "要求", "标准", "成绩")
NEGATED = ("没有发生", "没有", "无", "未", "不发生")
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


LEADING_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|旗))(?:分别|均|共|各)?")


def _is_place(name: str) -> bool:
    from loaders.regions import division_index

    index = division_index()
    return bool(index.by_name.get(name) or (len(name) >= 3 and index.candidates(name)))


def _clean_metric(metric: str) -> str:
    metric = re.sub(r"^[一二三四五六七八九十]是", "", metric.strip("，,、的 "))  # 一是…, 二是…: a list
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
    listed = metric.rfind("等")
    if 0 < listed < len(metric) - 2:
        # 图文海报、常识折页等各类宣教材料: the items listed are examples of what is counted
        metric = re.sub(r"^(?:各类|各种|各项)", "", metric[listed + 1 :])
    metric = _without_leading_action(metric.removesuffix("各"))
    for verb in ("保持", "达到", "为", "达", "共计", "累计", "合计", "共"):
        if metric.endswith(verb) and len(metric) > len(verb) + 1:
            metric = metric[: -len(verb)]
    metric = metric.strip("，,、的 ")
    return re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:和|及|也|还|都|均|已|亦)$", "", metric)  # …超重率也超过30%


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
        if not figures:
            return []  # most sentences: no figure, no clause to walk
        out: list[TargetMention] = []
        clauses = _speech_clauses(clean, clauses)
        paired = change_pairs(clean, clauses, figures)
        out.extend(self._paired(clean, paired, default_kind, default_year))
        figures = [f for f in figures if not any(p.figure == f for p in paired)]
        for c_start, c_end in clauses:
            in_clause = [f for f in figures if c_start <= f[0] < c_end]
            previous_end = c_start
            shared: tuple[str, int, str] | None = None  # (metric phrase, next position, mode)
            for fig in in_clause:
                between = clean[previous_end : fig[0]]
                if not between and out and out[-1].end == fig[0]:
                    # 53种3251万份: a second figure right after the first counts the same thing
                    out.extend(self._with_metrics(clean, fig, [out[-1].metric], default_kind, default_year))
                elif shared and between.strip("和、及与") == "":
                    phrase, position, mode = shared
                    out.extend(
                        self._with_metrics(
                            clean, fig, split_shared(phrase, position, mode), default_kind, default_year
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
    def _paired(
        clean: str, paired: list[PairedFigure], default_kind: str, default_year: int | None
    ) -> list[TargetMention]:
        """分别从2020年的A和B下降至2024年的C和D: each value under its metric and its own year."""
        out: list[TargetMention] = []
        for p in paired:
            phrase = _clean_metric(p.metric_phrase.removesuffix("分别"))
            metric = split_shared(phrase, p.position, "respective")[0] if p.group_size > 1 else phrase
            if len(metric) < 2:
                continue
            start, end, value, unit, hint = p.figure
            year = p.year or sentence_year(clean) or default_year
            kind = "achieved" if p.start_value else figure_kind(clean, default_kind, default_year)
            if not p.start_value and year and default_year and year <= default_year and kind == "goal":
                kind = "achieved"  # the new value of a year already past is a result
            out.append(TargetMention(start, end, metric, value, unit, hint or "=", year, kind))
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
        kind = figure_kind(clean, default_kind, default_year)
        year = sentence_year(clean) or default_year
        return [TargetMention(start, end, m, value, unit, comparator, year, kind) for m in metrics if m]

    @staticmethod
    def _figures(clean: str) -> list[Figure]:
        return find_figures(clean)

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
        verb = next((v for v in _VERBS_BY_LAST.get(stripped[-1:], ()) if stripped.endswith(v)), None)
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
        if before.endswith(("至少", "超过", "超")) or re.search(r"至少[\u4e00-\u9fff]{1,3}$", before):
            comparator = ">="  # 至少建立1家: at least, with the verb between
        if before.endswith(NEGATED):
            return [], None  # 没有发生1例死亡病例 reports an absence, not a count
        if after.startswith(STRUCTURE_NOUNS):
            return [], None  # 3套体系, 5个方面: the parts of a plan or an answer
        mode = "respective" if "分别" in before[-8:] else "each" if "均" in before[-8:] else ""
        if clean[start:end] == "全覆盖":
            # 推动各市县实现婚育“一站式”服务点全覆盖: what is covered follows 实现
            covered = re.sub(r"^(?:基本|全面)", "", re.split(r"实现", before)[-1])
            covered = _clean_metric(covered)
            metrics, phrase = ([covered] if len(covered) >= 3 else []), ""
        else:
            metrics, phrase = self._metrics(stripped, after, bool(verb), mode, unit)
        shared = (phrase, 1, mode) if mode and phrase else None
        if not metrics:
            return [], shared
        sentence = clean[c_start:c_end]
        kind = figure_kind(clean, default_kind, default_year)
        year = sentence_year(clean) or default_year
        if comparator == "=" and kind == "goal" and verb in ("达到", "达", "保持在", "稳定在"):
            comparator = "="
        mentions = [
            TargetMention(start, end, m, value, unit, comparator, year, kind)
            for m in metrics
            if m and not (len(m) < 2 or m.isdigit() or m == sentence or m.startswith(STRUCTURE_NOUNS))
        ]
        return mentions, shared

    @staticmethod
    def _metrics(before: str, after: str, has_verb: bool, mode: str, unit: str = "") -> tuple[list[str], str]:
        """The metric(s) of a figure and the phrase later figures of a 分别 list share."""
        before_metric = _clean_metric(re.split(r"[、]", before)[-1] if not has_verb else before)
        if before_metric in SUBJECT_WORDS:
            before_metric = ""  # 目前我们已完成15例…: the speaker, not what is counted
        if unit in DURATION_UNITS and re.match(r"^之?内", after):
            # 在30秒内完成应急处置: the time an action takes
            action = _outside_brackets_until(re.sub(r"^之?内", "", after), "，,。；;、：:")[:MAX_METRIC]
            return ([action + "用时"] if len(action) >= 2 else []), ""
        backward = (
            has_verb
            or not after
            or re.match(r"^[，,。；;、]", after)
            or re.match(r"^的(?:任务|目标|水平|要求|标准|成绩|纪录|记录)", after)
            or re.match(r"^(?:到|赴|前往|下沉)", after)  # 选派医生2100名到乡镇卫生院: who is sent
            or re.match(r"^\d", after)  # 宣教材料53种3251万份: both count the thing named before
        )
        if backward and (before_metric or not after):
            if before_metric and len(before_metric) <= MAX_METRIC:
                return split_shared(before_metric, 0, mode), before_metric
            return ([before_metric] if before_metric else []), ""
        forward = _outside_brackets_until(after, "，,。；;、：:—")
        forward = re.split(r"[和及与]?\d", forward, maxsplit=1)[0]  # up to the next figure
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


SPEECH = re.compile(r"“[^“”]*[，,；;。！!？?][^“”]*”?")
SPEECH_BREAK = re.compile(r"(?<!\d)[，,；;。！!？?“”](?!\d)|[“”]")


def _speech_clauses(clean: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses with quoted speech split at its own commas (a quote of several clauses is speech,
    not a name), so a figure a speaker gives takes its metric from its own clause."""
    out: list[tuple[int, int]] = []
    for start, end in clauses:
        if not SPEECH.search(clean, start, end):
            out.append((start, end))
            continue
        begin = start
        for mark in SPEECH_BREAK.finditer(clean, start, end):
            if mark.start() > begin:
                out.append((begin, mark.start()))
            begin = mark.end()
        if end > begin:
            out.append((begin, end))
    return out


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

    tokens = tokenize(phrase)
    if (
        len(tokens) >= 3
        and tokens[0].flag in ("n", "nz", "l")
        and len(tokens[0].word) <= 2
        and tokens[1].flag in ("v", "vn")
        and tokens[1].word not in CUT_WORDS
        and not any(t.flag in CUT_FLAGS or t.word in CUT_WORDS for t in tokens[2:])
    ):
        return phrase  # 13家医院设置睡眠门诊: the counted noun is defined by what it does
    for token in tokens:
        if token.start >= 3 and (
            token.flag in ("v", "vd", "vi")
            and len(token.word) >= 2
            or token.flag in CUT_FLAGS
            or token.word in CUT_WORDS
        ):
            return phrase[: token.start]
    return phrase
