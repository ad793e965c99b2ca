"""Given-actor coding vs the cost of an NLI zero-shot classifier's model, on this CPU.

    python benchmarks/zsp_cost.py --torch-python /path/to/python-with-torch-and-transformers
                                  [--rounds 2] [--questions 1,16] [--threads 2]

The published zero-shot PLOVER classifier (ZSP) asks roberta-large-mnli codebook questions
about each sentence. That model cannot be had offline here, but its speed does not depend on
its weights: this script times a randomly initialised network of roberta-large's shape (24
layers, 1024 wide, 16 heads, 3 NLI labels) on premise + hypothesis inputs as long as the
sentences' own (RoBERTa's byte-pair pieces estimated as 1.3 per spaCy token, plus 16 for the
hypothesis), in batches of 16, in a child process running the interpreter given by
`--torch-python` (torch and transformers are not eventwire dependencies). eventwire's
`classify_many` runs on the same sentences in this process; the two alternate for `--rounds`
rounds and the best round of each is kept. The model's cost is reported for k questions per
sentence (`--questions`): k = 1 is a floor no question-asking classifier can go under; a
question per PLOVER type is 16.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from given import batched, dev_items, example_items

PIECES_PER_TOKEN = 1.3
HYPOTHESIS_PIECES = 16
BATCH = 16

CHILD = r"""
import json, sys, time, torch
from transformers import RobertaConfig, RobertaForSequenceClassification
lengths, threads = json.loads(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads)
torch.manual_seed(0)
config = RobertaConfig(vocab_size=50265, hidden_size=1024, num_hidden_layers=24,
                       num_attention_heads=16, intermediate_size=4096,
                       max_position_embeddings=514, type_vocab_size=1, num_labels=3)
model = RobertaForSequenceClassification(config).eval()
def run(lengths):
    with torch.inference_mode():
        for at in range(0, len(lengths), %(batch)d):
            part = lengths[at:at + %(batch)d]
            ids = torch.randint(3, 50000, (len(part), max(part)))
            mask = torch.zeros_like(ids)
            for row, n in enumerate(part):
                mask[row, :n] = 1
            model(input_ids=ids, attention_mask=mask)
run(lengths[:%(batch)d])
started = time.perf_counter()
run(lengths)
print(json.dumps({"seconds": time.perf_counter() - started, "pairs": len(lengths),
                  "parameters": sum(p.numel() for p in model.parameters())}))
""" % {"batch": BATCH}


def pair_lengths(extractor, items) -> list[int]:
    """Premise + hypothesis length in model pieces for each sentence, sorted (as a batching
    classifier would, to pad least)."""
    lengths = [min(512, 3 + round(len(extractor.nlp.tokenizer(text)) * PIECES_PER_TOKEN) + HYPOTHESIS_PIECES)
               for text, _, _ in items]
    return sorted(lengths)


def time_model(python: str, lengths: list[int], threads: int) -> dict:
    done = subprocess.run([python, "-c", CHILD, json.dumps(lengths), str(threads)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the model run failed: {done.stderr.strip()[-400:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--torch-python", required=True,
                        help="a Python interpreter with torch and transformers installed")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--questions", default="1,16")
    args = parser.parse_args(argv)

    from eventwire.extraction.pipeline import Extractor

    extractor = Extractor()
    extractor.warm_up()
    items = dev_items() or example_items()
    lengths = pair_lengths(extractor, items)
    batched(extractor, items[:64], 256)
    ours, theirs, info = [], [], {}
    for _ in range(args.rounds):
        seconds, _ = batched(extractor, items, 256)
        ours.append(len(items) / seconds)
        info = time_model(args.torch_python, lengths, args.threads)
        theirs.append(info["pairs"] / info["seconds"])
    pairs_per_s, sentences_per_s = max(theirs), max(ours)
    print(f"{len(items)} sentences (median {lengths[len(lengths) // 2]} pieces per NLI pair); "
          f"{args.threads} threads for the model")
    print(f"eventwire classify_many: {sentences_per_s:.0f} sentences/s (best of {args.rounds})")
    print(f"roberta-large-shaped NLI model ({info['parameters'] / 1e6:.0f}M parameters): "
          f"{pairs_per_s:.1f} pairs/s ({1000 / pairs_per_s:.0f} ms a pair)")
    for k in (int(q) for q in args.questions.split(",")):
        theirs_per_s = pairs_per_s / k
        print(f"  {k:>2} question(s) a sentence: {theirs_per_s:.2f} sentences/s -> eventwire "
              f"{sentences_per_s / theirs_per_s:.0f}x faster")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
