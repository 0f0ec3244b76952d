"""Shared fixtures: the bundled snapshot's store, the raw data tree, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent

# No timed assertions (speed targets live in benchmarks/): hypothesis' per-example deadline would
# fail tests on a loaded machine or beside another pytest-xdist worker.
settings.register_profile("realpolitik", deadline=None)
settings.load_profile("realpolitik")

# Tests read the bundled snapshot: keep them away from any release installed in the user's data dir.
os.environ.setdefault("REALPOLITIK_HOME", tempfile.mkdtemp(prefix="realpolitik-test-home-"))


def raw_root() -> Path | None:
    """The raw official files: $REALPOLITIK_RAW, else ../shared/data/raw beside the repo."""
    env = os.environ.get("REALPOLITIK_RAW")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data" / "raw"]:
        if cand.is_dir():
            return cand
    return None


RAW_REASON = (
    "need the raw official files (set REALPOLITIK_RAW or place shared/data/raw beside the repo)"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that read the raw tree (the `raw_dir` fixture, or marked `raw`) form the `raw` group;
    without the tree they are deselected with one line of reason, not errors or skips."""
    for item in items:
        if "raw_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.raw)
    if raw_root() is not None:
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("raw") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
        config._realpolitik_raw_deselected = len(drop)  # type: ignore[attr-defined]
        if hasattr(config, "workeroutput"):  # a pytest-xdist worker: tell the controller
            config.workeroutput["raw_deselected"] = len(drop)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # noqa: ANN001 - pytest-xdist controller hook
    n = getattr(node, "workeroutput", {}).get("raw_deselected", 0)
    seen = getattr(node.config, "_realpolitik_raw_deselected", 0)
    node.config._realpolitik_raw_deselected = max(seen, n)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    n = getattr(config, "_realpolitik_raw_deselected", 0)
    if n:
        terminalreporter.write_line(f"{n} tests deselected: they {RAW_REASON}")


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build):  # noqa: ANN001, ANN201
    """`build()`'s pyarrow Table, built by one pytest-xdist worker of the run and read back from a zstd Arrow file
    by the others (each worker would otherwise build the same module fixture itself); built here without xdist."""
    if not os.environ.get(
        "PYTEST_XDIST_WORKER"
    ):  # one process (-n 0, -p no:xdist): nothing to share
        return build()
    import fcntl

    import pyarrow as pa

    root = tmp_path_factory.getbasetemp().parent  # shared by the workers of this run
    path = root / f"{name}.arrow"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait while the first builds
        if not path.exists():
            table = build()
            part = path.with_suffix(".part")
            options = pa.ipc.IpcWriteOptions(compression="zstd")
            with (
                pa.OSFile(str(part), "wb") as sink,
                pa.ipc.new_file(sink, table.schema, options=options) as out,
            ):
                out.write_table(table)
            part.rename(path)
            return table
    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all()


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    root = raw_root()
    if root is None:  # only reached when a raw test is run explicitly by node id
        pytest.skip(RAW_REASON)
    return root


@pytest.fixture(scope="session")
def store():
    from realpolitik.store import get_store

    return get_store()


def run_cli(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the installed CLI in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *args],
        capture_output=True,
        text=True,
        input=input,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli


def run_cli_in_process(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """The CLI's own entry point (`main`, with its exit codes and one-line errors) run in this process, its
    stdout and stderr captured: what `run_cli` returns without a new interpreter (~1 CPU s a call: imports and
    the snapshot opened again). For tests of what a command prints, not of the process itself (start-up, pipes,
    signals); a call with its own environment runs as a subprocess (the store caches what it opened)."""
    from click.testing import CliRunner

    from realpolitik.cli.main import main

    if env:
        return run_cli(*args, input=input, env=env)
    argv, code = sys.argv, 0
    with CliRunner().isolation(input=input) as (out, err, _):
        sys.argv = ["realpolitik", *args]
        try:
            main()
        except SystemExit as e:
            if isinstance(e.code, str):  # sys.exit("message"): the interpreter prints it, exit 1
                print(e.code, file=sys.stderr)
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:
            sys.argv = argv
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return subprocess.CompletedProcess(["realpolitik", *args], code, stdout, stderr)


@pytest.fixture
def cli_in_process():
    return run_cli_in_process
