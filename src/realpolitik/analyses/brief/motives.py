"""What's in it for each side: motives derived from the brief's facts, with thresholds in one table."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.analyses.brief.model import Fact, Motive, Section
from realpolitik.countries import Country


@dataclass(frozen=True)
class Rule:
    """A fact key pattern, who gains (the 'supplier'/'recipient' role), the threshold and the wording."""

    kind: str
    fact_prefix: str  # e.g. "{sup}_to_{rec}_share_peak"
    gainer: str  # "sup" or "rec"
    threshold: float
    wording: str  # formatted with the fact's text


RULES: tuple[Rule, ...] = (
    # kind,           fact key,                           gainer, threshold, wording
    Rule("arms_supply",   "{sup}_to_{rec}_share_peak",        "rec", 0.10, "Arms supply: {text}"),
    Rule("arms_supply",   "{sup}_to_{rec}_share_latest",      "rec", 0.10, "Arms supply (latest window): {text}"),
    Rule("arms_market",   "{sup}_to_{rec}_export_share_peak", "sup", 0.05, "Arms export market: {text}"),
    Rule("energy_supply", "crude_{sup}_to_{rec}_",            "rec", 0.10, "Energy supply: {text}"),
    Rule("export_market", "exports_partner_{rec}_of_{sup}",   "sup", 0.0,  "Export market: {text}"),
)  # fmt: skip
"""Each rule reads facts built for the pair in both directions (sup, rec) = (a, b) and (b, a)."""

SHARED_ADVERSARY_STRENGTH = 0.5
BORDER_WITH_ADVERSARY_STRENGTH = 0.45


def _strength(f: Fact) -> float:
    if isinstance(f.value, float) and 0 <= f.value <= 1:
        return f.value
    share = f.data.get("share") if f.data else None
    return float(share) if share is not None else 0.3


def motives(a: Country, b: Country, sections: list[Section]) -> dict[str, list[Motive]]:
    """Ranked motives per side (country id -> motives, strongest first)."""
    facts = [f for s in sections for f in s.facts]
    out: dict[str, list[Motive]] = {a.id: [], b.id: []}
    for sup, rec in ((a, b), (b, a)):
        for rule in RULES:
            prefix = rule.fact_prefix.format(sup=sup.id, rec=rec.id)
            for f in facts:
                if not f.key.startswith(prefix) or _strength(f) < rule.threshold:
                    continue
                gainer = sup if rule.gainer == "sup" else rec
                out[gainer.id].append(
                    Motive(
                        gainer.id,
                        rule.kind,
                        _strength(f),
                        rule.wording.format(text=f.text),
                        f.source,
                        f.period,
                    )
                )
    for f in facts:
        if f.key.startswith("shared_adversary_") and f.value:
            for c in (a, b):
                out[c.id].append(
                    Motive(
                        c.id,
                        "shared_adversary",
                        SHARED_ADVERSARY_STRENGTH,
                        f"Shared adversary: {f.text}",
                        f.source,
                        f.period,
                    )
                )
        if f.key.startswith("border_") and f.data.get("adversary"):
            gainer = f.data["of"]
            out[gainer].append(
                Motive(
                    gainer,
                    "geography",
                    BORDER_WITH_ADVERSARY_STRENGTH,
                    f"Geography: {f.text}",
                    f.source,
                    f.period,
                )
            )
    for k in out:
        out[k].sort(key=lambda m: -m.strength)
    return out
