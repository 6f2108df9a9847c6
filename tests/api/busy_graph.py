"""Many small generated reports that all cite one province: a graph with one very busy entity.

Report i says hospital i lies in 江西省 (LOCATED_IN, a new edge each time), implements the one
shared program (IMPLEMENTS), repeats that 南昌市 is part of 江西省 (PART_OF, one edge whose quotes
grow with every report), and gives the province's family-doctor coverage (a Target, SETS_TARGET).
The province ends with more edges than the API's hub threshold.
"""

from __future__ import annotations

import hashlib

from loaders.models import (
    Document,
    DocumentExtraction,
    Edge,
    Evidence,
    Hospital,
    Program,
    Region,
    Target,
)

PROVINCE = "region:360000"
CITY = "region:360100"
PROGRAM = "program:基层医疗卫生服务能力提升行动"
METRIC = "家庭医生签约服务覆盖率"
REPORTS = 260  # more than api.neighborhood.HUB_EDGES (250) edges on the province


def busy_file(i: int) -> str:
    return f"busy_{i:04d}.txt"


def hospital_id(i: int) -> str:
    return f"hospital:江西省第{i}人民医院"


def busy_report(i: int) -> DocumentExtraction:
    file, hospital = busy_file(i), f"江西省第{i}人民医院"
    located = f"{hospital}位于江西省，是全省基层医疗卫生服务能力提升行动的第{i}家牵头医院。"
    implements = f"{hospital}实施基层医疗卫生服务能力提升行动，家庭医生团队覆盖全部乡镇卫生院。"
    part_of = "南昌市是江西省省会，江西省下辖南昌市等十一个设区市，家庭医生签约服务持续推进。"
    reached = f"第{i}号简报统计，江西省家庭医生签约服务覆盖率为{40 + i % 50}%。"
    text = f"第{i}号基层卫生健康工作简报\n{located}{implements}{part_of}{reached}\n"

    def ev(quote: str) -> list[Evidence]:
        start = text.index(quote)
        return [Evidence.from_text(file, text, start, start + len(quote))]

    nodes = [
        Region(id=PROVINCE, name="江西省", level="province", evidence=ev("江西省")),
        Region(id=CITY, name="南昌市", level="city", evidence=ev("南昌市")),
        Hospital(id=hospital_id(i), name=hospital, evidence=ev(hospital)),
        Target(
            id=f"target:busy-{i}",
            name=METRIC,
            metric=METRIC,
            value=40 + i % 50,
            unit="%",
            comparator="=",
            year=2000 + i % 25,
            kind="achieved",
            evidence=ev(reached),
        ),
        Program(id=PROGRAM, name="基层医疗卫生服务能力提升行动", evidence=ev("基层医疗卫生服务能力提升行动")),
    ]
    edges = [
        Edge(type="LOCATED_IN", source=hospital_id(i), target=PROVINCE, evidence=ev(located)),
        Edge(type="IMPLEMENTS", source=hospital_id(i), target=PROGRAM, evidence=ev(implements)),
        Edge(type="PART_OF", source=CITY, target=PROVINCE, evidence=ev(part_of)),
        Edge(type="SETS_TARGET", source=PROVINCE, target=f"target:busy-{i}", evidence=ev(reached)),
    ]
    title = f"第{i}号基层卫生健康工作简报"
    document = Document(
        id=f"doc:{file}", name=title, file=file, title=title, date="2024", year=2024,
        sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text),
    )  # fmt: skip
    return DocumentExtraction(document=document, text=text, nodes=nodes, edges=edges)
