"""The people gazetteer: well-known political people coded to their country and sector."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.people import PEOPLE_VERSION, load_people, lookup_person, ruler_patterns


def test_the_shipped_file_loads():
    people = load_people()
    assert people.version == PEOPLE_VERSION
    assert len(people.persons) >= 400


def test_obama_is_a_us_government_actor():
    for text in ("Obama", "Barack Obama", "Barack Hussein Obama"):
        person = lookup_person(text)
        assert person is not None, text
        assert (person.name, person.country, person.sector) == ("Barack Obama", "USA", ("GOV",))
        assert person.role == "President"


def test_putin_is_russian_government():
    person = lookup_person("Putin")
    assert (person.name, person.country, person.sector) == ("Vladimir Putin", "RUS", ("GOV",))
    assert lookup_person("Putin", year=2010).role == "Prime Minister"
    assert lookup_person("Putin", year=2015).role == "President"
    assert lookup_person("Putin's").name == "Vladimir Putin"


def test_a_title_before_the_name_is_ignored():
    for text in ("President Erdogan", "Turkish President Recep Tayyip Erdogan", "Mr. Erdogan",
                 "Prime Minister Erdogan"):
        person = lookup_person(text)
        assert person is not None, text
        assert (person.country, person.sector) == ("TUR", ("GOV",)), text
    assert lookup_person("U.S. President Barack Obama").name == "Barack Obama"
    assert lookup_person("UN Secretary-General Antonio Guterres").org == "United Nations"
    assert lookup_person("President") is None
    assert lookup_person("President Xi") is None  # "Xi" alone is too short to be an alias


def test_accents_do_not_matter():
    assert lookup_person("Erdoğan") == lookup_person("Erdogan")
    assert lookup_person("Recep Tayyip Erdogan").name == "Recep Tayyip Erdoğan"
    assert lookup_person("Lech Walesa").name == "Lech Wałęsa"
    assert lookup_person("Binali Yildirim").name == "Binali Yıldırım"


def test_case_matters_for_proper_names():
    assert lookup_person("trump") is None  # the verb
    assert lookup_person("mbs") is None
    assert lookup_person("MBS").name == "Mohammed bin Salman"
    assert lookup_person("Al-Assad").name == "Bashar al-Assad"  # particle at a sentence start


def test_the_year_picks_the_office_and_the_person():
    assert lookup_person("Bush", year=1990).name == "George H. W. Bush"
    assert lookup_person("Bush", year=2005).name == "George W. Bush"
    assert lookup_person("Suu Kyi", year=2010).sector == ("OPP",)
    assert lookup_person("Suu Kyi", year=2018).sector == ("GOV",)
    assert lookup_person("al-Julani", year=2020).sector == ("REB",)
    assert lookup_person("Ahmed al-Sharaa", year=2025).sector == ("GOV",)
    baghdadi = lookup_person("Abu Bakr al-Baghdadi")
    assert (baghdadi.country, baghdadi.sector) == ("IRQ", ("REB",))
    navalny = lookup_person("Navalny")
    assert (navalny.country, navalny.sector) == ("RUS", ("OPP",))


def _write(tmp_path, body: str):
    path = tmp_path / "people.yaml"
    path.write_text(f"version: {PEOPLE_VERSION}\npeople:\n{body}", encoding="utf-8")
    return path


def test_an_alias_shared_by_two_countries_is_rejected(tmp_path):
    path = _write(tmp_path, (
        "  - {name: Ivan Petrov, aliases: [Petrov], country: RUS, sector: [GOV],"
        " role: Minister, from: 2000, to: 2004}\n"
        "  - {name: Georgi Petrov, aliases: [Petrov], country: BGR, sector: [GOV],"
        " role: Minister, from: 2001, to: 2005}\n"))
    with pytest.raises(DataFileError) as err:
        load_people(path)
    assert "Petrov" in str(err.value) and str(path) in str(err.value)


def test_an_alias_shared_with_the_same_country_and_sector_is_allowed(tmp_path):
    path = _write(tmp_path, (
        "  - {name: Ivan Petrov, aliases: [Petrov], country: RUS, sector: [GOV],"
        " role: Minister, from: 2000, to: 2004}\n"
        "  - {name: Pyotr Petrov, aliases: [Petrov], country: RUS, sector: [GOV],"
        " role: Minister, from: 2010, to: 2012}\n"))
    assert len(load_people(path).persons) == 2


@pytest.mark.parametrize("entry, problem", [
    ("{name: A B, country: XXX, sector: [GOV], role: R, from: 2000, to: 2001}", "XXX"),
    ("{name: A B, country: USA, sector: [FOO], role: R, from: 2000, to: 2001}", "FOO"),
    ("{name: A B, country: USA, sector: [GOV], role: R, from: 2003, to: 2001}", "after"),
    ("{name: A B, aliases: [Kim], country: USA, sector: [GOV], role: R, from: 2000}", "common"),
    ("{name: A B, aliases: [Jordan], country: USA, sector: [GOV], role: R, from: 2000}", "place"),
    ("{name: A B, country: IGO, sector: [GOV], role: R, from: 2000}", "org"),
    ("{name: A B, country: USA, sector: [GOV], role: R, from: 2000, offices: []}", "either"),
    ("{name: A B, country: USA, sector: [GOV], role: R, from: 2000, born: 1950}", "born"),
])
def test_a_bad_entry_names_the_file_the_entry_and_the_problem(tmp_path, entry, problem):
    path = _write(tmp_path, f"  - {entry}\n")
    with pytest.raises(DataFileError) as err:
        load_people(path)
    message = str(err.value)
    assert str(path) in message and "people #1 (A B)" in message and problem in message


def test_ruler_patterns_tag_a_leader_in_a_sentence():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    patterns = ruler_patterns()
    assert all(p["label"] == "PERSON" and p["id"].startswith("PER:") for p in patterns)
    ruler.add_patterns(patterns)
    doc = nlp("Turkish President Recep Tayyip Erdoğan met Putin and Zelenskyy's aides; "
              "Kim Jong-un said nothing.")
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert ("Recep Tayyip Erdoğan", "PERSON", "PER:Recep Tayyip Erdoğan") in found
    assert ("Putin", "PERSON", "PER:Vladimir Putin") in found
    assert ("Zelenskyy", "PERSON", "PER:Volodymyr Zelensky") in found
    assert ("Kim Jong-un", "PERSON", "PER:Kim Jong Un") in found
    assert not list(nlp("They will trump the plan.").ents)
    assert lookup_person(doc.ents[0].text).country == "TUR"


def test_al_qaedas_leader_is_coded_like_his_transnational_group():
    person = lookup_person("Osama bin Laden", year=2001)
    assert (person.country, person.org) == ("IMG", "al-Qaeda")
