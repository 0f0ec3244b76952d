"""Time discipline: the one place that decides whether a dated fact may be used as of a date.

A reader asking "as of 2020-06-01" must see nothing the world learnt later. Facts carry dates of
different kinds; each kind has one rule here, and every section of the brief, the relationship
model and the claim checker ask `usable` (or its helpers) instead of filtering dates themselves:

* a **year** of annual data (trade 2019, a dispute-year, an ATOP year): usable when the year is
  complete before the date — as of 2020-06-01 the last usable year is 2019;
* a **window** or **spell** (start, end) of annual data: usable when its end year is; a spell still
  running after the last usable year is cut there and reads "since <start>" (`clip_spell`);
* a **month** ("2020-11"): usable when the whole month lies before the date;
* a **day** (an episode start date, an order date): usable when not after the date;
* an **edition** (the Factbook): usable when the year its figures describe is (`usable(edition_year)`).

    >>> from datetime import date
    >>> usable(2019, date(2020, 6, 1)), usable(2020, date(2020, 6, 1))
    (True, False)
    >>> usable((2016, 2020), date(2021, 1, 1)), usable("2020-11", date(2020, 12, 1))
    (True, True)
    >>> clip_spell(1991, 2020, date(2015, 6, 1))
    (1991, None)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from realpolitik.countries import Country
    from realpolitik.store import Store

__all__ = [
    "Dated",
    "DATE_FORMS",
    "as_of_date",
    "clip_spell",
    "last_complete_year",
    "lifespan",
    "predecessor",
    "reference_year",
    "state_years",
    "usable",
]

Dated = int | date | str | tuple[int, int]
"""Anything with a date: a year, a (start, end) window, an ISO day, 'YYYY' or 'YYYY-MM'."""

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{4})\s*[–-]\s*(\d{2,4})$")


DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"  # what `as_of_date` reads, for error messages


def as_of_date(value: str | date | None) -> date:
    """The as-of date of a question: a date, an ISO string, or today when None (ValueError if unreadable)."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _YEAR.match(text):  # a bare year means its first day: data up to the year before
        return date(int(text), 1, 1)
    if m := _MONTH.match(text):  # a month, its first day, as a year does
        return date(int(m[1]), int(m[2]), 1)
    return date.fromisoformat(text)


def last_complete_year(as_of: date) -> int:
    """The last calendar year that ended before the as-of date."""
    return as_of.year - 1


def reference_year(as_of: date, store: Store) -> int:
    """The year a reading as of the date describes: the last complete year, but no later than the
    arms data reach (SIPRI, the core of the brief and the relationship model; a year past it would
    read every arms tie as absent)."""
    last = last_complete_year(as_of)
    if store.has_table("sipri_tiv"):
        last = min(last, store.coverage("sipri_tiv")[1])
    return last


def usable(when: Dated | None, as_of: date) -> bool:
    """True when a fact dated `when` was knowable on `as_of` (see the module docstring for each kind)."""
    if when is None:
        return False
    last = last_complete_year(as_of)
    if isinstance(when, bool):
        raise TypeError("a date, year or window is needed, not a bool")
    if isinstance(when, date):
        return when <= as_of
    if isinstance(when, int):
        return when <= last
    if isinstance(when, tuple):
        return int(when[1]) <= last
    text = str(when).strip()
    if m := _YEAR.match(text):
        return int(m[1]) <= last
    if m := _MONTH.match(text):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, calendar.monthrange(y, mo)[1]) < as_of
    if m := _SPAN.match(text):
        end = m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
        return int(end) <= last
    return date.fromisoformat(text[:10]) <= as_of


def clip_spell(start: int, end: int | None, as_of: date) -> tuple[int, int | None] | None:
    """A spell of annual data as known on `as_of`: None if it had not begun, else (start, end) with
    end None when the spell was still running after the last usable year (so it reads "since start")."""
    last = last_complete_year(as_of)
    if start > last:
        return None
    if end is None or end > last:
        return (start, None)
    return (start, end)


# ------------------------------------------------------------------ states in time
@cache
def state_years() -> tuple[tuple[str, int, int], ...]:
    """(id, first, last) periods in which an id is a member of the state system (COW codes; a period
    reaching the code table's last year is open-ended: the data end in 2016, the state does not)."""
    from realpolitik.countries import code_periods

    rows = code_periods("cow")
    coded_to = max(
        y1 for *_, y1, _ in rows
    )  # the code table's last year (2016): states alive then go on
    return tuple((cid, y0, 9999 if y1 == coded_to else y1) for code, y0, y1, cid in rows)


@cache
def _periods() -> dict[str, tuple[tuple[int, int], ...]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for cid, y0, y1 in state_years():
        out.setdefault(cid, []).append((y0, y1))
    return {k: tuple(v) for k, v in out.items()}


@cache
def exists(cid: str, year: int) -> bool:
    """Whether the state with id `cid` is a member of the state system in `year` (an id COW never codes
    — a territory, a non-state actor — is taken to exist): Yugoslavia is no adversary of anyone in 2012."""
    periods = _periods().get(cid)
    return periods is None or any(y0 <= year <= y1 for y0, y1 in periods)


def both_exist(a: Iterable[str], b: Iterable[str], years: Iterable[int]) -> list[bool]:
    """Per dyad-year, whether both sides are states that year (`exists`): a dissolved state's old
    disputes or deliveries make no edge after its end (Czechoslovakia–United States in 1995)."""
    return [exists(x, int(y)) and exists(z, int(y)) for x, z, y in zip(a, b, years, strict=True)]


def lifespan(c: Country, year: int) -> tuple[int, int | None]:
    """The years c existed as a state around `year`: its COW period containing the year (Russia: from
    1992), else its own start/end; end None for a state that still exists."""
    periods = [(y0, y1) for cid, y0, y1 in state_years() if cid == c.id]
    for y0, y1 in sorted(periods):
        if y0 <= year <= y1:
            return y0, None if y1 == 9999 else y1
    if periods:  # the nearest period in time
        y0, y1 = min(periods, key=lambda p: min(abs(year - p[0]), abs(year - p[1])))
        return y0, None if y1 == 9999 else y1
    return c.start or 1816, c.end


def predecessor(c: Country, year: int) -> tuple[Country, int] | None:
    """The state whose COW code c took over right before its period containing `year`, with the
    predecessor's last year (Russia in 2020: the Soviet Union, 1991); None when there is none."""
    from realpolitik.countries import from_cow, from_id

    if c.cow is None:
        return None
    start, _ = lifespan(c, year)
    try:
        before = from_cow(int(c.cow), start - 1)
    except LookupError:
        return None
    if before.id == c.id:
        return None
    return from_id(before.id), lifespan(before, start - 1)[1] or start - 1
