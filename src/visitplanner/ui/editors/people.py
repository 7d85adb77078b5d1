"""The people editor: who takes part, their side, languages and home time zone."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from visitplanner.domain import Availability, Level, Participant, Side, Visit
from visitplanner.i18n import N_, _
from visitplanner.ui.editors.common import (
    Confirm,
    Field,
    Form,
    id_error,
    unique_id,
    zone_combo,
    zone_error,
)
from visitplanner.ui.editors.listing import ListEditor

# Marked only: shown through side_label() in the current language.
SIDE_LABELS: dict[Side, str] = {
    Side.VISITOR: N_("Visitor"),
    Side.HOST: N_("Host"),
    Side.INTERPRETER: N_("Interpreter"),
    Side.OBSERVER: N_("Observer"),
}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def side_label(side: Side) -> str:
    """``side`` as shown to the user, e.g. "Interpreter" / "Interprète"."""
    return _(SIDE_LABELS[side])


def language_error(text: str) -> str:
    """The reason ``text`` is not a list of language codes ('' when it is)."""
    codes = split_languages(text)
    if not codes:
        return _("Give at least one language")
    bad = [c for c in codes if not _LANGUAGE.match(c)]
    if bad:
        return _("'{code}' is not a language code; use short codes such as en, fr").format(
            code=bad[0]
        )
    return ""


def split_languages(text: str) -> tuple[str, ...]:
    """``"en, FR"`` -> ``("en", "fr")`` (no repeats)."""
    out: list[str] = []
    for part in re.split(r"[,;\s]+", text.strip().lower()):
        if part and part not in out:
            out.append(part)
    return tuple(out)


def without_person(visit: Visit, pid: str) -> Visit:
    """``visit`` with ``pid`` removed from people, activities and availability."""
    acts = []
    for a in visit.activities:
        mins = []
        for m in a.min_attendance:
            among = tuple(p for p in m.among if p != pid)
            if among:
                mins.append(replace(m, among=among, at_least=min(m.at_least, len(among))))
        acts.append(
            replace(
                a,
                required=tuple(p for p in a.required if p != pid),
                optional=tuple(p for p in a.optional if p != pid),
                min_attendance=tuple(mins),
            )
        )
    return replace(
        visit,
        participants=tuple(p for p in visit.participants if p.id != pid),
        activities=tuple(acts),
        availability={k: v for k, v in visit.availability.items() if k != pid},
    )


def renamed_person(visit: Visit, old: str, new: str) -> Visit:
    """``visit`` with every reference to id ``old`` changed to ``new``."""

    def swap(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if p == old else p for p in ids)

    acts = tuple(
        replace(
            a,
            required=swap(a.required),
            optional=swap(a.optional),
            min_attendance=tuple(replace(m, among=swap(m.among)) for m in a.min_attendance),
        )
        for a in visit.activities
    )
    avail = {(new if k == old else k): v for k, v in visit.availability.items()}
    return replace(visit, activities=acts, availability=avail)


class PeopleEditor(ListEditor):
    """Add, edit and remove the participants of the visit."""

    def __init__(self, parent: QWidget | None = None, confirm: Confirm | None = None) -> None:
        super().__init__(
            (
                _("Add person"),
                _("Add a new person to the visit"),
                _("Remove the selected person (asks first)"),
            ),
            parent,
            confirm,
        )
        form = Form(self)
        self.id_edit = QLineEdit(form)
        self.name_edit = QLineEdit(form)
        self.organisation_edit = QLineEdit(form)
        self.role_edit = QLineEdit(form)
        self.side_combo = QComboBox(form)
        for side in SIDE_LABELS:
            self.side_combo.addItem(side_label(side), side)
        self.languages_edit = QLineEdit(form)
        self.languages_edit.setPlaceholderText("en, fr")
        self.zone_combo = zone_combo(form)
        self.email_edit = QLineEdit(form)
        self.group_check = QCheckBox(_("A group with one calendar"), form)

        self.name = form.add(
            _("Name"), self.name_edit, _("How the person is named in the programme")
        )
        self.organisation = form.add(
            _("Organisation"), self.organisation_edit, _("Council, body or firm")
        )
        self.role = form.add(_("Role"), self.role_edit, _("Their job, e.g. PB officer"))
        self.side = form.add(
            _("Side"), self.side_combo, _("Visitor, host, interpreter or observer of the visit")
        )
        self.languages = form.add(
            _("Languages"),
            self.languages_edit,
            _("Languages they can hold a meeting in, as short codes separated by commas (en, fr)"),
        )
        self.zone = form.add(
            _("Home time zone"),
            self.zone_combo,
            _("The time zone their calendar is kept in, e.g. Europe/London"),
        )
        self.email = form.add(_("Email"), self.email_edit, _("Where invitations are sent"))
        self.group = form.add(
            "",
            self.group_check,
            _("Tick for a body such as a steering group that shares one calendar"),
        )
        self.ident = form.add(_("Id"), self.id_edit, _("A short unique name used in files"))
        self.form = form
        self.form_area.setWidget(form)

        for edit in (
            self.id_edit,
            self.name_edit,
            self.organisation_edit,
            self.role_edit,
            self.languages_edit,
            self.email_edit,
        ):
            edit.textChanged.connect(self.on_text)
            edit.editingFinished.connect(self.commit)
        zone_line = self.zone_combo.lineEdit()
        assert zone_line is not None
        zone_line.textChanged.connect(self.on_text)
        zone_line.editingFinished.connect(self.commit)
        self.zone_combo.activated.connect(lambda *_: self.commit())
        self.side_combo.currentIndexChanged.connect(lambda *_: self.commit())
        self.group_check.toggled.connect(lambda *_: self.commit())
        self.clear_form()

    # -- list ---------------------------------------------------------------

    def items(self, visit: Visit) -> list[tuple[str, str]]:
        """Each participant as "Name — Side"."""
        return [(p.id, f"{p.name} — {side_label(p.side)}") for p in visit.participants]

    def load_item(self, visit: Visit, key: str) -> None:
        """Fill the form with participant ``key``."""
        p = visit.participant(key)
        self.form.setEnabled(True)
        self.id_edit.setText(p.id)
        self.name_edit.setText(p.name)
        self.organisation_edit.setText(p.organisation)
        self.role_edit.setText(p.role)
        self.side_combo.setCurrentIndex(self.side_combo.findData(p.side))
        self.languages_edit.setText(", ".join(p.languages))
        self.zone_combo.setEditText(p.home_zone)
        self.email_edit.setText(p.email)
        self.group_check.setChecked(p.is_group)
        self.validate()

    def clear_form(self) -> None:
        """Blank, disabled form."""
        for edit in (
            self.id_edit,
            self.name_edit,
            self.organisation_edit,
            self.role_edit,
            self.languages_edit,
            self.email_edit,
        ):
            edit.clear()
        self.zone_combo.setEditText("")
        self.group_check.setChecked(False)
        self.clear_marks()
        self.form.setEnabled(False)

    def add_item(self, visit: Visit) -> tuple[Visit, str, str]:
        """A new visitor, free until their calendar says otherwise."""
        taken = [p.id for p in visit.participants]
        pid = unique_id("new-person", taken)
        n = len(taken) + 1
        name = _("New participant {n}").format(n=n)
        person = Participant(pid, name, Side.VISITOR, ("en",), visit.zone)
        availability = dict(visit.availability)
        availability[pid] = Availability(default=Level.AVAILABLE)
        new = replace(visit, participants=(*visit.participants, person), availability=availability)
        return new, pid, _("Add a participant")

    def remove_item(self, visit: Visit, key: str) -> tuple[Visit, str] | None:
        """Remove ``key`` from the visit, its activities and availability, after asking."""
        p = visit.participant(key)
        where = [a.title for a in visit.activities if key in a.invited]
        lines = [_("Remove {name} from the visit?").format(name=p.name)]
        if where:
            lines.append(
                _("They will also be taken out of: {activities}.").format(
                    activities="; ".join(where)
                )
            )
        if key in visit.availability:
            lines.append(_("Their availability will be deleted."))
        lines.append(_("You can undo this."))
        title = _("Remove {name}").format(name=p.name)
        if not self.confirm(title, "\n".join(lines)):
            return None
        return without_person(visit, key), title

    # -- editing ------------------------------------------------------------

    def fields(self) -> tuple[Field, ...]:
        """The fields that can be marked wrong."""
        return (self.ident, self.name, self.languages, self.zone, self.email)

    def field_errors(self, visit: Visit, key: str) -> list[tuple[Field, str]]:
        """Id, name, languages, time zone and email, checked."""
        taken = [p.id for p in visit.participants if p.id != key]
        email = self.email_edit.text().strip()
        return [
            (self.ident, id_error(self.id_edit.text(), taken)),
            (self.name, "" if self.name_edit.text().strip() else _("Give a name")),
            (self.languages, language_error(self.languages_edit.text())),
            (self.zone, zone_error(self.zone_combo.currentText())),
            (
                self.email,
                ""
                if not email or _EMAIL.match(email)
                else _("This does not look like an email address"),
            ),
        ]

    def edited(self, visit: Visit, key: str) -> tuple[Visit, str, str] | None:
        """The visit with participant ``key`` as the form says."""
        old = visit.participant(key)
        new = replace(
            old,
            id=self.id_edit.text(),
            name=self.name_edit.text().strip(),
            organisation=self.organisation_edit.text().strip(),
            role=self.role_edit.text().strip(),
            side=Side(self.side_combo.currentData()),
            languages=split_languages(self.languages_edit.text()),
            home_zone=self.zone_combo.currentText().strip(),
            email=self.email_edit.text().strip(),
            is_group=self.group_check.isChecked(),
        )
        if new == old:
            return None
        people = tuple(new if p.id == key else p for p in visit.participants)
        edited = replace(visit, participants=people)
        if new.id != old.id:
            edited = renamed_person(edited, old.id, new.id)
        return edited, _undo_text(old, new), new.id


def _undo_text(old: Participant, new: Participant) -> str:
    if old.name != new.name:
        return _("Rename {name}").format(name=old.name)
    changes = {
        "id": N_("Change {name}'s id"),
        "organisation": N_("Change {name}'s organisation"),
        "role": N_("Change {name}'s role"),
        "side": N_("Change {name}'s side"),
        "languages": N_("Change {name}'s languages"),
        "home_zone": N_("Change {name}'s home time zone"),
        "email": N_("Change {name}'s email"),
        "is_group": N_("Change {name}'s group setting"),
    }
    changed = [text for attr, text in changes.items() if getattr(old, attr) != getattr(new, attr)]
    if len(changed) == 1:
        return _(changed[0]).format(name=old.name)
    return _("Edit {name}").format(name=old.name)
