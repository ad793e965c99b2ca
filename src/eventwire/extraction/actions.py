"""Actions: find pattern triggers in a parsed sentence and the tokens that fill their roles.

Works on spaCy tokens only; turning role tokens into coded actors is `actors.resolve_actor`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.extraction.docview import bounds, children, memo, sent_of, to_infinitive, view
from eventwire.extraction.patterns import Pattern, PatternSet

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj", "attr", "oprd"}
_INTENT_NOUNS = {"plan", "decision", "intention", "bid", "offer", "proposal", "promise", "threat",
                 "attempt", "effort", "right", "readiness", "willingness", "refusal", "pledge", "vow"}


@dataclass
class Match:
    """One trigger with its pattern and the head tokens of its roles."""

    pattern: Pattern
    trigger: object  # spaCy Token
    anchor: object  # the verb the event's clause hangs on (the trigger, or a light verb)
    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    consumed: set = field(default_factory=set)
    via: set = field(default_factory=set)  # how roles were found: "syntax", "inherited", ...


def is_passive(verb) -> bool:
    """A passive subject or auxiliary hangs from the verb."""
    return verb.i in view(verb.doc).passive


# Quantities head their noun phrase in the parse: "25,000 tons of food aid", "$10 million in
# aid", "a grant of 580 million": the thing given is inside.
_MEASURES = {"ton", "tonne", "million", "billion", "dollar", "$", "euro", "kg", "kilogram", "worth",
             "amount", "lot", "shipment", "consignment", "batch", "package", "round", "number",
             "total", "pound", "barrel", "unit", "load", "convoy", "planeload", "truckload",
             "quantity", "supply", "crate", "box", "team", "thousand", "hundred", "dozen", "score", "tens"}


def _obj(verb):
    """The verb's object (its passive subject), looking through amounts; once per token."""
    return memo(verb, "obj", _find_obj)


# Verbs that let someone do something: "allow refugees to return" is often parsed with the
# refugees as the subject of "return"; they are what is allowed, the object.
_CAUSATIVES = {"allow", "permit", "let", "enable"}


def _find_obj(verb):
    deps = _PASS_SUBJ if is_passive(verb) else _OBJ
    obj = next((c for c in children(verb) if c.dep_ in deps), None)
    if obj is None and verb.lemma_.lower() in _CAUSATIVES:
        obj = next((g for c in children(verb) if c.dep_ == "ccomp" for g in children(c) if g.dep_ == "nsubj"), None)
    for _ in range(2):
        if obj is None or obj.lemma_.lower() not in _MEASURES:
            break
        inner = [g for c in children(obj) if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for g in children(c) if g.dep_ == "pobj"]
        obj = inner[0] if inner else obj
        if not inner:
            break
    return obj


def _particle(verb) -> set[str]:
    """Verb particles; 'out' in 'pulled them out of X' counts though parsed as a preposition."""
    return {c.lower_ for c in children(verb) if c.dep_ in ("prt", "advmod")
            or (c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ == "of" for g in children(c)))}


def _prep_objects(token, prep_lemma: str) -> list:
    out = []
    for c in children(token):
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep_lemma:
            out.extend(g for g in children(c) if g.dep_ in ("pobj", "pcomp"))
    return out


def _conj_expand(tokens: list) -> list:
    """Each token and the later members of its coordination ("X and Y"); a conjunct inside
    a name ("the Islamic State of Iraq and Syria") is part of that name, not another party."""
    out = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                   and not _same_name(t, c))
        for item in _listed_appositions(t):
            out.append(item)
            out.extend(c for c in item.conjuncts if c.i > item.i and c.pos_ in ("NOUN", "PROPN"))
    return out


def _same_name(a, b) -> bool:
    """Are two tokens inside one named entity?"""
    if not (a.ent_iob_ in ("B", "I") and b.ent_iob_ == "I"):
        return False
    ent_at = view(a.doc).ent_at
    return ent_at.get(a.i) is not None and ent_at.get(a.i) is ent_at.get(b.i)


def _listed_appositions(tok) -> list:
    """'The US, Russia, and Switzerland': the parser hangs the list off the first name as an
    apposition; a proper-noun apposition that itself ends in 'and Z' is a list, not a title."""
    return [c for c in children(tok) if c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN"
            and any(g.dep_ == "cc" for g in children(c)) and any(g.dep_ == "conj" for g in children(c))]


class _Trigger:
    """What the patterns of one candidate token ask about it, each worked out once."""

    __slots__ = ("tok", "obj", "obj_words", "_particles")

    def __init__(self, tok, verb: bool):
        self.tok = tok
        self.obj = _obj(tok) if verb else None
        self.obj_words = _object_words(self.obj)
        self._particles = None

    def particles(self) -> set[str]:
        if self._particles is None:
            self._particles = _particle(self.tok)
        return self._particles


