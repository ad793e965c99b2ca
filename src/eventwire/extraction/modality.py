"""The final CAMEO code of a match: the pattern's code, reshaped by its frame and modality.

CAMEO codes what is done in the telling: announcing a cooperative act is an intent (03),
announcing a hostile one is a threat (13), asking for an act is an appeal (02), refusing it
a rejection (12). A framing verb ("agreed to", "threatened to", "urged ... to", "refused to")
takes its sub-code from the action it introduces.
"""

from __future__ import annotations

from eventwire.extraction.docview import children, to_infinitive

from eventwire.extraction import status
from eventwire.extraction.codes import appeal_code, demand_code, intent_code, reject_code, threat_code

# Intent words that say only that something is planned: without a codable action after them
# ("prepared to attend the games") there is nothing to code.
_CONTENTLESS_INTENT = {"plan", "prepare", "intend", "aim", "ready", "willing", "prepared", "eager",
                       "keen", "poised", "determined", "seek", "try", "attempt", "hope", "want"}
_REFUSAL_LEMMAS = {"refuse", "decline", "reject", "rebuff", "veto", "block"}


def is_framing(pattern, trigger) -> bool:
    """Does this match introduce another action whose own event it replaces?"""
    if trigger.lemma_.lower() in _SPEECH_VERBS and not _has_xcomp(trigger):
        return False  # '"...," she told reporters': the quote is reported, not requested
    if pattern.frame in ("intent", "threat", "request"):
        return True
    if pattern.frame == "denial":  # what a denial covers becomes a denied claim, not a code
        return False
    return pattern.cameo[:2] == "12" and trigger.lemma_.lower() in _REFUSAL_LEMMAS and not declines_comment(pattern, trigger)


def _reshaped(mapper, embedded_code: str, own: str) -> str:
    mapped = mapper(embedded_code)
    return mapped if mapped != embedded_code else own


_HOSTILE_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
_FORCE_ROOTS = {"18", "19", "20"}
# Words that report armed readiness rather than a stated intention (PLOVER MOBILIZE: "military
# posturing falls short of actual use of force"; THREATEN "is typically verbal").
_POSTURE_WORDS = {"prepare", "prepared", "poised", "mass", "gear"}
_SPEECH_VERBS = {"tell", "ask", "say", "write", "inform", "call"}


# Vowing to fight: "swore to fight on", "vowed to retaliate against Y" threaten force (138).
_FIGHT_VERBS = {"fight", "retaliate", "avenge", "battle", "resist"}
# Whom one fights with arms, as a fight's object ("vowed to fight the invaders")
_FOES = {"rebel", "army", "troop", "force", "militant", "insurgent", "enemy", "occupier", "invader",
         "occupation", "invasion", "regime", "soldier", "militia", "guerrilla", "separatist", "jihadist",
         "aggressor", "aggression", "government", "police", "fighter"}


_ATTEMPT_WORDS = {"attempt", "try", "bid"}


def _attempted(trigger) -> bool:
    """The act is what someone attempted ('tried to kill', 'an attempt to assassinate')."""
    head = trigger.head
    return trigger.dep_ in ("xcomp", "acl", "advcl") and head.i != trigger.i and \
        head.lemma_.lower() in _ATTEMPT_WORDS and to_infinitive(trigger)


