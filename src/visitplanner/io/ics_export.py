"""Export the programme as iCalendar (.ics) files that calendar programs import.

Each placed occurrence becomes one VEVENT in the visit's time zone (with its
VTIMEZONE). UIDs are ``"<occurrence key>.<project uid>@visitplanner"``, so a
re-export updates events people already imported instead of duplicating them;
the same UID is used in everyone's calendar. SEQUENCE comes from the project's
export stamps: it goes up by one when an event's content changed since the
last export and stays the same otherwise.

ORGANIZER is the first host with an email address (in the Paris case, the PB
lead who agreed the schedule with the visitors). A visit without such a host
gets a placeholder address ``visit-<project uid>@visitplanner.invalid`` named
after the visit, which no mail can reach. Participants without an email
address get no ATTENDEE line (calendar programs need an address) but are
still named in the description.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from visitplanner.domain import Participant, Placement, Project, Side
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.domain.project import ExportStamp
from visitplanner.i18n import LANGUAGES, _, current_language, format_day, language
from visitplanner.io.atomic import write_atomic
from visitplanner.io.export_files import (
    ALL_FILE,
    ExportError,
    ExportPlan,
    one_line,
    person_file_names,
    write_all,
)
from visitplanner.io.project_values import FIRST_DATE, LAST_DATE

__all__ = [
    "ALL_FILE",
    "ExportError",
    "ExportPlan",
    "build_calendar",
    "check_exportable",
    "event_uid",
    "export_ics",
    "export_plan",
    "export_stamps",
    "person_file_names",
]

PRODID = "-//Visit Planner//Visit Planner 0.1//EN"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class _EventData:
    """Everything an event says, person-independent (what the fingerprint covers)."""

    placement: Placement
    uid: str
    summary: str
    start: datetime
    end: datetime
    location: str
    description: str
    category: str
    attendees: tuple[tuple[str, str, str, bool], ...]  # email, name, role, is_group

    def fingerprint(self) -> str:
        content: dict[str, Any] = {
            "uid": self.uid,
            "summary": self.summary,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "zone": str(self.start.tzinfo),
            "location": self.location,
            "description": self.description,
            "category": self.category,
            "attendees": [list(a) for a in self.attendees],
        }
        text = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def event_uid(project: Project, key: str) -> str:
    """The stable UID of occurrence ``key`` in ``project``."""
    return f"{key}.{project.uid}@visitplanner"


def export_stamps(project: Project) -> dict[str, ExportStamp]:
    """The export stamps after exporting ``project.schedule`` now.

    Occurrences whose content is unchanged keep their SEQUENCE; changed ones go
    up by one; new ones start at 0. Stamps of occurrences no longer scheduled are
    kept, so that a re-added occurrence does not go back in SEQUENCE.
    """
    stamps = dict(project.exports)
    index = VisitIndex(project.visit)
    # The same event in every language: a change in any translation is a change.
    texts: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        with language(lang):
            for data in _events(project, index):
                texts.setdefault(data.placement.key, []).append(data.fingerprint())
    for data in _events(project, index):
        key = data.placement.key
        fingerprint = _combined(texts[key])
        old = project.exports.get(key)
        if old is None:
            stamps[key] = ExportStamp(fingerprint, 0)
        elif old.fingerprint != fingerprint:
            stamps[key] = ExportStamp(fingerprint, old.sequence + 1)
    return stamps


def _combined(fingerprints: list[str]) -> str:
    if len(set(fingerprints)) == 1:
        return fingerprints[0]
    return hashlib.sha256("".join(fingerprints).encode("ascii")).hexdigest()[:16]


def person_language(participant: Participant) -> str:
    """The language a participant's outputs are written in: their first language."""
    return participant.languages[0] if participant.languages else current_language()


