"""`realpolitik oil …`: producers and production (OWID), crude-oil sources and buyers (BACI HS 2709)."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import (
    CountryArg,
    FormatOpt,
    FromOpt,
    LimitOpt,
    ToOpt,
    YearOpt,
    country_arg,
    output,
)
from realpolitik.render.formats import Format
from realpolitik.result import Result

A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]
IndicatorOpt = Annotated[
    str,
    typer.Option(
        "--indicator",
        "-i",
        help="oil_production, gas_production, oil_consumption or oil_reserves.",
    ),
]
MeasureOpt = Annotated[
    str,
    typer.Option(
        "--measure",
        "-m",
        help="twh: energy content (OWID / Energy Institute); kbd: thousand barrels per day "
        "(BP Statistical Review 2021, to 2020).",
    ),
]


def _check_measure(measure: str) -> None:
    if measure not in ("twh", "kbd"):
        from realpolitik.errors import UserError

        raise UserError(f"unknown --measure {measure!r}; use twh or kbd")


FLOW_COLUMNS = ["rank", "partner", "value_usd", "tonnes", "share", "mirror"]


def _crude_output(result: Result, year: int | None, fmt: Format, limit: int | None) -> None:
    """Print crude-oil flows; a year with neither flows nor a country total is a user error (the API
    returns one row of nulls with notes; a table of dashes would say nothing)."""
    rows = result.rows()
    if year is not None and len(rows) == 1 and all(v is None for v in rows[0]):
        from realpolitik.errors import BadPeriod

        raise BadPeriod(" ".join(result.notes[:2]))
    output(result, fmt, columns=FLOW_COLUMNS, limit=limit)


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Oil and gas: producers, production series, refining, crude-oil sources and buyers.",
        no_args_is_help=True,
    )

    @sub.command("producers")
    def producers_cmd(
        year: YearOpt = None,
        indicator: IndicatorOpt = "oil_production",
        limit: LimitOpt = None,
        measure: MeasureOpt = "twh",
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Countries ranked by oil production (TWh, or kb/d with --measure kbd) in a year, with share of world (latest year by default)."""
        from realpolitik.queries import energy

        _check_measure(measure)
        if measure == "kbd":
            measure_name = energy.volume_measure(indicator)
            output(energy.producers_by_volume(year, None, measure_name), fmt, limit=limit)
            return
        output(energy.producers(year, indicator, None), fmt, limit=limit)

    @sub.command("production")
    def production_cmd(
        country: CountryArg,
        start: FromOpt = None,
        end: ToOpt = None,
        year: YearOpt = None,
        indicator: IndicatorOpt = "oil_production",
        limit: LimitOpt = None,
        measure: MeasureOpt = "twh",
        fmt: FormatOpt = Format.table,
    ) -> None:
        """COUNTRY's oil production series with its rank and share of world each year."""
        from realpolitik.queries import energy

        _check_measure(measure)
        if year is not None:
            start = end = year
        if measure == "kbd":
            measure_name = energy.volume_measure(indicator)
            result = energy.production_by_volume(country, start, end, measure_name)
            output(result, fmt, limit=limit, series=True)
            return
        output(energy.production(country, indicator, start, end), fmt, limit=limit, series=True)

    @sub.command("refining")
    def refining_cmd(
        country: CountryArg,
        start: FromOpt = None,
        end: ToOpt = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """COUNTRY's refinery throughput beside its refining capacity, consumption and production (BP, kb/d)."""
        from realpolitik.queries import energy

        output(energy.refinery_throughput(country, start, end), fmt, limit=limit, series=True)

    @sub.command("sources")
    def sources_cmd(
        importer: Annotated[str, country_arg("IMPORTER")],
        year: YearOpt = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Where IMPORTER's crude oil (HS 2709) comes from: exporters with value, tonnes, share, rank."""
        from realpolitik.queries import trade

        _crude_output(trade.crude_sources(importer, year), year, fmt, limit)

    @sub.command("buyers")
    def buyers_cmd(
        exporter: Annotated[str, country_arg("EXPORTER")],
        year: YearOpt = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Who buys EXPORTER's crude oil (HS 2709): importers with value, tonnes, share, rank."""
        from realpolitik.queries import trade

        _crude_output(trade.crude_buyers(exporter, year), year, fmt, limit)

    @sub.command("dyad")
    def dyad_cmd(a: A, b: B, fmt: FormatOpt = Format.table) -> None:
        """Crude-oil flows between A and B both ways, with shares and ranks on each side."""
        from realpolitik.queries import trade

        output(trade.crude_dyad(a, b), fmt)

    app.add_typer(sub, name="oil")
