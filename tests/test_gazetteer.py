"""The actor gazetteer: countries, organisations and sector words, loaded from data files."""

from __future__ import annotations

import pytest

from eventwire import gazetteer
from eventwire.errors import DataFileError
from eventwire.gazetteer import (
    entity_ruler_patterns,
    load_countries,
    lookup_country,
    lookup_igo,
    role_title,
    sectors_for,
)


def test_turkiye_and_turkey_are_both_TUR():
    assert lookup_country("Türkiye").iso3 == "TUR"
    assert lookup_country("Turkey").iso3 == "TUR"
    assert lookup_country("Turkiye").iso3 == "TUR"
    assert lookup_country("the Republic of Türkiye").iso3 == "TUR"


def test_turkish_is_a_demonym_of_TUR():
    found = lookup_country("Turkish")
    assert (found.iso3, found.kind) == ("TUR", "demonym")
    assert lookup_country("Turks").iso3 == "TUR"


def test_ankara_is_a_capital_standing_for_TUR():
    found = lookup_country("Ankara")
    assert (found.iso3, found.kind) == ("TUR", "capital")


def test_a_possessive_still_names_the_country():
    assert lookup_country("Türkiye’s").iso3 == "TUR"


def test_us_in_capitals_is_the_united_states_but_the_pronoun_is_not():
    assert lookup_country("US").iso3 == "USA"
    assert lookup_country("U.S.").iso3 == "USA"
    assert lookup_country("us") is None


def test_kurdish_is_no_country_demonym():
    assert lookup_country("Kurdish") is None


@pytest.mark.parametrize(
    "text, iso3",
    [("Congo", "COD"), ("Congo-Brazzaville", "COG"), ("Republic of Congo", "COG"),
     ("Seoul", "KOR"), ("South Korea", "KOR"), ("North Korea", "PRK"), ("Pyongyang", "PRK"),
     ("Gaza", "PSE"), ("West Bank", "PSE"), ("Palestinian", "PSE"), ("Tehran", "IRN"),
     ("Kremlin", "RUS"), ("Russian Federation", "RUS"), ("Ivory Coast", "CIV"),
     ("Cote d'Ivoire", "CIV"), ("Burma", "MMR"), ("Britain", "GBR"), ("U.K.", "GBR"),
     ("Georgia", "GEO"), ("Taiwan", "TWN"), ("China", "CHN"), ("Kosovo", "XKX")],
)
def test_news_names_find_their_country(text, iso3):
    assert lookup_country(text).iso3 == iso3


def test_the_pentagon_stands_for_the_us_military_and_government():
    found = lookup_country("Pentagon")
    assert (found.iso3, found.kind, found.sectors) == ("USA", "institution", ("MIL", "GOV"))


def test_un_security_council_is_an_igo():
    found = lookup_igo("U.N. Security Council")
    assert (found.key, found.kind, found.cameo) == ("UNSC", "IGO", "IGOUNO")
    assert lookup_igo("UN Security Council").key == "UNSC"


def test_amnesty_international_is_an_ngo():
    assert lookup_igo("Amnesty International").kind == "NGO"


def test_un_in_lower_case_is_no_organisation():
    assert lookup_igo("UN").key == "UNO"
    assert lookup_igo("un") is None


def test_defense_ministry_is_military_and_government():
    assert sectors_for("Defense Ministry") == ["MIL", "GOV"]


@pytest.mark.parametrize(
    "words, sectors",
    [("Syrian Armed Forces", ["MIL"]), ("police chief", ["COP"]), ("rebels", ["REB"]),
     ("Health Ministry", ["GOV", "HLH"]), ("lawmakers", ["LEG"]), ("the weather", [])],
)
def test_noun_phrases_get_their_sectors(words, sectors):
    assert sectors_for(words) == sectors


def test_a_defense_minister_is_a_military_and_government_role():
    assert role_title("Defense Minister") == ("Defense Minister", ["MIL", "GOV"])
    assert role_title("Turkish Defense Minister") == ("Defense Minister", ["MIL", "GOV"])


def test_gen_with_a_period_is_a_rank_but_a_japanese_given_name_is_not():
    assert role_title("Gen.") == ("Gen.", ["MIL"])
    assert role_title("Nakatani Gen") is None


def _write(tmp_path, text):
    path = tmp_path / "countries.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_gazetteer_with_a_duplicate_iso3_is_rejected(tmp_path):
    path = _write(tmp_path, "countries:\n  - {iso3: TUR, name: Türkiye}\n"
                            "  - {iso3: TUR, name: Turkey}\n")
    with pytest.raises(DataFileError, match="TUR.*listed twice"):
        load_countries(path)


def test_a_gazetteer_with_a_lower_case_iso3_is_rejected(tmp_path):
    path = _write(tmp_path, "countries:\n  - {iso3: tur, name: Türkiye}\n")
    with pytest.raises(DataFileError, match="three capital letters"):
        load_countries(path)


def test_a_name_shared_by_two_countries_must_be_listed_as_ambiguous(tmp_path):
    path = _write(tmp_path, "countries:\n  - {iso3: COD, name: DR Congo, names: [Congo]}\n"
                            "  - {iso3: COG, name: Congo Republic, names: [Congo]}\n")
    with pytest.raises(DataFileError, match="ambiguous"):
        load_countries(path)


def test_an_institution_with_an_unknown_sector_is_rejected(tmp_path):
    path = _write(tmp_path, "countries:\n  - {iso3: USA, name: United States}\n"
                            "institutions:\n  - {name: Pentagon, country: USA, sectors: [XYZ]}\n")
    with pytest.raises(DataFileError, match="unknown sector"):
        load_countries(path)


def test_a_key_given_twice_is_rejected_rather_than_overwritten(tmp_path):
    path = _write(tmp_path, "countries:\n  - iso3: TUR\n    name: Türkiye\n    name: Turkey\n")
    with pytest.raises(DataFileError, match="twice"):
        load_countries(path)


def test_the_gazetteer_version_is_recorded():
    assert gazetteer.GAZETTEER_VERSION == "gazetteer.v3"


@pytest.fixture(scope="module")
def ruler_nlp():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(entity_ruler_patterns())
    return nlp


def _ents(nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_ruler_patterns_tag_turkiye_as_a_country_in_a_sentence(ruler_nlp):
    ents = _ents(ruler_nlp, "Türkiye’s National Defense University opened a new campus.")
    assert ("Türkiye", "GPE", "CTRY:TUR") in ents


def test_ruler_patterns_tag_demonyms_and_organisations(ruler_nlp):
    ents = _ents(ruler_nlp, "Turkish-backed forces met U.N. envoys and NATO officials.")
    assert ("Turkish", "NORP", "CTRY:TUR") in ents
    assert ("U.N.", "ORG", "IGO:UNO") in ents
    assert ("NATO", "ORG", "IGO:NATO") in ents


def test_ruler_patterns_leave_the_bird_and_the_pronoun_alone(ruler_nlp):
    assert _ents(ruler_nlp, "Give us the turkey.") == []


def test_ruler_patterns_do_not_read_new_jersey_as_jersey(ruler_nlp):
    assert [e[2] for e in _ents(ruler_nlp, "He flew to New Jersey.")] == ["BLOCK:New Jersey"]
