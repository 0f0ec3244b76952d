"""One DuckDB connection with a view over every Parquet table of the active snapshot."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from realpolitik.errors import DataMissing
from realpolitik.result import Rows, Source
from realpolitik.snapshot.manifest import read_manifests
from realpolitik.snapshot.paths import active_snapshot

if TYPE_CHECKING:
    import pandas as pd

Params = list[Any] | dict[str, Any] | None


class Store:
    """Read-only SQL access to a snapshot: `sql()` gives a pandas DataFrame, `rows()` plain rows
    (no pandas), `relation()` a DuckDB relation (`.df()`, `.pl()`, `.arrow()`, further SQL)."""

    def __init__(self, snapshot: Path | None = None) -> None:
        self.path = Path(snapshot) if snapshot else active_snapshot()
        self.manifests = read_manifests(self.path)
        if not self.manifests:
            raise DataMissing(f"no snapshot found at {self.path} (run `realpolitik data build`)")
        self._lock = threading.Lock()
        self.con = duckdb.connect(":memory:")
        self.table_dataset: dict[str, str] = {}
        for name, m in self.manifests.items():
            for table, info in m["tables"].items():
                file = Path(m["_dir"]) / info["file"]
                sql_path = str(file).replace("'", "''")
                self.con.execute(
                    f"CREATE VIEW \"{table}\" AS SELECT * FROM read_parquet('{sql_path}')"
                )
                self.table_dataset[table] = name

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self.con.cursor()

    def sql(self, query: str, params: Params = None) -> pd.DataFrame:
        """Run a query with bound parameters and return a pandas DataFrame (thread-safe cursor)."""
        cur = self._cursor()
        try:
            return cur.execute(query, params or []).df()
        finally:
            cur.close()

    def rows(self, query: str, params: Params = None) -> Rows:
        """Run a query and return plain rows (columns, DuckDB types, tuples) without pandas."""
        cur = self._cursor()
        try:
            cur.execute(query, params or [])
            desc = cur.description or []
            data = cur.fetchall()
        finally:
            cur.close()
        return Rows(tuple(d[0] for d in desc), tuple(str(d[1]) for d in desc), data)

    def relation(self, query: str, params: Params = None) -> duckdb.DuckDBPyRelation:
        """A DuckDB relation over the snapshot's views, for DuckDB users: `.df()`, `.pl()`,
        `.arrow()`, `.fetchall()` or more SQL on it (on a cursor of its own, so threads may share
        the store)."""
        return self._cursor().sql(query, params=params)

    def has_table(self, table: str) -> bool:
        return table in self.table_dataset

    def source(self, dataset: str) -> Source:
        """Provenance of a dataset as recorded in its manifest."""
        m = self.manifests.get(dataset)
        if m is None:
            raise DataMissing(f"dataset {dataset!r} is not in the snapshot at {self.path}")
        return Source(
            m["dataset"], m["release"], m["citation"], m.get("url", ""), m.get("licence", "")
        )

    def coverage(self, table: str) -> tuple[int, int]:
        """(first, last) year of a table as recorded in the manifest."""
        m = self.manifests[self.table_dataset[table]]
        cov = m["tables"][table]["coverage"]
        if not cov:
            raise KeyError(f"table {table} has no year coverage")
        return int(cov[0]), int(cov[1])


@cache
def _store_for(path: str) -> Store:
    return Store(Path(path))


def get_store(snapshot: Path | None = None) -> Store:
    """The shared Store of a snapshot directory (the active one by default)."""
    return _store_for(str(snapshot or active_snapshot()))


def reset_store_cache() -> None:
    """Forget open stores (after a snapshot was rebuilt or switched)."""
    _store_for.cache_clear()