def vowed_fight(pattern, trigger, embedded) -> str | None:
    """A vow or threat to fight whose fight no pattern codes (it names no foe by 'with' or
    'against'): "force" for armed struggle ("swore to fight on until ...", "vowed to retaliate",
    "pledged to fight the invaders"), "cause" for fighting for or against a thing ("vowed to
    fight for their rights", "pledged to fight corruption"), else None."""
    if embedded is not None or pattern.frame not in ("intent", "threat"):
        return None
    for c in children(trigger):
        if c.dep_ not in ("xcomp", "advcl") or c.lemma_.lower() not in _FIGHT_VERBS or c.pos_ != "VERB":
            continue
        if not to_infinitive(c):
            continue
        kids = children(c)
        if any(g.dep_ == "prep" and g.lower_ == "for" for g in kids):
            return "cause"
        obj = next((g for g in kids if g.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() not in _FOES and obj.ent_type_ not in ("GPE", "NORP", "ORG"):
            return "cause"
        return "force"
    return None


def is_contentless(pattern, trigger, embedded) -> bool:
    """An intent word with no codable action: "X is preparing to attend ..." codes nothing,
    and an intent verb with no complement at all ("undertook a mission") states no intent.
    Vowing to fight for a cause is no codable intent either."""
    vow = vowed_fight(pattern, trigger, embedded)
    if vow is not None:  # the parser may hang "to fight" as an adverbial clause
        return vow == "cause"
    if pattern.frame not in ("intent", "request"):
        return False
    if trigger.lemma_.lower() in _SPEECH_VERBS:  # "told reporters", "asked journalists"
        return not _has_xcomp(trigger) and not _own_prep(pattern, trigger)  # "called for a probe"
    if embedded is not None:
        return False
    has_complement = any(c.dep_ in ("xcomp", "ccomp") for c in children(trigger))
    if pattern.frame == "request" and _wants_for_itself(trigger):
        return trigger.lemma_.lower() in _CONTENTLESS_INTENT  # "wants to help": no codable act
    if pattern.frame == "request":  # "calling them speculation" is no call on anyone
        own_prep = _own_prep(pattern, trigger)
        asked_for = trigger.lemma_.lower() not in _SPEECH_VERBS and any(
            c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN") for c in children(trigger))
        return not has_complement and not pattern.object and not own_prep and not asked_for
    return trigger.lemma_.lower() in _CONTENTLESS_INTENT or not has_complement


def _own_prep(pattern, trigger) -> bool:
    """The trigger has a preposition its pattern names: 'called for', 'asked Y for'."""
    return any(c.dep_ == "prep" and pattern.prep_role(c.lower_) and not _is_time(c) for c in children(trigger))


def _is_time(prep) -> bool:
    """'called Putin on Friday': a date is no one called on."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in children(prep))


def _wants_for_itself(trigger) -> bool:
    """'X wants to do': a to-infinitive and nobody addressed, so the wish is X's own plan."""
    return _has_xcomp(trigger) and not _addressed(trigger)


# Appeal verbs that name the one addressed with a preposition: "appealed to Y to free",
# "pleaded with Y to stop" ask Y to act; the speaker states no intent of its own.
_ADDRESSING_PREPS = {"appeal": ("to",), "plead": ("with",), "call": ("on", "upon")}


def _addressed(trigger) -> bool:
    """'urged Y', 'called on Y', 'appealed to Y': the request names whom it is made to."""
    preps = _ADDRESSING_PREPS.get(trigger.lemma_.lower(), ()) + ("on", "upon")
    return any(c.dep_ in ("dobj", "dative", "obj") for c in children(trigger)) or any(
        c.dep_ == "prep" and c.lower_ in preps for c in children(trigger))


def _agreement_to_act(trigger) -> bool:
    """The agreement noun (the trigger or its object) takes a to-infinitive: 'a deal to swap ...'."""
    nouns = [trigger] + [c for c in children(trigger) if c.dep_ in ("dobj", "obj")]
    return any(c.dep_ in ("acl", "relcl") and to_infinitive(c)
               for n in nouns for c in children(n))


def _has_xcomp(trigger) -> bool:
    return any(c.dep_ == "xcomp" for c in children(trigger))


def _self_directed(trigger, embedded) -> bool:
    """'X seeks to deepen ties': the seeker will act itself (intent), nobody is asked."""
    return embedded.trigger.dep_ == "xcomp" and embedded.trigger.head.i == trigger.i and not _addressed(trigger)


# "declined to comment", "refused to elaborate": CAMEO 011 Decline comment, not a rejection (12)
_COMMENT_VERBS = {"comment", "elaborate"}


def declines_comment(pattern, trigger) -> bool:
    return pattern.cameo[:2] == "12" and trigger.lemma_.lower() in _REFUSAL_LEMMAS and any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _COMMENT_VERBS for c in children(trigger))


def final_code(pattern, trigger, anchor, reading, embedded, speaker_source: bool) -> str:
    """`speaker_source`: the doer is someone other than the clause's subject (the speaker, or
    an analyst-given source), so "Y must do X" is that doer's appeal, not Y's act."""
    """The code for a match given its status reading and the action it frames, if any."""
    own = pattern.cameo
    if declines_comment(pattern, trigger):
        return "011"
    if vowed_fight(pattern, trigger, embedded) == "force":
        return "138"
    if embedded is not None and is_framing(pattern, trigger):
        inner = embedded.pattern.cameo
        if pattern.frame == "intent" and inner[:2] in _FORCE_ROOTS and trigger.lemma_.lower() in _POSTURE_WORDS:
            return "152"  # "prepared to resume shelling": readying force is a force posture (MOBILIZE)
        self_directed = pattern.frame == "request" and _self_directed(trigger, embedded)
        if (pattern.frame == "intent" or self_directed) and inner[:2] in _HOSTILE_ROOTS:
            return threat_code(inner)  # "plans to impose a ban", "wants to attack Y": a threat
        if pattern.frame == "intent" or self_directed:
            return _reshaped(intent_code, inner, own if pattern.frame == "intent" else "030")
        if pattern.frame == "threat":
            return threat_code(inner)
        if pattern.frame == "request":
            asked = _reshaped(appeal_code, inner, own)
            return demand_code(asked) if own[:2] == "10" else asked
        return _reshaped(reject_code, inner, own)
    if own == "186" and _attempted(trigger):
        return "185"  # "attempted to assassinate", "an attempt to assassinate": CAMEO 185
    if own[:3] == "057" and _agreement_to_act(trigger):
        # "reached a consensus to exchange data": an agreement to do something later is the
        # intent to do it (PLOVER AGREE); signing or concluding an accord stays 057
        return _reshaped(intent_code, embedded.pattern.cameo, "030") if embedded is not None else "030"
    if reading.refusal:  # "will not give aid": a rejection; "will not attack": de-escalation
        return "0356" if own[:2] in _HOSTILE_ROOTS else reject_code(own)
    announced = reading.status == "planned" or (reading.status == "hypothetical" and reading.conditional)
    if announced and pattern.frame == "event" and reading.report_noun is None:
        if own[:2] in ("14", "15", "16", "17", "18", "19", "20"):
            return threat_code(own)
        return intent_code(own)
    if pattern.frame == "event" and speaker_source and status.obligation(anchor):
        return appeal_code(own)
    return own
