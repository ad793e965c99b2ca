"""Versioned schema migrations: numbered SQL files applied in order, recorded in schema_version.

A file `NNN_name.sql` is applied once, inside one transaction with its schema_version row, so a
crash mid-migration leaves the database at the previous version. Never edit an applied file: add
the next number.
"""

from __future__ import annotations

import re
from importlib import resources

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

_CREATE_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP DEFAULT current_timestamp
)"""


def available() -> list[tuple[int, str, str]]:
    """(version, name, SQL text) of every packaged migration, in order."""
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest() -> int:
    return max(version for version, _, _ in available())


def current(con) -> int:
    """The database's schema version; 0 for a new, empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]  # fetchall: DuckDB 2 keeps a half-read result open and blocks the next query
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con) -> list[int]:
    """Apply every migration newer than the database; return the versions applied."""
    con.execute(_CREATE_VERSION_TABLE)
    done = current(con)
    applied = []
    for version, name, sql in available():
        if version <= done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
