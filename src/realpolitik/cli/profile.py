"""`realpolitik profile COUNTRY`: a country card built from every layer."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.common import FormatOpt
from realpolitik.render.formats import Format


def register(app: typer.Typer) -> None:
    @app.command("profile")
    def profile_cmd(
        who: Annotated[str, typer.Argument(help="Country name, ISO code, demonym, …")],
        fmt: FormatOpt = Format.table,
    ) -> None:
        """Population and GDP, CINC, regime, religions, oil, arms partners, trade partners, neighbours, rivals."""
        from realpolitik.queries.common import country
        from realpolitik.queries.profile import profile
        from realpolitik.render.formats import emit_sections

        c = country(who)
        emit_sections(profile(c), {"command": "profile", "country": c.id}, fmt)
