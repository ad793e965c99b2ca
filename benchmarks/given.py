"""Given-actor coding speed: sentences per second, one `classify` call each vs `classify_many`.

    python benchmarks/given.py [--repeat 3] [--batch-size 256]

Sentences: the PLOVER development set's (text, source words, target words) triples when
`../shared/eval/plover_gsr_dev.jsonl` is there (the setting of published zero-shot PLOVER
classifiers), and always the invented example sentences of eventwire's own patterns (no actors
given). Both ways run on the same sentences in the same process, alternating, after a warm-up;
the figures are the best of `--repeat` runs. The two ways must give the same codings (checked).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "plover_gsr_dev.jsonl"


def dev_items() -> list[tuple]:
    if not DEV.exists():
        return []
    items = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        items += [(record["text"], e.get("source_text"), e.get("target_text"))
                  for e in record.get("events", []) if e.get("source_text")]
    return items


def example_items() -> list[tuple]:
    from eventwire.extraction.patterns import load_patterns

    return [(text, None, None) for p in load_patterns().patterns for text in p.examples]


def one_by_one(extractor, items) -> tuple[float, list]:
    started = time.perf_counter()
    codings = [extractor.classify(*item) for item in items]
    return time.perf_counter() - started, codings


def batched(extractor, items, batch_size: int) -> tuple[float, list]:
    started = time.perf_counter()
    codings = list(extractor.classify_many(items, batch_size=batch_size))
    return time.perf_counter() - started, codings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    from eventwire.extraction.pipeline import Extractor

    extractor = Extractor()
    extractor.warm_up()
    for name, items in (("plover_gsr_dev (actors given)", dev_items()), ("pattern examples", example_items())):
        if not items:
            print(f"{name}: not found, skipped")
            continue
        batched(extractor, items[:64], args.batch_size)  # warm-up
        single, many = [], []
        for _ in range(args.repeat):
            seconds, expected = one_by_one(extractor, items)
            single.append(seconds)
            seconds, got = batched(extractor, items, args.batch_size)
            many.append(seconds)
            if got != expected:
                raise SystemExit(f"{name}: classify_many and classify disagree")
        print(f"{name}: {len(items)} sentences; classify {len(items) / min(single):.0f}/s, "
              f"classify_many {len(items) / min(many):.0f}/s ({min(single) / min(many):.1f}x)")


if __name__ == "__main__":
    main()
