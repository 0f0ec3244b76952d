"""`realpolitik trade …`: top partners (Factbook, COW dyadic trade) and a dyad's trade series."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from realpolitik.cli.common import (
    MAX_LIMIT,
    CountryArg,
    FormatOpt,
    LimitOpt,
    YearOpt,
    country_arg,
    limit_option,
    output,
)
from realpolitik.errors import BadPeriod
from realpolitik.render.formats import Format

A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]


class Flow(StrEnum):
    exports = "exports"
    imports = "imports"


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help="Trade partners and bilateral trade.", no_args_is_help=True)

    @sub.command("partners")
    def partners_cmd(
        country: CountryArg,
        flow: Annotated[Flow, typer.Option("--flow", help="exports or imports.")] = Flow.exports,
        year: YearOpt = None,
        limit: Annotated[
            int,
            limit_option("COW partners to show; 0 shows all."),
        ] = 10,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """COUNTRY's top partners: Factbook top-5 (latest, %) and COW dyadic trade (ranks, shares, to 2014)."""
        from realpolitik.queries import trade
        from realpolitik.store import get_store

        store = get_store()
        if year is not None and store.has_table("cow_trade_ddy"):
            first = store.coverage("cow_trade_ddy")[0]
            if year < first:
                raise BadPeriod(
                    f"{year} is before the trade-partner data (COW dyadic trade starts in {first})"
                )
        output(trade.partners(country, flow.value, year, limit or MAX_LIMIT, store), fmt)

    @sub.command("dyad")
    def dyad_cmd(a: A, b: B, limit: LimitOpt = None, fmt: FormatOpt = Format.table) -> None:
        """Trade between A and B by year (COW), each one's rank among the other's partners (COW, Factbook)."""
        from realpolitik.queries import trade

        output(trade.dyad(a, b), fmt, limit=limit, series=True)

    app.add_typer(sub, name="trade")
