"""`realpolitik rivals COUNTRY`, `realpolitik relations A B` and `realpolitik relationship A B`: rivalries,
disputes, alliances, alignment, and the relationship model's reading of a pair."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import (
    CountryArg,
    FormatOpt,
    LimitOpt,
    YearOpt,
    country_arg,
    not_future,
    output,
)
from realpolitik.render.formats import Format

A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]


RIVAL_COLUMNS = ["counterpart", "rival", "rivalry_td", "rivalry_tss", "cow_mids", "cow_last_year",
                 "gml_mids", "gml_last_year"]  # fmt: skip


RELATION_COLUMNS = {
    "yearly": ["year", "cinc_a", "cinc_b", "polity2_a", "polity2_b", "idealpoint_a", "idealpoint_b",
               "ideal_distance"],
    "disputes": ["dataset", "dispnum", "first_year", "last_year", "hostlev_a", "hostlev_b",
                 "fatality_a"],
}  # fmt: skip


RELATIONSHIP_COLUMNS = ["deciding", "kind", "start", "end", "text"]


def register(app: typer.Typer) -> None:
    @app.command("rivals")
    def rivals_cmd(
        country: CountryArg,
        year: YearOpt = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Strategic rivals (Thompson & Dreyer, TSS) and dispute partners (COW MID, GML) of COUNTRY."""
        from realpolitik.queries import security

        output(security.rivals(country, year), fmt, columns=RIVAL_COLUMNS, limit=limit)

    @app.command("relations")
    def relations_cmd(a: A, b: B, limit: LimitOpt = None, fmt: FormatOpt = Format.table) -> None:
        """Security ties of A and B: ATOP alliances, disputes, rivalry, contiguity, CINC, democracy, UN ideal points."""
        from realpolitik.queries import security
        from realpolitik.render.formats import emit_sections

        sections = security.relations(a, b)
        first = next(iter(sections.values()))
        query = {k: v for k, v in first.query.items() if k != "section"}
        emit_sections(sections, query, fmt, columns=RELATION_COLUMNS, limit=limit)

    @app.command("relationship")
    def relationship_cmd(
        a: A,
        b: B,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of", metavar="DATE", help="Date YYYY-MM-DD, YYYY-MM or YYYY: data up to the year before."
            ),
        ] = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """The relationship of A and B (allies, partners, rivals, at war, …) with the evidence and the rule."""
        from realpolitik.analyses.brief import EARLIEST
        from realpolitik.analyses.relations import as_result, relationship
        from realpolitik.asof import as_of_date, last_complete_year
        from realpolitik.errors import BadPeriod

        if not_future(as_of, "--as-of") and last_complete_year(as_of_date(as_of)) < EARLIEST:
            raise BadPeriod(
                f"--as-of {as_of} is before every dataset (the earliest, COW, starts in {EARLIEST})"
            )
        rel = relationship(a, b, as_of)
        output(as_result(rel, as_of=as_of), fmt, columns=RELATIONSHIP_COLUMNS, limit=limit)
