"""One DuckDB connection with a view over every Parquet table of the active snapshot."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from realpolitik.errors import DataMissing
from realpolitik.snapshot.manifest import read_manifests
from realpolitik.snapshot.paths import active_snapshot

if TYPE_CHECKING:  # pandas is imported only when a DataFrame is asked for (panels stream without it)
    import pandas as pd

    from realpolitik.result import Source


class Store:
    """Read-only SQL access to a snapshot; results come back as pandas DataFrames."""

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

    def sql(self, query: str, params: list[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a query with bound parameters and return a DataFrame (thread-safe cursor)."""
        with self._lock:
            cur = self.con.cursor()
        try:
            return cur.execute(query, params or []).df()
        finally:
            cur.close()

    def has_table(self, table: str) -> bool:
        return table in self.table_dataset

    def source(self, dataset: str) -> Source:
        """Provenance of a dataset as recorded in its manifest."""
        from realpolitik.result import Source

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
