"""The value every query returns: a DataFrame plus the query, its sources and notes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


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


@dataclass
class Result:
    """A query's answer: rows (pandas), what was asked, where the figures come from, caveats."""

    frame: pd.DataFrame
    query: dict[str, Any]
    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: {"query", "rows", "sources", "notes"}; NaN becomes null."""
        return {
            "query": self.query,
            "rows": records(self.frame),
            "sources": [s.to_dict() for s in self.sources],
            "notes": list(self.notes),
        }


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as plain JSON-ready dicts (numpy scalars unwrapped, NaN -> None)."""
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
