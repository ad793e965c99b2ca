"""Keeps spaCy's tokenizer cache filling while every batch is parsed inside a memory zone.

The tokenizer caches how it split each space-separated chunk ("Ukraine," -> "Ukraine" ","),
up to `max_cache_size` chunks, and most of its time goes to chunks it has not cached. Inside a
memory zone it caches nothing (a cached split could point at a word the zone frees), so a zoned
run splits every chunk the slow way forever, while an unzoned run soon splits most from cache.

`TokenCache` closes that gap without giving up flat memory: after each batch, outside the zone,
chunks seen for the first time are tried inside a throwaway zone; a chunk that adds no string to
the vocabulary (all its words are already known) is split once more outside any zone, which
caches it. Nothing new is ever added for good, and tokenization is unchanged (the tokenizer
caches its own result). Learning stops once the tokenizer's cache is full or after `give_up`
distinct chunks, after which a batch costs nothing here.
"""

from __future__ import annotations


class TokenCache:
    def __init__(self, nlp, give_up: int = 100_000):
        self.nlp = nlp
        self.limit = getattr(nlp.tokenizer, "max_cache_size", 10_000)
        self.give_up = give_up
        self.cached = 0
        self.seen: set[str] | None = set()  # None once learning has stopped

    @property
    def learning(self) -> bool:
        return self.seen is not None

    def new_chunks(self, texts) -> list[str]:
        """Chunks of `texts` not looked at before (cheap: a split and a set lookup each)."""
        if self.seen is None:
            return []
        seen, found = self.seen, []
        for text in texts:
            for chunk in text.split(" "):
                if chunk and chunk not in seen:
                    seen.add(chunk)
                    found.append(chunk)
        return found

    def learn(self, chunks: list[str]) -> None:
        """Cache the splits of the chunks made of known words only. Call outside any zone."""
        if self.seen is None:
            return
        strings, tokenizer = self.nlp.vocab.strings, self.nlp.tokenizer
        for chunk in chunks:
            if self.cached >= self.limit:
                break
            with self.nlp.memory_zone():
                before = len(strings)
                tokenizer(chunk)
                known = len(strings) == before
            if known:
                tokenizer(chunk)
                self.cached += 1
        if self.cached >= self.limit or len(self.seen) >= self.give_up:
            self.seen = None
