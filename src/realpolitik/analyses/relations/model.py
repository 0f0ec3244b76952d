"""The relationship model's data: evidence rows, spells, the scope of a question and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence about a dyad, from one dataset, with its own years.

    kind: alliance, dispute, rivalry, war, conflict, cobelligerent, support, arms, trade, crude, un_votes.
    side: the state the row is about when it is directional (the one that used force, the supplier),
    else None. end None = still running in the last usable year. strength: the family's own magnitude
    (hostility level 1–5, a share 0–1, battle-death intensity 1–2, …) — see docs/relations.md.
    """

    kind: str
    side: str | None
    start: int
    end: int | None
    strength: float
    source: str
    text: str
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "side": self.side, "start": self.start, "end": self.end,
               "strength": self.strength, "source": self.source, "text": self.text}  # fmt: skip
        return {**out, **({"data": self.data} if self.data else {})}


@dataclass(frozen=True)
class Spell:
    """A run of years of one kind of relation (a rivalry, a war, an alliance type) from one dataset."""

    kind: str
    start: int
    end: int | None  # None: still running in the last usable year
    source: str
    label: str

    def years(self) -> str:
        return f"since {self.start}" if self.end is None else (
            str(self.start) if self.start == self.end else f"{self.start}–{self.end}"
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "source": self.source,
                "label": self.label, "years": self.years(), "text": self.label}  # fmt: skip


@dataclass(frozen=True)
class Scope:
    """Which dyads a question is about: one pair, every dyad of some states, or every dyad (ids None)."""

    ids: tuple[str, ...] | None = None
    pairs: frozenset[tuple[str, str]] | None = None

    @classmethod
    def pair(cls, a: str, b: str) -> Scope:
        return cls((a, b), frozenset({(min(a, b), max(a, b))}))

    @classmethod
    def around(cls, *ids: str) -> Scope:
        return cls(tuple(sorted(set(ids))))

    def sql(self, c1: str, c2: str) -> tuple[str, list[Any]]:
        """A SQL condition (and its parameters) keeping the scope's rows: its pairs (either order) when
        it has some, else the rows naming one of its states."""
        if self.ids is None:
            return "TRUE", []
        if self.pairs is not None:
            keys = [k for a, b in self.pairs for k in (f"{a}|{b}", f"{b}|{a}")]
            return f"list_contains(?, {c1} || '|' || {c2})", [keys]
        return f"(list_contains(?, {c1}) OR list_contains(?, {c2}))", [
            list(self.ids),
            list(self.ids),
        ]


NOT_IN_SYSTEM = ("not_in_system", "one of the two is not in the COW state system in the year: no relationship is read")
"""The rule of a pair with a state outside the state system in the year: type none, nothing deciding."""


@dataclass
class Relationship:
    """The reading of a dyad in a reference year: its type, the rule that decided it and the evidence."""

    a: str
    b: str
    year: int  # the reference year (the last year usable as of the question's date)
    type: str  # allies | aligned | partners | rivals | at war | hostile | mixed | none
    sign: int  # +1 pulls together, -1 apart, 0 none
    rule: str
    rule_text: str
    hostile_sides: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    deciding: list[Evidence] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    text: str = ""
    notes: list[str] = field(default_factory=list)
    also: list[Evidence] = field(default_factory=list)  # an alignment a higher rule outranks (partners)

    @property
    def since(self) -> int | None:
        """First year of the spell that decided the type: a rivalry, war, conflict or alliance (None when
        only material ties decided it — they are measured in a window, not as a spell — or nothing did);
        a hostile reading dates from its hostile spells only."""
        if self.rule == "at_war":  # the current war, not the pair's first fight
            starts = [_run_start(e, self.year) for e in self.deciding]
            return min((s for s in starts if s is not None), default=None)
        kinds = (
            HOSTILE_KINDS if self.sign < 0 else SPELL_KINDS
        )  # rivals first: not the pact's start
        starts = [e.start for e in self.deciding if e.kind in kinds]
        return min(starts) if starts else None

    @property
    def unread(self) -> bool:
        """True when one of the two is outside the state system in the year: no relationship is read."""
        return self.rule == NOT_IN_SYSTEM[0]

    @property
    def war_over(self) -> bool:
        """True when the year reads 'at war' but every war or armed conflict that makes it so ended within
        that year (COW's last war year, UCDP/PRIO's episode end): the pair were at war, they are not still."""
        if self.type != "at war":
            return False
        fighting = [e for e in self.deciding
                    if e.kind in ("war", "conflict") and self.year in e.data.get("years", [])]  # fmt: skip
        return bool(fighting) and all(e.data.get("ended") == self.year for e in fighting)

    @property
    def hostile(self) -> bool:
        return self.sign < 0

    def adversary_of(self, cid: str) -> bool:
        """True when the other side is an adversary of `cid`: at war, rivals or fighting, or hostile
        because `cid` itself showed hostility in recurrent disputes, or the two met in a deadly one (a
        one-sided bloodless dispute makes no adversary of the passive side)."""
        if self.sign >= 0:
            return False
        return self.rule not in ONE_SIDED_RULES or cid in self.hostile_sides

    def de_facto(self, cid: str) -> bool:
        """True when the hostility with `cid` rests on UCDP/PRIO rows in which `cid`'s side is a de facto
        government (wars.DE_FACTO: Yemen's is the Houthi-held Sana'a from 2015). Two such readings of
        'Yemen' — Saudi Arabia's war on Sana'a, Iran's rivalry with the recognised government — are not
        one shared adversary."""
        from realpolitik.analyses.relations.wars import DE_FACTO

        if cid not in DE_FACTO:
            return False
        since = DE_FACTO[cid][0]
        return any(e.source == "ucdp_acd" and max(e.data.get("years") or [e.start]) >= since
                   for e in self.deciding)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "since": self.since,
            "year": self.year,
            "rule": self.rule,
            "rule_text": self.rule_text,
            "war_over": self.war_over,
            "spells": [s.to_dict() for s in self.spells],
            "evidence": [e.to_dict() for e in self.evidence],
            "deciding": [self.evidence.index(e) for e in self.deciding if e in self.evidence],
            **({"also_aligned": [self.evidence.index(e) for e in self.also]} if self.also else {}),
            "text": self.text,
            "notes": self.notes,
        }


def _run_start(e: Evidence, year: int) -> int | None:
    """First year of the unbroken run of fighting years of `e` (a war or conflict row) that reaches
    `year`: UCDP/PRIO 218 runs 1948, 1964–65, 1971, so India–Pakistan in 1971 are at war since 1971."""
    ys = set(e.data.get("war_years") or e.data.get("years") or [])
    if year not in ys:
        return None
    y = year
    while y - 1 in ys:
        y -= 1
    return y


SPELL_KINDS = frozenset({"rivalry", "war", "conflict", "cobelligerent", "alliance", "dispute"})
"""Evidence kinds that are spells with a start year (arms, trade and crude ties are windows)."""

HOSTILE_KINDS = frozenset({"rivalry", "war", "conflict", "dispute"})
"""The spells a hostile reading dates from: Greece–Türkiye are mixed since the 1955 rivalry, not since
their 1951 NATO pact."""

ONE_SIDED_RULES = frozenset({"hostile_dispute"})
"""Rules whose hostility is directional: the dyad is hostile for the sides that used force only."""
