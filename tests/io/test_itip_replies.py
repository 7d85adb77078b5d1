"""Replies to invitations in Thunderbird, Outlook and Google styles; matching and storing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.io.collab_project import planned_project
from visitplanner.domain import Level, Project
from visitplanner.domain.replies import (
    ReplyStatus,
    current_replies,
    declines_as_unavailability,
    occurrence_marks,
    required_declines,
    with_replies,
)
from visitplanner.io.errors import InputFileError
from visitplanner.io.itip_replies import match_replies, read_reply_bytes, read_reply_file
from visitplanner.io.project import parse_project, project_to_json

REPLIES = Path(__file__).parent / "replies"


@pytest.fixture
def project(demo_path: Path) -> Project:
    return planned_project(demo_path)


def _all(project: Project) -> Project:
    answers = []
    for name in ("thunderbird-accept.ics", "outlook-decline.eml", "google-tentative.ics"):
        answers += read_reply_file(REPLIES / name)
    return with_replies(project, match_replies(project, answers).replies)


def test_thunderbird_accept() -> None:
    (answer,) = read_reply_file(REPLIES / "thunderbird-accept.ics")
    assert answer.uid == "lunch@1.paris-pb-2027@visitplanner"
    assert answer.address == "nathalie.girard@paris.example"
    assert answer.status is ReplyStatus.ACCEPTED


def test_outlook_decline_in_an_email_with_windows_zone_and_capital_mailto() -> None:
    (answer,) = read_reply_file(REPLIES / "outlook-decline.eml")
    assert answer.uid == "mainstreaming.paris-pb-2027@visitplanner"
    assert answer.address == "karim.benali@paris.example"
    assert answer.status is ReplyStatus.DECLINED


def test_google_tentative_and_a_foreign_event() -> None:
    answers = read_reply_file(REPLIES / "google-tentative.ics")
    assert [(a.uid, a.status) for a in answers] == [
        ("dinner.paris-pb-2027@visitplanner", ReplyStatus.TENTATIVE),
        ("5t3bq8lbd0l2mj1b4m3nnmdc0s@google.com", ReplyStatus.ACCEPTED),
    ]


def test_matching_lists_what_does_not_belong(project: Project) -> None:
    answers = []
    for name in ("thunderbird-accept.ics", "outlook-decline.eml", "google-tentative.ics"):
        answers += read_reply_file(REPLIES / name)
    matched = match_replies(project, answers)
    assert {(r.key, r.person, r.status) for r in matched.replies} == {
        ("lunch@1", "paris-planning", ReplyStatus.ACCEPTED),
        ("mainstreaming", "paris-implementation", ReplyStatus.DECLINED),
        ("dinner", "gla-pb", ReplyStatus.TENTATIVE),
    }
    (other,) = matched.unmatched
    assert other.uid.endswith("@google.com")


def test_unknown_address_is_unmatched(project: Project) -> None:
    raw = (REPLIES / "thunderbird-accept.ics").read_bytes()
    answers = read_reply_bytes(raw.replace(b"nathalie.girard", b"someone.else"), "x.ics")
    matched = match_replies(project, answers)
    assert not matched.replies
    assert matched.unmatched[0].address == "someone.else@paris.example"


def test_not_a_calendar_is_refused_naming_the_file() -> None:
    with pytest.raises(InputFileError) as err:
        read_reply_file(REPLIES / "not-a-calendar.txt")
    assert "not-a-calendar.txt" in err.value.message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_refused(data: bytes) -> None:
    try:
        read_reply_bytes(data, "fuzz.ics")
    except InputFileError as exc:
        assert "fuzz.ics" in exc.message


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 900), st.sampled_from([b"\n", b"X", b":", b";", b"\r\n "]))
def test_mutated_reply_read_or_refused(position: int, junk: bytes) -> None:
    raw = (REPLIES / "thunderbird-accept.ics").read_bytes()
    mutated = raw[:position] + junk + raw[position:]
    try:
        read_reply_bytes(mutated, "mutated.ics")
    except InputFileError as exc:
        assert "mutated.ics" in exc.message


def test_marks_declines_and_round_trip(project: Project) -> None:
    stored = _all(project)
    assert occurrence_marks(stored, "lunch@1") == "✓"
    assert occurrence_marks(stored, "mainstreaming") == "✗"
    assert occurrence_marks(stored, "dinner") == "?"
    (decline,) = required_declines(stored)
    assert decline.person == "paris-implementation"
    again = parse_project(project_to_json(stored).encode("utf-8"))
    assert again.replies == stored.replies


def test_a_moved_meeting_makes_its_answers_stale(project: Project) -> None:
    stored = _all(project)
    meeting = stored.schedule.get("mainstreaming")
    assert meeting is not None
    moved = replace(stored, schedule=stored.schedule.with_placement(meeting.moved(2, 540)))
    assert not required_declines(moved)
    assert occurrence_marks(moved, "mainstreaming") == ""
    assert len(current_replies(moved)) == 2


def test_decline_becomes_unavailability(project: Project) -> None:
    stored = _all(project)
    blocked = declines_as_unavailability(stored, required_declines(stored))
    segments = blocked.visit.availability_of("paris-implementation").day_segments(
        blocked.visit.dates[0], blocked.visit.zone
    )
    assert any(s.start <= 540 and s.end >= 660 and s.level is Level.UNAVAILABLE for s in segments)
    assert blocked.schedule == stored.schedule


def test_declined_meeting_broken_by_the_checker_after_blocking(project: Project) -> None:
    from visitplanner.solver.checker import check

    stored = _all(project)
    before = check(stored.visit, stored.schedule).violations
    blocked = declines_as_unavailability(stored, required_declines(stored))
    after = check(blocked.visit, blocked.schedule).violations

    def about_karim(vs: tuple[object, ...]) -> int:
        return sum(1 for v in vs if "paris-implementation" in getattr(v, "people", ()))

    assert about_karim(after) > about_karim(before)
