"""Helpers every query module uses: resolving inputs, checking periods against coverage."""

from __future__ import annotations

from collections.abc import Callable

from realpolitik.countries import Country, resolve
from realpolitik.periods import Period
from realpolitik.store import Store


def country(value: str | Country) -> Country:
    """A Country from any accepted input form (name, code, demonym) or an existing Country."""
    return value if isinstance(value, Country) else resolve(str(value))


def pair(a: str | Country, b: str | Country) -> tuple[Country, Country]:
    """Two different countries; the same one twice is a user error."""
    ca, cb = country(a), country(b)
    if ca.id == cb.id:
        from realpolitik.errors import UserError

        raise UserError(f"give two different countries (got {ca.name} twice)")
    return ca, cb


def as_period(value: Period | tuple[int, int] | int) -> Period:
    """Accept Period(2016, 2020), (2016, 2020) or a single year 2020 from API callers."""
    if isinstance(value, Period):
        return value
    if isinstance(value, int):
        return Period(value, value)
    start, end = value
    return Period(int(start), int(end))


def cow_periods(c: Country) -> list[tuple[int, int]] | None:
    """Years in which c's COW code stands for c when the code is shared (365: Soviet Union 1922–1991,
    Russia before and after); None when the code is c's alone. The last period is open-ended."""
    from realpolitik.countries import code_periods

    if c.cow is None:
        return None
    rows = [(first, last, cid) for code, first, last, cid in code_periods("cow") if code == c.cow]
    if len({cid for *_, cid in rows}) <= 1:
        return None
    final = max(last for _, last, _ in rows)
    return [(first, 9999 if last == final else last) for first, last, cid in rows if cid == c.id]


def existence_notes(c: Country, period: Period) -> list[str]:
    """A dissolved state asked about years it did not exist: an error if none overlap, else a note."""
    if c.kind != "historical" or not (c.start or c.end):
        return []
    first, last = c.start or period.start, c.end or period.end
    if period.end < first or period.start > last:
        from realpolitik.errors import BadPeriod

        raise BadPeriod(f"{c.name} existed {first}–{last}; {period} is outside its years")
    if period.start < first or period.end > last:
        return [f"{c.name} existed {first}–{last}; only those years of {period} can have figures."]
    return []


def succession_notes(
    c: Country, period: Period, has_rows: Callable[[Country, Period], bool] | None = None
) -> list[str]:
    """Point to the dissolved predecessor (Russia before 1992 → Soviet Union) whose years the period
    covers, where `has_rows(predecessor, years)` says the data record it under its own id."""
    from realpolitik.countries import predecessors

    notes = []
    for p in predecessors(c):
        if p.end is None or period.start > p.end:
            continue
        years = Period(max(period.start, p.start or period.start), min(period.end, p.end))
        if has_rows is None or has_rows(p, years):
            notes.append(
                f"{c.name}'s predecessor {p.name} ({p.start}–{p.end}) has its own figures for "
                f"{years}: ask for '{p.name}' for those years."
            )
    return notes


def filed_under(
    c: Country, period: Period, has_rows: Callable[[Country, Period], bool]
) -> Country | None:
    """The successor whose id the data use for a historical state's own years, when the state has no
    rows of its own there (SIPRI files West Germany as 'Germany' before 1991), else None."""
    from realpolitik.countries import successors

    if c.kind != "historical" or c.end is None or period.start > c.end:
        return None
    years = Period(max(period.start, c.start or period.start), min(period.end, c.end))
    if has_rows(c, years):
        return None
    return next((s for s in successors(c) if has_rows(s, years)), None)


def within(store: Store, table: str, period: Period, what: str) -> None:
    """Raise BadPeriod naming the coverage when period is outside the table's coverage."""
    first, last = store.coverage(table)
    period.check_within(first, last, what)
