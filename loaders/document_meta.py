"""What a document says about itself: title, date, year and its own region.

The own region is what relative mentions (全省, 我市, 全区…) and unattributed commitments
refer to. It is read from the places named in the text, weighted towards the opening lines,
at the administrative level that the relative mentions use.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.regions import Division, division_index

FULL_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR_MONTH = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*年(?![度代]?[\d—\-－])")
SECTION_LABELS = ("编者按", "导读", "摘要", "核心提示", "来源")
TITLE_MAX = 60
HEADLINE_MAX = 40  # a first line this short is a headline, not the opening sentence
OPENING_CHARS = 400
OPENING_WEIGHT = 3
MIN_OWN_MENTIONS = 3
RELATIVE_LEVEL_WORDS = {
    "省": ("全省", "我省", "本省", "省委", "省政府"),
    "市": ("全市", "我市", "本市", "市委", "市政府"),
    "区": ("全区", "我区", "本区", "区委", "区政府"),
    "县": ("全县", "我县", "本县", "县委", "县政府"),
    "州": ("全州", "我州", "本州", "州委", "州政府"),  # an autonomous prefecture speaking of itself
}
LEVEL_ORDER = ("县", "区", "州", "市", "省")
DISTRIBUTIVE = "(?:根据|结合|按照|立足)"  # most specific first


def title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if not line or line in SECTION_LABELS:
            continue
        if len(line) <= TITLE_MAX:
            return line
        cut = re.search(r"[。！？!?；;]", line)
        return line[: cut.end()] if cut and cut.end() <= TITLE_MAX else line[:TITLE_MAX]
    return ""


def year_of(text: str) -> int | None:
    """The year the document is about: the one in its title, the year beside its date, else the
    most mentioned one."""
    title = title_of(text)
    is_headline = len(title) <= HEADLINE_MAX and any(line.strip() == title for line in text.splitlines()[:8])
    titled = YEAR.search(title) if is_headline else None
    if titled:
        return int(titled.group(1))
    opening = text[:OPENING_CHARS]
    full = FULL_DATE.search(opening)
    if full:
        return int(full.group(1))
    month_day = MONTH_DAY.search(opening)
    if month_day:
        after = YEAR.search(opening, month_day.end(), month_day.end() + 20)
        if after:
            return int(after.group(1))
    counts = Counter(int(m.group(1)) for m in YEAR.finditer(text))
    if not counts:
        return None
    top = max(counts.values())
    return max(y for y, c in counts.items() if c == top)


def date_of(text: str, year: int | None) -> str | None:
    opening = text[:OPENING_CHARS]
    full = FULL_DATE.search(opening)
    if full:
        return f"{int(full.group(1)):04d}-{int(full.group(2)):02d}-{int(full.group(3)):02d}"
    month_day = MONTH_DAY.search(opening)
    if month_day and year:
        month, day = int(month_day.group(1)), int(month_day.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    year_month = YEAR_MONTH.search(opening)
    if year_month and 1 <= int(year_month.group(2)) <= 12:
        return f"{int(year_month.group(1)):04d}-{int(year_month.group(2)):02d}"
    return str(year) if year else None


def relative_level(text: str) -> str | None:
    """The level the text speaks of as its own: the most frequent of 全省/全市/全区/全县…, or a
    more specific one said at least half as often (我区 over 全市 over 全省)."""
    # 根据本区、本镇街实际情况 (each addressee's own) names no level of the document's.
    counts = {
        level: sum(text.count(w) - len(re.findall(DISTRIBUTIVE + w, text)) for w in words)
        for level, words in RELATIVE_LEVEL_WORDS.items()
    }
    counts["州"] -= text.count("全州县")  # 全州县 is a county of Guangxi
    top = max(counts.values())
    if not top:
        return None
    # A stray 县政府 or quoted 全县 in a provincial report does not make it a county's: a more
    # specific level wins only when it is said about as often as the most frequent one.
    for level in LEVEL_ORDER:
        if counts[level] == top or (counts[level] >= 2 and 2 * counts[level] >= top):
            return level
    return None


def _fits_level(div: Division, level: str | None) -> bool:
    if level is None:
        return True
    if level == "省":
        return div.level == "province"
    if level == "市":
        return div.level == "city" or (div.level in ("province", "county") and div.name.endswith("市"))
    if level == "州":
        return div.level == "city" and div.name.endswith("州")
    return div.level == "county" and div.name.endswith(level)


def own_region(mention_counts: Counter[str], opening_counts: Counter[str], text: str) -> Division | None:
    """Choose the document's own division from weighted mention counts of division codes."""
    index = division_index()
    scores: Counter[str] = Counter()
    for code, count in mention_counts.items():
        scores[code] += count
    for code, count in opening_counts.items():
        scores[code] += OPENING_WEIGHT * count
    # A mention of a county also speaks for its city and province (a district speaks for its city).
    inherited: Counter[str] = Counter()
    for code, score in scores.items():
        for ancestor in index.chain(code)[1:]:
            inherited[ancestor.code] += score
    level = relative_level(text)
    # Ancestors compete too: a provincial plan may name only its cities (贵阳市、遵义市 → 贵州省).
    ranked = sorted(set(scores) | set(inherited), key=lambda c: (-(scores[c] + inherited[c] / 2), c))
    if level is None and ranked and not _dominant(ranked, scores, inherited, opening_counts):
        return None  # a national text naming places in passing has no region of its own
    for code in ranked:
        div = index.by_code[code]
        if _fits_level(div, level):
            return div
    # No named place at the level the text speaks of (a county named only as 我县): the best
    # named place still anchors 全市/全省 and short forms.
    return index.by_code[ranked[0]] if ranked else None


def _dominant(
    ranked: list[str], scores: Counter[str], inherited: Counter[str], opening: Counter[str]
) -> bool:
    """Without 全省/我市…, a place is the document's own only if its opening names it or it
    clearly leads the places named."""
    top = ranked[0]
    if opening[top]:
        return True
    first = scores[top] + inherited[top] / 2
    second = scores[ranked[1]] + inherited[ranked[1]] / 2 if len(ranked) > 1 else 0
    return first >= MIN_OWN_MENTIONS and first >= 2 * second
