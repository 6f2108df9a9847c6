"""Officials: a person's name with the title and body they hold it in.

Names come from two patterns: a title pattern (某市卫生健康委党组书记、主任 张某某: body, titles
joined by 、, then the name) and a speech pattern (会上，李某某表示). A name must start with a
Chinese family name; reporters, editors and national leaders quoted as authorities are left out.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import longest_first, words

TITLES = longest_first(
    "党组书记 党委书记 党工委书记 书记 副书记 主任 副主任 常务副主任 局长 副局长 厅长 副厅长 院长 "
    "副院长 省长 副省长 市长 副市长 区长 副区长 县长 副县长 部长 副部长 巡视员 一级巡视员 "
    "二级巡视员 总经济师 总会计师 总工程师 秘书长 副秘书长 处长 副处长 主席 副主席 理事长 会长 "
    "所长 站长 党组成员 党委委员 主任委员 董事长 总经理 总裁 委员 "
    # Beyond government posts: hospitals, schools, villages, associations, spokespeople.
    "党委副书记 党组副书记 新闻发言人 发言人 主任医师 副主任医师 主治医师 医生 医师 村医 乡村医生 "
    "护士长 校长 副校长 园长 负责人 工作人员 副会长 科长 副科长"
)
SPEECH_VERBS = words("表示 指出 强调 介绍 说 认为 要求 提出 透露 坦言 谈到 总结")
REPORTER_WORDS = words("记者 通讯员 编辑 责编 作者 摄影 撰稿 来源 实习生 主播 文/ 图/")
# People a report quotes as authorities, not as officials of a health body.
NATIONAL_LEADERS = frozenset(words("习近平 毛泽东 邓小平 江泽民 胡锦涛 周恩来 孙中山 李强 李克强"))
# A title may carry a note in brackets: 副处长（主持工作）、新闻发言人.
TITLE_RUN = re.compile("(?:(?:" + "|".join(TITLES) + r")(?:[（(][^（()）]{1,6}[)）])?[、，,和及兼]?)+")
NAME_END = re.compile(
    r"^(?:$|[，,。；;：:（(）)、\s]|"
    + "|".join(SPEECH_VERBS)
    + "|在|到|一行|同志|等|出席|主持|讲话|作|参加|调研|带队)"
)
# Titles held in a government or party body of a place, not in a named department.
REGIONAL_TITLES = words("省长 副省长 市长 副市长 区长 副区长 县长 副县长")


@dataclass(frozen=True)
class OfficialMention:
    start: int  # clean offsets of the name
    end: int
    name: str
    title: str | None
    org_end: int | None  # clean offset where the body's name ends, when a title pattern gave one


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    raw = (importlib.resources.files("loaders") / "data" / "surnames.txt").read_text(encoding="utf-8")
    words = [w for line in raw.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def _name_at(clean: str, pos: int) -> str | None:
    single, double = surnames()
    for size in (3, 2, 4):
        if size == 3 and clean.startswith(SPEECH_VERBS, pos + 2):
            continue  # 刘松说: a two-character name and the verb, not a name 刘松说
        name = clean[pos : pos + size]
        if len(name) != size or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue
        family_ok = name[:2] in double if size == 4 else (name[0] in single or name[:2] in double)
        if family_ok and NAME_END.match(clean[pos + size :]) and name not in NATIONAL_LEADERS:
            return name
    return None


FUNCTION_TAGS = ("u", "p", "c", "d", "r", "v")


def _is_function_word(name: str) -> bool:
    """A two-character 'name' that the tagger reads as one function word or verb (来说, 表示)."""
    from loaders.lexicon import tokenize

    tokens = tokenize(name)
    return len(name) == 2 and len(tokens) == 1 and tokens[0].flag.startswith(FUNCTION_TAGS)


def _tagged_name_at(pos: int, speaker_tokens: list[tuple[int, int, str]]) -> str | None:
    single, double = surnames()
    for start, _, word in speaker_tokens:
        if start == pos and 2 <= len(word) <= 3 and (word[0] in single or word[:2] in double):
            return word if word not in NATIONAL_LEADERS else None
    return None


# Titles held before (时任省卫生厅厅长…): the person is not an official of that body now.
FORMER_MARKS = words("时任 原 前任 曾任 历任 已故")


def _is_former(clean: str, pos: int) -> bool:
    window = clean[max(0, pos - 12) : pos]
    return any(mark in window for mark in FORMER_MARKS)


def _is_byline(clean: str, pos: int) -> bool:
    return any(word in clean[max(0, pos - 6) : pos] for word in REPORTER_WORDS)


MEETING_BEFORE = re.compile(r"(?:会上|会议上|讲话中)[，,]?$")


def find_officials(
    clean: str, speaker_tokens: list[tuple[int, int, str]], known: frozenset[str] = frozenset()
) -> list[OfficialMention]:
    """Officials in one sentence; `speaker_tokens` are (start, end, word) of jieba person names.
    A name that speaks without a title (某某说) is an official only at a meeting (会上，某某表示)
    or when the document named it with a title before (`known`): otherwise it is a patient, a
    villager, a passer-by quoted in a feature."""
    out: list[OfficialMention] = []
    taken: set[int] = set()
    for m in TITLE_RUN.finditer(clean):
        titles = m.group(0).rstrip("、，,和及兼")
        name_pos = m.start() + len(titles)
        # Right after a post, a person name the tagger found may be followed by any word
        # (村医李某某二话没说, 医生李某某驻点后).
        name = _name_at(clean, name_pos) or _tagged_name_at(name_pos, speaker_tokens)
        if name and _is_function_word(name):
            continue  # 对医生来说: 来说 is a particle, not a person named 来说
        if not name or _is_byline(clean, m.start()) or _is_former(clean, m.start()):
            continue
        out.append(OfficialMention(name_pos, name_pos + len(name), name, titles, m.start()))
        taken.add(name_pos)
    for start, end, word in speaker_tokens:
        if start in taken or word in NATIONAL_LEADERS or _is_byline(clean, start):
            continue
        if not clean.startswith(SPEECH_VERBS, end):
            continue
        if word not in known and not MEETING_BEFORE.search(clean[:start]):
            continue
        if start > 0 and clean[start - 1] not in '，,。：:、；;上”"':
            continue
        single, double = surnames()
        if (word[0] in single or word[:2] in double) and 2 <= len(word) <= 4:
            out.append(OfficialMention(start, end, word, None, None))
    return out
