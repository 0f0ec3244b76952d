"""Where notes on how an input was read go ("'Azerbaijann' → Azerbaijan (nearest spelling)"): the
active `noting` sink (the CLI prints on stderr), else a ResolverNote warning. A module of its own
so that the CLI can install its sink without loading the resolver's tables or code."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_SINK: ContextVar[Callable[[str], None] | None] = ContextVar("realpolitik_note_sink", default=None)


class ResolverNote(UserWarning):
    """Warning category of the resolver's notes when no sink is installed (see `noting`)."""


@contextmanager
def noting(sink: Callable[[str], None]) -> Iterator[None]:
    """Send notes (what a guessed input was read as) to sink while in the block; outside any
    block they are ResolverNote warnings."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


def say(note: str) -> None:
    """Pass a note to the active sink, else warn."""
    sink = _SINK.get()
    if sink is None:
        warnings.warn(note, ResolverNote, stacklevel=3)
    else:
        sink(note)
