"""What the coder reads from a parsed Doc again and again, read once per Doc.

spaCy builds a new Token object on every `doc[i]`, `token.children` step or `span` iteration,
and a new Span for every entity on every `doc.ents`; the coder asks the same questions of the
same tokens many times (is this verb passive? which sentence is it in? what lemma?). A `DocView`
answers them from plain lists, built in one pass over the Doc and kept in `doc.user_data`
(which the extractor clears once the Doc is coded, so nothing outlives its memory zone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import DEP, HEAD, LEMMA, POS

_PASSIVE_MARKS = {"nsubjpass", "csubjpass", "auxpass"}


@dataclass
class DocView:
    text: str
    lemma: list[str]  # lower-cased lemma per token
    pos: list[str]
    dep: list[str]
    passive: set[int]  # verbs with a passive subject or auxiliary
    ents: list  # the Doc's entity Spans, built once
    ent_at: dict[int, object]  # token index -> its entity Span
    sent_of: list[int]  # token index -> index of its sentence in `sents`
    sents: list  # sentence Spans
    memo: dict = field(default_factory=dict)  # per-token results of pure functions


def view(doc) -> DocView:
    """The Doc's view, built on first use."""
    found = doc.user_data.get("ew_view")
    if found is None:
        found = doc.user_data["ew_view"] = _build(doc)
    return found


def _build(doc) -> DocView:
    lemmas, tags, labels, heads = doc.to_array([LEMMA, POS, DEP, HEAD]).T.tolist()
    strings = doc.vocab.strings
    lemma = [strings[h].lower() for h in lemmas]
    pos = [_label(strings, h) for h in tags]
    dep = [_label(strings, h) for h in labels]
    passive = {i + (h - (1 << 64) if h >= 1 << 63 else h)  # HEAD is an unsigned offset
               for i, (d, h) in enumerate(zip(dep, heads)) if d in _PASSIVE_MARKS}
    ents = list(doc.ents)
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    sents, sent_of = [], [0] * len(doc)
    for n, s in enumerate(doc.sents):
        sents.append(s)
        sent_of[s.start:s.end] = [n] * (s.end - s.start)
    return DocView(doc.text, lemma, pos, dep, passive, ents, ent_at, sent_of, sents)


_LABELS: dict[int, str] = {}  # POS and dependency labels: a closed set, kept across Docs


def _label(strings, key: int) -> str:
    found = _LABELS.get(key)
    if found is None:
        found = strings[key] if key else ""
        if len(_LABELS) < 1000:
            _LABELS[key] = found
    return found


def bounds(span) -> tuple[object, int, int]:
    """(doc, start, end) token bounds of a Span or a whole Doc."""
    doc = span.doc
    return (doc, 0, len(doc)) if doc is span else (doc, span.start, span.end)


def sent_of(tok):
    """The sentence Span a token is in (spaCy's `token.sent` scans for the boundaries each time)."""
    v = view(tok.doc)
    return v.sents[v.sent_of[tok.i]]


def ents_within(span) -> list:
    """The entities inside a sentence or other span (spaCy's `span.ents` rebuilds them all)."""
    return [e for e in view(span.doc).ents if e.start >= span.start and e.end <= span.end]


def memo(tok, name: str, compute):
    """`compute(tok)`, remembered for this token of this Doc under `name`."""
    cache = view(tok.doc).memo
    key = (name, tok.i)
    if key not in cache:
        cache[key] = compute(tok)
    return cache[key]
