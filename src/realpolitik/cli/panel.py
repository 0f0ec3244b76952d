"""`realpolitik panel dyad-years|state-years`: research panels written to Parquet, CSV, Feather or Stata."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import limit_option, year_of
from realpolitik.render.formats import Format

SystemOpt = Annotated[str, typer.Option("--system", help="State system: cow or gw.")]
AddOpt = Annotated[
    str | None,
    typer.Option(
        "--add",
        metavar="STEPS",
        help="Comma-separated steps: contiguity, mindist, atop, cow_mids, gml, rivalry, nmc, "
        "majors, democracy, trade, ideal_points, arms, crude, events, igos, capital_distance, cow_wars, "
        "ucdp_acd, peace_years (after the conflict steps), lead (leader-years).",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE",
        help="Output file; format from the extension: .parquet .csv .feather .dta. "
        "Without it the panel is printed (--format, --limit).",
    ),
]
PrintFormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Print format without --out: table, json, csv or md (default table)."
    ),
]
PanelLimitOpt = Annotated[
    int | None,
    limit_option(
        "Only the first N rows (printed: 25 by default for a table; written: all). 0: all. "
        "Rows are in no particular order unless --sort."
    ),
]
YEAR_HELP = "(inclusive; a date is read as its year)"
StartOpt = Annotated[
    int, typer.Option("--from", parser=year_of, metavar="YEAR", help=f"First year {YEAR_HELP}.")
]
EndOpt = Annotated[
    int | None,
    typer.Option(
        "--to",
        parser=year_of,
        metavar="YEAR",
        help=f"Last year {YEAR_HELP}; default: the last concluded year.",
    ),
]
SortOpt = Annotated[
    bool,
    typer.Option(
        "--sort", help="Sort rows by codes and year (costs time; rows are unsorted by default)."
    ),
]
ThreadsOpt = Annotated[
    int | None,
    typer.Option(
        "--threads",
        min=1,
        max=64,
        metavar="N",
        help="Threads for writing: 2 (the default on a machine with two cores or more: a large Parquet or Feather "
        "file is encoded on the second thread while the rows are computed on the first) and 1 (the least CPU) give "
        "the same file every run; with 3 or more DuckDB runs in parallel and the row order changes run to run.",
    ),
]
CiteOpt = Annotated[
    str | None,
    typer.Option(
        "--cite",
        metavar="apa|bibtex",
        help="Also print the citation of every dataset used: apa or bibtex.",
    ),
]


def _steps(add: str | None) -> list[str]:
    return [s.strip() for s in (add or "").split(",") if s.strip()]


def default_threads() -> int:
    """2 where a second core exists (the deterministic two-thread write: directed chain 3.1 → 2.1 s wall on an
    idle 2-core machine, 7 % more CPU), else 1."""
    import os

    return 2 if (os.cpu_count() or 1) >= 2 else 1


def run(
    panel,
    steps: list[str],
    out: Path | None,
    cite: str | None,
    sort: bool = False,
    fmt: Format | None = None,
    limit: int | None = None,
    threads: int | None = None,
) -> None:
    """Add the steps, then write the file (a progress bar on a terminal) and print a summary and notes, or, without
    `out`, print the rows in `fmt`."""
    from realpolitik.errors import UserError
    from realpolitik.panel.write import format_of

    if out is not None:
        if fmt is not None:
            raise UserError(
                f"--format is for printing; {out.name} is written in the format of its extension"
            )
        format_of(out)  # fail on a bad extension before any work
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.is_dir():  # never create directories the user did not ask for
            raise UserError(f"cannot write {out}: directory {parent} does not exist")
    if cite not in (None, "apa", "bibtex"):
        raise UserError(f"unknown citation format {cite!r}; use apa or bibtex")
    # building the SQL takes microseconds: only the write is worth a progress bar
    for step in steps:
        panel = panel.add(step)
    if out is None:
        show(panel, fmt or Format.table, limit, sort, cite)
        return
    threads = threads or default_threads()
    if sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn(f"writing {out.name}"), TimeElapsedColumn())
        with Progress(*columns, transient=True):
            rows = panel.write(out, count=True, sort=sort, limit=limit, threads=threads)
    else:
        rows = panel.write(out, count=True, sort=sort, limit=limit, threads=threads)
    cols = 1 + len(panel.codes) + len(panel.columns)
    print(f"wrote {out} ({rows:,} rows, {cols} columns; steps: {', '.join(panel.steps) or 'none'})")
    for note in panel.notes:
        print(f"note: {note}", file=sys.stderr)
    if cite:
        sys.stdout.write(panel.cite(cite))


def show(panel, fmt: Format, limit: int | None, sort: bool, cite: str | None) -> None:
    """Print the panel's first rows (25 in a table unless --limit; all in json/csv/md) with its notes and sources."""
    from realpolitik.render.formats import TABLE_ROWS, emit
    from realpolitik.result import Result, Rows

    n = (TABLE_ROWS if fmt is Format.table else 0) if limit is None else limit
    sql = panel.query(sort, n)
    with panel.pinned(sql) as con:  # the same first rows every run
        rel = con.sql(sql)
        rows = Rows(tuple(rel.columns), tuple(str(t) for t in rel.types), rel.fetchall())
    notes = list(panel.notes)
    if n and len(rows) == n:
        total = panel.count()
        if total > n:
            order_note = (
                "sorted by codes and year" if sort else "in no particular order; --sort orders them"
            )
            notes.append(
                f"first {n:,} of {total:,} rows ({order_note}); --limit 0 shows all, --out FILE writes them"
            )
    query = {"unit": panel.unit, "system": panel.system, "years": list(panel.years)}
    if panel.unit == "dyad":
        query["directed"] = panel.directed
    query["steps"] = list(panel.steps)
    title = f"{panel.unit}-years {panel.years[0]}–{panel.years[1]} ({panel.system.upper()})"
    emit(Result(rows, query, panel.sources(), notes, title), fmt, limit=0, table_rows=0)
    if cite:  # after json or csv on stderr, so that stdout stays one parseable document
        (sys.stderr if fmt in (Format.json, Format.csv) else sys.stdout).write(panel.cite(cite))


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Dyad-year, state-year and leader-year research panels (peacesciencer-style, in DuckDB).",
        no_args_is_help=True,
    )

    @sub.command("dyad-years")
    def dyad_cmd(
        out: OutOpt = None,
        start: StartOpt = 1816,
        end: EndOpt = None,
        directed: Annotated[
            bool,
            typer.Option(
                "--directed/--non-directed", help="Directed (A→B and B→A) or non-directed dyads."
            ),
        ] = True,
        system: SystemOpt = "cow",
        add: AddOpt = None,
        sort: SortOpt = False,
        cite: CiteOpt = None,
        fmt: PrintFormatOpt = None,
        limit: PanelLimitOpt = None,
        threads: ThreadsOpt = None,
    ) -> None:
        """Every dyad-year of the state system, plus the --add steps, written to --out."""
        from realpolitik.panel import dyad_years, last_year

        panel = dyad_years(system, directed, (start, end or last_year()))
        run(panel, _steps(add), out, cite, sort, fmt, limit, threads)

    @sub.command("state-years")
    def state_cmd(
        out: OutOpt = None,
        start: StartOpt = 1816,
        end: EndOpt = None,
        system: SystemOpt = "cow",
        add: AddOpt = None,
        sort: SortOpt = False,
        cite: CiteOpt = None,
        fmt: PrintFormatOpt = None,
        limit: PanelLimitOpt = None,
        threads: ThreadsOpt = None,
    ) -> None:
        """Every state-year of the system, plus --add steps (nmc, majors, democracy, trade, ideal_points, arms)."""
        from realpolitik.panel import last_year, state_years

        run(
            state_years(system, (start, end or last_year())),
            _steps(add),
            out,
            cite,
            sort,
            fmt,
            limit,
            threads,
        )

    @sub.command("leader-years")
    def leader_cmd(
        out: OutOpt = None,
        start: StartOpt = 1840,
        end: Annotated[
            int,
            typer.Option("--to", parser=year_of, metavar="YEAR", help=f"Last year {YEAR_HELP}."),
        ] = 2015,
        add: AddOpt = None,
        sort: SortOpt = False,
        cite: CiteOpt = None,
        fmt: PrintFormatOpt = None,
        limit: PanelLimitOpt = None,
        threads: ThreadsOpt = None,
    ) -> None:
        """Every year of every Archigos leader (GW codes), plus --add steps (lead, nmc, democracy, ucdp_acd, …)."""
        from realpolitik.panel import leader_years

        run(leader_years((start, end)), _steps(add), out, cite, sort, fmt, limit, threads)

    app.add_typer(sub, name="panel")
