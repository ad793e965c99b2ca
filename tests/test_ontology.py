"""The ontology module: CAMEO codes, PLOVER types, the crosswalk, and validation of their files."""

from __future__ import annotations

from importlib import resources

import pytest

from eventwire.errors import OntologyError
from eventwire.ontology import (
    ONTOLOGY_VERSION,
    cameo_code,
    cameo_codes,
    load_cameo,
    load_crosswalk,
    load_plover,
    normalise_plover,
    plover_for_cameo,
    plover_type,
    plover_types,
    render_codes,
    search_codes,
)

PLOVER_16 = {"AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
             "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}


def packaged(name: str) -> str:
    return resources.files("eventwire").joinpath("data", "ontology", name).read_text("utf-8")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- CAMEO -------------------------------------------------------------------------------------


def test_the_cameo_table_has_all_twenty_roots_and_about_three_hundred_codes():
    codes = cameo_codes()
    assert {c for c in codes if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}
    assert 300 <= len(codes) <= 320


def test_every_cameo_root_has_a_quad_class():
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                **dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
    for number, quad in expected.items():
        assert cameo_code(f"{number:02d}").quad_class == quad


def test_every_cameo_code_shares_its_roots_quad_class_and_has_a_parent():
    codes = cameo_codes()
    for entry in codes.values():
        assert entry.quad_class == codes[entry.root].quad_class
        assert entry.parent is None or entry.parent in codes


def test_sign_formal_agreement_is_057_with_positive_goldstein():
    entry = cameo_code("057")
    assert entry.name == "Sign formal agreement"
    assert entry.goldstein == 8.0
    assert (entry.root, entry.parent, entry.quad_class) == ("05", "05", 1)


def test_goldstein_scores_match_published_values_at_both_ends_of_the_scale():
    assert cameo_code("0874").goldstein == 10.0  # retreat or surrender militarily
    assert cameo_code("074").goldstein == 8.5
    assert cameo_code("130").goldstein == -4.4
    assert cameo_code("2042").goldstein == -10.0


def test_codes_without_a_published_goldstein_take_their_parents():
    assert cameo_code("1213").goldstein == cameo_code("121").goldstein == -4.0


def test_an_unknown_cameo_code_is_refused_with_the_nearest_known_code():
    with pytest.raises(OntologyError, match="nearest is 057"):
        cameo_code("0579")


def test_a_cameo_code_that_is_not_digits_is_refused_with_the_expected_form():
    with pytest.raises(OntologyError, match="2 to 4 digits"):
        cameo_code("consult")


# -- PLOVER ------------------------------------------------------------------------------------


def test_there_are_exactly_the_sixteen_current_plover_types():
    assert set(plover_types()) == PLOVER_16


def test_every_plover_type_has_a_description_and_a_quad_class():
    for kind in plover_types().values():
        assert kind.description and kind.quad_class in (1, 2, 3, 4)


def test_consult_is_verbal_cooperation_with_phone_and_visit_modes():
    consult = plover_type("CONSULT")
    assert consult.quad_class == 1 and consult.quad_name == "verbal cooperation"
    assert {"phone", "visit", "third-party", "multilateral"} <= set(consult.modes)


def test_demand_is_an_alias_of_request():
    assert normalise_plover("DEMAND") == "REQUEST"
    assert plover_type("demand").name == "REQUEST"


def test_older_plover_names_are_aliases_of_current_types():
    assert normalise_plover("DISAPPROVE") == normalise_plover("INVESTIGATE") == "ACCUSE"
    assert normalise_plover("FIGHT") == "ASSAULT"


def test_an_unknown_plover_name_is_refused_with_the_list_of_types():
    with pytest.raises(OntologyError, match="the types are ACCUSE"):
        normalise_plover("CRIME")


# -- crosswalk ---------------------------------------------------------------------------------


def test_every_cameo_code_maps_to_a_current_plover_type():
    for code, entry in cameo_codes().items():
        mapping = plover_for_cameo(code)
        if entry.root in ("01", "02"):
            assert mapping is None, code
        else:
            assert mapping.event_type in PLOVER_16, code


def test_public_statements_and_appeals_have_no_plover_type():
    assert plover_for_cameo("010") is None
    assert plover_for_cameo("0234") is None


def test_every_crosswalk_mode_is_listed_for_its_plover_type():
    for code, mapping in load_crosswalk().items():
        assert mapping.mode is None or mapping.mode in plover_type(mapping.event_type).modes, code


def test_a_telephone_call_is_consult_by_phone():
    mapping = plover_for_cameo("041")
    assert (mapping.event_type, mapping.mode) == ("CONSULT", "phone")


def test_yield_splits_into_concede_and_retreat():
    assert plover_for_cameo("0811").event_type == "CONCEDE"
    assert plover_for_cameo("0872").event_type == "RETREAT"


def test_the_manuals_own_definitions_overrule_the_draft_crosswalk():
    assert plover_for_cameo("163").event_type == "SANCTION"  # "impose embargo, boycott, or sanctions"
    assert plover_for_cameo("0813").event_type == "CONCEDE"  # lifting a curfew is a concession
    assert plover_for_cameo("0871").event_type == "CONCEDE"  # declaring a ceasefire, not carrying it out
    assert (plover_for_cameo("0831").event_type, plover_for_cameo("0831").mode) == ("RETREAT", "resign")


def test_a_mapping_can_carry_several_contexts():
    assert plover_for_cameo("1121").contexts == ("crime", "corruption")


def test_the_ontology_version_names_both_ontologies_and_the_plover_file_version():
    assert ONTOLOGY_VERSION == "cameo-1.1b3+plover-2021.v2"
    assert load_plover().version in ONTOLOGY_VERSION


# -- validation of data files --------------------------------------------------------------------


def test_a_cameo_file_with_a_bad_goldstein_is_rejected_with_its_row(tmp_path):
    path = write(tmp_path, "cameo.csv", "code,name,goldstein,quad_class\n04,Consult,1.0,1\n"
                 "040,Consult,12.5,1\n")
    with pytest.raises(OntologyError, match=r"row 3: code 040: goldstein 12.5 is outside") as err:
        load_cameo(path)
    assert str(path) in str(err.value)


def test_a_cameo_code_whose_parent_is_missing_is_rejected(tmp_path):
    path = write(tmp_path, "cameo.csv", "code,name,goldstein,quad_class\n04,Consult,1.0,1\n"
                 "0571,Orphan,8.0,1\n")
    with pytest.raises(OntologyError, match="row 3: code 0571: its parent 057"):
        load_cameo(path)


def test_a_cameo_code_that_leaves_its_roots_quad_class_is_rejected(tmp_path):
    path = write(tmp_path, "cameo.csv", "code,name,goldstein,quad_class\n04,Consult,1.0,1\n"
                 "040,Consult,1.0,3\n")
    with pytest.raises(OntologyError, match="differs from its root"):
        load_cameo(path)


def test_a_cameo_file_with_the_wrong_header_is_rejected(tmp_path):
    path = write(tmp_path, "cameo.csv", "code,label,score,quad\n04,Consult,1.0,1\n")
    with pytest.raises(OntologyError, match="row 1: the header must be"):
        load_cameo(path)


def test_a_crosswalk_row_with_an_unknown_mode_is_rejected_with_its_row(tmp_path):
    text = packaged("cameo2plover.csv").replace("041,CONSULT,phone,", "041,CONSULT,telegraph,")
    path = write(tmp_path, "cameo2plover.csv", text)
    with pytest.raises(OntologyError, match=r"row \d+: CAMEO 041: mode 'telegraph' is not listed"):
        load_crosswalk(path)


def test_a_crosswalk_row_with_an_old_plover_name_is_rejected_with_the_current_name(tmp_path):
    text = packaged("cameo2plover.csv").replace("100,REQUEST,", "100,DEMAND,")
    path = write(tmp_path, "cameo2plover.csv", text)
    with pytest.raises(OntologyError, match="the current name is REQUEST"):
        load_crosswalk(path)


def test_a_crosswalk_that_leaves_a_cameo_root_unmapped_is_rejected(tmp_path):
    rows = [r for r in packaged("cameo2plover.csv").splitlines() if not r.startswith("04")]
    path = write(tmp_path, "cameo2plover.csv", "\n".join(rows) + "\n")
    with pytest.raises(OntologyError, match="CAMEO 04 .* has no PLOVER mapping"):
        load_crosswalk(path)


def test_a_plover_file_with_an_alias_to_a_missing_type_is_rejected(tmp_path):
    text = packaged("plover.yaml").replace("FIGHT: ASSAULT", "FIGHT: BATTLE")
    with pytest.raises(OntologyError, match="alias FIGHT -> BATTLE"):
        load_plover(write(tmp_path, "plover.yaml", text))


def test_a_plover_type_with_a_bad_quad_class_is_rejected(tmp_path):
    text = packaged("plover.yaml").replace("quad_class: 4", "quad_class: 5", 1)
    with pytest.raises(OntologyError, match="quad_class 5 is not one of"):
        load_plover(write(tmp_path, "plover.yaml", text))


def test_a_missing_data_file_is_reported_by_path(tmp_path):
    with pytest.raises(OntologyError, match="cannot read the file"):
        load_cameo(tmp_path / "nope.csv")


# -- browsing ----------------------------------------------------------------------------------


def test_searching_a_code_prefix_finds_that_code_and_its_children():
    codes = [r["code"] for r in search_codes("087")]
    assert codes == ["087", "0871", "0872", "0873", "0874"]


def test_searching_a_plover_type_finds_the_type_then_its_cameo_codes():
    results = search_codes("CONSULT")
    assert results[0]["ontology"] == "plover" and results[0]["code"] == "CONSULT"
    assert {"04", "041", "042", "046"} <= {r["code"] for r in results[1:]}
    assert all(r["plover"] == "CONSULT" for r in results)


def test_searching_words_finds_codes_by_name():
    results = search_codes("peacekeep")
    assert "074" in {r["code"] for r in results}
    assert all("peacekeep" in r["name"].lower() for r in results)


def test_search_results_carry_the_fields_the_browser_shows():
    keys = {"ontology", "code", "name", "goldstein", "quad_class", "plover", "mode"}
    assert all(set(r) == keys for r in search_codes("04"))


def test_search_results_render_as_a_rich_table_with_a_row_each():
    results = search_codes("04")
    assert render_codes(results).row_count == len(results)


@pytest.mark.parametrize("act, word", [("0841", "release"), ("085", "economic"), ("0863", "international"),
                                       ("0831", "leadership"), ("087", "de-escalat")])
def test_intent_appeal_demand_and_rejection_codes_name_the_same_act(act, word):
    from eventwire.extraction.codes import appeal_code, demand_code, intent_code, reject_code

    asked = appeal_code(act)
    for code in (intent_code(act), asked, demand_code(asked), reject_code(act)):
        assert word in cameo_code(code).name.lower(), (act, code, cameo_code(code).name)
