"""The calendar: layout, live-checked dragging with the mouse, resizing, keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_calendar_fixtures import make_window
from visitplanner.domain import Placement
from visitplanner.domain.clock import parse_hhmm
from visitplanner.solver.checker import Checker
from visitplanner.ui.calendar.blocks import TravelItem
from visitplanner.ui.calendar.geometry import Geometry, home_zone, lanes, other_zone_time

# The offscreen platform warns when a window is shown; that is not our problem.
pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)


def _p(key: str, start: str, end: str, day: int = 1) -> Placement:
    return Placement(key, key, day, parse_hhmm(start), parse_hhmm(end), "v", ())


def test_overlapping_blocks_sit_side_by_side() -> None:
    layout = lanes(
        [
            _p("a", "09:00", "10:00"),
            _p("b", "09:30", "11:00"),
            _p("c", "10:00", "10:30"),
            _p("d", "12:00", "13:00"),
        ]
    )
    assert layout["a"] == (0, 2)
    assert layout["b"] == (1, 2)
    assert layout["c"] == (0, 2)  # reuses a's lane once a has ended
    assert layout["d"] == (0, 1)  # alone again: full width


def test_geometry_snaps_to_slots_and_keeps_blocks_in_the_day() -> None:
    g = Geometry(day_start=420, day_end=1380, n_days=2, slot=15)
    assert g.snap(g.minute_at(g.y_of(547))) == 540
    assert g.snap(553) == 555
    assert g.clamp_start(1370, 60) == 1320
    assert g.clamp_start(300, 60) == 420
    assert g.day_at(g.x_of_day(2) + 5) == 2
    assert g.day_at(10_000) == 2


def test_second_axis_is_london_time(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    visit = window.doc.project.visit
    assert home_zone(visit) == "Europe/London"
    assert other_zone_time(visit, "Europe/London", 9 * 60) == "08:00"
    assert window.scene.home_zone() == "Europe/London"
    window.axis_action.trigger()
    assert window.scene.home_zone() is None
    assert window.settings.show_home_axis() is False


def test_blocks_show_every_activity_and_travel_gaps(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    scene = window.scene
    assert set(scene.blocks) == {p.key for p in window.doc.project.schedule}
    block = scene.blocks["mainstreaming"]
    assert block.interpreted and "interpreter" in block.toolTip()
    assert not scene.blocks["debrief"].interpreted
    strips = [i for i in scene.items() if isinstance(i, TravelItem)]
    # Breakfast (hotel) -> Mainstreaming (City Hall): 20 minutes, enough time.
    assert any(s.minutes == 20 and not s.short for s in strips)
    lunch = scene.blocks["lunch@1"].scene_rect()
    assert lunch.width() > 200  # alone in its column: full width


def _viewport_point(window, scene_point: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    return window.view.mapFromScene(scene_point)


def test_dragging_onto_a_busy_time_flags_the_block_and_undo_restores_it(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    scene, view = window.scene, window.view
    before = window.doc.project
    block = scene.blocks["digitising"]  # day 2, 08:45; the digitisation officer is free only then
    rect = block.scene_rect()
    grab = QPointF(rect.center().x(), rect.top() + 20)
    view.ensureVisible(rect)
    target = QPointF(scene.geometry.x_of_day(1) + 60, grab.y())  # same time, on day 1
    viewport = view.viewport()
    QTest.mousePress(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _viewport_point(window, grab),
    )
    for step in range(1, 6):
        point = grab + (target - grab) * (step / 5)
        QTest.mouseMove(viewport, _viewport_point(window, point))
    assert scene.dragging()
    tentative = block.placement
    assert tentative.day == 1 and tentative.start == before.schedule.get("digitising").start
    expected = Checker(before.visit).check(before.schedule.with_placement(tentative))
    labels = {v.label for v in expected.for_key("digitising")}
    officer = [v for v in expected.for_key("digitising") if "paris-digital" in v.people]
    assert officer, "the digitisation officer's absence must be a violation"
    assert set(block.problems) == labels
    assert officer[0].label in block.toolTip()
    assert officer[0].message in window.statusBar().currentMessage()
    QTest.mouseRelease(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _viewport_point(window, target),
    )
    moved = window.doc.project.schedule.get("digitising")
    assert moved is not None and moved.day == 1
    assert officer[0].label in scene.blocks["digitising"].problems
    assert any(officer[0].message in line for line in window.problems.labels())
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.doc.project == before
    assert scene.blocks["digitising"].problems == ()
    assert window.problems.labels() == []


def test_clicking_a_problem_selects_its_block(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    p = window.doc.project.schedule.get("digitising")
    window.doc.push(
        replace(
            window.doc.project,
            schedule=window.doc.project.schedule.with_placement(p.moved(1, p.start)),
        ),
        "move",
    )
    window.show()
    qtbot.waitExposed(window)
    tree = window.problems.tree
    rect = tree.visualItemRect(tree.topLevelItem(0))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.selected_key() == "digitising"


@pytest.mark.parametrize(("pull_to", "expected_length"), [("16:00", 90), ("12:10", 60)])
def test_resizing_keeps_within_min_and_max(qtbot, tmp_path, pull_to, expected_length) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    scene = window.scene
    block = scene.blocks["lunch@1"]  # 60-90 minutes, placed 12:00-13:15
    rect = block.scene_rect()
    edge = QPointF(rect.center().x(), rect.bottom() - 2)
    assert block.on_bottom_edge(edge)
    viewport = window.view.viewport()
    window.show()
    qtbot.waitExposed(window)
    window.view.ensureVisible(rect)
    QTest.mousePress(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _viewport_point(window, edge),
    )
    scene.drag_to(QPointF(edge.x(), scene.geometry.y_of(parse_hhmm(pull_to))))
    QTest.mouseRelease(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _viewport_point(window, edge),
    )
    placed = window.doc.project.schedule.get("lunch@1")
    assert placed is not None
    assert placed.start == parse_hhmm("12:00")
    assert placed.length == expected_length
    assert window.doc.undo_stack.undoText().startswith("Resize")


def test_keyboard_moves_by_slot_and_day_and_delete_unschedules(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    slot = window.doc.project.visit.slot
    start = window.doc.project.schedule.get("evaluation")
    window.scene.select_key("evaluation")
    view = window.view
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert window.doc.project.schedule.get("evaluation").start == start.start + slot
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert window.doc.project.schedule.get("evaluation").day == 2
    assert window.scene.selected_key() == "evaluation"  # still selected after the rebuild
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.project.schedule.get("evaluation") is None
    assert "evaluation" not in window.scene.blocks
    for _ in range(3):
        window.doc.undo_stack.undo()
    assert window.doc.project.schedule.get("evaluation") == start


def test_pin_with_p_key_shows_a_lock_and_undoes(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.scene.select_key("steering")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_P)
    assert window.doc.project.schedule.get("steering").pinned
    assert "Pinned" in window.scene.blocks["steering"].toolTip()
    window.doc.undo_stack.undo()
    assert not window.doc.project.schedule.get("steering").pinned


def test_people_view_has_a_lane_per_participant(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    texts = [i.text() for i in window.people_view.scene().items() if hasattr(i, "text")]
    names = [p.name for p in window.doc.project.visit.participants]
    for name in names:
        assert any(t.startswith(name[:10]) for t in texts), name


def test_block_menu_pins_and_removes(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.scene.select_key("dinner")
    menu = window.edits.block_menu("dinner", QPoint(10, 10))
    assert menu is not None
    pin, remove = menu.actions()
    assert pin.text() == "Pin here"
    pin.trigger()
    assert window.doc.project.schedule.get("dinner").pinned
    remove.trigger()
    assert window.doc.project.schedule.get("dinner") is None
    assert window.doc.undo_stack.undoText() == "Remove Dinner"
    menu.close()
