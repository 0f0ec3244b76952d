"""Fault injection for crash tests: `REALPOLITIK_FAULT=<step>[,<step>…]` SIGKILLs the process at a step.

The builder and the updater call `fault_point(step)` at each point where a crash could leave the
snapshot half-written; tests kill a real `data build` / `data update` there and check that queries
still answer with the old data. Unset (the normal case), a fault point costs one dict lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "REALPOLITIK_FAULT"

BUILD_STEPS = (
    "build:parsed",  # raw files read and validated, nothing written yet
    "build:table-written",  # the first table of the new dataset is in its temp folder
    "build:manifest-partial",  # half of the new manifest's bytes are in its temp file
    "build:manifest-written",  # the temp folder is complete (manifest renamed into place)
    "build:old-moved",  # the previous dataset folder was renamed to .<name>.old
    "build:new-moved",  # the new folder took the dataset's name; .<name>.old not yet removed
)
UPDATE_STEPS = (
    "update:downloaded",  # raw files fetched into the release's temp folder
    "update:seeded",  # the base release's datasets copied (hard links) into the temp folder
    "update:built",  # the updated datasets rebuilt in the temp folder
    "update:renamed",  # the verified temp folder renamed to releases/<id>, pointer not switched
)
STEPS = BUILD_STEPS + UPDATE_STEPS


def armed(step: str) -> bool:
    """Whether the environment asks to crash at this step."""
    value = os.environ.get(ENV)
    return bool(value) and step in value.split(",")


def fault_point(step: str) -> None:
    """Kill this process with SIGKILL (no cleanup, no atexit) if REALPOLITIK_FAULT names the step."""
    if armed(step):
        os.kill(os.getpid(), signal.SIGKILL)
