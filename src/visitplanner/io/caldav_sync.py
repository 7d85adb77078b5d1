"""A shared calendar on a CalDAV server: publish the programme, read people's busy time.

Publishing writes one calendar object per occurrence (the events of
:func:`visitplanner.io.ics_export.build_calendar`, same UIDs), updates in place
what changed, deletes what left the programme and leaves everything else in
the collection alone. Each published event carries a fingerprint of its
content (``X-VISITPLANNER-FINGERPRINT``) so that publishing twice changes
nothing. Passwords are only passed through, never stored.

Reading busy time sends a free-busy-query REPORT and accepts both the RFC 4791
answer (FREEBUSY periods) and one VFREEBUSY per busy interval, as Radicale
writes it; a server that refuses the query has its events read instead. Either
way the answer goes through :mod:`visitplanner.io.ics_import`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import caldav
import icalendar
from caldav.lib import error as dav_error

from visitplanner.domain import Project
from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_export import PRODID, build_calendar
from visitplanner.io.ics_import import BusyInterval, read_calendar_bytes

FINGERPRINT = "X-VISITPLANNER-FINGERPRINT"
TIMEOUT_S = 30


class CalendarServerError(Exception):
    """The server cannot be used; ``message`` says why in plain words."""

    def __init__(self, message: str, report: PublishReport | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.report = report


@dataclass
class PublishReport:
    """What a publication wrote, by event UID."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """How many objects on the server were written or deleted."""
        return len(self.created) + len(self.updated) + len(self.deleted)


Progress = Callable[[int, int], None]


@contextmanager
def server_errors(url: str, report: PublishReport | None = None) -> Iterator[None]:
    """Turn the caldav library's and the network's errors into :class:`CalendarServerError`."""
    try:
        yield
    except dav_error.AuthorizationError:
        raise CalendarServerError(
            _("The calendar server at {url} refused the user name or password.").format(url=url),
            report,
        ) from None
    except dav_error.NotFoundError:
        raise CalendarServerError(
            _("There is no calendar at {url}: check the address.").format(url=url), report
        ) from None
    except dav_error.DAVError as exc:
        raise CalendarServerError(
            _("The calendar server at {url} answered with an error ({reason}).").format(
                url=url, reason=getattr(exc, "reason", None) or type(exc).__name__
            ),
            report,
        ) from None
    except OSError:  # network errors (niquests' ConnectionError, timeouts) are OSErrors
        raise CalendarServerError(
            _(
                "Could not reach the calendar server at {url}: is it running and the address right?"
            ).format(url=url),
            report,
        ) from None


def open_calendar(url: str, user: str, password: str) -> Any:
    """The calendar collection at ``url``, checked to exist and to accept the password."""
    with server_errors(url):
        client: Any = caldav.DAVClient(  # type: ignore[operator]
            url=url, username=user, password=password, timeout=TIMEOUT_S
        )
        calendar = client.calendar(url=url)
        calendar.get_display_name()
        return calendar


def publish(
    project: Project,
    url: str,
    user: str,
    password: str,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> PublishReport:
    """Make the collection at ``url`` hold the programme; report what was written.

    Raises :class:`CalendarServerError` carrying the partial report if the
    server fails half-way.
    """
    calendar = open_calendar(url, user, password)
    wanted = _objects(project, now)
    report = PublishReport()
    suffix = f".{project.uid}@visitplanner"
    with server_errors(url, report):
        existing: dict[str, Any] = {}
        for obj in calendar.events():
            component = obj.icalendar_component
            uid = str(component.get("UID", ""))
            if uid:
                existing[uid] = (obj, str(component.get(FINGERPRINT, "")))
        stale = [uid for uid in existing if uid.endswith(suffix) and uid not in wanted]
        total, done = len(wanted) + len(stale), 0
        for uid, (text, fingerprint) in wanted.items():
            old = existing.get(uid)
            if old is not None and old[1] == fingerprint:
                report.unchanged.append(uid)
            elif old is not None:
                old[0].data = text
                old[0].save()
                report.updated.append(uid)
            else:
                calendar.save_event(text)
                report.created.append(uid)
            done += 1
            if progress:
                progress(done, total)
        for uid in stale:
            existing[uid][0].delete()
            report.deleted.append(uid)
            done += 1
            if progress:
                progress(done, total)
    return report


def read_busy(
    url: str, user: str, password: str, zone: str, first_day: date, last_day: date
) -> list[BusyInterval]:
    """Busy time in the collection at ``url`` between two days in ``zone``."""
    calendar = open_calendar(url, user, password)
    tz = ZoneInfo(zone)
    start = datetime.combine(first_day, time(0), tz).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time(0), tz).astimezone(UTC)
    name = _("calendar server at {url}").format(url=url)
    try:
        with server_errors(url):
            answer = calendar.freebusy_request(start, end)
            data = _rfc_freebusy(str(answer.data), start, end)
    except CalendarServerError:
        data = None  # the server does not answer free-busy queries: read its events
    if data is None:
        with server_errors(url):
            texts = [obj.data for obj in calendar.search(start=start, end=end, event=True)]
        data = _joined(texts)
    try:
        return read_calendar_bytes(data, name, zone, first_day, last_day)
    except InputFileError as exc:
        raise CalendarServerError(exc.message) from None


def _objects(project: Project, now: datetime | None) -> dict[str, tuple[str, str]]:
    """One calendar object text per event, with its fingerprint, by UID."""
    full = build_calendar(project, now=now)
    zones = list(full.walk("VTIMEZONE"))
    out: dict[str, tuple[str, str]] = {}
    for event in full.walk("VEVENT"):
        lines = [ln for ln in event.to_ical().splitlines() if not ln.startswith(b"DTSTAMP")]
        fingerprint = hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]
        event.add(FINGERPRINT, fingerprint)
        single = icalendar.Calendar.new(prodid=PRODID)
        for zone in zones:
            single.add_component(zone)
        single.add_component(event)
        out[str(event["UID"])] = (single.to_ical().decode("utf-8"), fingerprint)
    return out


def _rfc_freebusy(text: str, start: datetime, end: datetime) -> bytes | None:
    """The answer as FREEBUSY periods: a VFREEBUSY per busy interval is rewritten."""
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError:
        return None
    out = icalendar.Calendar.new(prodid=PRODID)
    summary = icalendar.FreeBusy()
    summary.add("dtstamp", datetime.now(UTC))
    summary.add("dtstart", start)
    summary.add("dtend", end)
    for component in calendar.walk("VFREEBUSY"):
        periods = component.get("FREEBUSY", [])
        for value in periods if isinstance(periods, list) else [periods]:
            summary.add("freebusy", value)
        if not periods and "DTSTART" in component and "DTEND" in component:
            lo, hi = component.decoded("DTSTART"), component.decoded("DTEND")
            if isinstance(lo, datetime) and isinstance(hi, datetime) and (lo, hi) != (start, end):
                summary.add("freebusy", [(lo.astimezone(UTC), hi.astimezone(UTC))])
    out.add_component(summary)
    return bytes(out.to_ical())


def _joined(texts: list[str]) -> bytes:
    """Several calendar objects as one calendar (their events and time zones)."""
    out = icalendar.Calendar.new(prodid=PRODID)
    seen: set[str] = set()
    for text in texts:
        for component in icalendar.Calendar.from_ical(text).subcomponents:
            if component.name == "VTIMEZONE":
                if str(component.get("TZID")) in seen:
                    continue
                seen.add(str(component.get("TZID")))
            out.add_component(component)
    return bytes(out.to_ical())
