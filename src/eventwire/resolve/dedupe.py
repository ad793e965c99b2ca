"""One event, many reports: cluster event mentions across stories, and spot wire copies.

Clustering (`assign_clusters`): two mentions report the same real-world event when they share
the dyad (either order for symmetric codes such as CONSULT), have compatible codes (same CAMEO
root, or the same PLOVER type), the same status, dates within `window_days`, and a match score
of at least MATCH_THRESHOLD. The score is the Jaccard similarity of the evidence's content words,
plus 0.2 for the same CAMEO code and 0.2 for the same day: so the same code on the same day
merges on its own, anything less needs shared evidence words. Mentions are blocked by (sorted dyad) and compared
only inside their block and date window, so the work grows with block size, not corpus size.
A new mention joins the cluster of its best match; clusters are never merged afterwards.

Wire copies (`signature`, `band_keys`, `copy_matches`): MinHash over word 5-grams (standard
library only), locality-sensitive hashing in BANDS bands of ROWS values; candidates that share a
band are confirmed when the signatures agree on at least COPY_THRESHOLD of their values (an
estimate of the shingle Jaccard similarity). A pair sharing b bands agrees on at most
ROWS * b + (ROWS - 1) * (BANDS - b) values, so only pairs sharing MIN_SHARED_BANDS bands (4 of 16)
can pass: fewer are dropped before any signature is read, without changing a single result. This
matters because template-like text (boilerplate, fillers) makes a few "hot" bands shared by a
growing share of the corpus; counted single-band candidates grow with the store, 4-band ones don't.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

MATCH_THRESHOLD = 0.3
COPY_THRESHOLD = 0.8
SHINGLE = 5
BANDS, ROWS = 16, 4
NUM_PERM = BANDS * ROWS
# Cooperative exchanges are told from either side ("A met B" / "B hosted A"): CAMEO roots whose
# direction a report may swap without changing the event.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})



def _min_shared_bands() -> int:
    """The fewest shared bands that still allow a similarity >= COPY_THRESHOLD (see above)."""
    needed = next(k for k in range(NUM_PERM + 1) if k / NUM_PERM >= COPY_THRESHOLD)
    return max(1, needed - (ROWS - 1) * BANDS)


MIN_SHARED_BANDS = _min_shared_bands()

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    "the a an of to in on at by for with and or as is are was were be been has have had that this "
    "its it their his her said says will would after over from who which".split())
_rng = random.Random(20250828)  # fixed seed: signatures must be stable across runs and machines
# One 64-bit hash per shingle XORed with a mask per "permutation": min-hashing without modular
# arithmetic in Python loops (map over a C method), ~10x faster, accurate enough at 0.8.
_MASKS = [_rng.getrandbits(64) for _ in range(NUM_PERM)]


@dataclass
class Mention:
    """What dedupe needs to know of one stored or new event mention."""

    id: str
    story_id: str
    source: str | None
    target: str | None
    cameo: str
    plover: str | None
    status: str
    date: dt.date | None
    evidence: str
    cluster_id: str | None = None

    @property
    def block(self) -> tuple[str, str] | None:
        if self.source is None and self.target is None:
            return None  # no country on either side: too vague to merge with anything
        return tuple(sorted((self.source or "---", self.target or "---")))


def assign_clusters(new: Iterable[Mention], known: Iterable[Mention],
                    window_days: int) -> dict[str, tuple[str, float | None]]:
    """Map each new mention id to (cluster id, match score or None when it founds a cluster)."""
    index: dict[tuple, list[Mention]] = defaultdict(list)
    for m in known:
        if m.block is not None:
            index[m.block].append(m)
    result = {}
    for m in new:
        best, score = best_match(m, index.get(m.block, ()), window_days) if m.block else (None, 0.0)
        m.cluster_id = best.cluster_id if best else m.id
        result[m.id] = (m.cluster_id, score if best else None)
        if m.block is not None:
            index[m.block].append(m)
    return result


def best_match(m: Mention, candidates: Iterable[Mention], window_days: int) -> tuple[Mention | None, float]:
    best, best_score = None, 0.0
    for other in candidates:
        if other.story_id == m.story_id or not compatible(m, other, window_days):
            continue
        score = match_score(m, other)
        if score >= MATCH_THRESHOLD and score > best_score:
            best, best_score = other, score
    return best, best_score


def compatible(a: Mention, b: Mention, window_days: int) -> bool:
    """Could these two mentions be one event? (Necessary, not sufficient: see match_score.)"""
    same_code = a.cameo[:2] == b.cameo[:2] or (a.plover is not None and a.plover == b.plover)
    if not same_code or a.status != b.status:
        return False
    if (a.source, a.target) != (b.source, b.target) and a.cameo[:2] not in SYMMETRIC_ROOTS:
        return False
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return abs((a.date - b.date).days) <= window_days


def match_score(a: Mention, b: Mention) -> float:
    score = jaccard(content_words(a.evidence), content_words(b.evidence))
    if a.cameo == b.cameo:
        score += 0.2
    if a.date is not None and a.date == b.date:
        score += 0.2
    return score


def content_words(text: str) -> set[str]:
    return {w for w in (t.lower() for t in _WORD.findall(text or "")) if w not in _STOP}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# -- wire copies -------------------------------------------------------------------------------


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a story's word 5-grams; None when it is too short to have any."""
    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return None
    return [min(map(mask.__xor__, hashes)) for mask in _MASKS]


def band_keys(sig: list[int]) -> list[int]:
    """One 63-bit key per band; stories sharing any key become copy candidates."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS]
        keys.append(_hash64(f"{band}:" + ",".join(map(str, chunk))) >> 1)
    return keys


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of two stories' shingle sets."""
    return sum(1 for x, y in zip(sig_a, sig_b) if x == y) / len(sig_a)


def copy_matches(new: list[tuple[str, list[int]]], known: dict[str, list[int]],
                 candidates_of) -> dict[str, tuple[str, float]]:
    """Map each new story id to (id of the story it copies, similarity) when it is a wire copy.

    `known`: signatures of stored stories that share a band with some new story;
    `candidates_of(story_id)`: the stored ids sharing a band with that new story (callers may
    pass only those sharing MIN_SHARED_BANDS: no other can pass the threshold).
    New stories are also compared with the earlier ones in the same batch.
    """
    found, seen, bands = {}, {}, defaultdict(list)
    for story_id, sig in new:
        pool = {c: known[c] for c in candidates_of(story_id) if c in known}
        shared = Counter()
        for key in band_keys(sig):
            shared.update(bands[key])
            bands[key].append(story_id)
        pool.update({c: seen[c] for c, n in shared.items() if n >= MIN_SHARED_BANDS})
        best = max(((similarity(sig, s), c) for c, s in pool.items()), default=(0.0, None))
        if best[0] >= COPY_THRESHOLD:
            original = found.get(best[1], (best[1],))[0]  # a copy of a copy points at the original
            found[story_id] = (original, best[0])
        seen[story_id] = sig
    return found


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
