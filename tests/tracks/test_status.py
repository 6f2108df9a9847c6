"""Status rules of a goal against the later figures of its track."""

from __future__ import annotations

from graph.tracks.status import Point, assign_statuses, date_key, satisfies


def point(kind: str, value: float, year: int, doc: str, date: str, comparator: str = "=") -> Point:
    return Point(
        target_id=f"target:{doc}:{kind}:{value}",
        kind=kind,
        metric="m",
        value=value,
        unit="%",
        comparator=comparator,
        year=year,
        value_in_unit=value,
        doc=doc,
        date=date_key(date),
    )


def statuses(points: list[Point], direction: str = "higher") -> list[tuple[str | None, int | None]]:
    assign_statuses(points, direction)
    return [(p.status, p.decided_by) for p in points]


def test_date_key_puts_a_year_only_date_first() -> None:
    assert date_key("2023") == (2023, 0, 0)
    assert date_key("2023-07") == (2023, 7, 0)
    assert date_key("2023-07-20") == (2023, 7, 20)
    assert date_key(None, 2022) == (2022, 0, 0)
    assert date_key(None) is None
    assert date_key("2023") < date_key("2023-07-20")


def test_met_and_missed_follow_comparator_and_direction() -> None:
    goal = point("goal", 60, 2023, "a", "2023")
    assert satisfies(goal, 60, "higher") and satisfies(goal, 72, "higher")
    assert not satisfies(goal, 59.9, "higher")
    assert satisfies(goal, 50, "lower") and not satisfies(goal, 61, "lower")
    at_most = point("goal", 12, 2023, "a", "2023", "<=")
    assert satisfies(at_most, 12, "higher") and not satisfies(at_most, 15, "higher")
    at_least = point("goal", 90, 2023, "a", "2023", ">=")
    assert satisfies(at_least, 93, "lower") and not satisfies(at_least, 89, "lower")


def test_a_death_rate_goal_is_met_at_or_below() -> None:
    points = [point("goal", 12, 2023, "a", "2023"), point("achieved", 11, 2023, "b", "2024-01-15")]
    assert statuses(points, "lower")[0] == ("met", 1)
    points = [point("goal", 12, 2023, "a", "2023"), point("achieved", 15, 2023, "b", "2024-01-15")]
    assert statuses(points, "lower")[0] == ("missed", 1)


def test_a_changed_later_goal_revises_and_is_judged_itself() -> None:
    points = [
        point("goal", 90, 2023, "a", "2023", ">="),
        point("goal", 92, 2023, "b", "2023-07-20", ">="),
        point("achieved", 93, 2023, "c", "2024-01-15"),
    ]
    assert statuses(points) == [("revised", 1), ("met", 2), (None, None)]


def test_the_same_goal_restated_later_is_reaffirmed_until_an_outcome_is_known() -> None:
    points = [point("goal", 98, 2023, "a", "2023"), point("goal", 98, 2023, "b", "2023-07-20")]
    assert statuses(points) == [("reaffirmed", 1), ("no later figure yet", None)]
    points.append(point("achieved", 97, 2023, "c", "2024-01-15"))
    assert statuses(points)[:2] == [("missed", 2), ("missed", 2)]


def test_an_earlier_year_reported_later_says_on_track_or_behind() -> None:
    goal = point("goal", 70, 2025, "a", "2023-07-20")
    assert statuses([goal, point("achieved", 72, 2023, "b", "2024-01-15")])[0] == ("on track", 1)
    goal = point("goal", 70, 2025, "a", "2023-07-20")
    assert statuses([goal, point("achieved", 65, 2023, "b", "2024-01-15")])[0] == ("behind", 1)


def test_figures_that_cannot_tell_leave_no_later_figure_yet() -> None:
    points = [
        point("goal", 60, 2023, "a", "2023"),
        point("achieved", 45, 2022, "a", "2023"),  # the goal's own baseline
        point("achieved", 61, 2023, "a", "2023"),  # same document: not a later report
        point("achieved", 50, 2022, "z", "2022-12-01"),  # an earlier document
        point("achieved", 99, 2024, "b", "2025-01-10"),  # another year
    ]
    assert statuses(points)[0] == ("no later figure yet", None)


def test_a_goal_from_an_earlier_document_does_not_revise_a_later_one() -> None:
    points = [point("goal", 92, 2023, "b", "2023-07-20"), point("goal", 90, 2023, "a", "2023")]
    assert statuses(points) == [("no later figure yet", None), ("revised", 0)]


def test_a_goal_without_a_year_waits() -> None:
    goal = point("goal", 60, 2023, "a", "2023")
    goal.year = None
    later = point("goal", 70, 2023, "b", "2024-01-01")
    later.year = None
    assert statuses([goal, later, point("achieved", 80, 2023, "c", "2024-02-01")])[0] == (
        "no later figure yet",
        None,
    )
