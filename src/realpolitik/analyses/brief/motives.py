"""What's in it for each side: motives derived from the brief's facts, with their rules in one table.

Material motives are ranked by the share they rest on (relative to the side's own totals: its imports,
its exports, its crude imports). A share resting on fewer than `ARMS_MIN_TIV` TIV is no motive. The
strategic motives — a shared adversary, a border with the partner's adversary — carry the fixed
strengths below: a 15 % arms tie outranks them, a 5 % one does not. An arms window that ended more
than RECENT_YEARS before the brief's last year is history (a fact), not a motive. A pair of adversaries (the
relationship model's hostile rules) gets no motives at all: nothing is a "benefit" built on hostility.
"""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.analyses.brief.model import Fact, Motive, Section
from realpolitik.analyses.brief.sections import ARMS_MIN_TIV
from realpolitik.analyses.relations import Relationship
from realpolitik.countries import Country
from realpolitik.render.words import the


@dataclass(frozen=True)
class Rule:
    """A fact key prefix, who gains (the 'sup' or 'rec' side of the fact), the threshold and a label."""

    kind: str
    fact_prefix: str  # formatted with sup/rec ids, e.g. "{sup}_to_{rec}_share_"
    gainer: str  # "sup" or "rec"
    threshold: float
    label: str


RULES: tuple[Rule, ...] = (
    # kind,           fact key prefix,                    gainer, threshold, label
    Rule("arms_supply",   "{sup}_to_{rec}_share_",            "rec", 0.10, "Arms supply"),
    Rule("arms_market",   "{sup}_to_{rec}_export_share_",     "sup", 0.05, "Arms export market"),
    Rule("energy_supply", "crude_{sup}_to_{rec}_",            "rec", 0.10, "Energy supply"),
    Rule("export_market", "exports_partner_{rec}_of_{sup}",   "sup", 0.0,  "Export market"),
)  # fmt: skip
"""Each rule reads facts built for the pair in both directions (sup, rec) = (a, b) and (b, a)."""

SHARED_ADVERSARY_RIVAL = 0.15  # the partner is at war with, a rival of or fighting the third state
SHARED_ADVERSARY_OTHER = 0.08  # the partner's hostility to it rests on disputes only
BORDER_WITH_ADVERSARY = 0.08
PEAK_WEIGHT = 0.5  # a peak window's share counts half: the latest complete window leads
RECENT_YEARS = (
    10  # an arms window that ended longer before the brief's last year is history, not a motive
)


def _share(f: Fact) -> float:
    share = f.value if isinstance(f.value, float) else (f.data or {}).get("share")
    return float(share) if share is not None else 0.0


def _strength(f: Fact) -> float:
    s = _share(f)
    tiv = (f.data or {}).get("tiv")
    if tiv is not None and tiv < ARMS_MIN_TIV:
        return 0.0  # a share of a few TIV is no motive (the arms section still states it)
    return s * PEAK_WEIGHT if (f.data or {}).get("window") == "peak" else s


def motives(a: Country, b: Country, sections: list[Section], rel: Relationship | None,
            hostile: bool, last: int | None = None) -> dict[str, list[Motive]]:  # fmt: skip
    """Ranked motives per side (country id -> motives, strongest first); none for a hostile pair, none
    from arms windows that ended more than RECENT_YEARS before `last`."""
    out: dict[str, list[Motive]] = {a.id: [], b.id: []}
    peaks: set[int] = set()
    if hostile:
        return out
    facts = [f for s in sections for f in s.facts]
    for sup, rec in ((a, b), (b, a)):
        for rule in RULES:
            prefix = rule.fact_prefix.format(sup=sup.id, rec=rec.id)
            for f in facts:
                if not f.key.startswith(prefix) or f.key.endswith("_predecessor"):
                    continue
                end = (f.data or {}).get("end")
                if last is not None and end is not None and end < last - RECENT_YEARS:
                    continue
                strength = _strength(f)
                if _share(f) < rule.threshold or strength <= 0:
                    continue
                gainer = sup if rule.gainer == "sup" else rec
                m = Motive(
                    gainer.id, rule.kind, strength, f"{rule.label}: {f.text}", f.source, f.period
                )
                out[gainer.id].append(m)
                if (f.data or {}).get("window") == "peak":
                    peaks.add(id(m))
    for f in facts:
        if f.key.startswith("shared_adversary_") and f.value:
            foe = f.data["adversary"]
            types = f.data["types"]
            for c, partner in ((a, b), (b, a)):
                t = types[partner.id]
                strength = (
                    SHARED_ADVERSARY_RIVAL if t in {"rivals", "at war"} else SHARED_ADVERSARY_OTHER
                )
                why = f.data.get("basis", {})
                text = (f"Shared adversary: {the(_name(foe))}, {_phrase(types[c.id], the(c.name))} "
                        f"({why.get(c.id, '')}), is also {_phrase(t, the(partner.name))} ({why.get(partner.id, '')}).")  # fmt: skip
                out[c.id].append(
                    Motive(c.id, "shared_adversary", strength, text, f.source, f.period)
                )
        if f.key.startswith("border_") and f.data.get("adversary") and not f.data.get("allied"):
            gainer = f.data["of"]
            out[gainer].append(Motive(gainer, "geography", BORDER_WITH_ADVERSARY,
                                      f"Geography: {f.text}", f.source, f.period))  # fmt: skip
    for k in out:
        out[k].sort(key=lambda m: -m.strength)
        out[k] = _latest_before_peak(out[k], peaks)
        seen: dict[str, int] = {}
        keep = []
        for m in out[k]:  # the strongest few strategic motives; the security section lists them all
            seen[m.kind] = seen.get(m.kind, 0) + 1
            if seen[m.kind] <= MAX_PER_KIND.get(m.kind, len(out[k])):
                keep.append(m)
        out[k] = keep
    return out


def _latest_before_peak(ms: list[Motive], peaks: set[int]) -> list[Motive]:
    """Within each kind's places in the ranking, the latest window before a peak one (a halved 23.5 %
    peak must not lead an 11.7 % latest share: the reader wants the present first)."""
    out = list(ms)
    for kind in {m.kind for m in ms}:
        places = [i for i, m in enumerate(ms) if m.kind == kind]
        ordered = sorted((ms[i] for i in places), key=lambda m: id(m) in peaks)  # stable
        for i, m in zip(places, ordered, strict=True):
            out[i] = m
    return out


MAX_PER_KIND = {"shared_adversary": 3, "geography": 2}
"""At most this many motives of a strategic kind per side (Egypt–USSR 1970 has five shared adversaries)."""


PHRASE = {"rivals": "a rival of {}", "at war": "at war with {}", "hostile": "hostile to {}",
          "mixed": "a rival, though allied, of {}"}  # fmt: skip


def _phrase(kind: str, who: str) -> str:
    return PHRASE.get(kind, "an adversary of {}").format(who)


def _name(cid: str) -> str:
    from realpolitik.analyses.relations.reading import name

    return name(cid)
