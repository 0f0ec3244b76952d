"""Stage 4 — claims: typed, checkable statements made from frames (type, roles, claimed value, period).

A frame says what a value is about (metric, scope, side, owner, theme); this stage names the claim
type that a verifier knows and puts the states in the roles that type uses (see ``TYPES``).
Verdict, evidence and sources are filled by :mod:`realpolitik.analyses.claims.verify`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from realpolitik.analyses.claims.frames import Frame
from realpolitik.analyses.claims.mentions import Mention

# claim type → (subject role, object role): what the two ids of a claim mean
TYPES: dict[str, tuple[str, str | None]] = {
    "arms_import_share": ("recipient", "supplier"),
    "arms_export_share": ("supplier", "recipient"),
    "arms_top_supplier": ("recipient", "supplier"),
    "arms_top_recipient": ("supplier", "recipient"),
    "arms_global_share": ("state", None),
    "arms_global_rank": ("state", None),
    "arms_group_share": ("–", None),
    "arms_region_share": ("–", None),
    "arms_volume_change": ("state", None),
    "arms_global_volume_change": ("–", None),
    "arms_deal": ("supplier", "recipient"),
    "oil_producer_rank": ("state", None),
    "oil_import_share": ("importer", "exporter"),
    "oil_export_share": ("exporter", "buyer"),
    "oil_buyer_rank": ("exporter", "buyer"),
    "oil_source_rank": ("importer", "exporter"),
    "export_partner_rank": ("exporter", "partner"),
    "export_partner_share": ("exporter", "partner"),
    "border_length": ("state", "state"),
    "shared_border": ("state", "state"),
    "rivalry": ("state", "state"),
}


@dataclass
class Claim:
    """One checkable statement found in the text (verdict and evidence are filled by verify)."""

    text: str
    span: tuple[int, int]
    type: str
    subject: str | None
    object: str | None
    claimed: dict[str, Any]
    period: dict[str, Any] | None
    rule: str = ""
    verdict: str = "unverifiable"
    evidence: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, str]] = field(default_factory=list)
    # the verdict on the SIPRI release that was current at the article date, when the store holds it
    verdict_as_published: dict[str, Any] | None = None

    def key(self) -> tuple[str, str | None, str | None]:
        return (self.type, self.subject, self.object)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "claimed": self.claimed,
            "period": self.period,
            "verdict": self.verdict,
            "verdict_as_published": self.verdict_as_published,
            "evidence": self.evidence,
            "sources": self.sources,
            "rule": self.rule,
        }


def claim_type(f: Frame) -> tuple[str, str | None, str | None] | None:
    """(type, subject, object) for a frame, or None when no claim type covers it."""
    k, m, s = f.kind, f.metric, f.scope
    if k == "share":
        if m == "arms":
            if s == "bilateral":
                t = "arms_import_share" if f.side == "import" else "arms_export_share"
                return t, f.owner, f.theme
            if s == "global":
                return "arms_global_share", f.theme, None
            if s == "group":
                return "arms_group_share", None, None
            if s == "region":
                return "arms_region_share", None, None
        if m == "oil" and s == "bilateral":
            return (
                ("oil_import_share" if f.side == "import" else "oil_export_share"),
                f.owner,
                f.theme,
            )
        if m == "trade" and s == "bilateral" and f.side == "export":
            return "export_partner_share", f.owner, f.theme
        return None
    if k == "rank":
        if m == "arms":
            if s == "bilateral":
                t = "arms_top_supplier" if f.side == "import" else "arms_top_recipient"
                return t, f.owner, f.theme
            if s == "global":
                return "arms_global_rank", f.theme, None
        if m == "oil":
            if s == "global" and f.side == "producers":
                return "oil_producer_rank", f.theme, None
            if s == "bilateral":
                return (
                    ("oil_source_rank" if f.side == "import" else "oil_buyer_rank"),
                    f.owner,
                    f.theme,
                )
        if m == "trade" and s == "bilateral":
            return "export_partner_rank", f.owner, f.theme
        return None
    if k == "change" and m == "arms":
        if s == "state":
            return "arms_volume_change", f.theme, None
        if s == "global":
            return "arms_global_volume_change", None, None
        return None
    simple = {
        "length": "border_length",
        "border": "shared_border",
        "rivalry": "rivalry",
        "deal": "arms_deal",
    }
    if k in simple:
        return simple[k], f.owner, f.theme
    return None


def _claimed(f: Frame, typ: str) -> dict[str, Any]:
    c = dict(f.value)
    if typ in {"arms_global_share", "arms_global_rank", "arms_group_share", "arms_region_share"}:
        c["kind"] = f.side
    if typ == "arms_volume_change":
        c["kind"] = f.side
    for key in ("region", "members", "top", "base", "now"):
        if key in f.extra:
            c[key] = f.extra[key]
    return c


def _cover(
    text: str, f: Frame, clause: tuple[int, int], mentions: list[Mention], ids: list[str | None]
) -> tuple[int, int]:
    """The claim's span: the anchor widened to the nearest mention of each role state in its clause."""
    a, b = f.span
    if f.kind in {"length", "border", "rivalry", "deal"}:
        return clause
    if f.rule == "rank+behind":
        return f.span  # "second only to India": India's implied first place, not the owner's phrase
    for cid in ids:
        if cid is None:
            continue
        near = [m for m in mentions if m.id == cid and clause[0] <= m.start < clause[1]]
        if near:  # the nearest, preferring one the anchor reaches without crossing a comma
            m = min(near, key=lambda m: (_across(text, m, f.span[0]), abs(m.start - f.span[0])))
            if abs(m.start - f.span[0]) <= 60:
                a, b = min(a, m.start), max(b, m.end)
    # to the end of the phrase, so the span reads as a statement ("… of Israel's arms exports")
    m = _PHRASE_END.match(text, b)
    if (
        m is not None
        and m.end() <= clause[1]
        and not re.search(r"\d|%|\bper\s?cent\b", text[b : m.end()])
    ):
        b = m.end()
    return a, b


