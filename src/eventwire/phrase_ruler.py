"""The gazetteer's entity ruler on a phrase matcher: one trie walk per Doc, not 4,000 patterns.

Patterns keep spaCy's entity-ruler token format (`gazetteer.entity_ruler_patterns()` and the
people and group lists): per token `{"LOWER": w}`, `{"LOWER": w, "IS_LOWER": false}` or
`{"TEXT": w}` (region names add `"IS_UPPER": false`: "IMO" is no "Imo"). They all go into one `PhraseMatcher` on LOWER; a match then counts only if its
tokens also pass the pattern's own checks (exact text, not all lower case), so the matches are
those of the token patterns. spaCy's `EntityRuler` runs every token pattern at every token and
re-counts its patterns for every Doc: with this gazetteer that was about half of `nlp.pipe`.

Entities are set as the `EntityRuler` sets them with `overwrite_ents`: longest match first,
then leftmost; a match that overlaps one already taken is dropped; model entities that overlap
a taken match are removed. Two patterns on exactly the same tokens ("RSF": a group and an NGO):
the pattern added later wins (the `EntityRuler` left this to the order of a Python set).
One departure, for regions only (ids "REG:"): a region name inside a longer person name that
the model found ("Alberta" in "Alberta Smith") is left to the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

FACTORY = "eventwire_phrase_ruler"
VERSION = "v1"
_CHECKS = {"LOWER", "TEXT", "IS_LOWER", "IS_UPPER"}


@dataclass(frozen=True)
class Rule:
    label: str
    ent_id: str
    texts: tuple  # per token: the exact text it must have, or None
    lower: tuple  # per token: the value its IS_LOWER must have, or None
    upper: tuple = ()  # per token: the value its IS_UPPER must have, or None (empty: no check)


@Language.factory(FACTORY)
def make_phrase_ruler(nlp, name):  # no annotations: spaCy validates factory arguments by them
    return PhraseRuler(nlp.vocab)


class PhraseRuler:
    def __init__(self, vocab):
        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.rules: list[Rule] = []
        self.by_key: dict[int, int] = {}  # matcher key -> index in `rules`

    def add_patterns(self, patterns: list[dict]) -> None:
        for pattern in patterns:
            rule, words = _rule(pattern)
            name = f"{FACTORY}:{len(self.rules)}"
            self.by_key[self.vocab.strings.add(name, allow_transient=False)] = len(self.rules)
            self.vocab.strings.add(rule.ent_id, allow_transient=False)
            self.rules.append(rule)
            self.matcher.add(name, [Doc(self.vocab, words=words)])

    def __len__(self) -> int:
        return len(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted(self._matches(doc), key=lambda m: (m[2] - m[1], -m[1], m[0]), reverse=True)
        found = [(self.rules[index], start, end) for index, start, end in matches]
        if any(rule.ent_id.startswith(_REGION) for rule, _, _ in found):
            found = _outside_names(doc, found)
        _set_entities(doc, found)
        return doc

    def _matches(self, doc: Doc):
        """(rule index, start, end) of each pattern whose tokens pass its checks."""
        for key, start, end in self.matcher(doc):
            index = self.by_key[key]
            if _passes(self.rules[index], doc, start):
                yield index, start, end


def _rule(pattern: dict) -> tuple[Rule, list[str]]:
    """A pattern's checks and the lower-case words the phrase matcher looks for."""
    tokens = pattern["pattern"]
    odd = [key for token in tokens for key in token if key not in _CHECKS]
    if isinstance(tokens, str) or odd or not all("LOWER" in t or "TEXT" in t for t in tokens):
        raise ValueError(f"pattern {pattern!r}: the phrase ruler takes LOWER, TEXT and IS_LOWER "
                         "tokens only")
    words = [t["LOWER"] if "LOWER" in t else t["TEXT"].lower() for t in tokens]
    upper = tuple(t.get("IS_UPPER") for t in tokens)
    rule = Rule(pattern["label"], pattern.get("id", ""), tuple(t.get("TEXT") for t in tokens),
                tuple(t.get("IS_LOWER") for t in tokens), upper if any(u is not None for u in upper) else ())
    return rule, words


def _passes(rule: Rule, doc: Doc, start: int) -> bool:
    for offset, (text, lower) in enumerate(zip(rule.texts, rule.lower)):
        token = doc[start + offset]
        if (text is not None and token.text != text) or (lower is not None and token.is_lower != lower):
            return False
    for offset, upper in enumerate(rule.upper):
        if upper is not None and doc[start + offset].is_upper != upper:
            return False
    return True


_REGION = "REG:"


def _outside_names(doc: Doc, matches: list) -> list:
    """Drop region matches inside a longer person name the model found: "Alberta" in
    "Alberta Smith", "Kano" in a Japanese name. Countries keep the EntityRuler's behaviour."""
    people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    if not people:
        return matches
    return [(rule, start, end) for rule, start, end in matches
            if not rule.ent_id.startswith(_REGION)
            or not any(s <= start and end <= e and e - s > end - start for s, e in people)]


def _set_entities(doc: Doc, matches: list) -> None:
    """Take matches in order unless they overlap one taken; they replace the model's overlaps."""
    taken: set[int] = set()
    spans = []
    for rule, start, end in matches:
        if start in taken or end - 1 in taken:  # the EntityRuler's test: ends only
            continue
        spans.append(Span(doc, start, end, label=rule.label, span_id=rule.ent_id))
        taken.update(range(start, end))
    kept = [e for e in doc.ents if not any(e.start < s.end and e.end > s.start for s in spans)]
    doc.ents = kept + spans
