"""Readable terminal tables for reports (rich)."""

from __future__ import annotations

from rich.table import Table


def _actor(a) -> str:
    if a is None:
        return "-"
    code = (a.country or "---") + ("/" + "+".join(a.sector) if a.sector else "")
    who = a.name or a.text
    return f"{code} {who}" if len(who) < 40 else f"{code} {who[:37]}..."


def report_tables(report) -> list[Table]:
    doc = report.doc
    title = f"{doc.title or doc.id} ({doc.published or 'undated'}{', ' + doc.dateline if doc.dateline else ''})"
    events = Table(title=f"Events: {title}", show_lines=True)
    for col in ("source", "action", "target", "status", "date", "place", "said by", "evidence"):
        events.add_column(col, overflow="fold")
    for e in report.events:
        action = f"{e.cameo} {e.plover or ''}{'/' + e.mode if e.mode else ''} q{e.quad} {e.intensity:+.1f}"
        place = e.location.name if e.location else "-"
        events.add_row(_actor(e.source), action, _actor(e.target), e.status, e.date or "-",
                       place, _actor(e.said_by), e.evidence.text)
    claims = Table(title="Claims", show_lines=True)
    for col in ("subject", "action", "object", "status", "claimed by", "denied by", "evidence"):
        claims.add_column(col, overflow="fold")
    for c in report.claims:
        claims.add_row(_actor(c.subject), f"{c.cameo} {c.plover or ''}", _actor(c.object), c.status,
                       c.claimed_by.text if c.claimed_by else "-", _actor(c.denied_by), c.evidence.text)
    return [events, claims]