def _pattern_fits(p: Pattern, cand: _Trigger) -> bool:
    tok, obj = cand.tok, cand.obj
    if p.object and not (cand.obj_words & p.object):
        return False
    if p.passive is not None and p.passive != is_passive(tok):
        return False
    if p.particle and not (cand.particles() & p.particle):
        return False
    obj_lemma = obj.lemma_.lower() if obj is not None else None
    if p.not_object and obj_lemma in p.not_object:
        return False
    if p.complement and complement_adjective(tok, p.complement) is None:
        return False
    if p.clause and reported_clause(tok) is None:
        return False
    if p.modifier or p.not_modifier:
        mods = _modifiers(tok if p.pos == "NOUN" else obj)
        if p.pos == "VERB" and obj is not None and obj.conjuncts:  # "photos and other military data"
            mods = mods | {m for c in obj.conjuncts for m in _modifiers(c)}
        if (p.modifier and not mods & p.modifier) or mods & p.not_modifier:
            return False
    if p.prep_object and not any(_prep_object_words(tok, prep) & words for prep, words in p.prep_object):
        return False
    if "topic" in p.requires and not _has_topic_slot(p, tok):
        return False
    return "target" not in p.requires or _has_target_slot(p, tok, obj) or \
        (p.reciprocal and _compound_subject(tok))


# How en_core_web_sm attaches the adjective in "held Belarus responsible": oprd on the verb
# mostly, but ccomp (with the object as the adjective's nsubj) or advcl when it wavers. A bare
# noun complement ("held two engineers hostage") comes as a ccomp with the object its compound.
_COMPLEMENT_DEPS = {"oprd", "acomp", "xcomp", "ccomp", "advcl"}


def complement_adjective(verb, lemmas: frozenset[str]):
    """The adjective (or bare noun) said of the verb's object ("found the colonel guilty",
    "held them hostage"): the verdict lives in that word, so a pattern naming it needs it
    there; the parser hangs it on the verb or, now and then, on the object."""
    obj = _obj(verb)
    for head in (verb, obj) if obj is not None else (verb,):
        for c in children(head):
            if c.dep_ in _COMPLEMENT_DEPS and c.pos_ in ("ADJ", "NOUN") and c.lemma_.lower() in lemmas:
                return c
    return None


def reported_clause(verb):
    """The clause a speech verb reports: its that-clause ("protested that Y was ignoring ..."),
    or the clause it follows after a comma ("Y is ignoring the ruling, the group protested"),
    where the verb has its own subject and no object of its own."""
    for c in children(verb):
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            return c
    head = verb.head
    if verb.dep_ not in ("ccomp", "conj", "parataxis") or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    kids = children(verb)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in ("dobj", "prep", "xcomp") and c.lower_ not in ("on", "in", "at") for c in kids):
        return None
    before = subj.left_edge.i - 1
    return head if before > head.i and verb.doc[before].text == "," else None


_PREP_MEASURES = _MEASURES | {"day", "week", "month", "hour", "year", "series"}


def _prep_object_tokens(tok, prep: str) -> list:
    """The objects of the trigger's preposition `prep` ("on" in "went on strike"; "of" under
    "out" in "pulled out of the talks"), or of its object's ("a ban on imports"), looking
    through amounts ("two days of talks")."""
    out = []
    obj = _obj(tok) if tok.pos_ in ("VERB", "AUX") else None  # "imposed a ban on imports"
    for c in list(children(tok)) + (list(children(obj)) if obj is not None else []):
        heads = [c] + (list(children(c)) if c.lower_ == "out" else [])
        for h in heads:
            if h.dep_ not in ("prep", "agent") or h.lower_ != prep:
                continue
            for g in children(h):
                if g.dep_ != "pobj":
                    continue
                out.append(g)
                if g.lemma_.lower() in _PREP_MEASURES:
                    out.extend(x for q in children(g) if q.dep_ == "prep" and q.lower_ == "of"
                               for x in children(q) if x.dep_ == "pobj")
    return out


def _prep_object_words(tok, prep: str) -> set[str]:
    return {g.lemma_.lower() for g in _prep_object_tokens(tok, prep)}


def _has_topic_slot(p: Pattern, tok) -> bool:
    """'agreed to an extension', 'called for calm', 'pushed for Y to act': the preposition that
    names the topic is there (heading a clause, it is the clause's marker)."""
    preps = {prep for prep, role in p.prep if role == "topic"}
    return any((c.dep_ == "prep" and c.lower_ in preps) or (c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in preps for g in children(c))) for c in children(tok))


