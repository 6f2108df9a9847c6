"""Follow-up reports of 新建区 written for the tests, in the plain style the extractor reads.

They follow the sample 001_b1280b1a44e49c58.txt (新建区's 2023 work points, which set its 2023 goals):
a mid-year adjustment that changes one goal, restates another and sets a 2025 goal, and the
2023 work summary that reports achieved figures (one under a variant wording, one in ‰ where the
goal was in 1/10万) and, as a near miss, the city's own figure.
"""

from __future__ import annotations

from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document

ADJUSTMENT_FILE = "f1_xinjian_2023_adjust.txt"
ADJUSTMENT = (
    "新建区2023年卫生健康重点工作调整方案\n"
    "2023年7月20日，新建区卫生健康委员会印发本方案。\n"
    "一、调整后的工作目标\n"
    "到2023年底，新建区孕产妇系统管理率力争达到92%以上。\n"
    "新建区新生儿疾病筛查率力争达到98%。\n"
    "到2025年，新建区家庭医生签约服务覆盖率力争达到70%。\n"
)
SUMMARY_FILE = "f2_xinjian_2023_summary.txt"
SUMMARY = (
    "新建区卫生健康委员会2023年工作总结\n"
    "2024年1月15日，新建区卫生健康委员会发布2023年工作总结。\n"
    "一、2023年工作成效\n"
    "2023年，新建区家庭医生签约覆盖率达到72%。\n"
    "2023年，新建区重点人群签约服务覆盖率为75%。\n"
    "2023年，新建区孕产妇死亡率为0.15‰。\n"
    "2023年，新建区婴儿死亡率为4.2‰。\n"
    "2023年，新建区孕产妇系统管理率达到93%。\n"
    "2023年，南昌市家庭医生签约服务覆盖率达到58%。\n"
)
FOLLOW_UPS = {ADJUSTMENT_FILE: ADJUSTMENT, SUMMARY_FILE: SUMMARY}


def follow_up_extractions(files: tuple[str, ...] = tuple(FOLLOW_UPS)) -> list[DocumentExtraction]:
    return [extract_document(file, FOLLOW_UPS[file]) for file in files]
