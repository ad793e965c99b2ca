"""Geometry for the server-side SVG charts: stacked monthly bars and a circular dyad network.

Functions here return numbers and labels, not markup: the templates draw the SVG with
autoescape on, so a country code or title from the store can never inject anything.
"""

from __future__ import annotations

import math
from urllib.parse import quote

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}


def months_between(first: str, last: str) -> list[str]:
    """Every YYYY-MM from first to last, so gaps show as empty months on the time axis."""
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def nice_max(value: int) -> int:
    """A round axis top at or above `value` (1, 2, 5 x 10^n)."""
    if value <= 1:
        return 1
    power = 10 ** int(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def timeline(rows: list[dict], width: int = 720, height: int = 240) -> dict:
    """Stacked bars per month by quad class, from `web.queries.timeline` rows."""
    left, right, top, bottom = 44, 12, 12, 36
    chart = {"width": width, "height": height, "bars": [], "ticks": [], "labels": [],
             "x0": left, "x1": width - right, "y0": height - bottom, "empty": not rows}
    if not rows:
        return chart
    by_month = {r["month"]: r for r in rows}
    months = months_between(rows[0]["month"], rows[-1]["month"])
    top_value = nice_max(max(r["events"] for r in rows))
    plot_h, step = height - top - bottom, (width - left - right) / len(months)
    scale = plot_h / top_value
    for i, month in enumerate(months):
        width_of_bar = min(step * 0.8, 56)  # a few months should not make slabs
        chart["bars"] += _stack(by_month.get(month), left + (i + 0.5) * step - width_of_bar / 2,
                                width_of_bar, height - bottom, scale, month)
    every = max(1, math.ceil(len(months) / 12))
    chart["labels"] = [{"x": round(left + (i + 0.5) * step, 1), "text": m}
                       for i, m in enumerate(months) if i % every == 0]
    chart["ticks"] = [{"y": round(height - bottom - v * scale, 1), "text": str(v)}
                      for v in sorted({0, top_value // 2, top_value})]
    return chart


def _stack(row: dict | None, x: float, w: float, base: float, scale: float, month: str) -> list:
    bars, y = [], base
    for quad, name in QUADS.items():
        count = (row or {}).get(f"q{quad}", 0)
        if not count:
            continue
        h = count * scale
        y -= h
        bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(w, 1), "h": round(h, 1),
                     "quad": quad, "title": f"{month}: {count} {name}"})
    return bars


def network(dyads: list[dict], size: int = 560) -> dict:
    """Countries on a circle, one curved arrow per directed dyad (width = events)."""
    edges = [d for d in dyads if d.get("source") and d.get("target") and d["source"] != d["target"]]
    names = sorted({d["source"] for d in edges} | {d["target"] for d in edges})
    centre, radius = size / 2, size / 2 - 70
    places = {}
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / max(len(names), 1) - math.pi / 2
        places[name] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    most = max((d["events"] for d in edges), default=1)
    return {"size": size, "empty": not edges,
            "nodes": [_node(name, *places[name], centre, radius) for name in names],
            "edges": [_edge(d, places, most) for d in edges]}


def _node(name: str, x: float, y: float, angle: float, centre: float, radius: float) -> dict:
    lx, ly = centre + (radius + 22) * math.cos(angle), centre + (radius + 22) * math.sin(angle)
    anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
    return {"name": name, "x": round(x, 1), "y": round(y, 1), "lx": round(lx, 1),
            "ly": round(ly + 4, 1), "anchor": anchor}


def _edge(dyad: dict, places: dict, most: int) -> dict:
    """A quadratic curve bent to its right, so A->B and B->A never overlap."""
    (x1, y1, _), (x2, y2, _) = places[dyad["source"]], places[dyad["target"]]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    pad = 12  # stop short of the node circles so the arrowhead shows
    sx, sy, tx, ty = x1 + ux * pad, y1 + uy * pad, x2 - ux * (pad + 4), y2 - uy * (pad + 4)
    bend = 0.15 * length
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    balance = dyad.get("balance") or 0
    tone = "coop" if balance > 0.2 else "conflict" if balance < -0.2 else "mixed"
    return {"d": f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {tx:.1f},{ty:.1f}",
            "width": round(1.5 + 7.5 * dyad["events"] / most, 1), "tone": tone,
            "href": "/dyads/" + quote(f"{dyad['source']}-{dyad['target']}"),
            "title": (f"{dyad['source']} → {dyad['target']}: {dyad['events']} events "
                      f"({dyad['cooperation']} cooperation, {dyad['conflict']} conflict)")}
