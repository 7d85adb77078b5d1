"""Working with the hosts from the window: invitations, replies, the shared calendar server.

:func:`install` adds the File menu commands, accepts reply files dropped on the
window, puts the reply marks (✓ ? ✗) on calendar blocks and lists required
people's declines in the Problems panel. Network and file work runs on a
background thread (:class:`Task`) with a progress dialog; every outcome is a
plain message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import copy_context
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from visitplanner.domain import Project
from visitplanner.domain.replies import (
    declines_as_unavailability,
    required_declines,
    with_replies,
)
from visitplanner.i18n import _, ngettext
from visitplanner.io.caldav_sync import CalendarServerError, PublishReport, publish, read_busy
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import to_availability_ranges
from visitplanner.io.itip_invite import (
    InvitationError,
    build_invitations,
    send_invitations,
    write_invitations,
)
from visitplanner.io.itip_replies import MatchedReplies, match_replies, read_reply_file
from visitplanner.ui.collab_dialogs import InvitationsDialog, InviteForm, ServerDialog, ServerForm
from visitplanner.ui.collab_french import FrenchTextsDialog

REPLY_SUFFIXES = (".ics", ".eml")
Report = Callable[[int, int], None]


class Task(QThread):
    """Runs ``work(progress)`` off the GUI thread; ``done`` carries its result or exception."""

    progressed = Signal(int, int)
    done = Signal(object)

    def __init__(self, work: Callable[[Report], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._context = copy_context()  # the window's language

    def run(self) -> None:
        """Do the work; an exception is handed back, never raised here."""
        try:
            result = self._context.run(self._work, self.progressed.emit)
        except Exception as exc:
            result = exc
        self.done.emit(result)


class Collaboration(QObject):
    """The collaboration commands of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.folder: Path | None = None
        self.actions = self._actions()
        window.doc.changed.connect(self.refresh)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # ------------------------------------------------------------------ set-up

    def _actions(self) -> dict[str, QAction]:
        w = self.window
        made = {
            "invite": (_("&Invitations…"), self.invite),
            "replies": (_("Import &replies…"), lambda: self.import_replies(None)),
            "publish": (_("Publish to calendar &server…"), lambda: self.publish(None)),
            "read": (_("Read availability from calendar server…"), lambda: self.read(None)),
        }
        actions = {}
        for name, (text, slot) in made.items():
            action = QAction(text, w)
            action.triggered.connect(slot)
            actions[name] = action
        file_menu = None
        for menu_action in w.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None and w.quit_action in menu.actions():
                file_menu = menu
        if file_menu is not None:
            file_menu.insertActions(w.quit_action, list(actions.values()))
            file_menu.insertSeparator(w.quit_action)
        block = QAction(_("Mark declined times unavailable"), w)
        block.setStatusTip(
            _("Make required people who declined unavailable at those times, then solve again")
        )
        block.triggered.connect(self.block_declines)
        actions["block"] = block
        french = QAction(_("French titles and notes…"), w)
        french.triggered.connect(lambda: self.french_texts(None))
        actions["french"] = french
        for menu_action in w.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None and w.solve_action in menu.actions():
                menu.addActions([block, french])
        return actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Accept reply files dragged onto the window and import them when dropped."""
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            paths = _reply_paths(event)
            if paths:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.import_replies(paths)
                return True
        return False

    # -------------------------------------------------------------- refreshing

    def refresh(self, project: Project) -> None:
        """Required people's declines in the Problems panel (blocks draw their own marks)."""
        declines = required_declines(project)
        panel = self.window.problems
        names = {p.id: p.name for p in project.visit.participants}
        for r in declines:
            placement = project.schedule.get(r.key)
            if placement is None:
                continue
            title = project.visit.activity(placement.activity_id).title
            panel.add_first(
                _("Declined: {person} cannot come to “{title}”, and is required.").format(
                    person=names.get(r.person, r.person), title=title
                ),
                [r.key],
            )
        if declines and self.window.report.ok:
            panel.summary.setText(_("Every rule holds, but required people declined: see below."))

    # ---------------------------------------------------------------- commands

    def invite(self, form: InviteForm | None = None) -> None:
        """Write (and send) the invitations; the project remembers them (undoable)."""
        project = self.window.doc.project
        if not project.schedule.placements and not project.invited:
            self._inform(_("Nothing to invite to"), _("Solve first: there is no programme yet."))
            return
        if form is None:
            dialog = InvitationsDialog(project.visit, self.folder, self.window)
            if not dialog.exec() or (form := dialog.values()) is None:
                return
        self.folder = form.folder
        base = replace(project, visit=replace(project.visit, coordinator=form.coordinator))

        def work(progress: Report) -> object:
            updated, invitations = build_invitations(base)
            written = write_invitations(invitations, form.folder)
            progress(len(written), len(written) + (len(invitations) if form.smtp else 0))
            error = ""
            if form.smtp:
                try:
                    send_invitations(invitations, *form.smtp)
                except InvitationError as exc:
                    error = exc.message
            return updated, written, error

        self._run(_("Making the invitations…"), work, self._invited)

    def _invited(self, result: object) -> None:
        if isinstance(result, InvitationError):
            self._warn(_("Invitations"), result.message)
            return
        if isinstance(result, Exception):
            self._warn(
                _("Invitations"),
                _("Could not write the invitations: {reason}").format(reason=result),
            )
            return
        updated: Project
        written: list[Path]
        error: str
        updated, written, error = result  # type: ignore[misc]
        self.window.doc.push(updated, _("Invitations"))
        text = ngettext(
            "Wrote {n} e-mail in {folder}.", "Wrote {n} e-mails in {folder}.", len(written)
        ).format(n=len(written), folder=self.folder)
        if error:
            self._warn(_("Invitations"), text + "\n\n" + error)
        else:
            self._inform(_("Invitations"), text)

    def import_replies(self, paths: list[Path] | None) -> None:
        """Read reply files and store the answers (one undoable step)."""
        if paths is None:
            names, _filter = QFileDialog.getOpenFileNames(
                self.window, _("Import replies"), "", _("Calendar replies (*.ics *.eml)")
            )
            paths = [Path(n) for n in names]
        if not paths:
            return
        project = self.window.doc.project
        chosen = list(paths)

        def work(progress: Report) -> object:
            answers = []
            for n, path in enumerate(chosen, start=1):
                answers += read_reply_file(path)
                progress(n, len(chosen))
            return match_replies(project, answers)

        self._run(_("Reading the replies…"), work, self._replies_read)

    def _replies_read(self, result: object) -> None:
        if isinstance(result, InputFileError):
            self._warn(_("Import replies"), result.message + "\n\n" + _("Nothing was imported."))
            return
        if not isinstance(result, MatchedReplies):
            self._warn(_("Import replies"), str(result))
            return
        project = with_replies(self.window.doc.project, result.replies)
        self.window.doc.push(project, _("Import replies"))
        lines = [
            ngettext("{n} answer stored.", "{n} answers stored.", len(result.replies)).format(
                n=len(result.replies)
            )
        ]
        if result.unmatched:
            lines.append(_("Not about this programme ({n}):").format(n=len(result.unmatched)))
            lines += [f"• {u.address or '?'}: {u.reason}" for u in result.unmatched[:10]]
        if required_declines(project):
            lines.append(
                _(
                    "Some required people declined: Visit → Mark declined times unavailable, "
                    "then Solve."
                )
            )
        self._inform(_("Import replies"), "\n".join(lines))

    def block_declines(self) -> None:
        """Turn required people's declines into unavailability, ready for a re-solve."""
        project = self.window.doc.project
        declines = required_declines(project)
        if not declines:
            self._inform(_("Declined times"), _("No required person has declined a meeting."))
            return
        self.window.doc.push(
            declines_as_unavailability(project, declines), _("Mark declined times unavailable")
        )
        self._inform(
            _("Declined times"),
            _("Marked. Solve again: the planner moves as little as it can."),
        )

    def french_texts(self, dialog: FrenchTextsDialog | None) -> None:
        """Edit the French titles and notes (one undoable step)."""
        project = self.window.doc.project
        if dialog is None:
            dialog = FrenchTextsDialog(project.visit, self.window)
            if not dialog.exec():
                return
        visit = dialog.edited_visit()
        self.window.doc.push(replace(project, visit=visit), _("French titles and notes"))

    def publish(self, form: ServerForm | None = None) -> None:
        """Write the programme to the calendar server."""
        project = self.window.doc.project
        if not project.schedule.placements:
            self._inform(_("Publish"), _("Solve first: there is no programme yet."))
            return
        if form is None:
            dialog = ServerDialog(project.visit, reading=False, parent=self.window)
            if not dialog.exec() or (form := dialog.values()) is None:
                return
        url, user, password = form.url, form.user, form.password

        def work(progress: Report) -> object:
            return publish(project, url, user, password, progress=progress)

        self._run(_("Publishing…"), work, self._published)

    def _published(self, result: object) -> None:
        if isinstance(result, CalendarServerError):
            text = result.message
            if result.report is not None and result.report.changed:
                text += "\n\n" + _("Written before the error: ") + _summary(result.report)
            self._warn(_("Publish"), text)
        elif isinstance(result, PublishReport):
            self._inform(_("Publish"), _summary(result))
        else:
            self._warn(_("Publish"), str(result))

    def read(self, form: ServerForm | None = None) -> None:
        """Read a person's busy time from the server and paint it over their availability."""
        visit = self.window.doc.project.visit
        if form is None:
            dialog = ServerDialog(visit, reading=True, parent=self.window)
            if not dialog.exec() or (form := dialog.values()) is None:
                return
        if form.first is None or form.last is None or not form.person:
            return
        person = visit.participant(form.person)
        f = form

        def work(progress: Report) -> object:
            assert f.first is not None and f.last is not None
            return read_busy(f.url, f.user, f.password, person.home_zone, f.first, f.last)

        self._run(
            _("Reading the calendar…"), work, lambda result: self._read_done(person.id, result)
        )

    def _read_done(self, pid: str, result: object) -> None:
        if isinstance(result, Exception):
            message = getattr(result, "message", str(result))
            self._warn(_("Read from calendar server"), message)
            return
        project = self.window.doc.project
        visit = project.visit
        person = visit.participant(pid)
        current = visit.availability_of(pid)
        ranges = to_availability_ranges(
            result,  # type: ignore[arg-type]
            over=current,
            zone=person.home_zone,
            slot=visit.slot,
        )
        availability = dict(visit.availability)
        availability[pid] = current.painted(ranges)
        self.window.doc.push(
            replace(project, visit=replace(visit, availability=availability)),
            _("Read availability of {name}").format(name=person.name),
        )
        self._inform(
            _("Read from calendar server"),
            ngettext(
                "{n} busy period marked on {name}'s availability.",
                "{n} busy periods marked on {name}'s availability.",
                len(ranges),
            ).format(n=len(ranges), name=person.name),
        )

    # ----------------------------------------------------------------- helpers

    def _run(
        self, label: str, work: Callable[[Report], object], then: Callable[[object], None]
    ) -> None:
        progress = QProgressDialog(label, "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = Task(work, self)
        task.progressed.connect(lambda done, total: _show_progress(progress, done, total))

        def finish(result: object) -> None:
            progress.close()
            self.task = None
            then(result)

        task.done.connect(finish)
        task.finished.connect(task.deleteLater)
        self.task = task
        task.start()

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)


def install(window: Any) -> Collaboration:
    """Add the collaboration commands to ``window`` (a :class:`MainWindow`)."""
    return Collaboration(window)


def _summary(report: PublishReport) -> str:
    return _(
        "{created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged."
    ).format(
        created=len(report.created),
        updated=len(report.updated),
        deleted=len(report.deleted),
        unchanged=len(report.unchanged),
    )


def _reply_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in REPLY_SUFFIXES]
