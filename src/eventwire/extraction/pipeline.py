"""The extraction stage: stories in, `Report`s out (batched through spaCy's `nlp.pipe`).

Per story: segment lines (headline, dateline, body), parse each block, then per sentence find
pattern triggers and turn each into an event or a claim (`extract.coding`).

Each batch is parsed and coded inside one spaCy memory zone (`nlp.memory_zone()`): the words
and strings first seen in the batch are dropped from the vocabulary when it ends, so a long run
does not grow it. Nothing spaCy made (Doc, Span, Token, string hash) may leave the zone: the
coder turns everything into schema objects (plain strings and numbers) before it closes.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import threading
import unicodedata
from typing import Iterable, Iterator

from eventwire import settings
from eventwire.errors import InputError
from eventwire.extraction.coding import StoryCoder
from eventwire.extraction.docview import view
from eventwire.extraction.patterns import PatternSet, load_patterns
from eventwire.extraction.tokencache import TokenCache
from eventwire.ingest.segment import segment, title_of
from eventwire.ingest.truecase import ordinary_words, truecased
from eventwire.gazetteer import load_agents
from eventwire.ingest.text import validate_text
from eventwire.schema import Coding, Doc, Report, Span, Story


_WARM_UP = Story("ANKARA (Wire) - Turkey held talks with Syria in Damascus on Aug. 13, the "
                 "foreign ministry said.", published="2025-08-28", origin="<warm-up>")


_GC_THRESHOLDS = (20_000, 20, 20)  # see `Extractor.warm_up`


def fingerprint(text: str) -> str:
    """Content id: the same story text (up to case, accents and spacing) gives the same id."""
    norm = " ".join((text if text.isascii() else unicodedata.normalize("NFKC", text)).lower().split())
    return "ew-" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


class Extractor:
    """Holds the loaded pipeline and patterns; codes stories one by one or in batches."""

    def __init__(self, model: str | None = None, patterns: PatternSet | None = None,
                 zoned: bool = True):
        from eventwire.nlp import load_pipeline

        self.nlp = load_pipeline(model)
        self.patterns = patterns or load_patterns()
        self.versions = _versions(self.patterns, self.nlp)
        self.zoned = zoned  # one memory zone per batch (False: the vocabulary keeps every word)
        self.token_cache = TokenCache(self.nlp)
        self.warmed = False  # see `warm_up`
        self.ordinary = ordinary_words(self.patterns, load_agents().terms)

    def for_parser(self, text: str) -> str:
        """The text the parser reads: a title-case line with its ordinary words in lower case
        (same length, so every offset holds; the coder still quotes the original)."""
        return truecased(text, self.ordinary)

    def warm_up(self) -> None:
        """Code one built-in story, loading what coding loads on first use (GeoNames cities, the
        date parser: ~3 s), so that an engine worker's first batch is as fast as the others.

        Then everything loaded so far is frozen out of the cyclic garbage collector (`gc.freeze`):
        the model, the dictionaries and the city index are ~500,000 long-lived objects, and every
        full collection would walk them all again (~270 ms each, several a minute while coding).
        Frozen objects are still freed by reference counting; only cycles among them would stay.
        The collector's first threshold goes from 700 to 20,000 new objects: coding makes many
        short-lived objects, and collecting every 700 of them cost ~3% of the throughput.
        """
        self.extract(_WARM_UP)
        gc.collect()
        gc.freeze()
        gc.set_threshold(*_GC_THRESHOLDS)
        self.warmed = True

    def extract(self, story: Story) -> Report:
        result = next(iter(self.extract_many([story], batch_size=1)))
        if isinstance(result, InputError):
            raise result
        return result

    def extract_many(self, stories: Iterable, batch_size: int | None = None) -> Iterator:
        """Yield a Report (or the InputError of a bad story) for each input, in order."""
        size = batch_size or settings.get("batch_size")
        batch: list = []
        for story in stories:
            batch.append(story)
            if len(batch) >= size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list) -> list:
        prepared = [self._prepare(s) for s in batch]
        texts = [(self.for_parser(s.text[b.start:b.end]), (n, b)) for n, (s, blocks, _) in enumerate(prepared)
                 if not isinstance(s, Exception) for b in blocks if b.kind != "dateline"]
        reports = self._in_zone(self._code_prepared, prepared, texts)
        if self.zoned:
            self._learn_tokens([text for text, _ in texts])
        return reports

    def _code_prepared(self, prepared: list, texts: list) -> list:
        """A Report (or the story's InputError) per prepared story: parse, code, drop the Docs."""
        parsed: dict[int, list] = {}
        for doc, (n, block) in zip(self.parse([text for text, _ in texts]), [where for _, where in texts]):
            parsed.setdefault(n, []).append((block, doc))
        return [story if isinstance(story, Exception) else self._report(story, parsed.pop(n, []), dateline, blocks)
                for n, (story, blocks, dateline) in enumerate(prepared)]

    def parse(self, texts: list[str]):
        """Docs in input order. (Not `as_tuples=True`: its per-text wrapping made the parse ~5%
        slower in benchmarks/throughput.py, more than all the other batch bookkeeping.)"""
        from eventwire.extraction.attribution import plain_quotes

        return self.nlp.pipe([plain_quotes(t) for t in texts], batch_size=max(16, len(texts)))

    def _learn_tokens(self, texts: list[str]) -> None:
        """Let the tokenizer cache the batch's chunks of known words (see `tokencache`)."""
        if not self.token_cache.learning or _ZONE.owner == threading.get_ident():
            return
        chunks = self.token_cache.new_chunks(texts)
        if chunks:
            with _ZONE.lock:
                self.token_cache.learn(chunks)

    def _in_zone(self, work, *args):
        """`work(*args)` inside one memory zone; an exception is raised again once it has closed."""
        if not self.zoned or _ZONE.owner == threading.get_ident():
            return work(*args)  # unzoned, or called from inside an open zone, which covers it
        with _ZONE.lock:
            _ZONE.owner = threading.get_ident()
            try:
                return _zoned_call(self.nlp, work, args)
            finally:
                _ZONE.owner = None

    @staticmethod
    def _prepare(story):
        if isinstance(story, Exception):
            return story, [], None
        try:
            validate_text(story.text, story.origin or "<story>")
        except InputError as exc:
            return exc, [], None
        blocks, dateline = segment(story.text)
        return story, blocks, dateline

    def _report(self, story: Story, parsed: list, dateline: str | None, blocks) -> Report:
        doc = Doc(id=fingerprint(story.text), text=story.text, title=story.title or title_of(story.text, blocks),
                  published=story.published, dateline=story.dateline or dateline, source=story.source,
                  url=story.url, versions=dict(self.versions))
        doc.place = _dateline_place(doc.dateline)
        coder = StoryCoder(doc, self.patterns)
        for block, parsed_doc in parsed:
            text = story.text[block.start:block.end]  # the Doc's own text
            for sent in view(parsed_doc, text).sents:
                doc.sentences.append(Span(text[sent.start_char:sent.end_char], block.start + sent.start_char,
                                          block.start + sent.end_char))
                coder.code_sentence(sent, block, len(doc.sentences) - 1)
        events, claims = coder.finish()
        for _, parsed_doc in parsed:
            parsed_doc.user_data.clear()  # the coder's caches hold Spans of their Doc: a cycle
        return Report(doc=doc, events=events, claims=claims)

    def classify(self, text: str, source: str | None, target: str | None) -> Coding:
        from eventwire.extraction.given import classify_given

        return self._in_zone(classify_given, self, text, source, target)

    def classify_many(self, items, batch_size: int = 256) -> Iterator:
        """Given-actor coding of many (text, source, target) items, parsed in batches; yields a
        Coding, or the InputError of a malformed item, for each input in order."""
        from eventwire.extraction.given import classify_given_many

        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._in_zone(classify_given_many, self, batch)
                batch = []
        if batch:
            yield from self._in_zone(classify_given_many, self, batch)


class _Zone:
    """One memory zone at a time in a process: a zone's end frees every string added while it
    was open, whichever thread added it, and spaCy zones must not nest."""

    lock = threading.Lock()
    owner: int | None = None


_ZONE = _Zone()


def _zoned_call(nlp, work, args):
    result, failure = None, None
    with nlp.memory_zone():
        try:
            result = work(*args)
        except BaseException as exc:  # spaCy 3.8 leaves a zone half-open if one crosses it
            failure = exc
    if failure is not None:
        raise failure
    return result


def _dateline_place(dateline: str | None):
    if not dateline:
        return None
    from eventwire.extraction.places import locate

    return locate(dateline.title())


def _versions(patterns: PatternSet, nlp) -> dict[str, str]:
    from eventwire import __version__
    from eventwire.gazetteer import GAZETTEER_VERSION
    from eventwire.ontology import ONTOLOGY_VERSION
    from eventwire.groups import GROUPS_VERSION
    from eventwire.people import PEOPLE_VERSION
    from eventwire.schema import SCHEMA_VERSION

    return {"eventwire": __version__, "patterns": patterns.version, "gazetteer": GAZETTEER_VERSION, "people": PEOPLE_VERSION, "groups": GROUPS_VERSION,
            "ontology": ONTOLOGY_VERSION, "schema": SCHEMA_VERSION,
            "model": f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}", "ruler": _ruler_version(nlp)}


def _ruler_version(nlp) -> str:
    """Which entity ruler set the gazetteer's entities (they can differ where two patterns tie)."""
    from eventwire.phrase_ruler import FACTORY, VERSION

    names = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    return f"{FACTORY}.{VERSION}" if FACTORY in names else ("entity_ruler" if "entity_ruler" in names else "none")


@functools.lru_cache(maxsize=2)
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)
