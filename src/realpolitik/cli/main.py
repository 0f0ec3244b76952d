"""Entry point: builds the typer app from every cli module's register() and maps errors to exit codes."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import typer

from realpolitik.errors import UserError

app = typer.Typer(
    name="realpolitik",
    help="Explain, discover and fact-check strategic partnerships between states from open data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register(names: list[str]) -> None:
    for name in names:
        module = importlib.import_module(f"realpolitik.cli.{name}")
        register = getattr(module, "register", None)
        if register:
            register(app)


# command groups whose module registers all of them and nothing else: a run of one loads only its module
# (`data` is not one: releases.py adds commands to it)
SELF_CONTAINED = {"panel"}


def _register_all(argv: list[str] = sys.argv[1:]) -> None:
    """Register every cli module's commands; `panel …` loads only the panel module, so a panel run starts without
    the imports of the other commands (pandas among them)."""
    import realpolitik.cli as pkg

    if argv and argv[0] in SELF_CONTAINED:
        _register([argv[0]])
        return
    names = sorted(
        i.name for i in pkgutil.iter_modules(pkg.__path__) if i.name not in {"main", "common"}
    )
    _register(names)


_register_all()


def main() -> None:
    """Run the CLI: user errors exit 2 with one line on stderr; bugs exit 1 (traceback with REALPOLITIK_DEBUG=1)."""
    try:
        app(standalone_mode=False)
    except UserError as e:
        print(f"realpolitik: error: {e}", file=sys.stderr)
        sys.exit(2)
    except OSError as e:  # a file the user named cannot be read or written
        print(
            f"realpolitik: error: {e.strerror or e}: {e.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        sys.exit(2)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        print("realpolitik: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # usage errors (typer's own or click's ClickException) and real bugs
        if callable(getattr(e, "format_message", None)) and hasattr(e, "exit_code"):
            print(f"realpolitik: error: {e.format_message()}", file=sys.stderr)
            sys.exit(2)
        if os.environ.get("REALPOLITIK_DEBUG"):
            raise
        print(
            f"realpolitik: internal error: {type(e).__name__}: {e} (set REALPOLITIK_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
