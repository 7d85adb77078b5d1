"""Invitations by e-mail (iTIP, RFC 5546): one message per participant, in their language.

Each message carries the person's programme as ``text/calendar; method=REQUEST``
built by :func:`visitplanner.io.ics_export.build_calendar` (same UIDs and
SEQUENCE as the .ics export), with the coordinator as ORGANIZER and every
ATTENDEE asked to answer (RSVP=TRUE). Occurrences a person was invited to and
no longer attends get a ``METHOD:CANCEL`` message. The project remembers who
was invited to what (``Project.invited``) and the export stamps, so that a new
round bumps SEQUENCE only for what changed.
"""

from __future__ import annotations

import re
import smtplib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

import icalendar

from visitplanner.domain import Participant, Project
from visitplanner.domain.clock import hhmm
from visitplanner.domain.project import ExportStamp
from visitplanner.domain.replies import activity_of
from visitplanner.i18n import _, current_language, format_day, language
from visitplanner.io.atomic import write_atomic
from visitplanner.io.ics_export import (
    PRODID,
    build_calendar,
    event_uid,
    export_stamps,
    person_file_names,
    person_language,
)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class InvitationError(Exception):
    """Invitations cannot be made or sent; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Invitation:
    """One e-mail to one participant: a REQUEST (their programme) or a CANCEL."""

    person: str
    method: str
    keys: tuple[str, ...]
    file_name: str
    message: EmailMessage


def build_invitations(
    project: Project, *, now: datetime | None = None
) -> tuple[Project, list[Invitation]]:
    """Every invitation and cancellation to send now, and the project remembering them.

    Raises :class:`InvitationError` when the coordinator's address is missing.
    """
    coordinator = project.visit.coordinator
    if not coordinator.email:
        raise InvitationError(
            _(
                "Enter the coordinator's name and e-mail address in the visit's settings: "
                "invitations come from the coordinator and replies go back there."
            )
        )
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    stamps = export_stamps(project)
    names = person_file_names(project)
    out: list[Invitation] = []
    for person in project.visit.participants:
        if not person.email:
            continue
        stem = Path(names[person.id]).stem
        with language(person_language(person)):
            keys = tuple(p.key for p in project.schedule if person.id in p.attendees)
            if keys:
                out.append(_request(project, person, keys, f"{stem}.eml", moment))
            gone = tuple(
                key
                for key, invited in sorted(project.invited.items())
                if person.id in invited and key not in keys
            )
            if gone:
                out.append(_cancel(project, person, gone, stamps, f"{stem}-cancel.eml", moment))
    for key in {k for inv in out if inv.method == "CANCEL" for k in inv.keys}:
        if project.schedule.get(key) is None:
            old = stamps.get(key, ExportStamp("", 0))
            stamps[key] = ExportStamp("cancelled", old.sequence + 1)
    invited = {
        p.key: tuple(pid for pid in p.attendees if _email_of(project, pid))
        for p in project.schedule
    }
    return replace(project, exports=stamps, invited=invited), out


def write_invitations(invitations: list[Invitation], folder: Path) -> list[Path]:
    """Write each invitation as ``<file_name>`` in ``folder`` (atomically); returns the paths."""
    written = []
    for inv in invitations:
        path = folder / inv.file_name
        write_atomic(path, bytes(inv.message))
        written.append(path)
    return written


def send_invitations(invitations: list[Invitation], host: str, port: int) -> int:
    """Send the invitations through the SMTP server at ``host:port``; returns how many.

    Raises :class:`InvitationError` (saying how many went out) when the server fails.
    """
    sent = 0
    try:
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            for inv in invitations:
                smtp.send_message(inv.message)
                sent += 1
    except (OSError, smtplib.SMTPException) as exc:
        raise InvitationError(
            _("The mail server {server} did not take the invitations ({reason}); {n} sent.").format(
                server=f"{host}:{port}", reason=exc, n=sent
            )
        ) from None
    return sent


def _email_of(project: Project, pid: str) -> str:
    for p in project.visit.participants:
        if p.id == pid:
            return p.email
    return ""


def _message(project: Project, person: Participant, subject: str, body: str) -> EmailMessage:
    coordinator = project.visit.coordinator
    msg = EmailMessage()
    msg["From"] = formataddr((coordinator.name, coordinator.email))
    msg["To"] = formataddr((person.name, person.email))
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="visitplanner")
    msg["Content-Language"] = current_language()
    msg.set_content(body)
    return msg


def _attach(msg: EmailMessage, calendar: icalendar.Calendar, method: str) -> EmailMessage:
    msg.add_alternative(
        calendar.to_ical().decode("utf-8"), subtype="calendar", params={"method": method}
    )
    return msg


def _request(
    project: Project, person: Participant, keys: tuple[str, ...], name: str, now: datetime
) -> Invitation:
    calendar = build_calendar(project, person.id, now=now)
    calendar.add("method", "REQUEST")
    for event in calendar.walk("VEVENT"):
        attendees = event.get("ATTENDEE", [])
        for address in attendees if isinstance(attendees, list) else [attendees]:
            address.params["RSVP"] = "TRUE"
            address.params["PARTSTAT"] = "NEEDS-ACTION"
    visit = project.visit
    lines = [
        _("Hello {name},").format(name=person.name),
        "",
        _("You are invited to these meetings of “{visit}” ({zone} time):").format(
            visit=visit.title, zone=visit.zone
        ),
        "",
    ]
    for key in keys:
        p = project.schedule.get(key)
        if p is None:
            continue
        title = visit.activity(p.activity_id).title_in(current_language())
        day = format_day(visit.dates[p.day - 1])
        lines.append(f"- {day}, {hhmm(p.start)}-{hhmm(p.end)}: {title}")
    lines += [
        "",
        _("Please answer each invitation (accept, decline or maybe) in your calendar program."),
        "",
        visit.coordinator.name or visit.coordinator.email,
    ]
    subject = _("Invitation: {visit}").format(visit=visit.title)
    msg = _attach(_message(project, person, subject, "\n".join(lines)), calendar, "REQUEST")
    msg["Date"] = format_datetime(now)
    return Invitation(person.id, "REQUEST", keys, name, msg)


def _cancel(
    project: Project,
    person: Participant,
    keys: tuple[str, ...],
    stamps: dict[str, ExportStamp],
    name: str,
    now: datetime,
) -> Invitation:
    visit = project.visit
    calendar = icalendar.Calendar.new(prodid=PRODID)
    calendar.add("method", "CANCEL")
    coordinator = icalendar.vCalAddress.new(
        visit.coordinator.email, cn=visit.coordinator.name or None
    )
    titles = []
    # Meetings still held (without this person) keep their time, so clients show it.
    held = {str(e["UID"]): e for e in build_calendar(project, now=now).walk("VEVENT")}
    if any(project.schedule.get(key) is not None for key in keys):
        for zone in build_calendar(project, now=now).walk("VTIMEZONE"):
            calendar.add_component(zone)
    for key in keys:
        activity = next((a for a in visit.activities if a.id == activity_of(key)), None)
        title = activity.title_in(current_language()) if activity else key
        titles.append(title)
        still = project.schedule.get(key) is not None
        old = stamps.get(key, ExportStamp("", 0)).sequence
        event = icalendar.Event.new(
            uid=event_uid(project, key),
            stamp=now,
            sequence=old if still else old + 1,
            summary=title,
            organizer=coordinator,
        )
        source = held.get(event_uid(project, key))
        if still and source is not None:
            event.add("dtstart", source.decoded("DTSTART"))
            event.add("dtend", source.decoded("DTEND"))
        event.add("status", "CANCELLED")
        event.add("attendee", icalendar.vCalAddress.new(person.email, cn=person.name))
        calendar.add_component(event)
    body = "\n".join(
        [
            _("Hello {name},").format(name=person.name),
            "",
            _("These meetings of “{visit}” no longer include you, or were cancelled:").format(
                visit=visit.title
            ),
            "",
            *(f"- {t}" for t in titles),
            "",
            visit.coordinator.name or visit.coordinator.email,
        ]
    )
    subject = _("Cancelled: {visit}").format(visit=visit.title)
    msg = _attach(_message(project, person, subject, body), calendar, "CANCEL")
    msg["Date"] = format_datetime(now)
    return Invitation(person.id, "CANCEL", keys, name, msg)
