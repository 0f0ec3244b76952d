"""Which state's crude-oil trade a paragraph is about ("India buys most of its crude from …",
"crude imports to India", "India's oil purchases"), so that a bare "X is the third-largest
supplier" later in it is a rank among that state's crude sources, not an arms ranking."""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims.frames.base import Context, Frame, View

_IMPORT_VERBS = r"imports?|imported|importing|buys|bought|buying|purchases|purchased|purchasing|sources|sourced|gets|got|receives|received|relies\s+on|depends\s+on"
_EXPORT_VERBS = r"exports?|exported|exporting|sells|sold|selling|ships|shipped|shipping|supplies|supplied|pumps|pumped"
_OIL = r"(?:crude|oil|petroleum)"
# "India imports most of its crude oil", "Iraq sells much of its oil": subject + verb + oil
_VERB = re.compile(
    rf"\s*(?:(?:also|still|now|mostly|mainly|largely|heavily)\s+)*(?:(?P<imp>{_IMPORT_VERBS})|(?P<exp>{_EXPORT_VERBS}))\b[^.;]{{0,40}}?\b{_OIL}\b",
    re.I,
)
# "India's crude (oil) imports", "India's oil purchases"
_POSS = re.compile(
    r"(?:['’]s|['’])\s+(?:(?:crude|oil|petroleum)\s+){1,2}(?:(?P<imp>imports|purchases|intake|supplies)|(?P<exp>exports|sales|shipments))\b",
    re.I,
)
# "crude (oil) imports to/by/of India", "oil exports from Iraq"
_OF = re.compile(
    rf"\b{_OIL}\s+(?:oil\s+)?(?:(?P<imp>imports|purchases)\s+(?:to|by|of|into)|(?P<exp>exports|sales|shipments)\s+(?:from|of|by))\s+(?:the\s+)?$",
    re.I,
)

# the buyer after an export verb and its oil: "sells (crude) oil to India"
_TO = re.compile(r"(?:\s+oil)?\s+to\s+(?:the\s+)?")


def note_oil_owner(v: View, ctx: Context, frames: list[Frame]) -> None:
    """Record the state whose crude trade this sentence is about (a bilateral oil frame's owner,
    else a state before an oil verb or noun), with the side and paragraph."""
    for f in frames:
        if (
            f.metric == "oil"
            and f.scope == "bilateral"
            and f.owner
            and f.side in {"import", "export"}
        ):
            ctx.oil_owner = (f.owner, f.side, v.paragraph)
            return
    if not L.has_oil(v.s(v.start, v.end)):
        return
    for m in v.states:
        if not m.id or m.form == "demonym":
            continue
        mm = _VERB.match(v.text, m.end, v.end) or _POSS.match(v.text, m.end, v.end)
        if mm is None:
            mm = _OF.search(v.s(max(v.start, m.start - 30), m.start))
        if mm is not None:
            to = _TO.match(v.text, mm.end(), v.end) if mm.group("exp") else None
            buyer = next((x for x in v.states if to and x.start == to.end() and x.id), None)
            if buyer is not None:
                # "Saudi Arabia sells crude oil to India": the paragraph is about India's sources
                ctx.oil_owner = (buyer.id, "import", v.paragraph)
                return
            ctx.oil_owner = (m.id, "import" if mm.group("imp") else "export", v.paragraph)
            return


def oil_owner(v: View, ctx: Context) -> tuple[str, str] | None:
    """The crude-oil owner this paragraph set, when this sentence names no arms."""
    o = ctx.oil_owner
    if o is None or o[2] != v.paragraph or L.has_arms(v.s(v.start, v.end)):
        return None
    return o[0], o[1]
