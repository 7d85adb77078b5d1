"""Reading answers to invitations (iTIP REPLY, RFC 5546) as calendar programs write them.

A reply file is an .ics calendar (``METHOD:REPLY``) or an e-mail (.eml) carrying
one as ``text/calendar``. Only what identifies the answer is read: each VEVENT's
UID and the ATTENDEE lines with their PARTSTAT, so replies from Thunderbird,
Outlook (Windows time-zone names, ``MAILTO:`` in capitals) and Google all read
the same way. Answers are matched to the project by UID and attendee address;
what does not match is listed, not refused.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from pathlib import Path

import icalendar

from visitplanner.domain import Project
from visitplanner.domain.replies import Reply, ReplyStatus
from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError, cannot_read
from visitplanner.io.ics_export import event_uid

MAX_REPLY_BYTES = 5 * 1024 * 1024
_STATUS = {
    "ACCEPTED": ReplyStatus.ACCEPTED,
    "DECLINED": ReplyStatus.DECLINED,
    "TENTATIVE": ReplyStatus.TENTATIVE,
    "NEEDS-ACTION": ReplyStatus.NEEDS_ACTION,
}


@dataclass(frozen=True)
class Answer:
    """One ATTENDEE line of a reply: who answered what about which UID, from which file."""

    file: str
    uid: str
    address: str
    status: ReplyStatus


@dataclass(frozen=True)
class Unmatched:
    """An answer that is not about this project's programme, and why."""

    file: str
    uid: str
    address: str
    reason: str


@dataclass(frozen=True)
class MatchedReplies:
    """The answers that match the project, as replies to store, and the rest."""

    replies: list[Reply]
    unmatched: list[Unmatched]


def read_reply_file(path: Path) -> list[Answer]:
    """The answers in a reply file; raises ``InputFileError`` if it is not a calendar."""
    try:
        data = path.read_bytes()[: MAX_REPLY_BYTES + 1]
    except OSError as exc:
        raise InputFileError(path, "", cannot_read(exc.strerror or str(exc))) from None
    if len(data) > MAX_REPLY_BYTES:
        raise InputFileError(path, "", _("the file is too big to be a calendar reply"))
    return read_reply_bytes(data, str(path))


def read_reply_bytes(data: bytes, name: str) -> list[Answer]:
    """The answers in ``data`` (an .ics calendar or an e-mail carrying one)."""
    text = _calendar_text(data)
    if text is None or b"BEGIN:VCALENDAR" not in text.upper():
        raise InputFileError(name, "", _("this is not a calendar (no BEGIN:VCALENDAR)"))
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InputFileError(
            name, "", _("the calendar cannot be read ({reason})").format(reason=exc)
        ) from None
    answers: list[Answer] = []
    for calendar in calendars:
        for event in calendar.walk("VEVENT"):
            uid = str(event.get("UID", "")).strip()
            attendees = event.get("ATTENDEE", [])
            for attendee in attendees if isinstance(attendees, list) else [attendees]:
                status = _STATUS.get(str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
                answers.append(
                    Answer(name, uid, _address(str(attendee)), status or ReplyStatus.NEEDS_ACTION)
                )
    return answers


def match_replies(project: Project, answers: list[Answer]) -> MatchedReplies:
    """Match answers to occurrences (by UID) and participants (by address)."""
    by_uid = {event_uid(project, p.key): p for p in project.schedule}
    by_address = {p.email.strip().lower(): p.id for p in project.visit.participants if p.email}
    replies: list[Reply] = []
    unmatched: list[Unmatched] = []
    for a in answers:
        placement = by_uid.get(a.uid)
        person = by_address.get(a.address)
        if placement is None:
            reason = _("not a meeting of the current programme")
        elif person is None:
            reason = _("not the address of a participant")
        elif person not in placement.attendees:
            reason = _("this person is not invited to this meeting")
        else:
            replies.append(
                Reply(
                    placement.key, person, a.status, placement.day, placement.start, placement.end
                )
            )
            continue
        unmatched.append(Unmatched(a.file, a.uid, a.address, reason))
    return MatchedReplies(replies, unmatched)


def _address(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    return value.strip().lower()


def _calendar_text(data: bytes) -> bytes | None:
    """The calendar in ``data``: the file itself, or an e-mail's text/calendar part."""
    head = data.lstrip()[:200].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return data
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() in ("text/calendar", "application/ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload
    return None
