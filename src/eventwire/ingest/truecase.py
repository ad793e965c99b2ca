"""Title-case lines ("Canada Pledges More Troops to NATO Force in Latvia").

A story that is only a headline is coded from it, and the small English model reads every
capitalised word of such a line as a proper noun, so no verb is found. The line is parsed with
the ordinary words the coder knows (trigger verbs and nouns, their objects, sector words, small
headline words) in lower case; every other word, names included, stays as written. Only letter
case changes, so offsets, evidence and quotes still index the original text.
"""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_LONGEST_NAME = 4  # words: "Democratic Republic of the Congo"
# Words that headline style may leave in lower case: they count neither for nor against.
_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for",
                    "with", "from", "as", "over", "into", "vs", "via", "per", "off", "up", "out"})
# Ordinary headline words that are neither triggers nor sector words.
HEADLINE_WORDS = frozenset({"more", "new", "top", "after", "amid", "against", "about", "again", "also",
                            "after", "before", "near", "along", "across", "toward", "towards", "under",
                            "its", "their", "his", "her", "says", "said", "will", "would", "could", "may",
                            "not", "no", "all", "two", "three", "first", "last", "high", "over", "back",
                            "ties", "border", "deal", "pact", "plan", "call", "phone", "leader", "leaders",
                            "force", "forces", "troops", "ships", "alert", "monitors", "official",
                            "officials", "minister", "ministers", "president", "prime", "foreign", "defence",
                            "defense", "air", "naval", "military", "diplomatic", "nuclear", "trade", "aid",
                            "talks", "war", "peace", "ceasefire", "truce", "strike", "strikes", "attack",
                            "attacks", "to", "target", "more", "fresh", "joint", "team", "teams"})


def is_title_case(line: str) -> bool:
    """Three or more content words, nearly all capitalised, no sentence end, not all capitals."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 3 or line.rstrip().endswith((".", "!", "?")) or line.isupper():
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def truecased(line: str, ordinary: frozenset[str]) -> str:
    """`line` with its capitalised ordinary words in lower case; the same length as `line`."""
    if not is_title_case(line):
        return line
    out, words, i = list(line), list(_WORD.finditer(line)), 0
    while i < len(words):
        named = _name_length(line, words, i)  # "New Zealand", "African Union", "Islamic State"
        if named:
            i += named
            continue
        word = words[i].group()
        if word[0].isupper() and word[1:] == word[1:].lower() and _is_ordinary(word.lower(), ordinary):
            out[words[i].start()] = word[0].lower()
        i += 1
    return "".join(out)


def _name_length(line: str, words, i: int) -> int:
    """How many words from the i-th make up a known name (country, capital, demonym,
    organisation, armed group, person), longest first; 0 if none."""
    for n in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
        if _is_name(line[words[i].start():words[i + n - 1].end()]):
            return n
    return 0


@functools.lru_cache(maxsize=20_000)
def _is_name(text: str) -> bool:
    from eventwire.gazetteer import lookup_country, lookup_igo
    from eventwire.groups import lookup_group
    from eventwire.people import lookup_person

    bare = re.sub(r"['’]s?$", "", text)
    if not bare[:1].isupper():
        return False
    return bool(lookup_country(bare) or lookup_igo(bare) or lookup_group(bare) or lookup_person(bare))


def _is_ordinary(word: str, ordinary: frozenset[str]) -> bool:
    """The word or a plain inflection of it ("pledges", "pounded", "threatening") is known."""
    if word in _SMALL or word in HEADLINE_WORDS or word in ordinary:
        return True
    stems = [word[:-1], word[:-2]]  # "pledges" -> pledge, "discusses" -> discuss
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e", word[:-4]]  # "threatening", "seizing", "shelling"
    if word.endswith("ed"):
        stems += [word[:-1], word[:-3]]  # "seized" -> seize, "shelled" -> shell
    return any(len(s) > 2 and s in ordinary for s in stems)


def ordinary_words(patterns, sector_terms) -> frozenset[str]:
    """The coder's own vocabulary: trigger lemmas, the objects and modifiers they need, and the
    single words of sector terms ("police", "army", "rebels")."""
    words = set()
    for p in patterns.patterns:
        words |= p.lemmas | p.object | p.modifier | p.particle
    for term in sector_terms:
        words |= set(term)
    return frozenset(w for w in words if w.isalpha())
