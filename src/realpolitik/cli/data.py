"""`realpolitik data …`: build the snapshot from raw files, verify and repair it, show its manifest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import AllLimitOpt, FormatOpt, output

data_app = typer.Typer(
    help="Build, verify, inspect and update the data snapshot.", no_args_is_help=True
)
"""The `data` group; other cli modules (e.g. releases) may add commands to it."""


def _out_dir(out: Path) -> Path:
    """The --out folder: created if missing, but only inside a parent that already exists."""
    from realpolitik.errors import UserError

    if out.exists():
        if not out.is_dir():
            raise UserError(f"--out {out} exists and is not a directory")
        return out
    if not out.parent.is_dir():
        raise UserError(f"--out {out}: parent directory {out.parent} does not exist")
    out.mkdir()
    return out


def register(app: typer.Typer) -> None:
    sub = data_app

    @sub.command("build")
    def build_cmd(
        raw: Annotated[
            Path | None,
            typer.Option("--raw", metavar="DIR", help="Root of the raw official files."),
        ] = None,
        only: Annotated[
            list[str] | None, typer.Option("--only", help="Build only these datasets.")
        ] = None,
        exclude: Annotated[
            list[str] | None,
            typer.Option("--exclude", help="Leave these datasets out (e.g. sipri)."),
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option(
                "--out",
                metavar="DIR",
                help="Snapshot folder to write (default: $REALPOLITIK_SNAPSHOT, else the installed "
                "data package's snapshot, else <home>/snapshot).",
            ),
        ] = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Skip the comparison with the build being replaced (not the format checks).",
            ),
        ] = False,
    ) -> None:
        """Parse raw official files into the normalised Parquet snapshot plus manifests.

        Datasets whose raw folders are absent are skipped; inputs that fail the format or sanity
        checks are refused and the old data kept."""
        from rich.progress import Progress

        from realpolitik.errors import UserError
        from realpolitik.snapshot.build import build, plan
        from realpolitik.snapshot.paths import active_snapshot, build_target, default_raw_dir
        from realpolitik.store import reset_store_cache

        raw_dir = raw or default_raw_dir()
        if raw_dir is None:
            raise UserError("--raw DIR is required (or set REALPOLITIK_RAW)")
        if not raw_dir.is_dir():
            raise UserError(f"raw data directory not found: {raw_dir}")
        todo = plan(raw_dir, only, exclude)
        target = _out_dir(out) if out else build_target()
        excluded = [n for n, why in todo.skipped.items() if why == "excluded"]
        absent = [n for n, why in todo.skipped.items() if why != "excluded"]
        if excluded:
            print(f"note: excluded: {', '.join(excluded)}", file=sys.stderr)
        if absent:
            print(
                f"note: not built, no raw folder in {raw_dir}: {', '.join(absent)}", file=sys.stderr
            )
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("building", total=len(todo.names))
            manifests = []
            for name in todo.names:
                progress.update(task, description=f"building {name}", advance=0)
                manifests += build(raw_dir, target, only=[name], force=force)
                progress.advance(task)
        reset_store_cache()
        for m in manifests:
            rows = sum(t["rows"] for t in m["tables"].values())
            print(
                f"{m['dataset']}: {len(m['tables'])} tables, {rows:,} rows, release {m['release']}"
            )
        print(f"snapshot: {target}")
        try:
            active = active_snapshot()
        except UserError:
            active = None
        if active is None or active.resolve() != target.resolve():
            print(
                f"note: queries read {active or 'no snapshot'}; set REALPOLITIK_SNAPSHOT={target} "
                "to read this one",
                file=sys.stderr,
            )

    @sub.command("verify")
    def verify_cmd(
        snapshot: Annotated[
            Path | None,
            typer.Option(
                "--snapshot", metavar="DIR", help="Snapshot folder (default: the one queries read)."
            ),
        ] = None,
        repair: Annotated[
            bool,
            typer.Option(
                "--repair",
                help="Finish interrupted builds, remove temp folders, restore damaged datasets "
                "from an identical copy.",
            ),
        ] = False,
        limit: AllLimitOpt = None,
        fmt: FormatOpt = "table",  # type: ignore[assignment]
    ) -> None:
        """Re-hash and read every table of the snapshot; report (and with --repair fix) what is wrong.

        Exits 2 when a problem remains."""
        from realpolitik.errors import DataMissing, UserError
        from realpolitik.queries.meta import verify_report
        from realpolitik.render.words import plural
        from realpolitik.snapshot.paths import active_snapshot
        from realpolitik.store import reset_store_cache

        path = snapshot or active_snapshot()
        if not path.is_dir():
            raise DataMissing(f"no snapshot folder at {path}")
        result = verify_report(path, repair=repair)
        if repair:
            reset_store_cache()
        output(result, fmt, limit=limit, series=True)
        bad = result.frame[~result.frame["state"].isin(["ok", "repaired"])]
        if len(bad):
            first = bad.iloc[0]
            where = f"{first['dataset']}: " if first["dataset"] else ""
            raise UserError(
                f"{plural(len(bad), 'problem')} in {path}; first: {where}{first['detail']}"
            )

    @sub.command("info")
    def info_cmd(limit: AllLimitOpt = None, fmt: FormatOpt = "table") -> None:  # type: ignore[assignment]
        """Show every dataset in the active snapshot: release, tables, rows, coverage, terms of use."""
        from realpolitik.queries.meta import snapshot_info

        output(snapshot_info(), fmt, limit=limit, series=True)

    app.add_typer(sub, name="data")
