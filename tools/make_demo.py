"""Build the bundled demo projects from the Paris scenario (shared/scenarios).

Run: ``python tools/make_demo.py`` — rewrites ``src/visitplanner/resources/demo/*.json``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from demo_calendars import with_window_calendars  # tools/ is on the path when run as a script

from visitplanner.domain import (
    Activity,
    Availability,
    DateWindow,
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
from visitplanner.domain.clock import parse_hhmm as t
from visitplanner.io.project import save_project

PARIS, LONDON = "Europe/Paris", "Europe/London"
DAY1, DAY2 = date(2027, 3, 23), date(2027, 3, 24)
WINDOW = DateWindow(date(2027, 3, 15), date(2027, 4, 2), 2)

P = Participant
PEOPLE = (
    P(
        "councillor",
        "Cllr Morag Baird",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Glasgow City Council",
        "Councillor",
        "morag.baird@glasgow.example",
    ),
    P(
        "gla-pb",
        "Aileen Fraser",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Glasgow City Council",
        "PB officer",
        "aileen.fraser@glasgow.example",
    ),
    P(
        "gla-ce",
        "Callum Reid",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Glasgow City Council",
        "Community empowerment officer",
        "callum.reid@glasgow.example",
    ),
    P(
        "gla-3s",
        "Priya Nair",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Glasgow Council for the Voluntary Sector",
        "Third-sector worker",
        "priya.nair@gcvs.example",
    ),
    P(
        "fife-pb",
        "Euan Mackay",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Fife Council",
        "PB lead",
        "euan.mackay@fife.example",
    ),
    P(
        "fife-digital",
        "Kirsty Wallace",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Fife Council",
        "Digital services officer",
        "kirsty.wallace@fife.example",
    ),
    P(
        "fife-eq",
        "Tom Henderson",
        Side.VISITOR,
        ("en",),
        LONDON,
        "Fife Council",
        "Equalities officer",
        "tom.henderson@fife.example",
    ),
    P(
        "observer",
        "Dr Fiona Grant",
        Side.OBSERVER,
        ("en",),
        LONDON,
        "What Works Scotland",
        "Research associate",
        "fiona.grant@wws.example",
    ),
    P(
        "interpreter",
        "Claire Dubois",
        Side.INTERPRETER,
        ("fr", "en"),
        PARIS,
        "Freelance",
        "Interpreter (French/English)",
        "claire.dubois@interpret.example",
    ),
    P(
        "paris-lead",
        "Julien Moreau",
        Side.HOST,
        ("fr", "en"),
        PARIS,
        "Ville de Paris",
        "PB lead",
        "julien.moreau@paris.example",
    ),
    P(
        "paris-planning",
        "Nathalie Girard",
        Side.HOST,
        ("fr",),
        PARIS,
        "Ville de Paris",
        "Planning officer",
        "nathalie.girard@paris.example",
    ),
    P(
        "paris-implementation",
        "Karim Benali",
        Side.HOST,
        ("fr",),
        PARIS,
        "Ville de Paris",
        "Implementation officer",
        "karim.benali@paris.example",
    ),
    P(
        "paris-digital",
        "Sophie Laurent",
        Side.HOST,
        ("fr",),
        PARIS,
        "Ville de Paris",
        "Digitisation officer",
        "sophie.laurent@paris.example",
    ),
    P(
        "paris-evaluation",
        "Antoine Roux",
        Side.HOST,
        ("fr",),
        PARIS,
        "Ville de Paris",
        "Evaluation officer",
        "antoine.roux@paris.example",
    ),
    P(
        "steering-group",
        "PB Steering Group",
        Side.HOST,
        ("fr",),
        PARIS,
        "Ville de Paris",
        "Steering group",
        "budgetparticipatif@paris.example",
        is_group=True,
    ),
)
VISITORS = tuple(p.id for p in PEOPLE if p.side is Side.VISITOR)
HOSTS = tuple(p.id for p in PEOPLE if p.side is Side.HOST)
HALF = MinAttendance(VISITORS, 4, "visitors")

VENUES = (
    Venue("hotel", "Hôtel Saint-Paul", "12 rue Saint-Antoine, 75004 Paris", shared=True),
    Venue("city-hall", "Hôtel de Ville", "Place de l'Hôtel de Ville, 75004 Paris"),
    Venue("pb-office", "Participatory Budget office", "6 rue du Département, 75019 Paris"),
    Venue("restaurant", "Le Procope", "13 rue de l'Ancienne Comédie, 75006 Paris"),
)
TRAVEL = {
    ("hotel", "city-hall"): 20,
    ("hotel", "pb-office"): 25,
    ("hotel", "restaurant"): 15,
    ("city-hall", "pb-office"): 15,
    ("city-hall", "restaurant"): 20,
    ("pb-office", "restaurant"): 30,
}

SOCIAL = "Protocol: photos and social-media posts only with the hosts' agreement."
FORMAL_CORE = (*VISITORS, "observer", "interpreter")
DAYTIME = (Window(t("08:00"), t("19:00")),)


def formal(
    aid: str,
    title: str,
    hosts: tuple[str, ...],
    length: int,
    venue: str,
    windows: tuple[Window, ...] = DAYTIME,
    notes: str = "",
) -> Activity:
    return Activity(
        aid,
        title,
        Kind.FORMAL,
        length,
        length,
        windows,
        (*FORMAL_CORE, *hosts),
        venues=(venue,),
        notes=f"{notes}\n{SOCIAL}".strip(),
    )


ACTIVITIES = (
    formal(
        "mainstreaming",
        "Mainstreaming PB: planning and implementation",
        ("paris-lead", "paris-planning", "paris-implementation"),
        120,
        "city-hall",
        notes="How Paris moved PB from a pilot to 100 M EUR of capital a year.",
    ),
    formal(
        "digitising",
        "Digitising PB: the online platform and the vote",
        ("paris-lead", "paris-digital"),
        90,
        "pb-office",
        notes="Demonstration of the platform; how the vote is run and checked.",
    ),
    formal(
        "evaluation",
        "Evaluation, equality and diversity",
        ("paris-evaluation",),
        90,
        "pb-office",
        notes="Who takes part, who does not, and what Paris does about it.",
    ),
    formal(
        "steering",
        "Meeting the PB Steering Group",
        ("steering-group", "paris-lead"),
        90,
        "city-hall",
        windows=(Window(t("08:00"), t("20:00")),),
    ),
    Activity(
        "breakfast",
        "Breakfast",
        Kind.INFORMAL,
        45,
        60,
        (Window(t("07:30"), t("09:00")),),
        required=("observer",),
        optional=VISITORS,
        min_attendance=(HALF,),
        venues=("hotel",),
        per_day=True,
        notes="Visitors' time together.",
    ),
    Activity(
        "lunch",
        "Lunch with Paris officers",
        Kind.INFORMAL,
        60,
        90,
        (Window(t("12:00"), t("14:00")),),
        required=("observer", "interpreter"),
        optional=(*VISITORS, *HOSTS),
        min_attendance=(HALF,),
        venues=("city-hall", "pb-office"),
        per_day=True,
        notes="Near the meeting venue; Paris officers join if they are free.",
    ),
    Activity(
        "informal",
        "Informal time with Paris officers",
        Kind.INFORMAL,
        30,
        90,
        (Window(t("09:00"), t("18:00")),),
        required=("interpreter", "paris-lead"),
        optional=(*VISITORS, *HOSTS[1:]),
        min_attendance=(HALF,),
        venues=("pb-office", "city-hall"),
        notes="Questions, a walk round, coffee.",
    ),
    Activity(
        "debrief",
        "Visitors' own debrief",
        Kind.INFORMAL,
        45,
        60,
        (Window(t("13:00"), t("16:30"), day=2),),
        required=("observer",),
        optional=VISITORS,
        min_attendance=(HALF,),
        venues=("hotel",),
        notes="What Glasgow and Fife take home.",
    ),
    Activity(
        "dinner",
        "Dinner",
        Kind.INFORMAL,
        90,
        120,
        (Window(t("19:00"), t("22:00"), day=1),),
        required=("observer", "interpreter"),
        optional=VISITORS,
        min_attendance=(HALF,),
        venues=("restaurant",),
        notes="Day 2 ends with the flight home.",
    ),
)


def avail(zone: str, *spans: tuple[date, str, str, Level]) -> Availability:
    return Availability(tuple(local_range(d, t(a), t(b), zone, lv) for d, a, b, lv in spans))


A, N, U = Level.AVAILABLE, Level.IF_NEED_BE, Level.UNAVAILABLE


def availability() -> dict[str, Availability]:
    out: dict[str, Availability] = {}
    for pid in (*VISITORS, "observer"):
        # UK time: in Paris from 07:30 on day 1; must leave the last venue at 16:30 on day 2.
        out[pid] = avail(LONDON, (DAY1, "06:30", "22:00", A), (DAY2, "06:30", "15:30", A))
    out["councillor"] = avail(LONDON, (DAY1, "06:30", "22:00", A), (DAY2, "06:30", "12:00", A))
    out["interpreter"] = avail(PARIS, (DAY1, "08:00", "22:00", A), (DAY2, "08:00", "22:00", A))
    out["paris-lead"] = avail(
        PARIS, (DAY1, "08:30", "19:00", A), (DAY1, "12:00", "14:00", U), (DAY2, "08:30", "18:00", A)
    )
    for pid in ("paris-planning", "paris-implementation"):
        out[pid] = avail(PARIS, (DAY1, "09:00", "18:00", A), (DAY2, "09:00", "18:00", A))
    out["paris-evaluation"] = avail(
        PARIS, (DAY1, "09:00", "17:00", A), (DAY2, "09:00", "17:00", A), (DAY2, "09:00", "10:30", N)
    )
    out["paris-digital"] = avail(PARIS, (DAY2, "08:00", "12:00", A))
    out["steering-group"] = avail(PARIS, (DAY1, "17:30", "19:00", A))
    return out


def paris_visit() -> Visit:
    return Visit(
        title="Participatory budgeting in Paris — Glasgow and Fife study visit",
        zone=PARIS,
        dates=(DAY1, DAY2),
        participants=PEOPLE,
        availability=with_window_calendars(availability()),
        venues=VENUES,
        travel=TravelTimes(dict(TRAVEL)),
        activities=ACTIVITIES,
        candidate_dates=WINDOW,
    )


def infeasible_variant(visit: Visit) -> Visit:
    avail_ = dict(visit.availability)
    avail_["steering-group"] = avail(PARIS, (DAY2, "14:00", "15:30", A))
    return replace(visit, title=visit.title + " (Steering Group on day 2)", availability=avail_)


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "src" / "visitplanner" / "resources" / "demo"
    visit = paris_visit()
    save_project(Project(visit, uid="paris-pb-2027"), out / "paris-pb-visit.json")
    save_project(
        Project(infeasible_variant(visit), uid="paris-pb-2027-variant"),
        out / "paris-pb-visit-infeasible.json",
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    _ = (timedelta, AvailabilityRange)
    main()