_PHRASE_END = re.compile(r"[^,;:().]{0,60}")


def _across(text: str, m: Mention, anchor: int) -> bool:
    """Whether a comma or semicolon stands between a mention and the anchor ('… from Israel, and more
    than half of Israel's oil': the second Israel is the claim's)."""
    lo, hi = (m.end, anchor) if m.end <= anchor else (anchor, m.start)
    return bool(re.search(r"[,;]", text[lo:hi]))


def to_claims(
    text: str, frames: list[Frame], clauses: tuple[tuple[int, int], ...], mentions: list[Mention]
) -> list[Claim]:
    """Claims of one sentence (frames no type covers are dropped; duplicates merged)."""
    out: list[Claim] = []
    seen: set[tuple[Any, ...]] = set()
    for f in frames:
        t = claim_type(f)
        if t is None:
            continue
        typ, subj, obj = t
        if (
            typ not in {"arms_group_share", "arms_region_share", "arms_global_volume_change"}
            and not subj
        ):
            continue
        if obj is not None and subj == obj:
            continue
        claimed = _claimed(f, typ)
        key = (
            typ,
            subj,
            obj,
            claimed.get("value"),
            claimed.get("rank"),
            claimed.get("comparator"),
            claimed.get("designation"),
            str(claimed.get("region")),
            f.span,
            (f.period or {}).get("start"),
            (f.period or {}).get("end"),
        )
        if key in seen:
            continue
        seen.add(key)
        clause = next(((a, b) for a, b in clauses if a <= f.span[0] < b), (f.span[0], f.span[1]))
        a, b = _cover(text, f, clause, mentions, [subj, obj])
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append(Claim(text[a:b], (a, b), typ, subj, obj, claimed, f.period, f.rule))
    return out
