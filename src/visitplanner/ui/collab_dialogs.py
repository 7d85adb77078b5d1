"""The forms of the collaboration commands: invitations and the calendar server.

Each dialog only collects what the coordinator types; :mod:`visitplanner.ui.collab`
does the work in the background. Passwords stay in memory for one command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from visitplanner.domain import Visit
from visitplanner.domain.visit import Coordinator
from visitplanner.i18n import _


@dataclass(frozen=True)
class InviteForm:
    """What the Invitations dialog collects."""

    coordinator: Coordinator
    folder: Path
    smtp: tuple[str, int] | None = None


@dataclass(frozen=True)
class ServerForm:
    """What the calendar-server dialogs collect (the password is never stored)."""

    url: str
    user: str
    password: str
    person: str = ""
    first: date | None = None
    last: date | None = None


class InvitationsDialog(QDialog):
    """Coordinator, folder for the e-mails, and an optional mail server."""

    def __init__(self, visit: Visit, folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Invitations"))
        self.setMinimumWidth(620)
        self.name = QLineEdit(visit.coordinator.name)
        self.email = QLineEdit(visit.coordinator.email)
        self.folder = QLineEdit(str(folder) if folder else "")
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.smtp = QLineEdit()
        self.smtp.setPlaceholderText(_("optional, e.g. smtp.example.org:25"))
        form = QFormLayout(self)
        intro = QLabel(
            _(
                "Each participant with an e-mail address gets their programme as a calendar "
                "invitation, in their language. Replies go to the coordinator."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(_("Coordinator's name:"), self.name)
        form.addRow(_("Coordinator's e-mail:"), self.email)
        form.addRow(_("Save the e-mails in:"), row)
        form.addRow(_("Also send through mail server:"), self.smtp)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00000")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create invitations"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> InviteForm | None:
        """The form, or None (with the reason shown) when something is missing."""
        name, email = self.name.text().strip(), self.email.text().strip()
        if "@" not in email:
            self.error.setText(_("Enter the coordinator's e-mail address: replies go there."))
            return None
        if not self.folder.text().strip():
            self.error.setText(_("Choose a folder for the e-mails."))
            return None
        smtp = None
        if self.smtp.text().strip():
            host, _sep, port = self.smtp.text().strip().rpartition(":")
            if not host or not port.isdigit():
                self.error.setText(_("Give the mail server as HOST:PORT, e.g. localhost:25."))
                return None
            smtp = (host, int(port))
        return InviteForm(Coordinator(name, email), Path(self.folder.text().strip()), smtp)

    def _accept(self) -> None:
        if self.values() is not None:
            self.accept()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Folder for the invitations"))
        if chosen:
            self.folder.setText(chosen)


class ServerDialog(QDialog):
    """Calendar server address, user and password; for reading, also whose and when."""

    def __init__(
        self, visit: Visit, reading: bool, person: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            _("Read from calendar server") if reading else _("Publish to calendar server")
        )
        self.setMinimumWidth(620)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://calendar.example.org/dav/visit/")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        intro = QLabel(
            _("The password is used for this once and never saved.")
            if not reading
            else _(
                "Reads when the calendar's owner is busy and marks it on their availability. "
                "The password is used for this once and never saved."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(_("Calendar address (URL):"), self.url)
        form.addRow(_("User name:"), self.user)
        form.addRow(_("Password:"), self.password)
        self.person = QComboBox()
        self.first, self.last = QDateEdit(), QDateEdit()
        self.reading = reading
        if reading:
            for p in visit.participants:
                self.person.addItem(p.name, p.id)
            if person:
                self.person.setCurrentIndex(max(self.person.findData(person), 0))
            first, last = _window(visit)
            for edit, day in ((self.first, first), (self.last, last)):
                edit.setCalendarPopup(True)
                edit.setDate(QDate(day.year, day.month, day.day))
            form.addRow(_("Whose availability:"), self.person)
            form.addRow(_("From:"), self.first)
            form.addRow(_("To:"), self.last)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00000")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("Read") if reading else _("Publish")
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> ServerForm | None:
        """The form, or None (with the reason shown) when something is missing."""
        url, user = self.url.text().strip(), self.user.text().strip()
        if not url.startswith(("http://", "https://")):
            self.error.setText(_("Enter the calendar's address, starting with https://."))
            return None
        if not user:
            self.error.setText(_("Enter your user name on the calendar server."))
            return None
        if not self.reading:
            return ServerForm(url, user, self.password.text())
        first, last = _day(self.first.date()), _day(self.last.date())
        if last < first:
            self.error.setText(_("The last day comes before the first."))
            return None
        person = str(self.person.currentData() or "")
        return ServerForm(url, user, self.password.text(), person, first, last)

    def _accept(self) -> None:
        if self.values() is not None:
            self.accept()


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _window(visit: Visit) -> tuple[date, date]:
    if visit.candidate_dates is not None:
        return visit.candidate_dates.first, visit.candidate_dates.last
    if visit.dates:
        return min(visit.dates), max(visit.dates)
    today = date.today()
    return today, today