def _compound_subject(tok) -> bool:
    """'The US and Russia met': partners in a reciprocal act are each other's counterpart."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and len(_conj_expand([c])) > 1 for c in children(tok))


# Object nouns that only frame what is really acted on: "mediation efforts", "an inspection
# team". The pattern's object may name the modifier instead. (Amounts, "700 kg of medicine",
# are looked through by `_obj`.)
_FRAME_NOUNS = {"effort", "mission", "process", "programme", "program", "operation", "package",
                "team", "initiative", "work", "activity", "drive", "campaign", "round", "convoy"}


def _object_words(obj) -> set[str]:
    if obj is None:
        return set()
    lemma = obj.lemma_.lower()
    words = {lemma}
    if lemma in _FRAME_NOUNS:
        words |= {c.lemma_.lower() for c in children(obj) if c.dep_ in ("compound", "amod")}
    return words


def _modifiers(noun) -> set[str]:
    """Lemmas of the words that modify an event noun: 'hunger' in 'a hunger strike'."""
    if noun is None:
        return set()
    mods = [c for c in children(noun) if c.dep_ in ("compound", "amod", "nmod")]
    # "the terror alert level": a compound's own compound modifies the phrase too
    mods += [g for c in mods if c.dep_ == "compound" for g in children(c) if g.dep_ in ("compound", "amod")]
    return {c.lemma_.lower() for c in mods}


def _has_target_slot(p: Pattern, tok, obj) -> bool:
    """A pattern that needs a target fits only where the parse offers one: a prep of its own,
    a direct or indirect object (not the light verb's event noun)."""
    heads = [tok] + ([obj] if obj is not None else []) + [
        g for prep, words in p.prep_object for g in _prep_object_tokens(tok, prep) if g.lemma_.lower() in words]
    preps = {prep for prep, role in p.prep if role == "target"}
    for h in heads:
        for c in children(h):
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and not (
                    c.lower_ == "with" and all(is_adjunct_with(g) for g in children(c) if g.dep_ in ("pobj", "pcomp"))):
                return True
    if p.object:
        return any(c.dep_ == "dative" for c in children(tok))
    return any(c.dep_ in _OBJ or c.dep_ in ("dative", "nsubjpass") for c in children(tok)) or p.pos != "VERB"


# Nouns that make a 'with' phrase an adjunct, not a partner: "with the help of", "with the
# signing of the accord", "with the support of", "with the aim of".
_ADJUNCT_WITH_NOUNS = {"help", "support", "assistance", "aid", "backing", "approval", "consent", "blessing",
                       "mediation", "cooperation", "participation", "exception", "aim", "goal", "view",
                       "intention", "purpose", "hope", "regard", "respect", "effect", "result", "end",
                       "conclusion", "start", "launch", "opening", "completion", "adoption", "agreement",
                       "accord", "deal", "treaty", "memorandum", "understanding", "arrival", "departure",
                       "exchange", "release", "return", "withdrawal", "help", "encouragement", "urging"}


def is_adjunct_with(pobj) -> bool:
    """Is the object of a 'with' phrase an event or circumstance ("with the signing of the
    accord", "with the help of mediators") rather than a party one acts with?"""
    if pobj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return False
    lemma = pobj.lemma_.lower()
    return pobj.tag_ == "VBG" or lemma in _ADJUNCT_WITH_NOUNS or (pobj.pos_ == "NOUN" and lemma.endswith("ing"))


_POS_KEY = {"AUX": "VERB", "PROPN": "NOUN"}  # auxiliaries trigger as verbs, names as nouns



_MODIFIER_DEPS = {"compound", "nmod", "amod", "poss"}


def find_triggers(sent, patterns: PatternSet) -> list[Match]:
    """Every token of `sent` that fires a pattern, most specific pattern first.

    Event nouns that only modify another noun ("Joint Training Memorandum", "training
    initiatives") name no event of their own.
    """
    matches, consumed = [], set()
    doc, start, end = bounds(sent)
    v = view(doc)
    lemmas = patterns.lemmas
    for i in [i for i, lemma in enumerate(v.lemma[start:end], start) if lemma in lemmas]:
        pos = v.pos(i)
        if i in consumed or (pos in ("NOUN", "PROPN") and v.dep(i) in _MODIFIER_DEPS):
            continue
        found = patterns.by_lemma.get((_POS_KEY.get(pos, pos), v.lemma[i]))
        if not found:
            continue
        tok = doc[i]
        cand = _Trigger(tok, found[0].pos == "VERB")  # a lemma's patterns share one part of speech
        if found[0].pos == "VERB" and any(p.frame in _FRAMING for p in found) and _takes_infinitive(tok):
            # "agreed with Y to build a road": the verb frames the act it takes (agree to build)
            found = sorted(found, key=lambda p: p.frame not in _FRAMING)
        for p in found:
            if _pattern_fits(p, cand):
                m = Match(p, tok, anchor=tok)
                if p.object:
                    obj = _obj(tok)
                    m.consumed.add(obj.i)
                    consumed.add(obj.i)
                for prep, words in p.prep_object:  # "went on strike": the noun is this event's
                    for g in _prep_object_tokens(tok, prep):
                        if g.lemma_.lower() in words:
                            m.consumed.add(g.i)
                            consumed.add(g.i)
                matches.append(m)
                break
    return [m for m in matches if m.trigger.i not in consumed]


_FRAMING = {"intent", "threat", "request"}


def _takes_infinitive(tok) -> bool:
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and to_infinitive(c) for c in children(tok))


