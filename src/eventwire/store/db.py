"""The DuckDB file behind the event store: open, lock, migrate, and write in transactions.

Ownership: one process at a time holds the file read-write (an ingest, or the web server);
read-only openers may share it with each other but not with a writer. DuckDB reports a held
lock as an IOException; we turn it into StoreLockedError naming the file and the PID.
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire import settings
from eventwire.errors import SettingError, StoreError, StoreLockedError
from eventwire.store import migrations

_LOCK_PID = re.compile(r"\(PID (\d+)\)")
# Reopening after Store.reconnect(): another process may take the lock in the instant the file is
# closed (a web request, say); wait this long for it before giving up.
RECONNECT_WAIT_S = 5.0
# DuckDB's vacuum (at each checkpoint) merges small row groups, rewriting ever larger ones (stories:
# 4k, 8k, 16k... rows, a memory spike of tens of MB at each doubling), and reclaims deleted rows.
# An ingest deletes nothing, so it runs without: each checkpoint leaves its own row group (a few
# thousand stories). A re-code deletes rows and turns it back on (Store.set_vacuum).
VACUUM_TASKS = 100  # DuckDB's default max_vacuum_tasks


class Store:
    """An open event store. Use as a context manager, or call close()."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool, memory_limit: str):
        self.con = con
        self.path = path
        self.read_only = read_only
        self.memory_limit = memory_limit
        self.vacuum = False  # see VACUUM_TASKS

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Store {self.path} ({mode})>"

    def close(self) -> None:
        self.con.close()

    def reconnect(self) -> None:
        """Close the database and open it again, to give back memory DuckDB only frees on close.

        Measured with DuckDB 2.0.1: every query that scans a table for a list parameter, or reads an
        Arrow batch, leaves a few KB allocated (outside its buffer cache and its memory_limit) until
        the database is closed; a long ingest calls this every few thousand stories.
        """
        self.con.close()
        deadline = time.monotonic() + RECONNECT_WAIT_S
        while True:
            try:
                self.con = _connect(Path(self.path), self.read_only, self.memory_limit, self.vacuum)
                return
            except StoreLockedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def set_vacuum(self, on: bool) -> None:
        """Let checkpoints merge row groups and reclaim deleted rows (off for an ingest)."""
        self.vacuum = on
        self.con.execute(f"SET max_vacuum_tasks = {VACUUM_TASKS if on else 0}")

    @contextmanager
    def transaction(self):
        """Everything inside commits together or not at all (kill -9 included)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.OutOfMemoryException):
                raise self._over_cap(exc) from None
            raise
        self.con.execute("COMMIT")

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        """Run a parameterised query; rows as dicts keyed by column name."""
        with self._capped():
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def value(self, sql: str, params: list | None = None):
        # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and refuses the next query.
        with self._capped():
            rows = self.con.execute(sql, params or []).fetchall()
        return rows[0][0] if rows else None

    def reader(self, sql: str, params: list | None = None):
        """Stream a query's result as Arrow record batches (constant memory for exports)."""
        return self.con.sql(sql, params=params or []).to_arrow_reader()

    def insert(self, table: str, batch) -> None:
        """Bulk insert an Arrow table by column name (the fast path measured in NOTES.md).

        The tables have no key constraints: callers insert only new rows (see store/write.py).
        """
        if batch.num_rows > 0:
            # `table` comes from this package's own constants, never from input.
            self._with_batch(batch, f"INSERT INTO {table} BY NAME SELECT * FROM _batch")

    def update(self, table: str, batch, key: str = "id") -> None:
        """Set the other columns of an Arrow table on the rows of `table` with the same `key`."""
        if batch.num_rows > 0:
            sets = ", ".join(f"{name} = _batch.{name}" for name in batch.column_names if name != key)
            where = f"{table}.{key} = _batch.{key}"
            self._with_batch(batch, f"UPDATE {table} SET {sets} FROM _batch WHERE {where}")

    def _with_batch(self, batch, sql: str) -> None:
        self.con.register("_batch", batch)
        try:
            self.con.execute(sql)
        finally:
            self.con.unregister("_batch")

    @contextmanager
    def _capped(self):
        try:
            yield
        except duckdb.OutOfMemoryException as exc:
            raise self._over_cap(exc) from None

    def _over_cap(self, exc: duckdb.OutOfMemoryException) -> StoreError:
        return over_cap(exc, self.memory_limit, self.path)

    @property
    def schema_version(self) -> int:
        return migrations.current(self.con)


def default_path() -> Path:
    return Path(settings.get("db")).expanduser()


def open_store(path: str | Path | None = None, read_only: bool = False,
               memory_limit: str | None = None) -> Store:
    """Open the store at `path` (default: the `db` setting), creating and migrating it if needed.

    `memory_limit` caps DuckDB's memory (buffer cache included), e.g. "64MB" or "2GB"; default:
    the `db_memory` setting (an ingest passes the lower `ingest_memory`).
    """
    target = Path(path).expanduser() if path else default_path()
    limit = _memory_limit(memory_limit)
    if read_only and not target.exists():
        raise StoreError("no event store here yet; create one with `eventwire ingest`", str(target))
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = _connect(target, read_only, limit)
    except duckdb.OutOfMemoryException as exc:
        raise over_cap(exc, limit, str(target)) from None
    try:
        _check_schema(con, str(target), read_only)
    except BaseException as exc:
        con.close()
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise over_cap(exc, limit, str(target)) from None
        raise
    return Store(con, str(target), read_only, limit)


def over_cap(exc: duckdb.OutOfMemoryException, memory_limit: str, path: str) -> StoreError:
    first_line = str(exc).splitlines()[0]
    return StoreError(f"DuckDB needs more memory than its cap ({memory_limit}) allows: raise it "
                      f"(--memory-limit, {settings.env_name('ingest_memory')} or "
                      f"{settings.env_name('db_memory')}); {first_line}", path)


def _memory_limit(value: str | None) -> str:
    if value is None:
        return settings.get("db_memory")
    try:
        return settings.memory_size(value)
    except ValueError:
        raise SettingError(f"memory limit {value!r} is not a size such as 64MB or 2GB") from None


def _connect(target: Path, read_only: bool, memory_limit: str,
             vacuum: bool = False) -> duckdb.DuckDBPyConnection:
    config = {"memory_limit": memory_limit}
    if not read_only:
        config["max_vacuum_tasks"] = VACUUM_TASKS if vacuum else 0
    try:
        return duckdb.connect(str(target), read_only=read_only, config=config)
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
