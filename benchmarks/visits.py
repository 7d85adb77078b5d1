"""Realistic study visits of any size, seeded: for benchmarks and for tests at small sizes.

A delegation of visitors (English speakers, a few also speak French) visits several host
organisations (French speakers, some also speak English), each with its own venue, with a
shared hotel. Visitors are split into tracks of about six; each formal meeting is one track
meeting one to three officers of a host organisation, with the interpreter booked for that
track (tracks share interpreters when there are fewer interpreters); informal time is
breakfast and lunch each day, coffee with host officers, dinners and the visitors' debriefs.
Hosts keep office hours with busy stretches (fewer with a higher ``density``), a few early
hours "if need be", and the odd day away; visitors arrive on the morning of day 1 and leave
in the afternoon of the last day.

``generate_visit(5, 15, 21, 4, 1, 0.7, seed=1)`` is a five-day visit like the one in issue 10.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from visitplanner.domain import (
    Activity,
    Availability,
    Balance,
    Kind,
    Level,
    MinAttendance,
    Participant,
    Project,
    Side,
    TravelTimes,
    Venue,
    Visit,
    Window,
)
from visitplanner.domain.availability import AvailabilityRange, local_range

ZONE = "Europe/Paris"
FIRST_DAY = date(2027, 5, 3)  # a Monday
TRACK_SIZE = 6
OFFICE = 9 * 60  # minutes from 09:00 to 18:00


def _h(hours: float) -> int:
    return round(hours * 60)


def _people(
    rng: random.Random, people: int, interpreters: int
) -> tuple[list[Participant], list[str], list[str], list[str]]:
    """Participants; the ids of visitors, hosts and interpreters."""
    n_visitors = max(2, round((people - interpreters) * 0.4))
    n_hosts = max(1, people - interpreters - n_visitors)
    out: list[Participant] = []
    visitors, hosts, interp = [], [], []
    for i in range(n_visitors):
        langs = ("en", "fr") if rng.random() < 0.15 else ("en",)
        pid = f"v{i + 1}"
        out.append(Participant(pid, f"Visitor {i + 1}", Side.VISITOR, langs, "Europe/London"))
        visitors.append(pid)
    for i in range(n_hosts):
        langs = ("fr", "en") if rng.random() < 0.35 else ("fr",)
        pid = f"h{i + 1}"
        out.append(Participant(pid, f"Host officer {i + 1}", Side.HOST, langs, ZONE))
        hosts.append(pid)
    for i in range(interpreters):
        pid = f"i{i + 1}"
        out.append(Participant(pid, f"Interpreter {i + 1}", Side.INTERPRETER, ("fr", "en"), ZONE))
        interp.append(pid)
    return out, visitors, hosts, interp


def _span(day: date, start: int, end: int, level: Level) -> AvailabilityRange:
    return local_range(day, start, end, ZONE, level)


def _visitor_availability(dates: list[date]) -> Availability:
    spans = []
    for n, day in enumerate(dates):
        start = _h(9.5) if n == 0 else _h(7)
        end = _h(16) if n == len(dates) - 1 and len(dates) > 1 else _h(22.5)
        spans.append(_span(day, start, end, Level.AVAILABLE))
    return Availability(tuple(spans))


def _host_availability(
    rng: random.Random, dates: list[date], density: float, busy: dict[int, list[bool]]
) -> Availability:
    """A host's office hours; ``busy`` gets, per day, which minutes of 09:00-18:00 are taken."""
    spans = []
    for n, day in enumerate(dates, start=1):
        taken = busy.setdefault(n, [False] * OFFICE)
        if rng.random() < (1 - density) / 4:
            taken[:] = [True] * OFFICE  # away that day
            continue
        spans.append(_span(day, _h(8.5), _h(rng.choice((18, 18.5, 19))), Level.AVAILABLE))
        if rng.random() < 0.15:
            spans.append(_span(day, _h(8.5), _h(9.5), Level.IF_NEED_BE))
        for _ in range(2):
            if rng.random() < 1 - density:
                start = rng.randrange(_h(9), _h(16), 30)
                end = min(start + rng.choice((60, 90, 120, 180)), _h(19))
                spans.append(_span(day, start, end, Level.UNAVAILABLE))
                lo, hi = start - _h(9), min(end - _h(9), OFFICE)
                taken[lo:hi] = [True] * (hi - lo)
    return Availability(tuple(spans))


