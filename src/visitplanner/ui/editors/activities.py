"""The activities editor: formal meetings and informal time, who, when and where."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from visitplanner.domain import Activity, Kind, MinAttendance, Side, Visit, Window
from visitplanner.i18n import N_, _, ngettext
from visitplanner.ui.editors.common import (
    CheckList,
    Confirm,
    ErrorLabel,
    Field,
    Form,
    id_error,
    minutes_spin,
    unique_id,
)
from visitplanner.ui.editors.listing import ListEditor
from visitplanner.ui.editors.people import side_label
from visitplanner.ui.editors.windows import NotesEdit, WindowsEditor

# Marked only: shown through _() in the current language.
KIND_LABELS: dict[Kind, str] = {
    Kind.FORMAL: N_("Formal meeting"),
    Kind.INFORMAL: N_("Informal time"),
}
KIND_IN_LIST: dict[Kind, str] = {
    Kind.FORMAL: N_("formal meeting"),
    Kind.INFORMAL: N_("informal time"),
}
VISITORS = "visitors"


def visitor_minimum(activity: Activity) -> int:
    """The activity's "at least N visitors" rule (0 when there is none)."""
    for m in activity.min_attendance:
        if m.label == VISITORS:
            return m.at_least
    return 0


def with_visitor_minimum(activity: Activity, visit: Visit, at_least: int) -> Activity:
    """``activity`` needing ``at_least`` of its invited visitors (0 drops the rule)."""
    among = invited_visitors(activity, visit)
    rule = MinAttendance(among, at_least, VISITORS)
    rules: list[MinAttendance] = []
    placed = False
    for m in activity.min_attendance:
        if m.label != VISITORS:
            rules.append(m)
        elif not placed and at_least > 0:
            rules.append(rule if (m.at_least, set(m.among)) != (at_least, set(among)) else m)
            placed = True
    if not placed and at_least > 0:
        rules.append(rule)
    return replace(activity, min_attendance=tuple(rules))


def invited_visitors(activity: Activity, visit: Visit) -> tuple[str, ...]:
    """Ids of the visitors invited to ``activity``, in the visit's order."""
    invited = set(activity.invited)
    return tuple(p.id for p in visit.people_on(Side.VISITOR) if p.id in invited)


