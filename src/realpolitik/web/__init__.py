"""Local web explorer: server-rendered pages and a JSON API over the same query layer as the CLI."""

from __future__ import annotations


def create_app():  # noqa: ANN201 - imported lazily so `import realpolitik.web` stays cheap
    """The FastAPI application (see realpolitik.web.app.create_app)."""
    from realpolitik.web.app import create_app as make

    return make()


__all__ = ["create_app"]
