"""The DuckDB file behind the event store: open, lock, migrate, and write in transactions.

Ownership: one process at a time holds the file read-write (an ingest, or the web server);
read-only openers may share it with each other but not with a writer. DuckDB reports a held
lock as an IOException; we turn it into StoreLockedError naming the file and the PID.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire import settings
from eventwire.errors import StoreError, StoreLockedError
from eventwire.store import migrations

_LOCK_PID = re.compile(r"\(PID (\d+)\)")
# DuckDB's own default is 80% of RAM, and its buffer cache (table and index blocks it has read or
# written) counts in the process's RSS: a long ingest grows towards that ceiling. A fixed cap keeps
# the footprint flat; past it DuckDB evicts clean blocks or spills to <db>.tmp.
MEMORY_LIMIT = "512MB"


class Store:
    """An open event store. Use as a context manager, or call close()."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Store {self.path} ({mode})>"

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self):
        """Everything inside commits together or not at all (kill -9 included)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        """Run a parameterised query; rows as dicts keyed by column name."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def value(self, sql: str, params: list | None = None):
        # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and refuses the next query.
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0][0] if rows else None

    def reader(self, sql: str, params: list | None = None):
        """Stream a query's result as Arrow record batches (constant memory for exports)."""
        return self.con.sql(sql, params=params or []).to_arrow_reader()

    def insert(self, table: str, batch, on_conflict: str | None = "DO NOTHING") -> None:
        """Bulk insert an Arrow table by column name (the fast path measured in NOTES.md)."""
        if batch.num_rows == 0:
            return
        self.con.register("_batch", batch)
        try:
            # `table` comes from this package's own constants, never from input.
            conflict = f" ON CONFLICT {on_conflict}" if on_conflict else ""
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch{conflict}")
        finally:
            self.con.unregister("_batch")

    @property
    def schema_version(self) -> int:
        return migrations.current(self.con)


def default_path() -> Path:
    return Path(settings.get("db")).expanduser()


def open_store(path: str | Path | None = None, read_only: bool = False,
               memory_limit: str = MEMORY_LIMIT) -> Store:
    """Open the store at `path` (default: the `db` setting), creating and migrating it if needed.

    `memory_limit` caps DuckDB's memory (buffer cache included), e.g. "512MB" or "2GB".
    """
    target = Path(path).expanduser() if path else default_path()
    if read_only and not target.exists():
        raise StoreError("no event store here yet; create one with `eventwire ingest`", str(target))
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(target, read_only, memory_limit)
    try:
        _check_schema(con, str(target), read_only)
    except BaseException:
        con.close()
        raise
    return Store(con, str(target), read_only)


def _connect(target: Path, read_only: bool, memory_limit: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(target), read_only=read_only, config={"memory_limit": memory_limit})
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" not in message.lower():
            raise StoreError(f"cannot open the database: {message}", str(target)) from None
        raise _locked_error(target, message) from None
    except duckdb.Error as exc:
        raise StoreError(f"not a usable DuckDB database ({exc})", str(target)) from None


def _locked_error(target: Path, message: str) -> StoreLockedError:
    match = _LOCK_PID.search(message)
    holder = f"process {match[1]}" if match else "another process"
    error = StoreLockedError(
        f"the event store is in use by {holder} (an ingest or the web server); wait for it to "
        "finish or stop it, or use another --db file", str(target))
    error.pid = int(match[1]) if match else None
    return error


def _check_schema(con, path: str, read_only: bool) -> None:
    have, want = migrations.current(con), migrations.latest()
    if have > want:
        raise StoreError(f"schema version {have} is newer than this eventwire ({want}); upgrade it", path)
    if have < want:
        if read_only:
            raise StoreError(f"schema version {have} needs migrating to {want}; open it read-write once "
                             "(any `eventwire ingest`) to migrate", path)
        migrations.migrate(con)
