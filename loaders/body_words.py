"""The vocabularies that find hospitals and organizations: name endings with their kind, national
and international bodies, words that end a name on its left, words that name a kind of body rather
than one body. `organizations` reads names with them."""

import re

from loaders.lexicon import longest_first, word_pairs, words

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
    "重点实验室:重点实验室 "
    # Bodies beyond health administrations: committees, offices, alliances, laboratories, schools,
    # party branches, centres of a named field.
    "委员会:议事协调机构 领导小组:议事协调机构 办公室:办事机构 宣传部:党委部门 联盟:社会团体 "
    "实验室:科研机构 小学:学校 中学:学校 学校:学校 幼儿园:学校 职业技术学院:高等院校 党支部:党组织 "
    "党总支:党组织 健康教育中心:事业单位 研究中心:事业单位 指导中心:事业单位 "
    "水利局:政府部门 公安局:政府部门 公安厅:政府部门 城市管理局:政府部门 生态环境局:政府部门 "
    "农业农村局:政府部门 住房和城乡建设局:政府部门 住房城乡建设局:政府部门 商务局:政府部门 "
    "体育局:政府部门 交通运输局:政府部门 应急管理局:政府部门 文化和旅游局:政府部门"
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
    "卫生部:国家卫生行政部门 "
    # International bodies: named by their own name, in no place of China.
    "世界卫生组织:国际组织 联合国儿童基金会:国际组织 联合国人口基金:国际组织 世界银行:国际组织 "
    "联合国艾滋病规划署:国际组织 红十字国际委员会:国际组织 全球疫苗免疫联盟:国际组织"
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
    "新增 部分 一批 首批 多家 中央 代表 担任 邀请 感谢 走进 来到 前往 例如 比如 诸如 包括"
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
        "城市医联体 县域医联体 专科联盟 紧密型专科联盟 医联体 委员会 领导小组 办公室 联盟 实验室 "
        "小学 中学 学校 幼儿园 党支部 党总支 研究中心 指导中心 健康教育中心 中小学 中小学校 "
        "各学校 大中专学校 中心小学 重点实验室 宣传部"
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
