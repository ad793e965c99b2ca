"""Actors: noun phrases in the parse become coded actors (country + sectors, people and roles).

Light coreference keeps a per-story memory: "the ministry", "the sources", "it", "his Japanese
counterpart", "its Training Department head" are resolved against earlier mentions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from eventwire import gazetteer
from eventwire.extraction.docview import children, ents_within, sent_of, view
from eventwire.groups import lookup_group
from eventwire.people import lookup_person
from eventwire.schema import Actor

_NP_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "advmod",
            "quantmod", "npadvmod", "cc", "conj_left"}
_NP_RIGHT = {"appos", "compound", "flat", "case"}
_PRONOUNS_ORG = {"it", "its", "they", "their", "them", "itself"}
_PRONOUNS_PERSON = {"he", "his", "him", "she", "her", "himself", "herself"}
_PRONOUNS = _PRONOUNS_ORG | _PRONOUNS_PERSON
_RELATIVE = {"who", "which", "that", "whom", "whose"}
# Heads that name no actor on their own ("part", "aim"): a phrase headed by them is not an actor.
_NOT_ACTORS = {"part", "aim", "framework", "process", "need", "capacity", "stability", "way",
               "time", "year", "day", "week", "month", "end", "number", "lot", "kind", "type",
               "one", "thing", "issue", "question", "matter", "statement", "report", "claim"}
_COUNTERPART = {"counterpart", "counterparts", "opposite number", "peer"}


@dataclass
class Memory:
    """What one story has said so far about who is who."""

    by_head: dict[str, Actor] = field(default_factory=dict)
    by_name: dict[str, Actor] = field(default_factory=dict)
    last_org: Actor | None = None
    last_person: Actor | None = None
    speaker: Actor | None = None
    country_counts: dict[str, int] = field(default_factory=dict)
    year: int | None = None  # the story's year: which office a known person held

    def primary_country(self) -> str | None:
        if not self.country_counts:
            return None
        return max(self.country_counts.items(), key=lambda kv: kv[1])[0]

    def remember(self, actor: Actor, head_key: str | None) -> None:
        if actor.country is None:
            return
        if head_key:
            self.by_head[head_key] = actor
            self.by_head.setdefault(head_key.split()[-1], actor)
        if actor.name:
            self.by_name[actor.name.split()[-1].lower()] = actor
            self.last_person = actor
        else:
            self.last_org = actor


def ent_of(tok):
    """The entity a token belongs to (an index per Doc: reading `doc.ents` builds every span)."""
    return view(tok.doc).ent_at.get(tok.i)


def entity_code(ent, year: int | None = None) -> tuple[str | None, list[str], str | None]:
    """(country, sectors, organisation name) for a named entity, from the ruler id or a lookup."""
    text = view(ent.doc).text[ent.start_char:ent.end_char]
    kb = ent.ent_id_ or ""
    country, sectors, name = _entity_code(text, ent.label_, kb, year)
    if country is None and kb.startswith("REG:"):
        country = _shared_region_country(ent, text)
    return country, list(sectors), name


def is_region(ent) -> bool:
    """Whether the ruler tagged an entity as a province, state or region: "Tigray", "Texan"."""
    return (ent.ent_id_ or "").startswith("REG:")


def _shared_region_country(ent, text: str) -> str | None:
    """A region name shared by two countries ("Punjab") codes the one its sentence names, if
    the sentence names exactly one of them; otherwise none is guessed."""
    entry = gazetteer.lookup_region(text)
    if entry is None or entry.country is not None:
        return None
    named = set()
    for other in ents_within(sent_of(ent.root)):
        if (other.ent_id_ or "").startswith("CTRY:") and other.ent_id_[5:] in entry.countries:
            named.add(other.ent_id_[5:])
    return named.pop() if len(named) == 1 else None


@functools.lru_cache(maxsize=50_000)
def _entity_code(text: str, label: str, kb: str, year: int | None) -> tuple:
    """Plain strings in and out (cached): the same name in every story is looked up once."""
    country, sectors, name = _lookup_entity(text, label, kb, year)
    return country, tuple(sectors), name


def _lookup_entity(text: str, label: str, kb: str, year: int | None):
    if label == "PERSON":
        person = lookup_person(text, year=year)
        if person is not None:
            return person.country, list(person.sector), person.org
    if kb.startswith("GRP:") or label == "ORG":
        group = lookup_group(text)
        if group is not None:
            return group.country, list(group.sector), group.name
    if kb.startswith("CTRY:"):
        entry = gazetteer.lookup_country(text)
        return kb[5:], list(getattr(entry, "sectors", []) or []), None
    if kb.startswith("IGO:") or kb.startswith("NGO:"):
        entry = gazetteer.lookup_igo(text)
        kind = getattr(entry, "kind", kb[:3]) or kb[:3]
        return kind, list(getattr(entry, "sectors", []) or []), getattr(entry, "name", text)
    if kb.startswith("REG:"):  # "Tigrayan", "Sindh": the region's country
        region = gazetteer.lookup_region(text)
        return (region.country if region is not None else None), [], None
    if label in ("GPE", "NORP", "LOC"):
        entry = gazetteer.lookup_country(text)
        if entry:
            return entry.iso3, list(getattr(entry, "sectors", []) or []), None
    if label == "ORG":
        entry = gazetteer.lookup_igo(text)
        if entry:
            return entry.kind, list(entry.sectors or []), entry.name
    return None, [], None


def np_tokens(head) -> list:
    """The tokens of the noun phrase headed by `head`: its left modifiers and appositions."""
    out = [head]
    for child in head.lefts:
        if child.dep_ in _NP_LEFT or child.dep_ == "det":
            out.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in _NP_RIGHT:
            out.extend(t for t in child.subtree if t.dep_ not in ("prep", "relcl", "acl", "punct")
                       or t is child)
    return sorted(set(out), key=lambda t: t.i)


def _ents_in(tokens) -> list:
    seen, ents = set(), []
    for t in tokens:
        if t.ent_type_ and t.ent_iob_ in ("B", "I"):
            ent = ent_of(t)
            if ent is not None and ent.start not in seen:
                seen.add(ent.start)
                ents.append(ent)
    return ents


def head_key(tokens, head) -> str:
    """A country-free key for a phrase ("Turkish Defense Ministry" -> "defense ministry")."""
    words = [t.lemma_.lower() for t in tokens
             if not t.ent_type_ in ("GPE", "NORP") and t.dep_ not in ("det", "poss", "case", "punct")
             and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= head.i]
    return " ".join(words[-3:])


def _span_actor(tokens, offset: int, country, sectors, name, role) -> Actor:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(tokens[0].doc)[start:end]
    return Actor(text=text, start=offset + start, end=offset + end, country=country,
                 sector=_unique(sectors), name=name, role=role)


def _unique(items) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


def _person_and_role(tokens, ents_in_phrase=None, head=None):
    """(name, role, role sectors) when the phrase holds a PERSON entity (not one named only as
    a possessor: "Obama's counterpart" is not Obama)."""
    ents = [e for e in (_ents_in(tokens) if ents_in_phrase is None else ents_in_phrase) if e.label_ == "PERSON"
            and (head is None or _entity_rank(e, head) < 2)]
    if not ents:
        return None, None, []
    person = ents[-1]
    before = [t for t in tokens if t.i < person.start and t.dep_ not in ("det", "poss", "case")
              and not t.ent_type_ in ("GPE", "NORP")]
    title = " ".join(t.text for t in before).strip(" ,")
    found = gazetteer.role_title(title) if title else None
    if found:
        return person.text, found[0], list(found[1])
    return person.text, (title or None), []


def doc_text(doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` joins every token on each call."""
    return view(doc).text


