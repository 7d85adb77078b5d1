"""Every file of the shared real-world corpus imports or is refused clearly; golden files."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.io.test_ics_import_support import at
from visitplanner.domain import Level
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import BusyInterval, import_calendars

CORPUS = SHARED / "ics-corpus"
FILES = sorted(CORPUS.rglob("*.ics")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="shared ics-corpus folder is missing")
U, M = Level.UNAVAILABLE, Level.IF_NEED_BE
WIDE = (date(1996, 1, 1), date(2026, 12, 31))

# Files that must be refused: broken, not calendars, or events with no start time.
REFUSED = {
    *"""
calendars/america_new_york_forward_reference.ics calendars/big_bad_calendar.ics
calendars/broken_dtstart.ics calendars/broken_ical.ics
calendars/created_calendar_with_unicode_fields.ics
calendars/fuzz_testcase_0_char_in_component_name.ics calendars/fuzz_testcase_invalid_month.ics
calendars/fuzz_testcase_vtimezone_lone_cr.ics calendars/invalid_duration.ics
calendars/issue_104_broken_calendar.ics calendars/issue_1050_multiple_calendars.ics
calendars/issue_1050_uid_in_description.ics calendars/issue_1081_invalid_rrule_freq.ics
calendars/issue_1081_invalid_start_and_end.ics calendars/issue_1081_invalid_start_valid_end.ics
calendars/issue_1081_with_summary.ics calendars/issue_1549_binary_attachment.ics
calendars/issue_1561_image_value.ics calendars/issue_165_missing_event.ics
calendars/issue_178_component_with_invalid_name_represented.ics
calendars/issue_178_custom_component_contains_other.ics calendars/issue_322_expected_calendar.ics
calendars/issue_722_missing_VTIMEZONE_custom.ics calendars/issue_722_missing_timezones.ics
calendars/issue_798_related_to.ics calendars/issue_82_expected_output.ics
calendars/multiple_timezones.ics calendars/pacific_fiji.ics calendars/parsing_error.ics
calendars/parsing_error_in_UTC_offset.ics calendars/pr_480_summary_with_colon.ics
calendars/rfc_5545_RDATE_example.ics calendars/rfc_6868.ics
calendars/rfc_7256_multi_value_parameters.ics calendars/rfc_7529.ics
calendars/rfc_7986_conferences.ics calendars/rfc_7986_image.ics calendars/rfc_9253_gap.ics
calendars/rfc_9253_related_to.ics calendars/small_bad_calendar.ics
events/event_with_escaped_character1.ics events/event_with_escaped_character2.ics
events/event_with_escaped_character3.ics events/event_with_escaped_character4.ics
events/event_with_escaped_characters.ics events/event_with_rsvp.ics
events/event_with_unicode_organizer.ics events/issue_100_transformed_doctests_into_unittests.ics
events/issue_355_url_escaping_empty_param.ics events/issue_464_invalid_rdate.ics
events/issue_64_event_with_ascii_summary.ics events/issue_64_event_with_non_ascii_summary.ics
events/issue_82_expected_output.ics events/rfc_7265_request_status.ics
events/rfc_9074_example_proximity.ics
""".split(),  # noqa: SIM905
    # These name the zone 'Western/Central Europe' without describing it; they used to
    # import only because another file's VTIMEZONE leaked through icalendar's shared table.
    "calendars/issue_526_calendar_with_different_events.ics",
    "calendars/issue_526_calendar_with_event_subset.ics",
    "calendars/issue_526_calendar_with_events.ics",
    "calendars/issue_526_calendar_with_shuffeled_events.ics",
}


def _rel(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("path", FILES, ids=[_rel(p) for p in FILES])
def test_corpus_file_imports_or_is_refused_with_its_name(path: Path) -> None:
    lo, hi = at("Europe/London", 1996, 1, 1), at("Europe/London", 2027, 1, 1)
    try:
        got = import_calendars([path], "Europe/London", *WIDE)
    except InputFileError as exc:
        assert _rel(path) in REFUSED, f"unexpectedly refused: {exc.message}"
        assert exc.message.startswith(f"Could not open {path.name}")
        assert exc.problem and "Traceback" not in exc.message
        return
    assert _rel(path) not in REFUSED, "expected a refusal"
    for iv in got:
        assert iv.start.tzinfo is not None and lo <= iv.start < iv.end <= hi
    for level in (U, M):
        same = [iv for iv in got if iv.level is level]
        assert all(a.end < b.start for a, b in pairwise(same))


def _golden(rel: str, zone: str, first: date, last: date) -> list[tuple[object, ...]]:
    got = import_calendars([CORPUS / rel], zone, first, last)
    return [(iv.start, iv.end, iv.level) for iv in got]


def test_golden_weekly_rule_with_exdates_on_separate_lines() -> None:
    vie = "Europe/Vienna"
    got = _golden(
        "events/event_with_recurrence_exdates_on_different_lines.ics",
        vie,
        date(2012, 3, 26),
        date(2012, 7, 8),
    )
    days = [(3, 27), (4, 24), (5, 8), (5, 15), (5, 22), (6, 5), (6, 12), (6, 19), (6, 26), (7, 3)]
    assert got == [(at(vie, 2012, m, d, 10), at(vie, 2012, m, d, 18), U) for m, d in days]


def test_golden_daily_count_with_utc_exdates() -> None:
    got = _golden("events/event_with_recurrence.ics", "UTC", date(1996, 4, 1), date(1996, 4, 7))
    assert got == [(at("UTC", 1996, 4, d, 1), at("UTC", 1996, 4, d, 2), U) for d in (1, 5, 6, 7)]


def test_golden_x_wr_timezone_calendar() -> None:
    ber = "Europe/Berlin"
    got = _golden("calendars/issue_350.ics", ber, date(2022, 2, 22), date(2022, 2, 22))
    assert got == [(at(ber, 2022, 2, 22, 19, 30), at(ber, 2022, 2, 22, 20, 30), U)]


def test_golden_freebusy_start_end() -> None:
    got = _golden("freebusy/example.ics", "UTC", date(1998, 3, 13), date(1998, 4, 10))
    assert got == [
        (at("UTC", 1998, 3, 14, 23, 30), at("UTC", 1998, 3, 15, 0, 30), U),
        (at("UTC", 1998, 3, 16, 15, 30), at("UTC", 1998, 3, 16, 16, 30), U),
        (at("UTC", 1998, 3, 18, 3), at("UTC", 1998, 3, 18, 4), U),
    ]


def test_golden_freebusy_start_duration_and_free_periods() -> None:
    got = _golden("calendars/issue_798_freebusy.ics", "UTC", date(1997, 3, 8), date(1997, 3, 9))
    assert got == [(at("UTC", 1997, 3, 8, 16), at("UTC", 1997, 3, 9, 0, 30), U)]


def test_golden_rfc_7953_weekday_availability() -> None:
    mtl = "America/Montreal"
    got = _golden("availabilities/rfc_7953_1.ics", mtl, date(2011, 10, 3), date(2011, 10, 4))
    assert got == [
        (at(mtl, 2011, 10, 3), at(mtl, 2011, 10, 3, 9), U),
        (at(mtl, 2011, 10, 3, 17), at(mtl, 2011, 10, 4, 9), U),
        (at(mtl, 2011, 10, 4, 17), at(mtl, 2011, 10, 5), U),
    ]


def test_golden_rfc_7953_travel_between_zones() -> None:
    mtl = "America/Montreal"
    got = _golden("calendars/rfc_7953_3.ics", mtl, date(2011, 10, 21), date(2011, 10, 24))
    # Montreal 9-17 until Sunday 03:00, then Denver 9-17 (= 11-19 in Montreal).
    # Denver's DTSTART (Sunday 23rd) counts as an occurrence although BYDAY says MO-FR:
    # RFC 5545 always includes DTSTART.
    assert got == [
        (at(mtl, 2011, 10, 21), at(mtl, 2011, 10, 21, 9), U),
        (at(mtl, 2011, 10, 21, 17), at(mtl, 2011, 10, 23, 11), U),
        (at(mtl, 2011, 10, 23, 19), at(mtl, 2011, 10, 24, 11), U),
        (at(mtl, 2011, 10, 24, 19), at(mtl, 2011, 10, 25), U),
    ]


def test_golden_refusals_say_what_is_wrong() -> None:
    cases = {
        "calendars/broken_dtstart.ics": "the start time of the event",
        "calendars/issue_178_component_with_invalid_name_represented.ics": "not a calendar file",
        "calendars/rfc_7529.ics": "Chinese calendar",
        "calendars/invalid_duration.ics": "duration of the event",
    }
    for rel, words in cases.items():
        with pytest.raises(InputFileError, match=words):
            import_calendars([CORPUS / rel], "UTC", *WIDE)


def test_corpus_files_together_are_all_or_nothing() -> None:
    good = CORPUS / "freebusy/example.ics"
    bad = CORPUS / "calendars/broken_ical.ics"
    with pytest.raises(InputFileError, match=r"broken_ical\.ics"):
        import_calendars([good, bad], "UTC", *WIDE)
    assert all(isinstance(iv, BusyInterval) for iv in import_calendars([good], "UTC", *WIDE))