def _fits(busy: list[dict[int, list[bool]]], day: int, length: int, n_days: int) -> bool:
    """Whether ``length`` minutes of office hours on ``day`` are free for all of ``busy``."""
    run = 0
    first = 30 if day == 1 else 0  # visitors arrive at 09:30 on day 1 and leave at 16:00
    last = _h(16) - _h(9) if day == n_days > 1 else OFFICE
    for minute in range(first, last):
        run = 0 if any(b[day][minute] for b in busy) else run + 1
        if run >= length:
            return True
    return False


def _travel(rng: random.Random, venues: list[Venue]) -> TravelTimes:
    minutes = {}
    for i, a in enumerate(venues):
        for b in venues[i + 1 :]:
            minutes[(a.id, b.id)] = rng.choice((10, 15, 20, 25, 30, 40))
    return TravelTimes(minutes)


def _formal(
    rng: random.Random,
    n: int,
    dates: list[date],
    tracks: list[list[str]],
    orgs: list[list[str]],
    org_venue: list[str],
    interp: list[str],
    busy: dict[str, dict[int, list[bool]]],
) -> list[Activity]:
    out = []
    days = range(1, len(dates) + 1)
    for i in range(n):
        track = tracks[i % len(tracks)]
        booked = (interp[(i % len(tracks)) % len(interp)],) if interp else ()
        org = rng.randrange(len(orgs))
        length = rng.choice((60, 60, 90, 90, 120))
        wanted = rng.sample(orgs[org], min(len(orgs[org]), rng.choice((1, 1, 2, 2, 3))))
        hosts: list[str] = []
        for h in wanted:  # the first officer, and others while a common time remains
            if not hosts or any(
                _fits([busy[x] for x in (*hosts, h)], d, length, len(dates)) for d in days
            ):
                hosts.append(h)
        free_days = [d for d in days if _fits([busy[h] for h in hosts], d, length, len(dates))]
        day = rng.choice(free_days) if free_days and rng.random() < 0.2 else None
        window = Window(_h(9.5) if day == 1 else _h(9), _h(18), day)
        others = [v for t in tracks if t is not track for v in t][:2]
        out.append(
            Activity(
                f"meeting{i + 1}",
                f"Meeting {i + 1}",
                Kind.FORMAL,
                length,
                length,
                (window,),
                required=(*track, *hosts, *booked),
                optional=tuple(others),
                venues=(org_venue[org],),
            )
        )
    return out


