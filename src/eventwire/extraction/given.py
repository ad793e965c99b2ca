"""Given-actor coding: the analyst names the two actors; we code what the first did to the second.

The trigger chosen is the pattern match whose roles hold the given source (and target), else
the match nearest to the source in the parse. With no full match, a relaxed pass accepts a
trigger lemma whose extra conditions (object, particle) did not hold. Every coding names its rule.
"""

from __future__ import annotations

from eventwire.errors import InputError
from eventwire.extraction import actions, status
from eventwire.extraction.attribution import plain_quotes
from eventwire.extraction.codes import code_fields
from eventwire.extraction.docview import original_text, view
from eventwire.extraction.modality import final_code, is_contentless, is_framing
from eventwire.schema import Coding, Span


def _char_span(text: str, words: str | None) -> tuple[int, int] | None:
    if not words:
        return None
    at = text.find(words)
    if at < 0:
        at = text.lower().find(words.lower())
    return (at, at + len(words)) if at >= 0 else None


def _tokens_in(doc, span):
    if span is None:
        return []
    return [t for t in doc if t.idx >= span[0] and t.idx + len(t.text) <= span[1]]


def _score(m, src_toks, tgt_toks) -> tuple:
    src_ids, tgt_ids = {t.i for t in src_toks}, {t.i for t in tgt_toks}
    in_src = any(s.i in src_ids or any(x.i in src_ids for x in s.subtree) for s in m.sources)
    in_tgt = any(t.i in tgt_ids or any(x.i in tgt_ids for x in t.subtree) for t in m.targets)
    # Without the source's words (not found in the sentence) the main clause's act is the best
    # guess: the trigger nearest the root of its sentence.
    dist = min((actions.role_path(m.trigger, t) for t in src_toks),
               default=50 + sum(1 for _ in m.trigger.ancestors))
    return (-(2 * in_src + in_tgt), dist, -m.pattern.specificity)


def _relaxed_triggers(doc, patterns):
    """Trigger lemmas whose pattern conditions failed: weaker evidence, still evidence."""
    out = []
    for tok in doc:
        pos = {"AUX": "VERB", "PROPN": "NOUN"}.get(tok.pos_, tok.pos_)
        found = patterns.by_lemma.get((pos, tok.lemma_.lower()))
        if found:
            out.append(actions.Match(found[-1], tok, anchor=actions.governing_verb(tok) or tok))
    return out


def _embedded(m, matches):
    return next((o for o in matches if o is not m and actions.is_complement(o.trigger, m.trigger)), None)


def _code(m, matches, src_toks) -> tuple[str, str]:
    reading = status.read_status(m.trigger, m.anchor)
    embedded = _embedded(m, matches)
    src_ids = {t.i for t in src_toks}
    other_doer = bool(src_ids) and not any(s.i in src_ids or any(x.i in src_ids for x in s.subtree)
                                           for s in m.sources)
    return final_code(m.pattern, m.trigger, m.anchor, reading, embedded, other_doer), reading.status


def _framing_head(best, matches):
    """'threatened to cut ties': the framing verb codes the sentence, not the action it frames."""
    for m in matches:
        if m is not best and is_framing(m.pattern, m.trigger) and actions.is_complement(best.trigger, m.trigger):
            return m
    return best


def classify_given(extractor, text: str, source: str | None, target: str | None) -> Coding:
    """Code `text` for the given actors (their words in the sentence)."""
    return _classify_parsed(extractor, extractor.nlp(extractor.for_parser(text)), text, source, target)


def classify_given_many(extractor, items: list) -> list:
    """A Coding per (text, source, target) item, the sentences parsed together in one `nlp.pipe`
    (several times faster than one call each). An item that is not three strings (source and
    target may be None) gets an InputError in its place; the others are coded as usual."""
    out: list = [None] * len(items)
    for n, item in enumerate(items):
        problem = _item_problem(item)
        if problem:
            out[n] = InputError(problem, f"item {n}")
    wanted = [n for n, found in enumerate(out) if found is None]
    for n, doc in zip(wanted, extractor.parse([extractor.for_parser(items[n][0]) for n in wanted])):
        out[n] = _classify_parsed(extractor, doc, *items[n])
    return out


def _classify_parsed(extractor, doc, text: str, source: str | None, target: str | None) -> Coding:
    try:
        return _classify_doc(extractor, doc, text, source, target)
    finally:
        doc.user_data.clear()  # the coder's per-Doc caches hold Spans of the Doc: a cycle


def _item_problem(item) -> str | None:
    if not isinstance(item, (tuple, list)) or len(item) != 3:
        return "is not a (text, source, target) triple"
    text, source, target = item
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if not all(words is None or isinstance(words, str) for words in (source, target)):
        return "source and target must be strings (or None)"
    return None


def _classify_doc(extractor, doc, text: str, source: str | None, target: str | None) -> Coding:
    view(doc, text)  # the Doc may be of a truecased copy: names and evidence come from `text`
    src_toks = _tokens_in(doc, _char_span(text, source))
    tgt_toks = _tokens_in(doc, _char_span(text, target))
    matches = [actions.fill_roles(m) for m in actions.find_triggers(doc, extractor.patterns)]
    matches = [m for m in matches if not is_contentless(m.pattern, m.trigger, _embedded(m, matches))]
    rule_kind, conf = "given", 1.0
    if not matches:
        matches, rule_kind, conf = _relaxed_triggers(doc, extractor.patterns), "given-relaxed", 0.6
        matches = [actions.fill_roles(m) for m in matches]
    if not matches:
        return Coding(None, None, None, "asserted", 0.0, f"given-none@{extractor.patterns.version}")
    best = min(matches, key=lambda m: _score(m, src_toks, tgt_toks))
    best = _framing_head(best, matches)
    best = actions.protest_served(best, matches) or best  # a demand made by protesting
    cameo, st = _code(best, matches, src_toks)
    fields = code_fields(cameo)
    t = best.trigger
    return Coding(plover=fields["plover"], cameo=cameo, quad=fields["quad"], status=st,
                  confidence=round(best.pattern.confidence * conf, 3),
                  rule=f"{best.pattern.id}@{extractor.patterns.version}+{rule_kind}",
                  mode=fields["mode"], evidence=Span(original_text(t), t.idx, t.idx + len(t.text)))