def resolve_actor(head, offset: int, memory: Memory) -> Actor | None:
    """The coded actor for the noun phrase headed by `head`, or None if it names no actor."""
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head
    if head.pos_ == "PRON" or head.lower_ in _PRONOUNS:
        return _pronoun_actor(head, offset, memory)
    counted = _counted_group(head)
    if counted is not None:  # "thousands of Nigerians", "52 members of the movement"
        return resolve_actor(counted, offset, memory)
    led = _led_body(head)
    if led is not None:  # "the head of the UN nuclear watchdog" acts for the watchdog
        actor = resolve_actor(led, offset, memory)
        if actor is not None and actor.country:
            return actor
    head = _misparsed_clause_subject(head)
    tokens = np_tokens(head)
    if head.lemma_.lower() in _NOT_ACTORS and not head.ent_type_:
        return None
    country, sectors, org_name = None, [], None
    in_phrase = [e for e in _ents_in(tokens) if not _allegiance_only(e)]
    ents = sorted(in_phrase, key=lambda e: _entity_rank(e, head))
    placed = any(e.label_ in ("GPE", "NORP") for e in ents)
    coded, regions = [], []
    for ent in ents:
        c, s, n = entity_code(ent, memory.year)
        if c and is_region(ent):  # a province or state: only if nothing else names a country
            regions.append((ent, c))
            continue
        if c:
            coded.append((ent, c))
        if c and country is None:
            country, org_name = c, n
        if ent.label_ != "PERSON" or not placed:
            sectors += s
    if len(coded) > 1:
        qualified = _qualified_country(coded, country)
        if qualified != country and country in ("IGO", "NGO"):
            org_name = None  # "the Iraqi Red Crescent" is the national society, not the ICRC
        country = qualified
    if country is None and regions:  # "Tigrayan fighters", "the Sindh provincial government"
        country = regions[0][1]
    name, role, role_sectors = _person_and_role(tokens, in_phrase, head)
    sectors = _unique(role_sectors + gazetteer.sectors_for(_sector_words(tokens)) + sectors)
    if country is None or _ethnic(tokens):  # "ethnic Albanians in south Serbia" live in Serbia
        country = _country_of_place(head) or country or _state_reference(head, memory)
    if country is None:
        country, sectors = _corefer(tokens, head, memory, sectors, name)
    if country is None and _unnamed_ngo(head, sectors):
        country = "NGO"  # "a human rights group": CAMEO's NGO actor with its sector
    if country is None and not sectors and not name:
        return None
    actor = _span_actor(tokens, offset, country, sectors, name or org_name, role)
    memory.remember(actor, head_key(tokens, head) if sectors else None)
    return actor


