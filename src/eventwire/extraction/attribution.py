"""Attribution: who said it ("Defense Ministry sources said", "according to X"), and the quote.

A statement without its own speaker continues the last one: in wire copy, paragraph after
paragraph of "It added that ..." and bare quotes belong to the story's current source.
"""

from __future__ import annotations

import re

from eventwire.extraction.docview import bounds, children, sent_of, view

REPORT_VERBS = {"say", "tell", "add", "note", "stress", "state", "announce", "claim", "report",
                "warn", "insist", "confirm", "declare", "explain", "emphasise", "emphasize",
                "indicate", "reiterate", "write", "argue", "assert", "maintain", "remark",
                "underline", "highlight", "point", "quote", "disclose", "reveal", "mention",
                "comment", "recall", "tweet", "post", "brief", "told"}
_QUOTES = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]?")
_PTB_QUOTED = re.compile(r"``\s*((?:(?!'')[^`\"“”]){3,}?)\s*(?:''|$)")  # ``wire-style quotes''



_PTB_QUOTES = re.compile(r"``|''")


def plain_quotes(text: str) -> str:
    """Wire copy in PTB style (``like this'') with plain double quotes, the same length: the
    tokenizer splits `` into two backticks and the parse suffers, and quotes go unseen. Each
    two-character quote becomes a quote and a space on the side that has none, so every
    character offset stays that of the original text ("making`` bad" -> 'making " bad')."""
    if "``" not in text:
        return text

    def plain(m):
        s, e = m.start(), m.end()
        before = s == 0 or text[s - 1].isspace()
        after = e == len(text) or text[e].isspace()
        if before and after:
            return m.group(0)
        return '" ' if before else ' "'

    return _PTB_QUOTES.sub(plain, text)


def reporting_verb(tok):
    """The nearest ancestor that is a reporting verb, if the trigger sits in its complement."""
    child, t = tok, tok
    while t.head.i != t.i:
        child, t = t, t.head
        if t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX") and child.dep_ not in ("nsubj", "nsubjpass"):
            return t
    return _root_reporter(tok)


# Verbs that report a conclusion, finding or ruling: "the panel concluded that Y must pay",
# "the court found that Y should compensate Z". Their that-clause is the subject's statement
# (used for obligations only: "concluded a deal" or "found the bodies" report nothing).
CONCLUSION_VERBS = {"conclude", "find", "rule", "decide", "determine", "judge", "recommend", "agree",
                    "resolve", "demand", "urge", "believe", "feel", "think", "hold", "suggest", "propose"}


def concluding_verb(tok):
    """The verb of saying or concluding whose that-clause holds `tok`'s clause, if any."""
    child, t = tok, tok
    for _ in range(4):
        if t.head.i == t.i:
            return None
        child, t = t, t.head
        if child.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CONCLUSION_VERBS | REPORT_VERBS:
            return t
        if child.dep_ not in ("xcomp", "advcl", "conj", "aux", "ccomp"):
            return None
    return None


def _root_reporter(tok):
    """Quote sentences: '"...," the ministry said' makes 'said' the root, the quote a ccomp/parataxis."""
    root = sent_of(tok).root
    if root.lemma_.lower() in REPORT_VERBS and root.i != tok.i:
        if any(c.dep_ in ("nsubj",) for c in children(root)):
            return root
    return None


def according_to(sent):
    """The object of 'according to X' in the sentence, if any."""
    doc, start, end = bounds(sent)
    if start == end:
        return None
    first, last = doc[start], doc[end - 1]
    if "according" not in view(doc).text[first.idx:last.idx + len(last)].lower():  # cheap first look
        return None
    for t in doc[start:end]:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in children(doc[t.i + 1]) if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def speaker_token(reporter):
    return next((c for c in children(reporter) if c.dep_ in ("nsubj", "nsubjpass")), None)


def quote_span(sent_text: str, sent_start: int, pos_in_sent: int) -> tuple[str, int, int] | None:
    """The quoted passage of the sentence that contains position `pos_in_sent`."""
    for m in (_PTB_QUOTED if "``" in sent_text else _QUOTES).finditer(sent_text):
        if m.start(1) <= pos_in_sent < m.end(1):
            return m.group(1), sent_start + m.start(1), sent_start + m.end(1)
    return None
