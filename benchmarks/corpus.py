"""Synthetic wire-style corpus: N stories from the project's own templates, with known events.

Each "world event" (a dyad, an action, a day) is told by one to five stories from different
outlets in different words (paraphrase templates), and some stories are wire copies of another
(the same copy under another outlet's name with a byline changed). Every story carries the
events it states (`expected`), so ingest and dedupe can be checked against the truth.

    python benchmarks/corpus.py 10000 --out corpus.jsonl --seed 7

Streaming and deterministic: `generate(n, seed)` is a generator in constant memory; the same
seed gives the same corpus. All names, officials and sentences are invented for this project.

`template_coder(stories)` codes stories written from these templates without any NLP (regular
expressions built from the same templates): tests and benchmarks use it as a stand-in coder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from typing import Iterator

COUNTRIES = [  # (name, ISO 3166 alpha-3, capital)
    ("Turkey", "TUR", "Ankara"), ("Syria", "SYR", "Damascus"), ("Iraq", "IRQ", "Baghdad"),
    ("Iran", "IRN", "Tehran"), ("Egypt", "EGY", "Cairo"), ("Jordan", "JOR", "Amman"),
    ("Greece", "GRC", "Athens"), ("Russia", "RUS", "Moscow"), ("Ukraine", "UKR", "Kyiv"),
    ("Japan", "JPN", "Tokyo"), ("China", "CHN", "Beijing"), ("India", "IND", "New Delhi"),
    ("Pakistan", "PAK", "Islamabad"), ("Kenya", "KEN", "Nairobi"), ("Ethiopia", "ETH", "Addis Ababa"),
    ("Brazil", "BRA", "Brasilia"), ("Argentina", "ARG", "Buenos Aires"), ("France", "FRA", "Paris"),
    ("Germany", "DEU", "Berlin"), ("Poland", "POL", "Warsaw"),
]
CODE = {name: iso for name, iso, _ in COUNTRIES}
OUTLETS = ["Harbor Wire", "Meridian News", "Daily Ledger", "Continental Press", "Eastgate Times",
           "Northline Radio", "Civic Observer", "Atlas Report"]
OFFICIALS = ["Foreign Minister Lena Oskar", "Defense Minister Ravi Tamsin", "President Ada Morrow",
             "Prime Minister Joel Varga", "Trade Minister Nia Castell", "Interior Minister Omar Lind"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Each action: CAMEO, PLOVER, quad, status, and paraphrases of its key sentence. {A} acts on {B}.
ACTIONS = [
    ("040", "CONSULT", 1, "asserted", [
        "{A} held talks with {B} in {city} on {day}.",
        "Officials from {A} held talks with {B} on {day} in {city}, covering border security.",
        "{A} and {B} met for talks in {city} on {day}, the foreign ministry said.",
    ]),
    ("057", "SUPPORT", 1, "asserted", [
        "{A} signed an agreement with {B} on {day} in {city}.",
        "On {day}, {A} signed an agreement with {B} on energy and trade.",
        "{A} signed a cooperation agreement with {B} in {city} on {day}.",
    ]),
    ("112", "ACCUSE", 3, "asserted", [
        "{A} accused {B} of violating the ceasefire on {day}.",
        "On {day}, {A} accused {B} of supplying weapons to militants.",
        "{A} publicly accused {B} on {day} of undermining regional stability.",
    ]),
    ("163", "COERCE", 4, "asserted", [
        "{A} imposed sanctions on {B} on {day}.",
        "On {day}, {A} imposed sanctions on {B} over its missile program.",
        "{A} imposed new sanctions on {B} on {day}, targeting its banks.",
    ]),
    ("190", "ASSAULT", 4, "asserted", [
        "{A} attacked {B} positions near the border on {day}.",
        "Forces from {A} attacked {B} outposts on {day}, witnesses said.",
        "On {day}, {A} attacked {B} military targets with artillery.",
    ]),
    ("042", "CONSULT", 1, "planned", [
        "{A} plans to visit {B} next month, officials said on {day}.",
        "A delegation from {A} plans to visit {B} for trade talks, {city} said on {day}.",
    ]),
]
# A denial: {B} denies a report that it {verb} {A}; coded as a claim, not an event.
DENIALS = [("190", "ASSAULT", "attacked"), ("163", "COERCE", "imposed sanctions on")]
DENIAL = "{B} dismissed reports that it had {verb} {A}."
FILLERS = [
    "The meeting comes after months of strained relations between the two governments.",
    "Analysts said the move could reshape trade routes across the region.",
    "No further details were given in the statement.",
    "The announcement was broadcast on state television in the evening.",
    "Diplomats described the atmosphere as tense but businesslike.",
]

_NAMES = "|".join(re.escape(name) for name, _, _ in COUNTRIES)


def generate(n: int, seed: int = 0, start: dt.date = dt.date(2025, 1, 1)) -> Iterator[dict]:
    """Yield n story records: text, title, published, source, url, expected (events, claims)."""
    rng = random.Random(seed)
    count, number = 0, 0
    while count < n:
        world = _world_event(rng, number, start)
        for story in _tell(rng, world, number):
            if count == n:
                return
            yield story
            count += 1
        number += 1


def _world_event(rng: random.Random, number: int, start: dt.date) -> dict:
    (a, _, city), (b, _, _) = rng.sample(COUNTRIES, 2)
    action = rng.choice(ACTIONS)
    date = start + dt.timedelta(days=number // 15)  # about 15 world events a day
    return {"A": a, "B": b, "city": city, "action": action, "date": date,
            "reports": rng.choice([1, 1, 2, 3, 5]), "copies": rng.random() < 0.2}


def _tell(rng: random.Random, world: dict, number: int) -> Iterator[dict]:
    cameo, plover, quad, status, templates = world["action"]
    day = WEEKDAYS[world["date"].weekday()]
    for k in range(world["reports"]):
        outlet = OUTLETS[(number + k) % len(OUTLETS)]
        key = templates[(k + number) % len(templates)].format(A=world["A"], B=world["B"],
                                                              city=world["city"], day=day)
        lines, claims = [key], []
        if rng.random() < 0.3:
            c_cameo, c_plover, verb = rng.choice(DENIALS)
            lines.append(DENIAL.format(A=world["A"], B=world["B"], verb=verb))
            claims.append({"subject": CODE[world["B"]], "object": CODE[world["A"]], "cameo": c_cameo,
                           "plover": c_plover, "status": "denied"})
        lines += rng.sample(FILLERS, 2)
        event = {"source": CODE[world["A"]], "target": CODE[world["B"]], "cameo": cameo,
                 "plover": plover, "quad": quad, "status": status, "date": world["date"].isoformat()}
        story = _story(world, outlet, lines, number, k, event, claims, rng)
        yield story
        if world["copies"] and k == 0:
            yield _wire_copy(story, number)


def _story(world, outlet, lines, number, k, event, claims, rng) -> dict:
    headline = f"{world['A']} and {world['B']}: {event['plover'].title()} ({number}-{k})"
    official = rng.choice(OFFICIALS)
    body = " ".join(lines) + f" {official} of {world['A']} declined to comment further."
    text = f"{headline}\n\n{world['city'].upper()} ({outlet}) - {body}"
    return {"text": text, "title": headline, "published": world["date"].isoformat(),
            "source": outlet, "url": f"https://example.org/{number}/{k}",
            "expected": {"events": [event], "claims": claims}}


def _wire_copy(story: dict, number: int) -> dict:
    """The same wire story run by a subscriber, who adds a credit line at the end."""
    copy = dict(story, source="Regional Syndicate", url=f"https://example.org/{number}/copy")
    copy["text"] = story["text"] + "\n\nDistributed by Regional Syndicate."
    return copy


# -- a coder that knows the templates (no NLP) -------------------------------------------------


def _pattern(template: str) -> re.Pattern:
    text = re.escape(template)
    for field, group in (("A", f"(?P<A>{_NAMES})"), ("B", f"(?P<B>{_NAMES})"),
                         ("city", r"(?P<city>[A-Z][\w ]+?)"), ("day", r"(?P<day>[A-Z][a-z]+)"),
                         ("verb", r"(?P<verb>[a-z ]+?)")):
        text = text.replace(re.escape("{" + field + "}"), group)
    return re.compile(text)


_EVENT_PATTERNS = [(_pattern(t), action) for action in ACTIONS for t in action[4]]
_DENIAL_PATTERN = _pattern(DENIAL)


def template_coder(stories):
    """Code template stories: a Report per story (events and denied claims found by regex)."""
    from eventwire.schema import Doc, Report

    for story in stories:
        events = [_event(m, action, story, i) for i, (m, action) in enumerate(_matches(story.text))]
        claims = [_claim(m, story, i) for i, m in enumerate(_DENIAL_PATTERN.finditer(story.text))]
        doc = Doc(id=hashlib.sha1(story.text.encode()).hexdigest()[:16], text=story.text, title=story.title,
                  published=story.published, source=story.source, url=story.url,
                  versions={"corpus-templates": "v1", "template-coder": "v1"})
        yield Report(doc, events, claims)


def _matches(text: str):
    found = []
    for pattern, action in _EVENT_PATTERNS:
        found += [(m, action) for m in pattern.finditer(text)]
    return sorted(found, key=lambda pair: pair[0].start())


def _actor(m: re.Match, group: str):
    from eventwire.schema import Actor

    return Actor(m[group], m.start(group), m.end(group), CODE[m[group]], ["GOV"])


def _event(m: re.Match, action, story, i: int):
    from eventwire.schema import Event, Span

    cameo, plover, quad, status, _ = action
    return Event(id=f"e{i}", sentence=1, source=_actor(m, "A"), target=_actor(m, "B"), cameo=cameo,
                 plover=plover, mode=None, quad=quad, intensity=0.0, status=status,
                 date=story.published, date_text=m["day"], location=None, said_by=None,
                 evidence=Span(m[0], m.start(), m.end()), rule=f"template-{cameo}.v1", confidence=1.0,
                 date_is="published")


def _claim(m: re.Match, story, i: int):
    from eventwire.schema import Claim, Span

    cameo, plover = ("163", "COERCE") if "sanctions" in m["verb"] else ("190", "ASSAULT")
    return Claim(id=f"c{i}", sentence=2, subject=_actor(m, "B"), object=_actor(m, "A"), cameo=cameo,
                 plover=plover, status="denied", claimed_by=None, denied_by=_actor(m, "B"),
                 evidence=Span(m[0], m.start(), m.end()), rule="template-denial.v1")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of stories")
    parser.add_argument("--out", help="JSONL file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for story in generate(args.n, args.seed):
            out.write(json.dumps(story, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()


if __name__ == "__main__":
    main()
