"""UI speed: one live-checked drag step on the Paris demo, and app start-up.

Run: ``python benchmarks/ui_bench.py`` (prints ``name: value unit``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

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


def drag_frame_ms() -> float:
    """Mean time of one drag step (pointer move, rule check, repaint) on the Paris demo."""
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
        window.files.load_untitled(with_paris_plan(load_project(demo_path())))
        window.resize(1500, 1000)
        window.show()
        app.processEvents()
        view, scene = window.view, window.scene
        viewport = view.viewport()
        rect = scene.blocks["evaluation"].scene_rect()
        grab = QPointF(rect.center().x(), rect.top() + 15)
        view.centerOn(grab)
        no_mod = Qt.KeyboardModifier.NoModifier
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, no_mod, view.mapFromScene(grab))
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
        ("app-start", round(app_start_s(), 2), "s"),
    ]


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value} {unit}")