def build_calendar(
    project: Project, person: str | None = None, *, now: datetime | None = None
) -> icalendar.Calendar:
    """The calendar of every placed occurrence, or only those ``person`` attends.

    ``now`` (UTC) is used for DTSTAMP; it defaults to the current time.
    """
    visit = project.visit
    index = VisitIndex(visit)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    stamps = export_stamps(project)
    name = one_line(visit.title)
    cal_uid = f"{one_line(project.uid)}@visitplanner"
    if person is not None:
        if person not in index.people:
            raise KeyError(person)
        name = f"{name} — {one_line(index.name(person))}"
        cal_uid = f"{one_line(person)}.{cal_uid}"
    calendar = icalendar.Calendar.new(name=name, prodid=PRODID, uid=cal_uid, calscale="GREGORIAN")
    first, last = _tz_bounds(visit.dates)
    # The zone comes first and always, so that even an empty calendar names it.
    calendar.add_component(
        icalendar.Timezone.from_tzid(visit.zone, first_date=first, last_date=last)
    )
    organizer = _organizer(project)
    for data in _events(project, index):
        if person is not None and person not in data.placement.attendees:
            continue
        calendar.add_component(_vevent(data, organizer, stamp, stamps[data.placement.key].sequence))
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def export_ics(
    project: Project, target: Path, per_person: bool = False, *, now: datetime | None = None
) -> tuple[Project, list[Path]]:
    """Write the programme as .ics and return the project with updated export stamps.

    With ``per_person`` false, one calendar is written to ``target``. With
    ``per_person`` true, ``target`` is a folder (created if new) that receives
    ``all.ics`` and one calendar per participant named after them (see
    :func:`person_file_names`; a valid, possibly empty calendar for people who
    attend nothing). All or nothing: every calendar is built before anything is
    written (``ExportError`` if the project cannot be exported), the files go to
    a temporary folder next to the target and are then moved into place.
    """
    contents = _contents(project, Path(target), per_person, now)
    if not per_person:
        write_atomic(target, contents[Path(target)])
    else:
        write_all(Path(target), {path.name: data for path, data in contents.items()})
    return replace(project, exports=export_stamps(project)), list(contents)


def export_plan(project: Project, target: Path, per_person: bool = False) -> ExportPlan:
    """The files :func:`export_ics` would write, and which of them exist already.

    The UI calls this to ask "overwrite?" before exporting.
    """
    folder = Path(target)
    files: tuple[Path, ...]
    if not per_person:
        files = (folder,)
    else:
        files = (folder / ALL_FILE, *(folder / n for n in person_file_names(project).values()))
    return ExportPlan(files, tuple(f for f in files if f.exists() or f.is_symlink()))


def _contents(
    project: Project, target: Path, per_person: bool, now: datetime | None
) -> dict[Path, bytes]:
    check_exportable(project)
    try:
        if not per_person:
            return {target: build_calendar(project, now=now).to_ical()}
        out = {target / ALL_FILE: build_calendar(project, now=now).to_ical()}
        for pid, filename in person_file_names(project).items():
            with language(person_language(project.visit.participant(pid))):
                out[target / filename] = build_calendar(project, pid, now=now).to_ical()
    except (ValueError, OverflowError, KeyError) as exc:
        raise ExportError(_("the calendars cannot be made ({reason})").format(reason=exc)) from exc
    return out


def check_exportable(project: Project) -> None:
    """Refuse (``ExportError``) a project whose calendars cannot be made."""
    visit = project.visit
    if not visit.dates:
        raise ExportError(_("the visit has no dates"))
    for day in visit.dates:
        if not FIRST_DATE <= day <= LAST_DATE:
            raise ExportError(
                _("the date {day} is not between {first} and {last}").format(
                    day=day, first=FIRST_DATE, last=LAST_DATE
                )
            )
    try:
        ZoneInfo(visit.zone)
    except (ValueError, OSError, KeyError):
        raise ExportError(
            _("'{zone}' is not a known time zone").format(zone=one_line(visit.zone)[:60])
        ) from None


def _tz_bounds(dates: tuple[date, ...]) -> tuple[date, date]:
    """A year either side of the visit: enough for the VTIMEZONE, and short."""
    if not dates:
        today = datetime.now(UTC).date()
        return today - timedelta(days=366), today + timedelta(days=366)
    return min(dates) - timedelta(days=366), max(dates) + timedelta(days=366)


def _organizer(project: Project) -> icalendar.vCalAddress:
    coordinator = project.visit.coordinator
    if coordinator.email:
        return icalendar.vCalAddress.new(coordinator.email, cn=coordinator.name or None)
    for p in project.visit.participants:
        if p.side is Side.HOST and p.email:
            return icalendar.vCalAddress.new(one_line(p.email), cn=one_line(p.name))
    placeholder = f"visit-{_UNSAFE.sub('-', project.uid)}@visitplanner.invalid"
    return icalendar.vCalAddress.new(placeholder, cn=one_line(project.visit.title))


