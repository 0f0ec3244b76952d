"""How a weapon's designation is compared, in the reader (the maker of a named weapon) and the deal verifier
alike: without case, spaces or punctuation ('Hermes 900' = 'Hermes-900'), and by its coded words ('TB2' in
'Bayraktar TB2')."""

from __future__ import annotations

import re


def norm(designation: str) -> str:
    """'Type 054A' → 'type054a'."""
    return re.sub(r"[^a-z0-9]", "", designation.lower())


def coded_words(designation: str) -> set[str]:
    """The normalised words of a designation that mix letters and digits, three characters or more:
    'Bayraktar TB2' → {'tb2'}, 'S-300PMU/S-400' → {'s300pmu', 's400'}."""
    return {
        norm(w)
        for w in re.split(r"[\s/]+", designation)
        if re.search(r"\d", w) and re.search(r"[A-Za-z]", w) and len(norm(w)) >= 3
    }
