"""Translation and locale formatting: one gettext mechanism for every layer.

Every user-visible string is written as ``_("English text")`` (or
``ngettext(singular, plural, n)``); strings defined before a language is known
(labels in tables built at import time) are marked with ``N_`` and passed
through ``_`` where they are shown.

French catalogues live in ``resources/locale/fr/*.po``, one file per area of
the product (``core.po``, ``ui.po``, …); all files of a language are merged.
They are compiled in memory with Babel when first used, so nothing generated
is committed.

The current language is a context variable: the app sets it once, and code that
writes one person's output in that person's language wraps it in
``with language(code):``.
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported where it is used: a drag check in English never loads it
    from babel import Locale

#: Languages the product speaks, in the order offered to users.
LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"

_current: ContextVar[str] = ContextVar("visitplanner_language", default=DEFAULT_LANGUAGE)


def normalise_language(code: str | None) -> str:
    """``"fr_FR.UTF-8"`` → ``"fr"``; anything unsupported → English."""
    if not code:
        return DEFAULT_LANGUAGE
    short = code.replace("-", "_").split("_")[0].split(".")[0].lower()
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def system_language() -> str:
    """The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if not value or value in ("C", "POSIX"):
            continue
        for part in value.split(":"):
            lang = normalise_language(part)
            if part and (lang != DEFAULT_LANGUAGE or part.lower().startswith("en")):
                return lang
    return DEFAULT_LANGUAGE


def set_language(code: str | None) -> str:
    """Make ``code`` (or the system's language when None) current; returns what was set."""
    lang = system_language() if code is None else normalise_language(code)
    _current.set(lang)
    return lang


def current_language() -> str:
    """The language in use: ``"en"`` or ``"fr"``."""
    return _current.get()


@contextmanager
def language(code: str | None) -> Iterator[str]:
    """Use ``code`` (unchanged when None) for the duration of the block."""
    lang = current_language() if code is None else normalise_language(code)
    token = _current.set(lang)
    try:
        yield lang
    finally:
        _current.reset(token)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The merged catalogue of ``lang`` (a no-op for English)."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged: gettext.NullTranslations = gettext.NullTranslations()
    folder = resources.files("visitplanner") / "resources" / "locale" / lang
    if not folder.is_dir():
        return merged
    first: gettext.GNUTranslations | None = None
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = gettext.GNUTranslations(buffer)
        if first is None:
            first = part
        else:
            first.add_fallback(part)
    return first if first is not None else merged


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return translations(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, disambiguated by ``context``."""
    return translations(current_language()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for translation without translating it now."""
    return message


def babel_locale() -> Locale:
    """The Babel locale of the current language (for dates and numbers)."""
    from babel import Locale

    return Locale.parse({"en": "en_GB", "fr": "fr_FR"}[current_language()])


def format_day(day: date, *, weekday: bool = True) -> str:
    """E.g. ``"Tuesday 23 March 2027"`` / ``"mardi 23 mars 2027"``."""
    from babel.dates import format_date

    pattern = "EEEE d MMMM y" if weekday else "d MMMM y"
    return format_date(day, pattern, locale=babel_locale())


def format_short_day(day: date) -> str:
    """E.g. ``"Tue 23 Mar"`` / ``"mar. 23 mars"``."""
    from babel.dates import format_date

    return format_date(day, "EEE d MMM", locale=babel_locale())


def format_clock(moment: time | datetime) -> str:
    """A 24-hour time, e.g. ``"09:30"`` (``"09:30"`` in French too)."""
    from babel.dates import format_time

    return format_time(moment, "HH:mm", locale=babel_locale())


def format_seconds(seconds: float, digits: int = 1) -> str:
    """Seconds with ``digits`` decimals in the reader's locale: ``"10.5"`` / ``"10,5"``."""
    from babel.numbers import format_decimal

    pattern = "0." + "0" * digits if digits else "0"
    return str(format_decimal(seconds, pattern, locale=babel_locale()))


def format_count(n: int) -> str:
    """A whole number with the reader's grouping: ``"200,000"`` / ``"200 000"``."""
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=babel_locale()))


def format_duration(minutes: int) -> str:
    """E.g. ``"2 h 30 min"``, ``"45 min"``, ``"3 h"`` (the same units in French)."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(int(minutes)), 60)
    if hours and rest:
        return _("{sign}{h} h {m} min").format(sign=sign, h=hours, m=rest)
    if hours:
        return _("{sign}{h} h").format(sign=sign, h=hours)
    return _("{sign}{m} min").format(sign=sign, m=rest)
