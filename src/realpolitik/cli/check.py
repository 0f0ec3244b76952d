"""`realpolitik check FILE|-`: extract an article's checkable claims and verify each against the data."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        file: Annotated[
            str, typer.Argument(help="Article file (text, Markdown or HTML), or '-' for stdin.")
        ],
        date: Annotated[
            str | None,
            typer.Option(
                "--date", help="Article date YYYY-MM-DD (else read from the document, else today)."
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

        report = build_report(read_path(file, date))
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
                console.print(report.to_rich())
            else:
                console.print("(no checkable claims found)")
            counts = ", ".join(f"{v} {k}" for k, v in report.counts().items() if v)
            d = report.document
            console.print(
                f"[dim]article date {d.date.isoformat()} (from {d.date_source}); {counts or 'no claims'}[/dim]",
                highlight=False,
            )
