"""The availability editor: painting strokes in either zone, and the who-is-free heat map."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from visitplanner import i18n
from visitplanner.domain import (
    Activity,
    Availability,
    AvailabilityRange,
    DateWindow,
    Kind,
    Level,
    Participant,
    Side,
    Visit,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.ui.availability.editor import AvailabilityEditor
from visitplanner.ui.availability.grid import (
    AvailabilityGrid,
    display_bounds,
    grid_days,
    row_minutes,
    time_label,
    zone_city,
)
from visitplanner.ui.availability.heatmap import HeatMap, heat_colour, needed_people

PARIS, LONDON = "Europe/Paris", "Europe/London"
TUE, WED = date(2027, 3, 23), date(2027, 3, 24)
A, N, U = Level.AVAILABLE, Level.IF_NEED_BE, Level.UNAVAILABLE


def tiny_visit() -> Visit:
    """Ann (London) free 09:00-17:00 her time on Tuesday; Bob (Paris) 10:00-12:00, the
    last hour only if need be; Carol is invited to nothing required."""
    return Visit(
        title="Tiny",
        zone=PARIS,
        dates=(TUE, WED),
        participants=(
            Participant("ann", "Ann", Side.VISITOR, ("en",), LONDON),
            Participant("bob", "Bob", Side.HOST, ("en",), PARIS),
            Participant("carol", "Carol", Side.HOST, ("en",), PARIS),
        ),
        availability={
            "ann": Availability((local_range(TUE, 9 * 60, 17 * 60, LONDON, A),)),
            "bob": Availability(
                (
                    local_range(TUE, 10 * 60, 12 * 60, PARIS, A),
                    local_range(TUE, 11 * 60, 12 * 60, PARIS, N),
                )
            ),
        },
        activities=(
            Activity(
                "talk",
                "Talk",
                Kind.FORMAL,
                60,
                60,
                (Window(9 * 60, 17 * 60),),
                ("ann", "bob"),
                optional=("carol",),
            ),
        ),
    )


@pytest.fixture
def editor(qtbot: QtBot) -> AvailabilityEditor:
    widget = AvailabilityEditor()
    qtbot.addWidget(widget)
    widget.set_visit(tiny_visit())
    widget.select_person("ann")
    return widget


def drag(grid: AvailabilityGrid, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Press on one cell, move to another, release there."""
    a, b = grid.cell_rect(*start).center(), grid.cell_rect(*end).center()
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(grid, b)
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def row_of(grid: AvailabilityGrid, hour: int, minute: int = 0) -> int:
    return (hour * 60 + minute - grid.frame.lo) // grid.frame.row


def test_geometry_helpers() -> None:
    visit = tiny_visit()
    assert row_minutes(visit) == 15  # 5-minute slots are shown as 15-minute rows
    assert row_minutes(replace(visit, slot=30)) == 30
    assert grid_days(visit) == (TUE, WED)
    # Friday 19 starts no run of two weekdays, so it is not a possible day.
    window = replace(visit, candidate_dates=DateWindow(date(2027, 3, 19), WED, 2))
    assert grid_days(window) == (date(2027, 3, 22), TUE, WED)
    assert display_bounds(visit, (TUE,), PARIS, 15) == (7 * 60, 23 * 60)
    assert display_bounds(visit, (TUE,), LONDON, 15) == (6 * 60, 22 * 60)
    # Far away, the visit day crosses midnight: minutes run past 24:00.
    assert display_bounds(visit, (TUE,), "Asia/Tokyo", 15) == (15 * 60, 31 * 60)
    assert time_label(25 * 60) == "01:00 +1"
    assert time_label(-60) == "23:00 -1"
    assert zone_city("America/New_York") == "New York"
    with i18n.language("fr"):
        assert zone_city("Europe/London") == "Londres"


def test_zone_labels(editor: AvailabilityEditor) -> None:
    assert editor.zone_label.text() == "Times in London time (person's home)"
    assert editor.zone_toggle.isEnabled()
    editor.show_visit_zone(True)
    assert editor.zone_label.text() == "Times in Paris time (visit)"
    editor.select_person("bob")
    assert editor.zone_label.text() == "Times in Paris time (the person's home and the visit)"
    assert not editor.zone_toggle.isEnabled()


def test_stroke_in_home_zone_is_exact_in_visit_zone(
    editor: AvailabilityEditor, qtbot: QtBot
) -> None:
    grid = editor.grid
    editor.set_paint_level(N)
    assert grid.frame.lo == 6 * 60  # London view of a Paris day starting at 07:00
    with qtbot.waitSignal(editor.visit_edited) as blocker:
        drag(grid, (0, row_of(grid, 9)), (0, row_of(grid, 9, 45)))
    visit, text = blocker.args
    assert text == "Mark Ann free if need be, Tue 23 Mar 09:00-10:00 (London time)"
    painted = visit.availability_of("ann").ranges[-1]
    paris = ZoneInfo(PARIS)
    assert painted == AvailabilityRange(
        datetime(2027, 3, 23, 10, 0, tzinfo=paris), datetime(2027, 3, 23, 11, 0, tzinfo=paris), N
    )
    assert len(visit.availability_of("ann").ranges) == 2
    # The editor shows the edit, and the same hour reads 10:00-11:00 in Paris time.
    editor.show_visit_zone(True)
    assert grid.frame.lo == 7 * 60
    assert [grid.level_at(0, row_of(grid, 10, m)) for m in (0, 15, 30, 45)] == [N] * 4
    assert grid.level_at(0, row_of(grid, 9, 45)) is U
    assert grid.level_at(0, row_of(grid, 11)) is A


