"""Plain-text stories: read, decode and validate, so later stages only ever see good text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from eventwire import settings
from eventwire.errors import (
    BinaryInputError, EmptyInputError, InputEncodingError, InputMissingError, InputTooLargeError,
    MetadataError, NotEnglishError,
)
from eventwire.schema import Story

# Frequent English function words: a story with almost none of them is not English prose.
_ENGLISH = frozenset(
    "the a an of to in and or is are was were be been has have had that this with for on at by "
    "from as it its said will would not but their they he she his her which who after".split()
)
# Frequent function words of other languages common on the wires (German, French, Spanish,
# Italian, Portuguese, Dutch, Turkish), chosen not to be English words themselves.
_FOREIGN = frozenset(
    "der das und ist nicht mit den dem des ein eine einer auf auch sich nach wird sind wurde "
    "les est une du et dans pour qui sur avec sont pas aux ces leur "
    "los las por para con una del es que como pero sus fue "
    "il della che di gli sono dei alla nel "
    "um uma não com os ao pelo pela "
    "het een van niet zijn wordt ook "
    "ve bir bu ile için olarak".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def story_from_bytes(data: bytes, origin: str, **metadata) -> Story:
    """Decode UTF-8 bytes into a validated story; `origin` names the input in errors."""
    _check_size(len(data), origin)
    if b"\x00" in data[:8192]:
        raise BinaryInputError("looks like a binary file (it contains NUL bytes), not a text story", origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputEncodingError(
            f"is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "convert it with e.g. `iconv -f latin1 -t utf-8`", origin) from None
    return story_from_text(text, origin=origin, **metadata)


def story_from_text(text: str, origin: str = "<text>", **metadata) -> Story:
    """A validated story from a string plus metadata (title, published, dateline, source, url)."""
    if not isinstance(text, str):
        raise EmptyInputError(f"expected story text as a string, got {type(text).__name__}", origin)
    validate_text(text, origin)
    published = normalise_published(metadata.pop("published", None), origin)
    unknown = set(metadata) - {"title", "dateline", "source", "url"}
    if unknown:
        raise MetadataError(f"unknown metadata field(s): {', '.join(sorted(unknown))}", origin)
    return Story(text=text.replace("\r\n", "\n").replace("\r", "\n"), published=published,
                 origin=origin, **metadata)


def read_path(path: str | Path, **metadata) -> Story:
    """Read one text file (or '-' for standard input, bytes) as a story."""
    if str(path) == "-":
        import sys
        return story_from_bytes(sys.stdin.buffer.read(), "<stdin>", **metadata)
    p = Path(path)
    if not p.exists():
        raise InputMissingError("no such file", str(path))
    if p.is_dir():
        raise InputMissingError("is a directory, not a story file", str(path))
    _check_size(p.stat().st_size, str(path))
    return story_from_bytes(p.read_bytes(), str(path), **metadata)


def validate_text(text: str, origin: str) -> None:
    """Reject text that is empty, too large, binary-looking or not English."""
    _check_size(len(text.encode("utf-8", "surrogatepass")), origin)
    if not text.strip():
        raise EmptyInputError("is empty (no text to code)", origin)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise BinaryInputError("contains control characters: binary data, not a text story", origin)
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        raise EmptyInputError("has no words (only numbers or punctuation)", origin)
    if len(words) >= 8 and _not_english(words):
        raise NotEnglishError(
            "does not look like English (too few common English words); eventwire codes English only",
            origin)


def normalise_published(value, origin: str) -> str | None:
    """`published` as an ISO date string (YYYY-MM-DD), from a string, date or datetime."""
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise MetadataError(f"published date {value!r} is not YYYY-MM-DD", origin) from None


def _check_size(n_bytes: int, origin: str) -> None:
    limit = settings.get("max_bytes")
    if n_bytes > limit:
        raise InputTooLargeError(
            f"is {n_bytes:,} bytes, over the {limit:,}-byte limit for one story "
            f"(split it, or raise {settings.env_name('max_bytes')})", origin)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters but tab, newlines, form feed


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _not_english(words: list[str]) -> bool:
    """Names and numbers make short English sentences thin in function words, so we reject only
    text that is mostly non-Latin script or richer in another language's function words."""
    latin = sum(1 for w in words if w.isascii()) / len(words)
    english = sum(1 for w in words if w in _ENGLISH) / len(words)
    foreign = sum(1 for w in words if w in _FOREIGN) / len(words)
    if latin < 0.5:
        return english < 0.05
    return foreign > english and foreign >= 0.08 or (english == 0 and len(words) >= 20)
