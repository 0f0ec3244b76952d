"""`realpolitik borders COUNTRY` and `realpolitik border A B`: land borders, contiguity, distance."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import CountryArg, FormatOpt, LimitOpt, YearOpt, country_arg, output
from realpolitik.render.formats import Format

A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]


def register(app: typer.Typer) -> None:
    @app.command("borders")
    def borders_cmd(
        country: CountryArg,
        year: YearOpt = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Neighbours of COUNTRY: land border km (CIA Factbook) and COW contiguity type incl. sea."""
        from realpolitik.queries import geo

        output(geo.borders(country, year), fmt, limit=limit)

    @app.command("border")
    def border_cmd(a: A, b: B, fmt: FormatOpt = Format.table) -> None:
        """The border between A and B: km, contiguity type, or 'no shared border' with the minimum distance."""
        from realpolitik.queries import geo

        output(geo.border(a, b), fmt)
