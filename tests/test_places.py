"""Places: city and country names resolved to a country and coordinates."""

from __future__ import annotations

import pytest

from eventwire.extraction.places import is_place, locate


def test_ankara_is_located_in_turkey_with_coordinates():
    place = locate("Ankara")
    assert (place.name, place.country) == ("Ankara", "TUR")
    assert place.lat == pytest.approx(39.92, abs=0.1)
    assert place.lon == pytest.approx(32.85, abs=0.1)


def test_a_country_name_is_located_without_coordinates():
    place = locate("Turkey")
    assert (place.country, place.lat, place.lon) == ("TUR", None, None)


def test_lebanon_is_the_country_not_a_small_american_town():
    assert locate("Lebanon").country == "LBN"


def test_a_country_hint_picks_among_cities_of_the_same_name():
    assert locate("Tripoli").country == "LBY"
    assert locate("Tripoli", country_hint="LBN").country == "LBN"


def test_an_old_spelling_finds_the_city():
    assert locate("Kiev").country == "UKR"


def test_an_unknown_name_is_no_place():
    assert locate("Nowhereville Xq") is None
    assert not is_place("Nowhereville Xq")
    assert is_place("Aleppo")
