"""docs/cli.md is what the commands' --help prints now, and README.md names every command."""

from __future__ import annotations

import re
from pathlib import Path

from realpolitik.cli.reference import command_paths, render

REPO = Path(__file__).resolve().parent.parent


def test_cli_reference_page_is_current() -> None:
    page = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == render(), (
        "docs/cli.md is stale: python -m realpolitik.cli.reference > docs/cli.md"
    )


def test_the_reference_lists_every_command_and_the_newest_ones() -> None:
    paths = command_paths()
    for expected in (
        "data verify",
        "oil refining",
        "relationship",
        "panel leader-years",
        "check",
        "serve",
    ):
        assert expected in paths
    page = render()
    assert all(f"realpolitik {p}\n" in page for p in paths)


def test_readme_names_every_command() -> None:
    """The README's task table is where a newcomer looks: a command missing there does not exist
    for them."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in readme.splitlines() if line.startswith("|"))
    missing = [
        p for p in command_paths() if not re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", table)
    ]
    assert not missing, f"README.md's task table does not name: {', '.join(missing)}"
