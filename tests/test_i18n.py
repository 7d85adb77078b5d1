"""The translation mechanism: language choice, catalogues, locale formatting."""

from __future__ import annotations

from datetime import date

import pytest

from visitplanner import i18n


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr_FR.UTF-8", "fr"), ("fr", "fr"), ("en_GB", "en"), ("de_DE", "en"), (None, "en")],
)
def test_language_codes_are_normalised(value: str | None, expected: str) -> None:
    assert i18n.normalise_language(value) == expected


def test_system_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.system_language() == "fr"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert i18n.system_language() == "en"


def test_language_block_restores_the_previous_language() -> None:
    with i18n.language("en"):
        with i18n.language("fr"):
            assert i18n.current_language() == "fr"
            assert i18n.format_day(date(2027, 3, 23)) == "mardi 23 mars 2027"
        assert i18n.current_language() == "en"
        assert i18n.format_day(date(2027, 3, 23)) == "Tuesday 23 March 2027"


def test_durations_read_naturally() -> None:
    with i18n.language("fr"):
        assert i18n.format_duration(150) == "2 h 30 min"
        assert i18n.format_duration(45) == "45 min"
        assert i18n.format_duration(180) == "3 h"


def test_seconds_use_the_readers_decimal_sign() -> None:
    with i18n.language("en"):
        assert i18n.format_seconds(10.03, 2) == "10.03"
        assert i18n.format_seconds(0.5) == "0.5"
    with i18n.language("fr"):
        assert i18n.format_seconds(10.03, 2) == "10,03"
        assert i18n.format_seconds(1234.5, 0) == "1234"


def test_every_french_catalogue_compiles_with_french_plurals() -> None:
    catalogue = i18n.translations("fr")
    plural = catalogue.plural  # type: ignore[attr-defined]
    assert (plural(0), plural(1), plural(2)) == (0, 0, 1)
