"""Shared fixtures: the bundled snapshot's store, the raw data tree, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Tests read the bundled snapshot: keep them away from any release installed in the user's data dir.
os.environ.setdefault("REALPOLITIK_HOME", tempfile.mkdtemp(prefix="realpolitik-test-home-"))


def raw_root() -> Path | None:
    """The raw official files: $REALPOLITIK_RAW, else ../shared/data/raw beside the repo."""
    env = os.environ.get("REALPOLITIK_RAW")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data" / "raw"]:
        if cand.is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    root = raw_root()
    if root is None:
        pytest.skip(
            "raw data tree not found (set REALPOLITIK_RAW or place shared/data/raw beside the repo)"
        )
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
