"""Ingest: raw input -> validated `Story` objects (text readers here; corpora readers in `readers`)."""

from eventwire.ingest.text import read_path, story_from_bytes, story_from_text, validate_text

__all__ = ["read_path", "story_from_bytes", "story_from_text", "validate_text"]
