"""`realpolitik arms …`: SIPRI arms-transfer queries."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, FromOpt, ToOpt, output, period_or_latest
from realpolitik.render.formats import Format

Country = Annotated[str, typer.Argument(help="Country name, ISO code, demonym, …")]
ReleaseOpt = Annotated[
    str | None,
    typer.Option(
        "--release",
        help="A past SIPRI release held in the store (e.g. 2016, 2022, 2024, 2025), as published; "
        "default: the current data.",
    ),
]


def _period(start: int | None, end: int | None, release: str | None):  # noqa: ANN202
    """The asked period; missing bounds default to the latest 5 years of the data (or release) used
    (period_or_latest's rule, on a release's own coverage)."""
    from realpolitik.queries import arms

    if release is None:
        return period_or_latest(start, end, arms.TABLE)
    from realpolitik.periods import Period
    from realpolitik.store import get_store

    first, last = arms.tiv_coverage(release, get_store())
    if start is None and end is None:
        return Period(max(first, last - 4), last)
    if start is None:
        return Period(max(first, end - 4), end)  # type: ignore[operator]
    return Period(start, end if end is not None else last)


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Arms transfers (SIPRI TIV). Periods default to the latest 5 years.",
        no_args_is_help=True,
    )

    @sub.command("suppliers")
    def suppliers_cmd(
        recipient: Country,
        start: FromOpt = None,
        end: ToOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Suppliers of RECIPIENT with TIV, share of its imports and rank."""
        from realpolitik.queries import arms

        output(arms.suppliers(recipient, _period(start, end, release), release=release), fmt)

    @sub.command("recipients")
    def recipients_cmd(
        supplier: Country,
        start: FromOpt = None,
        end: ToOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Recipients of SUPPLIER's arms with TIV, share of its exports and rank."""
        from realpolitik.queries import arms

        output(arms.recipients(supplier, _period(start, end, release), release=release), fmt)

    @sub.command("top")
    def top_cmd(
        kind: Annotated[str, typer.Argument(help="exporters or importers")],
        start: FromOpt = None,
        end: ToOpt = None,
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows to show.")] = 10,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Largest exporters or importers and their share of the global total."""
        from realpolitik.queries import arms

        output(arms.top(kind, _period(start, end, release), limit, release=release), fmt)

    @sub.command("deals")
    def deals_cmd(
        supplier: Country,
        recipient: Country,
        start: FromOpt = None,
        end: ToOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Deal-register rows from SUPPLIER to RECIPIENT (all years unless --from/--to)."""
        from realpolitik.queries import arms

        period = (
            None
            if start is None and end is None
            else period_or_latest(start, end, "sipri_register")
        )
        output(arms.deals(supplier, recipient, period, release=release), fmt)

    @sub.command("windows")
    def windows_cmd(
        recipient: Country,
        supplier: Country,
        width: Annotated[
            int, typer.Option("--width", "-w", min=1, help="Window width in years.")
        ] = 5,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """SUPPLIER's share of RECIPIENT's imports in every window of --width years."""
        from realpolitik.queries import arms

        output(arms.windows(recipient, supplier, width, release=release), fmt)

    @sub.command("series")
    def series_cmd(
        a: Country, b: Country, release: ReleaseOpt = None, fmt: FormatOpt = Format.table
    ) -> None:
        """TIV by year in both directions between A and B."""
        from realpolitik.queries import arms

        output(arms.series(a, b, release=release), fmt)

    app.add_typer(sub, name="arms")
