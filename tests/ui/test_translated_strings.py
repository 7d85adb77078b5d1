"""No plain English literal reaches a Qt label, button, menu, tooltip or message box.

A heuristic over the syntax tree of every module under ui/: a string literal
(or an f-string with words in it) passed straight to one of the Qt calls that
show text is a string someone forgot to wrap in ``_()``. Strings that are not
language (codes, examples of input, the product's name) are allowed by name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "visitplanner" / "ui"

# Calls whose text arguments the user reads.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setStatusTip",
    "setWhatsThis",
    "setInformativeText",
    "setDetailedText",
    "setLabelText",
    "setTitle",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setFormat",
    "setTabText",
    "setIconText",
    "QLabel",
    "QMessageBox",
    "QPushButton",
    "QToolButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QDockWidget",
    "QMenu",
    "addMenu",
    "addAction",
    "addTab",
    "addRow",
    "addItem",
    "addButton",
    "addToolBar",
    "showMessage",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "QTreeWidgetItem",
    "QListWidgetItem",
    "QTableWidgetItem",
    "createUndoAction",
    "createRedoAction",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
}
MESSAGE_BOXES = {"critical", "warning", "information", "question", "about"}

# Modules other helpers are translating right now (the others of theirs already pass);
# the lead empties this after merging them.
PENDING: set[str] = set()

# Literals that are not language: examples of what to type, names, symbols.
ALLOWED = {
    "en, fr",
    "07:00",
    "09:00",
    "Visit Planner",
    "English",
    "Français",
    "—",
    "–",
    "<b></b><br>",  # markup around names and times
    "https://calendar.example.org/dav/visit/",  # an example address
}
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _is_language(text: str) -> bool:
    return text not in ALLOWED and bool(_WORDS.search(text))


def _literal_text(node: ast.expr) -> str | None:
    """The visible text of a literal argument, or None when it is not a literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    if isinstance(node, (ast.List, ast.Tuple)):
        texts = [_literal_text(element) for element in node.elts]
        return " ".join(t for t in texts if t) or None
    return None


def _call_name(node: ast.Call) -> tuple[str | None, str | None]:
    func = node.func
    if isinstance(func, ast.Name):
        return None, func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    return None, None


def untranslated(source: str, where: str) -> list[str]:
    """``where:line: text`` for every literal shown by a Qt text call in ``source``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        owner, name = _call_name(node)
        if owner == "QMessageBox" and name in MESSAGE_BOXES:
            args = node.args[1:]
        elif name in TEXT_CALLS:
            args = list(node.args)
        else:
            continue
        for arg in args:
            text = _literal_text(arg)
            if text is not None and _is_language(text):
                found.append(f"{where}:{node.lineno}: {text!r}")
    return found


def _modules() -> list[Path]:
    return [
        path for path in sorted(UI.rglob("*.py")) if path.relative_to(UI).as_posix() not in PENDING
    ]


def test_the_heuristic_catches_plain_and_formatted_literals() -> None:
    source = (
        "QPushButton('Save', self)\n"
        "label.setText(f'When is {name} free?')\n"
        "QMessageBox.warning(self, 'Not saved', message)\n"
        "table.setHorizontalHeaderLabels(['Days', 'Score'])\n"
        "QPushButton(_('Save'), self)\n"
        "edit.setPlaceholderText('07:00')\n"
        "label.setText(f'{a}/{b}')\n"
    )
    assert [line.split(": ", 1)[0] for line in untranslated(source, "x")] == [
        "x:1",
        "x:2",
        "x:3",
        "x:4",
    ]


def test_pending_modules_exist() -> None:
    missing = sorted(name for name in PENDING if not (UI / name).exists())
    assert not missing, f"PENDING names modules that are gone: {missing}"


def test_no_user_visible_literal_escapes_translation() -> None:
    found = [
        line
        for path in _modules()
        for line in untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    ]
    assert not found, "Wrap these in _():\n" + "\n".join(found)