def governing_verb(tok):
    """The verb a noun trigger hangs from ("held" for "talks"; "planning" for "visits")."""
    t = tok
    while t.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "nsubj", "attr", "conj", "appos", "compound") \
            and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def subject_of(verb, depth: int = 0):
    """The subject tokens of a verb, following xcomp/conj/advcl chains up to an ancestor's subject."""
    if verb is None or depth > 4:
        return [], "none"
    passive = is_passive(verb)
    if passive:
        agents = _prep_objects(verb, "by") or _agent_in_gerund(verb) or _trailing_agent(verb)
        if agents:
            return _conj_expand(agents), "syntax"
    subj = [c for c in children(verb) if c.dep_ in _SUBJ]
    if subj:
        return _plural_pronoun_partners(verb, _conj_expand(subj)), "syntax"
    if passive:  # "a shell was fired from Gaza": the place it came from
        origins = _prep_objects(verb, "from")
        return (origins, "origin") if origins else ([], "passive")
    if verb.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        verdict = _verdict_adjective(verb)
        if verdict is not None:  # "X is guilty of violating the truce": X did it
            found, how = subject_of(verdict.head, depth + 1)
            return found, ("inherited" if found else how)
        controller = _controller(verb, head)
        if controller:
            return _conj_expand(controller), "inherited"
        if verb.dep_ == "acl" and head.lemma_.lower() in _INTENT_NOUNS:
            owner = [c for c in children(head) if c.dep_ == "poss"]
            if owner:  # "Peru's decision to close the border": Peru decided
                return _conj_expand(owner), "syntax"
            # "X has no plans to send troops": the planner is the subject of "has"
            found, _ = subject_of(governing_verb(head), depth + 1)
            return found, ("inherited" if found else "none")
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # "troops fighting rebels": the noun acts; "men sought by police": it is acted on.
            acted_on = verb.tag_ == "VBN" and not _misparsed_report_subject(verb, head)
            return ([], "passive") if acted_on else ([head], "inherited")
        found, how = subject_of(head if head.pos_ in ("VERB", "AUX") else governing_verb(head), depth + 1)
        return found, ("inherited" if found else how)
    return [], "none"


def _misparsed_report_subject(verb, head) -> bool:
    """'Air strikes killed 30 people in X, medics said': the parser takes 'killed' for a reduced
    relative on 'strikes' and 'strikes' for the subject of 'said'. A participle with a direct
    object of its own, on a noun that is a second subject of a verb of saying, is the clause's verb."""
    from eventwire.extraction.attribution import REPORT_VERBS

    return head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORT_VERBS and \
        any(c.dep_ == "dobj" for c in children(verb)) and any(c.dep_ in _SUBJ for c in children(head.head)
                                                            if c.i != head.i)  # the real speaker


# Adjectives that say their subject did the act in their complement ("guilty of violating").
_VERDICT_ADJECTIVES = {"guilty", "responsible", "culpable"}


