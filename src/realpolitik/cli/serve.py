"""`realpolitik serve`: the local web explorer (FastAPI + uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        host: Annotated[
            str, typer.Option("--host", help="Interface to listen on (loopback by default).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
        log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    ) -> None:
        """Serve the web explorer: search, country pages, dyad briefs, claim check, network; API docs at /docs."""
        import uvicorn

        from realpolitik.web.app import create_app

        typer.echo(
            f"realpolitik explorer on http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop"
        )
        uvicorn.run(create_app(), host=host, port=port, log_level=log_level, server_header=False)
