"""Status of an event: asserted, planned, denied, hypothetical or claimed.

Read off the parse around the trigger: negation, future and intent markers, conditionals, and
report nouns ("reports that ...", "claims ...") whose content the story does not assert.
"""

from __future__ import annotations

from eventwire.extraction.docview import children, to_infinitive

from dataclasses import dataclass

PLAN_VERBS = {"plan", "intend", "prepare", "aim", "seek", "want", "hope", "expect", "decide",
              "pledge", "promise", "vow", "propose", "schedule", "set", "agree", "offer", "threaten",
              "consider", "mull", "weigh", "wish", "ready", "willing", "going"}
# "tried to storm", "attempted to assassinate": the attempt is the act, not a plan (not listed)
PLAN_NOUNS = {"plan", "intention", "proposal", "bid", "offer", "pledge", "promise", "aim", "goal",
              "purpose", "objective", "intent"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_HYPO = {"would", "could", "might", "may"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
REPORT_NOUNS = {"report", "claim", "allegation", "rumor", "rumour", "speculation", "suggestion",
                "assertion", "account", "story", "news"}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebuff", "push", "brush", "rule", "debunk",
                "disown", "contradict", "discount", "downplay", "rubbish", "slam"}
HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
NEGATIONS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class StatusReading:
    status: str
    cue: str | None = None  # the word that decided it, for the rule trail
    report_noun: object = None  # the report/claim noun governing a claimed or denied event
    denier: object = None  # the denial verb governing that report noun
    refusal: bool = False  # "will not provide": a refusal now, not a denial of a past act
    condition: bool = False  # the act is the condition itself ("unless Y resigns"): nothing is done
    conditional: bool = False  # the act hangs on a condition ("will impose tariffs if ..."): a conditional threat or promise

    @property
    def speculative(self) -> bool:
        """Hypothetical with no condition its doer sets: 'an attack could trigger a war', 'whether
        Y will lift sanctions', 'had X known, it would have ...'. Not an event, at most a claim."""
        return self.status == "hypothetical" and not self.conditional


def _path_up(tok, stop=None):
    """The trigger's clause chain up to (not past) a reporting verb or the sentence root."""
    chain, t = [tok], tok
    while t.head.i != t.i and (stop is None or t.i != stop.i):
        t = t.head
        chain.append(t)
    return chain


def _negated(tok) -> str | None:
    for c in children(tok):
        if c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det", "neg")):
            return c.text
    return None


def _future(tok) -> str | None:
    for c in children(tok):
        if c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX:
            return c.text
    return None


def _report_noun_above(chain):
    """A report noun governing the event: "reports that X ...", or "pushing back on claims X ..."."""
    for n, t in enumerate(chain[1:], 1):
        if t.lemma_.lower() in REPORT_NOUNS and t.pos_ == "NOUN":
            return t
        if chain[n - 1].dep_ in ("ccomp", "xcomp", "acl"):
            sibling = _report_noun_child(t)
            if sibling is not None and sibling.i < chain[n - 1].i:
                return sibling
    return None


def _report_noun_child(verb):
    for c in children(verb):
        objs = [c] if c.dep_ in ("dobj", "obj") else [g for g in children(c) if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        for o in objs:
            if o.lemma_.lower() in REPORT_NOUNS and o.pos_ == "NOUN":
                return o
    return None


def _denier_of(noun):
    t = noun
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX", "ADJ"):
            return t if t.lemma_.lower() in DENIAL_VERBS else None
    return None


def read_status(trigger, anchor, boundary=None) -> StatusReading:
    """The status of the event triggered at `trigger` (clause verb `anchor`)."""
    chain = _path_up(anchor)
    if anchor.i != trigger.i:
        chain = [trigger] + chain
    upto = chain if boundary is None else chain[: next((i for i, t in enumerate(chain) if t.i == boundary.i),
                                                        len(chain))]
    noun = _report_noun_above(upto)
    if noun is not None:
        denier = _denier_of(noun)
        return StatusReading("denied" if denier is not None else "claimed", noun.text, noun, denier)
    alleger = _allegation_above(upto)
    if alleger is not None:
        return StatusReading("claimed", alleger.text)
    denier = _denial_above(upto)
    if denier is not None:
        return StatusReading("denied", denier.text, None, denier)
    inverted = _inverted_condition(upto)
    if inverted is not None:  # "Should X invade Y, ...", "Were X to attack ...", "Had X not ..."
        return StatusReading("hypothetical", inverted.text, condition=True)
    for t in upto[:3]:
        if t.i != trigger.i and t.lemma_.lower() in DIRECT_DENIAL_VERBS:
            continue  # "did not deny that its jets bombed": no denial of the bombing
        neg = _negated(t)
        if neg:
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | MODAL_HYPO | {"can", "ca"} for c in children(t)):
                return StatusReading("asserted", neg, refusal=True)
            return StatusReading("denied", neg)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children(t)):
            break  # "whether Y will lift sanctions is not known": the 'not' is not Y's
    return _modality(upto)