# An organisation of civil society named by its kind, with no country: CAMEO codes it NGO.
_ORG_NOUNS = frozenset({"group", "organisation", "organization", "watchdog", "association", "foundation",
                        "society", "federation", "league", "coalition", "network", "charity", "agency", "ngo"})
_NGO_SECTORS = frozenset({"HRI", "ENV", "DEV"})


def _unnamed_ngo(head, sectors) -> bool:
    return head.lemma_.lower() in _ORG_NOUNS and not _NGO_SECTORS.isdisjoint(sectors)


# "Iranian-backed militias", "al-Qaeda-linked rebels", "pro-Russian separatists", "anti-American
# protesters": the name says whom the group sides with or against, not where it is from.
_ALLEGIANCE_VERBS = frozenset({"back", "link", "ally", "affiliate", "inspire", "align", "sponsor", "fund",
                               "support", "arm", "train", "finance", "influence", "sympathize", "connect",
                               "tie", "loyal"})
_ALLEGIANCE_PREFIXES = frozenset({"pro", "anti"})


def _allegiance_only(ent) -> bool:
    root, doc = ent.root, ent.doc
    if root.dep_ == "npadvmod" and root.head.tag_ == "VBN" and root.head.lemma_.lower() in _ALLEGIANCE_VERBS:
        return True
    start = ent.start
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _ALLEGIANCE_PREFIXES


