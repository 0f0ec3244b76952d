"""The value every query returns: rows plus the query, its sources and notes.

A Result holds either a pandas DataFrame or plain `Rows` from the store (columns, DuckDB types
and tuples); `.frame` is always a DataFrame (built on first use), so commands that only print
JSON or a table never import pandas.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl


@dataclass(frozen=True)
class Source:
    """Provenance of a figure: which dataset, which release, how to cite it."""

    dataset: str
    release: str
    citation: str
    url: str = ""
    licence: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "dataset": self.dataset,
            "release": self.release,
            "citation": self.citation,
            "url": self.url,
            "licence": self.licence,
        }


@dataclass(frozen=True)
class Rows:
    """A query's rows without pandas: column names, DuckDB type names ('INTEGER', 'DATE', …) and
    tuples of plain Python values (None for SQL NULL)."""

    columns: tuple[str, ...]
    types: tuple[str, ...]
    data: list[tuple[Any, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.data)

    def column(self, name: str) -> list[Any]:
        """The values of one column, in row order."""
        i = self.columns.index(name)
        return [row[i] for row in self.data]

    def to_frame(self) -> pd.DataFrame:
        """A DataFrame with the dtypes DuckDB's .df() gives: dates as datetime64, NULL as NaN/None."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.data, columns=list(self.columns))
        for name, typ in zip(self.columns, self.types, strict=True):
            if typ == "DATE" or typ.startswith("TIMESTAMP"):
                frame[name] = pd.to_datetime(frame[name])
            elif _is_number_type(typ) and frame[name].dtype == object:
                frame[name] = pd.to_numeric(frame[name])
        return frame


def _is_number_type(duckdb_type: str) -> bool:
    t = duckdb_type.upper()
    return t.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL", "HUGEINT", "UHUGEINT")) or (
        t.endswith("INT") or t in {"INTEGER", "BIGINT", "SMALLINT", "TINYINT", "UBIGINT"}
    )


class Result:
    """A query's answer: rows, what was asked, where the figures come from, caveats.

    `frame` is the rows as a pandas DataFrame (the documented API); `columns`/`rows()` read them
    without pandas; `to_polars()` gives a polars DataFrame; in Jupyter a Result renders as an HTML
    table with its notes, sources and chart (`chart`: a Vega-Lite spec, or a function making one).
    """

    def __init__(
        self,
        frame: pd.DataFrame | Rows,
        query: dict[str, Any],
        sources: Iterable[Source] = (),
        notes: Iterable[str] = (),
        title: str = "",
        chart: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self._data = frame
        self.query = query
        self.sources = list(sources)
        self.notes = list(notes)
        self.title = title
        self.chart = chart

    @property
    def frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame, built from plain rows on first use and kept: from then
        on it is the Result's data (changes to it show in JSON and tables)."""
        if isinstance(self._data, Rows):
            self._data = self._data.to_frame()
        return self._data

    @frame.setter
    def frame(self, value: pd.DataFrame) -> None:
        self._data = value

    def to_pandas(self) -> pd.DataFrame:
        """A new DataFrame of the rows; unlike `.frame` it is not kept, so the Result's plain rows
        (and their exact integer types in JSON) stay as they are."""
        data = self._data
        return data.to_frame() if isinstance(data, Rows) else data.copy()

    @property
    def columns(self) -> list[str]:
        return list(self._data.columns)

    @property
    def empty(self) -> bool:
        return len(self._data) == 0

    def __len__(self) -> int:
        return len(self._data)

    def head(self, n: int) -> Result:
        """The same Result with only its first n rows."""
        data = self._data
        part = (
            Rows(data.columns, data.types, data.data[:n])
            if isinstance(data, Rows)
            else data.head(n)
        )
        return Result(part, self.query, self.sources, self.notes, self.title, self.chart)

    def numeric(self) -> set[str]:
        """Columns holding numbers (right-aligned in tables)."""
        data = self._data
        if isinstance(data, Rows):
            return {c for c, t in zip(data.columns, data.types, strict=True) if _is_number_type(t)}
        import pandas as pd

        return {
            c
            for c in data.columns
            if pd.api.types.is_numeric_dtype(data[c]) and not pd.api.types.is_bool_dtype(data[c])
        }

    def rows(self) -> list[tuple[Any, ...]]:
        """Rows as tuples of plain Python values (NaN and NaT as None, timestamps as datetimes)."""
        data = self._data
        if isinstance(data, Rows):
            return [tuple(_clean(v) for v in row) for row in data.data]
        return [tuple(_clean(v) for v in row) for row in data.itertuples(index=False, name=None)]

    def records(self) -> list[dict[str, Any]]:
        """Rows as JSON-ready dicts (dates as ISO strings, NaN as None)."""
        cols = self.columns
        return [{c: _json_value(v) for c, v in zip(cols, row, strict=True)} for row in self.rows()]

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: {"query", "rows", "sources", "notes"}; NaN becomes null."""
        return {
            "query": self.query,
            "rows": self.records(),
            "sources": [s.to_dict() for s in self.sources],
            "notes": list(self.notes),
        }

    def to_polars(self) -> pl.DataFrame:
        """The rows as a polars DataFrame (needs the `polars` extra: pip install 'realpolitik[polars]')."""
        try:
            import polars as pl
        except ImportError:
            from realpolitik.errors import UserError

            raise UserError(
                "Result.to_polars() needs polars: pip install 'realpolitik[polars]'"
            ) from None
        if isinstance(self._data, Rows):
            return pl.DataFrame(
                self.rows(), schema=self.columns, orient="row", infer_schema_length=None
            )
        return pl.from_pandas(self._data)

    def chart_spec(self) -> dict[str, Any] | None:
        """The Vega-Lite spec of this result's chart, if it has one."""
        return self.chart() if callable(self.chart) else self.chart

    def _repr_html_(self) -> str:
        from realpolitik.render.html import result_html

        return result_html(self)

    def __repr__(self) -> str:
        head = self.title or self.query.get("command", "result")
        return f"<Result {head!r}: {len(self)} rows × {len(self.columns)} columns>"


def _clean(value: Any) -> Any:
    """A plain Python value: numpy scalars unwrapped, NaN/NaT/NA as None, Decimal as float."""
    if value is None:
        return None
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return value
    name = kind.__name__
    if name in ("NAType", "NaTType"):
        return None
    if name == "Timestamp":  # pandas
        return value.to_pydatetime()
    if isinstance(value, float):  # also numpy.float64
        return None if math.isnan(value) else float(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, dict, tuple)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    return value


def _json_value(value: Any) -> Any:
    """Dates and times as ISO strings (a midnight timestamp as a date), everything else as is."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame | Rows | Sequence[Any]) -> list[dict[str, Any]]:
    """DataFrame (or Rows) rows as plain JSON-ready dicts (numpy scalars unwrapped, NaN -> None)."""
    return Result(frame, {}).records()  # type: ignore[arg-type]
