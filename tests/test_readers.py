"""Corpus readers: every format in, one Story or one InputError per item out."""

from __future__ import annotations

import io
import json

from eventwire.errors import (
    BinaryInputError, EmptyInputError, InputError, InputMissingError, NotEnglishError,
)
from eventwire.ingest.readers import read_inputs, read_stdin, sniff
from eventwire.schema import Story

STORY = ("Turkey held talks with Syria in Ankara on Thursday, officials said. The two governments "
         "discussed border security and trade, and agreed to meet again next month.")

HTML = f"""<html><head><title>Talks in Ankara</title>
<meta name="date" content="2025-08-28"><meta property="og:site_name" content="Harbor Wire">
</head><body><nav>Home | World | Sport</nav><article><h1>Turkey and Syria hold talks</h1>
<p>{STORY}</p><p>{STORY}</p></article><footer>Copyright Harbor Wire</footer></body></html>"""

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Meridian News</title>
<item><title>Talks</title><link>https://example.org/1</link>
<pubDate>Thu, 28 Aug 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/2</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Daily Ledger</title><entry><title>Talks</title><link href="https://example.org/a"/>
<id>urn:a</id><updated>2025-08-27T09:00:00Z</updated><content type="html">{STORY}</content></entry></feed>"""


def stories(items):
    return [i for i in items if isinstance(i, Story)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_plain_text_file_is_one_story(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    [story] = read_inputs([str(tmp_path / "a.txt")])
    assert story.text == STORY and story.origin == str(tmp_path / "a.txt")


def test_html_page_gives_article_text_and_metadata(tmp_path):
    (tmp_path / "a.html").write_text(HTML)
    [story] = read_inputs([str(tmp_path / "a.html")])
    assert "held talks with Syria" in story.text and "Home | World" not in story.text
    assert story.published == "2025-08-28" and story.title


def test_jsonl_lines_are_stories_and_a_bad_line_is_reported_alone(tmp_path):
    lines = [json.dumps({"text": STORY, "title": "T", "published": "2025-08-28",
                         "url": "https://example.org/x", "source": "Wire", "expected": {}}),
             "{not json", json.dumps({"title": "no text"}), "", json.dumps({"text": STORY + " Again."})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines))
    items = list(read_inputs([str(tmp_path / "c.jsonl")]))
    assert len(stories(items)) == 2 and len(errors(items)) == 2
    first = stories(items)[0]
    assert (first.title, first.published, first.url, first.source) == ("T", "2025-08-28", "https://example.org/x", "Wire")
    assert first.origin.endswith("c.jsonl:1")
    assert "c.jsonl:2" in str(errors(items)[0]) and "not valid JSON" in str(errors(items)[0])
    assert 'expected an object with a "text"' in str(errors(items)[1])


def test_rss_entries_become_stories_and_an_empty_entry_is_skipped(tmp_path):
    (tmp_path / "feed.rss").write_text(RSS)
    items = list(read_inputs([str(tmp_path / "feed.rss")]))
    [story], [error] = stories(items), errors(items)
    assert story.text == STORY and "<p>" not in story.text
    assert (story.source, story.url, story.published) == ("Meridian News", "https://example.org/1", "2025-08-28")
    assert isinstance(error, EmptyInputError) and "example.org/2" in str(error)


def test_atom_feed_sniffed_from_an_xml_file(tmp_path):
    (tmp_path / "feed.xml").write_text(ATOM)
    [story] = read_inputs([str(tmp_path / "feed.xml")])
    assert story.source == "Daily Ledger" and story.published == "2025-08-27"


def test_directories_are_read_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(STORY)
    (tmp_path / "a" / "b" / "two.html").write_text(HTML)
    (tmp_path / "a" / ".hidden.txt").write_text(STORY)
    (tmp_path / "a" / "store.duckdb").write_bytes(b"\x00DUCK")
    items = list(read_inputs([str(tmp_path / "a")]))
    assert len(stories(items)) == 2 and not errors(items)


def test_bad_files_are_reported_with_reasons_and_reading_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "french.txt").write_text("Le gouvernement a annoncé une nouvelle réforme des retraites "
                                         "pour les fonctionnaires dès janvier prochain selon des sources.")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "good.txt").write_text(STORY)
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    kinds = {type(e) for e in errors(items)}
    assert len(stories(items)) == 1
    assert {EmptyInputError, BinaryInputError, NotEnglishError, InputMissingError} <= kinds
    assert all(str(tmp_path) in str(e) for e in errors(items))


def test_stdin_jsonl_is_streamed_and_plain_text_is_one_story():
    data = (json.dumps({"text": STORY}) + "\n") * 3
    assert len(stories(read_stdin(io.BufferedReader(io.BytesIO(data.encode()))))) == 3
    [story] = read_stdin(io.BufferedReader(io.BytesIO(STORY.encode())))
    assert story.origin == "<stdin>"


def test_sniff_tells_formats_apart():
    assert sniff(b'{"text": "x"}') == "jsonl"
    assert sniff(RSS.encode()) == "feed" and sniff(ATOM.encode()) == "feed"
    assert sniff(HTML.encode()) == "html" and sniff(STORY.encode()) == "text"
