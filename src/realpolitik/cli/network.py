"""`realpolitik network …`: signed network of states, structural balance, triads, unlikely partnerships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, FromOpt, ToOpt, output
from realpolitik.render.formats import Format

YearOpt = Annotated[int | None, typer.Option("--year", help="Year of the network.")]
Country = Annotated[str, typer.Argument(help="Country name, ISO code, demonym, …")]


def _year(year: int | None, default: int = 2020) -> int:
    return default if year is None else year


def _show(
    result, fmt: Format, table_cols: list[str] | None = None, transpose: bool = False
) -> None:
    """Print a result; the terminal table shows fewer columns (or one row as measure/value lines)."""
    from dataclasses import replace

    import pandas as pd

    from realpolitik.render.formats import human

    if fmt is Format.table and not result.frame.empty:
        frame = result.frame
        if transpose and len(frame) == 1:
            row = frame.iloc[0]
            frame = pd.DataFrame(
                {"measure": list(frame.columns), "value": [human(c, row[c]) for c in frame.columns]}
            )
        elif table_cols:
            frame = frame[[c for c in table_cols if c in frame.columns]]
        result = replace(result, frame=frame)
    output(result, fmt)


SERIES_COLS = ["year", "edges", "negative", "triangles", "share_balanced", "weighted_balance", "frustration",
               "frustration_share", "layers_with_data"]  # fmt: skip
TRIAD_COLS = ["partner", "third", "signs", "kind", "balanced", "evidence_country_partner", "evidence_country_third",
              "evidence_partner_third"]  # fmt: skip
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
            float, typer.Option("--time-limit", help="Seconds for the ILP.")
        ] = 30.0,
        chart: Annotated[
            Path | None,
            typer.Option("--chart", help="Save a chart of the series (.html/.svg/.png)."),
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
        _show(result, fmt, SERIES_COLS, transpose=year is not None)

    @sub.command("triads")
    def triads_cmd(
        country: Country,
        year: YearOpt = None,
        friendly: Annotated[
            bool, typer.Option("--all", help="Also list all-friendly (+++) triads.")
        ] = False,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Triads through COUNTRY (enemy-of-enemy, friend-of-enemy, …) with the evidence of each edge."""
        from realpolitik.analyses.network.triads import triads

        _show(triads(country, _year(year), include_friendly=friendly), fmt, TRIAD_COLS)

    @sub.command("partnerships")
    def partnerships_cmd(
        year: YearOpt = None,
        top: Annotated[int, typer.Option("--top", "-n", min=1, help="Rows to show.")] = 25,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Unlikely partnerships: strong material ties, no alliance, unlike partners, shared adversaries."""
        from realpolitik.analyses.network.partnerships import partnerships

        _show(partnerships(_year(year), top=top), fmt, PARTNER_COLS)

    @sub.command("export")
    def export_cmd(
        year: YearOpt = None,
        to: Annotated[
            str, typer.Option("--format", "-f", help="graphml, json or csv.")
        ] = "graphml",
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help="File to write (stdout if omitted).")
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
