"""Helpers every query module uses: resolving inputs, checking periods against coverage."""

from __future__ import annotations

from realpolitik.countries import Country, resolve
from realpolitik.periods import Period
from realpolitik.store import Store


def country(value: str | Country) -> Country:
    """A Country from any accepted input form (name, code, demonym) or an existing Country."""
    return value if isinstance(value, Country) else resolve(str(value))


def as_period(value: Period | tuple[int, int] | int) -> Period:
    """Accept Period(2016, 2020), (2016, 2020) or a single year 2020 from API callers."""
    if isinstance(value, Period):
        return value
    if isinstance(value, int):
        return Period(value, value)
    start, end = value
    return Period(int(start), int(end))


def within(store: Store, table: str, period: Period, what: str) -> None:
    """Raise BadPeriod naming the coverage when period is outside the table's coverage."""
    first, last = store.coverage(table)
    period.check_within(first, last, what)
