"""`realpolitik profile COUNTRY`: a country card built from every layer."""

from __future__ import annotations

import typer

from realpolitik.cli.common import CountryArg, FormatOpt, LimitOpt
from realpolitik.render.formats import Format

COLUMNS = {
    "facts": ["field", "text", "year"],
    "religions": ["religion", "share", "detail", "year"],
    "neighbours": ["neighbour", "km", "contiguity", "cow_from", "cow_to"],
    "rivals": ["counterpart", "rival", "rivalry_td", "rivalry_tss", "cow_mids", "gml_mids"],
}


def register(app: typer.Typer) -> None:
    @app.command("profile")
    def profile_cmd(
        who: CountryArg,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Population and GDP, CINC, regime, religions, oil, arms partners, trade partners, neighbours, rivals."""
        from realpolitik.queries.common import country
        from realpolitik.queries.profile import profile
        from realpolitik.render.formats import emit_sections

        c = country(who)
        query = {"command": "profile", "country": c.id}
        emit_sections(profile(c), query, fmt, columns=COLUMNS, limit=limit)
