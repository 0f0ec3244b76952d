"""`realpolitik data update|releases|use|diff` and `realpolitik cite`: refresh, pin, compare and cite releases."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from realpolitik.cli.common import AllLimitOpt, FormatOpt, FromOpt, ToOpt, output


def register(app: typer.Typer) -> None:
    from realpolitik.cli.data import data_app

    @data_app.command("update")
    def update_cmd(
        sources: Annotated[
            list[str] | None,
            typer.Argument(
                metavar="[SOURCE]...",
                help="Sources to update (default: all that can be): sipri, owid, unga, …",
            ),
        ] = None,
        release: Annotated[
            str,
            typer.Option(
                "--release",
                help="'latest' (live official files) or 'bundled' (exact files of the bundled build).",
            ),
        ] = "latest",
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="List the files, fetch nothing.")
        ] = False,
        base_url: Annotated[
            str | None,
            typer.Option(
                "--base-url",
                help="Mirror of the raw tree (URL/<raw path>, optional URL/SHA256SUMS).",
            ),
        ] = None,
        name: Annotated[
            str | None,
            typer.Option("--as", help="Id of the new release (default: timestamp-sources)."),
        ] = None,
        switch: Annotated[
            bool, typer.Option("--switch/--no-switch", help="Make the new release active.")
        ] = True,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Skip the comparison with the current release (not the format checks).",
            ),
        ] = False,
    ) -> None:
        """Download sources from their official locations, build a new release beside the current one, verify, switch."""
        from realpolitik.snapshot import releases

        if dry_run:
            _dry_run(sources, release, base_url)
            return
        final = releases.update(
            sources,
            release=release,
            base_url=base_url,
            release_id=name,
            activate=switch,
            say=lambda msg: print(msg, file=sys.stderr),
            force=force,
        )
        state = "active" if switch else "installed, not active"
        print(f"release {final.name} ({state}): {final}")
        if switch and os.environ.get("REALPOLITIK_SNAPSHOT"):
            print(
                "note: REALPOLITIK_SNAPSHOT is set, so queries keep reading that directory",
                file=sys.stderr,
            )

    @data_app.command("releases")
    def releases_cmd(limit: AllLimitOpt = None, fmt: FormatOpt = "table") -> None:  # type: ignore[assignment]
        """List the bundled snapshot and every installed release; the active one is marked."""
        import pandas as pd

        from realpolitik.result import Result
        from realpolitik.snapshot.releases import list_releases

        rows = [
            {
                "id": r.id,
                "active": "*" if r.active else "",
                "created": r.created,
                "sources": ", ".join(r.info.get("sources", [])),
                "base": r.info.get("base", ""),
                "path": str(r.path),
            }
            for r in list_releases()
        ]
        result = Result(pd.DataFrame(rows), {"command": "data releases"}, title="Releases")
        output(result, fmt, limit=limit, series=True)

    @data_app.command("use")
    def use_cmd(
        release: Annotated[
            str, typer.Argument(metavar="RELEASE", help="Release id, or 'bundled'.")
        ],
    ) -> None:
        """Make a release the active one (atomic switch; queries read it from now on)."""
        from realpolitik.snapshot.releases import use

        path = use(release)
        print(f"active release: {release} ({path})")

    @data_app.command("remove")
    def remove_cmd(
        release: Annotated[
            str, typer.Argument(metavar="RELEASE", help="An installed release that is not active.")
        ],
    ) -> None:
        """Delete an installed release (never the active one, never the bundled snapshot)."""
        from realpolitik.snapshot.releases import remove

        remove(release)
        print(f"removed release {release}")

    @data_app.command("diff")
    def diff_cmd(
        a: Annotated[
            str,
            typer.Argument(
                metavar="A",
                help="Old release: an installed id, 'bundled', or DATASET@VERSION (sipri@2022).",
            ),
        ],
        b: Annotated[
            str, typer.Argument(metavar="B", help="New release, same forms (sipri@2025).")
        ],
        dataset: Annotated[
            str | None,
            typer.Option(
                "--dataset", help="Compare figures of this dataset (sipri); default: manifests."
            ),
        ] = None,
        recipient: Annotated[
            str | None, typer.Option("--recipient", help="Shares of this recipient's suppliers.")
        ] = None,
        supplier: Annotated[
            str | None, typer.Option("--supplier", help="Shares of this supplier's recipients.")
        ] = None,
        start: FromOpt = None,
        end: ToOpt = None,
        limit: AllLimitOpt = None,
        fmt: FormatOpt = "table",  # type: ignore[assignment]
    ) -> None:
        """Which figures changed between two releases (e.g. Israel's share of Azerbaijan's imports, old → new)."""
        from realpolitik.snapshot.diff import figure_diff, manifest_diff

        figures = dataset or recipient or supplier or start or end or "@" in a + b
        if figures:
            result = figure_diff(
                a,
                b,
                dataset or "sipri",
                recipient=recipient,
                supplier=supplier,
                start=start if start is not None else 2016,
                end=end if end is not None else 2020,
            )
        else:
            result = manifest_diff(a, b)
        output(result, fmt, limit=limit, series=True)

    @app.command("cite")
    def cite_cmd(
        command: Annotated[
            str | None,
            typer.Option(
                "--for",
                help='A realpolitik command whose result to cite, e.g. "brief Israel Azerbaijan".',
            ),
        ] = None,
        dataset: Annotated[
            list[str] | None, typer.Option("--dataset", help="Cite these datasets.")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="bibtex or apa.")] = "apa",
    ) -> None:
        """Citations (with release dates) of every dataset a result used; all datasets without --for."""
        from realpolitik.errors import UserError
        from realpolitik.snapshot.cite import FORMATS, cited, render, sources_of_command

        if fmt not in FORMATS:
            raise UserError(f"unknown citation format {fmt!r}; use {' or '.join(FORMATS)}")
        if command and dataset:
            raise UserError("give --for or --dataset, not both")
        sources = sources_of_command(command) if command is not None else None
        if dataset:
            sources = [{"dataset": d} for d in dataset]
        items = cited(sources)
        missing = [c.dataset for c in items if not (c.citation or c.bibtex)]
        if missing:
            raise UserError(f"no citation for {', '.join(missing)} (not in the active snapshot?)")
        sys.stdout.write(render(items, fmt))


def _dry_run(sources: list[str] | None, release: str, base_url: str | None) -> None:
    """Print the update plan (source files, URLs, published sizes/hashes) without downloading data files."""
    from realpolitik.snapshot.download import Policy, make_client
    from realpolitik.snapshot.releases import make_plan

    with make_client(Policy.from_env()) as client:
        plan = make_plan(sources, release, base_url, client if base_url else None)
    print(
        f"sources: {', '.join(plan.sources)}; datasets: {', '.join(plan.datasets)}; release: {plan.release}"
    )
    for r in plan.files:
        check = (
            f"sha256 {r.sha256[:12]}…"
            if r.sha256
            else f"md5 {r.md5[:12]}…"
            if r.md5
            else "no published hash"
        )
        size = f"{r.size:,} B" if r.size else "size ?"
        print(f"{r.kind:6}  {r.dest}  <- {r.method} {r.url}  ({size}, {check})")
    print(f"{len(plan.files)} files; nothing downloaded (--dry-run)")
