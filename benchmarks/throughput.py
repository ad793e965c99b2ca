"""Throughput: eventwire's extraction vs bare spaCy over the same texts, in one run.

    python benchmarks/throughput.py --stories 2000 --batch-size 64

Both sides use the same pipeline object (`load_pipeline()`), the same block texts (the story
split by `eventwire.ingest.segment`, dateline blocks left out, exactly as the extractor
does) and the same `nlp.pipe` batch size. The bare side gets its texts pre-split, outside
the clock; the eventwire side pays for segmentation, coding and building the Report.

Before the clock starts the extractor is warmed up as every engine worker is
(`Extractor.warm_up`: the date parser and GeoNames loaded, then `gc.freeze`), and one batch
goes through each side.

The corpus is timed in rounds (32 by default), the two sides alternating and swapping who goes
first, so a noisy neighbour on a shared machine slows both alike; the median of the rounds'
ratios is printed too. The last line is `ratio=<eventwire/bare>` (total stories per second):
the goal is >= 0.87 (extraction adds at most 15% to the parse).

The eventwire side codes each batch in a spaCy memory zone, as it always does (flat memory);
the tokenizer caches nothing inside a zone, and `extraction.tokencache` teaches it the known
words between batches. The bare side shares the pipeline object, so its (unzoned) runs fill
the same tokenizer cache. `--unzoned` measures eventwire without zones, to show what they cost.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from corpus import generate


def load_stories(n: int, seed: int) -> list:
    from eventwire.ingest.text import story_from_text

    keys = ("title", "published", "url", "source")
    return [story_from_text(r["text"], origin=f"corpus:{i}", **{k: r[k] for k in keys})
            for i, r in enumerate(generate(n, seed))]


def block_texts(batch: list) -> list[str]:
    """What the extractor hands to `nlp.pipe` for a batch of stories."""
    from eventwire.ingest.segment import segment

    texts = []
    for story in batch:
        blocks, _ = segment(story.text)
        texts += [story.text[b.start:b.end] for b in blocks if b.kind != "dateline"]
    return texts


def batches(items: list, size: int) -> list[list]:
    iterator = iter(items)
    return list(iter(lambda: list(itertools.islice(iterator, size)), []))


def time_bare(nlp, texts_per_batch: list[list[str]]) -> tuple[float, int]:
    started, sentences = time.perf_counter(), 0
    for texts in texts_per_batch:
        for doc in nlp.pipe(texts, batch_size=max(16, len(texts))):
            sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - started, sentences


def time_eventwire(extractor, stories: list, batch_size: int) -> tuple[float, int, int]:
    started, sentences, events = time.perf_counter(), 0, 0
    for report in extractor.extract_many(stories, batch_size=batch_size):
        sentences += len(report.doc.sentences)
        events += len(report.events)
    return time.perf_counter() - started, sentences, events


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=64, help="stories per batch (as the engines use)")
    parser.add_argument("--rounds", type=int, default=32,
                        help="alternating timed rounds (many short ones: machine noise hits both sides alike)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--unzoned", action="store_true", help="eventwire side without memory zones")
    args = parser.parse_args(argv)

    from eventwire.extraction.pipeline import Extractor

    extractor = Extractor(zoned=not args.unzoned)
    nlp = extractor.nlp  # the very same pipeline object for both sides
    stories = load_stories(args.stories, args.seed)
    print(f"pipeline: {', '.join(nlp.pipe_names)}; stories={len(stories)} batch={args.batch_size}")
    extractor.warm_up()  # one-time loads (date parser, GeoNames), as every engine worker does first
    time_eventwire(extractor, stories[:args.batch_size], args.batch_size)  # warm both sides up
    time_bare(nlp, [block_texts(stories[:args.batch_size])])

    totals = {"bare": 0.0, "eventwire": 0.0}
    sentences = {"bare": 0, "eventwire": 0}
    events, per_round = 0, []
    rounds = batches(stories, -(-len(stories) // args.rounds))
    for number, part in enumerate(rounds):
        texts = [block_texts(b) for b in batches(part, args.batch_size)]  # outside the clock
        order = ("bare", "eventwire") if number % 2 == 0 else ("eventwire", "bare")
        took = {}
        for side in order:
            if side == "bare":
                seconds, sents = time_bare(nlp, texts)
            else:
                seconds, sents, found = time_eventwire(extractor, part, args.batch_size)
                events += found
            totals[side] += seconds
            sentences[side] += sents
            took[side] = seconds
        per_round.append(took["bare"] / took["eventwire"])
        print(f"round {number + 1}/{len(rounds)}: {len(part)} stories, "
              f"running ratio {totals['bare'] / totals['eventwire']:.3f}", flush=True)

    for side in ("bare", "eventwire"):
        print(f"{side:9s}: {len(stories) / totals[side]:7.1f} stories/s  "
              f"{sentences[side] / totals[side]:8.1f} sentences/s  ({totals[side]:.1f} s)")
    print(f"events found: {events}")
    print(f"median of the {len(per_round)} rounds' ratios: {statistics.median(per_round):.3f} "
          f"(range {min(per_round):.3f}-{max(per_round):.3f})")
    print(f"ratio={totals['bare'] / totals['eventwire']:.3f}")


if __name__ == "__main__":
    main()
