"""Figures in a sentence: a number with its unit, ages, dates and names left out.

A unit is one of the common statistical units (%, ‰, 万人次, 个, 家…) or, beyond that closed
list, any measure word: time spans (秒, 分钟, 个月), counts of events (场, 期, 节, 轮) and the
words jieba's dictionary tags as measure words (座, 篇, 公里…). Figures inside a quoted name
(“三个100”计划) are not figures; figures inside quoted speech are. An indefinite 一名/一位 (一名
尿毒症患者) and people counted with the narrative 位 (4位发布人) tell a story, not a figure.
"""

from __future__ import annotations

import re

from loaders.lexicon import longest_first, word_tag, words

Figure = tuple[int, int, float, str, str]  # start, end, value, unit, comparator hint

UNIT_ALTERNATION = (
    "个月|分钟|/10万|/万|‰|%|％|万剂次|万人次|剂次|人次|万元|亿元|元|万人|万名|万个|万张|万家|万例|万份|万户|周岁|个百分点|"
    "百分点|个|家|所|项|名|人|例|张|床|岁|天|小时|次|剂|台|辆|座|支|种|份|户|套|位|强|条|间|批|万"
)
NUMBER = re.compile(
    r"(?<![\d.A-Za-z第])(\d+(?:\.\d+)?)(?:\s*[-—－~～至到]\s*(\d+(?:\.\d+)?))?(万|亿)?(余|多)?"
    rf"({UNIT_ALTERNATION})?(余|多)?"
)
# Measure words outside the closed list above: time spans and counted events or items.
OPEN_UNITS = longest_first("个月 分钟 秒 周 期 场 节 轮 篇 门 部 幢 座 支 批 次 万次 万场")
QUALIFIER_UNITS = ("岁", "周岁")
# Lengths, weights and areas measure the setting of a story (距城区20公里), not health work.
DIMENSION_UNITS = frozenset(words("公里 千米 米 厘米 公斤 千克 克 吨 亩 平方米 公顷"))
CHINESE_NUMBER = re.compile(
    r"(?<![一二两三四五六七八九十百千万第])([一二两三四五六七八九十百千]{1,4})(所|家|名|例|位)(?![一-龥]{0,1}体)"
)
RANK = re.compile(
    r"第(\d+|[一二三四五六七八九十]{1,3})(名|位)|(?!)()()"
    r"|(?<=排名)[^，,。；;第]{0,10}第(\d+|[一二三四五六七八九十]{1,3})()"
)
ZERO = re.compile(r"(?<![一二三四五六七八九十百千])零(死亡|感染|事故)")
# Shares in words: 九成以上 (90%), 三分之一 (33.3%), and 全覆盖 (100%) after what is covered.
TENTHS = re.compile(
    r"(?<![一二三四五六七八九十百千万])([一二三四五六七八九])成(以上|左右|多)?(?![员为功绩果立效本])"
)
FRACTION = re.compile(r"([一二三四五六七八九十百])分之([一二三四五六七八九十]+)")
FULL_COVERAGE = re.compile(r"(?<=[\u4e00-\u9fff])全覆盖")
NOT_A_FIGURE_AFTER = re.compile(r"^(?:年|月|日|号|时|分(?!钟)|版|届|批次|周期|代|级|倍|\+|:|：|-\d|—\d|\.\d)")
# A quoted span is a name (“三个100”计划) unless it reads as speech: a clause mark or length.
QUOTED_NAME = re.compile(r"“[^“”，,。；;！!？?]{0,20}”|《[^《》]*》")
NARRATIVE_UNITS = ("位",)


