"""Invitations: one REQUEST e-mail per participant, in their language; re-invites and cancels."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import hypothesis
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.io.collab_project import planned_project
from tests.io.test_project_file import projects
from tests.servers import Mailbox, smtp_server  # noqa: F401 - fixture
from visitplanner.domain import Project, Schedule
from visitplanner.domain.replies import ReplyStatus
from visitplanner.domain.visit import Coordinator
from visitplanner.io.ics_export import person_file_names
from visitplanner.io.itip_invite import (
    InvitationError,
    build_invitations,
    send_invitations,
    write_invitations,
)
from visitplanner.io.itip_replies import match_replies, read_reply_bytes

NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
ICALJS = Path(__file__).parent / "icaljs"


@pytest.fixture
def project(demo_path: Path) -> Project:
    return planned_project(demo_path)


def _calendar(msg: EmailMessage) -> tuple[str, icalendar.Calendar]:
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            cal = icalendar.Calendar.from_ical(part.get_content())
            return str(part.get_param("method")), cal
    raise AssertionError("no text/calendar part")


def _by_person(invitations: list[Any], method: str = "REQUEST") -> dict[str, Any]:
    return {i.person: i for i in invitations if i.method == method}


def test_one_request_per_person_with_an_address(project: Project) -> None:
    _, invitations = build_invitations(project, now=NOW)
    people = {
        p.id
        for pl in project.schedule
        for p in project.visit.participants
        if p.id in pl.attendees and p.email
    }
    assert set(_by_person(invitations)) == people
    assert all(i.method == "REQUEST" for i in invitations)


def test_request_is_itip_with_organizer_and_rsvp(project: Project) -> None:
    _, invitations = build_invitations(project, now=NOW)
    inv = _by_person(invitations)["gla-pb"]
    method, cal = _calendar(inv.message)
    assert method == "REQUEST"
    assert cal["METHOD"] == "REQUEST"
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        "mainstreaming.paris-pb-2027@visitplanner",
        "lunch@1.paris-pb-2027@visitplanner",
        "dinner.paris-pb-2027@visitplanner",
    }
    for event in events.values():
        assert str(event["ORGANIZER"]) == "mailto:fiona.grant@wws.example"
        assert event["ORGANIZER"].params["CN"] == "Fiona Grant"
        mine = [a for a in event["ATTENDEE"] if str(a) == "mailto:aileen.fraser@glasgow.example"]
        assert mine and mine[0].params["RSVP"] == "TRUE"
        assert mine[0].params["PARTSTAT"] == "NEEDS-ACTION"
        assert event["SEQUENCE"] == 0
    assert inv.message["To"] == "Aileen Fraser <aileen.fraser@glasgow.example>"
    assert inv.message["From"] == "Fiona Grant <fiona.grant@wws.example>"


def test_each_person_in_their_first_language(project: Project) -> None:
    _, invitations = build_invitations(project, now=NOW)
    french = _by_person(invitations)["paris-lead"]
    english = _by_person(invitations)["gla-pb"]
    assert french.message["Subject"].startswith("Invitation")
    assert "Bonjour" in french.message.get_body(("plain",)).get_content()
    assert "Hello" in english.message.get_body(("plain",)).get_content()
    _, fr_cal = _calendar(french.message)
    _, en_cal = _calendar(english.message)
    fr_summary = {str(e["UID"]): str(e["SUMMARY"]) for e in fr_cal.walk("VEVENT")}
    en_summary = {str(e["UID"]): str(e["SUMMARY"]) for e in en_cal.walk("VEVENT")}
    uid = "mainstreaming.paris-pb-2027@visitplanner"
    assert fr_summary[uid] == "Généraliser le BP : planification et mise en œuvre"
    assert en_summary[uid] == "Mainstreaming PB: planning and implementation"
    fr_text = str(next(e for e in fr_cal.walk("VEVENT") if str(e["UID"]) == uid)["DESCRIPTION"])
    assert "mardi 23 mars 2027" in fr_text
    assert "100 M EUR par an" in fr_text


def test_coordinator_address_is_required(project: Project) -> None:
    bare = replace(project, visit=replace(project.visit, coordinator=Coordinator()))
    with pytest.raises(InvitationError, match="coordinator"):
        build_invitations(bare, now=NOW)


def test_reinvite_bumps_sequence_only_for_changed_meetings(project: Project) -> None:
    sent, _ = build_invitations(project, now=NOW)
    dinner = sent.schedule.get("dinner")
    assert dinner is not None
    moved = replace(sent, schedule=sent.schedule.with_placement(dinner.moved(1, 1140)))
    _, again = build_invitations(moved, now=NOW)
    _, cal = _calendar(_by_person(again)["gla-pb"].message)
    sequences = {str(e["UID"]).split(".")[0]: int(e["SEQUENCE"]) for e in cal.walk("VEVENT")}
    assert sequences == {"mainstreaming": 0, "lunch@1": 0, "dinner": 1}


def test_removed_meeting_is_cancelled(project: Project) -> None:
    sent, _ = build_invitations(project, now=NOW)
    without = replace(sent, schedule=sent.schedule.without("lunch@1"))
    after, again = build_invitations(without, now=NOW)
    cancels = _by_person(again, "CANCEL")
    assert cancels["paris-planning"].keys == ("lunch@1",)
    assert "lunch@1" not in _by_person(again)["paris-planning"].keys
    method, cal = _calendar(cancels["paris-planning"].message)
    assert method == "CANCEL" and cal["METHOD"] == "CANCEL"
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == "lunch@1.paris-pb-2027@visitplanner"
    assert event["STATUS"] == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    # A third round does not cancel again.
    _, third = build_invitations(after, now=NOW)
    assert not _by_person(third, "CANCEL")


def test_cancellation_for_someone_taken_off_a_meeting_keeps_its_time(
    project: Project, tmp_path: Path
) -> None:
    sent, _ = build_invitations(project, now=NOW)
    dinner = sent.schedule.get("dinner")
    assert dinner is not None
    fewer = tuple(p for p in dinner.attendees if p != "gla-pb")
    changed = replace(sent, schedule=sent.schedule.with_placement(replace(dinner, attendees=fewer)))
    _, again = build_invitations(changed, now=NOW)
    cancel = _by_person(again, "CANCEL")["gla-pb"]
    assert cancel.keys == ("dinner",)
    method, cal = _calendar(cancel.message)
    assert method == "CANCEL"
    (event,) = cal.walk("VEVENT")
    assert int(event["SEQUENCE"]) == 1  # the meeting's attendees changed
    path = tmp_path / "cancel.ics"
    path.write_bytes(cal.to_ical())
    (parsed,) = _icaljs(path)["events"]
    assert parsed["tzid"] == "Europe/Paris"
    assert parsed["start"] == "2027-03-23T19:30:00"


def test_written_files_parse_as_email_and_in_icaljs(project: Project, tmp_path: Path) -> None:
    _, invitations = build_invitations(project, now=NOW)
    written = write_invitations(invitations, tmp_path)
    names = {pid: Path(n).stem + ".eml" for pid, n in person_file_names(project).items()}
    assert {p.name for p in written} >= {names["gla-pb"], names["paris-lead"]}
    raw = (tmp_path / names["paris-lead"]).read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    _method, cal = _calendar(msg)
    ics = tmp_path / "paris-lead.ics"
    ics.write_bytes(cal.to_ical())
    parsed = _icaljs(ics)
    assert {e["uid"] for e in parsed["events"]} == {str(e["UID"]) for e in cal.walk("VEVENT")}
    assert all(e["tzid"] == "Europe/Paris" for e in parsed["events"])


def test_sent_through_a_real_smtp_server(
    project: Project,
    smtp_server: tuple[str, int, Mailbox],  # noqa: F811
) -> None:
    host, port, mailbox = smtp_server
    _, invitations = build_invitations(project, now=NOW)
    assert send_invitations(invitations, host, port) == len(invitations)
    assert sorted(m["To"] for m in mailbox.messages) == sorted(
        str(i.message["To"]) for i in invitations
    )
    methods = {
        part.get_param("method")
        for m in mailbox.messages
        for part in m.walk()
        if part.get_content_type() == "text/calendar"
    }
    assert methods == {"REQUEST"}


def test_smtp_server_down_is_a_message(project: Project) -> None:
    from tests.servers import free_port

    _, invitations = build_invitations(project, now=NOW)
    with pytest.raises(InvitationError, match="0 sent"):
        send_invitations(invitations, "127.0.0.1", free_port())


def test_nothing_planned_nothing_sent(project: Project) -> None:
    _, invitations = build_invitations(replace(project, schedule=Schedule()), now=NOW)
    assert invitations == []


def _icaljs(path: Path) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the ical.js (Thunderbird) check cannot run")
    if not (ICALJS / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js is not installed: run `npm install --prefix tests/io/icaljs`")
    done = subprocess.run(
        [node, str(ICALJS / "check.js"), str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=projects(), reply=st.sampled_from(list(ReplyStatus)))
def test_any_project_invites_and_reads_its_own_replies(
    generated: Project, reply: ReplyStatus
) -> None:
    """Every invitation parses; an attendee answering it is matched back to the right place."""
    project = replace(
        generated, visit=replace(generated.visit, coordinator=Coordinator("C", "c@example.org"))
    )
    _, invitations = build_invitations(project, now=NOW)
    emails = {p.id: p.email for p in project.visit.participants}
    hypothesis.event("invitations" if invitations else "nothing to invite to")
    for inv in invitations:
        method, cal = _calendar(inv.message)
        assert method == cal["METHOD"] == "REQUEST"
        for vevent in cal.walk("VEVENT"):
            answer = icalendar.Calendar.new(prodid="-//test//EN")
            answer.add("method", "REPLY")
            reply_event = icalendar.Event.new(uid=str(vevent["UID"]), stamp=NOW)
            reply_event.add(
                "attendee",
                icalendar.vCalAddress.new(emails[inv.person].upper(), partstat=reply.value.upper()),
            )
            answer.add_component(reply_event)
            matched = match_replies(project, read_reply_bytes(answer.to_ical(), "r.ics"))
            assert [(r.person, r.status) for r in matched.replies] == [(inv.person, reply)]
