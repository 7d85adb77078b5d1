"""The "Choose the dates" dialog: background ranking, progress, the chosen run."""

from __future__ import annotations

import math
import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from tests.solver.test_dates import MON, THU, TUE, WED, FakeSolve, tiny_visit
from visitplanner.domain import Visit
from visitplanner.solver.dates import DateOption, ProgressFn, rank_dates
from visitplanner.solver.result import StopSignal
from visitplanner.ui.availability.dates_dialog import DatesDialog

BEST = DateOption((TUE, WED), True, 40.0, ("everyone free",))
WORSE = DateOption((MON, TUE), True, 100.0, ("Ann only if need be on day 2 (Tue 16 Mar)",))
NO = DateOption((WED, THU), False, math.inf, ("no slot for Talk: Bob is not free for 1 h",))


class FakeRank:
    """Reports progress for each option, remembers the thread it ran on."""

    def __init__(self, options: list[DateOption]) -> None:
        self.options = options
        self.threads: list[QThread | None] = []

    def __call__(
        self,
        visit: Visit,
        time_limit: float = 2.0,
        *,
        on_progress: ProgressFn | None = None,
        stop: StopSignal | None = None,
    ) -> list[DateOption]:
        self.threads.append(QThread.currentThread())
        for done in range(1, len(self.options) + 1):
            if on_progress is not None:
                on_progress(done, len(self.options))
        return self.options


def test_ranks_in_the_background_and_returns_the_choice(qtbot: QtBot) -> None:
    fake = FakeRank([BEST, WORSE, NO])
    dialog = DatesDialog(tiny_visit(), rank=fake)
    qtbot.addWidget(dialog)
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.ranking_finished) as blocker:
        dialog.start()
        assert dialog.running
    assert blocker.args == [[BEST, WORSE, NO]]
    assert fake.threads and fake.threads[0] is not QThread.currentThread()
    assert steps[-1] == 3
    assert not dialog.running
    table = dialog.table
    assert table.rowCount() == 3
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0] == ["Tue 16 Mar - Wed 17 Mar 2027", "fits", "40", "everyone free"]
    assert rows[2][1:3] == ["does not fit", "–"]
    assert dialog.status.text().startswith("The programme fits on 2 of 3 runs of days")
    assert dialog.chosen() == (TUE, WED)  # the best is selected
    dialog.select(1)
    assert dialog.chosen() == (MON, TUE)
    dialog.use_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_real_ranking_with_a_fake_solve(qtbot: QtBot) -> None:
    fake = FakeSolve({MON: 100, TUE: 40})

    def rank(
        visit: Visit,
        time_limit: float = 2.0,
        *,
        on_progress: ProgressFn | None = None,
        stop: StopSignal | None = None,
    ) -> list[DateOption]:
        return rank_dates(visit, time_limit, solver=fake, on_progress=on_progress, stop=stop)

    dialog = DatesDialog(tiny_visit(), rank=rank, time_limit=0.5)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ranking_finished):
        dialog.start()
    assert [o.days for o in dialog.options()] == [(TUE, WED), (MON, TUE), (WED, THU)]
    assert fake.calls == [((MON, TUE), 0.5), ((TUE, WED), 0.5)]


def test_nothing_fits(qtbot: QtBot) -> None:
    dialog = DatesDialog(tiny_visit(), rank=FakeRank([NO]))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ranking_finished):
        dialog.start()
    assert "fits on none" in dialog.status.text()
    assert dialog.chosen() == (WED, THU)  # still selectable: the reasons say what to fix


def test_a_failing_ranking_is_reported(qtbot: QtBot) -> None:
    def broken(visit: Visit, time_limit: float = 2.0, **_: object) -> list[DateOption]:
        raise RuntimeError("boom")

    dialog = DatesDialog(tiny_visit(), rank=broken)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ranking_finished) as blocker:
        dialog.start()
    assert blocker.args == [[]]
    assert dialog.status.text() == "Comparing the dates failed: boom"
    assert dialog.chosen() is None
    assert not dialog.use_button.isEnabled()


def test_cancel_while_ranking_stops_the_thread(qtbot: QtBot) -> None:
    started = threading.Event()
    stopped: list[bool] = []

    def slow(
        visit: Visit,
        time_limit: float = 2.0,
        *,
        on_progress: ProgressFn | None = None,
        stop: StopSignal | None = None,
    ) -> list[DateOption]:
        started.set()
        waiter = threading.Event()
        while stop is not None and not stop.requested and not waiter.wait(0.005):
            pass
        stopped.append(stop is not None and stop.requested)
        return []

    dialog = DatesDialog(tiny_visit(), rank=slow)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(started.is_set)
    dialog.reject()
    assert stopped == [True]
    assert not dialog.running
    assert dialog.chosen() is None


def test_progress_range_counts_the_runs(qtbot: QtBot) -> None:
    dialog = DatesDialog(tiny_visit(), rank=FakeRank([]))
    qtbot.addWidget(dialog)
    assert dialog.progress.maximum() == 3  # three runs in the tiny visit's window
    with qtbot.waitSignal(dialog.ranking_finished):
        dialog.start()
    assert dialog.status.text().startswith("There are no candidate dates")
