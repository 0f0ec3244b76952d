"""`realpolitik serve`: the local web explorer (FastAPI + uvicorn)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class LogLevel(StrEnum):
    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"
    trace = "trace"


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        host: Annotated[
            str,
            typer.Option(
                "--host", help="Interface to listen on (loopback by default; 0.0.0.0 = all)."
            ),
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
        log_level: Annotated[
            LogLevel, typer.Option("--log-level", help="uvicorn log level.")
        ] = LogLevel.info,
        workers: Annotated[
            int,
            typer.Option(
                "--workers", min=1, max=16, help="Server processes (each with its caches)."
            ),
        ] = 1,
    ) -> None:
        """Serve the web explorer: search, country pages, dyad briefs, claim check, network; API docs at /docs."""
        from realpolitik.errors import UserError
        from realpolitik.web.server import check_host, run

        try:
            host = check_host(host)
        except ValueError as e:
            raise UserError(str(e)) from e
        shown = f"[{host}]" if ":" in host else host
        typer.echo(
            f"realpolitik explorer on http://{shown}:{port}/ (API docs at /docs); Ctrl-C to stop"
        )
        run(host, port, log_level.value, workers)
