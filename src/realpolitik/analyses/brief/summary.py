"""The brief's summary: the relationship first, then its strongest sourced facts, no sentence twice.

Partners: the strongest material ties, a shared adversary, a border with an adversary, the UN-voting
distance, the crude-oil data gap. Adversaries: the conflict — who backed whom in fighting within the war window, who arms each side.
"""

from __future__ import annotations

from realpolitik.analyses.brief.model import Motive, Section
from realpolitik.analyses.relations import Relationship
from realpolitik.analyses.relations.classify import Thresholds

MAX_LINES = 6
MIN_TIE = (
    0.05  # a tie weaker than this (a small volume, a 2 % share) is in the motives, not the summary
)


def summarise(rel: Relationship, sections: list[Section], motives: dict[str, list[Motive]],
              hostile: bool, first: str | None = None) -> list[str]:  # fmt: skip
    """Up to six sentences, each backed by a fact of the brief; the first says what the relationship is."""
    from realpolitik.analyses.relations.reading import headline

    facts = {f.key: f for s in sections for f in s.facts}
    out: list[str] = [headline(rel, first)]

    def add(text: str | None) -> None:
        if text and text not in out and len(out) < MAX_LINES:
            out.append(text)

    if hostile:  # who backed whom in their latest fighting, if recent (1976 is history in 2021)
        recent = rel.year - Thresholds().war_window
        sides = [k for k in facts if k.startswith("sides_") and int(k.rsplit("_", 1)[1]) > recent]
        for k in sorted(sides, key=lambda k: -int(k.rsplit("_", 1)[1]))[:2]:
            add(facts[k].text)
        for k in (k for k in facts if k.startswith("suppliers_")):
            add(facts[k].text)
        return out
    ties = sorted((m for ms in motives.values() for m in ms
                   if m.kind not in {"shared_adversary", "geography"} and m.strength >= MIN_TIE),
                  key=lambda m: -m.strength)  # fmt: skip
    for m in ties[:3]:
        add(m.text.split(": ", 1)[1])
    if not any(m.kind == "export_market" for m in ties[:3]):  # a trade tie the motives do not state
        for e in (e for e in rel.deciding if e.kind == "trade"):
            add(e.text[0].upper() + e.text[1:] + ".")
    add(
        next(
            (f.text for k, f in facts.items() if k.startswith("shared_adversary_") and f.value),
            None,
        )
    )
    add(
        next(
            (
                f.text
                for k, f in facts.items()
                if k.startswith("border_") and f.data.get("adversary") and not f.data.get("allied")
            ),
            None,
        )
    )
    if "un_distance" in facts:
        add(facts["un_distance"].text)
    add(next((g for s in sections if s.key == "energy_trade" for g in s.gaps
              if g.startswith(("No crude-oil flow", "Crude-oil shares are for"))), None))  # fmt: skip
    return out
