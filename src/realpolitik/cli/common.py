"""Options and helpers shared by CLI modules (format option, periods, output)."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.periods import Period
from realpolitik.render.formats import Format, emit
from realpolitik.result import Result

FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table, json, csv or md.")
]
FromOpt = Annotated[int | None, typer.Option("--from", help="First year (inclusive).")]
ToOpt = Annotated[int | None, typer.Option("--to", help="Last year (inclusive).")]
YearOpt = Annotated[int | None, typer.Option("--year", help="Year.")]


def period_or_latest(start: int | None, end: int | None, table: str, width: int = 5) -> Period:
    """The asked period; a missing bound defaults to the table's latest `width`-year window."""
    from realpolitik.store import get_store

    first, last = get_store().coverage(table)
    if start is None and end is None:
        return Period(max(first, last - width + 1), last)
    if start is None:
        return Period(max(first, end - width + 1), end)  # type: ignore[operator]
    return Period(start, end if end is not None else last)


def output(result: Result, fmt: Format) -> None:
    """Print a result in the chosen format."""
    emit(result, fmt)
