"""What someone says, concludes or finds another 'must' or 'should' do is a call on them, not
their act: it is the speaker's appeal when the speaker codes, nothing when it does not, and the
speaker's own pledge when it speaks of itself."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country if e.source else None, e.target.country if e.target else None, e.cameo, e.status)
            for e in report.events]


def test_a_conclusion_that_a_country_must_give_money_is_no_gift(extractor):
    events = _events(extractor, "The conference concluded that richer states must give more money to island nations.")
    assert not any(c.startswith("07") for _, _, c, _ in events), events


def test_a_finding_that_a_country_should_send_aid_is_no_aid_sent(extractor):
    events = _events(extractor, "An expert panel found that Canada should send aid to the drought victims.")
    assert not any(c.startswith("07") for _, _, c, _ in events), events


def test_a_minister_concluding_that_another_country_must_give_aid_appeals_to_it(extractor):
    events = _events(extractor, "Sweden's foreign minister concluded that Chile must provide aid to Bolivia.")
    assert any(s == "SWE" and t == "CHL" and c.startswith("02") for s, t, c, _ in events), events


def test_a_committee_stressing_what_a_country_should_give_codes_no_gift(extractor):
    events = _events(extractor, "The committee stressed that Portugal should give more money to Angola.")
    assert not any(c.startswith("07") for _, _, c, _ in events), events


def test_a_country_saying_it_must_give_money_pledges_it(extractor):
    events = _events(extractor, "Austria said it must give more money to Moldova.")
    assert not any(c.startswith("07") for _, _, c, _ in events), events
    assert any(s == "AUT" and c.startswith("03") and st == "planned" for s, _, c, st in events), events


def test_an_unattributed_must_is_nobody_s_act(extractor):
    events = _events(extractor, "Qatar must send food aid to the refugees.")
    assert not any(c.startswith("07") for _, _, c, _ in events), events
