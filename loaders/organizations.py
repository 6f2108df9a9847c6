"""Hospitals and organizations named in a sentence, with short forms expanded.

A name is found by its ending (医院, 卫生院, 卫健委, 疾控中心…) and extends left over name
characters until a boundary: punctuation, a function word or a verb of the sentence. Short
forms that start with a level word (省/市/区/县) are completed with the document's own region
of that level (省人民医院 in a Hunan report is 湖南省人民医院); the short form stays an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.lexicon import longest_first, word_pairs, words
from loaders.regions import Division, RegionMention, RegionResolver, division_index

HOSPITAL_SUFFIXES = words(
    "社区卫生服务中心 妇幼保健计划生育服务中心 妇幼保健院 妇保院 中医院 卫生院 保健院 医院 总院"
)
# A group a sentence says is being formed is one body even without a place or proper name
# (组建医疗健康总院); the group words stay generic elsewhere.
GROUP_SUFFIXES = words("总院 医疗集团 医共体 医联体")
FORMING_VERBS = words("组建 成立 挂牌成立 挂牌 牵头组建 组建了 成立了")
ORGANIZATION_SUFFIXES = word_pairs(
    "卫生厅:卫生行政部门 卫生局:卫生行政部门 卫生计生委:卫生健康行政部门 卫生健康委员会:卫生健康行政部门 "
    "卫生健康委:卫生健康行政部门 卫健委:卫生健康行政部门 卫生健康局:卫生健康行政部门 "
    "卫健局:卫生健康行政部门 疾病预防控制中心:疾病预防控制中心 疾控中心:疾病预防控制中心 "
    "疾病预防控制局:疾病预防控制局 医疗保障局:医疗保障部门 医保局:医疗保障部门 "
    "中医药管理局:中医药管理部门 科学技术厅:政府部门 科技厅:政府部门 科技局:政府部门 财政厅:政府部门 "
    "财政局:政府部门 发展改革委:政府部门 发改委:政府部门 民政厅:政府部门 民政局:政府部门 教育厅:政府部门 "
    "教育局:政府部门 人社厅:政府部门 人社局:政府部门 人力资源和社会保障厅:政府部门 "
    "人力资源和社会保障局:政府部门 市场监管局:政府部门 市场监督管理局:政府部门 药监局:政府部门 "
    "药品监督管理局:政府部门 人民政府:人民政府 医科大学:高等院校 中医药大学:高等院校 大学:高等院校 "
    "医学院:高等院校 医学科学院:科研机构 科学院:科研机构 有限公司:企业 公司:企业 血防站:专业公共卫生机构 "
    "急救中心:专业公共卫生机构 血液中心:专业公共卫生机构 卫生监督所:专业公共卫生机构 "
    "计划生育协会:社会团体 红十字会:社会团体 医疗集团:医疗集团 医共体:医共体 协会:社会团体 学会:社会团体 "
    "总会:社会团体 指导委员会:议事协调机构 纪念馆:纪念馆 展览馆:展览馆 博物馆:博物馆 "
    "重点实验室:重点实验室"
)
# Canonical long forms, so 省卫健委 and 湖南省卫生健康委员会 are one node.
CANONICAL_SUFFIX = word_pairs(
    "卫生健康委:卫生健康委员会 卫健委:卫生健康委员会 疾控中心:疾病预防控制中心 医保局:医疗保障局 "
    "科技厅:科学技术厅 妇保院:妇幼保健院 卫健局:卫生健康局 中医院:中医医院"
)
PARTY_COMMITTEES = {"省委": "省", "市委": "市", "区委": "区", "县委": "县", "州委": "州"}
GOVERNMENT_SHORT = {
    "省政府": "省",
    "市政府": "市",
    "区政府": "区",
    "县政府": "县",
    "省府": "省",
    "州政府": "州",
}
NATIONAL_BODIES = word_pairs(
    "国务院:中央政府 国家卫生健康委:国家卫生健康行政部门 国家卫健委:国家卫生健康行政部门 "
    "国家医保局:国家医疗保障部门 国家中医药管理局:国家中医药管理部门 国家疾控局:国家疾病预防控制部门 "
    "国家中医药局:国家中医药管理部门 国家药监局:国家药品监督管理部门 国家发展改革委:国家发展改革部门 "
    "财政部:国家财政部门 教育部:国家教育部门 民政部:国家民政部门 "
    "人力资源社会保障部:国家人力资源社会保障部门 中国疾控中心:国家疾病预防控制中心 "
    "卫生部:国家卫生行政部门"
)
NATIONAL_CANONICAL = {"国家卫健委": "国家卫生健康委员会", "国家卫生健康委": "国家卫生健康委员会"}

TOWN_BODY_SUFFIXES = words("卫生院 社区卫生服务中心")
TOWN_LED = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:街道|镇|乡)(?:中心)?(?:卫生院|社区卫生服务中心)$")
NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# Words that end a name on its left: function words and the verbs reports put before a body.
# Single characters that never occur inside a name end it wherever they stand.
ALWAYS_BOUNDARY_CHARS = frozenset("与以在为的了等把将被让使及或暨之其对")
LEFT_BOUNDARY_WORDS = longest_first(
    "时任 原任 前任 曾任 和 同 由 从 获 至 到 是 有 无 各 全 经 向 所有 其他 其中 以上 以下 以内 "
    "辖区 区域内 全国 全省 全市 同类 建设 推进 加强 支持 确保 打造 依托 促成 组建 开展 实施 推动 "
    "落实 深化 成立 组织 获评 获得 加快 创建 争创 引进 入驻 共建 推广 托管 帮扶 支援 联合 签订 "
    "举办 承办 发挥 探索 鼓励 引导 提升 建立 完善 启动 设立 新建 改建 扩建 迁建 参与 委托 协调 "
    "做好 做强 建强 申报 遴选 通过 联动 协同 成为 包括 覆盖 进入 位列 开工 运行 投用 建成 挂牌 "
    "牵头 带动 辐射 指导 高水平 重点 积极 全力 持续 扎实 深入 大力 全面 加大 进一步 优化 培育 "
    "新增 部分 一批 首批 多家 中央"
)
# Hospital names that name a kind, not one hospital.
# Words naming a kind of body: still a kind with a place before it (某省公立医院 = all of them).
KIND_WORDS = frozenset(
    words(
        "医院 公立医院 综合性医院 中西医结合医院 民营医院 社区医院 护理院 乡镇卫生院 中心卫生院 "
        "研究型医院 互联网医院 智慧医院 平安医院 示范医院 友好医院 同类医院 定点医院 三甲医院 三级医院 "
        "二级医院 一级医院 县级医院 市级医院 省级医院 城市医院 龙头医院 牵头医院 基层医院 分院 附属医院 "
        "新医院 大学 医学院 公司 有限公司 医疗集团 医共体 城市医疗集团 县域医共体 紧密型医共体 "
        "紧密型城市医疗集团 紧密型县域医共体 科学院 县级疾控中心 医科大学 中医药大学 中医馆 各级医院 "
        "卫生院 社区卫生服务中心 高水平医院 医疗机构 协会 学会 总会 重点实验室 紧密型医疗集团 紧密型医联体 "
        "城市医联体 县域医联体 专科联盟 紧密型专科联盟 医联体"
    )
)
COUNT_IN_NAME = re.compile(
    r"[\d一二三四五六七八九十]+[所家个座]|类医院|^第[一二三四五六七八九十\d]+(?:周期|批|轮|届)"
)
PROPER_MARKS = re.compile(
    r"大学|学院|科学院|研究院|研究所|第[一二三四五六七八九十\d]+(?:人民|附属|医院|中心)"
)
PROPER_TAGS = ("nr", "ns", "nt", "nz", "nrt", "nrfg")
# Cores that name one body once a place is known (the 人民医院 of the county a sentence is about),
# and nothing without one.
PLACE_DEPENDENT_CORES = frozenset(
    words(
        "人民医院 中医院 中医医院 妇幼保健院 中心医院 疾控中心 疾病预防控制中心 妇保院 人民政府 专科医院 "
        "康复医院 老年医院 综合医院 急救中心 血液中心 卫生监督所 血防站 妇幼保健计划生育服务中心 "
        "精神病医院 传染病医院 肿瘤医院 儿童医院 总医院 卫生健康委员会 卫生健康委 卫健委 医保局 "
        "医疗保障局 科技局 财政局 科技厅 科学技术厅 中医药管理局 疾病预防控制局 卫生健康局 卫健局"
    )
    + words("卫生厅 卫生局 卫生计生委")
    + words(
        "发展改革委 发改委 民政厅 民政局 教育厅 教育局 人社厅 人社局 人力资源和社会保障厅 "
        "人力资源和社会保障局 市场监管局 市场监督管理局 药监局 药品监督管理局 财政厅"
    )
)
GENERIC_CORES = KIND_WORDS | PLACE_DEPENDENT_CORES
GENERIC_PREFIXES = words(
    "二级 三级 一级 县级 市级 省级 区级 乡级 村级 各级 各类 公立 民营 非公立 社会办 基层 城市 县域 城乡 "
    "高水平 优质 紧密型 示范性 新型 全国 国家级 国家 国内 顶级 现代 智慧 数字 标准化 区域内 省属 市属 "
    "区属 县属 每个 每所 用好 按照 依照 通过 推动 辖区 乡镇 村 同类 其他 所有 上述 该 本 我"
)
RELATIVE_PREFIX = re.compile(r"^(省|市|区|县|州)(?![级域属内外场部委民长县区乡])")
UNIVERSITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:医科大学|中医药大学|大学|医学院)")
# 首都医科大学附属…医院, 四川大学华西医院: a university's hospital, whose name the university opens.
# The school's own name must stand before its kind (广西医科大学: 广西 is no place before it).
AFFILIATED = re.compile(
    r"^(?P<own>[\u4e00-\u9fff]{2,8}?)(?:医科|中医药|中医|药科|科技|医药)?(?:大学|医学院)"
    r"(?:(?:第[一二三四五六七八九十]+)?附属)?"
)
SCHOOL_KINDS = ("医科", "中医药", "中医", "药科", "科技", "医药", "医")
# 第一医院, 第二人民医院: one hospital of some place, never a name by itself.
ORDINAL_HOSPITAL = re.compile(r"^第[一二三四五六七八九十\d]+(?:人民|中医)?医院$")
PLURAL_BODY = re.compile(r"^(?:各|每个|诸|全省各|全市各|所有)")
FORMER_BODY = re.compile(r"^(?:原|时任|前任)(?:省|市|区|县|州)")
ORDINAL_ONE = re.compile(r"^(一|二|三|四|五|六|七|八|九)医院$")
MAX_NAME = 26


@dataclass
class OrgMention:
    start: int  # clean offsets in the sentence
    end: int
    surface: str
    name: str
    label: str  # "Hospital" | "Organization"
    kind: str
    region: Division | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return ("hospital:" if self.label == "Hospital" else "org:") + self.name


# Longer than any suffix tested against the text before a position: slicing the whole prefix at
# every step made a long unpunctuated line quadratic.
HEAD_WINDOW = 64


def _suffix_at(clean: str, end: int) -> tuple[str, str, str] | None:
    """(suffix, label, kind) of a name ending at `end`, longest suffix first."""
    head = clean[max(0, end - HEAD_WINDOW) : end]
    for suffix in HOSPITAL_SUFFIXES:
        if head.endswith(suffix):
            return suffix, "Hospital", suffix
    for suffix, kind in sorted(ORGANIZATION_SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if head.endswith(suffix):
            return suffix, "Organization", kind
    return None


def _left_edge(
    clean: str,
    end: int,
    suffix_len: int,
    regions: list[RegionMention],
    token_starts: frozenset[int],
    token_ends: frozenset[int],
    tags_by_end: dict[int, str] | None = None,
) -> int:
    region_ends = {m.end: m.start for m in regions}
    region_starts = {m.start for m in regions}
    tags = tags_by_end or {}
    pos = end - suffix_len
    limit = max(0, end - MAX_NAME)
    while pos > limit:
        if pos in region_ends:
            pos = region_ends[pos]
            continue
        # 据省卫生健康委…, 加入某市中心医院, 访某市卫健委: a verb or preposition before a place or a
        # level word (省/市/区/县) ends the name.
        opens_place = pos in region_starts or RELATIVE_PREFIX.match(clean[pos:end])
        if tags.get(pos, "")[:1] in ("p", "v", "d", "c", "u", "r") and (opens_place or tags.get(pos) == "p"):
            break
        ch = clean[pos - 1]
        if not NAME_CHARS.match(ch):
            break
        if ch in ALWAYS_BOUNDARY_CHARS:
            break
        head = clean[max(0, pos - HEAD_WINDOW) : pos]
        if re.search(r"\d[家个所座项年]$", head):
            break
        if head.endswith(("医院", "保健院", "卫生院", "服务中心")) and pos not in region_starts:
            break  # a complete name ends here; only a branch named by place (…医院贵州医院) continues one
        if any(
            head.endswith(w) and pos - len(w) in token_starts and pos in token_ends
            for w in LEFT_BOUNDARY_WORDS
        ):
            break
        pos -= 1
    return pos


# Kinds that stay plural whatever is put before them (强化公立医院, 某地区公立医院).
PLURAL_KINDS = words(
    "公立医院 县级医院 市级医院 省级医院 二级医院 三级医院 一级医院 社区医院 民营医院 互联网医院 "
    "研究型医院 三甲医院 定点医院 示范医院 龙头医院 牵头医院 基层医院 综合性医院 智慧医院 平安医院 "
    "友好医院 同类医院 各级医院 城市医院 乡镇卫生院 中心卫生院 中心镇卫生院 医疗机构 高水平医院"
)


def _ends_with_kind(name: str) -> bool:
    return name.endswith(PLURAL_KINDS)


def _has_proper_part(name: str) -> bool:
    """A name with no place must still name one body: a proper noun, a university, an ordinal."""
    from loaders.lexicon import tokenize

    if PROPER_MARKS.search(name) or "“" in name:
        return True
    return any(t.flag in PROPER_TAGS for t in tokenize(name))


def _is_generic(core: str) -> bool:
    if core in GENERIC_CORES or len(core) <= 3:
        return True
    if core.startswith(GENERIC_PREFIXES):
        return True
    return bool(re.match(r"[\d一二三四五六七八九十百千万]+[余多]?[个家所座]", core))


class OrganizationRecognizer:
    """Finds hospitals and organizations in one sentence's clean text."""

    def __init__(self, resolver: RegionResolver) -> None:
        self.resolver = resolver

    def find(
        self,
        clean: str,
        regions: list[RegionMention],
        token_starts: frozenset[int],
        token_ends: frozenset[int],
        subject: Division | None = None,
        tags_by_end: dict[int, str] | None = None,
    ) -> list[OrgMention]:
        """Bodies of one sentence; `tags_by_end` maps where a jieba word ends to its part of speech."""
        mentions: list[OrgMention] = []
        for national, kind in NATIONAL_BODIES.items():
            for m in re.finditer(re.escape(national), clean):
                name = NATIONAL_CANONICAL.get(national, national)
                mentions.append(
                    OrgMention(
                        m.start(),
                        m.end(),
                        national,
                        name,
                        "Organization",
                        kind,
                        None,
                        [national] if name != national else [],
                    )
                )
        for end in range(1, len(clean) + 1):
            hit = _suffix_at(clean, end)
            if not hit or (end < len(clean) and self._continues(clean, end, hit[0])):
                continue
            suffix, label, kind = hit
            start = _left_edge(clean, end, len(suffix), regions, token_starts, token_ends, tags_by_end)
            place = subject
            previous = mentions[-1] if mentions else None
            if previous and previous.region and previous.end == start - 1 and clean[start - 1] in "、和及与":
                place = previous.region  # 区人民医院、中医院: the second shares the first one's place
            mention = self._build(clean, start, end, suffix, label, kind, regions, place)
            if mention:
                mentions.append(mention)
        for short, level in {**PARTY_COMMITTEES, **GOVERNMENT_SHORT}.items():
            for m in re.finditer(short, clean):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                if m.start() not in token_starts or m.end() not in token_ends:
                    continue
                div = self.resolver.by_level_suffix(level)
                if div is None:
                    continue
                if short in PARTY_COMMITTEES:
                    name, kind = f"中共{div.name}委", "党委"
                else:
                    name, kind = f"{div.name}人民政府", "人民政府"
                mentions.append(
                    OrgMention(m.start(), m.end(), short, name, "Organization", kind, div, [short])
                )
        return _outermost(mentions)

    @staticmethod
    def _continues(clean: str, end: int, suffix: str) -> bool:
        """医院 inside 医院管理 or 大学 inside 大学生 is not the end of a name; a longer name that goes
        on (某某大学附属医院) is kept over the shorter by `_outermost`."""
        nxt = clean[end : end + 2]
        return nxt[:1] == "生" or nxt.startswith(("管理", "感染"))

    def _build(
        self,
        clean: str,
        start: int,
        end: int,
        suffix: str,
        label: str,
        kind: str,
        regions: list[RegionMention],
        subject: Division | None,
    ) -> OrgMention | None:
        surface = clean[start:end]
        if len(surface) > MAX_NAME:
            return None
        if FORMER_BODY.match(surface):
            return None  # 原县卫生局: a body that no longer exists under that name
        if PLURAL_BODY.match(surface) and not any(m.start == start for m in regions):
            return None  # 各县区卫生健康局, 全省各级医院: many bodies (诸城市…, 各 opening a place, is one)
        if len(surface) <= len(suffix) and not (subject and surface in PLACE_DEPENDENT_CORES):
            return None
        name, region, aliases = self._resolve(surface, start, end, regions, subject)
        if name is None:
            return None
        core = name
        if region and name.startswith(region.name):
            core = name[len(region.name) :]
        formed = (
            clean[:start].endswith(FORMING_VERBS)
            and name.endswith(GROUP_SUFFIXES)
            and len(name) >= 4
            and name not in KIND_WORDS
        )
        # 某某镇卫生院, 某某街道社区卫生服务中心: named by its town, placed under the county later
        town_led = suffix in TOWN_BODY_SUFFIXES and bool(TOWN_LED.match(surface))
        if (
            region is None
            and not formed
            and not town_led
            and (_is_generic(surface) or not _has_proper_part(name))
        ):
            return None
        if COUNT_IN_NAME.search(surface) or _ends_with_kind(name):
            return None
        # 晋江市医院, 某某县医院: a place written out in full before 医院 names its one hospital;
        # 县医院 alone, or after a province, stays the kind.
        own_hospital = (
            core == "医院" and surface == name and region is not None and region.level in ("county", "city")
        )
        if (
            region is not None
            and not own_hospital
            and (core in KIND_WORDS or len(core) < 2 or core.startswith(GENERIC_PREFIXES))
        ):
            return None
        if formed and region is None:
            # Formed here, so located here; the place joins the name so that every county's
            # 健康总院 stays its own node.
            region = subject or self.resolver.own_division()
            if region is None:
                return None
            aliases.append(name)
            name = region.name + name
        for long_suffix, canonical in CANONICAL_SUFFIX.items():
            if name.endswith(long_suffix) and not name.endswith(canonical):
                aliases.append(name)
                name = name[: -len(long_suffix)] + canonical
                break
        if surface != name and surface not in aliases:
            aliases.append(surface)
        return OrgMention(start, end, surface, name, label, kind, region, aliases)

    def _resolve(
        self, surface: str, start: int, end: int, regions: list[RegionMention], subject: Division | None
    ) -> tuple[str | None, Division | None, list[str]]:
        leading = next((m for m in regions if m.start == start and m.end < end), None)
        if leading:
            # 某市某县总医院: the last of the places that open the name is where it is.
            chain = [leading]
            while nxt := next((m for m in regions if m.start == chain[-1].end and m.end < end), None):
                chain.append(nxt)
            for k, place in enumerate(chain):
                rest = surface[place.end - start :]
                school = AFFILIATED.match(rest)
                own = school.group("own") if school else ""
                if own and own not in SCHOOL_KINDS and rest.endswith(tuple(HOSPITAL_SUFFIXES)):
                    # 北京市首都医科大学附属北京朝阳医院: the place locates the hospital, the
                    # university opens its name (江西省南昌大学…: 南昌 is the university's).
                    div = self.resolver.resolve(place.candidates)
                    if div is None:
                        return None, None, []
                    university = self._university_place(rest)
                    return rest, university if k == 0 and university else div, [surface]
            div = self.resolver.resolve(chain[-1].candidates)
            return (surface, div, []) if div else (None, None, [])
        relative = RELATIVE_PREFIX.match(surface)
        if relative:
            div = self.resolver.by_level_suffix(relative.group(1))
            if div is None:
                return None, None, []
            rest = surface[1:]
            ordinal = ORDINAL_ONE.match(rest)
            if ordinal:
                rest = f"第{ordinal.group(1)}医院"
            if rest.startswith("直"):
                return (
                    div.name.removesuffix("省") + "省" + rest if div.level == "province" else None,
                    div,
                    [surface],
                )
            return div.name + rest, div, [surface]
        if surface in PLACE_DEPENDENT_CORES or ORDINAL_HOSPITAL.match(surface):
            if subject is None:
                return None, None, []
            return subject.name + surface, subject, [surface]
        inner = next((m for m in regions if start <= m.start and m.end <= end), None)
        div = self.resolver.resolve(inner.candidates) if inner else None
        return surface, div or self._university_place(surface), []

    def _university_place(self, surface: str) -> Division | None:
        """厦门大学附属第一医院: a university named after a place is in that place."""
        school = UNIVERSITY.match(surface)
        if not school:
            return None
        candidates = division_index().candidates(school.group(1))
        return self.resolver.resolve(candidates) if candidates else None


