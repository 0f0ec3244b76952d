"""oil_producer_rank: a state's rank among oil producers in a year (OWID / Energy Institute oil
production in TWh, ``queries.energy.production``). Default: the latest complete year before the
article date, else the latest year with a ranking."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError
from realpolitik.periods import Period

MEASURE_NOTE = (
    "ranked by oil production in energy terms (TWh, Energy Institute via OWID: crude oil and natural "
    "gas liquids); rankings by volume (barrels a day, crude only) can differ by a place or two"
)


def check(claim: Claim, today: date) -> C.Outcome:
    from realpolitik.queries import energy

    stated = C.stated(claim)
    try:
        res = C.q(energy.production, claim.subject)
    except UserError as e:
        return C.unverifiable(str(e))
    f = res.frame.dropna(subset=["rank"])
    by_year = {int(r.year): int(r.rank) for r in f.itertuples()}
    year = stated.end if stated else today.year - 1
    notes = [MEASURE_NOTE]
    source = None
    if not stated and by_year and year > max(by_year):
        notes.append(
            f"no ranking for {year} yet; the latest year with one, {max(by_year)}, is used"
        )
        year = max(by_year)
        source = "latest data"
    actual = by_year.get(year)
    holds = C.rank_ok(claim, actual)
    rows = [
        {"period": str(y), "start": y, "end": y, "rank": r, "holds": C.rank_ok(claim, r)}
        for y, r in sorted(by_year.items())
        if y >= 1965
    ]
    any_other = C.held_before(rows, year, year, today)
    verdict = C.decide(holds, any_other, stated is not None)
    summary = f"{C.name(claim.subject)}'s oil-production rank in {year}: {actual or '–'}"
    if verdict == "mixed":
        summary += "; rank as claimed in " + ", ".join(r["period"] for r in rows if r["holds"])
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, Period(year, year), source),
        "actual": {"rank": actual},
        "tolerance": C.rank_tolerance(claim),
        "windows": rows,
        "notes": notes + res.notes[1:2],
        "query": f"realpolitik oil production {claim.subject}",
    }
    if actual is None:
        ev["settle"] = f"oil production by country for {year}"
    return verdict, ev, res.sources
