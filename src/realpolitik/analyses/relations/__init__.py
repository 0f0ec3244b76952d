"""The relationship model: who is an ally, a partner, a rival or at war, with the evidence and the rule.

Every reader of a relationship — the brief, the network's signs, the claim checker, the web — asks
this package; no other module decides who is an ally or an adversary. One module per evidence family
(`alliances`, `disputes`, `rivalries`, `wars`, `ties`), one rule table (`classify.RULES`, thresholds
in `classify.Thresholds`), documented in docs/relations.md.

    >>> from realpolitik.analyses.relations import relationship, adversaries
    >>> r = relationship("Armenia", "Azerbaijan", as_of="2024-10-09")
    >>> r.type, r.since, r.rule                       # ('rivals', 1991, 'armed_rivals')
    >>> [e.text for e in r.deciding]                  # the rows that decided it
    >>> [x.b for x in adversaries("Israel", as_of="2024-10-09")]

Stable public signatures (the claim checker relies on them):
``relationship(a, b, as_of=None, *, year=None, store=None) -> Relationship`` and
``adversaries(country, as_of=None, *, year=None, store=None) -> list[Relationship]``.
``as_of`` is a date (data up to the last complete year before it); ``year`` a reference year instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from realpolitik.analyses.relations import alliances, dated
from realpolitik.analyses.relations.classify import RULES, TYPES, Thresholds
from realpolitik.analyses.relations.model import Evidence, Relationship, Scope, Spell
from realpolitik.analyses.relations.reading import (
    Frames,
    classify,
    coded_to,
    read_hostile,
    read_ties,
    relationship_of,
)
from realpolitik.asof import exists
from realpolitik.countries import Country
from realpolitik.store import Store, get_store

__all__ = [
    "RULES",
    "TYPES",
    "Evidence",
    "Reading",
    "Relationship",
    "Spell",
    "Thresholds",
    "adversaries",
    "as_result",
    "classify_years",
    "read",
    "relationship",
    "relationships",
]


def _year(as_of: str | date | None, year: int | None, store: Store) -> int:
    from realpolitik.asof import as_of_date, reference_year

    return int(year) if year is not None else reference_year(as_of_date(as_of), store)


def _country(c: str | Country) -> Country:
    from realpolitik.queries.common import country

    return country(c)


def _pair(a: str | Country, b: str | Country) -> tuple[Country, Country]:
    from realpolitik.queries.common import pair

    return pair(a, b)  # the same state twice is a user error


def _edition_year(store: Store) -> int | None:
    from realpolitik.queries.profile_facts import edition_year

    return edition_year(store)


@dataclass
class Reading:
    """A pair's relationship and each side's adversaries, read in one pass (what the brief needs)."""

    pair: Relationship
    adversaries: dict[str, list[Relationship]]  # country id -> relationships with its adversaries
    year: int
    a: str  # the pair in the order asked
    b: str


def read(a: str | Country, b: str | Country, year: int, store: Store | None = None,
         thresholds: Thresholds | None = None, as_of: date | None = None) -> Reading:  # fmt: skip
    """The pair's relationship in `year` and the adversaries of each side, with their evidence, in one
    pass: one classification of the pair and of every dyad of either side with hostile evidence. With
    `as_of`, fighting between the pair begun since `year` and known on that day counts (`dated`)."""
    st = store or get_store()
    th = thresholds or Thresholds()
    ca, cb = _pair(a, b)
    pair = (min(ca.id, cb.id), max(ca.id, cb.id))
    frames = read_hostile(Scope.around(ca.id, cb.id), year, st)
    table, frames = _classified(frames, year, st, th, pair)
    row = _row(table, *pair, year)
    rel_pair = relationship_of(row, frames, st, th, first=ca.id)
    if as_of is not None:
        rel_pair = dated.as_known(rel_pair, row, frames, as_of, st, ca.id)
    foes = _adversaries(table, frames, (ca.id, cb.id), year, st, th, skip=pair)
    return Reading(rel_pair, foes, year, ca.id, cb.id)


def _classified(frames: Frames, year: int, st: Store, th: Thresholds,
                pair: tuple[str, str] | frozenset[tuple[str, str]] | None = None,
                ) -> tuple[pd.DataFrame, Frames]:  # fmt: skip
    """Classify every dyad of the hostile frames (and `pair`, or each of a set of pairs) in `year`.
    Alliances count in the reference year only, except for the pairs (their whole ATOP history);
    trade and crude for the pairs only.
    The whole ATOP history of every dyad is read in one query and kept on the frames (`history`):
    the pair and the allied adversaries need it, and one scan of atop_blocs costs less than three."""
    pairs = frozenset({pair}) if isinstance(pair, tuple) else (pair or frozenset())
    dyads = frames.dyads() | pairs
    if not dyads:
        return classify(frames, [year], st, th), frames
    scope = Scope(tuple(sorted({i for d in dyads for i in d})), frozenset(dyads))
    atop_year = min(year, coded_to(st).get("atop", year))
    history = alliances.rows(scope, 1815, year, st)
    frames.history, frames.history_pairs = history, frozenset(dyads)
    current = history[history["year"] >= atop_year] if not history.empty else history
    frames = read_ties(frames, scope, [year], st, th, material=False, first=atop_year,
                       alliance_rows=current.reset_index(drop=True))  # fmt: skip
    if pairs:
        empty = Frames(*(pd.DataFrame() for _ in range(4)))
        within = Scope(tuple(sorted({i for d in pairs for i in d})), pairs)  # one pair: Scope.pair
        p = read_ties(empty, within, [year], st, th, edition_year=_edition_year(st),
                      arms=False, alliance_rows=frames.alliance_history(set(pairs)))  # fmt: skip
        frames.alliances = pd.concat(
            [frames.alliances[~_is(frames.alliances, pairs)], p.alliances], ignore_index=True
        )
        frames.trade, frames.crude = p.trade, p.crude
        frames.invalidate()
    return classify(frames, [year], st, th), frames


def _is(f: pd.DataFrame, pairs: frozenset[tuple[str, str]]) -> pd.Series:
    """Which rows (a < b) belong to one of `pairs`."""
    if f.empty:
        return pd.Series(dtype=bool)
    return pd.Series([(x, y) in pairs for x, y in zip(f["a"], f["b"], strict=True)],
                     index=f.index, dtype=bool)  # fmt: skip


def _adversaries(table: pd.DataFrame, frames: Frames, of: tuple[str, ...], year: int, st: Store,
                 th: Thresholds, skip: tuple[str, str] | None = None) -> dict[str, list[Relationship]]:  # fmt: skip
    """Adversaries of each state in `of` among the classified dyads; a dyad an alliance helped decide is
    re-read with its whole ATOP history (its spells must show their real start)."""
    out: dict[str, list[Relationship]] = {c: [] for c in of}
    rows = [pd.Series(r) for r in table[table["sign"] < 0].to_dict("records")]
    rows = [r for r in rows if (r["a"], r["b"]) != skip and any(c in (r["a"], r["b"]) for c in of)
            and exists(r["a"], year) and exists(r["b"], year)]  # fmt: skip
    allied = {(r["a"], r["b"]) for r in rows if r["defence"] or r["pact_small"]}
    if allied:  # one query for all of them: their whole ATOP history, with co-members
        ids = tuple(sorted({i for d in allied for i in d}))
        full = frames.alliance_history(allied)
        if full is None:
            full = alliances.rows(Scope(ids, frozenset(allied)), 1815, year, st)
        al = frames.alliances
        keep = ~pd.Series([(x, y) in allied for x, y in zip(al["a"], al["b"], strict=True)],
                          index=al.index, dtype=bool)  # fmt: skip
        frames.alliances = pd.concat([al[keep], full], ignore_index=True)
        frames.invalidate("alliances")
    for row in rows:
        first = next(c for c in of if c in (row["a"], row["b"]))
        rel = relationship_of(row, frames, st, th, first=first)
        out.update({c: [*out[c], rel] for c in of if c in (rel.a, rel.b) and rel.adversary_of(c)})
    return out


def _row(table: pd.DataFrame, a: str, b: str, year: int) -> pd.Series:
    hit = table[(table["a"] == a) & (table["b"] == b) & (table["year"] == year)]
    if hit.empty:  # no evidence at all: the 'none' rule on an empty row
        from realpolitik.analyses.relations.classify import apply_rules, merge

        hit = apply_rules(merge([pd.DataFrame({"year": [year], "a": [a], "b": [b]})]))
    return hit.iloc[0]


def relationship(a: str | Country, b: str | Country, as_of: str | date | None = None, *,
                 year: int | None = None, store: Store | None = None) -> Relationship:  # fmt: skip
    """The relationship of a and b as known on `as_of` (or in reference `year`), with its evidence: with
    a date, fighting between them begun since the reference year and known on that day counts too."""
    from realpolitik.asof import as_of_date

    st = store or get_store()
    y = _year(as_of, year, st)
    ca, cb = _pair(a, b)
    pair = (min(ca.id, cb.id), max(ca.id, cb.id))
    th = Thresholds()
    table, frames = _classified(read_hostile(Scope.pair(*pair), y, st), y, st, th, pair)
    row = _row(table, *pair, y)
    rel = relationship_of(row, frames, st, th, first=ca.id)
    if year is not None:
        return rel
    return dated.as_known(rel, row, frames, as_of_date(as_of), st, ca.id)


def relationships(pairs: list[tuple[str | Country, str | Country]], *, year: int,
                  store: Store | None = None) -> list[Relationship]:  # fmt: skip
    """`relationship(a, b, year=year)` of each pair, read in one pass: one query per evidence family
    for all of them (a brief asks for each neighbour of one side that is the other's adversary)."""
    st = store or get_store()
    th = Thresholds()
    asked = [_pair(a, b) for a, b in pairs]
    keys = [(min(x.id, y.id), max(x.id, y.id)) for x, y in asked]
    if not keys:
        return []
    scope = Scope(tuple(sorted({i for k in keys for i in k})), frozenset(keys))
    table, frames = _classified(read_hostile(scope, year, st), year, st, th, frozenset(keys))
    return [relationship_of(_row(table, *k, year), frames, st, th, first=x.id)
            for (x, _), k in zip(asked, keys, strict=True)]  # fmt: skip


def adversaries(c: str | Country, as_of: str | date | None = None, *, year: int | None = None,
                store: Store | None = None) -> list[Relationship]:  # fmt: skip
    """The adversaries of a state (at war, rivals, fighting, or hostile by its own hostility)."""
    st = store or get_store()
    cc = _country(c)
    y = _year(as_of, year, st)
    th = Thresholds()
    table, frames = _classified(read_hostile(Scope.around(cc.id), y, st), y, st, th)
    return _adversaries(table, frames, (cc.id,), y, st, th)[cc.id]


def classify_years(start: int, end: int, store: Store | None = None, scope: Scope | None = None,
                   thresholds: Thresholds | None = None) -> pd.DataFrame:  # fmt: skip
    """Every dyad-year with any evidence in start..end, classified: year, a, b, type, sign, rule and the
    features (force_a/force_b say which side used force). The network's signs come from here."""
    from realpolitik.asof import both_exist

    st = store or get_store()
    th = thresholds or Thresholds()
    sc = scope or Scope()
    years = list(range(int(start), int(end) + 1))
    atop_first = min(
        int(start), coded_to(st).get("atop", int(start))
    )  # later years use ATOP's last
    oldest = int(start) - max(
        th.mid_window, th.war_window
    )  # older fighting cannot count in `start`
    frames = read_ties(read_hostile(sc, end, st, oldest), sc, years, st, th,
                       edition_year=_edition_year(st), first=atop_first, ties_only=True)  # fmt: skip
    out = classify(frames, years, st, th)
    return out[both_exist(out["a"], out["b"], out["year"])].reset_index(drop=True)


def as_result(rel: Relationship, store: Store | None = None, as_of: str | None = None):  # -> Result
    """A Relationship as a `Result`: one row per evidence row (deciding first), the reading in the
    title, the rule and the coverage ends in the notes, the sources of the evidence."""
    from realpolitik.result import Result

    st = store or get_store()
    rows = [{**{k: v for k, v in e.to_dict().items() if k != "data"}, "deciding": e in rel.deciding}
            for e in rel.evidence]  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["deciding", "kind", "side", "start", "end", "strength", "source", "text"]
    )
    frame = frame.sort_values(["deciding", "start"], ascending=[False, False]).reset_index(
        drop=True
    )
    frame = frame.astype({"start": "Int64", "end": "Int64"})
    sources = [st.source(d) for d in sorted({e.source for e in rel.evidence}) if d in st.manifests]
    notes = [f"Rule {rel.rule}: {rel.rule_text} (docs/relations.md).", *rel.notes]
    query = {"command": "relationship", "a": rel.a, "b": rel.b, "year": rel.year, "as_of": as_of,
             "type": rel.type, "since": rel.since, "rule": rel.rule}  # fmt: skip
    return Result(frame, query, sources, notes, rel.text)
