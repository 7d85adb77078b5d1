"""UI speed: one live-checked drag step (with the "where can it go?" shading on) on the
Paris demo and on a generated five-day visit, and app start-up.

Run: ``python benchmarks/ui_bench.py`` (prints ``name: value unit``).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from visitplanner.domain import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DRAG_STEPS = 60

START_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from visitplanner.ui.app import run_app

    tmp = Path(sys.argv[1])

    def shown(window):
        print("SHOWN", time.time(), flush=True)
        window.close()

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    sys.exit(run_app(None, settings=store, recovery_dir=tmp / "recovery", on_shown=shown))
    """
)


def five_day_project(seed: int = 7, n_people: int = 18) -> Project:
    """A seeded five-day visit with 24 activities (29 occurrences) and a full programme.

    A stand-in until the shared visit generator (benchmarks/visits.py) is wired in.
    """
    from visitplanner.domain import (
        Activity,
        Availability,
        Kind,
        Level,
        Participant,
        Placement,
        Project,
        Schedule,
        Side,
        TravelTimes,
        Venue,
        Visit,
        Window,
    )
    from visitplanner.domain.availability import local_range
    from visitplanner.domain.schedule import occurrence_key

    rng = random.Random(seed)
    zone = "Europe/Paris"
    dates = tuple(date(2027, 3, 22) + timedelta(days=n) for n in range(5))
    sides = [Side.VISITOR] * (n_people // 2) + [Side.HOST] * (n_people - n_people // 2 - 1)
    people = [
        Participant(
            f"p{n}",
            f"Person {n:02d}",
            side,
            ("en",) if side is Side.VISITOR else ("fr",),
            "Europe/London" if side is Side.VISITOR else zone,
        )
        for n, side in enumerate(sides)
    ]
    people.append(Participant("interp", "Interpreter", Side.INTERPRETER, ("en", "fr"), zone))
    availability = {}
    for person in people:
        ranges = [local_range(d, 7 * 60, 23 * 60, zone, Level.AVAILABLE) for d in dates]
        for d in dates:
            if rng.random() < 0.5:
                start = rng.randrange(8 * 60, 20 * 60, 30)
                level = Level.UNAVAILABLE if rng.random() < 0.6 else Level.IF_NEED_BE
                ranges.append(local_range(d, start, start + rng.choice((60, 90, 120)), zone, level))
        availability[person.id] = Availability(tuple(ranges))
    venues = tuple(Venue(f"v{n}", f"Venue {n}", shared=n == 0) for n in range(5))
    travel = TravelTimes(
        {
            (a.id, b.id): 10 + 5 * ((i + j) % 4)
            for i, a in enumerate(venues)
            for j, b in enumerate(venues)
            if i < j
        }
    )
    visitors = [p.id for p in people if p.side is Side.VISITOR]
    hosts = [p.id for p in people if p.side is Side.HOST]
    activities = [
        Activity(
            "breakfast",
            "Breakfast",
            Kind.INFORMAL,
            45,
            60,
            (Window(7 * 60, 9 * 60),),
            tuple(visitors),
            venues=("v0",),
            per_day=True,
        ),
    ]
    for n in range(23):
        formal = n % 3 != 2
        required = tuple(visitors[: 4 + n % 5]) + tuple(rng.sample(hosts, 2))
        if formal:
            required += ("interp",)
        activities.append(
            Activity(
                f"a{n}",
                f"{'Meeting' if formal else 'Visit'} {n + 1}",
                Kind.FORMAL if formal else Kind.INFORMAL,
                60,
                120,
                (Window(8 * 60, 21 * 60),),
                required,
                optional=tuple(rng.sample(hosts, 2)),
                venues=(f"v{1 + n % 4}",),
            )
        )
    visit = Visit(
        "Five-day study visit",
        zone,
        dates,
        tuple(people),
        availability,
        venues,
        travel,
        tuple(activities),
    )
    placements = []
    cursor = {day: 9 * 60 for day in range(1, 6)}
    for day in range(1, 6):
        placements.append(
            Placement(
                occurrence_key("breakfast", day),
                "breakfast",
                day,
                7 * 60 + 30,
                8 * 60 + 15,
                "v0",
                tuple(visitors),
            )
        )
    for n, activity in enumerate(activities[1:]):
        day = 1 + n % 5
        start = cursor[day]
        length = 60 + 30 * (n % 3)
        cursor[day] = start + length + 30
        placements.append(
            Placement(
                activity.id,
                activity.id,
                day,
                start,
                start + length,
                activity.venues[0],
                activity.required,
            )
        )
    return Project(visit, Schedule(tuple(placements)).sorted())


def drag_frame_ms(project: Project | None = None, key: str = "evaluation") -> float:
    """Mean time of one drag step (pointer move, rule check, shading, repaint).

    On the Paris demo by default, or on ``project`` dragging block ``key``.
    """
    from PySide6.QtCore import QPointF, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(REPO))
    from tests.ui.test_calendar_fixtures import with_paris_plan

    from visitplanner.io.project import load_project
    from visitplanner.ui.files import AppSettings, Recovery, demo_path
    from visitplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(AppSettings(store), Recovery(folder / "r"))
        if project is None:
            project = with_paris_plan(load_project(demo_path()))
        window.files.load_untitled(project)
        window.resize(1500, 1000)
        window.show()
        app.processEvents()
        view, scene = window.view, window.scene
        assert view.show_shading, "the benchmark measures with the shading on"
        viewport = view.viewport()
        rect = scene.blocks[key].scene_rect()
        grab = QPointF(rect.center().x(), rect.top() + 15)
        view.centerOn(grab)
        no_mod = Qt.KeyboardModifier.NoModifier
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, no_mod, view.mapFromScene(grab))
        if not view.shades():
            raise RuntimeError("no shading while dragging: the figure would not be honest")
        step = scene.geometry.slot * scene.geometry.px_per_minute
        points = [
            view.mapFromScene(grab + QPointF(0, step * (1 + i % 6))) for i in range(DRAG_STEPS)
        ]
        started = time.perf_counter()
        for point in points:
            QTest.mouseMove(viewport, point)
            viewport.repaint()
        elapsed = time.perf_counter() - started
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, no_mod, points[-1])
        window.doc.reset(window.doc.project, None)  # nothing to save
        window.close()
        window.deleteLater()
        app.processEvents()
    return elapsed / DRAG_STEPS * 1000


def app_start_s() -> float:
    """Seconds from launching the app process to its window being shown (offscreen)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", START_SCRIPT, tmp],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=True,
        )
    for line in done.stdout.splitlines():
        if line.startswith("SHOWN "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"the app did not report its window: {done.stderr}")


def measure() -> list[tuple[str, float, str]]:
    """``(name, value, unit)`` for each UI figure."""
    return [
        ("paris-drag-frame", round(drag_frame_ms(), 2), "ms"),
        ("week-drag-frame", round(drag_frame_ms(five_day_project(), "a7"), 2), "ms"),
        ("app-start", round(app_start_s(), 2), "s"),
    ]


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value} {unit}")
