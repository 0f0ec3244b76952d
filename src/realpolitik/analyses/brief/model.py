"""The brief's data model: facts (one sourced figure each), sections and the brief itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from realpolitik.result import Result, Source, records

if TYPE_CHECKING:
    from realpolitik.analyses.relations import Relationship


class Charts(Mapping[str, dict[str, Any]]):
    """Chart specs by name, built on first access: a JSON brief prints no chart and pays for none."""

    def __init__(self) -> None:
        self._make: dict[str, Callable[[], dict[str, Any]]] = {}
        self._done: dict[str, dict[str, Any]] = {}

    def add(self, name: str, make: Callable[[], dict[str, Any]]) -> None:
        self._make[name] = make

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self._done:
            self._done[name] = self._make[name]()
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._make)

    def __len__(self) -> int:
        return len(self._make)


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
    charts: Charts = field(default_factory=Charts)  # name -> Vega-Lite spec, built when read
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
    relationship: Relationship | None = None

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def has_section(self, key: str) -> bool:
        return any(s.key == key for s in self.sections)

    @property
    def shows_motives(self) -> bool:
        """Whether 'What's in it for' each side is worth a heading: not for adversaries in whose data
        neither side has a motive (two empty boxes under a war would read as an oversight), nor for a pair
        with a state outside the state system."""
        rel = self.relationship
        if rel is not None and rel.unread:  # no relationship to read, no motives either
            return False
        return bool(any(self.motives.values()) or not (rel and rel.hostile))

    def _repr_html_(self) -> str:
        """Jupyter: the HTML brief with its charts inline (SVG), as an embeddable fragment."""
        from realpolitik.analyses.brief.render import to_html

        return to_html(self, fragment=True)

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
            "relationship": self.relationship_dict(),
            "summary": self.summary,
            "sections": {s.key: s.to_dict() for s in self.sections},
            "motives": {k: [m.to_dict() for m in v] for k, v in self.motives.items()},
            "sources": [s.to_dict() for s in self.sources],
            "notes": self.notes,
        }

    def relationship_dict(self) -> dict[str, Any] | None:
        """The relationship object of the JSON brief: type, since, spells, evidence, text (and the rule)."""
        return None if self.relationship is None else self.relationship.to_dict()
