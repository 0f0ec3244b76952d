"""Entry point: builds the typer app from every cli module's register() and maps errors to exit codes.

Exit codes: 0 success, 2 bad input (one line on stderr, "did you mean …?" where it helps), 1 a
bug (a traceback with REALPOLITIK_DEBUG=1), 130 interrupted, 141 output pipe closed (quietly, as
a Unix tool killed by SIGPIPE).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from typing import Annotated

import typer

from realpolitik.errors import UserError

app = typer.Typer(
    name="realpolitik",
    help="Explain, discover and fact-check strategic partnerships between states from open data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def version_text() -> str:
    """'realpolitik 0.1.0 (data: realpolitik-data 2026.12.1)': the code's and the snapshot's releases."""
    from realpolitik import __version__, data_version

    data = data_version()
    return f"realpolitik {__version__} (data: {f'realpolitik-data {data}' if data else 'none installed'})"


def _version(value: bool) -> None:
    if value:
        print(version_text())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version of realpolitik and of its data snapshot, and exit.",
        ),
    ] = False,
) -> None:
    """Explain, discover and fact-check strategic partnerships between states from open data."""


def _plain_help() -> None:
    """Help in click's plain layout (no rich import, no '<bool>' on flags) without typer's type
    noise: COUNTRY, not '{COUNTRY}', in usage lines; '--engine ENGINE', not '--engine <str>'."""
    from typer import core

    make_arg, make_opt = core.TyperArgument.make_metavar, core.TyperOption.make_metavar

    def arg_metavar(self: core.TyperArgument, *args: object, **kwargs: object) -> str:
        return make_arg(self, *args, **kwargs).replace("{", "").replace("}", "")

    def opt_metavar(self: core.TyperOption, *args: object, **kwargs: object) -> str:
        shown = make_opt(self, *args, **kwargs)
        if self.metavar is None and shown.startswith("<") and "|" not in shown:
            return (self.name or "value").upper()  # a type name says nothing: name the value
        return shown.strip("<>") if "|" in shown else shown

    core.TyperArgument.make_metavar = arg_metavar  # type: ignore[method-assign]
    core.TyperOption.make_metavar = opt_metavar  # type: ignore[method-assign]


def _whole_short_help(group: typer.Typer) -> None:
    """Command lists show each command's first sentence whole (wrapped), not cut at 45 characters."""
    for cmd in group.registered_commands:
        doc = cmd.help or (cmd.callback.__doc__ if cmd.callback else "") or ""
        if cmd.short_help is None and doc:
            cmd.short_help = " ".join(doc.strip().split("\n\n")[0].split())
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            doc = sub.help if isinstance(sub.help, str) else sub.typer_instance.info.help
            if isinstance(doc, str) and not isinstance(sub.short_help, str):
                sub.short_help = " ".join(doc.strip().split("\n\n")[0].split())
            _whole_short_help(sub.typer_instance)


# command groups whose module registers all of them and nothing else: a run of one loads only its module, so
# `realpolitik panel …` starts without the other commands' imports (`data` is not one: releases.py extends it)
SELF_CONTAINED = {"panel"}


def _register_all(argv: list[str] = sys.argv[1:]) -> None:
    import realpolitik.cli as pkg

    _plain_help()
    names = sorted(
        i.name
        for i in pkgutil.iter_modules(pkg.__path__)
        if i.name not in {"main", "common", "reference"}
    )
    if argv and argv[0] in SELF_CONTAINED:
        names = [argv[0]]
    for name in names:
        module = importlib.import_module(f"{pkg.__name__}.{name}")
        register = getattr(module, "register", None)
        if register:
            register(app)
    _whole_short_help(app)


_register_all()


def _say(note: str, seen: set[str] = set()) -> None:  # noqa: B006 - one set per process
    if note not in seen:
        seen.add(note)
        print(f"realpolitik: note: {note}", file=sys.stderr)


class _ClosedStdin:
    """Stands in for a closed standard input (sys.stdin is None): reading it is a user error."""

    def _closed(self, *args: object, **kwargs: object) -> None:
        raise UserError("standard input is closed: give a file, or pipe the text in")

    read = readline = readlines = fileno = __iter__ = _closed

    @property
    def buffer(self) -> _ClosedStdin:
        return self

    def isatty(self) -> bool:
        return False


def _stdout_is_devnull() -> bool:
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(os.devnull))
    except (OSError, ValueError, AttributeError):
        return False


def _stdout_pacified() -> bool:
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _quiet_exit(code: int) -> None:
    """Exit without Python complaining about a stdout that can no longer be flushed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(code)


def _error(message: str) -> None:
    first = " ".join(str(message).split())  # one line, whatever the message holds
    print(f"realpolitik: error: {first}", file=sys.stderr)
    sys.exit(2)


def main() -> None:
    """Run the CLI: user errors exit 2 with one line on stderr; bugs exit 1 (traceback with REALPOLITIK_DEBUG=1)."""
    from realpolitik.notes import noting

    if sys.stdin is None:  # `realpolitik check - <&-`
        sys.stdin = _ClosedStdin()  # type: ignore[assignment]
    try:
        with noting(_say):
            app(standalone_mode=False, prog_name="realpolitik")
        sys.stdout.flush()
    except BrokenPipeError:  # `realpolitik … | head`: the reader left, like any Unix tool
        _quiet_exit(141)
    except SystemExit as e:  # rich meets a closed pipe by pointing stdout at /dev/null, exit 1;
        # click meets one (EPIPE) by wrapping stdout in its PacifyFlushWrapper, exit 1
        if e.code == 1 and (_stdout_is_devnull() or _stdout_pacified()):
            _quiet_exit(141)
        raise
    except KeyboardInterrupt:
        print("realpolitik: interrupted", file=sys.stderr)
        _quiet_exit(130)
    except UserError as e:
        _error(str(e))
    except OverflowError:
        _error("a number is too large")
    except OSError as e:  # a file the user named cannot be read or written
        _error(f"{e.strerror or e}: {e.filename or ''}".rstrip(": "))
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        print("realpolitik: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # usage errors (typer's own or click's ClickException) and real bugs
        if callable(getattr(e, "format_message", None)) and hasattr(e, "exit_code"):
            _error(e.format_message())
        if (
            type(e).__module__.lstrip("_").startswith("duckdb")
            and type(e).__name__ == "IOException"
        ):
            _error(str(e))  # DuckDB cannot read or write a file the user named
        if os.environ.get("REALPOLITIK_DEBUG"):
            raise
        print(
            f"realpolitik: internal error: {type(e).__name__}: {e} (set REALPOLITIK_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