def _entity_rank(ent, head) -> int:
    """Which name in a phrase codes it: the head's own name first; a person named only as the
    possessor of something else ("Osama bin Laden's al-Qaeda network", "Obama's Iraqi
    counterpart") last, after the group or country the phrase is about."""
    if ent.start <= head.i < ent.end:
        return 0
    if ent.label_ == "PERSON" and ent.root.dep_ == "poss":
        return 2
    return 1


def _misparsed_clause_subject(head):
    """'The Red Cross operating in Iraq said ...': the small model makes the participle the
    subject of 'said' and the organisation its own subject; the actor is the organisation."""
    if head.pos_ == "VERB" and head.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass"):
        subj = [c for c in children(head) if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        if subj:
            return subj[0]
    return head


# Ethnic group names that live under several states ("Bosnian Serbs", "Kosovo Albanians",
# "Iraqi Turkmen"): beside a second country name they say who, not where. CAMEO codes such a
# group by its state of residence (Bosnian Serbs: BIH), while a civic name stays the country
# ("Turkish Cypriots", "Greek Cypriot police": CYP). Only names that the gazetteer also gives a
# country need listing (Kurds, Arabs, Tamils have none and never compete).
_ETHNIC_NAMES = frozenset({
    "serb", "serbs", "croat", "croats", "albanian", "albanians", "turk", "turks", "turkish",
    "greek", "greeks", "hungarian", "hungarians", "russian", "russians", "armenian", "armenians",
    "azeri", "azeris", "uzbek", "uzbeks", "tajik", "tajiks", "somali", "somalis", "chinese",
})
_GROUP_COUNTRIES = ("IMG", "IGO", "NGO")


def _qualified_country(coded, country):
    """The country of a phrase that names two: a country qualifying a transnational group or
    organisation ("Iraq's al-Qaeda", "the Iraqi Red Crescent") is the branch's country; two
    demonyms side by side ("Bosnian Serbs", "Croatian Serb refugees") code the state of
    residence unless the nearer one is itself the civic name ("Turkish Cypriots": CYP)."""
    places = [(e, c) for e, c in coded if e.label_ in ("GPE", "NORP") and c not in _GROUP_COUNTRIES]
    if country in _GROUP_COUNTRIES:
        groups = [e for e, c in coded if c == country and e.label_ == "ORG"]
        before = [c for e, c in places if groups and e.end <= groups[0].start]
        return before[-1] if before else country
    places.sort(key=lambda ec: ec[0].start)
    for (a, ca), (b, cb) in zip(places, places[1:]):
        if b.start == a.end and ca != cb and country in (ca, cb):
            return ca if b.text.lower() in _ETHNIC_NAMES else cb
    return country


_COUNT_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "number", "handful", "member",
                "some", "many", "several", "most", "all", "both", "majority", "tens", "hundreds",
                "thousands", "dozens", "scores"}


# Who speaks for someone speaks as them: "a spokesman for the foreign ministry".
_SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "mouthpiece"}


