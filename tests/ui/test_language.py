"""View → Language, the language at start, and the whole window in French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from visitplanner import i18n
from visitplanner.io.project import save_project
from visitplanner.ui.app import build_window, run_app
from visitplanner.ui.files import new_project
from visitplanner.ui.language import (
    SETTINGS_KEY,
    LanguageMenu,
    apply_language,
    choose_language,
    chosen_language,
)
from visitplanner.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def restore_language(qapp: QCoreApplication) -> Iterator[None]:
    """Whatever a test switches to, English (and Qt's English) afterwards."""
    with i18n.language("en"):
        yield
    apply_language("en", qapp)


@pytest.fixture
def french(restore_language: None, qapp: QCoreApplication) -> Iterator[None]:
    """The app in French for the test."""
    apply_language("fr", qapp)
    yield


def _window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(None, _store(tmp_path), tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.reset(w.doc.project, w.doc.path))
    return window


def test_the_choice_is_remembered_and_system_means_no_choice(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert chosen_language(store) is None
    choose_language(store, "fr")
    assert chosen_language(_store(tmp_path)) == "fr"
    choose_language(store, None)
    assert not _store(tmp_path).contains(SETTINGS_KEY)
    store.setValue(SETTINGS_KEY, "klingon")
    assert chosen_language(store) is None


def test_choosing_in_the_menu_saves_and_says_so_in_the_new_language(
    qtbot, tmp_path: Path, restore_language: None
) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    told: list[tuple[str, str]] = []
    menu = LanguageMenu(
        parent, _store(tmp_path), lambda _p, title, text: told.append((title, text))
    )
    assert [a.text() for a in menu.actions()] == ["Same as the system", "English", "Français"]
    assert menu.actions_by_code[None].isChecked()
    menu.actions_by_code["fr"].trigger()
    assert chosen_language(_store(tmp_path)) == "fr"
    assert menu.actions_by_code["fr"].isChecked()
    assert told == [("Langue", "Visit Planner utilisera cette langue au prochain démarrage.")]
    assert i18n.current_language() == "en"  # no half-French window until the next start
    menu.actions_by_code["fr"].trigger()
    assert len(told) == 1  # choosing the same again says nothing
    menu.actions_by_code["en"].trigger()
    assert told[-1][1] == "Visit Planner will use this language the next time it starts."


def test_french_sets_qt_locale_and_qt_standard_buttons(french: None) -> None:
    assert i18n.current_language() == "fr"
    assert QLocale().language() == QLocale.Language.French
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_fr.qm").exists():
        pytest.skip("this PySide6 ships no French Qt catalogue")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_english_removes_qt_french(restore_language: None, qapp: QCoreApplication) -> None:
    apply_language("fr", qapp)
    apply_language("en", qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_the_app_starts_in_the_saved_language(
    qtbot, tmp_path: Path, restore_language: None
) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    choose_language(store, "fr")
    saved = tmp_path / "v.json"
    save_project(new_project(), saved)
    seen: list[tuple[str, str]] = []

    def shown(window: MainWindow) -> None:
        seen.append((i18n.current_language(), window.editors[0].add_button.text()))
        window.close()

    assert run_app(str(saved), settings=store, recovery_dir=tmp_path / "r", on_shown=shown) == 0
    assert seen == [("fr", "Ajouter une personne")]
    assert i18n.current_language() == "en"  # restored when the app returns


def test_the_main_window_speaks_french(qtbot, tmp_path: Path, french: None) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    view_menu = window.language_menu.parentWidget()
    assert window.language_menu.title() == "&Langue"
    assert view_menu is not None
    people, availability, activities, venues, settings = window.editors
    assert people.add_button.text() == "Ajouter une personne"
    assert people.remove_button.text() == "Supprimer"
    labels = {label.text() for label in people.findChildren(QLabel)}
    assert {"Nom", "Fuseau horaire", "Langues", "Rôle dans la visite"} <= labels
    sub_tabs = availability.tabs
    assert [sub_tabs.tabText(i) for i in range(sub_tabs.count())] == [
        "Par personne",
        "Qui est libre",
    ]
    assert activities.kind_combo.itemText(0) == "Réunion formelle"
    assert venues.add_button.text() == "Ajouter un lieu"
    assert {"Fuseau horaire", "Premier jour", "Interprétation formelle par jour, au plus"} <= {
        label.text() for label in settings.findChildren(QLabel)
    }


def test_the_main_window_menus_and_tabs_speak_french(qtbot, tmp_path: Path, french: None) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Fichier" in titles and "Affic&hage" in titles
    assert window.tabs.tabText(1) == "Personnes"
