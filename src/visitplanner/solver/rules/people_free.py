"""Rule ``people_free``: nobody attends while their calendar says they are unavailable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.clock import hhmm, split_visit_minute, visit_minute
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.i18n import N_, _, ngettext
from visitplanner.solver.rules.base import Facts, Finding, HardRule, Spans, names, when

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext, OccurrenceVars

NAME = "people_free"


def busy_text(index: VisitIndex, day: int, start: int, end: int) -> str:
    """A busy stretch in words within the visit's day, e.g. "has left by 13:00"."""
    visit = index.visit
    lo, hi = visit_minute(day, visit.day_start), visit_minute(day, visit.day_end)
    if start <= lo and end >= hi:
        return _("is not free at all on day {day}").format(day=day)
    if start <= lo:
        return _("is not free until {time}").format(time=hhmm(split_visit_minute(end)[1]))
    if end >= hi:
        return _("has left by {time}").format(time=hhmm(split_visit_minute(start)[1]))
    return _("is busy {start}-{end}").format(
        start=hhmm(split_visit_minute(start)[1]), end=hhmm(split_visit_minute(end)[1])
    )


def check(facts: Facts) -> list[Finding]:
    """One finding per activity, naming everyone who is not free for it."""
    out: list[Finding] = []
    for x in facts.placed:
        who: list[tuple[str, str]] = []
        for pid in sorted(x.attendees):
            for s in facts.index.busy(pid) if pid in facts.index.people else ():
                if s.start < x.end and x.start < s.end:
                    who.append((pid, busy_text(facts.index, x.p.day, s.start, s.end)))
                    break
        if not who:
            continue
        people = tuple(pid for pid, _why in who)
        details = tuple(f"{facts.name(pid)} {why}" for pid, why in who) if len(who) > 1 else ()
        if len(who) == 1:
            pid, why = who[0]
            message = _("{name} {why} («{title}» is at {when})").format(
                name=facts.name(pid), why=why, title=x.title, when=x.when
            )
        else:
            message = ngettext(
                "{names} is not free for «{title}» at {when}",
                "{names} are not free for «{title}» at {when}",
                len(who),
            ).format(names=names(people, facts.name), title=x.title, when=x.when)
        out.append(Finding(message, (x.p.key,), people, details))
    return out


def domain(index: VisitIndex, occ: Occurrence, spans: Spans) -> Spans:
    """An occurrence lies where all its required people are free."""
    for pid in occ.activity.required:
        if pid not in index.people:
            continue
        spans = [
            (d, max(s, a), min(e, b))
            for d, s, e in spans
            for a, b in index.free_spans(pid, d)
            if min(e, b) > max(s, a)
        ]
    return spans


def post(ctx: ModelContext) -> None:
    """Each person's attendance avoids their busy time."""
    m = ctx.model
    for pid in ctx.index.people:
        busy = [(ctx.slots_down(s.start), ctx.slots_up(s.end)) for s in ctx.index.busy(pid)]
        mine = ctx.person_intervals(pid)
        if not mine or not busy:
            continue
        if not ctx.explain:
            # required attendance is already confined to free time by ``domain``
            optional = [(ov, iv) for ov, iv in mine if not _required(ov, pid)]
            reach = [(s.lo, s.hi) for ov, _iv in optional for s in ov.segments]
            near = [(a, b) for a, b in busy if any(lo < b and a < hi for lo, hi in reach)]
            if near:
                fixed = [
                    m.new_fixed_size_interval_var(a, b - a, f"busy[{pid},{a}]") for a, b in near
                ]
                m.add_no_overlap([*fixed, *(iv for _ov, iv in optional)])
                for ov, _iv in optional:
                    _starts_when_free(ctx, ov, pid, near)
            continue
        for ov, _interval in mine:
            guard = ctx.guard(NAME, ov.key, pid)
            att = ov.attend[pid]
            if att is False:
                continue
            enf = [] if att is True else [att]
            for a, b in busy:
                before = m.new_bool_var("")
                m.add(ov.end <= a).only_enforce_if([*enf, before, *guard])
                m.add(ov.start >= b).only_enforce_if([*enf, before.Not(), *guard])


def _starts_when_free(
    ctx: ModelContext, ov: OccurrenceVars, pid: str, busy: list[tuple[int, int]]
) -> None:
    """Redundant: an optional attendee's occurrence starts where it misses their busy time.

    The no-overlap above moves only the ends of the start's range; this row removes the
    starts inside it too, so two guests whose free times do not meet are seen at once. It
    serves the search for a bound only: it slowed the search for programmes.
    """
    att = ov.attend[pid]
    if isinstance(att, bool):
        return
    shortest = ctx.slots_up(ov.occ.activity.min_length)
    clash = [[a - shortest + 1, b - 1] for a, b in busy if b - 1 >= a - shortest + 1]
    if clash:
        ctx.avoid(ov.start, clash, [att, *ctx.bound_rows()])


def _required(ov: OccurrenceVars, pid: str) -> bool:
    att = ov.attend[pid]
    return att is True or att is ov.present


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """Each person involved, with the times they are free for the activity."""
    out = []
    for key, pid in sorted(set(args))[:3]:
        occ = index.by_key[key]
        free = [
            (d, max(s, w.start), min(e, w.end))
            for w in occ.windows
            for d, s, e in [(w.day, a, b) for a, b in index.free_spans(pid, w.day)]
            if min(e, w.end) > max(s, w.start)
        ]
        if free:
            text = _("{name} is free for «{title}» only {free}")
        else:
            text = _("{name} is never free when «{title}» could take place")
        out.append(
            text.format(
                name=index.name(pid),
                title=occ.title,
                free=", ".join(when(d, s, e) for d, s, e in free),
            )
        )
    if len(set(args)) > 3:
        out.append(_("and other people's calendars"))
    return out


RULE = HardRule(NAME, N_("Required people are available"), check, post, explain, domain)
