"""List shapes of real journalism, second set (sentences of our own wording, several paraphrases
each): a list that completes a ranking named in an earlier sentence ("C, D and E complete the top
N") takes that ranking's metric, direction and owner."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)


def ranks(text: str) -> dict[tuple, tuple]:
    return {
        (c.type, c.subject, c.object): (
            c.claimed.get("rank"),
            c.claimed.get("comparator"),
            c.verdict,
        )
        for c in check(text, DAY).claims
        if c.type in {"arms_global_rank", "arms_top_supplier"}
    }


@pytest.mark.parametrize(
    ("text", "members", "n"),
    [
        (
            "The US was the largest arms exporter in 2019-23. China, Germany and Italy complete "
            "the top six.",
            {"CHN", "DEU", "ITA"},
            6,
        ),
        (
            "India was the world's largest arms importer in 2019-23. Saudi Arabia, Qatar and "
            "Ukraine rounded out the top four.",
            {"SAU", "QAT", "UKR"},
            4,
        ),
        (
            "France overtook Russia as the second largest arms exporter in 2019-23. Germany, "
            "Italy and the UK fill out the top eight.",
            {"DEU", "ITA", "GBR"},
            8,
        ),
    ],
)
def test_a_list_completing_an_earlier_ranking_is_in_its_top_n(
    text: str, members: set[str], n: int
) -> None:
    got = ranks(text)
    for m in members:
        assert got[("arms_global_rank", m, None)] == (n, "le", "supported")


def test_completing_the_wrong_ranking_is_contradicted() -> None:
    got = ranks(
        "India was the world's largest arms importer in 2019-23. Russia, France and the US "
        "complete the top five."
    )
    assert got[("arms_global_rank", "RUS", None)] == (5, "le", "contradicted")


def test_a_completed_supplier_ranking_keeps_its_owner() -> None:
    got = ranks(
        "Russia supplied 36% of India's arms imports in 2019-23. France, the US and Israel "
        "complete the top four."
    )
    assert got[("arms_top_supplier", "IND", "FRA")] == (4, "le", "supported")
    assert got[("arms_top_supplier", "IND", "ISR")] == (4, "le", "supported")
