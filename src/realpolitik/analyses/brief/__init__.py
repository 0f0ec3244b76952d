"""Dyad brief: the relationship first, then "what's in it for each side", built only from query
results, with sources. Every dated fact is filtered by the one time-discipline function
(`realpolitik.asof.usable`)."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.brief.model import Brief, Fact, Motive, Section
from realpolitik.analyses.brief.motives import motives as derive_motives
from realpolitik.analyses.brief.sections import (
    When,
    alignment,
    arms,
    energy_trade,
    events_timeline,
    geography,
    the,
)
from realpolitik.analyses.brief.security_section import conflict, is_hostile, other, security
from realpolitik.analyses.brief.summary import summarise
from realpolitik.asof import DATE_FORMS, as_of_date, predecessor, reference_year
from realpolitik.countries import Country, from_id
from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries.common import country
from realpolitik.store import Store, get_store

__all__ = ["Brief", "Fact", "Motive", "Section", "brief"]

EARLIEST = 1816  # first year of the COW state system, the oldest data in the snapshot


def _as_of(value: str | date | None) -> date:
    try:
        return as_of_date(value)
    except ValueError as e:
        raise UserError(f"--as-of must be a date ({DATE_FORMS}), got {value!r}") from e


def brief(
    a: str | Country, b: str | Country, as_of: str | date | None = None, store: Store | None = None
) -> Brief:
    """Everything the data say about the pair as of a date (default today): the relationship, facts,
    motives, sources."""
    from realpolitik.analyses.relations import read
    from realpolitik.analyses.relations.reading import basis
    from realpolitik.queries.profile_facts import edition_year

    store = store or get_store()
    ca, cb = country(a), country(b)
    if ca.id == cb.id:
        raise UserError(f"a brief needs two different countries (got {ca.name} twice)")
    day = _as_of(as_of)
    last = reference_year(day, store)
    if last < EARLIEST:
        raise BadPeriod(
            f"--as-of {day.isoformat()} is before every dataset (the earliest, COW, starts in {EARLIEST})"
        )
    ends = [c.end for c in (ca, cb) if c.kind == "historical" and c.end]
    if ends:  # a historical state's figures stop when it does (its COW code may live on, e.g. 365)
        last = min(last, *ends)
    when = When(day, last, edition_year(store))
    reading = read(ca, cb, last, store, as_of=day)
    foes = {
        c: [(from_id(other(r, c)), basis(r)) for r in rs] for c, rs in reading.adversaries.items()
    }
    sections = [arms(ca, cb, when, store), energy_trade(ca, cb, when, store), geography(ca, cb, foes, when, store),
                security(reading, when, store), alignment(ca, cb, when, store)]  # fmt: skip
    sec_conflict = conflict(reading, when, store)
    timeline = events_timeline(ca, cb, when, store)
    if sec_conflict is not None:
        sections.insert(0, sec_conflict)
    if timeline is not None:
        sections.append(timeline)
    rel = reading.pair
    hostile = is_hostile(rel)
    motives = derive_motives(ca, cb, sections, rel, hostile, last)
    used = {src.dataset: src for s in sections for r in s.tables.values() for src in r.sources}
    for ds in {e.source for e in rel.evidence} | {f.source for s in sections for f in s.facts}:
        if ds in store.manifests and ds not in used:
            used[ds] = store.source(ds)
    notes = [
        f"As of {day.isoformat()}: figures use data up to {last} (the last complete year before the date that the data cover).",
        "Every sentence is generated from the figures listed with it; gaps are stated, never filled.",
        *rel.notes,
    ]
    if hostile:
        notes.append(
            f"{ca.name} and {cb.name} are adversaries ({rel.type}): no partnership motives are derived."
        )
    for c in (
        ca,
        cb,
    ):  # succession: a shared COW code and SIPRI's filing before the successor's first year
        pred = predecessor(c, last)
        if pred is not None and pred[1] >= 1946:  # the first year of the UN and SIPRI data
            notes.append(
                f"{c.name} exists as a state from {pred[1] + 1}: before that COW code {c.cow} is {the(pred[0].name)}'s, "
                f"and SIPRI and the UN ideal points file those years under {the(pred[0].name)}."
            )
    historical = [c.name for c in (ca, cb) if c.kind == "historical"]
    if historical:
        notes.append(
            f"{', '.join(historical)}: a historical state; figures exist only for the years it existed."
        )
    return Brief(
        a={"id": ca.id, "name": ca.name},
        b={"id": cb.id, "name": cb.name},
        as_of=day.isoformat(),
        last_year=last,
        summary=summarise(rel, sections, motives, hostile, ca.id),
        sections=sections,
        motives=motives,
        sources=sorted(used.values(), key=lambda s: s.dataset),
        notes=notes,
        relationship=rel,
    )