def short_forms_of_affiliated(mentions: list[OrgMention], known: list[str]) -> list[OrgMention]:
    """首都医科大学附属北京朝阳医院 … 北京朝阳医院: a hospital whose whole name ends exactly one
    university-affiliated hospital the document named before is that hospital, by its short name.
    `known` gathers the document's affiliated names as sentences are read."""
    for m in mentions:
        if m.label != "Hospital":
            continue
        longer = [
            name
            for name in known
            if name != m.name and name.endswith(m.name) and _is_affiliation(name[: -len(m.name)])
        ]
        if len(longer) == 1 and len(m.name) >= 4:
            if m.name not in m.aliases:
                m.aliases.append(m.name)
            m.name = longer[0]
        elif AFFILIATED.match(m.name) and m.name not in known:
            known.append(m.name)
    return mentions


def _is_affiliation(prefix: str) -> bool:
    school = AFFILIATED.fullmatch(prefix)
    return bool(school) and school.group("own") not in SCHOOL_KINDS


def _outermost(mentions: list[OrgMention]) -> list[OrgMention]:
    """Drop a mention lying inside a longer one (某某大学 inside 某某大学附属医院)."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[OrgMention] = []
    for m in mentions:
        if any(
            o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in mentions
        ):
            continue
        if any(o.start == m.start and o.end == m.end for o in out):
            continue
        out.append(m)
    return out


def parent_hospital_pairs(mentions: list[OrgMention], clean: str) -> list[tuple[str, str]]:
    """(branch, parent) for names like 某某大学附属医院贵州医院: the part up to the inner 医院 is
    the hospital that runs the branch (the 输出医院 of a 国家区域医疗中心)."""
    pairs: list[tuple[str, str]] = []
    for m in mentions:
        if m.label != "Hospital":
            continue
        inner = m.surface.find("医院")
        if 0 < inner < len(m.surface) - 2 and m.surface.endswith("医院"):
            parent = m.surface[: inner + 2]
            if not _is_generic(parent):
                pairs.append((m.name, parent))
    return pairs
