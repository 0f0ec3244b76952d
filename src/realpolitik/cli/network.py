"""`realpolitik network …`: signed network of states, structural balance, triads, unlikely partnerships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import (
    MAX_LIMIT,
    CountryArg,
    FormatOpt,
    FromOpt,
    LimitOpt,
    ToOpt,
    limit_option,
    output,
    seconds,
    year_of,
)
from realpolitik.render.formats import Format

YearOpt = Annotated[
    int | None, typer.Option("--year", parser=year_of, metavar="YEAR", help="Year of the network.")
]


def _year(year: int | None, default: int = 2020) -> int:
    return default if year is None else year


SERIES_COLS = ["year", "edges", "negative", "triangles", "share_balanced", "weighted_balance", "frustration",
               "frustration_share", "layers_with_data"]  # fmt: skip
TRIAD_COLS = ["partner", "third", "signs", "kind", "balanced", "evidence_country_partner", "evidence_country_third",
              "evidence_partner_third"]  # fmt: skip
TOP_PARTNERSHIPS = 25  # a ranking: its head is the answer, in JSON and CSV too
PARTNER_COLS = ["rank", "a", "b", "score", "shared_adversaries", "explanation"]


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Signed network of states: structural balance, enemy-of-my-enemy triads, unlikely partnerships.",
        no_args_is_help=True,
    )

    @sub.command("balance")
    def balance_cmd(
        year: YearOpt = None,
        start: FromOpt = None,
        end: ToOpt = None,
        exact: Annotated[
            bool, typer.Option("--exact", help="Solve the frustration index as an ILP (HiGHS).")
        ] = False,
        time_limit: Annotated[
            float,
            typer.Option(
                "--time-limit", parser=seconds, metavar="SECONDS", help="Seconds for the ILP."
            ),
        ] = 30.0,
        chart: Annotated[
            Path | None,
            typer.Option(
                "--chart", metavar="FILE", help="Save a chart of the series (.html/.svg/.png)."
            ),
        ] = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Share of balanced triangles and frustration index for --year Y, or the series --from/--to."""
        from realpolitik.analyses.network.balance import (
            balance,
            balance_chart,
            balance_series,
            save_chart,
        )
        from realpolitik.errors import BadPeriod

        if year is not None and (start is not None or end is not None):
            raise BadPeriod("give either --year or --from/--to, not both")
        if year is None and start is None and end is None:
            year = 2020
        if year is not None:
            result = balance(year, exact=True if exact else None, time_limit=time_limit)
        else:
            result = balance_series(
                start if start is not None else 1950, end if end is not None else 2024
            )
        if chart is not None:
            save_chart(balance_chart(result.frame), chart)
            result.notes.append(f"chart saved to {chart}")
        output(result, fmt, columns=None if year is not None else SERIES_COLS, series=True)

    @sub.command("triads")
    def triads_cmd(
        country: CountryArg,
        year: YearOpt = None,
        friendly: Annotated[
            bool, typer.Option("--all", help="Also list all-friendly (+++) triads.")
        ] = False,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Triads through COUNTRY (enemy-of-enemy, friend-of-enemy, …) with the evidence of each edge."""
        from realpolitik.analyses.network.triads import triads

        result = triads(country, _year(year), include_friendly=friendly)
        output(result, fmt, columns=TRIAD_COLS, limit=limit)

    @sub.command("partnerships")
    def partnerships_cmd(
        year: YearOpt = None,
        limit: Annotated[
            int | None,
            limit_option(
                f"Rows to show, in every format ({TOP_PARTNERSHIPS} by default). 0 shows all."
            ),
        ] = None,
        top: Annotated[
            int | None, typer.Option("--top", min=1, max=MAX_LIMIT, hidden=True)
        ] = None,  # the option's former name
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Unlikely partnerships: strong material ties, no alliance, unlike partners, shared adversaries."""
        from realpolitik.analyses.network.partnerships import partnerships

        n = next((v for v in (limit, top) if v is not None), TOP_PARTNERSHIPS)
        result = partnerships(_year(year), top=MAX_LIMIT)  # all of them: the note counts the rest
        result.query = {**result.query, "top": n or len(result)}
        output(result, fmt, columns=PARTNER_COLS, limit=n)

    @sub.command("export")
    def export_cmd(
        year: YearOpt = None,
        to: Annotated[
            str, typer.Option("--format", "-f", help="graphml, json or csv.")
        ] = "graphml",
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", metavar="FILE", help="File to write (stdout if omitted)."),
        ] = None,
    ) -> None:
        """Export the signed network of a year (edges with sign, weight, layers and evidence)."""
        from realpolitik.analyses.network.export import FORMATS, export
        from realpolitik.analyses.network.graph import signed_graph
        from realpolitik.errors import UserError

        if to not in FORMATS:
            raise UserError(f"unknown export format {to!r}; choose one of {', '.join(FORMATS)}")
        from realpolitik.analyses.network.balance import check_year
        from realpolitik.store import get_store

        check_year(_year(year), get_store())
        g = signed_graph(_year(year))
        text = export(g, to, out)
        if out is None:
            print(text, end="" if text.endswith("\n") else "\n")
        else:
            print(f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges to {out}")

    app.add_typer(sub, name="network")
