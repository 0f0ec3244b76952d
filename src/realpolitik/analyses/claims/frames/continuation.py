"""Which earlier frame a value without a total of its own continues: "The US accounted for 42 % of
global arms exports, with Saudi Arabia its main client. It is followed by France (11 %)" continues
the frame of the state "it" names (the US's world share), not the last frame read (its client).
"""

from __future__ import annotations

from realpolitik.analyses.claims.frames.base import Context, Frame, View

_LOOKBACK = 8  # frames of the last sentences searched for the named state's frame


def continued(v: View, ctx: Context, pos: int, theme: str | None) -> Frame | None:
    """The frame a bare value at `pos` continues: the latest recent share or rank about a state
    named before it in this sentence (other than the value's own state), else the last frame."""
    last = ctx.last if ctx.last is not None and ctx.last.kind in {"share", "rank"} else None
    if last is None:
        return None
    named = {m.id for m in v.states if v.start <= m.start < pos and m.id and m.id != theme}
    if not named:
        return last
    recent = list(ctx.history)[-_LOOKBACK:]
    for f in reversed(recent):
        if f.kind in {"share", "rank"} and f.scope in {"global", "bilateral"} and f.theme in named:
            return f
    return last
