"""The brief's summary: three to six sentences chosen from the strongest sourced facts."""

from __future__ import annotations

from realpolitik.analyses.brief.model import Motive, Section
from realpolitik.countries import Country


def summarise(
    a: Country, b: Country, sections: list[Section], motives: dict[str, list[Motive]]
) -> list[str]:
    """Name the strongest ties and the biggest asymmetries, each sentence backed by a fact."""
    facts = {f.key: f for s in sections for f in s.facts}
    out: list[str] = []
    ties = sorted(
        (
            m
            for ms in motives.values()
            for m in ms
            if m.kind not in {"shared_adversary", "geography"}
        ),
        key=lambda m: -m.strength,
    )
    seen: set[str] = set()
    for m in ties[:3]:
        text = m.text.split(": ", 1)[1]
        if text not in seen:
            seen.add(text)
            out.append(text)
    shared = [f for k, f in facts.items() if k.startswith("shared_adversary_") and f.value]
    for f in shared[:1]:
        out.append(f.text)
    border = [f for k, f in facts.items() if k.startswith("border_") and f.data.get("adversary")]
    out += [f.text for f in border[:1]]
    if "un_distance" in facts:
        out.append(facts["un_distance"].text)
    gaps = next(
        (g for s in sections if s.key == "energy_trade" for g in s.gaps if "crude" in g), None
    )
    if gaps and len(out) < 6:
        out.append(gaps)
    if not ties and not shared:
        out.insert(0, f"The data show no material tie between {a.name} and {b.name}: no arms transfers between them, "
                      "no bilateral crude-oil flow and neither among the other's top-5 trade partners.")  # fmt: skip
    return out[:6]