def test_stroke_in_visit_zone(editor: AvailabilityEditor, qtbot: QtBot) -> None:
    editor.show_visit_zone(True)
    editor.set_paint_level(U)
    grid = editor.grid
    with qtbot.waitSignal(editor.visit_edited) as blocker:
        drag(grid, (0, row_of(grid, 10, 45)), (0, row_of(grid, 10)))  # dragging upwards
    painted = blocker.args[0].availability_of("ann").ranges[-1]
    london = ZoneInfo(LONDON)
    assert (painted.start, painted.end, painted.level) == (
        datetime(2027, 3, 23, 9, 0, tzinfo=london),
        datetime(2027, 3, 23, 10, 0, tzinfo=london),
        U,
    )
    assert "(Paris time)" in blocker.args[1]


def test_one_stroke_over_two_days_is_one_edit(editor: AvailabilityEditor, qtbot: QtBot) -> None:
    grid = editor.grid
    edits: list[tuple[Visit, str]] = []
    editor.visit_edited.connect(lambda v, t: edits.append((v, t)))
    drag(grid, (0, row_of(grid, 18)), (1, row_of(grid, 18, 15)))
    assert len(edits) == 1
    new = edits[0][0].availability_of("ann").ranges[-2:]
    assert [(r.start.date(), r.start.hour, r.end.hour, r.end.minute) for r in new] == [
        (TUE, 18, 18, 30),
        (WED, 18, 18, 30),
    ]
    assert edits[0][1].startswith("Mark Ann available, Tue 23 Mar - Wed 24 Mar 18:00-18:30")


def test_drag_past_the_edge_is_clamped(editor: AvailabilityEditor, qtbot: QtBot) -> None:
    grid = editor.grid
    start = grid.cell_rect(1, grid.frame.rows - 2).center()
    outside = QPoint(grid.width() + 50, grid.height() + 50)
    with qtbot.waitSignal(editor.visit_edited) as blocker:
        QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(grid, outside)
        QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, outside)
    (painted,) = blocker.args[0].availability_of("ann").ranges[-1:]
    assert (painted.start.hour, painted.start.minute) == (21, 30)
    assert (painted.end.hour, painted.end.minute) == (22, 0)


def test_press_outside_the_cells_paints_nothing(editor: AvailabilityEditor) -> None:
    edits: list[object] = []
    editor.visit_edited.connect(lambda v, t: edits.append(v))
    QTest.mouseClick(
        editor.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5)
    )
    assert edits == []


def test_set_visit_keeps_the_person(editor: AvailabilityEditor) -> None:
    editor.select_person("bob")
    editor.set_visit(replace(tiny_visit(), title="Renamed"))
    person = editor.current_person()
    assert person is not None and person.id == "bob"


def test_heat_map_counts(qtbot: QtBot) -> None:
    heat = HeatMap()
    qtbot.addWidget(heat)
    visit = tiny_visit()
    heat.set_visit(visit)
    assert needed_people(visit) == ("ann", "bob")  # Carol is only optional

    def at(hour: int, minute: int = 0) -> tuple[int, int]:
        return 0, (hour * 60 + minute - heat.frame.lo) // heat.frame.row

    assert heat.cell_info(*at(10)) == heat.cell_info(*at(10, 45))
    info = heat.cell_info(*at(10))
    assert (info.free, info.total, info.missing, info.if_need_be) == (2, 2, (), ())
    info = heat.cell_info(*at(11))
    assert (info.free, info.missing, info.if_need_be) == (2, (), ("Bob",))
    info = heat.cell_info(*at(12))
    assert (info.free, info.missing) == (1, ("Bob",))
    info = heat.cell_info(*at(9, 45))
    assert (info.free, info.missing) == (0, ("Ann", "Bob"))
    assert heat.cell_info(1, 20).missing == ("Ann", "Bob")  # nobody on Wednesday
    assert heat.tooltip_at(*at(11)) == (
        "Tue 23 Mar 11:00-11:15: 2 of 2 free\nOnly if need be: Bob\nEveryone needed is free"
    )
    assert heat.tooltip_at(*at(12)) == "Tue 23 Mar 12:00-12:15: 1 of 2 free\nMissing: Bob"
    with i18n.language("fr"):
        french = heat.tooltip_at(*at(12))
        assert french == "mar. 23 mars 12:00-12:15 : 1 libre sur 2\nAbsents : Bob"
        assert heat.tooltip_at(*at(11)).startswith("mar. 23 mars 11:00-11:15 : 2 libres sur 2")
    assert heat_colour(2, 2) != heat_colour(1, 2) != heat_colour(0, 2)


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen tooltips
def test_heat_map_tooltip_on_hover(qtbot: QtBot) -> None:
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_visit(tiny_visit())
    heat.show()
    qtbot.waitExposed(heat)
    pos = heat.cell_rect(0, (12 * 60 - heat.frame.lo) // heat.frame.row).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, heat.mapToGlobal(pos))
    QApplication.sendEvent(heat, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "Tue 23 Mar 12:00-12:15: 1 of 2 free\nMissing: Bob"
    QToolTip.hideText()


def test_overview_tab_follows_edits(editor: AvailabilityEditor) -> None:
    grid, heat = editor.grid, editor.heatmap
    editor.show_visit_zone(True)
    row = (12 * 60 - heat.frame.lo) // heat.frame.row
    assert heat.cell_info(0, row).free == 1
    editor.select_person("bob")
    drag(grid, (0, row), (0, row))
    assert heat.cell_info(0, row).free == 2
    assert "how many of the 2 people" in editor.overview_label.text()