def number_value(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        import cn2an  # loads its tables on import, so only when a Chinese numeral is seen

        try:
            return float(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError):
            return None


def open_unit(after: str) -> str:
    """A measure word opening `after` that the closed list lacks, or ''. A measure word that
    starts a longer word (部门, 期间) is that word, not a unit."""
    for unit in OPEN_UNITS:
        if after.startswith(unit):
            longer = after[: len(unit) + 1]
            if len(longer) > len(unit) and word_tag(longer) not in (None, "q", "m"):
                return ""
            return unit
    for size in (2, 1):
        word = after[:size]
        if (
            len(word) == size
            and re.fullmatch(r"[一-龥]+", word)
            and word_tag(word) == "q"
            and word not in DIMENSION_UNITS
        ):
            return word
    return ""


def find_figures(clean: str) -> list[Figure]:
    """Every figure of `clean`, sorted, none inside another."""
    found: list[Figure] = []
    quoted = [(m.start(), m.end()) for m in QUOTED_NAME.finditer(clean)]
    for m in NUMBER.finditer(clean):
        unit = (m.group(3) or "") + (m.group(5) or "")
        end = m.end()
        after = clean[end:]
        if not m.group(5) and not NOT_A_FIGURE_AFTER.match(after):
            extra = open_unit(after)
            if extra:
                unit, end = unit + extra, end + len(extra)
                after = clean[end:]
        if unit.startswith("万/") or unit == "万":
            continue
        if not unit or NOT_A_FIGURE_AFTER.match(after) or any(a <= m.start() < b for a, b in quoted):
            continue
        if unit in QUALIFIER_UNITS and (m.group(2) or re.match(r"^(?:及?以[上下]|[一-龥])", after)):
            continue  # 65岁以上老年人, 60-79岁人群: who, not how much
        if unit in QUALIFIER_UNITS and not re.search(r"寿命|平均", clean[max(0, m.start() - 12) : m.start()]):
            continue  # 年龄48岁, 王某今年62岁: a person's age in a story; life expectancy is a figure
        if re.match(r"^[-—－~～至]\s*\d", after):
            continue
        if unit in NARRATIVE_UNITS and re.match(r"^[一-龥]", after):
            continue  # 4位发布人: the people of the story
        if unit in ("个月", "天", "周", "小时") and clean[max(0, m.start() - 1) : m.start()] == "前":
            continue  # 今年前3个月的单据: a period named, not a figure
        hint = ">=" if (m.group(4) or m.group(6) or m.group(2)) else ""
        value = number_value(m.group(1))
        if value is None:
            continue
        tail = re.match(r"^(余|多)?(及以上|以上|以下|以内)", after)
        if tail:
            hint = ">=" if tail.group(2).endswith("上") or tail.group(1) else "<="
            end += len(tail.group(0))
        elif re.match(r"^[余多]", after):
            hint, end = ">=", end + 1
        found.append((m.start(), end, value, unit.replace("％", "%"), hint))
    for m in CHINESE_NUMBER.finditer(clean):
        if m.group(1) == "一":
            continue  # 一名患者, 一位大娘: an indefinite article
        if m.group(2) in NARRATIVE_UNITS and re.match(r"^[一-龥]", clean[m.end() :]):
            continue
        value = number_value(m.group(1))
        if value is not None and not any(a <= m.start() < b for a, b in quoted):
            found.append((m.start(), m.end(), value, m.group(2), ""))
    for m in RANK.finditer(clean):
        number = m.group(1) or m.group(3) or m.group(5)
        unit = m.group(2) or m.group(4) or "名"
        value = number_value(number) if number else None
        if value is not None:
            start = m.start() if not m.group(5) else m.end() - len(number) - 1
            found.append((start, m.end(), value, unit, "="))
    for m in ZERO.finditer(clean):
        found.append((m.start(), m.end(), 0.0, "例", "="))
    for m in TENTHS.finditer(clean):
        value = number_value(m.group(1))
        if value is not None and not any(a <= m.start() < b for a, b in quoted):
            found.append((m.start(), m.end(), value * 10, "%", ">=" if m.group(2) in ("以上", "多") else "="))
    for m in FRACTION.finditer(clean):
        whole, part = number_value(m.group(1)), number_value(m.group(2))
        if whole and part is not None and not any(a <= m.start() < b for a, b in quoted):
            found.append((m.start(), m.end(), round(100 * part / whole, 1), "%", "="))
    for m in FULL_COVERAGE.finditer(clean):
        if not any(a <= m.start() < b for a, b in quoted) and not re.search(r"\d[%％]$", clean[: m.start()]):
            found.append((m.start(), m.end(), 100.0, "%", "="))
    found.sort()
    return [f for i, f in enumerate(found) if not any(o[0] <= f[0] < o[1] and o != f for o in found[:i])]
