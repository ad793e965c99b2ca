"""Intelligence: sharing it is cooperation (CAMEO 064); one side supplying military
intelligence to another's forces is military aid (072)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def test_supplying_reconnaissance_photos_and_military_intelligence_is_military_aid(extractor):
    events = _events(extractor, "Denmark is supplying drone photos and other military intelligence to Latvia.")
    assert ("DNK", "LVA", "072") in events, events


def test_sharing_intelligence_with_a_neighbour_is_cooperation(extractor):
    events = _events(extractor, "Spain shared intelligence with Morocco on the smuggling routes.")
    assert ("ESP", "MAR", "064") in events, events


def test_handing_over_intelligence_data_is_sharing_it(extractor):
    events = _events(extractor, "Belgium handed over intelligence data to the Netherlands.")
    assert ("BEL", "NLD", "064") in events, events


def test_satellite_pictures_of_a_flood_are_no_military_aid(extractor):
    events = _events(extractor, "India provided satellite pictures of the flooded districts to Bangladesh.")
    assert not any(c == "072" for _, _, c in events), events
