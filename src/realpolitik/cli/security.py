"""`realpolitik rivals COUNTRY` and `realpolitik relations A B`: rivalries, disputes, alliances, alignment."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt, YearOpt, output
from realpolitik.render.formats import Format

CountryArg = Annotated[str, typer.Argument(help="Country name, ISO code, demonym, …")]


def emit_sections(sections: dict, fmt: Format) -> None:
    """Print several Results: JSON as one object {"query", "sections": {name: result}}, other formats one after another."""
    if Format(fmt) is Format.json:
        first = next(iter(sections.values()))
        query = {k: v for k, v in first.query.items() if k != "section"}
        body = {"query": query, "sections": {name: r.to_dict() for name, r in sections.items()}}
        print(json.dumps(body, ensure_ascii=False, indent=2, default=str))
        return
    for name, result in sections.items():
        if Format(fmt) is Format.csv:
            print(f"# {name}")
        elif Format(fmt) is Format.table and not result.title:
            print(name)
        output(result, fmt)
        if Format(fmt) is not Format.md:
            print()


def register(app: typer.Typer) -> None:
    @app.command("rivals")
    def rivals_cmd(
        country: CountryArg, year: YearOpt = None, fmt: FormatOpt = Format.table
    ) -> None:
        """Strategic rivals (Thompson & Dreyer, TSS) and dispute partners (COW MID, GML) of COUNTRY."""
        from realpolitik.queries import security

        output(security.rivals(country, year), fmt)

    @app.command("relations")
    def relations_cmd(a: CountryArg, b: CountryArg, fmt: FormatOpt = Format.table) -> None:
        """Security ties of A and B: ATOP alliances, disputes, rivalry, contiguity, CINC, democracy, UN ideal points."""
        from realpolitik.queries import security

        emit_sections(security.relations(a, b), fmt)