def _informal(
    rng: random.Random,
    n: int,
    dates: list[date],
    visitors: list[str],
    hosts: list[str],
    interp: list[str],
    venue_ids: list[str],
) -> list[Activity]:
    half = MinAttendance(tuple(visitors), max(1, len(visitors) // 2), "visitors")
    lead = visitors[0]
    out = [
        Activity(
            "breakfast",
            "Breakfast",
            Kind.INFORMAL,
            30,
            60,
            tuple(Window(_h(7), _h(9), d) for d in range(2, len(dates) + 1))
            or (Window(_h(16), _h(17)),),
            required=(lead,),
            optional=tuple(visitors[1:]),
            min_attendance=(half,),
            venues=(venue_ids[0],),
            per_day=True,
        ),
        Activity(
            "lunch",
            "Lunch",
            Kind.INFORMAL,
            45,
            90,
            (Window(_h(12), _h(14.5)),),
            required=(lead,),
            optional=(*visitors[1:], *hosts[:6], *interp[:1]),
            min_attendance=(half,),
            venues=tuple(venue_ids[1:]) or (venue_ids[0],),
            per_day=True,
        ),
    ]
    for i in range(n - 2):
        kind = i % 3
        if kind == 0:
            host = rng.choice(hosts)
            out.append(
                Activity(
                    f"coffee{i}",
                    f"Coffee with host officers {i}",
                    Kind.INFORMAL,
                    30,
                    60,
                    (Window(_h(9), _h(18)),),
                    required=(host,),
                    optional=(*rng.sample(visitors, min(len(visitors), 6)), *interp[:1]),
                    min_attendance=(MinAttendance(tuple(visitors), 1, "visitors"),),
                    venues=tuple(venue_ids[1:]) or (venue_ids[0],),
                    mandatory=rng.random() < 0.5,
                )
            )
        else:
            day = rng.randrange(1, max(2, len(dates)))  # visitors leave on the last day
            dinner = kind == 1
            out.append(
                Activity(
                    f"{'dinner' if dinner else 'debrief'}{i}",
                    f"{'Dinner' if dinner else 'Visitors debrief'} {i}",
                    Kind.INFORMAL,
                    90 if dinner else 45,
                    120 if dinner else 60,
                    (Window(_h(19), _h(22.5), day) if dinner else Window(_h(16), _h(19), day),),
                    required=(lead,),
                    optional=tuple(visitors[1:]),
                    min_attendance=(half,),
                    venues=(venue_ids[0],),
                )
            )
    return out


def generate_visit(
    days: int,
    people: int,
    activities: int,
    venues: int,
    interpreters: int,
    density: float,
    seed: int,
) -> Project:
    """A realistic study visit of the given size, the same for the same arguments.

    ``density`` (0-1) is how free host officers are in office hours; ``activities`` counts
    activities as the coordinator enters them (breakfast each day is one activity).
    """
    if days < 1 or people < 4 or activities < 3 or venues < 2:
        raise ValueError("a visit needs a day, four people, three activities and two venues")
    rng = random.Random(seed)
    dates = [FIRST_DAY + timedelta(days=d) for d in range(days)]
    participants, visitors, hosts, interp = _people(rng, people, interpreters)
    n_tracks = max(1, len(visitors) // TRACK_SIZE)
    tracks = [visitors[t::n_tracks] for t in range(n_tracks)]
    n_orgs = venues - 1
    orgs = [hosts[o::n_orgs] or hosts[:1] for o in range(n_orgs)]
    place = [Venue("hotel", "Hotel", shared=True)] + [
        Venue(f"org{o + 1}", f"Host organisation {o + 1}") for o in range(n_orgs)
    ]
    venue_ids = [v.id for v in place]
    n_informal = max(3, activities * 3 // 10)
    n_formal = activities - n_informal
    availability: dict[str, Availability] = {}
    busy: dict[str, dict[int, list[bool]]] = {pid: {} for pid in hosts}
    for pid in visitors:
        availability[pid] = _visitor_availability(dates)
    for pid in hosts:
        availability[pid] = _host_availability(rng, dates, density, busy[pid])
    acts = _formal(rng, n_formal, dates, tracks, orgs, venue_ids[1:], interp, busy)
    acts += _informal(rng, n_informal, dates, visitors, hosts, interp, venue_ids)
    for pid in interp:
        availability[pid] = Availability(
            tuple(_span(d, _h(8), _h(22.5), Level.AVAILABLE) for d in dates)
        )
    visit = Visit(
        title=f"Generated visit: {days} days, {people} people, {activities} activities",
        zone=ZONE,
        dates=tuple(dates),
        participants=tuple(participants),
        availability=availability,
        venues=tuple(place),
        travel=_travel(rng, place),
        activities=tuple(acts),
        balance=Balance(240, 120 * days, 60 * days),
    )
    return Project(visit, uid=f"generated-{days}-{people}-{activities}-{seed}")
