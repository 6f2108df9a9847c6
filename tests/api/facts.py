"""Two short reports written for the tests, with their facts, offsets taken from the text.

Report A (新建区) sets and reports family-doctor coverage, names a hospital partnership and a
program; report B (上海) names an official and repeats A's PART_OF fact, so deleting A must keep
that edge with B's quote.
"""

from __future__ import annotations

import hashlib

from loaders.models import (
    Document,
    DocumentExtraction,
    Edge,
    Evidence,
    Hospital,
    Official,
    Organization,
    Program,
    Region,
    Target,
)

FILE_A = "a_xinjian.txt"
FILE_B = "b_shanghai.txt"
TEXT_A = (
    "2023年新建区卫生健康工作要点\n"
    "到2025年，新建区家庭医生签约服务覆盖率达到60%。"
    "2022年新建区家庭医生签约服务覆盖率为45%。"
    "南昌市第一医院与新建区人民医院开展对口帮扶合作。"
    "新建区人民医院牵头实施紧密型医共体建设。"
    "新建区人民医院远程会诊覆盖率达到100%。"
    "紧密型医共体建设要求县域就诊率达到90%。"
    "新建区是南昌市下辖区。\n"
)
TEXT_B = (
    "上海市卫生健康工作会议纪要\n"
    "上海市卫生健康委员会主任闻大翔出席会议。"
    "新建区是南昌市下辖区。"
    "到2025年，上海市家庭医生签约服务覆盖率达到70%。\n"
)
FAMILY = "家庭医生签约服务覆盖率"


def ev(file: str, text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence.from_text(file, text, start, start + len(quote))


def _document(file: str, text: str, title: str, year: int) -> Document:
    return Document(
        id=f"doc:{file}",
        name=title,
        file=file,
        title=title,
        date=str(year),
        year=year,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        chars=len(text),
    )


def report_a() -> DocumentExtraction:
    f, t = FILE_A, TEXT_A

    def e(quote: str) -> list[Evidence]:
        return [ev(f, t, quote)]

    goal = "到2025年，新建区家庭医生签约服务覆盖率达到60%。"
    achieved = "2022年新建区家庭医生签约服务覆盖率为45%。"
    partner = "南昌市第一医院与新建区人民医院开展对口帮扶合作。"
    program = "新建区人民医院牵头实施紧密型医共体建设。"
    remote = "新建区人民医院远程会诊覆盖率达到100%。"
    program_goal = "紧密型医共体建设要求县域就诊率达到90%。"
    part_of = "新建区是南昌市下辖区。"
    nodes = [
        Region(id="region:360100", name="南昌市", level="city", evidence=e("南昌市")),
        Region(id="region:360112", name="新建区", aliases=["全区"], level="county", evidence=e("新建区")),
        Hospital(id="hospital:南昌市第一医院", name="南昌市第一医院", evidence=e("南昌市第一医院")),
        Hospital(id="hospital:新建区人民医院", name="新建区人民医院", evidence=e("新建区人民医院")),
        Program(id="program:紧密型医共体", name="紧密型医共体建设", evidence=e("紧密型医共体建设")),
        Target(id="target:a-family-2025", name=FAMILY, metric=FAMILY, value=60, unit="%", comparator=">=",
               year=2025, kind="goal", evidence=e(goal)),
        Target(id="target:a-family-2022", name=FAMILY, metric=FAMILY, value=45, unit="%", comparator="=",
               year=2022, kind="achieved", evidence=e(achieved)),
        Target(id="target:a-remote-2025", name="远程会诊覆盖率", metric="远程会诊覆盖率", value=100, unit="%",
               comparator=">=", year=2025, kind="goal", evidence=e(remote)),
        Target(id="target:a-county-2025", name="县域就诊率", metric="县域就诊率", value=90, unit="%",
               comparator=">=", year=2025, kind="goal", evidence=e(program_goal)),
    ]  # fmt: skip
    edges = [
        Edge(type="SETS_TARGET", source="region:360112", target="target:a-family-2025", evidence=e(goal)),
        Edge(type="SETS_TARGET", source="region:360112", target="target:a-family-2022", evidence=e(achieved)),
        Edge(type="SETS_TARGET", source="hospital:新建区人民医院", target="target:a-remote-2025",
             evidence=e(remote)),
        Edge(type="SETS_TARGET", source="program:紧密型医共体", target="target:a-county-2025",
             evidence=e(program_goal)),
        Edge(type="PARTNERS_WITH", source="hospital:南昌市第一医院", target="hospital:新建区人民医院",
             evidence=e(partner)),
        Edge(type="IMPLEMENTS", source="hospital:新建区人民医院", target="program:紧密型医共体",
             evidence=e(program)),
        Edge(type="LOCATED_IN", source="hospital:新建区人民医院", target="region:360112",
             evidence=e(program)),
        Edge(type="LOCATED_IN", source="hospital:南昌市第一医院", target="region:360100",
             evidence=e(partner)),
        Edge(type="PART_OF", source="region:360112", target="region:360100", evidence=e(part_of)),
    ]  # fmt: skip
    return DocumentExtraction(
        document=_document(f, t, "2023年新建区卫生健康工作要点", 2023), text=t, nodes=nodes, edges=edges
    )


def report_b() -> DocumentExtraction:
    f, t = FILE_B, TEXT_B

    def e(quote: str) -> list[Evidence]:
        return [ev(f, t, quote)]

    official = "上海市卫生健康委员会主任闻大翔出席会议。"
    goal = "到2025年，上海市家庭医生签约服务覆盖率达到70%。"
    nodes = [
        Region(id="region:310000", name="上海市", level="province", evidence=e("上海市")),
        Region(id="region:360100", name="南昌市", level="city", evidence=e("南昌市")),
        Region(id="region:360112", name="新建区", level="county", evidence=e("新建区")),
        Organization(id="org:上海市卫生健康委员会", name="上海市卫生健康委员会", aliases=["上海市卫健委"],
                     evidence=e("上海市卫生健康委员会")),
        Official(id="person:闻大翔", name="闻大翔", title="主任", evidence=e("闻大翔")),
        Target(id="target:b-family-2025", name=FAMILY, metric=FAMILY, value=70, unit="%", comparator=">=",
               year=2025, kind="goal", evidence=e(goal)),
    ]  # fmt: skip
    edges = [
        Edge(type="HOLDS_POSITION", source="person:闻大翔", target="org:上海市卫生健康委员会",
             evidence=e(official)),
        Edge(type="LOCATED_IN", source="org:上海市卫生健康委员会", target="region:310000",
             evidence=e(official)),
        Edge(type="PART_OF", source="region:360112", target="region:360100",
             evidence=e("新建区是南昌市下辖区。")),
        Edge(type="SETS_TARGET", source="region:310000", target="target:b-family-2025", evidence=e(goal)),
    ]  # fmt: skip
    return DocumentExtraction(
        document=_document(f, t, "上海市卫生健康工作会议纪要", 2024), text=t, nodes=nodes, edges=edges
    )
