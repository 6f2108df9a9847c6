"""A goal's status said in words (Chinese, as the reports are), for the API and the explorer."""

from __future__ import annotations

from graph.tracks.build import DocumentInfo, Track
from graph.tracks.status import Point

STATUS_WORDS = {
    "met": "已达成",
    "missed": "未达成",
    "on track": "进展顺利（较早年份的数据已达到目标）",
    "behind": "尚未达到（较早年份的数据仍低于目标）",
    "revised": "目标已被后来的文件调整",
    "reaffirmed": "目标在后来的文件中重申",
    "no later figure yet": "尚无后续数据",
}
COMPARATOR_WORDS = {"<=": "不高于", ">=": "不低于", "=": "达到"}


def figure(point: Point) -> str:
    value = f"{point.value:g}"
    return f"{value}{point.unit}"


def _source(point: Point, documents: dict[str, DocumentInfo]) -> str:
    info = documents.get(point.doc)
    title = info.title if info and info.title else point.doc
    date = info.date if info and info.date else "日期不详"
    return f"《{title}》（{date}）"


def describe(track: Track, goal: Point, documents: dict[str, DocumentInfo]) -> str:
    """新建区：2023年孕产妇死亡率目标不高于12/10万（《…》（2023））；《…》（2024-01-15）报告2023年为0.15‰：未达成。"""
    year = f"{goal.year}年" if goal.year else ""
    text = (
        f"{track.committer}：{year}{track.metric.name}目标{COMPARATOR_WORDS.get(goal.comparator, '')}"
        f"{figure(goal)}（{_source(goal, documents)}）"
    )
    status = goal.status or "no later figure yet"
    other = track.points[goal.decided_by] if goal.decided_by is not None else None
    if other is not None and other.kind == "achieved":
        other_year = f"{other.year}年" if other.year else ""
        text += f"；{_source(other, documents)}报告{other_year}为{figure(other)}"
        if other.unit != track.metric.unit:
            text += f"（即{other.value_in_unit:g}{track.metric.unit}）"
    elif other is not None:
        text += (
            f"；{_source(other, documents)}定为{COMPARATOR_WORDS.get(other.comparator, '')}{figure(other)}"
        )
    return f"{text}：{STATUS_WORDS[status]}。"