def _counted_group(head):
    """The group a count or membership noun stands for: 'thousands of Nigerians' -> Nigerians;
    the body a spokesperson speaks for: 'a spokesman for the Kenyan police' -> the police."""
    low = head.lemma_.lower()
    spokes = low in _SPOKES_NOUNS
    if not spokes and low not in _COUNT_NOUNS and head.lower_ not in _COUNT_NOUNS:
        return None
    for prep in children(head):
        if prep.dep_ == "prep" and (prep.lower_ == "of" or (spokes and prep.lower_ == "for")):
            objs = [g for g in children(prep) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objs:
                return objs[0]
    return None


# Who heads or represents a body acts for it: "the chief of the Nigerian army".
_LEADER_NOUNS = {"head", "chief", "leader", "director", "boss", "commander", "representative", "envoy",
                 "delegation", "delegate", "emissary"}


def _led_body(head):
    if head.lemma_.lower() not in _LEADER_NOUNS or head.ent_type_:
        return None
    for prep in children(head):
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            objs = [g for g in children(prep) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objs:
                return objs[0]
    return None


_PLACE_PREPS = {"in", "of", "from", "inside"}


def _ethnic(tokens) -> bool:
    return any(t.lower_ in ("ethnic", "minority") for t in tokens)


def _country_of_place(head) -> str | None:
    """'Opposition groups in Zimbabwe', 'rebels from Mali': a group placed in a country is of it."""
    kids = [c for c in children(head) if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
    kids += [g for c in children(head) if c.dep_ == "acl" for g in children(c)
             if g.dep_ == "prep" and g.lower_ in _PLACE_PREPS]
    for prep in kids:
        for obj in children(prep):
            if obj.dep_ != "pobj":
                continue
            for tok in [obj, *children(obj)]:
                ent = ent_of(tok)
                if ent is not None and ent.label_ in ("GPE", "LOC", "NORP"):
                    code = entity_code(ent)[0] or _city_country(ent.text)
                    if code and code not in ("IGO", "NGO"):
                        return code
    return None


_PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "area",
                "border", "territory", "port", "state", "county", "suburb", "neighbourhood",
                "neighborhood", "quarter", "countryside", "island", "coast", "enclave", "camp"}
# Where an attack happened: "killed in Beirut", "a blast near the town of X", "outside the city".
_SCENE_PREPS = {"in", "at", "near", "outside", "inside", "around"}


def scene_of(heads, offset: int) -> Actor | None:
    """The country where something happened, read from place phrases on `heads` (a verb and
    the nouns of its clause): 'in eastern Beirut', 'near the town of X', 'outside the Iraqi
    city of Y'. The actor spans the place's words; it names a country, not a doer."""
    for head in heads:
        for prep in children(head):
            if prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
                continue
            inner = [g for c in children(prep) if c.dep_ == "prep" for g in children(c)]  # "outside of X"
            for obj in [*children(prep), *inner]:
                if obj.dep_ == "pobj":
                    found = _place_in(obj, offset)
                    if found is not None:
                        return found
    return None


def _place_in(obj, offset: int) -> Actor | None:
    """A place named by a scene phrase's noun, its modifiers, or its 'of' phrase ('the town of X')."""
    names = [obj, *children(obj)] + [g for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"
                                    for g in children(c) if g.dep_ == "pobj"]
    for tok in names:
        ent = ent_of(tok)
        if ent is None or ent.label_ not in ("GPE", "LOC", "NORP"):
            continue
        if ent.label_ == "NORP" and obj.lemma_.lower() not in _PLACE_NOUNS:
            continue  # "in Israeli shelling" names a weapon's owner, not a place
        code = entity_code(ent)[0] or _city_country(ent.text)
        if code and code not in ("IGO", "NGO"):
            return Actor(ent.text, offset + ent.start_char, offset + ent.end_char, code)
    return None


def _city_country(name: str) -> str | None:
    from eventwire.extraction.places import locate

    found = locate(name)
    return found.country if found is not None and found.lat is not None else None


def _sector_words(tokens) -> str:
    """The phrase without organisation names: "European Union" is no labour union."""
    keep = [t.text for t in tokens if not (t.ent_type_ == "ORG" and (t.ent_id_ or "").startswith(("IGO:", "NGO:")))]
    return " ".join(keep)


_STATE_NOUNS = {"country", "nation", "kingdom", "republic", "state"}


def _state_reference(head, memory: Memory) -> str | None:
    """'the country', 'the nation': the country last named (in this sentence or before)."""
    if head.lemma_.lower() not in _STATE_NOUNS or not any(c.lower_ in ("the", "this") for c in children(head)):
        return None
    for t in reversed(head.doc[: head.i]):
        if t.ent_type_ == "GPE":
            ent = ent_of(t)
            code = entity_code(ent)[0] if ent is not None else None
            if code and code not in ("IGO", "NGO"):
                return code
    return memory.primary_country()


def _antecedent_in_sentence(head, memory: Memory) -> Actor | None:
    """'Obama said he would ...': the nearest earlier name of the right kind in the sentence."""
    person = head.lower_ in _PRONOUNS_PERSON
    for ent in reversed([e for e in ents_within(sent_of(head)) if e.end <= head.i]):
        if (ent.label_ == "PERSON") != person:
            continue
        country, sectors, name = entity_code(ent, memory.year)
        if country:
            if not person:
                country = _phrase_country(ent, country, memory.year)
            return Actor(ent.text, 0, 0, country, sectors, name or (ent.text if person else None))
    return None


def _phrase_country(ent, country, year):
    """The country of the phrase a name stands in: 'they' after "Bosnian Serbs" or "Iraq's
    al-Qaeda frontman" refers to the whole phrase, qualified as `_qualified_country` reads it."""
    root = ent.root
    head = root.head if root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i else root
    coded = [(e, c) for e in _ents_in(np_tokens(head)) for c in [entity_code(e, year)[0]] if c]
    return _qualified_country(coded, country) if len(coded) > 1 else country


def _pronoun_actor(head, offset, memory: Memory) -> Actor | None:
    low = head.lower_
    speaker = _reporting_subject(head)
    ref = resolve_actor(speaker, offset, memory) if speaker is not None else None
    ref = ref if ref is not None and ref.country else None
    if ref is not None and low in ("they", "we"):
        return replace(ref, start=offset + head.idx, end=offset + head.idx + len(head.text))
    ref = ref or _antecedent_in_sentence(head, memory)
    if ref is None:
        ref = memory.last_person if low in _PRONOUNS_PERSON else (memory.last_org or memory.speaker)
    if ref is None:
        return None
    return replace(ref, text=head.text, start=offset + head.idx, end=offset + head.idx + len(head.text))


def _reporting_subject(pron):
    """The speaker a subject pronoun of a reported clause stands for. 'The rebels rejected the
    plan and said they opposed ...': 'they' is the reporting verb's subject (a plural noun,
    through a coordination), not the nearest name before it. 'The Peruvian president said he
    would ...': 'he' is the speaker named by a common noun."""
    if pron.dep_ not in ("nsubj", "nsubjpass") or pron.head.dep_ != "ccomp":
        return None
    reporter = pron.head.head
    if pron.lower_ in ("they", "we") and pron.dep_ == "nsubj":
        from eventwire.extraction.actions import subject_of

        found = [t for t in subject_of(reporter)[0] if t.pos_ in ("NOUN", "PROPN") and t.i < pron.i]
        return found[0] if len(found) == 1 and found[0].tag_ in ("NNS", "NNPS") else None
    if pron.lower_ not in ("he", "she"):
        return None
    from eventwire.extraction.attribution import REPORT_VERBS

    if reporter.lemma_.lower() not in REPORT_VERBS:
        return None
    speaker = next((c for c in children(reporter) if c.dep_ == "nsubj"), None)
    return speaker if speaker is not None and speaker.pos_ == "NOUN" and not speaker.ent_type_ else None


def _corefer(tokens, head, memory: Memory, sectors, name):
    """Country (and sectors) for a phrase without a country of its own."""
    if name and name.split()[-1].lower() in memory.by_name:
        ref = memory.by_name[name.split()[-1].lower()]
        return ref.country, _unique(sectors + ref.sector)
    poss = [t for t in tokens if t.dep_ == "poss" and t.lower_ in _PRONOUNS]
    if poss:
        ref = _possessor(poss[0], memory)
        if ref is not None:
            return ref.country, _unique(sectors or ref.sector)
    key = head_key(tokens, head)
    for k in (key, key.split()[-1] if key else ""):
        if k and k in memory.by_head:
            ref = memory.by_head[k]
            return ref.country, _unique(sectors + ref.sector)
    if sectors and head.pos_ != "PROPN":  # "the ministry", "a ministry spokeswoman"
        ref = memory.speaker or memory.last_org
        if ref is not None:
            return ref.country, sectors
    if name and sectors:  # an official named with a title: usually of the speaker's country
        ref = memory.speaker
        return (ref.country if ref else memory.primary_country()), sectors
    return None, sectors


def _possessor(pron, memory: Memory) -> Actor | None:
    """'its' in "the Syrian Defense Ministry, including a visit by its head": the nearest org."""
    doc = pron.doc
    for t in reversed(doc[: pron.i]):
        if t.ent_type_ in ("GPE", "NORP", "ORG") and pron.lower_ in _PRONOUNS_ORG:
            ent = ent_of(t)
            if ent is not None and not (pron.lower_ == "its" and _plural_phrase(ent)):
                c, s, _ = entity_code(ent)
                if c:
                    return Actor(ent.text, 0, 0, c, s)
    return memory.last_person if pron.lower_ in _PRONOUNS_PERSON else memory.last_org


def _plural_phrase(ent) -> bool:
    """'Syrian forces', 'Iraqi officials': a name modifying a plural common noun is no antecedent
    of 'its' ("Turkey said Syrian forces shelled its border posts": its = Turkey)."""
    root = ent.root
    head = root.head if root.dep_ in ("amod", "compound") and root.head.i != root.i else root
    return head.tag_ == "NNS"


def is_counterpart(actor: Actor | None) -> bool:
    return actor is not None and any(w in actor.text.lower() for w in _COUNTERPART)


def inherit_counterpart_sectors(target: Actor | None, source: Actor | None) -> Actor | None:
    """"his Japanese counterpart" takes the sectors of the other party (a defence minister's)."""
    if target is None or source is None or not is_counterpart(target) or target.sector:
        return target
    return replace(target, sector=list(source.sector), role=target.role or source.role)


def mentions_in(sent, offset: int, memory: Memory) -> list[Actor]:
    """Every country/organisation mention in a sentence (used for fallbacks and memory)."""
    out, text = [], view(sent.doc).text
    for ent in ents_within(sent):
        c, s, n = entity_code(ent)
        if c:
            start, end = ent.start_char, ent.end_char
            out.append(Actor(text[start:end], offset + start, offset + end, c, s, n))
            memory.country_counts[c] = memory.country_counts.get(c, 0) + 1
    return out


def split_modifier_countries(head, offset: int, memory: Memory) -> list[Actor]:
    """'Hungarian and Romanian officials': one phrase, two actors with the phrase's sectors."""
    mods = [c for c in children(head) if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")]
    mods += [cc for m in mods for cc in m.conjuncts if cc.ent_type_ in ("NORP", "GPE")]
    if len({m.i for m in mods}) < 2 or _juxtaposed(mods):
        return []
    base = resolve_actor(head, offset, memory)
    out: list[Actor] = []
    for mod in sorted({m.i: m for m in mods}.values(), key=lambda t: t.i):
        ent = ent_of(mod)
        country = entity_code(ent)[0] if ent is not None else None
        if country and all(a.country != country for a in out):
            sectors = base.sector if base is not None else []
            out.append(Actor(mod.text, offset + mod.idx, offset + mod.idx + len(mod.text), country, list(sectors)))
    return out if len(out) > 1 else []


def _juxtaposed(mods) -> bool:
    """'Croatian Serb refugees', 'Greek Cypriot police': two demonyms side by side with no 'and',
    comma or hyphen between them qualify one group (see `_qualified_country`); they are not
    two parties the way 'Hungarian and Romanian officials' or 'US-Russian talks' are."""
    idx = sorted({m.i for m in mods})
    return len(idx) == 2 and idx[1] == idx[0] + 1
