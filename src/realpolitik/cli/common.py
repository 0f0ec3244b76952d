"""Options and helpers shared by CLI modules (format, years, limits, output). Kept light: importing
it must not load pandas or the store, so that `--help` and argument errors are instant."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from typing import Annotated

import typer

from realpolitik.periods import Period
from realpolitik.render.formats import TABLE_ROWS, Format, emit
from realpolitik.result import Result

MAX_LIMIT = 1_000_000
_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*")


def year_of(text: str) -> int:
    """A year from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (dates are accepted wherever a year is asked)."""
    m = _DATE.fullmatch(str(text))
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise typer.BadParameter(f"{text!r} is not a year (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, this_year = int(m.group(1)), date.today().year
    if year > this_year:  # no data describe the future: a typo, not a question
        raise typer.BadParameter(f"{year} is in the future (this is {this_year})")
    return year


def not_future(text: str | None, flag: str) -> str | None:
    """A date option (YYYY, YYYY-MM or YYYY-MM-DD) checked before any data is read: readable and not after
    today (no data describe the future; a date there is a typo, not a question)."""
    if text is None:
        return None
    from realpolitik.asof import DATE_FORMS, as_of_date
    from realpolitik.errors import UserError

    try:
        day = as_of_date(text)
    except ValueError:
        raise UserError(f"{flag} must be a date ({DATE_FORMS}), got {text!r}") from None
    if day > date.today():
        raise UserError(f"{flag} {text} is in the future (today is {date.today().isoformat()})")
    return text


def seconds(text: str) -> float:
    """A positive, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise typer.BadParameter(f"{text!r} must be a positive number of seconds")
    return value


def _year_option(flag: str, help: str) -> typer.models.OptionInfo:
    return typer.Option(flag, parser=year_of, metavar="YEAR", help=help)


CountryArg = Annotated[
    str, typer.Argument(metavar="COUNTRY", help="Country name, ISO code, demonym, …")
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table, json, csv or md.")
]
FromOpt = Annotated[int | None, _year_option("--from", "First year (inclusive; a date is read as its year).")]  # fmt: skip
ToOpt = Annotated[int | None, _year_option("--to", "Last year (inclusive; a date is read as its year).")]  # fmt: skip
YearOpt = Annotated[int | None, _year_option("--year", "Year (a date is read as its year).")]


def limit_option(help: str) -> typer.models.OptionInfo:
    """--limit/-n N (0 shows all), one definition for every list command."""
    return typer.Option("--limit", "-n", min=0, max=MAX_LIMIT, metavar="N", help=help)


LimitOpt = Annotated[
    int | None,
    limit_option("Rows to show (tables: 25 by default; json/csv/md: all). 0 shows all."),
]
AllLimitOpt = Annotated[
    int | None,
    limit_option("Rows to show (all by default)."),
]
"""--limit of an inventory (datasets, releases, changes): every row unless asked; pass it to
output() with series=True."""


def country_arg(name: str) -> typer.models.ArgumentInfo:
    """A country argument shown as NAME in help (e.g. RECIPIENT)."""
    return typer.Argument(metavar=name, help="Country name, ISO code, demonym, …")


def period_or_latest(start: int | None, end: int | None, table: str, width: int = 5) -> Period:
    """The asked period; a missing bound defaults to the table's latest `width`-year window."""
    from realpolitik.store import get_store

    return period_within(start, end, get_store().coverage(table), width)


def period_within(
    start: int | None, end: int | None, coverage: tuple[int, int], width: int = 5
) -> Period:
    """The asked period; a missing bound defaults to the latest `width`-year window of `coverage`."""
    first, last = coverage
    if start is None and end is None:
        return Period(max(first, last - width + 1), last)
    if start is None:
        return Period(max(first, end - width + 1), end)  # type: ignore[operator]
    return Period(start, end if end is not None else last)


NO_LIMIT_OPTION = -1  # output()'s default: the command has no --limit, so every row is shown


def output(
    result: Result,
    fmt: Format,
    *,
    columns: Sequence[str] | None = None,
    limit: int | None = NO_LIMIT_OPTION,
    series: bool = False,
) -> None:
    """Print a result: `columns` are the terminal table's default columns (json/csv keep all).
    A command with --limit passes its value: a table then shows its first 25 rows unless --limit
    says otherwise (all rows of a yearly `series`); without --limit every row is shown."""
    if limit == NO_LIMIT_OPTION:
        emit(result, fmt, columns=columns, limit=0)
        return
    emit(result, fmt, columns=columns, limit=limit, table_rows=0 if series else TABLE_ROWS)
