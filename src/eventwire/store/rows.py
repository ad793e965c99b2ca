"""Reports -> table rows: the flat shape each stored record takes (one dict per row).

Actors are flattened into `<role>_country`, `<role>_code`... columns on their event or claim
(for fast filters) and also kept one row per mention in `actors`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from eventwire.schema import Actor, Claim, Event, Report, Story

_SPACE = re.compile(r"\s+")


def fingerprint(text: str) -> str:
    """Content fingerprint of a story: the same text (up to whitespace) gives the same id."""
    normal = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]


def story_row(story_id: str, story: Story, report: Report, now: dt.datetime) -> dict:
    doc = report.doc
    return {
        "id": story_id, "doc_id": doc.id, "title": doc.title or story.title,
        "published": doc.published or story.published, "dateline": doc.dateline or story.dateline,
        "source": doc.source or story.source, "url": doc.url or story.url, "origin": story.origin,
        "language": doc.language, "text": story.text, "versions": versions_json(doc.versions),
        "n_events": len(report.events), "n_claims": len(report.claims), "ingested_at": now,
    }


def event_row(story_id: str, event: Event, report: Report) -> dict:
    loc, ev = event.location, event.evidence
    row = {
        "id": f"{story_id}:{event.id}", "story_id": story_id, "event_id": event.id,
        "sentence": event.sentence, "cameo": event.cameo, "cameo_root": (event.cameo or "")[:2] or None,
        "plover": event.plover, "mode": event.mode, "quad": event.quad, "intensity": event.intensity,
        "status": event.status, "date": event.date or report.doc.published, "date_text": event.date_text,
        "date_is": event.date_is, "location_name": loc and loc.name, "location_country": loc and loc.country,
        "lat": loc and loc.lat, "lon": loc and loc.lon, "said_by_text": event.said_by and event.said_by.text,
        "said_by_code": event.said_by and event.said_by.code, "evidence": ev.text,
        "evidence_start": ev.start, "evidence_end": ev.end, "quote": event.quote and event.quote.text,
        "rule": event.rule, "confidence": event.confidence, "versions": versions_json(report.doc.versions),
        "dyad_key": dyad_key(_country(event.source), _country(event.target)),
    }
    row.update(actor_columns("source", event.source))
    row.update(actor_columns("target", event.target))
    return row


def claim_row(story_id: str, claim: Claim, report: Report) -> dict:
    ev = claim.evidence
    row = {
        "id": f"{story_id}:{claim.id}", "story_id": story_id, "claim_id": claim.id,
        "sentence": claim.sentence, "cameo": claim.cameo, "plover": claim.plover, "status": claim.status,
        "evidence": ev.text, "evidence_start": ev.start, "evidence_end": ev.end, "rule": claim.rule,
        "versions": versions_json(report.doc.versions),
    }
    for role in ("subject", "object"):
        actor = getattr(claim, role)
        row.update({f"{role}_text": actor and actor.text, f"{role}_country": _country(actor),
                    f"{role}_code": actor and actor.code})
    for role in ("claimed_by", "denied_by"):
        actor = getattr(claim, role)
        row.update({f"{role}_text": actor and actor.text, f"{role}_code": actor and actor.code})
    return row


def actor_rows(story_id: str, report: Report) -> list[dict]:
    """One row per actor mention, in events (source, target, said_by) and claims."""
    rows = []
    records = [(e, ("source", "target", "said_by")) for e in report.events]
    records += [(c, ("subject", "object", "claimed_by", "denied_by")) for c in report.claims]
    for record, roles in records:
        for role in roles:
            actor = getattr(record, role)
            if actor is not None:
                rows.append(_actor_row(story_id, record.id, role, actor))
    return rows


def actor_columns(role: str, actor: Actor | None) -> dict:
    if actor is None:
        return {f"{role}_{k}": None for k in ("text", "country", "sector", "name", "role", "code")}
    return {f"{role}_text": actor.text, f"{role}_country": actor.country,
            f"{role}_sector": "|".join(actor.sector) or None, f"{role}_name": actor.name,
            f"{role}_role": actor.role, f"{role}_code": actor.code}


def dyad_key(a: str | None, b: str | None) -> str | None:
    """Both countries, sorted: reports of one meeting may name either side first."""
    if a is None and b is None:
        return None
    return "-".join(sorted((a or "---", b or "---")))


def _actor_row(story_id: str, record_id: str, role: str, actor: Actor) -> dict:
    return {"id": f"{story_id}:{record_id}:{role}", "story_id": story_id, "record_id": record_id,
            "role": role, "text": actor.text, "start_char": actor.start, "end_char": actor.end,
            "country": actor.country, "sector": "|".join(actor.sector) or None, "name": actor.name,
            "title": actor.role, "code": actor.code}


def versions_json(versions: dict[str, str]) -> str:
    """How a story's rule and dictionary versions are stored (`stories.versions`, `events.versions`)."""
    return _json(versions)


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
