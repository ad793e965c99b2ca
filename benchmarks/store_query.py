"""Time the store's queries on 1,000,000 synthetic event rows (bulk-inserted through Arrow).

    PYTHONPATH=src python benchmarks/store_query.py [--rows 1000000] [--db PATH] [--repeat 3]

No NLP: rows are drawn at random (seeded) and written straight into the tables; every third
mention starts a cluster of three. Prints the build time, then the median milliseconds of each
library call behind a CLI command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.store import open_store  # noqa: E402
from eventwire.store import export as X  # noqa: E402
from eventwire.store import queries as Q  # noqa: E402
from eventwire.store.write import to_arrow  # noqa: E402

COUNTRIES = ["TUR", "SYR", "IRQ", "IRN", "EGY", "JOR", "GRC", "RUS", "UKR", "JPN", "CHN", "IND",
             "PAK", "KEN", "ETH", "BRA", "ARG", "FRA", "DEU", "POL", "USA", "GBR", "ISR", "SAU"]
CODES = [("040", "CONSULT", 1), ("042", "CONSULT", 1), ("057", "SUPPORT", 1), ("061", "COOPERATE", 2),
         ("112", "ACCUSE", 3), ("130", "THREATEN", 3), ("163", "COERCE", 4), ("190", "ASSAULT", 4)]
STATUSES = ["asserted"] * 8 + ["planned", "denied"]
START = dt.date(2023, 1, 1)
CHUNK = 100_000


def event_rows(rng: random.Random, first: int, count: int) -> tuple[list, list, list, list]:
    events, links, clusters, stories = [], [], [], []
    for i in range(first, first + count):
        src, tgt = rng.sample(COUNTRIES, 2)
        cameo, plover, quad = rng.choice(CODES)
        story = f"s{i // 2:07d}"
        founder = i - i % 3
        date = START + dt.timedelta(days=rng.randrange(900))
        events.append({
            "id": f"{story}:e{i}", "story_id": story, "event_id": f"e{i}", "sentence": i % 5,
            "source_text": src, "source_country": src, "source_sector": "GOV", "source_code": src + "GOV",
            "target_text": tgt, "target_country": tgt, "target_code": tgt, "dyad_key": "-".join(sorted((src, tgt))),
            "cameo": cameo, "cameo_root": cameo[:2], "plover": plover, "quad": quad, "intensity": 1.0,
            "status": rng.choice(STATUSES), "date": date, "evidence": f"{src} {plover.lower()} {tgt}",
            "rule": f"{plover.lower()}.v1", "confidence": 0.9, "versions": '{"rules": "v1"}'})
        links.append({"event_id": events[-1]["id"], "cluster_id": f"s{founder // 2:07d}:e{founder}", "score": None})
        if i == founder:
            clusters.append({"id": links[-1]["cluster_id"], "event_id": events[-1]["id"], "mention_count": 3,
                             "source_count": 3, "outlet_count": 2, "copy_count": 0,
                             "first_date": date, "last_date": date})
        if i % 2 == 0:
            stories.append({"id": story, "doc_id": story, "title": f"Story {story}", "published": date,
                            "source": f"outlet{i % 40}", "url": f"https://example.org/{story}",
                            "text": f"{src} and {tgt}.", "versions": '{"rules": "v1"}',
                            "n_events": 2, "n_claims": 0, "ingested_at": dt.datetime(2025, 1, 1)})
    return events, links, clusters, stories


def claim_rows(rng: random.Random, count: int) -> list[dict]:
    return [{"id": f"s{i:07d}:c0", "story_id": f"s{i:07d}", "claim_id": "c0", "sentence": 2,
             "subject_country": (s := rng.choice(COUNTRIES)), "subject_code": s, "object_code": rng.choice(COUNTRIES),
             "cameo": "190", "plover": "ASSAULT", "status": "denied", "evidence": "dismissed reports",
             "rule": "denial.v1", "versions": '{"rules": "v1"}'} for i in range(0, count * 5, 5)]


def build(store, rows: int, seed: int) -> float:
    rng, started = random.Random(seed), time.perf_counter()
    for first in range(0, rows, CHUNK):
        events, links, clusters, stories = event_rows(rng, first, min(CHUNK, rows - first))
        with store.transaction():
            for table, batch in (("events", events), ("event_clusters", links),
                                 ("clusters", clusters), ("stories", stories)):
                store.insert(table, to_arrow(batch))
    with store.transaction():
        store.insert("claims", to_arrow(claim_rows(rng, rows // 10)))
    return time.perf_counter() - started


def cases(store) -> dict:
    F = Q.EventFilter
    return {
        "events (latest 100 clusters)": lambda: Q.events(store),
        "events --actor TUR": lambda: Q.events(store, F(actor="TUR")),
        "events --dyad TUR-SYR": lambda: Q.events(store, F(dyad="TUR-SYR")),
        "events --type CONSULT": lambda: Q.events(store, F(type="CONSULT")),
        "events --cameo 04": lambda: Q.events(store, F(cameo="04")),
        "events --status denied": lambda: Q.events(store, F(status="denied")),
        "events --since/--until (one month)": lambda: Q.events(store, F(since="2024-03-01", until="2024-03-31")),
        "events --actor TUR --type ASSAULT --since 2024-01-01": lambda: Q.events(store, F(actor="TUR", type="ASSAULT", since="2024-01-01")),
        "events --mentions": lambda: Q.events(store, mentions=True),
        "claims": lambda: Q.claims(store),
        "claims --actor TUR": lambda: Q.claims(store, actor="TUR"),
        "dyads": lambda: Q.dyads(store),
        "dyads --by-month": lambda: Q.dyads(store, by_month=True, limit=None),
        "story ID": lambda: Q.story(store, "s0250000"),
        "stats": lambda: Q.stats(store),
        "export --format gdelt --actor TUR (to /dev/null)": lambda: X.export(store, "gdelt", "/dev/null", F(actor="TUR")),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", help="store file (default: a temporary file, deleted after)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / "bench.duckdb")
        with open_store(path) as store:
            print(f"built {args.rows:,} event rows in {build(store, args.rows, args.seed):.1f} s ({path})")
        with open_store(path, read_only=True) as store:
            for name, call in cases(store).items():
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    call()
                    times.append((time.perf_counter() - started) * 1000)
                print(f"{statistics.median(times):9.1f} ms  {name}")


if __name__ == "__main__":
    main()