ALLEGE_VERBS = {"allege", "claim", "contend"}


def _allegation_above(chain):
    """'X alleged / claimed that Y attacked Z': the attack is X's claim, not the story's fact."""
    for below, t in zip(chain, chain[1:4]):
        if below.dep_ == "ccomp" and t.lemma_.lower() in ALLEGE_VERBS and t.pos_ == "VERB":
            return t
        # "accused Y of arming the rebels", "charged Y with smuggling arms": the act is alleged
        if below.dep_ == "pcomp" and t.dep_ == "prep" and t.head.i != t.i and \
                (t.lower_, t.head.lemma_.lower()) in _ACCUSED_OF and t.head.pos_ == "VERB":
            return t.head
    return None


# Verbs whose clause is what the subject says did not happen: "X denied that its jets bombed
# the market", "X denied attacking the convoy".
DIRECT_DENIAL_VERBS = {"deny", "refute", "dispute", "disclaim"}


def _denial_above(chain):
    for below, t in zip(chain, chain[1:4]):
        if (below.dep_ in ("ccomp", "xcomp") and t.lemma_.lower() in DIRECT_DENIAL_VERBS
                and t.pos_ == "VERB" and _negated(t) is None):
            return t
    return None


_ACCUSED_OF = {("of", "accuse"), ("of", "suspect"), ("with", "charge")}


def _reported(verb) -> bool:
    from eventwire.extraction.attribution import REPORT_VERBS

    head = verb.head
    return verb.dep_ in ("ccomp", "xcomp", "conj") and head.lemma_.lower() in REPORT_VERBS | PLAN_VERBS


# Inverted conditionals put the auxiliary before the subject: "Should X invade Y, ...",
# "Were X to attack Y, ...", "Had X known, ...". "Should" is an open condition (like "if");
# "were" and "had" are counterfactual.
INVERTED_AUX = {"should", "were", "had"}


def _inverted_aux(verb):
    """The auxiliary of an inverted conditional clause headed by `verb`, or None."""
    subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return None
    if verb.lower_ == "were" and verb.i < subj.i and any(
            c.dep_ in ("xcomp", "advcl") and to_infinitive(c) for c in children(verb)):
        return verb  # "Were X to attack Y": the clause is headed by 'were'
    if verb.i < subj.i:
        return None
    if verb.dep_ == "ROOT" and not any(c.dep_ == "ccomp" and c.i > verb.i for c in children(verb)):
        return None  # a question ("Should X send tanks?"); with a ccomp after it, a misparsed condition
    if verb.dep_ not in ("advcl", "ccomp", "conj", "ROOT"):
        return None
    return next((c for c in children(verb) if c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTED_AUX
                 and c.i < subj.i and c.i == _clause_start(verb)), None)


def _clause_start(verb) -> int:
    return min(c.i for c in children(verb)) if children(verb) else verb.i


def _inverted_condition(chain):
    """The trigger sits in an inverted conditional clause (its own clause, not one above a report)."""
    for t in chain[:3]:
        aux = _inverted_aux(t)
        if aux is not None:
            return aux
        if t.dep_ in ("ccomp", "ROOT") or (t.dep_ == "advcl" and not to_infinitive(t)):
            break  # not past the clause: "Should X invade Y, Z would ..." holds no inverted Z
    return None


