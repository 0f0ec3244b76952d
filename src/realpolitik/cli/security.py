"""`realpolitik rivals COUNTRY`, `realpolitik relations A B` and `realpolitik relationship A B`: rivalries,
disputes, alliances, alignment, and the relationship model's reading of a pair."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, YearOpt, output
from realpolitik.render.formats import Format

CountryArg = Annotated[str, typer.Argument(help="Country name, ISO code, demonym, …")]


def register(app: typer.Typer) -> None:
    @app.command("rivals")
    def rivals_cmd(
        country: CountryArg, year: YearOpt = None, fmt: FormatOpt = Format.table
    ) -> None:
        """Strategic rivals (Thompson & Dreyer, TSS) and dispute partners (COW MID, GML) of COUNTRY."""
        from realpolitik.queries import security

        output(security.rivals(country, year), fmt)

    @app.command("relations")
    def relations_cmd(a: CountryArg, b: CountryArg, fmt: FormatOpt = Format.table) -> None:
        """Security ties of A and B: ATOP alliances, disputes, rivalry, contiguity, CINC, democracy, UN ideal points."""
        from realpolitik.queries import security
        from realpolitik.render.formats import emit_sections

        sections = security.relations(a, b)
        first = next(iter(sections.values()))
        emit_sections(sections, {k: v for k, v in first.query.items() if k != "section"}, fmt)

    @app.command("relationship")
    def relationship_cmd(
        a: CountryArg,
        b: CountryArg,
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="Date YYYY-MM-DD: data up to the year before.")
        ] = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """The relationship of A and B (allies, partners, rivals, at war, …) with the evidence and the rule."""
        from realpolitik.analyses.relations import as_result, relationship
        from realpolitik.errors import UserError

        try:
            rel = relationship(a, b, as_of)
        except ValueError as e:
            raise UserError(f"--as-of must be a date YYYY-MM-DD, got {as_of!r}") from e
        output(as_result(rel, as_of=as_of), fmt)
