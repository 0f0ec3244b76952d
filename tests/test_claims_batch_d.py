"""Readings for failure patterns of a second unseen batch of real articles, each tested on
sentences of our own wording: ranking tables set as plain text (numbered rows, '|' cells, a
header row, a bare year in the heading)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.segment import segment

DAY = date(2024, 5, 1)

# `realpolitik oil producers --year 2022`: 1 United States, 2 Saudi Arabia, 3 Russia, 4 Canada
PRODUCER_TABLES = [
    "Top 4 oil producers, 2022\n\n1 United States 17,770\n2 Saudi Arabia 12,136\n3 Russia 10,944\n4 Canada 5,576\n",
    "The largest oil producers in 2022\n\nRank | Country | Barrels per day\n1 | United States | 17.77 million\n"
    "2 | Saudi Arabia | 12.14 million\n3 | Russia | 10.94 million\n4 | Canada | 5.58 million\n",
    "The world's biggest oil producers (2022)\n\n| 1 | United States | 17.8 |\n| 2 | Saudi Arabia | 12.1 |\n"
    "| 3 | Russia | 10.9 |\n| 4 | Canada | 5.6 |\n",
    "The largest oil producers in 2022:\n\n1. United States: 17.8m b/d\n2. Saudi Arabia: 12.1m b/d\n"
    "3. Russia: 10.9m b/d\n4. Canada: 5.6m b/d\n",
]


@pytest.mark.parametrize("text", PRODUCER_TABLES)
def test_each_row_of_a_producer_table_is_a_rank_claim(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "oil_producer_rank"]
    assert sorted((c.claimed["rank"], c.subject, c.verdict) for c in claims) == [
        (1, "USA", "supported"),
        (2, "SAU", "supported"),
        (3, "RUS", "supported"),
        (4, "CAN", "supported"),
    ]
    assert all(c.period["start"] == 2022 == c.period["end"] for c in claims)


def test_a_wrong_row_of_an_arms_table_is_contradicted() -> None:
    # `realpolitik arms top exporters --from 2019 --to 2023`: 1 USA, 2 France, 3 Russia
    text = "Largest arms exporters (2019-23)\n\nRank | Country\n1 | United States\n2 | Russia\n3 | France\n"
    got = {
        (c.subject, c.claimed["rank"], c.verdict)
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank"
    }
    assert got == {
        ("USA", 1, "supported"),
        ("RUS", 2, "contradicted"),
        ("FRA", 3, "contradicted"),
    }


def test_table_rows_are_sentences_of_their_own() -> None:
    text = "Producers\n\nRank | Country | Output\n1 | United States | 17.8\n2 Saudi Arabia 12.1\n"
    assert [text[s.start : s.end] for s in segment(text).sentences] == [
        "Producers",
        "Rank | Country | Output",
        "1 | United States | 17.8",
        "2 Saudi Arabia 12.1",
    ]


def test_a_single_line_opening_with_a_number_is_no_table_row() -> None:
    text = "Saudi Arabia bought\n24 jets from France in 2020."
    assert len(segment(text).sentences) == 1


def test_a_numbered_line_without_a_heading_claims_no_rank() -> None:
    text = "Exports rose.\n\n1 United States 17,770\n2 Saudi Arabia 12,136\n"
    assert not [c for c in check(text, DAY).claims if c.type.endswith("rank")]
