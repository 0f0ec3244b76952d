"""A country card: people and economy, capabilities, regime, religion, oil, arms, trade, neighbours, rivals."""

from __future__ import annotations

from realpolitik.countries import Country
from realpolitik.errors import UserError
from realpolitik.periods import Period
from realpolitik.queries.common import country
from realpolitik.result import Result
from realpolitik.store import Store, get_store


def _capability(c: Country, store: Store) -> Result:
    """Latest COW NMC composite index of national capability (CINC) of the state."""
    frame = store.sql(
        "SELECT year::INT AS year, cinc, milex, milper, tpop FROM cow_nmc WHERE ccode = ? ORDER BY year DESC LIMIT 1",
        [c.cow],
    ) if c.cow is not None else None  # fmt: skip
    notes = [
        "CINC: share of world material capabilities (COW NMC); milex: military expenditure, current US$ (tables show it in US$; JSON and CSV keep NMC's thousands); milper and tpop in thousands."
    ]
    if frame is None or frame.empty:
        import pandas as pd

        frame = pd.DataFrame(columns=["year", "cinc", "milex", "milper", "tpop"])
        notes.insert(0, f"COW NMC has no capability figures for {c.name}.")
    return Result(
        frame,
        {"section": "capability"},
        [store.source("cow_nmc")],
        notes,
        f"Material capabilities: {c.name}",
    )


def arms_window(c: Country, store: Store) -> Period:
    """The latest 5-year SIPRI window, or a dissolved state's last five years."""
    first, last = store.coverage("sipri_tiv")
    end = min(last, c.end) if c.end else last
    return Period(max(first, end - 4), end)


def profile(who: str | Country, store: Store | None = None, top: int = 5) -> dict[str, Result]:
    """Sections of the country card, each a Result with its own sources and notes."""
    from realpolitik.queries import alignment, arms, energy, geo, profile_facts, security, trade

    store = store or get_store()
    c = country(who)
    window = arms_window(c, store)
    out: dict[str, Result] = {"facts": profile_facts.profile_facts(c, store=store)}
    steps = {
        "capability": lambda: _capability(c, store),
        "regime": lambda: _tail(alignment.regime(c), 1),
        "religions": lambda: profile_facts.religions(c, store=store),
        "oil": lambda: energy.rank_in(c, store.coverage("owid_energy")[1], store=store),
        "arms_suppliers": lambda: _head(arms.suppliers(c, window, store), top),
        "arms_recipients": lambda: _head(arms.recipients(c, window, store), top),
        "export_partners": lambda: trade.partners(c, "exports", store=store, limit=top),
        "import_partners": lambda: trade.partners(c, "imports", store=store, limit=top),
        "neighbours": lambda: geo.borders(c, store=store),
        "rivals": lambda: security.rivals(c),
    }
    for name, step in steps.items():
        try:
            out[name] = step()
        except UserError as e:  # a dataset without this country: say so in place of the section
            import pandas as pd

            out[name] = Result(pd.DataFrame(), {"section": name}, [], [str(e)], name)
    return out


def _head(r: Result, n: int) -> Result:
    r.frame = r.frame.head(n)
    return r


def _tail(r: Result, n: int) -> Result:
    r.frame = r.frame.tail(n)
    return r