def _verdict_adjective(verb):
    """'are guilty of violating', 'was responsible for shelling': the adjective the gerund
    hangs from (through its preposition), when it is said of the clause subject."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    adj = prep.head
    ok = adj.pos_ == "ADJ" and adj.lemma_.lower() in _VERDICT_ADJECTIVES and adj.dep_ in ("acomp", "attr")
    return adj if ok and adj.head.i != adj.i else None


def _controller(verb, head) -> list:
    """Who does what a subjectless clause says when it is not the head's subject.

    "X is scheduled / was asked / was forced to attend": the passive head's subject does the
    infinitive, not the one who scheduled or asked. "jailed X for helping militants", "accused
    X of arming the rebels": the gerund after for/of is done by the head verb's object."""
    if is_passive(head) and (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and to_infinitive(verb))):
        return [c for c in children(head) if c.dep_ in _PASS_SUBJ and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in ("for", "of") and head.dep_ == "prep":
        governor = head.head  # "X was jailed for helping": the passive subject, not the jailer
        deps = _PASS_SUBJ if is_passive(governor) else {"dobj"}
        if governor.pos_ in ("VERB", "AUX"):
            return [c for c in children(governor) if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return []


def _agent_in_gerund(verb) -> list:
    """'was accused of stealing funds by the police': the parser hangs the passive's agent on
    the gerund it follows; a gerund takes no 'by' agent of its own, so it is the verb's."""
    return [a for c in children(verb) if c.dep_ == "prep" for g in children(c)
            if g.dep_ == "pcomp" and g.tag_ == "VBG"
            for a in _prep_objects(g, "by") if a.pos_ in ("NOUN", "PROPN")]


# Verbs of accusing and blaming: in the passive their accuser often comes last, after a long
# complement ("was accused of diverting funds, most of it abroad, by the new government").
_ACCUSING = {"accuse", "blame", "charge", "criticise", "criticize", "condemn", "denounce", "censure",
             "fault", "rebuke", "reprimand", "slam", "chide", "castigate", "indict"}


def _trailing_agent(verb) -> list:
    """The 'by' phrase that closes the sentence after a comma, when the passive accusing verb
    has none of its own: the parser hangs it on whatever came last, but set off by the comma
    and ending the clause, it is the accusing verb's agent."""
    if verb.lemma_.lower() not in _ACCUSING or not any(c.dep_ in _PASS_SUBJ for c in children(verb)):
        return []
    doc, _, end = bounds(sent_of(verb))
    while end > verb.i + 1 and doc[end - 1].is_punct:
        end -= 1
    for i in range(verb.i + 2, end):
        by = doc[i]
        if by.lower_ != "by" or doc[i - 1].text != "," or by.head.i == verb.i:
            continue
        objs = [g for g in children(by) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
        if objs and objs[-1].right_edge.i == end - 1:
            return _conj_expand(objs)
    return []


_PLURAL_PRONOUNS = {"they", "we"}


def _plural_pronoun_partners(verb, subj: list) -> list:
    """'Kenya and Uganda said they will ...': a plural pronoun subject of a reported clause is
    the compound subject of the verb that reports it."""
    if len(subj) != 1 or subj[0].lower_ not in _PLURAL_PRONOUNS or verb.dep_ != "ccomp":
        return subj
    speakers = [c for c in children(verb.head) if c.dep_ == "nsubj"]
    partners = _conj_expand(speakers)
    return partners if len(partners) > 1 else subj


def fill_roles(m: Match) -> Match:
    """Find the source and target head tokens for a match."""
    tok, p = m.trigger, m.pattern
    if is_modal_trigger(tok):  # "Y must cooperate": the modal's clause is its verb's
        m.anchor = tok.head
        m.sources, how = subject_of(tok.head)
        m.via.add(how)
    elif p.pos in ("VERB", "ADJ"):
        _fill_verb(m, tok, p)
    else:
        _fill_noun(m, tok, p)
    m.sources = [s for s in m.sources if s.i != tok.i]
    m.targets = [t for t in m.targets if t.i != tok.i and all(t.i != s.i for s in m.sources)]
    return m


def is_modal_trigger(tok) -> bool:
    """A modal auxiliary as the trigger ('must'): it says how its verb's act is put."""
    return tok.dep_ == "aux" and tok.tag_ == "MD" and tok.head.i != tok.i


def _fill_verb(m: Match, tok, p: Pattern) -> None:
    if p.pos == "ADJ" and tok.dep_ in ("acomp", "attr", "amod") and tok.head.i != tok.i:
        m.sources, how = subject_of(tok.head)
    else:
        m.sources, how = subject_of(tok)
    m.via.add(how)
    if p.subject == "target":  # "Kyiv received arms from Berlin": the giver is named by a prep
        m.targets, m.sources = m.sources, []
    adj = complement_adjective(tok, p.complement) if p.complement else None
    heads = [tok] + [tok.doc[i] for i in m.consumed] + ([adj] if adj is not None else [])
    for prep, role in p.prep:
        for h in heads:
            found = _conj_expand(_prep_objects(h, prep))
            if prep == "with":  # "with the signing of the accord, X agreed ...": no partner
                found = [f for f in found if not is_adjunct_with(f)]
            (m.sources if role == "source" else m.targets if role == "target" else []).extend(found)
    if not p.object:
        obj = _obj(tok) if not is_passive(tok) else None
        if obj is not None and not any(r == "target" for _, r in p.prep) or (obj is not None and not m.targets):
            m.targets.extend(_conj_expand([obj]))
        dative = [c for c in children(tok) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]
        m.targets.extend(dative)
        if is_passive(tok) and not m.targets:
            m.targets.extend(_conj_expand([c for c in children(tok) if c.dep_ in _PASS_SUBJ]))
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not m.targets:
            m.targets.append(tok.head)
        if adj is not None:
            _complement_subject(m, adj)
    else:
        obj = tok.doc[next(iter(m.consumed))] if m.consumed else _obj(tok)
        m.targets.extend(c for c in children(tok) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"))
        if obj is None:
            return
        for prep in ("with", "to", "against", "from", "of", "on"):
            if not m.targets:  # "talks with X", "an offer from X", "inspectors of X", "sanctions on X"
                m.targets.extend(_conj_expand(_prep_objects(obj, prep)))
        if not m.targets:  # "attended the Beijing Olympics", "demolished the Russian embassy"
            m.targets.extend(c for c in children(obj) if c.dep_ in ("compound", "nmod", "amod", "poss")
                             and c.ent_type_ in ("GPE", "NORP"))
        if p.poss:
            possessors = [c for c in children(obj) if c.dep_ == "poss"]
            (m.sources if p.poss == "source" else m.targets).extend(possessors)


def _complement_subject(m: Match, adj) -> None:
    """'would hold Moscow accountable' is parsed as a small clause, Moscow the subject of
    'accountable': the one held to account is the target; in "held two engineers hostage"
    the engineers come as the noun's compound. The complement itself is none."""
    m.targets = [t for t in m.targets if t.i != adj.i]
    if not m.targets:
        m.targets.extend(_conj_expand([c for c in children(adj) if c.dep_ in ("nsubj", "compound")]))


def _fill_noun(m: Match, tok, p: Pattern) -> None:
    for prep, role in p.prep:
        found = _conj_expand(_prep_objects(tok, prep))
        (m.sources if role == "source" else m.targets if role == "target" else []).extend(found)
    _misattached_preps(m, p)
    if p.cameo[:2] == "14":  # "protests against the violations by the army": aimed at the army
        m.targets.extend(a for t in list(m.targets) if t.pos_ == "NOUN" for a in _prep_objects(t, "by"))
    possessors = [c for c in children(tok) if c.dep_ == "poss"]
    if possessors and not m.sources and (p.poss or "source") == "source":
        m.sources.extend(possessors)
    elif possessors and p.poss == "target":
        m.targets.extend(possessors)
    compounds = [c for c in children(tok) if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")]
    if compounds and not m.sources:
        m.sources.extend(compounds[:1])
    verb = governing_verb(tok)
    m.anchor = verb or tok
    if not m.sources and verb is not None and tok.dep_ in ("dobj", "obj", "nsubjpass", "attr", "conj"):
        found, how = subject_of(verb)
        m.sources.extend(found)
        m.via.add(how)
    elif not m.sources and verb is not None and (
            (used := _used_as(tok, verb)) or _engaged_in(tok, verb) or _fought_beside(tok, verb, p)):
        # "rebels engaged peacekeepers in a firefight", "the army used villagers as human shields"
        found, how = subject_of(verb)
        m.sources.extend(found)
        m.via.add(how)
        if not m.targets:  # villagers "were used as human shields": the passive's subject
            acted_on = ("nsubjpass",) if used and is_passive(verb) else _OBJ
            m.targets.extend(c for c in children(verb) if c.dep_ in acted_on)
    elif not m.sources:
        m.via.add("none")


_JOINING_VERBS = {"join", "participate", "converge", "gather", "assemble", "turn", "flock", "stream",
                  "march", "come", "head", "mass", "rally", "take"}


def _engaged_in(tok, verb) -> bool:
    """An event noun in a phrase on the clause verb that makes its subject a party:
    "engaged X in a firefight", "converged for a rally", "took part in the protest"."""
    if tok.dep_ != "pobj" or tok.head.head.i != verb.i:
        return False
    prep, lemma = tok.head.lower_, verb.lemma_.lower()
    if prep == "on":
        return tok.lemma_.lower() in ("alert", "standby")  # "troops remained on alert"
    if lemma in _JOINING_VERBS:
        return prep in ("in", "into", "for", "at", "to")
    return prep in ("in", "into") and lemma not in ("kill", "die", "wound")


def _used_as(tok, verb) -> bool:
    """"held villagers as human shields": an event noun in an 'as' phrase on the clause verb or
    on its object names what the subject did to the object."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "as":
        return False
    on = tok.head.head
    return on.i == verb.i or (on.dep_ in _OBJ and on.head.i == verb.i)


# "retook the village after fierce fighting with the rebels": a fight named beside the clause's
# act, with its counterpart, was the clause subject's. Not for what befalls the subject.
_BESIDE_PREPS = {"after", "during", "following"}
_UNDERGONE = {"die", "kill", "wound", "injure", "hurt", "flee", "leave", "evacuate", "say", "report",
              "resign", "arrest", "detain", "close", "cancel", "postpone", "suspend", "condemn", "be",
              "impose", "declare", "warn", "urge", "call", "meet", "sign", "displace", "strand", "trap"}
# What demonstrators do during a demonstration: "threw stones during protests against X".
_PROTEST_ACTS = {"throw", "hurl", "burn", "chant", "shout", "wave", "march", "torch", "stone", "clash",
                 "block", "barricade", "smash", "loot"}


def _fought_beside(tok, verb, p: Pattern) -> bool:
    if tok.dep_ != "pobj" or tok.head.head.i != verb.i or tok.head.lower_ not in _BESIDE_PREPS:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _UNDERGONE or is_passive(verb):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in children(tok)):
        return False  # "after fighting between X and Y": neither need be the subject
    if p.cameo[:2] == "19":
        return True
    return p.cameo[:2] == "14" and tok.head.lower_ == "during" and lemma in _PROTEST_ACTS


def _misattached_preps(m: Match, p: Pattern) -> None:
    """'a visit by its head to Ankara': the parser often hangs 'to Ankara' on 'head'."""
    for prep, role in p.prep:
        bucket = m.targets if role == "target" else None  # a source is never borrowed this way:
        if bucket is None or bucket:  # "protests against violations by the army" - not the army's
            continue
        for other in list(m.sources) + list(m.targets):
            bucket.extend(_prep_objects(other, prep))


_CHARGE_NOUNS = {"charge", "allegation", "accusation"}
# What an arrest's charge accuses of (CAMEO 1121-1125), by the crime's word; anything else 112.
_CRIME_CODES = {
    **dict.fromkeys(("treason", "espionage", "spying", "spy", "sedition", "subversion", "sabotage",
                     "collaboration", "collaborate", "betray", "betrayal", "treachery"), "1125"),
    **dict.fromkeys(("corruption", "fraud", "bribery", "bribe", "graft", "embezzlement", "embezzle",
                     "theft", "steal", "murder", "smuggling", "smuggle", "trafficking", "laundering",
                     "robbery", "extortion", "kidnapping", "terrorism", "evasion", "crime", "misuse"), "1121"),
    **dict.fromkeys(("torture", "abuse", "rape", "mistreatment"), "1122"),
    **dict.fromkeys(("genocide", "atrocity", "massacre"), "1124"),
}


def charge_code(verb) -> str | None:
    """An arrest 'on charges of treason', 'on allegations of corruption', or of someone 'accused
    of spying' also accuses the one arrested: the CAMEO accusation code (112, or 1121-1125 by
    the crime named), None when no charge is given. Looks at the verb (or arrest noun) and its
    object, not the whole sentence."""
    obj = _obj(verb) if verb.pos_ in ("VERB", "AUX") else None
    for head in (verb, obj) if obj is not None else (verb,):
        for c in children(head):
            if c.dep_ == "prep" and c.lower_ in ("on", "over"):
                charge = next((g for g in children(c) if g.dep_ == "pobj" and g.lemma_.lower() in _CHARGE_NOUNS), None)
            elif c.dep_ == "prep" and c.lower_ == "for":  # "jailed for alleged sedition"
                crime = next((g for g in children(c) if g.dep_ == "pobj" and any(
                    a.dep_ == "amod" and a.lower_ in ("alleged", "suspected") for a in children(g))), None)
                if crime is not None:
                    return _CRIME_CODES.get(crime.lemma_.lower(), "112")
                continue
            elif c.dep_ == "acl" and c.lemma_.lower() == "accuse" and c.tag_ == "VBN":
                charge = c
            else:
                continue
            if charge is not None:
                return _crime_code(charge)
    return None


def _crime_code(charge) -> str:
    crimes = [c for c in children(charge) if c.dep_ == "compound"]
    crimes += [g for c in children(charge) if c.dep_ == "prep" and c.lower_ == "of"
               for g in children(c) if g.dep_ in ("pobj", "pcomp")]
    for crime in crimes:
        if crime.lemma_.lower() == "crime" and any(m.lemma_.lower() == "war" for m in children(crime)):
            return "1124"
        code = _CRIME_CODES.get(crime.lemma_.lower())
        if code:
            return code
    return "112"


def complement_targets(token) -> list:
    """Objects of the action a framing verb introduces: "threatened to cut power to X",
    "urged Y to leave", "refused to let Z in"."""
    out = [c for c in children(token) if c.dep_ in _OBJ or c.dep_ == "dative"]
    for comp in (c for c in children(token) if c.dep_ in ("xcomp", "ccomp")):
        out += [c for c in children(comp) if c.dep_ in _OBJ or c.dep_ == "dative"]
        for prep in ("to", "against", "with", "on", "from", "into"):
            out += _prep_objects(comp, prep)
            out += [g for c in children(comp) if c.dep_ in _OBJ for g in _prep_objects(c, prep)]
    return _conj_expand(out)  # "blows to the United States and Israel": each one a target


def clause_subjects(token) -> list:
    """Subjects of the finite clauses a verb takes: "demanded that Y and Z accept" -> Y, Z (not
    the infinitive's "wanted Y to go", whose Y the verb's own object rules cover)."""
    comps = [c for c in children(token) if c.dep_ == "ccomp"
             and not to_infinitive(c)]
    return _conj_expand([g for c in comps for g in children(c)
                         if g.dep_ in ("nsubj", "nsubjpass") and g.pos_ != "PRON"])


_LEAVING = {"flee", "escape", "leave", "expel", "deport", "order", "drive", "force", "evacuate", "chase", "come"}


def origin_places(noun) -> list:
    """Places people come from: 'refugees from X', 'families fleeing X', 'migrants ordered out
    of X'. Only names of places count."""
    out = _prep_objects(noun, "from")
    for c in children(noun):
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _LEAVING:
            out += left_places(c)
    # "opened its borders to Xs ordered out of Y": the participle is often hung on the verb
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        out += [g for c in children(verb) if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBD") and c.i > noun.i
                and c.lemma_.lower() in _LEAVING and not any(s.dep_ in _SUBJ for s in children(c))
                for g in left_places(c)]
    return [t for t in out if t.ent_type_ in ("GPE", "NORP", "LOC")]


def left_places(verb) -> list:
    """What a verb of leaving names as left: 'fleeing X', 'expelled from X', 'ordered out of X'."""
    out = [g for g in children(verb) if g.dep_ in _OBJ] + _prep_objects(verb, "from")
    out += [g for p in children(verb) if p.dep_ == "prep" and p.lower_ == "out"
            for o in children(p) if o.lower_ == "of" for g in children(o) if g.dep_ == "pobj"]
    out += [g for p in children(verb) if p.dep_ in ("prt", "advmod") and p.lower_ == "out"
            for g in _prep_objects(verb, "of")]
    return out


def place_objects(token) -> list:
    """Objects of 'in'/'inside' on the verb or its object: "lifted a curfew in Montenegro"."""
    heads = [token] + [c for c in children(token) if c.dep_ in _OBJ]
    return [g for h in heads for g in _prep_objects(h, "in") + _prep_objects(h, "inside")]


def role_path(a, b) -> int:
    """Dependency distance between two tokens (for choosing among candidates)."""
    ancestors_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in ancestors_a:
            return n + ancestors_a[t.i]
    return 99


def is_complement(tok, head) -> bool:
    """Is `tok` inside the complement of `head` (within three steps down)?"""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        if t.head.i == head.i:  # "its demand that Y withdraw": a clause on an event noun
            return t.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp") or (
                # "was pressed by donors to release them": the parser's advcl is the complement
                t.dep_ == "advcl" and head.tag_ == "VBN" and is_passive(head) and to_infinitive(t)) or (
                t.dep_ == "acl" and head.pos_ == "NOUN" and t.pos_ in ("VERB", "AUX"))
        t = t.head
    return False


def protest_served(m, matches):
    """The protest whose purpose clause holds the demand `m` ('began a hunger strike to demand
    X'), or None. PLOVER: demands made by demonstrating are PROTEST, not a second event."""
    if m.pattern.frame != "request" and m.pattern.cameo[:2] not in ("02", "10"):
        return None
    clause = governing_verb(m.trigger) or m.trigger
    if clause.dep_ not in ("advcl", "xcomp") or not any(c.lower_ == "to" for c in children(clause)):
        return None
    return next((p for p in matches if p.pattern.cameo[:2] == "14" and clause.head.i in (p.trigger.i, p.anchor.i)),
                None)


# Sport: "X's cricket team thrashed Y by nine wickets", "X beat Y 3-1 in the World Cup". A team,
# a sport, a competition or a score on the verb makes the contest a game, not force.
SPORT_WORDS = {"cricket", "football", "soccer", "rugby", "tennis", "hockey", "basketball", "volleyball",
               "baseball", "handball", "team", "squad", "wicket", "innings", "goal", "cup", "league",
               "tournament", "championship", "semifinal", "quarterfinal", "qualifier", "match", "fixture",
               "olympics", "olympic", "derby", "medal"}


def _score(tok) -> bool:
    """'3-1' (one token or three), '2 - 0'."""
    t = tok.text
    if "-" in t:
        a, _, b = t.partition("-")
        return a.isdigit() and b.isdigit()
    if not t.isdigit() or tok.i + 2 >= len(tok.doc):
        return False
    doc = tok.doc
    return doc[tok.i + 1].text == "-" and doc[tok.i + 2].text.isdigit()


def sport_contest(verb) -> bool:
    """The verb's subject is a team, or a score, a sport or a competition hangs on the verb."""
    if verb.pos_ != "VERB":
        return False
    for c in children(verb):
        if c.dep_ in _SUBJ:
            if c.lemma_.lower() in SPORT_WORDS or any(
                    g.dep_ in ("compound", "amod") and g.lemma_.lower() in SPORT_WORDS for g in children(c)):
                return True
        elif c.dep_ == "prep" and c.lower_ in ("by", "in"):
            for o in children(c):
                if o.dep_ == "pobj" and (o.lemma_.lower() in SPORT_WORDS or any(
                        g.dep_ in ("compound", "amod") and g.lemma_.lower() in SPORT_WORDS for g in children(o))):
                    return True
        elif c.dep_ in ("npadvmod", "dobj", "nummod", "advmod") and c.like_num and _score(c):
            return True
        elif c.dep_ in ("dobj", "obj"):  # "thrashed Italy 4-1": the score hangs on the object
            if any(g.like_num and _score(g) for g in children(c)):
                return True
    return False
