"""Provinces, states and regions: the region list, its checks, and actors and places it codes."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.extraction.places import locate
from eventwire.gazetteer import load_regions, lookup_region


# ---------------------------------------------------------------- the data file


def test_a_republic_is_found_by_its_news_name_and_its_people_word():
    assert lookup_region("Dagestan").country == "RUS"
    assert lookup_region("Dagestani").kind == "demonym"


def test_a_province_word_after_the_name_still_finds_the_province():
    assert lookup_region("the Helmand province").country == "AFG"
    assert lookup_region("Jonglei state").country == "SSD"


def test_a_name_two_countries_share_codes_neither():
    entry = lookup_region("Punjab")
    assert entry.country is None and set(entry.countries) == {"IND", "PAK"}


def test_a_country_name_is_never_a_region():
    assert lookup_region("Georgia") is None
    assert lookup_region("Scotland") is None  # a name of GBR in the country list


def test_disputed_territories_follow_the_iso_convention():
    assert lookup_region("Crimea").country == "UKR"
    assert lookup_region("Transnistria").country == "MDA"


def test_iso_codes_exist_and_belong_to_the_entry_country():
    pycountry = pytest.importorskip("pycountry")
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for _, entry in load_regions().surfaces:
        if entry.key[2:3] == "-" and entry.key[:2].isupper():
            sub = pycountry.subdivisions.get(code=entry.key)
            assert sub is not None, entry.key
            assert alpha3[sub.country_code] == entry.country, entry.key


def _regions(tmp_path, body):
    path = tmp_path / "regions.yaml"
    path.write_text("version: regions.v1\n" + body, encoding="utf-8")
    return path


def test_a_region_named_like_a_country_is_rejected(tmp_path):
    path = _regions(tmp_path, "regions:\n  - {country: USA, name: Jordan}\n")
    with pytest.raises(DataFileError, match="Jordan.*left_out"):
        load_regions(path)


def test_a_name_two_countries_use_must_be_listed_as_ambiguous(tmp_path):
    path = _regions(tmp_path, "regions:\n  - {country: BRA, name: Amapola}\n"
                              "  - {country: COL, name: Amapola}\n")
    with pytest.raises(DataFileError, match="regions #2 \\(Amapola\\).*ambiguous"):
        load_regions(path)


def test_a_listed_shared_name_loads_as_ambiguous(tmp_path):
    path = _regions(tmp_path, "regions:\n  - {country: BRA, name: Amapola}\n"
                              "  - {country: COL, name: Amapola}\n"
                              "ambiguous:\n  - {name: Amapola, countries: [BRA, COL], why: both}\n")
    assert load_regions(path).folded["amapola"].country is None


def test_a_left_out_name_may_not_be_used(tmp_path):
    path = _regions(tmp_path, "regions:\n  - {country: USA, name: Springfield}\n"
                              "left_out:\n  - {name: Springfield, country: USA, why: too many}\n")
    with pytest.raises(DataFileError, match="left_out"):
        load_regions(path)


def test_an_unknown_country_or_a_bad_iso_code_is_rejected(tmp_path):
    with pytest.raises(DataFileError, match="unknown country"):
        load_regions(_regions(tmp_path, "regions:\n  - {country: XYZ, name: Lowland}\n"))
    with pytest.raises(DataFileError, match="ISO 3166-2"):
        load_regions(_regions(tmp_path, "regions:\n  - {country: FRA, iso: fr_x, name: Lowland}\n"))


def test_an_unknown_field_is_rejected(tmp_path):
    path = _regions(tmp_path, "regions:\n  - {country: FRA, name: Lowland, capital: Lowtown}\n")
    with pytest.raises(DataFileError, match="unknown field"):
        load_regions(path)


# ---------------------------------------------------------------- places


def test_a_province_is_located_in_its_country():
    place = locate("Oromia")
    assert (place.country, place.lat) == ("ETH", None)


def test_a_province_named_like_its_city_is_located_at_the_city():
    place = locate("Kandahar")
    assert place.country == "AFG" and place.lat is not None


def test_a_shared_region_name_is_located_only_with_a_hint():
    assert locate("Punjab") is None
    assert locate("Punjab", country_hint="IND").country == "IND"


# ---------------------------------------------------------------- actors and events


def _events(extractor, text):
    from eventwire.ingest.text import story_from_text

    return extractor.extract(story_from_text(text, published="2024-05-02")).events


@pytest.mark.model
def test_rebels_named_by_their_region_are_of_its_country(extractor):
    e, = _events(extractor, "Tigrayan rebels ambushed an Eritrean army convoy.")
    assert (e.source.country, e.source.sector) == ("ETH", ["REB"])


@pytest.mark.model
def test_a_regional_government_is_its_country_s_government(extractor):
    e, = _events(extractor, "The Bavarian government condemned the Austrian chancellor.")
    assert (e.source.country, e.source.sector) == ("DEU", ["GOV"])


@pytest.mark.model
def test_a_country_in_the_phrase_wins_over_a_region(extractor):
    e, = _events(extractor, "Armenian fighters in Karabakh attacked Azerbaijani soldiers.")
    assert e.source.country == "ARM"


@pytest.mark.model
def test_a_region_word_does_not_override_a_known_group(extractor):
    e, = _events(extractor, "Dagestani Islamic State militants bombed a police station.")
    assert e.source.country == "IMG"


@pytest.mark.model
def test_a_shared_region_word_codes_no_country_unless_the_sentence_names_one(extractor):
    e, = _events(extractor, "Kashmiri militants attacked an army post.")
    assert e.source.country is None
    e, = _events(extractor, "Kashmiri militants attacked an Indian army post.")
    assert e.source.country == "IND"


@pytest.mark.model
def test_a_region_of_another_state_is_the_target_of_a_deployment_there(extractor):
    e, = _events(extractor, "China deployed troops in Ladakh.")
    assert (e.source.country, e.target.country) == ("CHN", "IND")


@pytest.mark.model
def test_an_unclaimed_shooting_in_a_province_is_coded_to_its_country(extractor):
    e, = _events(extractor, "Two policemen were shot dead in Balochistan.")
    assert (e.source.country, e.target.country) == ("PAK", "PAK")
    assert e.location.country == "PAK"


@pytest.mark.model
def test_a_region_name_inside_a_person_s_name_is_the_person_s_name(extractor):
    assert _events(extractor, "Alberta Moreno criticised the Peruvian government.") == []


def test_an_acronym_in_capitals_is_not_a_region_of_the_same_letters():
    spacy = pytest.importorskip("spacy")
    from eventwire.nlp import ruler_patterns
    from eventwire.phrase_ruler import FACTORY

    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY).add_patterns(ruler_patterns())
    ids = [e.ent_id_ for e in nlp("The EDO team met Edo officials.").ents]
    assert ids == ["REG:NG-ED"]
