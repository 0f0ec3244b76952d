"""The root CLI's static command table (cli/commands.py) is what registering every cli module builds,
and a run of one command imports only that command's cli modules."""

from __future__ import annotations

import json
import subprocess
import sys

FULL = r"""
import importlib, json, pkgutil, typer
import realpolitik.cli as pkg
from realpolitik.cli.main import _whole_short_help

app = typer.Typer()
for name in sorted(i.name for i in pkgutil.iter_modules(pkg.__path__)):
    register = getattr(importlib.import_module(f"realpolitik.cli.{name}"), "register", None)
    if register:
        register(app)
_whole_short_help(app)
out = [(c.name, c.callback.__module__, c.short_help) for c in app.registered_commands]
out += [(g.name, sorted({c.callback.__module__ for c in g.typer_instance.registered_commands}), g.short_help)
        for g in app.registered_groups]
print(json.dumps(out))
"""


def test_static_table_equals_full_registration() -> None:
    from realpolitik.cli.commands import COMMANDS

    full = json.loads(
        subprocess.run(
            [sys.executable, "-c", FULL], capture_output=True, text=True, check=True
        ).stdout
    )
    assert [name for name, _, _ in full] == list(COMMANDS)
    for name, modules, help_line in full:
        table_modules, table_help = COMMANDS[name]
        wanted = {f"realpolitik.cli.{m}" for m in table_modules}
        assert set([modules] if isinstance(modules, str) else modules) <= wanted, name
        assert help_line == table_help, name


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys; from realpolitik.cli.main import main; sys.argv = ['realpolitik', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('realpolitik.cli.')))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = r.stdout.strip().splitlines()[-1]
    assert "Commands:" in r.stdout and "brief " in r.stdout and "trade " in r.stdout
    assert eval(loaded) == ["realpolitik.cli.commands", "realpolitik.cli.main"]


def test_a_command_imports_only_its_modules() -> None:
    code = (
        "import sys; from realpolitik.cli.main import main\n"
        "sys.argv = ['realpolitik', 'arms', 'suppliers', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('realpolitik.cli.')))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(r.stdout.strip().splitlines()[-1])
    assert "realpolitik.cli.arms" in loaded
    assert not {"realpolitik.cli.brief", "realpolitik.cli.panel", "realpolitik.cli.data"} & set(
        loaded
    )


def test_unknown_command_suggests_from_the_table() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", "brif"], capture_output=True, text=True
    )
    assert r.returncode == 2 and "Did you mean 'brief'?" in r.stderr
