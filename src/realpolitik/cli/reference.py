"""The CLI reference page (docs/cli.md) written from the commands' own help, so it cannot drift.

`python -m realpolitik.cli.reference > docs/cli.md` rewrites it; tests/test_cli_reference.py fails
when the page and the commands disagree. Imported only for that (no register(): no command).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

WIDTH = 88  # help wrapped as on an 88-column terminal, whatever terminal writes the page

HEADER = """\
# Command-line reference

Every `realpolitik` command with its arguments and options, as `realpolitik COMMAND --help`
prints them. The page is generated from the commands themselves
(`python -m realpolitik.cli.reference > docs/cli.md`) and a test fails when it is out of date.

Conventions shared by every command: query commands take `--format table|json|csv|md` and list
commands `--limit N` (`0` shows all); a year option also accepts a date (`--from 2020-11-01`);
bad input exits with code 2 and one line on stderr (`realpolitik: error: …`, with "did you
mean …?" where it helps); a closed output pipe ends quietly with status 141; exit 1 is a bug
(`REALPOLITIK_DEBUG=1` shows its traceback).
"""


def leaves(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every runnable command under `command` with its path of names, in the order help lists them."""
    import click

    ctx = click.Context(command, info_name="realpolitik")
    subs = getattr(command, "commands", None)
    if subs is None:
        yield path, command
        return
    for name in command.list_commands(ctx):
        yield from leaves(subs[name], (*path, name))


def command_paths() -> list[str]:
    """'arms suppliers', 'brief', … : every runnable command of the CLI."""
    return [" ".join(path) for path, _ in leaves(_root())]


def _root() -> Any:
    import typer

    from realpolitik.cli.main import app

    return typer.main.get_command(app)


def _help(path: tuple[str, ...]) -> str:
    """The help text of one command, as `realpolitik PATH --help` prints it at WIDTH columns."""
    import click

    root = _root()
    ctx = click.Context(
        root, info_name="realpolitik", terminal_width=WIDTH, max_content_width=WIDTH
    )
    command = root
    for name in path:
        command = command.commands[name]
        ctx = click.Context(
            command, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH
        )
    return command.get_help(ctx).rstrip()


def render() -> str:
    """docs/cli.md: the header, then one section per command group and command."""
    parts = [HEADER, "## realpolitik\n", f"```text\n{_help(())}\n```\n"]
    seen_groups: set[str] = set()
    for path, _ in leaves(_root()):
        if len(path) > 1 and path[0] not in seen_groups:
            seen_groups.add(path[0])
            parts.append(f"## realpolitik {path[0]}\n")
            parts.append(f"```text\n{_help(path[:1])}\n```\n")
        level = "###" if len(path) > 1 else "##"
        parts.append(f"{level} realpolitik {' '.join(path)}\n")
        parts.append(f"```text\n{_help(path)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    import sys

    sys.stdout.write(render())
