"""The brief's data model: facts (one sourced figure each), sections and the brief itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from realpolitik.result import Result, Source, records


@dataclass
class Fact:
    """One sourced figure with the sentence that states it."""

    key: str
    text: str
    value: Any
    period: str
    source: str  # dataset name
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "value": self.value, "period": self.period,
                "source": self.source, **({"data": self.data} if self.data else {})}  # fmt: skip


@dataclass
class Section:
    """A titled part of the brief: its facts, the tables behind them, charts and data gaps."""

    key: str
    title: str
    facts: list[Fact] = field(default_factory=list)
    tables: dict[str, Result] = field(default_factory=dict)
    charts: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> Vega-Lite spec
    gaps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "facts": [f.to_dict() for f in self.facts],
            "tables": {
                k: {"title": r.title, "rows": records(r.frame), "notes": r.notes}
                for k, r in self.tables.items()
            },
            "gaps": self.gaps,
        }

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)


@dataclass
class Motive:
    """A reason one side gains from the partnership, ranked by strength (0–1)."""

    side: str  # country id that gains
    kind: str
    strength: float
    text: str
    source: str
    period: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "strength": self.strength,
            "text": self.text,
            "source": self.source,
            "period": self.period,
        }


@dataclass
class Brief:
    """Everything known about a pair, built only from query results."""

    a: dict[str, Any]
    b: dict[str, Any]
    as_of: str
    last_year: int
    summary: list[str]
    sections: list[Section]
    motives: dict[str, list[Motive]]
    sources: list[Source]
    notes: list[str]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": {
                "command": "brief",
                "a": self.a["id"],
                "b": self.b["id"],
                "as_of": self.as_of,
            },
            "a": self.a,
            "b": self.b,
            "as_of": self.as_of,
            "last_complete_year": self.last_year,
            "summary": self.summary,
            "sections": {s.key: s.to_dict() for s in self.sections},
            "motives": {k: [m.to_dict() for m in v] for k, v in self.motives.items()},
            "sources": [s.to_dict() for s in self.sources],
            "notes": self.notes,
        }
