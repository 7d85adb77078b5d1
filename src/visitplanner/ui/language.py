"""The app's language: follow the system or the user's choice in View → Language.

At start :func:`apply_language` makes the chosen language current for our own
texts (gettext, see :mod:`visitplanner.i18n`), for Qt's locale (dates in date
editors, numbers) and for Qt's own texts (standard dialog buttons, from the
``qtbase_fr`` catalogue shipped with PySide6). A change in the menu is
remembered in the settings and applies at the next start, so the window never
shows two languages at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from visitplanner.i18n import LANGUAGES, _, language, set_language, system_language

SETTINGS_KEY = "ui/language"

#: Each language in its own name, as offered in the menu.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "Français"}

_QT_LOCALES = {"en": QLocale.Language.English, "fr": QLocale.Language.French}
_QT_COUNTRIES = {"en": QLocale.Country.UnitedKingdom, "fr": QLocale.Country.France}

# (parent, title, text): tells the user the choice applies at the next start.  Tests pass a stub.
Notify = Callable[[QWidget | None, str, str], None]


def chosen_language(settings: QSettings) -> str | None:
    """The language the user chose, or None to follow the system."""
    value = str(settings.value(SETTINGS_KEY, "") or "")
    return value if value in LANGUAGES else None


def choose_language(settings: QSettings, code: str | None) -> None:
    """Remember ``code`` (None: follow the system) for the next start."""
    if code is None:
        settings.remove(SETTINGS_KEY)
    else:
        settings.setValue(SETTINGS_KEY, code)
    settings.sync()


def apply_language(code: str | None, app: QCoreApplication | None = None) -> str:
    """Make ``code`` (or the system's language) current for our texts and Qt's; return it.

    Qt's own catalogue is installed on ``app`` (the running application when
    None) if PySide6 ships one for the language.
    """
    lang = set_language(code)
    QLocale.setDefault(QLocale(_QT_LOCALES[lang], _QT_COUNTRIES[lang]))
    app = app if app is not None else QCoreApplication.instance()
    if app is not None:
        install_qt_translations(app, lang)
    return lang


def install_qt_translations(app: QCoreApplication, lang: str) -> bool:
    """Load Qt's ``qtbase_<lang>`` catalogue (standard buttons); False when none is found."""
    for old in app.findChildren(QTranslator, "visitplanner-qtbase"):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    if lang == "en":
        return True
    translator = QTranslator(app)
    translator.setObjectName("visitplanner-qtbase")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        translator.deleteLater()
        return False
    return QCoreApplication.installTranslator(translator)


def _notify(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


class LanguageMenu(QMenu):
    """View → Language: the system's language, English, Français (one ticked)."""

    def __init__(self, parent: QWidget, settings: QSettings, notify: Notify | None = None) -> None:
        super().__init__(_("&Language"), parent)
        self.setObjectName("menu-language")
        self.settings = settings
        self._notify = notify or _notify
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_code: dict[str | None, QAction] = {}
        options: list[tuple[str | None, str]] = [(None, _("Same as the system"))]
        options += [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
        chosen = chosen_language(settings)
        for code, label in options:
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _on=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_code[code] = action

    def choose(self, code: str | None) -> None:
        """Remember ``code`` and say, in that language, when it takes effect."""
        before = chosen_language(self.settings)
        self.actions_by_code[code].setChecked(True)
        if code == before:
            return
        choose_language(self.settings, code)
        with language(code if code is not None else system_language()):
            title = _("Language")
            text = _("Visit Planner will use this language the next time it starts.")
        self._notify(self.parentWidget(), title, text)


def add_language_menu(parent: QWidget, menu: QMenu, settings: QSettings) -> LanguageMenu:
    """Add View → Language to ``menu`` (the hook the main window calls)."""
    languages = LanguageMenu(parent, settings)
    menu.addSeparator()
    menu.addMenu(languages)
    return languages
