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
    """The first block: install code + bundled data and run a brief; install test tools and run
    pytest. CI (.ci/run) installs the same two distributions and runs the same pytest."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block and text.index(block.group(0)) < 400, "README must open with the commands"
    first, second = block.group(1).strip().splitlines()
    assert first == "pip install ./realpolitik-data . && realpolitik brief Israel Azerbaijan"
    assert second == "pip install -e ./realpolitik-data -e '.[test]' && pytest"
    ci = (REPO / ".ci" / "run").read_text()
    assert "pip install -q -e ./realpolitik-data -e '.[test" in ci and "\npytest" in ci
