"""Rows for the bound: a visitor's day at several venues holds the journeys between them.

``idle_gaps`` counts the time between a visitor's activities as waiting, and
``travel_time`` puts the journey between activities at different venues. So a visitor
whose day takes them to venues S waits at least the shortest route through S. The
rows say so; every programme obeys them, so they change no score, but the linear
relaxation, which sees neither the order of the activities nor the journeys, learns
from them how long a day must wait. Measured on the five-day visits of
``benchmarks/scale.py`` (5d-15p-21a s1, s2), the bound search alone at 10 s: 489 and
535 against 384 and 475 without them (README, Benchmarks, "the journeys").

They are in force in the search for a bound only (:meth:`ModelContext.bound_rows`),
and built only for visits where one runs (``ModelContext.bounding``): on seven days,
where none does, they tripled the model's constraints for nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from itertools import combinations, pairwise, permutations
from math import comb
from typing import TYPE_CHECKING, Any

from visitplanner.domain.visit import TravelTimes
from visitplanner.solver.literals import Lit

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext, OccurrenceVars

#: the most venues of one row (a route through more is bounded by its parts), and the
#: most rows of one size for a visitor's day
MOST_VENUES = 4
MOST_ROWS = 70


def journey_times(
    travel: TravelTimes, venues: Iterable[str], length: Callable[[int], int] = int
) -> dict[tuple[str, str], int]:
    """The quickest journey between each two of ``venues``, by way of any of them;
    ``length`` turns each journey's minutes into the unit wanted (slots)."""
    names = sorted(set(venues))
    far = {(a, b): length(travel.between(a, b)) for a in names for b in names}
    for via in names:  # the quickest way between two venues may pass through a third
        for a in names:
            for b in names:
                far[a, b] = min(far[a, b], far[a, via] + far[via, b])
    return far


def route(far: dict[tuple[str, str], int], group: Sequence[str]) -> int:
    """The shortest journey time through every venue of ``group``, in any order, given
    the quickest journey between each two (:func:`journey_times`)."""
    return min(sum(far[a, b] for a, b in pairwise(order)) for order in permutations(group))


class Journeys:
    """Posts the journey rows of the visitors' waits, day by day (:meth:`post`)."""

    def __init__(self, ctx: ModelContext) -> None:
        """The quickest journeys between every venue of ``ctx``'s occurrences, in slots."""
        self.ctx = ctx
        venues = {venue for ov in ctx.occ.values() for venue in ov.venues}
        self.far = journey_times(ctx.index.visit.travel, venues, ctx.slots_up)
        self._routes: dict[tuple[str, ...], int] = {}
        self._at: dict[tuple[Hashable, str], Lit] = {}

    def post(
        self, wait: Any, day: int, mine: Sequence[tuple[Hashable, OccurrenceVars, Lit]]
    ) -> None:
        """``wait`` (slots) is at least the shortest route through the venues of ``mine``:
        occurrences, each with the literal that holds when the visitor is in it on
        ``day`` (and a key naming that literal, to share what is built on it)."""
        if not self.ctx.bounding or not any(self.far.values()):
            return
        ctx, there = self.ctx, dict[str, list[Lit]]()
        for key, ov, on in mine:
            for venue, lit in ov.venues.items():
                if (key, venue) not in self._at:
                    self._at[key, venue] = ctx.bool_and([on, lit], f"at[{ov.key},{venue},{day}]")
                if self._at[key, venue] is not False:
                    there.setdefault(venue, []).append(self._at[key, venue])
        been = {venue: ctx.bool_or(lits, f"been[{venue},{day}]") for venue, lits in there.items()}
        for group in venue_groups(sorted(been)):
            if group not in self._routes:
                self._routes[group] = route(self.far, group)
            if self._routes[group] > 0:
                # with every venue of the group visited, the wait is at least the route
                visited = sum(been[venue] for venue in group) - (len(group) - 1)
                rows = ctx.bound_rows()
                ctx.model.add(wait >= self._routes[group] * visited).only_enforce_if(rows)


def venue_groups(venues: Sequence[str]) -> Iterator[tuple[str, ...]]:
    """Sets of two venues or more, up to :data:`MOST_VENUES`, while there are at most
    :data:`MOST_ROWS` sets of a size (a day that may go to many venues gets fewer rows,
    or none past a dozen venues)."""
    for size in range(2, MOST_VENUES + 1):
        if size > len(venues) or comb(len(venues), size) > MOST_ROWS:
            return
        yield from combinations(venues, size)
