"""`realpolitik check FILE|-`: extract an article's checkable claims and verify each against the data."""

from __future__ import annotations

import datetime
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.errors import UserError


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        file: Annotated[
            str,
            typer.Argument(
                metavar="FILE", help="Article file (text, Markdown or HTML), or '-' for stdin."
            ),
        ],
        date: Annotated[
            str | None,
            typer.Option(
                "--date",
                "--as-of",
                metavar="DATE",
                help="Article date YYYY-MM-DD or YYYY (else read from the document, else today); claims "
                "are judged on the data as of that day, as --as-of elsewhere.",
            ),
        ] = None,
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help="Output format.")
        ] = CheckFormat.table,
        explain: Annotated[
            bool,
            typer.Option(
                "--explain",
                help="Show each reading stage per sentence: segments, mentions, frames, claims, verification.",
            ),
        ] = False,
    ) -> None:
        """Check the claims of an article: verdict (supported, contradicted, mixed, unverifiable) and evidence per claim."""
        from realpolitik.analyses.claims.reader import read_path
        from realpolitik.analyses.claims.report import build_report

        if not file.strip():
            raise UserError("no file given: name an article file, or '-' to read standard input")
        if file != "-" and Path(file).is_dir():
            raise UserError(f"{file} is a directory, not an article file")
        document = read_path(file, date)  # the reader says what is wrong with a bad --date
        today = datetime.date.today()
        if date is not None and document.date > today:
            raise UserError(f"--date {date} is in the future (today is {today.isoformat()})")
        report = build_report(document)
        if explain:
            if fmt is CheckFormat.json:
                print(json.dumps(report.explain(), ensure_ascii=False, indent=2, default=str))
            else:
                print(report.explain_text(), end="")
            return
        if fmt is CheckFormat.json:
            print(report.to_json())
        elif fmt is CheckFormat.md:
            print(report.to_markdown(), end="")
        elif fmt is CheckFormat.html:
            print(report.to_html(), end="")
        else:
            from rich.console import Console

            console = Console()
            if report.claims:
                console.print(report.to_rich(console.width))
            else:
                console.print("(no checkable claims found)")
            counts = ", ".join(f"{v} {k}" for k, v in report.counts().items() if v)
            d = report.document
            console.print(
                f"[dim]article date {d.date.isoformat()} (from {d.date_source}); {counts or 'no claims'}[/dim]",
                highlight=False,
            )
