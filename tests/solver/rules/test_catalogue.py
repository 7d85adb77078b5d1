"""The rule catalogue: every hard rule by name, in the order coordinators see them."""

from __future__ import annotations

from tests.solver.rules.helpers import (
    LABELS,
)


def test_rule_catalogue_names_and_order() -> None:
    assert list(LABELS) == [
        "activities_held",
        "within_windows",
        "required_attend",
        "people_free",
        "one_place",
        "travel_time",
        "venue_allowed",
        "venue_capacity",
        "enough_attend",
        "interpreter_present",
        "interpreter_breaks",
        "interpreter_daily",
        "pinned_stay",
    ]
    assert all(label and label[0].isupper() for label in LABELS.values())
