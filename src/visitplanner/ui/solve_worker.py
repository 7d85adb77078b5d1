"""Solving in a background thread, so the window never freezes.

:class:`SolveRunner` starts a :class:`SolveWorker` on a :class:`QThread`. The
worker calls the scheduler with a progress callback that emits a Qt signal;
Qt queues it to the GUI thread, which shows each better schedule as it comes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from visitplanner.domain import Schedule, Visit
from visitplanner.i18n import _, current_language, language
from visitplanner.solver.result import (
    Progress,
    SolveOptions,
    SolveResult,
    Status,
    StopSignal,
)

SolveFn = Callable[
    [Visit, SolveOptions | None, Callable[[Progress], None] | None, StopSignal | None],
    SolveResult,
]


def default_solve() -> SolveFn:
    """The real scheduler (imported late: OR-Tools is slow to load)."""
    from visitplanner.solver.solve import solve

    found: SolveFn = solve
    return found


class SolveWorker(QObject):
    """Runs one solve on its thread; emits ``progress`` (and ``bound``) and then ``done``.

    With ``streams_bound`` (the real scheduler) the solve is also asked to report each
    better bound, emitted as ``bound(float)``.
    """

    progress = Signal(object)  # Progress
    bound = Signal(float)
    done = Signal(object)  # SolveResult

    def __init__(
        self, solve: SolveFn, visit: Visit, options: SolveOptions, streams_bound: bool = False
    ) -> None:
        super().__init__()
        self._solve = solve
        self._streams_bound = streams_bound
        self.visit = visit
        self.options = options
        self.stop_signal = StopSignal()
        # A new thread starts in English: explanations speak the window's language.
        self.language = current_language()

    @Slot()
    def run(self) -> None:
        """Solve (on the worker thread); never lets an exception escape."""
        with language(self.language):
            self._run()

    def _run(self) -> None:
        try:
            if self._streams_bound:
                from visitplanner.solver.solve import solve

                result = solve(
                    self.visit,
                    self.options,
                    self.progress.emit,
                    self.stop_signal,
                    on_bound=lambda bound, _elapsed: self.bound.emit(bound),
                )
            else:
                result = self._solve(self.visit, self.options, self.progress.emit, self.stop_signal)
        except Exception as exc:  # a solver bug must not kill the app
            failed = _("The planner failed: {reason}").format(reason=exc)
            result = SolveResult(Status.ERROR, explanation=(failed,))
        self.done.emit(result)


class SolveRunner(QObject):
    """Starts, watches and stops background solves (one at a time).

    Signals: ``started()``, ``progress(Progress)``, ``finished(SolveResult)``,
    ``bound(float)`` when the real scheduler proves a better bound, and ``tick(float)``
    with the elapsed seconds, several times a second.
    """

    started = Signal()
    progress = Signal(object)
    bound = Signal(float)
    finished = Signal(object)
    tick = Signal(float)

    def __init__(self, solve: SolveFn | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._solve = solve
        self._thread: QThread | None = None
        self._worker: SolveWorker | None = None
        self._t0 = 0.0
        self._clock = QTimer(self)
        self._clock.setInterval(250)
        self._clock.timeout.connect(lambda: self.tick.emit(self.elapsed))

    @property
    def running(self) -> bool:
        """Whether a solve is in progress."""
        return self._thread is not None

    @property
    def elapsed(self) -> float:
        """Seconds since the current solve started."""
        return time.monotonic() - self._t0 if self.running else 0.0

    def start(
        self,
        visit: Visit,
        previous: Schedule | None,
        time_limit: float | None = None,
        keep_previous: bool = True,
    ) -> bool:
        """Solve ``visit`` keeping pinned placements of ``previous``; False if already busy.

        With ``keep_previous`` the rest of ``previous`` changes as little as possible;
        without it the search goes on from ``previous`` for a better programme.
        """
        if self.running:
            return False
        solve = self._solve or default_solve()
        options = SolveOptions(previous=previous, keep_previous=keep_previous)
        if time_limit is not None:
            options = replace(options, time_limit=time_limit)
        thread = QThread()
        worker = SolveWorker(solve, visit, options, streams_bound=self._solve is None)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.bound.connect(self.bound)
        worker.done.connect(self._on_done)
        worker.done.connect(thread.quit)
        self._thread, self._worker = thread, worker
        self._t0 = time.monotonic()
        thread.start()
        self._clock.start()
        self.started.emit()
        return True

    def stop(self) -> None:
        """Ask the running solve to stop; it finishes with its best schedule so far."""
        if self._worker is not None:
            self._worker.stop_signal.stop()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop and wait for the thread (when the window closes); no result is reported."""
        if self._worker is not None:
            self._worker.done.disconnect(self._on_done)
        self.stop()
        thread = self._thread
        if thread is not None:
            thread.quit()
            thread.wait(timeout_ms)
            self._cleanup()

    def _on_done(self, result: SolveResult) -> None:
        thread = self._thread
        if thread is not None:
            thread.quit()
            thread.wait()
        self._cleanup()
        self.finished.emit(result)

    def _cleanup(self) -> None:
        self._clock.stop()
        if self._worker is not None:
            self._worker.deleteLater()
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = None
        self._worker = None
