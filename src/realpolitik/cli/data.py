"""`realpolitik data …`: build the snapshot from raw files and show its manifest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, output

data_app = typer.Typer(help="Build, inspect and update the data snapshot.", no_args_is_help=True)
"""The `data` group; other cli modules (e.g. releases) may add commands to it."""


def register(app: typer.Typer) -> None:
    sub = data_app

    @sub.command("build")
    def build_cmd(
        raw: Annotated[
            Path | None, typer.Option("--raw", help="Root of the raw official files.")
        ] = None,
        only: Annotated[
            list[str] | None, typer.Option("--only", help="Build only these datasets.")
        ] = None,
        out: Annotated[
            Path | None, typer.Option("--out", help="Snapshot directory to write.")
        ] = None,
    ) -> None:
        """Parse raw official files into the normalised Parquet snapshot plus manifests."""
        from rich.progress import Progress

        from realpolitik.errors import UserError
        from realpolitik.snapshot.build import build
        from realpolitik.snapshot.catalog import datasets
        from realpolitik.snapshot.paths import build_target, default_raw_dir
        from realpolitik.store import reset_store_cache

        raw_dir = raw or default_raw_dir()
        if raw_dir is None:
            raise UserError("--raw DIR is required (or set REALPOLITIK_RAW)")
        target = out or build_target()
        names = only or sorted(datasets())
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("building", total=len(names))

            def step(name: str) -> None:
                progress.update(task, description=f"building {name}", advance=0)

            manifests = []
            for name in names:
                step(name)
                manifests += build(raw_dir, target, only=[name])
                progress.advance(task)
        reset_store_cache()
        for m in manifests:
            rows = sum(t["rows"] for t in m["tables"].values())
            print(
                f"{m['dataset']}: {len(m['tables'])} tables, {rows:,} rows, release {m['release']}"
            )

    @sub.command("info")
    def info_cmd(fmt: FormatOpt = "table") -> None:  # type: ignore[assignment]
        """Show every dataset in the active snapshot: release, tables, rows, coverage, citation."""
        from realpolitik.queries.meta import snapshot_info

        output(snapshot_info(), fmt)

    app.add_typer(sub, name="data")
