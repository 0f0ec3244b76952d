"""A rank implied by the states that alone exceed one: "among arms exporters, only the US and
France surpass Russia" — Russia is third (two states ahead of it, and no other)."""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.spans import _coordination

_ONLY = re.compile(r"\bonly\s+(?:the\s+)?", re.I)
_AHEAD = re.compile(
    r"\s+(?:(?:have|has|had|did|do|does)\s+)?(?:surpass(?:es|ed)?|outrank(?:s|ed)?|exceed(?:s|ed)?|"
    r"outstrip(?:s|ped)?|(?:are|were|is|was|rank(?:s|ed)?)\s+(?:ahead\s+of|above))\s+(?:the\s+)?",
    re.I,
)
_KIND = re.compile(r"\b(?P<k>export|import)(?:ers|s)\b", re.I)


def read_surpass(v: View, ctx: Context) -> list[Frame]:
    """A global arms rank for X in 'only A (and B) surpass X', in a sentence or paragraph that
    names one ranking (exporters or importers)."""
    out: list[Frame] = []
    for om in _ONLY.finditer(v.text, v.start, v.end):
        first = next((m for m in v.states if m.start == om.end() and m.id), None)
        if first is None:
            continue
        ahead = [m for m in _coordination(v, first, v.end) if m.id] or [first]
        am = _AHEAD.match(v.text, ahead[-1].end, v.end)
        if am is None:
            continue
        x = next((m for m in v.states if m.start == am.end() and m.id), None)
        if x is None or x.id in {m.id for m in ahead}:
            continue
        kinds = {k.group("k").lower() for k in _KIND.finditer(v.text, v.start, v.end)}
        if len(kinds) == 1 and L.has_arms(v.s(v.start, v.end)):
            side = kinds.pop() + "ers"
        elif not kinds and ctx.para_kind is not None and ctx.para_kind[1] == v.paragraph:
            side = ctx.para_kind[0]
        else:
            continue
        out.append(
            Frame(
                "rank",
                "arms",
                "global",
                side,
                None,
                x.id,
                {
                    "rank": len(ahead) + 1,
                    "comparator": "eq",
                    "text": v.s(om.start(), am.end()).strip(),
                },
                (x.start, x.end),
                rule="rank+surpass",
            )
        )
    return out