def _vevent(
    data: _EventData, organizer: icalendar.vCalAddress, stamp: datetime, sequence: int
) -> icalendar.Event:
    event = icalendar.Event.new(
        uid=data.uid,
        stamp=stamp,
        sequence=sequence,
        summary=data.summary,
        start=data.start,
        end=data.end,
        location=data.location,
        description=data.description,
        categories=[data.category],
        organizer=organizer,
    )
    for email, name, role, is_group in data.attendees:
        event.add(
            "attendee",
            icalendar.vCalAddress.new(
                email, cn=name, role=role, cutype="GROUP" if is_group else "INDIVIDUAL"
            ),
        )
    return event


def _events(project: Project, index: VisitIndex) -> list[_EventData]:
    visit = project.visit
    tz = ZoneInfo(visit.zone)
    out: list[_EventData] = []
    for p in project.schedule.sorted():
        activity = index.activities.get(p.activity_id)
        if activity is None:
            raise ValueError(
                _("the schedule places '{id}', which is not an activity").format(id=p.activity_id)
            )
        if not 1 <= p.day <= visit.n_days:
            raise ValueError(
                _("'{title}' is placed on day {n}, outside the visit").format(
                    title=activity.title, n=p.day
                )
            )
        day = visit.dates[p.day - 1]
        attendees = tuple(
            (
                one_line(person.email),
                one_line(person.name),
                "REQ-PARTICIPANT" if pid in activity.required else "OPT-PARTICIPANT",
                person.is_group,
            )
            for pid in p.attendees
            if (person := index.people.get(pid)) is not None and one_line(person.email)
        )
        out.append(
            _EventData(
                placement=p,
                uid=event_uid(project, p.key),
                summary=one_line(activity.title_in(current_language())),
                start=_local(day, p.start, tz),
                end=_local(day, p.end, tz),
                location=one_line(_location(project, p.venue)),
                description=_CONTROL_IN_TEXT.sub(" ", _description(project, index, p)),
                category="Formal" if activity.is_formal else "Informal",
                attendees=attendees,
            )
        )
    return out


def _local(day: date, minute: int, tz: ZoneInfo) -> datetime:
    return (datetime.combine(day, time(0)) + timedelta(minutes=minute)).replace(tzinfo=tz)


def _location(project: Project, venue_id: str) -> str:
    for v in project.visit.venues:
        if v.id == venue_id:
            name = v.name_in(current_language())
            return f"{name}, {v.address}" if v.address else name
    return venue_id


def _description(project: Project, index: VisitIndex, p: Placement) -> str:
    activity = index.activities[p.activity_id]
    visit = project.visit
    kind = _("Formal meeting") if activity.is_formal else _("Informal time")
    when = format_day(visit.dates[p.day - 1])
    lines = [
        _("{kind} — {day}, {start}-{end} ({zone} time)").format(
            kind=kind, day=when, start=hhmm(p.start), end=hhmm(p.end), zone=visit.zone
        ),
        _interpreter_line(index, p),
        "",
        _("Attending ({count}):").format(count=len(p.attendees)),
    ]
    for pid in p.attendees:
        person = index.people.get(pid)
        label = _person_text(person) if person else pid
        need = _("required") if pid in activity.required else _("optional")
        lines.append(f"- {label} — {need}")
    notes = activity.notes_in(current_language()).strip()
    if notes:
        lines += ["", _("Notes:"), notes]
    return "\n".join(lines)


def _person_text(person: Participant) -> str:
    details = ", ".join(x for x in (person.role, person.organisation) if x)
    return f"{person.name} ({details})" if details else person.name


def _interpreter_line(index: VisitIndex, p: Placement) -> str:
    present = [index.name(pid) for pid in p.attendees if pid in index.interpreters]
    needed = index.needs_interpreter(p.attendees)
    if present:
        who = _(" and ").join(present)
        if needed:
            return _("Interpreter present: {who}.").format(who=who)
        return _("Interpreter present: {who} (everyone shares a language).").format(who=who)
    if needed:
        return _("No interpreter present, although not everyone shares a language.")
    return _("No interpreter needed: everyone shares a language.")
