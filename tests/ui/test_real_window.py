"""Open the real window on an X display (Xvfb), when one can be started."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QGuiApplication
    from visitplanner.ui.app import run_app

    tmp = Path(sys.argv[1])

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
            window.close()
        look()

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    sys.exit(run_app(None, settings=store, recovery_dir=tmp / "recovery", on_shown=shown))
    """
)


def test_the_real_window_opens_on_an_x_display(tmp_path: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("xvfb-run is not installed")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
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
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["PLATFORM"] == "xcb"
    assert "Visit Planner" in lines["TITLE"]
    colours = int(lines["BLOCKS"].split()[-1])
    assert colours > 5  # something was drawn, not a blank window
