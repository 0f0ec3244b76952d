"""Ranks implied by a counted list of partners: "its exports went to three countries: India (34 %),
China (21 %) and Egypt (7.5 %)" — when the count equals the partners listed with shares, each is
one of the owner's top-N partners (the list is all of them, so none is outside the top N)."""

from __future__ import annotations

import re
from dataclasses import replace

from realpolitik.analyses.claims.frames.base import Frame, View
from realpolitik.analyses.claims.numbers import to_number

# "went to three countries:", "came from four suppliers:", "were delivered to five states:"
_COUNTED = re.compile(
    r"\b(?:to|from)\s+(?:just\s+|only\s+)?(?P<n>two|three|four|five|six|seven|eight|[2-8])\s+"
    r"(?:countries|states|nations|recipients|destinations|clients|customers|buyers|suppliers|sources)"
    r"\s*(?::|[—–]|,\s+(?:namely|led\s+by))",
    re.I,
)


def read_counted(v: View, shares: list[Frame]) -> list[Frame]:
    """One top-N rank frame per partner of a counted list whose shares were read (bilateral)."""
    out: list[Frame] = []
    for m in _COUNTED.finditer(v.text, v.start, v.end):
        n = int(to_number(m.group("n")) or 0)
        a, b = v.clause(m.start())
        listed = [
            f
            for f in shares
            if f.scope == "bilateral" and m.end() <= f.span[0] < b and f.theme and f.owner
        ]
        if len(listed) != n or len({(f.owner, f.side, f.metric) for f in listed}) != 1:
            continue  # a partial list, or shares of several owners: no ranking implied
        for f in listed:
            out.append(
                replace(
                    f,
                    kind="rank",
                    value={"rank": n, "comparator": "le", "text": m.group(0).rstrip(":—– ")},
                    period=None,
                    rule="rank+counted",
                    extra={},
                )
            )
    return out
