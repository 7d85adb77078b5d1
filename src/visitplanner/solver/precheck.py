"""Cheap checks before solving that explain the commonest impossible visits in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from visitplanner.domain import Placement, Schedule
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import Occurrence, VisitIndex, window_text
from visitplanner.i18n import _, format_duration
from visitplanner.solver.rules import (
    HardRule,
    check_all,
    hard_rules,
    interpreter_breaks,
    interpreter_present,
    venue_allowed,
)
from visitplanner.solver.rules.interpreter_breaks import relay_open

Spans = list[tuple[int, int, int]]  # (day, start, end) in minutes of day


def _free_in_windows(index: VisitIndex, occ: Occurrence, pid: str) -> Spans:
    out: Spans = []
    for w in occ.windows:
        for a, b in index.free_spans(pid, w.day):
            lo, hi = max(a, w.start), min(b, w.end)
            if hi > lo:
                out.append((w.day, lo, hi))
    return out


def _intersect(a: Spans, b: Spans) -> Spans:
    return [
        (d1, max(s1, s2), min(e1, e2))
        for d1, s1, e1 in a
        for d2, s2, e2 in b
        if d1 == d2 and min(e1, e2) > max(s1, s2)
    ]


def _fits(spans: Spans, length: int) -> bool:
    return any(e - s >= length for _, s, e in spans)


def free_together(index: VisitIndex, occ: Occurrence, people: Sequence[str]) -> Spans:
    """Stretches of the occurrence's windows when all of ``people`` are free."""
    common: Spans = [(w.day, w.start, w.end) for w in occ.windows]
    for pid in people:
        if pid in index.people:
            common = _intersect(common, _free_in_windows(index, occ, pid))
    return common


def can_fit(index: VisitIndex, occ: Occurrence, people: Sequence[str]) -> bool:
    """Whether ``people`` share a free stretch of the occurrence's minimum length."""
    return _fits(free_together(index, occ, people), occ.activity.min_length)


def _spans_text(index: VisitIndex, spans: Spans) -> str:
    return ", ".join(
        _("on {day} {start}-{end}").format(day=index.visit.day_label(d), start=hhmm(s), end=hhmm(e))
        for d, s, e in spans
    ) or _("never")


def _free_text(index: VisitIndex, occ: Occurrence, pid: str, days: list[int]) -> str:
    parts = []
    for day in days:
        windows = [w for w in occ.windows if w.day == day]
        lo = min(w.start for w in windows)
        hi = max(w.end for w in windows)
        spans = [
            (max(a, lo), min(b, hi))
            for a, b in index.free_spans(pid, day)
            if min(b, hi) > max(a, lo)
        ]
        if not spans:
            parts.append(_("is not free at all on day {day}").format(day=day))
            continue
        words = []
        for a, b in spans:
            if a <= lo and b >= hi:
                words.append(_("all day"))
            elif a <= lo:
                words.append(_("until {time}").format(time=hhmm(b)))
            elif b >= hi:
                words.append(_("from {time}").format(time=hhmm(a)))
            else:
                words.append(f"{hhmm(a)}-{hhmm(b)}")
        parts.append(
            _("is free on {day} only {times}").format(
                day=index.visit.day_label(day), times=_(" and ").join(words)
            )
        )
    return "; ".join(parts)


def explain_occurrence(index: VisitIndex, occ: Occurrence) -> str | None:
    """Why ``occ`` cannot take place with all its required people, or None if it might."""
    act = occ.activity
    length = act.min_length
    title = _("«{title}» ({length})").format(title=occ.title, length=format_duration(length))
    slot = index.visit.slot
    if -(-length // slot) > act.max_length // slot:
        lengths = (
            _("its length ({length}) is not").format(length=format_duration(length))
            if length == act.max_length
            else _("no length from {low} to {high} is").format(
                low=format_duration(length), high=format_duration(act.max_length)
            )
        )
        return _(
            "{title} cannot take place: {lengths} a whole number of {slot}-minute steps"
        ).format(title=title, lengths=lengths, slot=slot)
    if not any(w.end - w.start >= length for w in occ.windows):
        return _("{title} does not fit in its window ({window})").format(
            title=title, window=window_text(occ.windows) or _("no day")
        )
    required = [pid for pid in act.required if pid in index.people]
    free = {pid: _free_in_windows(index, occ, pid) for pid in required}
    for pid in required:
        if not _fits(free[pid], length):
            return _(
                "{title} cannot take place: {person} is not free for {length} at any time "
                "it could happen ({window})"
            ).format(
                title=title,
                person=index.people[pid].label,
                length=format_duration(length),
                window=window_text(occ.windows),
            )
    if can_fit(index, occ, required):
        return None
    tight = min(required, key=lambda p: sum(e - s for _, s, e in free[p]))
    tight_free = free[tight]
    for other in required:
        if other != tight and not _fits(_intersect(tight_free, free[other]), length):
            days = sorted({d for d, _, _ in tight_free})
            return _(
                "{title} cannot take place: {person} is free only {spans}, and {other} {free}"
            ).format(
                title=title,
                person=index.people[tight].label,
                spans=_spans_text(index, [s for s in tight_free if s[2] - s[1] >= length]),
                other=index.people[other].label,
                free=_free_text(index, occ, other, days),
            )
    names = ", ".join(index.people[p].label for p in required)
    return _(
        "{title} cannot take place: the calendars of {names} leave no common {length} "
        "in its window ({window})"
    ).format(
        title=title,
        names=names,
        length=format_duration(length),
        window=window_text(occ.windows),
    )


def precheck(index: VisitIndex, previous: Schedule | None) -> tuple[str, ...]:
    """Reasons, in words, why no schedule can exist; empty when none is found cheaply."""
    reasons = [
        why
        for occ in index.occurrences
        if occ.activity.mandatory
        for why in [explain_occurrence(index, occ)]
        if why is not None
    ]
    reasons.extend(venue_allowed.precheck(index))
    reasons.extend(interpreter_present.precheck(index))
    reasons.extend(interpreter_breaks.precheck(index))
    if previous is not None:
        pinned = Schedule(tuple(_as_defined(index, p) for p in previous if p.pinned))
        for v in check_all(index, pinned, rules=_pin_rules()).violations:
            if v.rule in _RELAY_RULES and any(relay_open(index, k) for k in v.keys):
                continue  # a second interpreter may still join and take turns
            reasons.append(
                _("A pinned activity breaks a rule ({label}): {message}").format(
                    label=v.label, message=v.message
                )
            )
    return tuple(reasons)


def _as_defined(index: VisitIndex, p: Placement) -> Placement:
    """A pin fixes time and venue; its attendees are the activity's required people now."""
    occ = index.by_key.get(p.key)
    return p if occ is None else replace(p, attendees=tuple(occ.activity.required))


#: rules a second interpreter joining (relay) can satisfy: a pin checked with its required
#: people only is no proof against them
_RELAY_RULES = frozenset({"interpreter_breaks", "interpreter_daily"})


def _pin_rules() -> tuple[HardRule, ...]:
    """Rules a pinned placement can break on its own, whoever else attends."""
    skip = {"activities_held", "enough_attend", "interpreter_present"}
    return tuple(r for r in hard_rules() if r.name not in skip)
