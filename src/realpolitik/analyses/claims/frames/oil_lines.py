"""A numbered list of oil volumes read as a ranking of producers: "1. United States – 11.3 million
b/d", "2) Saudi Arabia: 10.4 mb/d" under a lead-in such as "These were the biggest oil-producing
countries in 2019:" or "Here is how output ranked in 2019." — the line number is the rank, the
year the lead-in's (else the article's latest year).

A heading that names the ranking ("The largest oil producers in 2020") is read by the ranks
reader; this covers lists whose lead-in names no state (so it was not read) or no ranking noun.
The lead-in must be about output, not imports, exports, consumption, refining or reserves.
"""

from __future__ import annotations

import re

from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View

# "1. United States – 11.3 million b/d", "2) Saudi Arabia: 10.4 mb/d", "3. Russia 10,500 kb/d"
_LINE = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+\D{2,60}?[–—:-]?[ \t]*\d[\d.,]*[ \t]*", re.I)
_VOLUME = re.compile(
    r"(?:million|mn|m|thousand)?[ \t]*(?:b/d|bpd|mb/d|kb/d|mbpd|kbpd|barrels?\s+(?:a|per)\s+day)\b",
    re.I,
)
_OUTPUT = re.compile(r"\b(?:produc\w*|output|pump\w*|oil|crude)\b", re.I)
_NOT_OUTPUT = re.compile(r"\b(?:import\w*|export\w*|consum\w*|demand|refin\w*|reserves?)\b", re.I)
_LOOKBACK = 600  # characters searched back for the lead-in line (a few list lines and one lead)


def volume_group(v: View, ctx: Context) -> Frame | None:
    """The open producers' ranking a numbered line of oil volumes belongs to, or None."""
    line = v.s(v.start, v.end)
    mm = _LINE.match(line)
    if mm is None or not _VOLUME.match(line, mm.end()):
        return None
    lead = _lead_in(v)
    if lead is None or not _OUTPUT.search(lead) or _NOT_OUTPUT.search(lead):
        return None
    years = [p for p in N.find_periods(lead, ctx.today) if p.kind == "year"]
    period = (
        {"start": years[-1].start, "end": years[-1].end, "text": years[-1].text} if years else None
    )
    return Frame(
        "rank",
        "oil",
        "global",
        "producers",
        None,
        None,
        {"rank": 0, "comparator": "eq", "open": True, "text": "list"},
        (v.start, v.start),
        period={**period, "source": "explicit"} if period else None,
        rule="rank+list+volume",
    )


def _lead_in(v: View) -> str | None:
    """The last line before this one that is not a numbered line of the same list."""
    lo = max(0, v.start - _LOOKBACK)
    lines = [x for x in v.text[lo : v.start].split("\n") if x.strip()]
    for x in reversed(lines):
        if not _LINE.match(x):
            return x
    return None
