"""A hand-made programme for the Paris demo, shared by the UI tests (no solver needed)."""

from __future__ import annotations

from dataclasses import replace

from visitplanner.domain import Placement, Project, Schedule, Visit
from visitplanner.domain.clock import parse_hhmm, visit_minute
from visitplanner.domain.index import VisitIndex
from visitplanner.domain.schedule import occurrence_key

# (activity, day, start, end, venue) — a programme that keeps every rule.
PARIS_PLAN = (
    ("breakfast", 1, "07:45", "08:30", "hotel"),
    ("mainstreaming", 1, "09:00", "11:00", "city-hall"),
    ("lunch", 1, "12:00", "13:15", "city-hall"),
    ("evaluation", 1, "14:00", "15:30", "pb-office"),
    ("informal", 1, "15:45", "17:00", "pb-office"),
    ("steering", 1, "17:30", "19:00", "city-hall"),
    ("dinner", 1, "19:30", "21:30", "restaurant"),
    ("breakfast", 2, "07:30", "08:15", "hotel"),
    ("digitising", 2, "08:45", "10:15", "pb-office"),
    ("lunch", 2, "12:00", "13:00", "pb-office"),
    ("debrief", 2, "13:30", "14:30", "hotel"),
)


def free(index: VisitIndex, pid: str, day: int, start: int, end: int) -> bool:
    """Whether ``pid`` is not busy between ``start`` and ``end`` on ``day``."""
    lo, hi = visit_minute(day, start), visit_minute(day, end)
    return not any(s.start < hi and lo < s.end for s in index.busy(pid))


def paris_schedule(visit: Visit) -> Schedule:
    """The hand-made programme, with every free optional person attending."""
    index = VisitIndex(visit)
    out = []
    for aid, day, start_text, end_text, venue in PARIS_PLAN:
        activity = index.activities[aid]
        start, end = parse_hhmm(start_text), parse_hhmm(end_text)
        attendees = tuple(
            pid
            for pid in activity.invited
            if pid in activity.required or free(index, pid, day, start, end)
        )
        key = occurrence_key(aid, day if activity.per_day else None)
        out.append(Placement(key, aid, day, start, end, venue, attendees))
    return Schedule(tuple(out)).sorted()


def with_paris_plan(project: Project) -> Project:
    """``project`` (the Paris demo) with the hand-made programme."""
    return replace(project, schedule=paris_schedule(project.visit))


class Dialogs:
    """Records message boxes instead of showing them; answers questions with ``answer``."""

    def __init__(self, answer: object = None) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = answer

    def install(self, monkeypatch: object) -> Dialogs:
        """Replace QMessageBox's static dialogs (``monkeypatch`` is pytest's fixture)."""
        from PySide6.QtWidgets import QMessageBox

        for kind in ("critical", "warning", "information", "question"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))  # type: ignore[attr-defined]
        return self

    def _recorder(self, kind: str):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QMessageBox

        def show(_parent, title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            self.shown.append((kind, title, text))
            if kind != "question":
                return QMessageBox.StandardButton.Ok
            if self.answer is None:
                raise AssertionError(f"unexpected question: {title}: {text}")
            return self.answer

        return show

    def kinds(self) -> list[str]:
        """The kinds of dialog shown, in order."""
        return [kind for kind, _, _ in self.shown]


def make_window(qtbot, tmp_path, solve=None, project=None, autosave_ms=None):  # type: ignore[no-untyped-def]
    """A main window with temporary settings and recovery folder, showing ``project``."""
    from PySide6.QtCore import QSettings

    from visitplanner.io.project import load_project
    from visitplanner.ui.files import AppSettings, Recovery, demo_path
    from visitplanner.ui.main_window import MainWindow

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    extra = {} if autosave_ms is None else {"autosave_ms": autosave_ms}
    window = MainWindow(settings, Recovery(tmp_path / "recovery"), solve=solve, **extra)
    # Closing at teardown must not ask about unsaved changes (no real modal dialogs).
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.reset(w.doc.project, w.doc.path))
    if project is None:
        project = with_paris_plan(load_project(demo_path()))
    window.files.load_untitled(project)
    window.resize(1500, 1000)
    return window
