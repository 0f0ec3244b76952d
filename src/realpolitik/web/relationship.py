"""The brief's relationship in words for the dyad page: the type, since when, the rule and the
evidence that decided it (each with its dataset and years), the history of spells, the notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from realpolitik.analyses.relations.model import NOT_IN_SYSTEM
from realpolitik.web.labels import dataset, relationship_type

HISTORY_KINDS = ("rivalry", "war", "conflict", "cobelligerent", "alliance", "dispute")


@dataclass
class Line:
    """One piece of evidence or one spell: its sentence, dataset and years in words."""

    text: str
    source: str
    years: str


@dataclass
class RelationshipView:
    type: str  # in words ("rivals", "no tie above the thresholds")
    kind: str  # the model's type, for the CSS class
    since: int | None
    year: int | None
    war_over: bool  # at war in `year`, and the fighting ended that year
    rule_text: str
    text: str
    hostile: bool
    deciding: list[Line] = field(default_factory=list)
    other: list[Line] = field(default_factory=list)
    history: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def years(start: Any, end: Any) -> str:
    """'1991–2023', '2021', 'since 1991' (a spell still running), or '' when no year is known."""
    if start is None:
        return "" if end is None else f"until {end}"
    if end is None:
        return f"since {start}"
    return f"{start}" if start == end else f"{start}–{end}"


def _line(e: dict[str, Any]) -> Line:
    return Line(
        str(e.get("text") or e.get("label") or ""),
        dataset(str(e.get("source") or "")),
        str(e.get("years") or years(e.get("start"), e.get("end"))),
    )


NEGATIVE = frozenset({"at war", "rivals", "hostile", "mixed"})


def view(rel: dict[str, Any] | None) -> RelationshipView | None:
    """The relationship object of the JSON brief (`Relationship.to_dict()`) in words, or None."""
    if not rel or not rel.get("type"):
        return None
    evidence = list(rel.get("evidence") or [])
    chosen = [i for i in rel.get("deciding") or [] if isinstance(i, int) and 0 <= i < len(evidence)]
    spells = [s for s in rel.get("spells") or [] if s.get("kind") in HISTORY_KINDS]
    spells.sort(key=lambda s: (s.get("start") or 0, s.get("end") or 9999))
    outside = rel.get("rule") == NOT_IN_SYSTEM[0]  # no relationship read, not 'no tie'
    return RelationshipView(
        type="not read (a state outside the COW state system)" if outside else relationship_type(rel["type"]),
        kind=str(rel["type"]).replace(" ", "-"),
        since=rel.get("since"),
        year=rel.get("year"),
        war_over=bool(rel.get("war_over")),
        rule_text=str(rel.get("rule_text") or ""),
        text=str(rel.get("text") or ""),
        hostile=rel["type"] in NEGATIVE,
        deciding=[_line(evidence[i]) for i in chosen],
        other=[_line(e) for i, e in enumerate(evidence) if i not in chosen],
        history=[_line(s) for s in spells],
        notes=[str(n) for n in rel.get("notes") or []],
    )
