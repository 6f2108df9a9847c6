"""Government departments named by their short form in a list (卫健、人社、教育等部门; 发改、财政部门).

A list of short forms that ends in 部门 names the departments of the place the sentence speaks
for; each becomes that place's body under its full name (in a province 教育 is the 教育厅, in a
city or county the 教育局), the same node the full name would give. A short form that is not
in such a list (教育 as a word, 教育部门 after 各级) names nothing.
"""

from __future__ import annotations

import re

from loaders.organizations import OrgMention
from loaders.regions import Division

# short form: provincial name / name below the province
SHORT_FORMS = {
    "卫健": ("卫生健康委员会", "卫生健康委员会"),
    "卫生健康": ("卫生健康委员会", "卫生健康委员会"),
    "教育": ("教育厅", "教育局"),
    "人社": ("人力资源和社会保障厅", "人力资源和社会保障局"),
    "财政": ("财政厅", "财政局"),
    "民政": ("民政厅", "民政局"),
    "发改": ("发展和改革委员会", "发展和改革委员会"),
    "医保": ("医疗保障局", "医疗保障局"),
    "公安": ("公安厅", "公安局"),
    "住建": ("住房和城乡建设厅", "住房和城乡建设局"),
    "市场监管": ("市场监督管理局", "市场监督管理局"),
    "生态环境": ("生态环境厅", "生态环境局"),
    "农业农村": ("农业农村厅", "农业农村局"),
    "体育": ("体育局", "体育局"),
}
_ALTERNATIVES = "|".join(sorted(SHORT_FORMS, key=len, reverse=True))
DEPARTMENT_LIST = re.compile(
    rf"(?P<list>(?:{_ALTERNATIVES})(?:[、和及](?:{_ALTERNATIVES}))*)等?(?:有关|相关|职能)?部门"
)
SHORT_FORM = re.compile(_ALTERNATIVES)
# 各级教育部门, 其他卫健部门: departments of many places, not of this one.
MANY_BEFORE = re.compile(r"(?:各|各级|其他|有关|相关|上级|国家)$")


def find_departments(clean: str, place: Division | None) -> list[OrgMention]:
    """The departments of `place` a sentence names by short form before 部门."""
    if place is None:
        return []
    out: list[OrgMention] = []
    for m in DEPARTMENT_LIST.finditer(clean):
        before = clean[: m.start()]
        if MANY_BEFORE.search(before) or (
            before and re.match(r"[\u4e00-\u9fff]", before[-1]) and _glued(before)
        ):
            continue
        for short in SHORT_FORM.finditer(m.group("list")):
            provincial, local = SHORT_FORMS[short.group(0)]
            suffix = provincial if place.level == "province" else local
            start = m.start() + short.start()
            out.append(
                OrgMention(
                    start,
                    m.start() + short.end(),
                    short.group(0),
                    place.name + suffix,
                    "Organization",
                    "政府部门",
                    place,
                    [],
                )
            )
    return out


def _glued(before: str) -> bool:
    """The list's first short form continues a word (高等教育部门, 义务教育部门)."""
    return before.endswith(("高等", "义务", "职业", "学前", "继续", "健康", "卫生", "体育"))
