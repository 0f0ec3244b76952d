"""Anaphora inside one sentence (sentences of our own wording, several paraphrases each): a
description ("the country", "the kingdom") after a coordinator takes the subject of the earlier
clause, not the previous sentence's subject; a state inside an appositive after another state is
not the antecedent of the main clause's "its"."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)


def claims(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(c.type, c.subject, c.object, c.verdict) for c in check(text, DAY).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt bought 4% of global arms imports in 2019-23. Meanwhile, Turkey's arms imports "
            "fell sharply, and the country now ranks 11th among exporters.",
            ("arms_global_rank", "TUR", None, "supported"),
        ),
        (
            "Egypt bought 4% of global arms imports in 2019-23. Turkey's weapons purchases dropped, "
            "but the nation is now the 12th largest arms exporter.",
            ("arms_global_rank", "TUR", None, "contradicted"),
        ),
        (
            "India took 10% of global arms imports in 2019-23. By contrast, Saudi Arabia's arms "
            "exports stayed small, and the kingdom ranked second among importers.",
            ("arms_global_rank", "SAU", None, "supported"),
        ),
        (
            "Egypt bought 4% of global arms imports in 2019-23. Turkey's imports fell; the country "
            "is now the 11th largest exporter of arms.",
            ("arms_global_rank", "TUR", None, "supported"),
        ),
    ],
)
def test_a_description_after_a_coordinator_is_the_earlier_clauses_subject(
    text: str, expected: tuple
) -> None:
    got = claims(text)
    assert expected in got
    assert not [c for c in got if c[0] == "arms_global_rank" and c[1] in {"EGY", "IND"}]


def test_the_previous_sentences_subject_still_wins_without_a_state_in_this_sentence() -> None:
    got = claims(
        "Egypt bought 4% of global arms imports in 2019-23. The country now ranks 6th among "
        "importers."
    )
    assert ("arms_global_rank", "EGY", None, "supported") in got


@pytest.mark.parametrize(
    "text",
    [
        "Algeria, Egypt's neighbour to the west, buys almost all of its weapons from Russia.",
        "Algeria, which borders Morocco and Libya, buys almost all of its weapons from Russia.",
        "Algeria (Morocco's rival next door) gets almost all of its arms from Russia.",
        "Algeria — a neighbour of Egypt's ally Libya — buys almost all of its weapons from Russia.",
        "Algeria, a large North African state bordering Tunisia, buys almost all of its weapons "
        "from Russia.",
    ],
)
def test_a_state_inside_an_appositive_is_not_the_antecedent_of_its(text: str) -> None:
    got = [c for c in claims(text) if c[0] == "arms_import_share"]
    assert got, text
    # Russia's share of Algeria's imports was 46 % in 2019–23, above 90 % in 2004–12: mixed
    assert got == [("arms_import_share", "DZA", "RUS", "mixed")]


def test_a_list_of_states_is_not_an_appositive() -> None:
    got = [
        c
        for c in claims(
            "Algeria, Egypt, Morocco and Iraq together took 12% of global arms imports."
        )
        if c[0] == "arms_group_share"
    ]
    assert got


def test_a_possessive_head_keeps_its_appositive_reading() -> None:
    # "Algeria's neighbour, Morocco, …": the appositive names the subject, so "its" is Morocco's
    got = claims("Algeria's neighbour, Morocco, buys most of its weapons from the United States.")
    assert ("arms_import_share", "MAR", "USA", "supported") in got


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan fought in 2020. Russia was the principal arms supplier to both of "
        "them in 2014-18.",
        "Armenia and Azerbaijan fought in 2020. Russia was the main supplier of weapons to the two "
        "countries in 2014-18.",
        "Armenia and Azerbaijan fought in 2020. Russia was the largest arms supplier to both "
        "states in 2014-18.",
        "Russia was the principal arms supplier to Armenia and Azerbaijan in 2014-18.",
        "Russia was the principal arms supplier to Armenia and to Azerbaijan in 2014-18.",
    ],
)
def test_a_rank_over_two_recipients_is_one_claim_per_recipient(text: str) -> None:
    got = [c for c in claims(text) if c[0] == "arms_top_supplier"]
    # Russia was first for both in 2014–18 (100 % of Armenia's, 49 % of Azerbaijan's imports)
    assert sorted(got) == [
        ("arms_top_supplier", "ARM", "RUS", "supported"),
        ("arms_top_supplier", "AZE", "RUS", "supported"),
    ]


def test_a_plural_anaphor_needs_two_states_before() -> None:
    got = claims(
        "Armenia, Azerbaijan and Georgia bought arms. Russia was the main arms supplier to both "
        "of them in 2014-18."
    )
    assert not [c for c in got if c[0] == "arms_top_supplier"]
