"""The README's Python example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_readme_python_block_runs():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, "README has no python example"
    cwd = os.getcwd()
    os.chdir(REPO)  # the example opens examples/… relative to the repo
    try:
        exec(compile(block.group(1), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)


def test_readme_opens_with_the_two_commands():
    head = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:12]
    assert "pip install . && realpolitik brief Israel Azerbaijan" in head
    assert "pip install -e '.[test]' && pytest" in head
    ci = (REPO / ".ci" / "run").read_text()
    assert "pip install -q -e '.[test]'" in ci and "\npytest" in ci
