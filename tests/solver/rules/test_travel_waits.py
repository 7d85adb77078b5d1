"""The journey rows of the waits (``solver/rules/travel_waits.py``): true of every
programme, and seen by the bound search at once."""

from __future__ import annotations

import pytest
from benchmarks.visits import generate_visit
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from tests.solver.rules.helpers import travel_visit
from visitplanner.domain.index import VisitIndex
from visitplanner.domain.visit import TravelTimes
from visitplanner.solver.build import build_model
from visitplanner.solver.lns import hold
from visitplanner.solver.model import ModelContext
from visitplanner.solver.result import SolveOptions
from visitplanner.solver.rules.travel_waits import MOST_VENUES, journey_times, route, venue_groups
from visitplanner.solver.solve import model_for

CITY_VENUES = ("hotel", "org1", "org2", "org3")
CITY = TravelTimes(
    {
        ("hotel", "org1"): 15,
        ("hotel", "org2"): 25,
        ("hotel", "org3"): 40,
        ("org1", "org2"): 25,
        ("org1", "org3"): 40,
        ("org2", "org3"): 10,
    }
)


def _route(travel: TravelTimes, *group: str) -> int:
    return route(journey_times(travel, CITY_VENUES), group)


def test_the_shortest_route_may_pass_through_another_venue() -> None:
    assert _route(CITY, "hotel", "org3") == 35  # by way of org2, not the direct 40
    assert _route(CITY, "hotel", "org2", "org3") == 35
    assert _route(CITY, "org2", "org3") == 10


def test_a_route_goes_through_its_venues_in_the_best_order() -> None:
    # hotel - org1 - org2 - org3; org3 first would take 10 + 25 + 15 + 15 = 65
    assert _route(CITY, "hotel", "org1", "org2", "org3") == 15 + 25 + 10
    # org1 - hotel - org3 (by way of org2): 15 + 35, not hotel first (15 + 40)
    assert _route(CITY, "hotel", "org1", "org3") == 50


def test_one_way_journeys_take_the_quicker_direction() -> None:
    one_way = TravelTimes({("a", "b"): 10, ("b", "a"): 30})
    assert journey_times(one_way, ["a", "b"]) == {
        ("a", "a"): 0,
        ("a", "b"): 10,
        ("b", "a"): 30,
        ("b", "b"): 0,
    }
    assert route(journey_times(one_way, ["a", "b"]), ["b", "a"]) == 10


def test_journeys_are_in_the_unit_asked_for() -> None:
    slots = journey_times(CITY, ["hotel", "org2"], lambda minutes: -(-minutes // 15))
    assert slots["hotel", "org2"] == 2


def test_a_day_gets_rows_for_sets_of_up_to_four_venues_and_fewer_when_it_may_go_far() -> None:
    five = [list(g) for g in venue_groups(["a", "b", "c", "d", "e"])]
    assert max(len(g) for g in five) == MOST_VENUES == 4
    assert len(five) == 10 + 10 + 5  # pairs, triples and fours of five venues
    many = list(venue_groups([f"v{i}" for i in range(9)]))  # 84 triples: too many
    assert {len(g) for g in many} == {2} and len(many) == 36
    assert list(venue_groups([f"v{i}" for i in range(13)])) == []  # 78 pairs


def _root_bound(model: cp_model.CpModel) -> float:
    """The bound CP-SAT proves without searching (propagation and linear relaxation)."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_root_propagation = True
    solver.solve(model)
    return float(solver.best_objective_bound)


def test_the_bound_search_sees_the_journey_at_once() -> None:
    # Ann is in the Kickoff at the hotel and in the Review at City Hall, 30 min apart
    ctx = build_model(VisitIndex(travel_visit()), None)
    assert _root_bound(ctx.with_bound_rows()) == 30
    assert _root_bound(ctx.model) == 0  # without the rows, only a search finds it


class _Programmes(cp_model.CpSolverSolutionCallback):
    """Keeps the solver's state at each programme found (up to ``most``)."""

    def __init__(self, most: int) -> None:
        super().__init__()
        self.most, self.found = most, list[list[int]]()

    def on_solution_callback(self) -> None:
        self.found.append(list(self.response_proto.solution))
        if len(self.found) >= self.most:
            self.stop_search()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_rows_keep_every_programme_and_its_score(seed: int) -> None:
    # programmes of a five-day visit with four venues, from the first to good ones (whose
    # waits are mostly journeys): each stays possible with the rows, at the same score
    ctx = build_model(VisitIndex(generate_visit(5, 15, 21, 4, 1, 0.7, seed=seed).visit), None)
    assert _assert_rows_keep_programmes(ctx, seconds=3.0, most=6) >= 2


@settings(max_examples=6, deadline=None, database=None)
@given(st.integers(0, 10_000))
def test_the_rows_keep_the_programmes_of_generated_visits(seed: int) -> None:
    visit = generate_visit(3, 8, 9, 4, 1, 0.7, seed=seed).visit
    ctx = build_model(VisitIndex(visit), None)
    assume(_assert_rows_keep_programmes(ctx, seconds=1.0, most=4))  # some have none


def _assert_rows_keep_programmes(ctx: ModelContext, seconds: float, most: int) -> int:
    """Each programme found in ``seconds`` (up to ``most``) keeps its least score with the
    rows in force; how many there were."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    programmes = _Programmes(most)
    solver.solve(ctx.model, programmes)
    for values in programmes.found:
        without = _least_score(ctx, ctx.model.clone(), values)
        assert _least_score(ctx, ctx.with_bound_rows(), values) == without
    return len(programmes.found)


def _least_score(ctx: ModelContext, model: cp_model.CpModel, values: list[int]) -> float:
    """The least score of ``model`` with the programme of ``values`` held in it."""
    for ov in ctx.occ.values():
        hold(model, ov, values)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    assert solver.solve(model) == cp_model.OPTIMAL
    return float(solver.objective_value)


@pytest.mark.parametrize(
    ("size", "built"),
    [((5, 15, 21, 4, 1, 0.7), True), ((2, 12, 7, 3, 1, 0.8), False), ((3, 8, 9, 4, 1, 0.7), True)],
)
def test_the_rows_are_built_only_where_a_search_for_a_bound_runs(
    size: tuple[int, int, int, int, int, float], built: bool
) -> None:
    # five days: the prover beside the day steps; three: the core-based search; two: none
    index = VisitIndex(generate_visit(*size, seed=1).visit)
    ours = model_for(index, None, SolveOptions(time_limit=10)).model.proto
    without = build_model(index, None, bounding=False).model.proto
    assert (len(ours.constraints) > len(without.constraints)) is built
    assert len(ours.variables) >= len(without.variables)
