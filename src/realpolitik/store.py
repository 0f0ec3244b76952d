"""One DuckDB connection with a view over every Parquet table of the active snapshot.

Only complete datasets whose tables match their manifest's sha256 get views (checked on first open,
cached; see `snapshot.integrity`); a query on a table of a missing or damaged dataset is a
`DataMissing` error saying which dataset and how to get or repair it. A view is created when a
query first names its table (a command reads a few of some 60 tables; creating them all cost a
quarter of the store's start-up)."""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from realpolitik.errors import DataMissing
from realpolitik.result import Rows, Source
from realpolitik.snapshot.paths import active_snapshot

if TYPE_CHECKING:
    import pandas as pd

Params = list[Any] | dict[str, Any] | None
_MISSING_TABLE = re.compile(r"Table with name ([^\s!]+) does not exist")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Store:
    """Read-only SQL access to a snapshot: `sql()` gives a pandas DataFrame, `rows()` plain rows
    (no pandas), `relation()` a DuckDB relation (`.df()`, `.pl()`, `.arrow()`, further SQL)."""

    def __init__(self, snapshot: Path | None = None) -> None:
        from realpolitik.snapshot.integrity import open_verified

        self.path = Path(snapshot) if snapshot else active_snapshot()
        found = open_verified(self.path)
        self.manifests = found.manifests
        self.damaged: dict[str, str] = found.damaged
        """Datasets left out because they failed verification: name -> reason."""
        if not self.manifests:
            why = f": {next(iter(self.damaged.values()))}" if self.damaged else ""
            raise DataMissing(
                f"no usable snapshot at {self.path}{why} (`realpolitik data verify --repair`, "
                "or `realpolitik data build --raw DIR`)"
            )
        self._lock = threading.Lock()
        self._con = duckdb.connect(":memory:")
        self.table_dataset: dict[str, str] = {}
        self._files: dict[str, Path] = {}  # verified tables whose view is not created yet
        for name, m in self.manifests.items():
            for table, info in m["tables"].items():
                self._files[table] = Path(m["_dir"]) / info["file"]
                self.table_dataset[table] = name

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection with a view over every verified table (for SQL this class does not see)."""
        with self._lock:
            self._create_views(list(self._files))
        return self._con

    def _create_views(self, tables: list[str]) -> None:
        """Create the views of `tables` not created yet (the caller holds the lock)."""
        for table in tables:
            file = self._files.pop(table, None)
            if file is not None:
                sql_path = str(file).replace("'", "''")
                self._con.execute(
                    f"CREATE VIEW \"{table}\" AS SELECT * FROM read_parquet('{sql_path}')"
                )

    def cursor(self, query: str = "") -> duckdb.DuckDBPyConnection:
        """A cursor on which every verified table that `query` names has its view."""
        with self._lock:
            if self._files:
                self._create_views([w for w in _WORD.findall(query) if w in self._files])
            return self._con.cursor()

    def sql(self, query: str, params: Params = None) -> pd.DataFrame:
        """Run a query with bound parameters and return a pandas DataFrame (thread-safe cursor)."""
        cur = self.cursor(query)
        try:
            return cur.execute(query, params or []).df()
        except duckdb.CatalogException as e:
            raise self.missing_table_error(e) from e
        finally:
            cur.close()

    def rows(self, query: str, params: Params = None) -> Rows:
        """Run a query and return plain rows (columns, DuckDB types, tuples) without pandas."""
        cur = self.cursor(query)
        try:
            cur.execute(query, params or [])
            desc = cur.description or []
            data = cur.fetchall()
        except duckdb.CatalogException as e:
            raise self.missing_table_error(e) from e
        finally:
            cur.close()
        return Rows(tuple(d[0] for d in desc), tuple(str(d[1]) for d in desc), data)

    def relation(self, query: str, params: Params = None) -> duckdb.DuckDBPyRelation:
        """A DuckDB relation over the snapshot's views, for DuckDB users: `.df()`, `.pl()`,
        `.arrow()`, `.fetchall()` or more SQL on it (on a cursor of its own, so threads may share
        the store). Every view exists on it: more SQL on the relation may name any table."""
        return self.con.cursor().sql(query, params=params)

    def missing_table_error(self, error: Exception) -> Exception:
        """A DuckDB error about an unknown table, turned into DataMissing naming its dataset."""
        m = _MISSING_TABLE.search(str(error))
        return self.missing(m.group(1)) if m else error

    def missing(self, table: str) -> DataMissing:
        """Why `table` is not in this snapshot (dataset damaged or not built) and what to do about it."""
        from realpolitik.snapshot.missing import dataset_of_table, missing_dataset_message

        dataset = dataset_of_table(table, self.damaged)
        if dataset in self.damaged:
            return DataMissing(
                f"dataset {dataset} at {self.path} failed verification ({self.damaged[dataset]}); "
                "run `realpolitik data verify --repair`"
            )
        if dataset is None:
            return DataMissing(f"table {table} is not in the snapshot at {self.path}")
        return DataMissing(missing_dataset_message(dataset, self.path))

    def has_table(self, table: str) -> bool:
        return table in self.table_dataset

    def source(self, dataset: str) -> Source:
        """Provenance of a dataset as recorded in its manifest."""
        m = self.manifests.get(dataset)
        if m is None:
            if dataset in self.damaged:
                raise self.missing(dataset)
            from realpolitik.snapshot.missing import missing_dataset_message

            raise DataMissing(missing_dataset_message(dataset, self.path))
        return Source(
            m["dataset"], m["release"], m["citation"], m.get("url", ""), m.get("licence", "")
        )

    def coverage(self, table: str) -> tuple[int, int]:
        """(first, last) year of a table as recorded in the manifest."""
        if table not in self.table_dataset:
            raise self.missing(table)
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
