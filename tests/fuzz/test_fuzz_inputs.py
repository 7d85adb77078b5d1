"""The standing fuzz suite: mutated projects and real calendars load or are refused by name.

CI budget: well under a minute for the whole folder. ``benchmarks/fuzz.py
--minutes N`` runs the same mutations and checks for longer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.corpus import corpus_files
from tests.fuzz.mutate import DataChooser, mutate_calendar, mutate_project
from tests.fuzz.oracle import (
    check_calendar_bytes,
    check_cli_on_calendar,
    check_cli_on_project,
    check_project_bytes,
)
from tests.fuzz.seeds import project_seeds

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CORPUS = corpus_files()


def test_a_fresh_clone_has_hundreds_of_real_calendars() -> None:
    """The installed icalendar and recurring-ical-events ship their test calendars."""
    assert len(CORPUS) >= 200


@pytest.mark.parametrize("path", CORPUS, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS])
def test_every_real_calendar_imports_or_is_refused_in_time(path: Path) -> None:
    check_calendar_bytes(path.read_bytes(), path.name)


@settings(FUZZ, max_examples=400)
@given(st.data())
def test_mutated_projects_load_round_trip_or_are_refused(data: st.DataObject) -> None:
    chooser = DataChooser(data)
    seeds = project_seeds()
    check_project_bytes(mutate_project(seeds[chooser.integer(0, len(seeds) - 1)], chooser))


@settings(FUZZ, max_examples=600)
@given(st.data())
def test_mutated_calendars_import_or_are_refused_in_time(data: st.DataObject) -> None:
    chooser = DataChooser(data)
    raw = CORPUS[chooser.integer(0, len(CORPUS) - 1)].read_bytes()
    check_calendar_bytes(mutate_calendar(raw, chooser))


@settings(FUZZ, max_examples=12)
@given(data=st.data())
def test_commands_on_mutated_projects_exit_0_to_3_without_traceback(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    chooser = DataChooser(data)
    seeds = project_seeds()
    raw = mutate_project(seeds[chooser.integer(0, len(seeds) - 1)], chooser)
    check_cli_on_project(raw, tmp_path_factory.mktemp("cli"), solve=chooser.integer(0, 3) == 0)


@settings(FUZZ, max_examples=15)
@given(data=st.data())
def test_import_command_on_mutated_calendars_exits_0_or_2_without_traceback(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    chooser = DataChooser(data)
    raw = CORPUS[chooser.integer(0, len(CORPUS) - 1)].read_bytes()
    check_cli_on_calendar(mutate_calendar(raw, chooser), tmp_path_factory.mktemp("cli"))
