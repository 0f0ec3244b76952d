"""`realpolitik arms …`: SIPRI arms-transfer queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from realpolitik.cli.common import (
    MAX_LIMIT,
    FormatOpt,
    FromOpt,
    LimitOpt,
    ToOpt,
    country_arg,
    limit_option,
    output,
    period_or_latest,
    period_within,
)
from realpolitik.render.formats import Format

if TYPE_CHECKING:
    from realpolitik.periods import Period

Recipient = Annotated[str, country_arg("RECIPIENT")]
Supplier = Annotated[str, country_arg("SUPPLIER")]
A = Annotated[str, country_arg("A")]
B = Annotated[str, country_arg("B")]
DEAL_COLUMNS = ["designation", "description", "order_year", "ordered", "delivered",
                "delivery_years", "tiv"]  # fmt: skip
ReleaseOpt = Annotated[
    str | None,
    typer.Option(
        "--release",
        metavar="YEAR",
        help="A past SIPRI release held in the store (e.g. 2016, 2022, 2024, 2025), as published; "
        "default: the current data.",
    ),
]


def _period(start: int | None, end: int | None, release: str | None) -> Period:
    """The asked period; missing bounds default to the latest 5 years of the data (or release) used."""
    from realpolitik.queries import arms
    from realpolitik.store import get_store

    return period_within(start, end, arms.tiv_coverage(release, get_store()))


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Arms transfers (SIPRI TIV). Periods default to the latest 5 years.",
        no_args_is_help=True,
    )

    @sub.command("suppliers")
    def suppliers_cmd(
        recipient: Recipient,
        start: FromOpt = None,
        end: ToOpt = None,
        limit: LimitOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Suppliers of RECIPIENT with TIV, share of its imports and rank."""
        from realpolitik.queries import arms

        result = arms.suppliers(recipient, _period(start, end, release), release=release)
        output(result, fmt, limit=limit)

    @sub.command("recipients")
    def recipients_cmd(
        supplier: Supplier,
        start: FromOpt = None,
        end: ToOpt = None,
        limit: LimitOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Recipients of SUPPLIER's arms with TIV, share of its exports and rank."""
        from realpolitik.queries import arms

        result = arms.recipients(supplier, _period(start, end, release), release=release)
        output(result, fmt, limit=limit)

    @sub.command("top")
    def top_cmd(
        kind: Annotated[str, typer.Argument(metavar="KIND", help="exporters or importers")],
        start: FromOpt = None,
        end: ToOpt = None,
        limit: Annotated[
            int,
            limit_option("Rows to show; 0 shows all."),
        ] = 10,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Largest exporters or importers and their share of the global total."""
        from realpolitik.queries import arms

        period = _period(start, end, release)
        output(arms.top(kind, period, limit or MAX_LIMIT, release=release), fmt)

    @sub.command("deals")
    def deals_cmd(
        supplier: Supplier,
        recipient: Recipient,
        start: FromOpt = None,
        end: ToOpt = None,
        limit: LimitOpt = None,
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
        result = arms.deals(supplier, recipient, period, release=release)
        output(result, fmt, columns=DEAL_COLUMNS, limit=limit)

    @sub.command("windows")
    def windows_cmd(
        recipient: Recipient,
        supplier: Supplier,
        width: Annotated[
            int,
            typer.Option(
                "--width", "-w", min=1, max=1000, metavar="YEARS", help="Window width in years."
            ),
        ] = 5,
        limit: LimitOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """SUPPLIER's share of RECIPIENT's imports in every window of --width years."""
        from realpolitik.queries import arms

        result = arms.windows(recipient, supplier, width, release=release)
        output(result, fmt, limit=limit, series=True)

    @sub.command("series")
    def series_cmd(
        a: A,
        b: B,
        limit: LimitOpt = None,
        release: ReleaseOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """TIV by year in both directions between A and B."""
        from realpolitik.queries import arms

        output(arms.series(a, b, release=release), fmt, limit=limit, series=True)

    app.add_typer(sub, name="arms")