def _conditional_clause(verb):
    """An if-clause (or an inverted 'Should Y ...') on the act's clause: 'will impose tariffs if ...'.
    Returns (cue, open condition?): 'if', 'unless', 'should' are open; 'had', 'were' counterfactual."""
    for c in children(verb):
        if c.dep_ != "advcl":
            continue
        mark = next((g for g in children(c) if g.dep_ == "mark" and g.lower_ in ("if", "unless")), None)
        if mark is not None:
            return mark, True
        inv = _inverted_aux(c)
        if inv is not None:
            return inv, inv.lower_ == "should"
    for c in children(verb):  # "Were X to attack Y, Z would ...": 'were' heads the clause as a ccomp
        if c.dep_ == "ccomp" and c.i < verb.i and _inverted_aux(c) is not None:
            return c, False
    if verb.dep_ == "ccomp" and verb.head.i < verb.i and verb.head.dep_ == "ROOT":
        inv = _inverted_aux(verb.head)  # "Should Y ..., X would ...", parsed with the condition as root
        if inv is not None:
            return inv, inv.lower_ == "should"
    return None, False


def _plan_noun(t) -> bool:
    return t.lemma_.lower() in PLAN_NOUNS and t.pos_ == "NOUN"


def _modality(chain) -> StatusReading:
    for n, t in enumerate(chain[:4]):
        for c in children(t):
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return StatusReading("hypothetical", c.text, condition=c.lower_ in ("if", "unless"))
            if c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS:
                return StatusReading("claimed", c.text)
        if t.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in children(t)):
            return StatusReading("hypothetical", t.text, condition=any(c.lower_ in ("if", "unless") for c in children(t)))
        cond, open_condition = _conditional_clause(t)
        if cond is not None:  # "will impose tariffs if Y keeps its quotas"
            return StatusReading("hypothetical", cond.text, conditional=open_condition)
        fut = _future(t)
        if fut:
            return StatusReading("planned", fut)
        modal = next((c for c in children(t) if c.dep_ == "aux" and c.lower_ in MODAL_HYPO), None)
        if modal is not None:
            if modal.lower_ == "would" and _reported(t):  # "said it would": the future, reported
                return StatusReading("planned", modal.text)
            return StatusReading("hypothetical", modal.text)
        if n > 0 and t.lemma_.lower() in PLAN_VERBS and t.pos_ in ("VERB", "ADJ", "AUX"):
            return StatusReading("planned", t.text)
        if n > 0 and _plan_noun(t):
            return StatusReading("planned", t.text)
    for t in chain[4:8]:
        if _plan_noun(t):
            return StatusReading("planned", t.text)
        if n == 0 and t.pos_ == "VERB" and t.lemma_.lower() == "plan" and _future(t) is None:
            pass
    return StatusReading("asserted")


OBLIGATION_AUX = {"must", "should", "ought"}


def obligation(verb) -> bool:
    """'a ceasefire must be achieved', 'forces must ensure security to allow aid in': the speaker
    calls for it rather than reports it (the must may sit on the clause the act serves)."""
    t = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in children(t)):
            return True
        if t.dep_ not in ("xcomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def announces_intent(pattern, trigger) -> bool:
    """An intent pattern, an intent code (root 03), or a plan verb as the trigger itself."""
    return pattern.frame == "intent" or pattern.cameo[:2] == "03"


# Verbs of attitude whose gerund or infinitive is only what is favoured or opposed: "most voters
# oppose sending troops", "X supports imposing sanctions", "Y objected to expelling the envoys".
# The act is not done; the attitude verb codes on its own pattern, if it has one.
ATTITUDE_VERBS = {"oppose", "support", "favour", "favor", "back", "endorse", "resist", "object",
                  "fear", "dislike", "consider", "discuss", "debate", "mull", "weigh", "contemplate",
                  "advocate", "rule"}


def attitude_content(trigger) -> bool:
    """The act is the gerund or infinitive under an attitude verb, not a thing done."""
    if trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() in ATTITUDE_VERBS for c in children(trigger)):
        return True  # "voters oppose sending troops", parsed with 'oppose' as an auxiliary
    head = trigger.head
    if head.i == trigger.i:
        return False
    if trigger.dep_ in ("xcomp", "dobj", "csubj") and trigger.tag_ == "VBG":
        return head.lemma_.lower() in ATTITUDE_VERBS
    if trigger.dep_ == "pcomp" and head.lower_ == "to" and head.head.i != head.i:
        return head.head.lemma_.lower() in ("object",)  # "objected to expelling"
    return False
