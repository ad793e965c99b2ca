"""Non-state armed groups are coded with their base country and sector."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.groups import load_groups, lookup_group


def test_the_taliban_are_afghan_rebels():
    g = lookup_group("the Taliban")
    assert (g.country, g.sector) == ("AFG", ("REB",))


def test_a_transnational_group_is_coded_img():
    assert lookup_group("al-Qaeda").country == "IMG"


def test_a_name_given_to_two_groups_is_rejected(tmp_path):
    bad = tmp_path / "groups.yaml"
    bad.write_text("version: t\ngroups:\n"
                   "  - {key: a, name: A, country: MLI, sector: [REB], names: [Same Front]}\n"
                   "  - {key: b, name: B, country: NER, sector: [REB], names: [Same Front]}\n")
    with pytest.raises(DataFileError, match="Same Front"):
        load_groups(bad)


def test_an_unknown_country_is_rejected(tmp_path):
    bad = tmp_path / "groups.yaml"
    bad.write_text("version: t\ngroups:\n  - {key: a, name: A, country: XYZ, names: [A Front]}\n")
    with pytest.raises(DataFileError, match="XYZ"):
        load_groups(bad)


@pytest.mark.model
def test_sanctions_on_a_group_code_the_group_as_target(extractor):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text("Canada imposed sanctions on Hezbollah on Monday."))
    assert [(e.source.country, e.target.country, e.target.sector) for e in report.events] == [("CAN", "LBN", ["REB"])]


def test_al_qaeda_in_iraq_is_the_iraqi_branch():
    assert lookup_group("al-Qaeda in Iraq").country == "IRQ"


def test_al_shabab_and_boko_haram_keep_their_home_countries():
    assert (lookup_group("al-Shabaab").country, lookup_group("Boko Haram").country) == ("SOM", "NGA")


def test_the_islamic_state_is_transnational():
    assert lookup_group("ISIL").country == lookup_group("Islamic State").country == "IMG"
