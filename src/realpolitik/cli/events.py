"""`realpolitik events …`: dyad cooperation/conflict series and ingest of GDELT/ICEWS/PLOVER files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, LimitOpt, country_arg, output
from realpolitik.errors import UserError
from realpolitik.render.formats import Format

A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]


EVENT_COLUMNS = ["period", "dataset", "events", "verbal_coop", "material_coop", "verbal_conflict",
                 "material_conflict", "goldstein_mean", "cc_index"]  # fmt: skip


SPARK_POINTS = 48  # the last periods a sparkline shows, so that a line fits 80 columns


def _sparklines(result) -> None:  # noqa: ANN001 - a Result
    """Per dataset, sparklines of event counts and the cc index over the last periods."""
    from realpolitik.events.chart import sparkline

    cols = result.columns
    by: dict[str, list[tuple]] = {}
    for row in result.rows():
        by.setdefault(row[cols.index("dataset")], []).append(row)
    for ds, rows in sorted(by.items()):
        rows = rows[-SPARK_POINTS:]
        period = [r[cols.index("period")] for r in rows]
        print(f"{ds:>7} events {sparkline([r[cols.index('events')] for r in rows])}")
        print(f"{ds:>7} cc     {sparkline([r[cols.index('cc_index')] for r in rows])}"
              f"  ({period[0]}..{period[-1]})")  # fmt: skip


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Event data (GDELT, ICEWS, PLOVER): dyad series and ingest.", no_args_is_help=True
    )

    @sub.command("dyad")
    def dyad_cmd(
        a: A,
        b: B,
        start: Annotated[
            str | None,
            typer.Option("--from", metavar="MONTH", help="First month (YYYY-MM, YYYY or a date)."),
        ] = None,
        end: Annotated[
            str | None,
            typer.Option("--to", metavar="MONTH", help="Last month (YYYY-MM, YYYY or a date)."),
        ] = None,
        freq: Annotated[str, typer.Option("--freq", help="month or year.")] = "month",
        directed: Annotated[
            bool, typer.Option("--directed", help="Only events from A to B.")
        ] = False,
        dataset: Annotated[
            str | None, typer.Option("--dataset", help="gdelt1, gdelt2, icews or plover.")
        ] = None,
        data: Annotated[
            Path | None,
            typer.Option("--data", metavar="DIR", help="An `events ingest` output directory."),
        ] = None,
        chart: Annotated[
            Path | None,
            typer.Option(
                "--chart", metavar="FILE", help="Write a chart (.html, .json, .svg, .png)."
            ),
        ] = None,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Events between A and B per month/year: QuadClass counts, Goldstein, tone, cc index."""
        from realpolitik.events.chart import save_chart
        from realpolitik.queries import events

        for flag, bound in (("--from", start), ("--to", end)):
            if bound is not None and not bound.strip():
                raise UserError(f"{flag} is empty: give YYYY, YYYY-MM or a date")
        result = events.dyad(a, b, start, end, freq, directed, dataset, data)
        output(result, fmt, columns=EVENT_COLUMNS, limit=limit, series=True)
        if fmt == Format.table and not result.empty:
            _sparklines(result)
        if chart is not None:
            save_chart(result.frame, result.title, chart)
            print(f"chart written to {chart}", file=sys.stderr)

    @sub.command("ingest")
    def ingest_cmd(
        paths: Annotated[
            list[Path],
            typer.Argument(
                metavar="PATH...", help="Event files (GDELT 1.0/2.0, ICEWS .tab, PLOVER JSON, …)."
            ),
        ],
        engine: Annotated[str, typer.Option("--engine", help="duckdb or spark.")] = "duckdb",
        spark_master: Annotated[
            str, typer.Option("--spark-master", help="Spark master URL.")
        ] = "local[2]",
        out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Output directory.")] = Path(
            "events-out"
        ),
        origin: Annotated[
            str | None, typer.Option("--origin", help="Label for all inputs (default: file names).")
        ] = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Normalise + de-duplicate into OUT/events.parquet and aggregate to dyad_month/dyad_year.parquet."""
        import pandas as pd

        from realpolitik.errors import UserError
        from realpolitik.events.ingest import FORMATS, ingest
        from realpolitik.result import Result

        if engine not in ("duckdb", "spark"):
            raise UserError(f"--engine must be duckdb or spark, not {engine!r}")
        res = ingest(paths, out, engine=engine, master=spark_master, origin=origin)
        frame = res.report.copy()
        notes = [f"{r.path}: {FORMATS[r.format]}" for r in res.inputs.itertuples()]
        notes += [f"wrote {name}: {p}" for name, p in res.files.items()]
        query = {
            "command": "events ingest",
            "engine": engine,
            "out": str(out),
            "inputs": len(paths),
        }
        total = pd.DataFrame(
            [{"dataset": "(all)", "origin": "", "rows_read": frame["rows_read"].sum(),
              "duplicates": frame["duplicates"].sum(), "rows_kept": frame["rows_kept"].sum()}]
        )  # fmt: skip
        output(
            Result(pd.concat([frame, total], ignore_index=True), query, [], notes, title="Ingest"),
            fmt,
        )

    app.add_typer(sub, name="events")
