"""Writing project files: a readable JSON document with a format version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from visitplanner.domain import (
    Activity,
    Availability,
    Participant,
    Placement,
    Project,
    Venue,
    Visit,
)
from visitplanner.domain.clock import hhmm
from visitplanner.i18n import _
from visitplanner.io.atomic import write_atomic

FORMAT_NAME = "visitplanner-project"
FORMAT_VERSION = 1
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def project_to_dict(project: Project) -> dict[str, Any]:
    """The project as plain JSON-ready data."""
    visit = project.visit
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "uid": project.uid,
        "visit": _visit(visit),
        "venues": [
            {"id": v.id, "name": v.name, "address": v.address, "shared": v.shared}
            | _venue_extras(v)
            for v in visit.venues
        ],
        "travel": _travel(visit),
        "participants": [_participant(p) for p in visit.participants],
        "availability": {pid: _availability(a) for pid, a in visit.availability.items()},
        "activities": [_activity(a) for a in visit.activities],
        "schedule": [_placement(p) for p in project.schedule],
        "ics_exports": {
            key: {"fingerprint": stamp.fingerprint, "sequence": stamp.sequence}
            for key, stamp in project.exports.items()
        },
        **_collaboration(project),
    }


def _venue_extras(v: Venue) -> dict[str, Any]:
    extras = {"name_fr": v.name_fr, "notes": v.notes, "notes_fr": v.notes_fr}
    return {k: text for k, text in extras.items() if text}


def _collaboration(project: Project) -> dict[str, Any]:
    """Replies to invitations, and who was invited to what."""
    return {
        "replies": [
            {
                "occurrence": r.key,
                "person": r.person,
                "status": r.status.value,
                "day": r.day,
                "start": hhmm(r.start),
                "end": hhmm(r.end),
            }
            for r in project.replies
        ],
        "invited": {key: list(people) for key, people in project.invited.items()},
    }


def project_to_json(project: Project) -> str:
    """The project file's text."""
    return json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"


class UnsavableProjectError(OSError):
    """The project holds something its file could not give back: nothing was written.

    An ``OSError`` so that every "could not save" handler reports it; ``strerror``
    says what is wrong in the coordinator's words.
    """


def save_project(project: Project, path: str | Path) -> None:
    """Save atomically: the file on disk is always either the old or the new project.

    The text is read back before it is written: a project that the reader would
    refuse is not saved (``UnsavableProjectError``), and the old file stays as it was.
    """
    from visitplanner.io.errors import InputFileError
    from visitplanner.io.project_read import parse_project

    try:
        data = project_to_json(project).encode("utf-8")
        parse_project(data, Path(path).name)
    except InputFileError as exc:
        raise UnsavableProjectError(
            0,
            _("the project cannot be saved ({place}: {problem})").format(
                place=exc.place, problem=exc.problem
            ),
        ) from None
    except (ValueError, OverflowError) as exc:
        raise UnsavableProjectError(
            0, _("the project cannot be saved ({problem})").format(problem=exc)
        ) from None
    write_atomic(path, data)


def _visit(visit: Visit) -> dict[str, Any]:
    cand = visit.candidate_dates
    return {
        "title": visit.title,
        "time_zone": visit.zone,
        "dates": [d.isoformat() for d in visit.dates],
        "candidate_dates": None
        if cand is None
        else {
            "first": cand.first.isoformat(),
            "last": cand.last.isoformat(),
            "days": cand.n_days,
            "weekdays": [WEEKDAY_NAMES[i] for i in cand.weekdays],
        },
        "day_start": hhmm(visit.day_start),
        "day_end": hhmm(visit.day_end),
        "slot_minutes": visit.slot,
        "balance": {
            "max_formal_minutes_per_day": visit.balance.max_formal_minutes_per_day,
            "host_visitor_target_minutes": visit.balance.host_visitor_target,
            "visitors_only_target_minutes": visit.balance.visitors_only_target,
        },
        "interpreter": {
            "max_continuous_minutes": visit.interpreter_rules.max_continuous,
            "min_break_minutes": visit.interpreter_rules.min_break,
            "max_formal_minutes_per_day": visit.interpreter_rules.max_formal_per_day,
        },
        "weights": dict(visit.weights.values),
    } | (
        {"coordinator": {"name": visit.coordinator.name, "email": visit.coordinator.email}}
        if visit.coordinator.name or visit.coordinator.email
        else {}
    )


def _travel(visit: Visit) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    done: set[tuple[str, str]] = set()
    for (a, b), minutes in visit.travel.minutes.items():
        if (a, b) in done:
            continue
        back = visit.travel.minutes.get((b, a))
        # One way only when the other way is not stored the same: reading the file back
        # must give exactly these pairs (travel times fall back to the other way anyway).
        both = back == minutes
        out.append({"from": a, "to": b, "minutes": minutes, "both_ways": both})
        done.add((a, b))
        if back is not None and both:
            done.add((b, a))
    return out


def _participant(p: Participant) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "side": p.side.value,
        "languages": list(p.languages),
        "home_time_zone": p.home_zone,
        "organisation": p.organisation,
        "role": p.role,
        "email": p.email,
        "group": p.is_group,
    }


def _availability(a: Availability) -> dict[str, Any]:
    ranges = []
    for r in a.ranges:
        zone = getattr(r.start.tzinfo, "key", None)
        if zone is None:
            ranges.append(
                {"start": r.start.isoformat(), "end": r.end.isoformat(), "level": r.level.value}
            )
            continue
        end = r.end.astimezone(r.start.tzinfo)
        ranges.append(
            {
                "start": r.start.replace(tzinfo=None).isoformat(timespec="minutes"),
                "end": end.replace(tzinfo=None).isoformat(timespec="minutes"),
                "zone": zone,
                "level": r.level.value,
            }
        )
    return {"default": a.default.value, "ranges": ranges}


def _activity(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "kind": a.kind.value,
        "min_minutes": a.min_length,
        "max_minutes": a.max_length,
        "required": list(a.required),
        "optional": list(a.optional),
        "min_attendance": [
            {"among": list(m.among), "at_least": m.at_least, "label": m.label}
            for m in a.min_attendance
        ],
        "venues": list(a.venues),
        "windows": [{"day": w.day, "from": hhmm(w.start), "to": hhmm(w.end)} for w in a.windows],
        "per_day": a.per_day,
        "mandatory": a.mandatory,
        "notes": a.notes,
    } | {
        k: value
        for k, value in (
            ("title_fr", a.title_fr),
            ("notes_fr", a.notes_fr),
            ("interpreters", a.interpreters if a.interpreters != 1 else None),
        )
        if value
    }


def _placement(p: Placement) -> dict[str, Any]:
    return {
        "occurrence": p.key,
        "activity": p.activity_id,
        "day": p.day,
        "start": hhmm(p.start),
        "end": hhmm(p.end),
        "venue": p.venue,
        "attendees": list(p.attendees),
        "pinned": p.pinned,
    }
