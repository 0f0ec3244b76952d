"""A comparison's base window is only the base value's period (sentences of our own wording):
after "compared with the previous period from Y1 to Y2" it is neither the claim's period nor the
paragraph's, and an "up from m % in P1" value does not frame the next sentence."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)


def judged(text: str) -> dict[tuple, tuple]:
    return {
        (c.type, c.subject, c.object): ((c.period or {}).get("start"), c.verdict)
        for c in check(text, DAY).claims
    }


@pytest.mark.parametrize(
    "text",
    [
        "India's arms imports rose 5% compared with the previous five-year period from 2014 to "
        "2018, making it the largest importer of arms.",
        "India's arms imports grew by 5% compared to the preceding period, 2014-18, which made it "
        "the world's largest arms importer.",
        "Compared with the prior five-year window of 2014-2018, India's arms imports were 5% higher, "
        "making it the largest arms importer.",
        "India's arms imports increased 5% against the previous period between 2014 and 2018, "
        "leaving it the biggest importer of arms.",
    ],
)
def test_the_base_window_is_not_the_claims_period(text: str) -> None:
    got = judged(text)
    # 2019–23 against 2014–18: +5.4 %, India first; in 2014–18 India was second
    assert got[("arms_global_rank", "IND", None)] == (2019, "supported")
    assert got[("arms_volume_change", "IND", None)][1] == "supported"


@pytest.mark.parametrize(
    "first",
    [
        "India's arms imports rose 5% compared with the previous period from 2014 to 2018.",
        "Russia accounted for 36% of India's arms imports, up from 58% in 2014-18.",
        "Russia's share of India's arms imports fell to 36%, down from 58% in 2014-2018.",
    ],
)
def test_a_base_window_does_not_frame_the_paragraph(first: str) -> None:
    got = judged(first + " France supplied 33% of India's arms imports.")
    # 32.2 % in 2019–23 (the default window); 6.8 % in 2014–18
    assert got[("arms_import_share", "IND", "FRA")] == (2019, "supported")


def test_an_explicit_window_still_frames_the_paragraph() -> None:
    got = judged(
        "Russia accounted for 58% of India's arms imports in 2014-18. France supplied 7% of "
        "India's arms imports."
    )
    assert got[("arms_import_share", "IND", "FRA")] == (2014, "supported")
