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
    kids: list[list[int]]  # token index -> its children's indices, in order
    memo: dict = field(default_factory=dict)  # per-token results of pure functions
    child_tokens: dict = field(default_factory=dict)  # token index -> its children's Tokens


def view(doc, text: str | None = None) -> DocView:
    """The Doc's view, built on first use (`text`: the Doc's text where the caller has it)."""
    found = doc.user_data.get("ew_view")
    if found is None:
        found = doc.user_data["ew_view"] = _build(doc, doc.text if text is None else text)
    return found


def _build(doc, text: str) -> DocView:
    lemmas, tags, labels, heads = doc.to_array([LEMMA, POS, DEP, HEAD]).T.tolist()
    strings = doc.vocab.strings
    lemma = [_LEMMAS.get(h) or _lemma(strings, h) for h in lemmas]
    pos = [_LABELS.get(h) or _label(strings, h) for h in tags]
    dep = [_LABELS.get(h) or _label(strings, h) for h in labels]
    kids: list[list[int]] = [[] for _ in heads]
    passive = set()
    for i, offset in enumerate(heads):
        if offset:  # HEAD is an unsigned offset to the head; 0 for the root
            head = i + (offset - (1 << 64) if offset >= 1 << 63 else offset)
            kids[head].append(i)
            if dep[i] in _PASSIVE_MARKS:
                passive.add(head)
    ents = list(doc.ents)
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    sents, sent_of = [], [0] * len(doc)
    for n, s in enumerate(doc.sents):
        sents.append(s)
        sent_of[s.start:s.end] = [n] * (s.end - s.start)
    return DocView(text, lemma, pos, dep, passive, ents, ent_at, sent_of, sents, kids)


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
    v = view(tok.doc)
    return v.sents[v.sent_of[tok.i]]


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
