"""Availability typed in a spreadsheet: rows ``person,date,from,to,level``.

``person`` is a participant id or exact name, ``date`` is YYYY-MM-DD, ``from``
and ``to`` are HH:MM in the person's home zone, ``level`` is available, if need
be or unavailable. A header row is optional; commas or semicolons separate
values. Any bad row refuses the whole file (``InputFileError``, place "row N").
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from visitplanner.domain import AvailabilityRange, Level, Participant, Visit
from visitplanner.domain.availability import local_range
from visitplanner.domain.clock import parse_hhmm
from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError, cannot_read
from visitplanner.io.project_values import FIRST_DATE, LAST_DATE

MAX_CSV_BYTES = 16 * 1024 * 1024
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEADER = ("person", "date", "from", "to", "level")
_LEVELS = {
    "available": Level.AVAILABLE,
    "free": Level.AVAILABLE,
    "if need be": Level.IF_NEED_BE,
    "if_need_be": Level.IF_NEED_BE,
    "if-need-be": Level.IF_NEED_BE,
    "ifneedbe": Level.IF_NEED_BE,
    "unavailable": Level.UNAVAILABLE,
    "busy": Level.UNAVAILABLE,
    "not available": Level.UNAVAILABLE,
}


class _RowError(Exception):
    pass


def read_availability_csv(
    path: str | Path, visit: Visit
) -> dict[str, tuple[AvailabilityRange, ...]]:
    """Ranges per participant id, in file order, read from the CSV file at ``path``."""
    target = Path(path)
    try:
        if target.stat().st_size > MAX_CSV_BYTES:
            raise InputFileError(target, "", _too_big())
        raw = target.read_bytes()
    except FileNotFoundError:
        raise InputFileError(target, "", _("the file does not exist")) from None
    except IsADirectoryError:
        raise InputFileError(target, "", _("this is a folder, not a table")) from None
    except OSError as exc:
        raise InputFileError(target, "", cannot_read(exc.strerror or str(exc))) from None
    return parse_availability_csv(raw, visit, target)


def parse_availability_csv(
    raw: bytes, visit: Visit, name: str | Path = "availability.csv"
) -> dict[str, tuple[AvailabilityRange, ...]]:
    """Like :func:`read_availability_csv` for bytes already in memory."""
    if len(raw) > MAX_CSV_BYTES:
        raise InputFileError(name, "", _too_big())
    text = _decode(raw)
    if "\x00" in text:
        raise InputFileError(name, "", _("this is not a table of availability (it is binary data)"))
    people = _People(visit.participants)
    out: dict[str, list[AvailabilityRange]] = {}
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        raise InputFileError(
            name, "", _("this table cannot be read ({reason})").format(reason=exc)
        ) from None
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if number == _first_filled(rows) and _is_header(cells):
            continue
        try:
            pid, rng = _row(cells, people)
        except _RowError as exc:
            raise InputFileError(name, _("row {n}").format(n=number), str(exc)) from None
        out.setdefault(pid, []).append(rng)
    return {pid: tuple(ranges) for pid, ranges in out.items()}


def _too_big() -> str:
    return _("the file is too big for an availability table")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """Semicolon if the first filled line has more semicolons than commas."""
    for line in text.splitlines():
        if line.strip():
            return ";" if line.count(";") > line.count(",") else ","
    return ","


def _first_filled(rows: list[list[str]]) -> int:
    for number, row in enumerate(rows, start=1):
        if any(c.strip() for c in row):
            return number
    return 0


def _is_header(cells: list[str]) -> bool:
    return tuple(c.lower() for c in cells) == HEADER or cells[0].lower() == "person"


class _People:
    def __init__(self, participants: tuple[Participant, ...]) -> None:
        self.by_id = {p.id: p for p in participants}
        self.by_name: dict[str, list[Participant]] = {}
        for p in participants:
            self.by_name.setdefault(p.name, []).append(p)

    def find(self, text: str) -> Participant:
        if text in self.by_id:
            return self.by_id[text]
        named = self.by_name.get(text, [])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise _RowError(
                _("several participants are called '{name}'; use their id instead").format(
                    name=_short(text)
                )
            )
        raise _RowError(
            _("there is no participant with the id or name '{name}'").format(name=_short(text))
        )


def _row(cells: list[str], people: _People) -> tuple[str, AvailabilityRange]:
    if len(cells) != 5:
        raise _RowError(
            _("it has {n} values; each row needs 5: person, date, from, to, level").format(
                n=len(cells)
            )
        )
    who, day_text, start_text, end_text, level_text = cells
    person = people.find(who)
    try:
        if not _DATE.fullmatch(day_text):
            raise ValueError(day_text)
        day = date.fromisoformat(day_text)
    except ValueError:
        raise _RowError(
            _("'{text}' is not a date like 2027-03-23").format(text=_short(day_text))
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise _RowError(
            _("the date {day} is not between {first} and {last}").format(
                day=day_text, first=FIRST_DATE, last=LAST_DATE
            )
        )
    try:
        start = parse_hhmm(start_text)
        end = parse_hhmm(end_text)
    except ValueError as exc:
        raise _RowError(str(exc)) from None
    if end <= start:
        raise _RowError(
            _("the time {end} is not after {start}").format(end=end_text, start=start_text)
        )
    level = _LEVELS.get(" ".join(level_text.lower().split()))
    if level is None:
        raise _RowError(
            _("'{text}' is not a level; use available, if need be or unavailable").format(
                text=_short(level_text)
            )
        )
    try:
        return person.id, local_range(day, start, end, person.home_zone, level)
    except (ValueError, KeyError) as exc:
        raise _RowError(_("this time cannot be used ({reason})").format(reason=exc)) from None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
