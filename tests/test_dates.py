"""Dates resolve against the publication date, with the wire-copy weekday rule."""

from eventwire.extraction.dates import resolve

THURSDAY = "2025-08-28"


def test_the_publication_weekday_means_the_publication_day():
    assert resolve("Thursday", THURSDAY) == "2025-08-28"


def test_an_earlier_weekday_means_the_most_recent_one():
    assert resolve("Tuesday", THURSDAY) == "2025-08-26"


def test_a_month_and_day_without_a_year_takes_the_publication_year():
    assert resolve("Aug. 13", THURSDAY) == "2025-08-13"


def test_a_leading_preposition_is_ignored():
    assert resolve("on Aug. 13", THURSDAY) == "2025-08-13"


def test_next_weekday_is_in_the_future():
    assert resolve("next Monday", THURSDAY) == "2025-09-01"


def test_yesterday_is_the_day_before_publication():
    assert resolve("yesterday", THURSDAY) == "2025-08-27"


def test_a_vague_phrase_is_not_given_a_date():
    assert resolve("in the future", THURSDAY) is None


def test_without_a_publication_date_a_weekday_cannot_be_resolved():
    assert resolve("Tuesday", None) is None
