"""The collaboration commands in the window: replies (menu and drop), invitations, server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.io.collab_project import COORDINATOR, planned_project
from tests.servers import (  # noqa: F401 - fixtures
    PASSWORD,
    USER,
    Mailbox,
    Radicale,
    radicale,
    smtp_server,
)
from tests.ui.test_calendar_fixtures import Dialogs, make_window
from visitplanner.domain import Level
from visitplanner.domain.replies import occurrence_marks
from visitplanner.ui.collab_dialogs import InvitationsDialog, InviteForm, ServerDialog, ServerForm

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
REPLIES = Path(__file__).parents[1] / "io" / "replies"
ALL = [
    REPLIES / n for n in ("thunderbird-accept.ics", "outlook-decline.eml", "google-tentative.ics")
]


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, demo_path: Path) -> Any:
    return make_window(qtbot, tmp_path, project=planned_project(demo_path))


def _wait_message(qtbot: Any, dialogs: Dialogs, count: int = 1) -> tuple[str, str, str]:
    qtbot.waitUntil(lambda: len(dialogs.shown) >= count, timeout=20_000)
    return dialogs.shown[count - 1]


def test_menus_hold_the_commands(window: Any) -> None:
    texts = [a.text() for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    for text in (
        "&Invitations…",
        "Import &replies…",
        "Publish to calendar &server…",
        "Read availability from calendar server…",
        "Mark declined times unavailable",
    ):
        assert text in texts


def test_imported_replies_mark_blocks_and_problems(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    window.collab.import_replies(ALL)
    kind, _title, text = _wait_message(qtbot, dialogs)
    assert kind == "information" and "3 answers stored" in text
    assert len(window.doc.project.replies) == 3
    shown = window.scene.project
    marks = {k: occurrence_marks(shown, k) for k in window.scene.blocks}
    assert marks == {"mainstreaming": "✗", "lunch@1": "✓", "dinner": "?"}
    assert any("Declined: Karim Benali" in line for line in window.problems.labels())
    window.doc.undo_stack.undo()
    assert window.doc.project.replies == ()
    assert all(occurrence_marks(window.scene.project, k) == "" for k in window.scene.blocks)


def test_a_file_that_is_not_a_calendar_imports_nothing(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    window.collab.import_replies([ALL[0], REPLIES / "not-a-calendar.txt"])
    kind, _title, text = _wait_message(qtbot, dialogs)
    assert kind == "warning" and "not-a-calendar.txt" in text
    assert window.doc.project.replies == ()


def test_dropping_reply_files_on_the_window(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in ALL])
    args = (
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(*args))
    _wait_message(qtbot, dialogs)
    assert len(window.doc.project.replies) == 3


def test_declines_become_unavailability(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    window.collab.import_replies([ALL[1]])
    _wait_message(qtbot, dialogs)
    window.collab.actions["block"].trigger()
    visit = window.doc.project.visit
    segments = visit.availability_of("paris-implementation").day_segments(
        visit.dates[0], visit.zone
    )
    assert any(s.start <= 540 and s.end >= 660 and s.level is Level.UNAVAILABLE for s in segments)
    assert any("paris-implementation" in v.people for v in window.report.violations)


def test_invitations_written_sent_and_remembered(
    window: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    smtp_server: tuple[str, int, Mailbox],  # noqa: F811
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    host, port, mailbox = smtp_server
    window.collab.invite(InviteForm(COORDINATOR, tmp_path / "mail", (host, port)))
    kind, _title, text = _wait_message(qtbot, dialogs)
    assert kind == "information", text
    written = list((tmp_path / "mail").glob("*.eml"))
    assert written and len(mailbox.messages) == len(written)
    assert window.doc.project.invited["mainstreaming"]
    assert window.doc.project.visit.coordinator == COORDINATOR


def test_publish_and_read_back_from_radicale(
    window: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    radicale: Radicale,  # noqa: F811
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    window.collab.publish(ServerForm(radicale.calendar, USER, PASSWORD))
    kind, _title, text = _wait_message(qtbot, dialogs)
    assert kind == "information" and "3 created" in text
    project = window.doc.project
    first = project.visit.dates[0]
    window.collab.read(
        ServerForm(radicale.calendar, USER, PASSWORD, "steering-group", first, first)
    )
    kind, _title, text = _wait_message(qtbot, dialogs, 2)
    assert kind == "information" and "3 busy periods" in text
    assert window.doc.project.visit.availability_of(
        "steering-group"
    ) != project.visit.availability_of("steering-group")


def test_wrong_password_is_a_warning(
    window: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    radicale: Radicale,  # noqa: F811
) -> None:
    dialogs = Dialogs().install(monkeypatch)
    window.collab.publish(ServerForm(radicale.calendar, USER, "wrong"))
    kind, _title, text = _wait_message(qtbot, dialogs)
    assert kind == "warning" and "password" in text


def test_dialogs_check_what_is_typed(qtbot: Any, demo_path: Path) -> None:
    visit = planned_project(demo_path).visit
    invite = InvitationsDialog(visit, None)
    qtbot.addWidget(invite)
    assert invite.values() is None and "folder" in invite.error.text()
    invite.folder.setText("/tmp/x")
    invite.smtp.setText("mail.example.org:587")
    form = invite.values()
    assert form is not None and form.smtp == ("mail.example.org", 587)
    server = ServerDialog(visit, reading=True, person="gla-pb")
    qtbot.addWidget(server)
    assert server.values() is None
    server.url.setText("https://cal.example.org/dav/aileen/")
    server.user.setText("aileen")
    read = server.values()
    assert (
        read is not None and read.person == "gla-pb" and read.first == visit.candidate_dates.first
    )


def test_french_titles_are_entered_and_used_for_french_speakers(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from visitplanner.io.itip_invite import build_invitations
    from visitplanner.ui.collab_french import FrenchTextsDialog

    dialog = FrenchTextsDialog(window.doc.project.visit)
    qtbot.addWidget(dialog)
    row = [a.id for a in window.doc.project.visit.activities].index("dinner")
    dialog.set_french(row, "Dîner", "Menu végétarien sur demande.")
    window.collab.french_texts(dialog)
    dinner = window.doc.project.visit.activity("dinner")
    assert (dinner.title_fr, dinner.notes_fr) == ("Dîner", "Menu végétarien sur demande.")
    _, invitations = build_invitations(window.doc.project)
    lead = next(i for i in invitations if i.person == "interpreter")
    body = lead.message.get_body(("plain",)).get_content()
    assert "Dîner" in body
    window.doc.undo_stack.undo()
    assert window.doc.project.visit.activity("dinner").title_fr == ""
