"""Shares paired with states by 'respectively': "The US and France accounted for 42 % and 11 %
respectively of global arms exports" — the k-th state holds the k-th share, of the total the
clause names (the world's exports or imports, or one owner's: "of India's arms imports")."""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims.frames.base import Frame, View
from realpolitik.analyses.claims.frames.owners import _global_np, _np_owner, _side_of_words
from realpolitik.analyses.claims.frames.spans import _coordination

_OTHER = {"export": "import", "import": "export"}
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _verb_side(text: str) -> str | None:
    """The flow the verb between the states and their values names from the states' side: they
    'supplied' (exports) or 'bought' (imports) the shares."""
    ws = L.words(text)
    if any(w in L.SUPPLY_VERBS for w in ws):
        return "export"
    if any(w in L.ACQUIRE_VERBS for w in ws):
        return "import"
    return None


_FROM_TO = re.compile(r"\s*(?:per\s?cent|percent|%)?\s*to\s+", re.I)


def _values_per_state(v: View, qs: list, n: int) -> int:
    """How many values each of n states takes: one ("36 and 32 per cent"), or two when the values
    are moves ("from 34 % to 42 % and from 7.2 % to 11 %": each a then and a now); 0 if neither."""
    if n == len(qs):
        return 1
    if n * 2 == len(qs) and all(
        _FROM_TO.fullmatch(v.s(qs[k].end, qs[k + 1].start)) for k in range(0, len(qs), 2)
    ):
        return 2
    return 0


def read_respectively(v: View, shares: list[Frame]) -> list[Frame]:
    """One share frame per (state, value) pair of a 'respectively' clause not read otherwise."""
    out: list[Frame] = []
    for rm in _RESPECTIVELY.finditer(v.text, v.start, v.end):
        a, b = v.clause(rm.start())
        qs = [q for q in v.shares if a <= q.start < b]
        if len(qs) < 2 or any(f.span == (q.start, q.end) for f in shares for q in qs):
            continue
        first = next((m for m in v.states if a <= m.start < qs[0].start and m.id), None)
        if first is None:
            continue
        states = [m for m in _coordination(v, first, qs[0].start) if m.id]
        per = _values_per_state(v, qs, len(states))
        if per == 0:
            continue
        tail = v.s(qs[-1].end, b)
        if not L.has_arms(v.s(a, b)) and not L.has_arms(v.s(v.start, v.end)):
            continue
        lead = (states[-1].end, qs[0].start)  # "The shares of A and B in global arms exports rose"
        side = _side_of_words(L.words(tail))
        theirs = _verb_side(v.s(*lead))
        if side is None and theirs is not None:
            # "A and B supplied 36 and 32 % of India's arms": the world's exports by them, or the
            # owner's imports from them
            world = _global_np(v, qs[-1].end, b) or _global_np(v, *lead)
            side = theirs if world else _OTHER[theirs]
        if side is None:
            side = _side_of_words(L.words(v.s(*lead)))
        if side is None:
            continue
        if _global_np(v, qs[-1].end, b) or _global_np(v, *lead):
            scope, owner, fside = "global", None, side + "ers"
        else:
            o = _np_owner(v, qs[-1].end, b)
            if o is None or o.mention.id is None:
                continue
            scope, owner, fside = "bilateral", o.mention.id, o.side or side
        for k, q in enumerate(qs):
            m = states[k // per]
            if m.id == owner:
                continue
            out.append(
                Frame(
                    "share",
                    "arms",
                    scope,
                    fside,
                    owner,
                    m.id,
                    q.to_dict() | {"decimals": q.decimals},
                    (q.start, q.end),
                    rule="share+respectively",
                )
            )
    return out