class ActivitiesEditor(ListEditor):
    """Add, edit and remove the meetings and informal time of the visit."""

    def __init__(self, parent: QWidget | None = None, confirm: Confirm | None = None) -> None:
        super().__init__(
            (
                _("Add activity"),
                _("Add a new activity to the visit"),
                _("Remove the selected activity (asks first)"),
            ),
            parent,
            confirm,
        )
        form = Form(self)
        self.title_edit = QLineEdit(form)
        self.kind_combo = QComboBox(form)
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(_(label), kind)
        self.min_spin = minutes_spin(form, minimum=5)
        self.max_spin = minutes_spin(form, minimum=5)
        lengths = QWidget(form)
        grid = QGridLayout(lengths)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(_("at least"), lengths), 0, 0)
        grid.addWidget(self.min_spin, 0, 1)
        grid.addWidget(QLabel(_("at most"), lengths), 0, 2)
        grid.addWidget(self.max_spin, 0, 3)
        grid.setColumnStretch(4, 1)
        self.required_list = CheckList(form)
        self.optional_list = CheckList(form)
        people = QWidget(form)
        pgrid = QGridLayout(people)
        pgrid.setContentsMargins(0, 0, 0, 0)
        pgrid.addWidget(QLabel(_("Must attend"), people), 0, 0)
        pgrid.addWidget(QLabel(_("Join if free"), people), 0, 1)
        pgrid.addWidget(self.required_list, 1, 0)
        pgrid.addWidget(self.optional_list, 1, 1)
        for checklist in (self.required_list, self.optional_list):
            checklist.setMinimumHeight(230)
        self.required_list.setToolTip(_("Ticked people must all be there, or it cannot happen"))
        self.optional_list.setToolTip(_("Ticked people join when they are free; each is a gain"))
        self.min_visitors_spin = QSpinBox(form)
        self.min_visitors_spin.setRange(0, 999)
        self.min_visitors_spin.setSpecialValueText(_("No minimum"))
        self.min_visitors_spin.setSuffix(_(" visitors"))
        self.min_visitors_spin.setKeyboardTracking(False)
        self.min_visitors_spin.setMaximumWidth(160)
        self.windows_editor = WindowsEditor(form)
        self.venues_list = CheckList(form)
        self.venues_list.setMaximumHeight(100)
        self.interpreters_combo = QComboBox(form)
        self.interpreters_combo.addItem(_("One"), 1)
        self.interpreters_combo.addItem(_("Two, taking turns"), 2)
        self.interpreters_combo.setMaximumWidth(220)
        self.per_day_check = QCheckBox(_("Once on each day (like breakfast)"), form)
        self.mandatory_check = QCheckBox(_("Must happen"), form)
        self.notes_edit = NotesEdit(form)
        self.notes_edit.setMaximumHeight(80)
        self.id_edit = QLineEdit(form)

        self.title = form.add(_("Title"), self.title_edit, _("As it appears in the programme"))
        self.kind = form.add(
            _("Kind"),
            self.kind_combo,
            _("Formal meetings are the programme; informal time is for getting to know each other"),
        )
        self.lengths = form.add(
            _("Length"), lengths, _("How long it may last, in minutes"), marked=self.max_spin
        )
        self.people = form.add(_("People"), people, _("Who must attend and who may join"))
        self.min_visitors = form.add(
            _("Visitors needed"),
            self.min_visitors_spin,
            _("How many of the invited visitors must be there for it to be worth holding"),
        )
        self.windows = form.add(
            _("When"), self.windows_editor, _("When it may happen; it is placed inside one window")
        )
        self.venues = form.add(
            _("Venues"), self.venues_list, _("Where it may happen; tick none to allow any venue")
        )
        self.interpreters = form.add(
            _("Interpreters"),
            self.interpreters_combo,
            _(
                "How many interpreters it needs when its people share no language; two take "
                "turns, so together they can cover a longer meeting"
            ),
        )
        self.per_day = form.add(
            "", self.per_day_check, _("Tick to hold it once on every day its windows allow")
        )
        self.mandatory = form.add(
            "",
            self.mandatory_check,
            _("Untick if the planner may leave it out when it does not fit"),
        )
        self.notes = form.add(_("Notes"), self.notes_edit, _("Anything to remember; printed as is"))
        self.ident = form.add(_("Id"), self.id_edit, _("A short unique name used in files"))
        self.general_error = ErrorLabel(form)
        form.layout_.addRow(self.general_error)
        self.form = form
        self.form_area.setWidget(form)

        for edit in (self.title_edit, self.id_edit):
            edit.textChanged.connect(self.on_text)
            edit.editingFinished.connect(self.commit)
        for spin in (self.min_spin, self.max_spin, self.min_visitors_spin):
            spin.valueChanged.connect(lambda *_: self.commit())
        self.kind_combo.currentIndexChanged.connect(lambda *_: self.commit())
        self.interpreters_combo.currentIndexChanged.connect(lambda *_: self.commit())
        self.per_day_check.toggled.connect(lambda *_: self.commit())
        self.mandatory_check.toggled.connect(lambda *_: self.commit())
        self.required_list.changed.connect(lambda: self._on_people(self.required_list))
        self.optional_list.changed.connect(lambda: self._on_people(self.optional_list))
        self.venues_list.changed.connect(self.commit)
        self.windows_editor.edited.connect(self.commit)
        self.notes_edit.editingFinished.connect(self.commit)
        self.clear_form()

    # -- list ---------------------------------------------------------------

    def items(self, visit: Visit) -> list[tuple[str, str]]:
        """Each activity with its kind."""
        return [(a.id, f"{a.title} — {_(KIND_IN_LIST[a.kind])}") for a in visit.activities]

    def load_item(self, visit: Visit, key: str) -> None:
        """Fill the form with activity ``key``."""
        a = visit.activity(key)
        self.form.setEnabled(True)
        self.title_edit.setText(a.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(a.kind))
        self.min_spin.setValue(a.min_length)
        self.max_spin.setValue(a.max_length)
        who = [(p.id, f"{p.name} ({side_label(p.side).lower()})") for p in visit.participants]
        self.required_list.set_items(who, a.required)
        self.optional_list.set_items(who, a.optional)
        self.min_visitors_spin.setValue(visitor_minimum(a))
        self.windows_editor.set_windows(a.windows, visit.n_days)
        self.venues_list.set_items([(v.id, v.name) for v in visit.venues], a.venues)
        self.interpreters_combo.setCurrentIndex(self.interpreters_combo.findData(a.interpreters))
        self.per_day_check.setChecked(a.per_day)
        self.mandatory_check.setChecked(a.mandatory)
        self.notes_edit.setPlainText(a.notes)
        self.id_edit.setText(a.id)
        self.validate()

    def clear_form(self) -> None:
        """Blank, disabled form."""
        self.title_edit.clear()
        self.id_edit.clear()
        self.notes_edit.clear()
        self.required_list.set_items([], ())
        self.optional_list.set_items([], ())
        self.venues_list.set_items([], ())
        self.windows_editor.set_windows((), 1)
        self.clear_marks()
        self.general_error.say("")
        self.form.setEnabled(False)

    def add_item(self, visit: Visit) -> tuple[Visit, str, str]:
        """A new hour of informal time, any day 09:00-17:00."""
        aid = unique_id("new-activity", [a.id for a in visit.activities])
        title = _("New activity {n}").format(n=len(visit.activities) + 1)
        act = Activity(aid, title, Kind.INFORMAL, 60, 60, (Window(9 * 60, 17 * 60),))
        return replace(visit, activities=(*visit.activities, act)), aid, _("Add an activity")

    def remove_item(self, visit: Visit, key: str) -> tuple[Visit, str] | None:
        """Remove activity ``key``, after asking."""
        a = visit.activity(key)
        question = _(
            "Remove '{title}' from the visit?\n"
            "It will also leave the programme if it is placed. You can undo this."
        ).format(title=a.title)
        heading = _("Remove {name}").format(name=a.title)
        if not self.confirm(heading, question):
            return None
        acts = tuple(x for x in visit.activities if x.id != key)
        return replace(visit, activities=acts), heading

    # -- editing ------------------------------------------------------------

    def fields(self) -> tuple[Field, ...]:
        """The fields that can be marked wrong."""
        return (self.title, self.ident, self.lengths, self.min_visitors, self.people)

    def _on_people(self, changed: CheckList) -> None:
        other = self.optional_list if changed is self.required_list else self.required_list
        for pid in changed.checked():
            other.set_checked(pid, False)
        self.commit()

    def field_errors(self, visit: Visit, key: str) -> list[tuple[Field, str]]:
        """Title, id, lengths and the visitors needed, checked."""
        taken = [a.id for a in visit.activities if a.id != key]
        invited = set(self.required_list.checked()) | set(self.optional_list.checked())
        n_visitors = sum(1 for p in visit.people_on(Side.VISITOR) if p.id in invited)
        want = self.min_visitors_spin.value()
        return [
            (self.title, "" if self.title_edit.text().strip() else _("Give a title")),
            (self.ident, id_error(self.id_edit.text(), taken)),
            (
                self.lengths,
                _("The maximum length is shorter than the minimum")
                if self.max_spin.value() < self.min_spin.value()
                else "",
            ),
            (
                self.min_visitors,
                ngettext(
                    "Only {n} visitor is invited", "Only {n} visitors are invited", n_visitors
                ).format(n=n_visitors)
                if want > n_visitors
                else "",
            ),
        ]

    def validate(self) -> bool:
        """Mark every invalid field and time window in place; True when all are valid."""
        fields_ok = super().validate()
        return self.windows_editor.windows() is not None and fields_ok

    def edited(self, visit: Visit, key: str) -> tuple[Visit, str, str] | None:
        """The visit with activity ``key`` as the form says (None if unchanged or refused)."""
        old = visit.activity(key)
        windows = self.windows_editor.windows()
        assert windows is not None
        try:
            new = replace(
                old,
                id=self.id_edit.text(),
                title=self.title_edit.text().strip(),
                kind=Kind(self.kind_combo.currentData()),
                min_length=self.min_spin.value(),
                max_length=self.max_spin.value(),
                windows=windows,
                required=self.required_list.checked(),
                optional=self.optional_list.checked(),
                venues=self.venues_list.checked(),
                per_day=self.per_day_check.isChecked(),
                mandatory=self.mandatory_check.isChecked(),
                notes=self.notes_edit.toPlainText(),
                interpreters=int(self.interpreters_combo.currentData()),
            )
            new = with_visitor_minimum(new, visit, self.min_visitors_spin.value())
        except ValueError as exc:
            self.general_error.say(str(exc))
            return None
        self.general_error.say("")
        if new == old:
            return None
        acts = tuple(new if a.id == key else a for a in visit.activities)
        return replace(visit, activities=acts), _undo_text(old, new), new.id


def _undo_text(old: Activity, new: Activity) -> str:
    if old.title != new.title:
        text = N_("Rename {name}")
    elif (old.required, old.optional) != (new.required, new.optional):
        text = N_("Change who attends {name}")
    elif old.windows != new.windows:
        text = N_("Change when {name} may happen")
    elif (old.min_length, old.max_length) != (new.min_length, new.max_length):
        text = N_("Change the length of {name}")
    elif old.venues != new.venues:
        text = N_("Change the venues of {name}")
    else:
        text = N_("Edit {name}")
    return _(text).format(name=old.title)
