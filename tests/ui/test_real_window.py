"""Open the real window on an X display (Xvfb), when one can be started."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.test_calendar_fixtures import with_paris_plan
from visitplanner.io.project import load_project, save_project
from visitplanner.ui.files import demo_path

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from visitplanner.ui.app import run_app

    tmp = Path(sys.argv[1])
    project = sys.argv[2]

    def shown(window):
        def look():
            if not window.windowHandle().isExposed():
                QTimer.singleShot(50, look)
                return
            image = window.grab().toImage()
            colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
                       for y in range(0, image.height(), 37)}
            print("PLATFORM", QGuiApplication.platformName())
            print("TITLE", window.windowTitle())
            print("BLOCKS", len(window.scene.blocks), "COLOURS", len(colours))
            # A normal session: a change, undone, then File > Quit.
            window.scene.select_key(sorted(window.scene.blocks)[0])
            QTest.keyClick(window.view, Qt.Key.Key_Down)
            window.doc.undo_stack.undo()
            window.quit_action.trigger()
        look()

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    sys.exit(run_app(project, settings=store, recovery_dir=tmp / "recovery", on_shown=shown))
    """
)


# Lines the X server itself may print (not our program's output).
XVFB_NOISE = ("_XSERVTrans", "XKEYBOARD keymap", "Could not resolve keysym", "Errors from xkbcomp")


def test_the_real_window_opens_and_quits_cleanly(tmp_path: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("xvfb-run is not installed")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    project = tmp_path / "paris.json"
    save_project(with_paris_plan(load_project(demo_path())), project)
    try:
        done = subprocess.run(
            [
                xvfb,
                "-a",
                "-s",
                "-screen 0 1600x1000x24",
                sys.executable,
                "-c",
                SCRIPT,
                str(tmp_path),
                str(project),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the window did not open and close within 60 s")
    if "could not load the qt platform plugin" in done.stderr.lower():
        pytest.skip("Qt's X11 plugin cannot load here (missing system libraries)")
    assert done.returncode == 0, done.stderr
    noise = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and not line.startswith(XVFB_NOISE)
    ]
    assert noise == [], "a normal run and quit must print nothing:\n" + done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["PLATFORM"] == "xcb"
    assert "Visit Planner" in lines["TITLE"]
    colours = int(lines["BLOCKS"].split()[-1])
    assert colours > 5  # something was drawn, not a blank window
