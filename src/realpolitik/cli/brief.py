"""`realpolitik brief A B`: the dyad brief, the project's main job."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.common import not_future
from realpolitik.errors import UserError


class BriefFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief_cmd(
        a: Annotated[str, typer.Argument(metavar="A", help="First country (any common form).")],
        b: Annotated[str, typer.Argument(metavar="B", help="Second country.")],
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of", metavar="DATE", help="Date YYYY-MM-DD, YYYY-MM or YYYY: use data up to the year before."
            ),
        ] = None,
        fmt: Annotated[
            BriefFormat, typer.Option("--format", "-f", help="terminal, md, html or json.")
        ] = BriefFormat.terminal,
        out: Annotated[
            Path | None,
            typer.Option(
                "--out", "-o", metavar="FILE", help="Write to this file instead of stdout."
            ),
        ] = None,
        charts: Annotated[
            Path | None,
            typer.Option(
                "--charts", metavar="DIR", help="Also write PNG charts to this directory."
            ),
        ] = None,
    ) -> None:
        """What's in it for each side: arms, energy, trade, geography, security, alignment — with sources."""
        from realpolitik.analyses.brief import brief, render

        if out is not None and not out.parent.is_dir():  # say so before the brief is computed
            raise UserError(f"no such directory for --out: {out.parent}")
        result = brief(a, b, as_of=not_future(as_of, "--as-of"))
        if charts is not None:
            for p in render.write_pngs(result, charts):
                typer.echo(f"chart: {p}", err=True)
        if fmt is BriefFormat.terminal and out is None:
            render.print_terminal(result)
            return
        text = {
            BriefFormat.json: render.to_json,
            BriefFormat.md: render.to_markdown,
            BriefFormat.html: render.to_html,
            BriefFormat.terminal: render.to_markdown,
        }[fmt](result)
        if out is None:
            print(text)
        else:
            out.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {out}", err=True)
