"""Reading project files: everything is checked; a bad file is refused whole.

Every problem is reported as :class:`InputFileError` naming the file, the place
in it (e.g. ``activities[2].windows[0].from``) and the problem in plain words.
"""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.domain import (
    Activity,
    Availability,
    AvailabilityRange,
    Balance,
    DateWindow,
    InterpreterRules,
    Kind,
    Level,
    MinAttendance,
    Participant,
    Placement,
    Project,
    Schedule,
    Side,
    TravelTimes,
    Venue,
    Visit,
    Weights,
    Window,
)
from visitplanner.domain.clock import parse_hhmm
from visitplanner.domain.project import ExportStamp
from visitplanner.domain.replies import Reply, ReplyStatus
from visitplanner.domain.visit import Coordinator
from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError
from visitplanner.io.json_node import BadValueError, JsonNode
from visitplanner.io.project_values import (
    MAX_CANDIDATE_DAYS,
    MINUTES_CAP,
    day,
    days,
    moment,
    weight,
)
from visitplanner.io.project_write import FORMAT_NAME, FORMAT_VERSION, WEEKDAY_NAMES

MAX_PROJECT_BYTES = 8 * 1024 * 1024
"""Project files larger than this are refused before being read (8 MB load in about 2 s)."""


def load_project(path: str | Path) -> Project:
    """Load a project file, or raise :class:`InputFileError` saying what is wrong."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_PROJECT_BYTES + 1)
    except IsADirectoryError:
        raise InputFileError(path, "", _("this is a folder, not a project file")) from None
    except OSError as exc:
        raise InputFileError(
            path, "", _("the file cannot be read ({reason})").format(reason=exc.strerror or exc)
        ) from None
    return parse_project(raw, path)


def parse_project(raw: bytes, path: str | Path = "project.json") -> Project:
    """Parse project-file bytes; ``path`` names the file in error messages."""
    if len(raw) > MAX_PROJECT_BYTES:
        raise InputFileError(
            path,
            "",
            _("the file is larger than {mb} MB, too big for a project file").format(
                mb=MAX_PROJECT_BYTES // 1024 // 1024
            ),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path, _("byte {n}").format(n=exc.start), _("the file is not UTF-8 text")
        ) from None
    if not text.strip():
        raise InputFileError(path, "", _("the file is empty"))
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputFileError(
            path, "", _("not a valid project file (lists or sections are nested too deeply)")
        ) from None
    except json.JSONDecodeError as exc:
        at_end = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        problem = _("the file is cut short") if at_end else exc.msg
        raise InputFileError(
            path,
            _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno),
            _("not a valid project file ({problem})").format(problem=problem),
        ) from None
    except ValueError:  # e.g. a number of thousands of digits
        raise InputFileError(
            path, "", _("not a valid project file (a number in it is far too long)")
        ) from None
    try:
        return _project(JsonNode(data, ""))
    except BadValueError as bad:
        raise InputFileError(path, bad.place, bad.problem) from None


def _project(root: JsonNode) -> Project:
    root.obj()
    if root.opt("format", FORMAT_NAME).value != FORMAT_NAME:
        raise BadValueError("format", _("this is not a Visit Planner project file"))
    version = root.get("version").int_(low=1)
    if version > FORMAT_VERSION:
        raise BadValueError(
            "version",
            _(
                "the file was made by a newer Visit Planner (format {version}; "
                "this version reads up to {supported})"
            ).format(version=version, supported=FORMAT_VERSION),
        )
    venues = tuple(_venue(n) for n in root.get("venues").items())
    venue_ids = _unique([v.id for v in venues], root.get("venues"), "venue")
    people = tuple(_participant(n) for n in root.get("participants").items())
    people_ids = _unique([p.id for p in people], root.get("participants"), "participant")
    visit_node = root.get("visit")
    refs = _Refs(people_ids, venue_ids)
    activities = tuple(_activity(n, refs) for n in root.get("activities").items())
    _unique([a.id for a in activities], root.get("activities"), "activity")
    availability = {}
    for pid, node in _named(root.opt("availability", {})):
        if pid not in people_ids:
            raise BadValueError(
                node.place, _("'{id}' is not a participant of this visit").format(id=pid)
            )
        availability[pid] = _availability(node)
    visit = Visit(
        title=visit_node.get("title").nonempty(),
        zone=_zone(visit_node.get("time_zone")),
        dates=days(visit_node.get("dates")),
        participants=people,
        availability=availability,
        venues=venues,
        travel=_travel(root.opt("travel", []), refs),
        activities=activities,
        candidate_dates=_candidate(visit_node.opt("candidate_dates", None)),
        day_start=visit_node.opt("day_start", "07:00").conv(parse_hhmm, _("not a time")),
        day_end=visit_node.opt("day_end", "23:00").conv(parse_hhmm, _("not a time")),
        slot=visit_node.opt("slot_minutes", 5).int_(low=1, high=60),
        balance=_balance(visit_node.opt("balance", {})),
        interpreter_rules=_interp(visit_node.opt("interpreter", {})),
        coordinator=_coordinator(visit_node.opt("coordinator", {})),
        weights=Weights(
            {
                **Weights().values,
                **{k: weight(k, n) for k, n in _named(visit_node.opt("weights", {}))},
            }
        ),
    )
    if visit.day_end <= visit.day_start:
        raise BadValueError("visit.day_end", _("the day must end after it starts"))
    if not visit.dates:
        raise BadValueError("visit.dates", _("the visit needs at least one day"))
    schedule = Schedule(
        tuple(_placement(n, visit, refs) for n in root.opt("schedule", []).items())
    ).sorted()
    exports = {
        JsonNode(key, n.place).str_(): ExportStamp(
            n.get("fingerprint").str_(), n.get("sequence").int_(low=0)
        )
        for key, n in _named(root.opt("ics_exports", {}))
    }
    replies = tuple(_reply(n, refs) for n in root.opt("replies", []).items())
    invited = {key: refs.people_list(n) for key, n in _named(root.opt("invited", {}))}
    return Project(visit, schedule, root.opt("uid", "visit").nonempty(), exports, replies, invited)


def _coordinator(n: JsonNode) -> Coordinator:
    return Coordinator(n.opt("name", "").str_(), n.opt("email", "").str_())


def _reply(n: JsonNode, refs: _Refs) -> Reply:
    statuses = [s.value for s in ReplyStatus]
    return Reply(
        key=n.get("occurrence").nonempty(),
        person=refs.person(n.get("person")),
        status=n.get("status").enum(ReplyStatus, statuses),
        day=n.get("day").int_(low=1),
        start=n.get("start").conv(parse_hhmm, "not a time"),
        end=n.get("end").conv(parse_hhmm, "not a time"),
    )


_TWICE = {
    "venue": lambda: _("the venue id '{id}' is used twice"),
    "participant": lambda: _("the participant id '{id}' is used twice"),
    "activity": lambda: _("the activity id '{id}' is used twice"),
}


class _Refs:
    def __init__(self, people: set[str], venues: set[str]) -> None:
        self.people = people
        self.venues = venues

    def person(self, node: JsonNode) -> str:
        pid = node.str_()
        if pid not in self.people:
            raise BadValueError(
                node.place, _("'{id}' is not a participant of this visit").format(id=pid)
            )
        return pid

    def people_list(self, node: JsonNode) -> tuple[str, ...]:
        return tuple(self.person(n) for n in node.items())

    def venue(self, node: JsonNode) -> str:
        vid = node.str_()
        if vid not in self.venues:
            raise BadValueError(node.place, _("'{id}' is not a venue of this visit").format(id=vid))
        return vid


def _named(node: JsonNode) -> list[tuple[str, JsonNode]]:
    return [(k, node.get(k)) for k in node.obj()]


def _unique(ids: list[str], node: JsonNode, what: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise BadValueError(
                f"{node.place}[{i}].id",
                _TWICE[what]().format(id=item),
            )
        seen.add(item)
    return seen


def _zone(node: JsonNode) -> str:
    name = node.nonempty()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise BadValueError(
            node.place, _("'{zone}' is not a known time zone (e.g. Europe/Paris)").format(zone=name)
        ) from None
    return name


def _venue(n: JsonNode) -> Venue:
    return Venue(
        id=n.get("id").nonempty(),
        name=n.get("name").nonempty(),
        address=n.opt("address", "").text(),
        shared=n.opt("shared", False).bool_(),
        name_fr=n.opt("name_fr", "").str_(),
        notes=n.opt("notes", "").text(),
        notes_fr=n.opt("notes_fr", "").text(),
    )


def _travel(node: JsonNode, refs: _Refs) -> TravelTimes:
    minutes: dict[tuple[str, str], int] = {}
    for n in node.items():
        a, b = refs.venue(n.get("from")), refs.venue(n.get("to"))
        m = n.get("minutes").int_(low=0, high=24 * 60)
        minutes[(a, b)] = m
        if n.opt("both_ways", True).bool_():
            minutes.setdefault((b, a), m)
    return TravelTimes(minutes)


def _participant(n: JsonNode) -> Participant:
    side_names = [s.value for s in Side]
    langs = n.get("languages").strs()
    if not langs:
        raise BadValueError(n.get("languages").place, _("give at least one language (e.g. en)"))
    return Participant(
        id=n.get("id").nonempty(),
        name=n.get("name").nonempty(),
        side=n.get("side").enum(Side, side_names),
        languages=langs,
        home_zone=_zone(n.get("home_time_zone")),
        organisation=n.opt("organisation", "").text(),
        role=n.opt("role", "").text(),
        email=n.opt("email", "").str_(),
        is_group=n.opt("group", False).bool_(),
    )


def _availability(n: JsonNode) -> Availability:
    levels = [lv.value for lv in Level]
    ranges = []
    for r in n.opt("ranges", []).items():
        zone = _zone(r.get("zone")) if r.has("zone") else None
        start, end = moment(r.get("start"), zone), moment(r.get("end"), zone)
        if end <= start:
            raise BadValueError(r.get("end").place, _("ends before it starts"))
        ranges.append(AvailabilityRange(start, end, r.get("level").enum(Level, levels)))
    return Availability(tuple(ranges), n.opt("default", "unavailable").enum(Level, levels))


def _window(n: JsonNode, n_days_hint: int = 366) -> Window:
    day_node = n.opt("day", None)
    day = None if day_node.value is None else day_node.int_(low=1, high=n_days_hint)
    start = n.get("from").conv(parse_hhmm, _("not a time"))
    end = n.get("to").conv(parse_hhmm, _("not a time"))
    if end <= start:
        raise BadValueError(n.get("to").place, _("the window ends before it starts"))
    return Window(start, end, day)


def _activity(n: JsonNode, refs: _Refs) -> Activity:
    kinds = [k.value for k in Kind]
    day = 24 * 60
    lo = n.get("min_minutes").int_(low=1, high=day)
    hi = n.get("max_minutes").int_(low=1, high=day)
    if hi < lo:
        raise BadValueError(n.get("max_minutes").place, _("is shorter than the minimum length"))
    windows = tuple(_window(w) for w in n.get("windows").items())
    if not windows:
        raise BadValueError(n.get("windows").place, _("give at least one time window"))
    mins = []
    for m in n.opt("min_attendance", []).items():
        among = refs.people_list(m.get("among"))
        mins.append(
            MinAttendance(
                among,
                m.get("at_least").int_(low=0, high=len(among)),
                m.opt("label", "people").str_(),
            )
        )
    return Activity(
        id=n.get("id").nonempty(),
        title=n.get("title").nonempty(),
        kind=n.get("kind").enum(Kind, kinds),
        min_length=lo,
        max_length=hi,
        windows=windows,
        required=refs.people_list(n.opt("required", [])),
        optional=refs.people_list(n.opt("optional", [])),
        min_attendance=tuple(mins),
        venues=tuple(refs.venue(v) for v in n.opt("venues", []).items()),
        per_day=n.opt("per_day", False).bool_(),
        mandatory=n.opt("mandatory", True).bool_(),
        notes=n.opt("notes", "").text(),
        title_fr=n.opt("title_fr", "").str_(),
        notes_fr=n.opt("notes_fr", "").text(),
        interpreters=n.opt("interpreters", 1).int_(low=1, high=2),
    )


def _candidate(n: JsonNode) -> DateWindow | None:
    if n.value is None:
        return None
    first = day(n.get("first"))
    last = day(n.get("last"))
    if last < first:
        raise BadValueError(n.get("last").place, _("the window ends before it starts"))
    if (last - first).days >= MAX_CANDIDATE_DAYS:
        raise BadValueError(
            n.get("last").place,
            _("the window is longer than {n} days; choose a shorter one").format(
                n=MAX_CANDIDATE_DAYS
            ),
        )
    names = list(WEEKDAY_NAMES)
    weekdays: list[int] = []
    for w in n.opt("weekdays", names[:5]).items():
        if w.str_() not in names:
            raise BadValueError(
                w.place, _("must be one of {choices}").format(choices=", ".join(names))
            )
        weekdays.append(names.index(w.str_()))
    return DateWindow(first, last, n.opt("days", 2).int_(low=1, high=14), tuple(weekdays))


def _balance(n: JsonNode) -> Balance:
    d = Balance()
    return Balance(
        n.opt("max_formal_minutes_per_day", d.max_formal_minutes_per_day).int_(
            low=0, high=MINUTES_CAP
        ),
        n.opt("host_visitor_target_minutes", d.host_visitor_target).int_(low=0, high=MINUTES_CAP),
        n.opt("visitors_only_target_minutes", d.visitors_only_target).int_(low=0, high=MINUTES_CAP),
    )


def _interp(n: JsonNode) -> InterpreterRules:
    d = InterpreterRules()
    return InterpreterRules(
        n.opt("max_continuous_minutes", d.max_continuous).int_(low=1, high=MINUTES_CAP),
        n.opt("min_break_minutes", d.min_break).int_(low=0, high=MINUTES_CAP),
        n.opt("max_formal_minutes_per_day", d.max_formal_per_day).int_(low=0, high=MINUTES_CAP),
    )


def _placement(n: JsonNode, visit: Visit, refs: _Refs) -> Placement:
    aid = n.get("activity").str_()
    if aid not in {a.id for a in visit.activities}:
        raise BadValueError(
            n.get("activity").place, _("'{id}' is not an activity of this visit").format(id=aid)
        )
    day = n.get("day").int_(low=1, high=visit.n_days)
    start = n.get("start").conv(parse_hhmm, _("not a time"))
    end = n.get("end").conv(parse_hhmm, _("not a time"))
    if end <= start:
        raise BadValueError(n.get("end").place, _("ends before it starts"))
    return Placement(
        key=n.opt("occurrence", aid).str_(),
        activity_id=aid,
        day=day,
        start=start,
        end=end,
        venue=refs.venue(n.get("venue")),
        attendees=refs.people_list(n.get("attendees")),
        pinned=n.opt("pinned", False).bool_(),
    )
