"""Turns pattern matches in one story into coded events and claims.

One `StoryCoder` per story keeps the story's memory (actors, speaker, statement date) while its
sentences are coded in order; `finish()` merges duplicates told twice in the same story.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from eventwire.extraction import actions, actors, attribution, dates, status
from eventwire.extraction.actors import (
    Memory, doc_text, ent_of, inherit_counterpart_sectors, mentions_in, resolve_actor, split_modifier_countries,
)
from eventwire.extraction.codes import appeal_code, code_fields
from eventwire.extraction.docview import children, original_text, subtree, view
from eventwire.extraction.modality import final_code, is_contentless, is_framing, vowed_fight
from eventwire.extraction.patterns import PatternSet
from eventwire.schema import Actor, Claim, Doc, Event, Location, Span

# Coding "X held talks with Y" also as Y->X doubles counts against one-directional gold (the
# CAMEO convention codes the grammatical source only); compound subjects still code both ways.
RECIPROCAL_PATTERNS = False


@dataclass
class Context:
    """What one sentence gives every match in it."""

    sent: object
    offset: int  # the sentence's block start in the story
    index: int
    headline: bool
    mentions: list
    matches: list = dataclasses.field(default_factory=list)


class StoryCoder:
    def __init__(self, doc: Doc, patterns: PatternSet):
        self.doc, self.patterns = doc, patterns
        self.memory = Memory(year=int(doc.published[:4]) if doc.published else None)
        self.events: list[Event] = []
        self.claims: list[Claim] = []
        self.statement_date: tuple[str | None, str | None] = (doc.published, None)

    # --- per sentence -------------------------------------------------------------------
    def code_sentence(self, sent, block, index: int) -> None:
        ctx = Context(sent, block.start, index, block.kind != "body", mentions_in(sent, block.start, self.memory))
        if ctx.headline:  # headlines restate the body in clipped grammar: read for actors only
            self._update_speaker(ctx)
            return
        matches = [actions.fill_roles(m) for m in actions.find_triggers(sent, self.patterns)]
        ctx.matches = matches
        embedded = _embedded_under_frames(matches) | {m.trigger.i for m in matches if actions.protest_served(m, matches)}
        acts = {m.trigger.i for m in matches}
        embedded |= _means_of_arrest(matches)
        for m in _one_per_coordination(matches):
            if actions.is_modal_trigger(m.trigger) and m.trigger.head.i in acts:
                continue  # "Y must withdraw": the withdrawal's own match carries the obligation
            if m.pattern.frame == "report":
                self._code_allegation(m, ctx, _embedded_child(m, matches))
                continue
            if m.trigger.i in embedded:
                continue
            self._code_match(m, ctx, _embedded_child(m, matches))
        self._update_speaker(ctx)  # after coding: a speaker counts from the next sentence on

    def _update_speaker(self, ctx: Context) -> None:
        v, doc, start = view(ctx.sent.doc), ctx.sent.doc, ctx.sent.start
        lemmas = v.lemma[start:ctx.sent.end]
        if attribution.REPORT_VERBS.isdisjoint(lemmas):
            return
        for i, lemma in enumerate(lemmas, start):
            if lemma in attribution.REPORT_VERBS and v.pos(i) == "VERB":
                tok = doc[i]
                who = attribution.speaker_token(tok)
                actor = resolve_actor(who, ctx.offset, self.memory) if who is not None else None
                if actor is not None and actor.country and not ctx.headline:
                    self.memory.speaker = actor
                    self._update_statement_date(tok)

    def _update_statement_date(self, reporter) -> None:
        found = dates.date_tokens_of(reporter)
        if found:
            ent = dates.date_span(found[0])
            text = original_text(ent if ent is not None else found[0])
            resolved = dates.resolve(text, self.doc.published)
            if resolved:
                self.statement_date = (resolved, text)

    # --- per match ----------------------------------------------------------------------
    def _code_match(self, m, ctx: Context, embedded) -> None:
        if is_contentless(m.pattern, m.trigger, embedded) or status.attitude_content(m.trigger):
            return  # "oppose sending troops": what is opposed is not done
        if _ended(m):  # "a memorandum on ending hostilities": no hostilities are coded
            return
        reading = status.read_status(m.trigger, m.anchor)
        if reading.condition:  # "... unless the president steps down": a condition, not an act
            return
        if reading.status == "asserted" and status.announces_intent(m.pattern, m.trigger):
            reading = status.StatusReading("planned", m.trigger.text)
        said_by = self._said_by(m.anchor, ctx)
        sources, targets, notes = self._actors(m, ctx, said_by)
        if not targets and m.pattern.cameo[:2] in _FORCE_ROOTS:
            targets = self._struck_place(m, ctx)  # "shelled Kharkiv": the city's country
        if not sources and m.pattern.cameo[:2] == "19":
            sources, targets = _between_parties(m, targets)  # "clashes between X and Y"
        if not sources and reading.status == "asserted" and m.pattern.cameo[:2] in _FORCE_ROOTS:
            sources, targets = self._unclaimed_force(m, ctx, targets, notes)
        elif sources and reading.status == "asserted" and not any(s.country for s in sources) \
                and m.pattern.cameo[:2] in _FORCE_ROOTS:
            sources, targets = self._placed_attack(m, ctx, sources, targets, notes)
        if sources and m.pattern.cameo in _DOMESTIC_COERCION:
            targets = self._own_population(m, ctx, sources, targets, notes)
        if m.pattern.cameo == "075":  # "refugees from X", "families fleeing X": X's people
            people = targets or [self._victim(t, ctx) for t in m.targets if t.pos_ in ("NOUN", "PROPN")]
            targets = [t for t in (self._from_origin(p, m, ctx, sources) for p in people) if t.country or t.sector]
        obliging = self._obliging_speaker(m, ctx, sources)
        if obliging is not None:  # "the council said Y must withdraw": the council asks Y
            sources, targets = [obliging], sources
            notes.append("obligation_reported")
        elif actions.is_modal_trigger(m.trigger):
            return  # "Y must do X" with nobody saying so is nobody's appeal
        elif "speaker_as_source" not in notes and self._unplaced_obligation(m, ctx, sources):
            return  # "the panel concluded that Y must pay": a call on Y, by nobody we can code
        elif "speaker_as_source" not in notes and m.pattern.cameo[:2] <= "08" and status.obligation(m.anchor) \
                and reading.status == "asserted":
            reading = status.StatusReading("planned", m.anchor.text)  # "Chile said it must pay": a pledge
        if not targets and (m.pattern.frame in ("intent", "threat", "request") or is_framing(m.pattern, m.trigger)):
            targets = self._framed_targets(m, ctx, embedded, said_by, sources)
        if sources and _own_border_only(m, sources, targets):
            targets = []  # "massed troops on its border with Y": the border is no party
        if sources and not targets and not (len(sources) > 1 and m.pattern.cameo[:2] in _MUTUAL_ROOTS):
            targets = self._place_target(m, ctx, sources)  # "X and Y met in Z": each other's partner
            targets = targets or self._counterpart(m, ctx, sources)
        if m.pattern.cameo[:2] == "14":
            sources, targets = self._protest_parties(m, ctx, sources, targets, notes)
        cameo = self._cameo(m, reading, embedded, notes)
        if cameo[:2] in _SPORT_BLOCKED and actions.sport_contest(m.anchor):
            return  # "X's team thrashed Y by nine wickets": a game, not an assault
        if cameo[:2] == "03" and reading.status == "asserted" and not reading.refusal:
            reading = status.StatusReading("planned", m.trigger.text)  # "wants to help Y": a plan
        if "obligation_reported" in notes:
            cameo = appeal_code(cameo)
        if cameo in _GENERIC_FORCE:  # "air strikes killed", "a car bomb killed": the weapon's kind
            cameo = _weapon_code(m) or cameo
        if cameo == "1823" and _military_killing(m, targets):
            cameo = "190"
        mutual = len(sources) > 1 and cameo[:2] in _MUTUAL_ROOTS
        needs = _needs_target(m.pattern) and not (embedded is not None and is_framing(m.pattern, m.trigger)
                                                  and not _needs_target(embedded.pattern))
        if cameo == "138" and vowed_fight(m.pattern, m.trigger, embedded) or cameo == "011":
            needs = False  # "swore to fight on" needs no named foe; "declined to comment" is said to no one
        if not sources or (needs and not targets and not mutual):
            return
        if mutual and not targets and not any(s.country for s in sources) and cameo[:2] == "19":
            sources = self._placed_fighters(m, ctx, sources, notes)  # "troops and rebels fought in X"
        if not targets and not any(s.country for s in sources):  # "a protestor demolished it"
            return  # nobody placed on the map on either side: nothing an analyst can count
        reciprocal = m.pattern.reciprocal and not notes and RECIPROCAL_PATTERNS
        charge = actions.charge_code(m.trigger) if cameo in _CHARGING_CODES else None
        for src, tgt in _pairs(sources, targets, reciprocal, cameo[:2] in _MUTUAL_ROOTS, cameo[:2] == "19"):
            if reading.status == "denied" or reading.report_noun is not None or reading.speculative:
                self._add_claim(m, ctx, reading, src, tgt, cameo, said_by)
            else:
                self._add_event(m, ctx, reading, src, tgt, cameo, said_by, notes)
                if charge is not None and tgt is not None:  # "jailed Y on charges of treason"
                    self._add_event(m, ctx, reading, src, tgt, charge, said_by, notes + ["on_charges"])
        if cameo[:2] in _FORCE_ROOTS and reading.status in ("asserted", "claimed") and reading.report_noun is None \
                and not {"source_from_scene", "speaker_as_source"} & set(notes):  # a scene is no attacker
            self._reported_attack(m, ctx, sources)

    def _reported_attack(self, m, ctx: Context, attackers) -> None:
        """'Israel said a rocket was fired at it from Gaza', 'the ministry said Y shelled Z':
        a political actor telling of another's armed attack accuses the attacker of aggression
        (CAMEO 1123); the attack itself stays coded as told. Media, medics, witnesses and
        monitors only report."""
        reporter, who = _reported_by(m.anchor)
        if who is None or not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in who.subtree):
            return  # "officials said": whose officials is only guessed
        speaker = resolve_actor(who, ctx.offset, self.memory)
        if speaker is None or not _political(speaker):
            return
        reading = status.StatusReading("asserted", reporter.text)
        for a in attackers[:2]:
            if a.country and a.country not in (speaker.country, "IGO", "NGO") and not _same(a, speaker):
                self._add_event(m, ctx, reading, speaker, a, "1123", speaker, ["reported_attack"])

    def _framed_targets(self, m, ctx: Context, embedded, said_by, sources) -> list[Actor]:
        """The counterpart of an intent, threat or request, read from the act it frames."""
        doers, done_to = self._actors(embedded, ctx, said_by)[:2] if embedded is not None else ([], [])
        inner = embedded
        for _ in range(2):  # "refused to commit to assistance to Y": the act inside the act
            inner = _embedded_child(inner, ctx.matches) if inner is not None and not done_to else None
            if inner is not None:
                done_to = self._actors(inner, ctx, said_by)[1]
        asked = [d for d in doers if not any(_same(d, s) or d.country == s.country for s in sources)]
        # "X wants Y to attack Z": an appeal is made to Y; "X plans to attack Z": aimed at Z
        targets = asked if m.pattern.frame == "request" and asked else done_to
        if not targets:  # nouns scanned from the complement, less what the act moves ("troops")
            moved = embedded.pattern.object if embedded is not None else frozenset()
            scanned = [t for t in actions.complement_targets(m.trigger) if t.lemma_.lower() not in moved]
            if m.pattern.frame == "request":  # "demanded that Y accept the reforms": Y is asked
                scanned = actions.clause_subjects(m.trigger) + scanned
            targets = _coded(self._resolve_all(scanned, ctx))
        return [t for t in targets if not any(_same(t, s) for s in sources)]

    def _obliging_speaker(self, m, ctx: Context, doers) -> Actor | None:
        """Who says that the doers of a cooperative act must do it: "the council said Y must
        withdraw" is the council's call on Y (an appeal), not Y's act."""
        if not doers or m.pattern.cameo[:2] > "08" or not status.obligation(m.anchor):
            return None
        who = _obliged_by(m.anchor)[1]
        speaker = resolve_actor(who, ctx.offset, self.memory) if who is not None else None
        if speaker is None or not speaker.country or any(_same(speaker, d) or (
                d.country == speaker.country and d.sector == speaker.sector) for d in doers):
            return None  # "Chile said it must pay": its own duty, no call on anyone
        return speaker

    def _unplaced_obligation(self, m, ctx: Context, doers) -> bool:
        """A reported obligation ("the committee stressed that Y should give ...") whose
        speaker codes as nobody: Y is asked, and has done nothing; no event of Y's."""
        if not doers or m.pattern.cameo[:2] > "08" or not status.obligation(m.anchor):
            return False
        reporter, who = _obliged_by(m.anchor)
        if reporter is None:  # "Y must give more": the writer's call, not Y's act
            return True
        speaker = resolve_actor(who, ctx.offset, self.memory) if who is not None else None
        return speaker is None or not speaker.country

    def _unclaimed_force(self, m, ctx: Context, targets, notes):
        """'Three soldiers were killed by a roadside bomb near X': force with no named attacker.
        A weapon's nationality ('killed in Israeli shelling') names the attacker; failing that,
        the attack is coded to the country of the scene, and victims named only as people are
        taken to be of that country (the Phoenix and PLOVER gold convention for unknown
        perpetrators)."""
        heads = [m.anchor] + [t for t in m.sources if t.pos_ in ("NOUN", "PROPN")]
        if m.anchor.dep_ in ("acl", "xcomp") and m.anchor.head.lemma_.lower() in _ATTEMPTS:
            # "an attempt to assassinate X was thwarted in Y": the scene is the clause's
            clause = m.anchor.head if m.anchor.dep_ == "xcomp" else actions.governing_verb(m.anchor.head)
            heads += [clause] if clause is not None else []
        heads += [g for prep in ("in", "by") for g in actions._prep_objects(m.anchor, prep)]
        scene = actors.scene_of(heads, ctx.offset) or actors.scene_of(_scene_nouns(m), ctx.offset)
        armed = [c for h in heads for c in children(h) if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
        attackers = _coded([resolve_actor(armed[0], ctx.offset, self.memory)]) if armed else []
        if attackers or scene is not None:
            notes.append("source_from_weapon" if attackers else "source_from_scene")
        attackers = attackers or ([scene] if scene is not None else [])
        if scene is None:
            return attackers, targets
        victims = targets or [self._victim(t, ctx) for t in m.targets if t.pos_ == "NOUN"]
        return attackers, [_placed_as(v, scene.country, notes) for v in victims]

    def _struck_place(self, m, ctx: Context) -> list[Actor]:
        """'Troops shelled Kharkiv', 'jets pounded Idlib': a town or city struck by force (the
        verb's object, or a bare name the parser hangs on the verb) stands for its country.
        A domestic attack keeps the attacker's own country (PLOVER codes it as such)."""
        struck = list(m.targets) + [c for c in children(m.anchor) if c.dep_ in _STRUCK_DEPS]
        for tok in struck:
            if tok.pos_ != "PROPN" or tok.ent_type_ not in _PLACE_ENTS and m.pattern.cameo[:2] == "18":
                continue  # a name the tagger mislabels counts only as struck by fighting (19, 20)
            ent = ent_of(tok)
            text = ent.text if ent is not None else tok.text
            country = actors._city_country(text)
            if country:
                start = ctx.offset + (ent.start_char if ent is not None else tok.idx)
                return [Actor(text, start, start + len(text), country)]
        return []

    def _placed_attack(self, m, ctx: Context, sources, targets, notes):
        """'Armed men abducted two teachers from a school in X': attackers and victims named
        only by what they are take the country of the scene (as in `_unclaimed_force`)."""
        if not targets:
            return sources, targets
        scene = actors.scene_of([m.anchor], ctx.offset) or actors.scene_of(_scene_nouns(m), ctx.offset)
        if scene is None:
            return sources, targets
        return [_placed_as(s, scene.country, notes) for s in sources], [_placed_as(t, scene.country, notes) for t in targets]

    def _placed_fighters(self, m, ctx: Context, sources, notes) -> list[Actor]:
        """'Government troops and rebels fought near Goma': sides named by sector only are
        placed in the country of the scene (as victims of an unclaimed attack are)."""
        scene = actors.scene_of([m.anchor], ctx.offset) or actors.scene_of(_scene_nouns(m), ctx.offset)
        return [_placed_as(s, scene.country, notes) for s in sources] if scene is not None else sources
    def _own_population(self, m, ctx: Context, sources, targets, notes) -> list[Actor]:
        """'Kenyan police detained 30 members of a banned sect': a state's arrests, repression
        and curfews of people named only as people (no country of their own) are done to its
        own population (the CAMEO/PLOVER convention), so the arrested take the state's country.
        People of another country keep theirs; a source with no state behind it places nobody."""
        state = sources[0]
        if not _state_actor(state) or any(t.country for t in targets):
            return targets
        people = targets or [self._victim(t, ctx) for t in m.targets
                             if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _PLACE_ENTS
                             and t.lemma_.lower() not in _NOT_PEOPLE and t.lemma_.lower() not in self.patterns.lemmas
                             and (t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("PERSON", "NORP") or t.pos_ == "PROPN"
                                  or t.lemma_.lower() in _PERSON_NOUNS)]
        placed = [_placed_as(p, state.country, notes, "country_from_source") for p in people]
        return placed or targets

    def _from_origin(self, actor: Actor, m, ctx: Context, sources) -> Actor:
        """People given refuge are of the country they come from ("refugees from X", "Iraqis
        fleeing X", "migrants ordered out of X"), not of the host a guess may give them."""
        def covers(t):
            return t.left_edge.idx + ctx.offset <= actor.start and actor.end <= ctx.offset + t.right_edge.idx + len(t.right_edge)
        head = next((t for t in m.targets if t.pos_ in ("NOUN", "PROPN") and covers(t)), None)
        if head is None or (actor.country and not any(actor.country == s.country for s in sources)):
            return actor
        heads = [head] + actions._prep_objects(head, "of")  # "thousands of farmers driven out of X"
        places = [p for h in heads for p in actions.origin_places(h)] or [  # "... to refugees from X"
            p for p in actions._prep_objects(m.trigger, "from") if p.i > head.i and p.ent_type_ in ("GPE", "NORP")]
        for place in places:
            origin = resolve_actor(place, ctx.offset, self.memory)
            if origin is not None and origin.country and origin.country not in ("IGO", "NGO") \
                    and not any(origin.country == s.country for s in sources):
                return dataclasses.replace(actor, country=origin.country)
        named = any(t.ent_type_ in ("GPE", "NORP") for t in head.subtree)
        return actor if named or not actor.country else dataclasses.replace(actor, country=None)

    def _victim(self, tok, ctx: Context) -> Actor:
        """A victim as the parse names it ('four children', 'a journalist'), coded or not."""
        actor = resolve_actor(tok, ctx.offset, self.memory)
        return actor or Actor(original_text(tok), ctx.offset + tok.idx, ctx.offset + tok.idx + len(tok.text))

    def _protest_parties(self, m, ctx: Context, sources, targets, notes):
        """Whom a protest is aimed at, and unplaced protesters placed by it: "fundamentalists
        began a hunger strike against the Algerian president" are taken to be Algerian."""
        if sources and not targets:
            targets = self._protested(m, ctx, sources)
        if targets and targets[0].country not in (None, "IGO", "NGO"):
            sources = [_placed_as(s, targets[0].country, notes) for s in sources]
        return sources, targets

    def _code_allegation(self, m, ctx: Context, embedded) -> None:
        """'X alleged that Y shelled Z': X accuses Y (1123 for force, else 112); the shelling
        itself is coded as Y's claimed act by its own match. 'X alleged that Y knew of the plot'
        (a clause with no codable act) is still X's accusation of Y where the verb only accuses.
        A speech verb that finds fault ('X protested that Y was ignoring ...', pattern `clause`)
        is its own code (criticism) of the clause's doer, whatever the clause says Y did."""
        speech = m.pattern.clause
        hostile = embedded is not None and embedded.pattern.cameo[:2] in _HOSTILE_ACTS and embedded.pattern.frame == "event"
        if hostile:
            accused_tokens = embedded.sources
        elif embedded is None or speech:
            accused_tokens = _alleged_subjects(m)
        else:
            return
        if not accused_tokens or status.read_status(m.trigger, m.anchor).status != "asserted":
            return
        accusers = _coded(self._resolve_all(m.sources, ctx))
        # a domestic critic faults its own government: only the same party is no counterpart
        accused = [a for a in _coded(self._resolve_all(accused_tokens, ctx))
                   if not any(a.country == s.country and (not speech or a.sector == s.sector) for s in accusers)]
        hostile_force = embedded is not None and embedded.pattern.cameo[:2] in ("18", "19", "20")
        cameo = m.pattern.cameo if speech else "1123" if hostile_force else "112"
        reading, said_by = status.StatusReading("asserted", m.trigger.text), self._said_by(m.anchor, ctx)
        for src in accusers[:1]:
            for tgt in accused:
                self._add_event(m, ctx, reading, src, tgt, cameo, said_by, ["allegation"])

    def _cameo(self, m, reading, embedded, notes) -> str:
        return final_code(m.pattern, m.trigger, m.anchor, reading, embedded, "speaker_as_source" in notes)

    def _actors(self, m, ctx: Context, said_by: Actor | None):
        notes: list[str] = []
        sources = _coded(self._resolve_all(m.sources, ctx))
        if not sources and said_by is not None and _agentless(m) and m.pattern.cameo[:2] <= "08":
            sources, _ = [said_by], notes.append("speaker_as_source")
        targets = _coded(self._resolve_all(m.targets, ctx))
        targets = [t for t in targets if not any(_same(t, s) for s in sources)]
        if not targets and "speaker_as_source" in notes:
            near = _nearest_other(ctx.mentions, sources, m.trigger.idx + ctx.offset)
            if near is not None:
                targets, _ = [near], notes.append("nearest_target")
        if sources:
            targets = [inherit_counterpart_sectors(t, sources[0]) for t in targets]
        if "speaker_as_source" in notes and any(t.country == sources[0].country for t in targets):
            return [], [], notes  # "X said a shell was fired at it": the speaker is the victim
        return sources, targets, notes

    def _resolve_all(self, tokens, ctx: Context) -> list:
        out = []
        for t in tokens:
            out.extend(split_modifier_countries(t, ctx.offset, self.memory) or [resolve_actor(t, ctx.offset, self.memory)])
        return out

    def _place_target(self, m, ctx: Context, sources) -> list[Actor]:
        """'Serbia lifted a curfew in Montenegro': a country named as the place of an action
        done by someone else is the party it is done to. So is a province or region of
        another country than the doers' ('Canada flew patrols over Texas': USA), the CAMEO
        convention for acts on another state's territory; only when every doer has a country
        of its own (unplaced 'gunmen' in a province are more likely locals)."""
        out = []
        for tok in actions.place_objects(m.anchor):
            actor = resolve_actor(tok, ctx.offset, self.memory)
            if actor is None or not actor.country or actor.sector or \
                    any(actor.country == s.country for s in sources):
                continue
            if _is_country_name(actor) or (all(s.country for s in sources) and _is_region_name(actor)):
                out.append(actor)
        return out[:1]

    def _counterpart(self, m, ctx: Context, sources) -> list[Actor]:
        """Where English puts the counterpart of an act that has no object party: a to/into/
        toward phrase of the verb or its object ("handed the suspect over to Y's police"), a
        border and its 'with Y' ("troops on its border with Y", "toward the Y border"), "the Y
        city of Z", a by/on/of phrase of the object ("a travel ban on Y's officials", "mediation
        by Y"), or a country modifying the object ("a Y-flagged tanker"). Never the source's
        own country."""
        own = {s.country for s in sources}
        if m.pattern.pos == "NOUN":  # an event noun's phrases are its pattern's ("abuses by Y": Y acts)
            return []
        if not any(own):  # "wildfires forced the evacuation of residents in Y": no party acts
            return []
        for tok in _counterpart_tokens(m):
            actor = self._place_or_actor(tok, ctx)
            if actor is not None and actor.country and actor.country not in own and \
                    not any(_same(actor, s) for s in sources):
                return [actor]
        return []

    def _place_or_actor(self, tok, ctx: Context) -> Actor | None:
        """A token's actor; a border, boundary or city phrase gives the country it names."""
        lemma = tok.lemma_.lower()
        if lemma in _BORDER_NOUNS or lemma in _TOWN_NOUNS:
            for part in _place_parts(tok):
                found = self._place_or_actor(part, ctx)
                if found is not None and found.country:
                    return found
            return None
        actor = resolve_actor(tok, ctx.offset, self.memory)
        if (actor is None or not actor.country) and tok.pos_ == "PROPN":
            ent = ent_of(tok)
            text = ent.text if ent is not None else tok.text
            country = actors._city_country(text)
            if country:
                start = ctx.offset + (ent.start_char if ent is not None else tok.idx)
                return Actor(text, start, start + len(text), country)
        return actor

    def _protested(self, m, ctx: Context, sources) -> list[Actor]:
        """'began a hunger strike to demand the resignation of President X', 'rallied against
        Sweden's decision': whom a protest is aimed at is named in what it is for or against."""
        for tok in m.anchor.subtree:
            if tok.i <= m.trigger.i or tok.dep_ not in _AIMED_AT or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            actor = resolve_actor(tok, ctx.offset, self.memory)
            if actor is not None and actor.country and not any(_same(actor, s) for s in sources):
                return [actor]
        return []

    def _said_by(self, anchor, ctx: Context) -> Actor | None:
        reporter, who = _reported_by(anchor)
        who = who if reporter is not None else attribution.according_to(ctx.sent)
        if who is not None:
            actor = resolve_actor(who, ctx.offset, self.memory)
            if actor is not None and actor.country:
                return actor
        return self.memory.speaker

    # --- building records -----------------------------------------------------------------
    def _add_event(self, m, ctx, reading, src, tgt, cameo, said_by, notes) -> None:
        date, date_text, date_is = self._date(m)
        rule = f"{m.pattern.id}@{self.patterns.version}" + "".join(f"+{n}" for n in notes)
        sent_text = doc_text(ctx.sent.doc)[ctx.sent.start_char:ctx.sent.end_char]
        quote = attribution.quote_span(sent_text, ctx.offset + ctx.sent.start_char,
                                       m.trigger.idx - ctx.sent.start_char)
        self.events.append(Event(
            id="", sentence=ctx.index, source=src, target=tgt, **code_fields(cameo),
            status=reading.status, date=date, date_text=date_text, location=self._location(m),
            said_by=said_by, evidence=_evidence(m, ctx, src, tgt), rule=rule,
            confidence=_confidence(m, notes), date_is=date_is,
            quote=Span(*quote) if quote else None,
        ))
        self.events[-1].__dict__["_headline"] = ctx.headline

    def _add_claim(self, m, ctx, reading, src, tgt, cameo, said_by) -> None:
        claimed_by = None
        if reading.report_noun is not None:
            n = reading.report_noun
            claimed_by = Actor(original_text(n), ctx.offset + n.idx, ctx.offset + n.idx + len(n.text))
        denied_by = None
        if reading.status == "denied":
            denier = attribution.speaker_token(reading.denier) if reading.denier is not None else None
            denied_by = (resolve_actor(denier, ctx.offset, self.memory) if denier is not None else None) or said_by
        fields = code_fields(cameo)
        self.claims.append(Claim(
            id="", sentence=ctx.index, subject=src, object=tgt, cameo=cameo, plover=fields["plover"],
            status=reading.status, claimed_by=claimed_by, denied_by=denied_by,
            evidence=_evidence(m, ctx, src, tgt), rule=f"{m.pattern.id}@{self.patterns.version}+claim",
        ))

    def _date(self, m):
        for head in (m.anchor, m.trigger):
            found = dates.date_tokens_of(head)
            if found:
                ent = dates.date_span(found[0])
                text = original_text(ent if ent is not None else found[0])
                resolved = dates.resolve(text, self.doc.published)
                if resolved:
                    return resolved, text, "event"
        date, text = self.statement_date
        return date, text, ("statement" if date else "none")

    def _location(self, m) -> Location | None:
        from eventwire.extraction.places import locate

        doc, v = m.anchor.doc, view(m.anchor.doc)
        for i in _clause_indices(m):
            if v.dep(i) == "prep" and doc[i].lower_ in ("in", "at"):
                for obj in children(doc[i]):
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = ent_of(obj)
                        found = locate(original_text(ent if ent is not None else obj))
                        if found is not None:
                            return Location(found.name, found.country, found.lat, found.lon)
        return None

    # --- finishing ------------------------------------------------------------------------
    def finish(self) -> tuple[list[Event], list[Claim]]:
        events = _dedupe_events(self.events)
        claims = _dedupe_claims(self.claims)
        for n, e in enumerate(events, 1):
            e.id = f"{self.doc.id}-e{n}"
            e.__dict__.pop("_headline", None)
        for n, c in enumerate(claims, 1):
            c.id = f"{self.doc.id}-c{n}"
        return events, claims


# --- helpers --------------------------------------------------------------------------------
# Roots whose events often have no counterpart: statements, protests, force posture.
_TARGET_OPTIONAL_ROOTS = {"01", "14", "15"}


def _needs_target(p) -> bool:
    """An event needs a counterpart unless its pattern or its kind of action says otherwise.

    Restraint: "X continues to support the principle" or "X warned against speculation" name
    no counterpart, and coding them as events with an empty target floods the output.
    """
    if p.requires:
        return "target" in p.requires
    if (p.object or p.prep_object) and p.frame == "event":  # "lifted the state of emergency", "imposed a curfew"
        return False  # a specific expression is its own evidence; PLOVER makes most recipients optional
    return p.frame != "denial" and p.cameo[:2] not in _TARGET_OPTIONAL_ROOTS


# Speakers whose telling of an attack is an accusation: states, governments, armed forces,
# parties and armed groups; reporters, medics, rights monitors and bystanders only report.
_POLITICAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY", "SEP", "UAF", "INS"}
_REPORTING_SECTORS = {"MED", "HLH", "HRI", "NGO", "CVL", "EDU", "BUS", "REL", "DEV", "ENV", "LAB"}


def _reported_by(anchor):
    """The verb of saying that reports the clause at `anchor`, and the token of who says it."""
    reporter = attribution.reporting_verb(anchor)
    return reporter, (attribution.speaker_token(reporter) if reporter is not None else None)


def _obliged_by(anchor):
    """Who says that the clause at `anchor` must be done: a verb of saying, or one of
    concluding or finding whose that-clause it is ("the forum concluded that Y must ...")."""
    reporter, who = _reported_by(anchor)
    if reporter is None:
        reporter = attribution.concluding_verb(anchor)
        who = attribution.speaker_token(reporter) if reporter is not None else None
    return reporter, who


# Verbs whose object is a fight or attack that stops or never happens: "ending hostilities",
# "to halt the shelling", "avoid clashes".
_ENDING_VERBS = {"end", "cease", "halt", "stop", "prevent", "avoid", "renounce", "forswear", "avert"}


# Verbs whose object is a protest that is kept from happening: "banned the rally".
_FORBIDDING_VERBS = _ENDING_VERBS | {"ban", "prohibit", "outlaw", "forbid", "block", "cancel", "postpone", "bar"}


def _ended(m) -> bool:
    """A force noun that is the object of an ending verb names no act of force; a protest
    noun that is banned or called off is no protest (least of all by whoever banned it)."""
    if m.pattern.pos != "NOUN" or m.anchor.i == m.trigger.i or m.trigger.dep_ not in ("dobj", "nsubjpass"):
        return False
    root, verb = m.pattern.cameo[:2], m.anchor.lemma_.lower()
    return (root in _FORCE_ROOTS and verb in _ENDING_VERBS) or (root == "14" and verb in _FORBIDDING_VERBS)


def _political(actor: Actor) -> bool:
    if not actor.country or actor.country == "NGO" or set(actor.sector) & _REPORTING_SECTORS:
        return False
    return not actor.sector and _is_country_name(actor) or bool(set(actor.sector) & _POLITICAL_SECTORS)


def _is_country_name(actor: Actor) -> bool:
    from eventwire.gazetteer import lookup_country

    entry = lookup_country(actor.text)
    return entry is not None and entry.kind in ("name", "capital")


def _is_region_name(actor: Actor) -> bool:
    """The name of a province or region of the actor's country (not a people word)."""
    from eventwire.gazetteer import lookup_region

    entry = lookup_region(actor.text)
    return entry is not None and entry.kind == "name" and entry.country == actor.country


def _agentless(m) -> bool:
    """A passive clause or a clause-level event noun with no agent: "a deal was signed",
    "training has been initiated". The speaker is then taken as the doer, for cooperative
    acts only (roots 01-08): whoever reports an attack is seldom its author."""
    if "passive" in m.via:  # a finite passive clause; not a participle ("victims killed by")
        return not (m.trigger.dep_ in ("acl", "amod") and m.trigger.tag_ == "VBN")
    return m.pattern.pos == "NOUN" and m.trigger.dep_ in ("nsubjpass", "nsubj", "dobj") \
        and m.trigger.head.pos_ in ("VERB", "AUX")


# Means of conventional warfare: a killing done with them is fighting (CAMEO 19), not 1823.
_MILITARY_MEANS = {"shelling", "shell", "tank", "artillery", "airstrike", "strike", "missile", "rocket",
                   "mortar", "bombardment", "helicopter", "jet", "drone", "fighting", "clash", "battle",
                   "offensive", "raid", "gunship", "warplane", "aircraft"}


def _military_killing(m, targets) -> bool:
    """CAMEO 1823 is killing by physical assault; soldiers killed, or people killed by shelling,
    air strikes or in battle, are casualties of fighting (root 19)."""
    if any("MIL" in t.sector for t in targets):
        return True
    means = [g for prep in ("in", "by") for g in actions._prep_objects(m.anchor, prep)]
    return any(t.lemma_.lower() in _MILITARY_MEANS for g in means for t in (g, *children(g)))


# Where a struck place hangs on a force verb: its object, or a bare name parsed as an adverb.
_STRUCK_DEPS = {"dobj", "npadvmod", "nsubjpass"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}

# Phrases that hold a scene one step down: "at a checkpoint in X", "from a school in X".
_SCENE_HOLDERS = {"at", "from", "near", "outside", "inside", "in", "on", "through", "into"}


def _scene_nouns(m) -> list:
    """Nouns whose own place phrase gives an attack's scene: the place of 'killed them at a
    base in X', 'abducted pupils from a school in X', 'tore through a market in X', and the
    victims of 'killed villagers in X'."""
    verbs = [m.anchor] + ([m.anchor.head] if m.anchor.dep_ in ("advcl", "conj") else [])
    held = [g for v in verbs for c in children(v) if c.dep_ == "prep" and c.lower_ in _SCENE_HOLDERS
            for g in children(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return verbs[1:] + held + [t for t in m.targets if t.pos_ == "NOUN"]


# Nouns for a frontier (its 'with Y' or its modifier names the other side) and for a town
# ("the Y city of Z": Y or Z's country).
_BORDER_NOUNS = {"border", "boundary", "frontier", "line", "lac", "borderline"}
_TOWN_NOUNS = {"city", "town", "village", "port", "region", "province", "capital"}
_TOWARD = ("to", "into", "toward", "towards")
_BESIDE = ("on", "along", "near", "at", "across", "in", "to", "toward", "towards")
_ARGUMENT_PREPS = ("by", "on", "of", "against")


def _own_border_only(m, sources, targets) -> bool:
    """The only target found is a border of the source's own ('its border with Y')."""
    own = {s.country for s in sources}
    return bool(targets) and all(t.country in own for t in targets) and \
        any(t.lemma_.lower() in _BORDER_NOUNS for t in m.targets)


def _place_parts(tok) -> list:
    """What names the country of a border or town noun: 'with Y', 'of Z', a country modifier."""
    out = [g for prep in ("with", "of") for g in actions._prep_objects(tok, prep)]
    out += [c for c in children(tok) if c.dep_ in ("amod", "compound", "poss", "nmod")
            and c.ent_type_ in ("GPE", "NORP", "LOC")]
    return out


def _counterpart_tokens(m) -> list:
    """Candidate counterparts of `m`, most specific first (see `_counterpart`)."""
    verb = m.anchor
    obj = m.anchor.doc[next(iter(m.consumed))] if m.consumed else actions._obj(verb)
    heads = [verb] + ([obj] if obj is not None else [])
    # "information about the routes to Y": the phrase hangs one noun too low
    preps = [c for h in heads for c in children(h) if c.dep_ == "prep"]
    preps += [g for h in heads for c in children(h) if c.dep_ == "prt" for g in children(c) if g.dep_ == "prep"]
    inner = [g for c in preps if c.lower_ not in _TOWARD for g in children(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    out = [g for h in heads + inner for p in _TOWARD for g in actions._prep_objects(h, p)]
    borders = [g for h in heads + inner for p in _BESIDE for g in actions._prep_objects(h, p)
               if g.lemma_.lower() in _BORDER_NOUNS or g.lemma_.lower() in _TOWN_NOUNS]
    out += borders
    if any(b.lemma_.lower() in _BORDER_NOUNS for b in borders):  # "near the border with Y", parsed on the verb
        out += actions._prep_objects(verb, "with")
    if obj is not None:  # "a ban on Y", "mediation by Y" (the phrase often parsed on the verb)
        out += [g for h in (obj, verb) for p in _ARGUMENT_PREPS for g in actions._prep_objects(h, p)
                if h is obj or not actions.is_passive(verb)]
        out += [c for c in obj.lefts if c.ent_type_ in ("GPE", "NORP")]
        out += [g for c in obj.lefts for g in c.lefts if g.ent_type_ in ("GPE", "NORP")]  # "Y-flagged"
    return actions._conj_expand(out)


# Weapons and attackers named as the doer of an attack, and the CAMEO code of such an attack:
# aerial weapons 195, artillery and tanks 194, bombs 183 (car 1832, roadside 1833, suicide 1831).
_WEAPON_CODES = {"airstrike": "195", "jet": "195", "warplane": "195", "aircraft": "195", "drone": "195",
                 "helicopter": "195", "gunship": "195", "missile": "195", "rocket": "195", "raid": "195",
                 "shell": "194", "shelling": "194", "artillery": "194", "tank": "194", "mortar": "194",
                 "barrage": "194", "bombardment": "194",
                 "bomb": "183", "explosion": "183", "blast": "183", "ied": "183"}
_GENERIC_FORCE = {"180", "182", "1823", "183", "190"}  # a verb that says nothing of the weapon
_BOMB_KINDS = {"car": "1832", "truck": "1832", "vehicle": "1832", "roadside": "1833", "suicide": "1831"}
_AERIAL_MODIFIERS = {"air", "aerial", "drone", "missile"}


def _weapon_code(m) -> str | None:
    """The code an attack takes from the weapon that is its grammatical doer: 'air strikes
    killed 20' is an aerial attack (195), 'a car bomb killed 11' a car bombing (1832), 'a
    suicide bomber killed six' a suicide bombing (1831), 'jets pounded the town' 195."""
    for tok in m.sources:
        lemma = tok.lemma_.lower()
        mods = {c.lemma_.lower() for c in children(tok) if c.dep_ in ("compound", "amod", "nmod")}
        if lemma == "strike" and mods & _AERIAL_MODIFIERS:
            return "195"
        if lemma == "bomber":  # an aircraft unless a suicide bomber
            return "1831" if "suicide" in mods else None
        code = _WEAPON_CODES.get(lemma)
        if code == "183":
            return next((_BOMB_KINDS[k] for k in mods if k in _BOMB_KINDS), "183")
        if code is not None:
            return code
    return None


# "A trade war between X and Y", "a war of words": a fight that is no armed fighting.
_UNARMED = {"trade", "tariff", "price", "currency", "word", "verbal", "legal", "diplomatic", "cyber", "culture",
            "court", "propaganda", "information", "media", "political", "economic", "cold", "sanction"}


def _between_parties(m, targets):
    """'Clashes between X and Y', 'fighting between the army and the rebels': the parties of a
    fight named by 'between' fight each other; they are its sources, both ways."""
    unarmed = {c.lemma_.lower() for c in children(m.trigger) if c.dep_ in ("compound", "amod", "nmod")} & _UNARMED
    if len(targets) > 1 and not unarmed and any(t.head.lower_ == "between" for t in m.targets):
        return targets, []
    return [], targets


def _placed_as(actor: Actor, country: str, notes: list, note: str = "country_from_target") -> Actor:
    if actor.country:
        return actor
    if note not in notes:
        notes.append(note)
    return dataclasses.replace(actor, country=country)


def _coded(actors) -> list[Actor]:
    """Actors we can code: a country or organisation, or at least a sector ("rebels")."""
    return [a for a in actors if a is not None and (a.country or a.sector)]


def _same(a: Actor, b: Actor) -> bool:
    return (a.start, a.end) == (b.start, b.end) or (a.name is not None and a.name == b.name)


# Where a protest's addressee sits: "against X", "the resignation of X", "X's decision".
_AIMED_AT = {"pobj", "dobj", "poss", "appos"}

# An act attempted ("an attempt to kill X was foiled in Y") happened where the attempt did.
_ATTEMPTS = {"attempt", "try"}

# Coercion of persons that a state does to its own people when they have no other country:
# arrest (173), repression (175), restrictions, bans, curfews and martial law (172x). Not
# expulsion (174): the expelled are mostly foreigners.
_DOMESTIC_COERCION = {"1721", "1722", "1723", "1724", "173", "175"}  # not 172: "banned the book"
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}
_PLACE_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME"}
# Objects of these codes that are not people ("imposed a curfew on the city")
_NOT_PEOPLE = {"city", "town", "village", "area", "region", "province", "district", "capital", "street",
               "territory", "zone", "country", "border", "night", "weekend", "hour", "day", "week"}


# Singular nouns that name a person ("police detained a man"); plurals count anyway.
_PERSON_NOUNS = {"man", "woman", "person", "boy", "girl", "suspect", "youth", "teenager", "member",
                 "follower", "supporter", "resident", "citizen", "villager", "worker", "student"}


def _state_actor(actor: Actor) -> bool:
    """A state's own organ (government, police, courts, army, spies) or the country itself."""
    if not actor.country or actor.country in ("IGO", "NGO", "IMG"):
        return False
    if actor.sector:
        return set(actor.sector) <= _STATE_SECTORS | {"ELI"} and bool(set(actor.sector) & _STATE_SECTORS)
    return _is_country_name(actor) or actor.text.lower().startswith(("the authorities", "authorities"))


# Arrests and expulsions that can come "on charges of X": the charge is also an accusation.
_CHARGING_CODES = {"173", "174"}

# Roots that a game's words ("beat", "thrashed", "crushed", "routed", "attack") can take
_SPORT_BLOCKED = {"17", "18", "19", "20"}

# Roots of armed force: an attack with no named attacker is still coded (`_unclaimed_force`).
_FORCE_ROOTS = {"18", "19", "20"}

# Acts whose allegation is an accusation: coercion, force, protest, threats, rejection.
_HOSTILE_ACTS = {"12", "13", "14", "15", "16", "17", "18", "19", "20"}

# "X and Y agreed / met / clashed": a compound subject does these to each other.
_MUTUAL_ROOTS = {"03", "04", "05", "06", "07", "08", "19"}


# Verbs that accuse whatever they report ('alleged that', 'charged that'); 'claim' and
# 'assert' also report neutral news, so a clause with no codable act accuses nobody there.
_ACCUSING_VERBS = {"allege", "charge"}


def _alleged_subjects(m) -> list:
    """Subjects of the clause an accusing verb reports: 'alleged that Y was aware of the plan'
    names Y as the accused; a fault-finding speech verb ('protested that Y ...', before or
    after its clause) names the clause's doer (a passive clause's agent)."""
    trigger = m.trigger
    if m.pattern.clause:
        clause = actions.reported_clause(trigger)
        return actions.subject_of(clause)[0] if clause is not None else []
    if trigger.lemma_.lower() not in _ACCUSING_VERBS:
        return []
    clauses = [c for c in children(trigger) if c.dep_ == "ccomp"]
    clauses += [g for c in clauses for g in children(c) if g.dep_ == "conj"]
    return [s for c in clauses for s in children(c) if s.dep_ in ("nsubj", "nsubjpass")]


def _pairs(sources, targets, reciprocal: bool, mutual: bool = True, fight: bool = False):
    """Source-target pairs; a compound subject of a mutual act ("X and Y met") does it to each
    other, both ways. Parties of one country pair only when they fight ("the army and the
    rebels fought"): a civil war's sides are different sectors of one country."""
    if not targets and len(sources) > 1 and mutual:
        out = [(s, t) for s in sources for t in sources if s is not t and (
            s.country != t.country or fight and s.sector != t.sector and not _same(s, t))]
        # "the government and the rebels agreed": two sides of one country are each other's party
        out = [(s, t) for s in sources for t in sources if s is not t and (
            s.country != t.country or (s.sector and t.sector and set(s.sector).isdisjoint(t.sector)))]
        return out or [(sources[0], None)]
    pairs = [(s, t) for s in sources for t in (targets or [None])]
    if reciprocal:
        pairs += [(t, s) for s, t in pairs if t is not None]
    return pairs


def _nearest_other(mentions, sources, pos: int) -> Actor | None:
    countries = {s.country for s in sources}
    others = [a for a in mentions if a.country not in countries]
    return min(others, key=lambda a: abs(a.start - pos)) if others else None


def _embedded_under_frames(matches) -> set[int]:
    """Triggers inside the complement of a framing verb (intent, threat, request, refusal) are
    not events of their own: the framing verb's event takes its code from them. A frame that
    codes nothing itself ("insisted on its demand that ...") leaves the noun it frames its event."""
    framed = [m for m in matches if is_framing(m.pattern, m.trigger)
              and not is_contentless(m.pattern, m.trigger, _embedded_child(m, matches))]
    out = set()
    permits = {i for f in matches if f.pattern.object & _PERMISSION_NOUNS for i in (*f.consumed, f.trigger.i)}
    for m in matches:  # "gave Y permission to fly over": the flight is only allowed
        if m.trigger.dep_ in ("acl", "advcl", "xcomp") and m.trigger.head.i in permits:
            out.add(m.trigger.i)
        for f in framed:
            if f is not m and actions.is_complement(m.trigger, f.trigger):
                out.add(m.trigger.i)
    return out


_PERMISSION_NOUNS = frozenset({"permission", "approval", "authorization", "authorisation", "clearance",
                               "consent", "go-ahead"})


def _embedded_child(m, matches, depth: int = 0):
    """The match in `m`'s complement. A frame noun of the same kind in between is looked
    through: "insisted on its demand that Y withdraw" asks for the withdrawal."""
    for other in matches:
        if other is not m and actions.is_complement(other.trigger, m.trigger):
            if depth < 2 and other.pattern.frame == m.pattern.frame != "event" and other.pattern.pos == "NOUN":
                return _embedded_child(other, matches, depth + 1) or other
            return other
    return None


def _one_per_coordination(matches):
    """'training, consultancy and visits have been initiated': one event for the coordination."""
    seen, out = set(), []
    for m in matches:
        if m.pattern.pos == "NOUN" and m.trigger.dep_ == "conj":
            head = m.trigger
            while head.dep_ == "conj":
                head = head.head
            if any(o.trigger.i == head.i for o in matches):
                continue
        if m.trigger.i not in seen:
            seen.add(m.trigger.i)
            out.append(m)
    return out


def _clause_indices(m):
    """Token indices under the anchor, then under the trigger (each once)."""
    heads = [m.anchor] if m.anchor.i == m.trigger.i else [m.anchor, m.trigger]
    seen = set()
    for h in heads:
        for i in subtree(h):
            if i not in seen:
                seen.add(i)
                yield i


def _evidence(m, ctx: Context, src: Actor | None, tgt: Actor | None) -> Span:
    sent_start = ctx.offset + ctx.sent.start_char
    sent_end = ctx.offset + ctx.sent.end_char
    points = [ctx.offset + m.trigger.idx, ctx.offset + m.trigger.idx + len(m.trigger.text)]
    points += [ctx.offset + m.anchor.idx]
    for a in (src, tgt):
        if a is not None and sent_start <= a.start and a.end <= sent_end:
            points += [a.start, a.end]
    start, end = max(min(points), sent_start), min(max(points), sent_end)
    text = doc_text(ctx.sent.doc)[start - ctx.offset:end - ctx.offset]
    return Span(text, start, end)


def _confidence(m, notes) -> float:
    c = m.pattern.confidence
    c *= 0.85 if "speaker_as_source" in notes else 1.0
    c *= 0.8 if "nearest_target" in notes else 1.0
    c *= 0.9 if "inherited" in m.via else 1.0
    return round(c, 3)


def _event_key(e: Event):
    key = (e.source.country if e.source else None, e.target.country if e.target else None,
           e.cameo[:2], e.status, e.date)
    if e.cameo[:2] == "19" and e.source and e.target and e.source.country == e.target.country:
        key += (tuple(e.source.sector), tuple(e.target.sector))  # a civil war's two sides
    return key


def _dedupe_events(events: list[Event]) -> list[Event]:
    """Merge events told twice in one story; headline copies of body events go."""
    body = [e for e in events if not e.__dict__.get("_headline")]
    heads = [e for e in events if e.__dict__.get("_headline")]
    out, seen, loose = [], set(), set()
    for e in body + heads:
        key = _event_key(e)
        if key in seen or (e.__dict__.get("_headline") and key[:2] + (key[2][:2],) in loose):
            continue
        seen.add(key)
        loose.add(key[:2] + (key[2][:2],))
        out.append(e)
    return sorted(out, key=lambda e: e.evidence.start)


def _dedupe_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per dyad: a story restating a claim ("the claim that ...") repeats it."""
    rank = {"denied": 0, "claimed": 1, "hypothetical": 2}
    best: dict = {}
    for c in claims:
        key = (c.subject.country if c.subject else None, c.object.country if c.object else None)
        if key not in best or rank.get(c.status, 2) < rank.get(best[key].status, 2):
            best[key] = c
    with_object = {k[0] for k in best if k[1] is not None}
    kept = [c for k, c in best.items() if k[1] is not None or k[0] not in with_object]
    return sorted(kept, key=lambda c: c.evidence.start)


# "arrested 20 people in raids", "detained dozens during a sweep": the police raid is how the
# arrest was made, not an attack of its own.
_RAID_NOUNS = {"raid", "sweep", "swoop", "crackdown", "operation"}


def _means_of_arrest(matches) -> set[int]:
    arrests = {m.trigger.i for m in matches if m.pattern.cameo[:2] == "17"}
    if not arrests:
        return set()
    out = set()
    for m in matches:
        t = m.trigger
        if t.pos_ == "NOUN" and t.lemma_.lower() in _RAID_NOUNS and t.dep_ == "pobj" and \
                t.head.lower_ in ("in", "during") and t.head.head.i in arrests:
            out.add(t.i)
    return out
