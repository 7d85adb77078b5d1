"""The quality statement (from the bound), the time-out message and the search workers."""

from __future__ import annotations

import os
from dataclasses import replace

from benchmarks.visits import generate_visit

from visitplanner.domain import Schedule
from visitplanner.i18n import language
from visitplanner.solver.result import (
    Progress,
    SolveOptions,
    SolveResult,
    Status,
    gap_percent,
    quality_text,
)
from visitplanner.solver.solve import search_workers, solve


def test_gap_is_the_share_of_the_score_the_bound_leaves_open() -> None:
    assert gap_percent(200, 150.0) == 25.0
    assert gap_percent(200, 199.2) == 0.0  # scores are whole: 199.2 proves 200 is best
    assert gap_percent(0, 0.0) == 0.0
    assert gap_percent(None, 3.0) is None and gap_percent(10, None) is None
    assert gap_percent(8225, -160.0) == 100.0  # costs are never negative: nothing proven


def test_no_quality_is_claimed_before_the_bound_proves_anything() -> None:
    assert quality_text(8225, -160.0) == "how close to the best possible is not known yet"
    assert quality_text(8225, 0.0) == "how close to the best possible is not known yet"
    assert quality_text(8225, 1.0) == "within 100 % of the best possible"


def test_quality_says_best_possible_or_within_a_rounded_up_percentage() -> None:
    assert quality_text(200, 200.0) == "best possible"
    assert quality_text(200, 150.0) == "within 25 % of the best possible"
    assert quality_text(1000, 999.0) == "within 1 % of the best possible"
    assert quality_text(300, 200.0) == "within 34 % of the best possible"
    assert quality_text(300, 10.0, proven=True) == "best possible"
    progress = Progress(Schedule(), 400, 100.0, 1.0, 1)
    assert progress.gap == 75.0 and progress.quality == "within 75 % of the best possible"


def test_quality_and_time_out_speak_french() -> None:
    timed_out = SolveResult(Status.TIMED_OUT, elapsed=10.2, time_limit=10.0)
    with language("fr"):
        assert quality_text(200, 150.0) == "à 25 % au plus du meilleur possible"
        assert "essayez un temps limite plus long" in timed_out.message


def test_a_solve_out_of_time_without_a_programme_says_so() -> None:
    result = SolveResult(Status.TIMED_OUT, elapsed=10.2, time_limit=10.0)
    assert result.message == "No programme found within 10 s — try a longer time limit"


def test_a_timed_out_programme_states_its_quality() -> None:
    result = SolveResult(
        Status.TIMED_OUT, Schedule(), objective=1730, bound=1140.0, elapsed=10.0, time_limit=10.0
    )
    assert result.gap is not None and round(result.gap, 1) == 34.1
    assert (
        result.message == "Schedule found (within 35 % of the best possible), score 1730 in 10.0 s"
    )
    with language("fr"):
        assert result.message.endswith(" 10,0 s")


def test_every_core_by_default_and_one_reproducible_worker_on_request() -> None:
    assert search_workers(SolveOptions()) == (os.cpu_count() or 1, False)
    assert search_workers(SolveOptions(workers=3)) == (3, False)
    assert search_workers(SolveOptions(reproducible=True)) == (1, False)
    assert search_workers(SolveOptions(reproducible=True, workers=4)) == (4, True)


def test_the_bound_is_reported_as_it_moves_and_ends_below_the_score() -> None:
    visit = generate_visit(3, 14, 9, 3, 1, 0.7, seed=2).visit
    bounds: list[tuple[float, float]] = []
    seen: list[Progress] = []
    result = solve(
        visit,
        SolveOptions(time_limit=3, workers=2, reproducible=True),
        seen.append,
        on_bound=lambda b, t: bounds.append((b, t)),
    )
    assert result.schedule is not None and result.objective is not None
    assert bounds, "the bound was never reported"
    values = [b for b, _ in bounds]
    assert values == sorted(values)
    assert result.bound is not None and values[-1] <= result.bound <= result.objective
    assert all(p.bound <= p.objective for p in seen)
    if result.status is Status.OPTIMAL:
        assert result.quality == "best possible"


def test_a_re_solve_that_changes_little_says_so() -> None:
    visit = generate_visit(2, 12, 7, 3, 1, 0.8, seed=1).visit
    options = SolveOptions(time_limit=10, workers=1, reproducible=True)
    first = solve(visit, options)
    assert first.schedule is not None and not first.few_changes
    again = solve(visit, SolveOptions(time_limit=10, workers=1, previous=first.schedule))
    assert again.few_changes and again.status is Status.OPTIMAL
    assert again.message.startswith(
        "Schedule found with as few changes as possible (best possible), score"
    )
    searched_on = solve(
        visit, SolveOptions(time_limit=10, workers=1, previous=first.schedule, keep_previous=False)
    )
    assert not searched_on.few_changes
    pinned = Schedule(tuple(replace(p, pinned=True) for p in first.schedule))
    assert not solve(visit, SolveOptions(time_limit=10, workers=1, previous=pinned)).few_changes
    with language("fr"):
        assert again.message.startswith("Programme trouvé en changeant le moins possible")
