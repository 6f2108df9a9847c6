"""The status of each goal in one track (one committer, one metric), from the figures around it.

Statuses, in the order they are decided:
- `revised`: the next later document that sets a goal for the same year sets a different one;
  the later goal is judged on its own.
- `met` / `missed`: a figure achieved in the goal's year, reported by another document not dated
  before the goal's, satisfies (or does not) the goal's comparator. A goal written with `=`
  (达到60%) is read in the metric's better direction: at least 60% for a coverage, at most for a
  death rate.
- `reaffirmed`: a later document sets the same goal for the same year (and no outcome is known).
- `on track` / `behind`: no figure for the goal's year yet, but a later document reports a figure
  for an earlier year that already satisfies the goal (or does not yet).
- `no later figure yet`: nothing after the goal says how it went.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("met", "missed", "on track", "behind", "revised", "reaffirmed", "no later figure yet")
WAITING = "no later figure yet"
TOLERANCE = 1e-9


@dataclass
class Point:
    """One figure of a track as one document states it (a target quoted by two documents is two points)."""

    target_id: str
    kind: str  # goal or achieved
    metric: str  # the metric string as extracted
    value: float  # as stated
    unit: str
    comparator: str
    year: int | None
    value_in_unit: float  # in the track's unit
    doc: str
    date: tuple[int, int, int] | None  # the document's date; missing month/day are 0
    evidence: dict = field(default_factory=dict)  # {doc, start, end, quote}
    status: str | None = None
    decided_by: int | None = None  # index of the point that decided the status


def date_key(date: str | None, year: int | None = None) -> tuple[int, int, int] | None:
    """'2023-07-20' → (2023, 7, 20); '2023' → (2023, 0, 0): a date given only by its year sorts first."""
    if date:
        parts = [int(p) for p in date.split("-")[:3] if p.isdigit()]
        if parts:
            return (parts + [0, 0])[0], (parts + [0, 0])[1], (parts + [0, 0, 0])[2]
    return (year, 0, 0) if year else None


def satisfies(goal: Point, figure: float, direction: str) -> bool:
    target = goal.value_in_unit
    comparator = goal.comparator
    if comparator == "=":
        comparator = "<=" if direction == "lower" else ">="
    if comparator == "<=":
        return figure <= target + TOLERANCE * max(1.0, abs(target))
    return figure >= target - TOLERANCE * max(1.0, abs(target))


def _later(a: Point, b: Point) -> bool:
    """True when `a` comes from another document dated strictly after `b`'s."""
    return a.doc != b.doc and a.date is not None and b.date is not None and a.date > b.date


def _not_earlier(a: Point, b: Point) -> bool:
    return a.doc != b.doc and (a.date is None or b.date is None or a.date >= b.date)


def _same_goal(a: Point, b: Point) -> bool:
    return a.comparator == b.comparator and abs(a.value_in_unit - b.value_in_unit) <= TOLERANCE * max(
        1.0, abs(a.value_in_unit)
    )


def _latest(points: list[tuple[int, Point]]) -> tuple[int, Point] | None:
    if not points:
        return None
    return max(points, key=lambda ip: (ip[1].year or 0, ip[1].date or (0, 0, 0), ip[0]))


def assign_statuses(points: list[Point], direction: str) -> None:
    """Set `status` and `decided_by` on every goal point of one track (in place)."""
    indexed = list(enumerate(points))
    for _, goal in indexed:
        if goal.kind != "goal":
            continue
        goal.status, goal.decided_by = _status(goal, indexed, direction)


def _status(goal: Point, indexed: list[tuple[int, Point]], direction: str) -> tuple[str, int | None]:
    year = goal.year
    if year is None:  # without a year nothing later can be matched to it
        return WAITING, None
    later_goals = [
        (i, p)
        for i, p in indexed
        if p.kind == "goal" and p.year == year and p is not goal and _later(p, goal)
    ]
    following = min(later_goals, key=lambda ip: (ip[1].date, ip[0])) if later_goals else None
    if following and not _same_goal(following[1], goal):
        return "revised", following[0]
    outcome = _latest(
        [(i, p) for i, p in indexed if p.kind == "achieved" and p.year == year and _not_earlier(p, goal)]
    )
    if outcome:
        met = satisfies(goal, outcome[1].value_in_unit, direction)
        return ("met" if met else "missed"), outcome[0]
    if following:
        return "reaffirmed", following[0]
    interim = _latest(
        [
            (i, p)
            for i, p in indexed
            if p.kind == "achieved"
            and p.year is not None
            and year is not None
            and p.year < year
            and _later(p, goal)
        ]
    )
    if interim:
        on_track = satisfies(goal, interim[1].value_in_unit, direction)
        return ("on track" if on_track else "behind"), interim[0]
    return WAITING, None
