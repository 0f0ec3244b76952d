"""Entry point: a lazy root group over the static command table (cli/commands.py) — a run imports
only the chosen command's cli modules — and the mapping of errors to exit codes.

Exit codes: 0 success, 2 bad input (one line on stderr, "did you mean …?" where it helps), 1 a
bug (a traceback with REALPOLITIK_DEBUG=1), 130 interrupted, 141 output pipe closed (quietly, as
a Unix tool killed by SIGPIPE).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from realpolitik.cli.commands import COMMANDS
from realpolitik.errors import UserError


@functools.cache
def _build(modules: tuple[str, ...]) -> dict[str, Any]:
    """The click commands that the register() of these cli modules create (each set built once)."""
    sub = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    for name in modules:
        importlib.import_module(f"realpolitik.cli.{name}").register(sub)
    _whole_short_help(sub)
    return dict(typer.main.get_group(sub).commands)


class _Commands(MutableMapping[str, Any]):
    """The root's commands: names from the static table, each built on first look-up (iterating
    over the items builds them all, as the docs' reference builder does)."""

    def __init__(self, given: MutableMapping[str, Any]) -> None:
        self._built = dict(given)

    def __getitem__(self, name: str) -> Any:
        if name not in self._built and name in COMMANDS:
            self._built.update(_build(COMMANDS[name][0]))
        return self._built[name]

    def __setitem__(self, name: str, cmd: Any) -> None:
        self._built[name] = cmd

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*COMMANDS, *(n for n in self._built if n not in COMMANDS)])

    def __len__(self) -> int:
        return len(COMMANDS.keys() | self._built.keys())

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self._built


class LazyGroup(TyperGroup):
    """The root group: lists commands and their help lines from the static table, imports a
    command's modules only when it runs (or its own help is asked for)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _Commands(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_line) for name, (_, help_line) in COMMANDS.items()])


app = typer.Typer(
    cls=LazyGroup,
    name="realpolitik",
    help="Explain, discover and fact-check strategic partnerships between states from open data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def version_text() -> str:
    """'realpolitik 0.1.0 (data: realpolitik-data 2026.12.4)': the code's and the snapshot's releases."""
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


_plain_help()


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


DATE_OPTIONS = ("--as-of", "--year", "--date", "--from", "--to")


def _date_hint(e: Exception) -> str:
    """' (this command's dates: --year)' for an unknown date option with no close spelling: `rivals --as-of`
    is a user who knows the other commands, not a typo."""
    if type(e).__name__ != "NoSuchOption" or getattr(e, "possibilities", None):
        return ""
    ctx = getattr(e, "ctx", None)
    if getattr(e, "option_name", None) not in DATE_OPTIONS or ctx is None:
        return ""
    own = [o for p in ctx.command.params for o in getattr(p, "opts", ()) if o in DATE_OPTIONS]
    return f" (this command's dates: {', '.join(own)})" if own else " (this command takes no date)"


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
            _error(e.format_message() + _date_hint(e))
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
