"""Dyad brief: "what's in it for each side", built only from query results, with sources."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from realpolitik.analyses.brief.model import Brief, Fact, Motive, Section
from realpolitik.analyses.brief.motives import motives as derive_motives
from realpolitik.analyses.brief.sections import (
    alignment,
    arms,
    energy_trade,
    events_timeline,
    geography,
)
from realpolitik.analyses.brief.security_section import security
from realpolitik.analyses.brief.summary import summarise
from realpolitik.countries import Country
from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries.common import country
from realpolitik.store import Store, get_store

__all__ = ["Brief", "Fact", "Motive", "Section", "brief"]

EARLIEST = 1816  # first year of the COW state system, the oldest data in the snapshot


def _as_of(value: str | date | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise UserError(f"--as-of must be a date YYYY-MM-DD, got {value!r}") from e


def brief(
    a: str | Country, b: str | Country, as_of: str | date | None = None, store: Store | None = None
) -> Brief:
    """Everything the data say about the pair as of a date (default today): facts, motives, sources."""
    store = store or get_store()
    ca, cb = country(a), country(b)
    if ca.id == cb.id:
        raise UserError(f"a brief needs two different countries (got {ca.name} twice)")
    day = _as_of(as_of)
    last = min(day.year - 1, store.coverage("sipri_tiv")[1])
    if last < EARLIEST:
        raise BadPeriod(
            f"--as-of {day.isoformat()} is before every dataset (the earliest, COW, starts in {EARLIEST})"
        )
    ends = [c.end for c in (ca, cb) if c.kind == "historical" and c.end]
    if ends:  # a historical state's figures stop when it does (its COW code may live on, e.g. 365)
        last = min(last, *ends)
    # Independent sections run concurrently: DuckDB releases the GIL while a query runs.
    with ThreadPoolExecutor(max_workers=4) as pool:
        f_arms = pool.submit(arms, ca, cb, last, store)
        f_energy = pool.submit(energy_trade, ca, cb, last, store)
        f_alignment = pool.submit(alignment, ca, cb, last, store)
        f_events = pool.submit(events_timeline, ca, cb, day.year, store)
        sec_security, rivals = security(ca, cb, last, store)
        sec_geo = geography(ca, cb, rivals, store)
        sections = [f_arms.result(), f_energy.result(), sec_geo, sec_security, f_alignment.result()]
        if (timeline := f_events.result()) is not None:
            sections.append(timeline)
    motives = derive_motives(ca, cb, sections)
    used = {src.dataset: src for s in sections for r in s.tables.values() for src in r.sources}
    for s in sections:
        for f in s.facts:
            if f.source in store.manifests and f.source not in used:
                used[f.source] = store.source(f.source)
    notes = [
        f"As of {day.isoformat()}: figures use data up to {last} (the last complete year before the date that the data cover).",
        "Every sentence is generated from the figures listed with it; gaps are stated, never filled.",
    ]
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
        summary=summarise(ca, cb, sections, motives),
        sections=sections,
        motives=motives,
        sources=sorted(used.values(), key=lambda s: s.dataset),
        notes=notes,
    )
