"""Options and helpers shared by CLI modules (format option, output, periods)."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.render.formats import Format, emit
from realpolitik.result import Result

FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
FromOpt = Annotated[int | None, typer.Option("--from", help="First year (inclusive).")]
ToOpt = Annotated[int | None, typer.Option("--to", help="Last year (inclusive).")]
YearOpt = Annotated[int | None, typer.Option("--year", help="Year.")]


def output(result: Result, fmt: Format) -> None:
    """Print a result in the chosen format."""
    emit(result, fmt)
