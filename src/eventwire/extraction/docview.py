"""What the coder reads from a parsed Doc again and again, read once per Doc.

spaCy builds a new Token object on every `doc[i]`, `token.children` step or `span` iteration,
and a new Span for every entity on every `doc.ents`; the coder asks the same questions of the
same tokens many times (is this verb passive? which sentence is it in? what lemma?). A `DocView`
answers them from plain lists, built in one pass over the Doc and kept in `doc.user_data`
(which the extractor clears once the Doc is coded, so nothing outlives its memory zone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS

_PASSIVE_MARKS = {"nsubjpass", "csubjpass", "auxpass"}


@dataclass
class DocView:
    text: str
    lemma: list[str]  # lower-cased lemma per token
    tags: list[int]  # coarse part-of-speech ids (`pos(i)` names them)
    labels: list[int]  # dependency label ids (`dep(i)` names them)
    strings: object  # the vocabulary's StringStore
    passive: set[int]  # verbs with a passive subject or auxiliary
    ents: list  # the Doc's entity Spans, built once
    ent_at: dict[int, object]  # token index -> its entity Span
    sents: list  # sentence Spans
    kids: list[list[int]]  # token index -> its children's indices, in order
    memo: dict = field(default_factory=dict)  # per-token results of pure functions
    child_tokens: dict = field(default_factory=dict)  # token index -> its children's Tokens

    def pos(self, i: int) -> str:
        return _LABELS.get(self.tags[i]) or _label(self.strings, self.tags[i])

    def dep(self, i: int) -> str:
        return _LABELS.get(self.labels[i]) or _label(self.strings, self.labels[i])


def view(doc, text: str | None = None) -> DocView:
    """The Doc's view, built on first use (`text`: the Doc's text where the caller has it)."""
    found = doc.user_data.get("ew_view")
    if found is None:
        found = doc.user_data["ew_view"] = _build(doc, doc.text if text is None else text)
    return found


def _build(doc, text: str) -> DocView:
    table = doc.to_array([LEMMA, POS, DEP, HEAD])
    lemmas, tags, labels = table[:, :3].T.tolist()
    heads = (table[:, 3].astype(numpy.int64) + numpy.arange(len(table))).tolist()  # HEAD: an offset
    strings = doc.vocab.strings
    known = _LEMMAS.get
    lemma = [known(h) or _lemma(strings, h) for h in lemmas]
    kids: list[list[int]] = [[] for _ in heads]
    for i, head in enumerate(heads):
        if head != i:  # the root is its own head
            kids[head].append(i)
    marks = {strings.as_int(label) for label in _PASSIVE_MARKS}
    passive = {heads[i] for i, d in enumerate(labels) if d in marks}
    ents = list(doc.ents)
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    return DocView(text, lemma, tags, labels, strings, passive, ents, ent_at, list(doc.sents), kids)


# String hash -> string, kept across Docs. A hash always stands for the same string (memory zones
# only forget strings), so these never go stale; they stop growing at a fixed size.
_LABELS: dict[int, str] = {}  # POS and dependency labels: a closed set
_LEMMAS: dict[int, str] = {}  # lemma hash -> lower-cased lemma
_MAX_LEMMAS = 200_000


def _label(strings, key: int) -> str:
    found = strings[key] if key else ""
    if len(_LABELS) < 1000:
        _LABELS[key] = found
    return found


def _lemma(strings, key: int) -> str:
    found = strings[key].lower() if key else ""
    if len(_LEMMAS) < _MAX_LEMMAS:
        _LEMMAS[key] = found
    return found


def bounds(span) -> tuple[object, int, int]:
    """(doc, start, end) token bounds of a Span or a whole Doc."""
    doc = span.doc
    return (doc, 0, len(doc)) if doc is span else (doc, span.start, span.end)


def sent_of(tok):
    """The sentence Span a token is in (spaCy's `token.sent` scans for the boundaries each time)."""
    i = tok.i
    return next(s for s in view(tok.doc).sents if s.start <= i < s.end)


def ents_within(span) -> list:
    """The entities inside a sentence or other span (spaCy's `span.ents` rebuilds them all)."""
    return [e for e in view(span.doc).ents if e.start >= span.start and e.end <= span.end]


def children(tok) -> list:
    """The token's syntactic children in order, as spaCy's `token.children` gives them (made once)."""
    v = view(tok.doc)
    found = v.child_tokens.get(tok.i)
    if found is None:
        doc = tok.doc
        found = v.child_tokens[tok.i] = [doc[j] for j in v.kids[tok.i]]
    return found


def to_infinitive(tok) -> bool:
    """Is the verb a to-infinitive ("to fight", "to attend")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


def subtree(tok) -> list[int]:
    """Indices of the token's subtree in the order of spaCy's `token.subtree`, without Tokens."""
    out: list[int] = []
    _walk(view(tok.doc).kids, tok.i, out)
    return out


def _walk(kids: list[list[int]], i: int, out: list[int]) -> None:
    below = kids[i]
    for k in below:
        if k < i:
            _walk(kids, k, out)
    out.append(i)
    for k in below:
        if k > i:
            _walk(kids, k, out)


def memo(tok, name: str, compute):
    """`compute(tok)`, remembered for this token of this Doc under `name`."""
    cache = view(tok.doc).memo
    key = (name, tok.i)
    if key not in cache:
        cache[key] = compute(tok)
    return cache[key]


def original_text(span) -> str:
    """A token's or span's words as the story wrote them (the Doc may be of a truecased copy)."""
    start = span.idx if hasattr(span, "idx") else span.start_char
    end = start + len(span.text)
    return view(span.doc).text[start:end]
