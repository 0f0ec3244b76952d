"""Readings for failure patterns of a fifth unseen batch of real articles, each tested on sentences
of our own wording against the bundled data: ranks from list order, changes in parenthesised lists,
ranks without an ordinal, anaphora, shares of one state's exports, deals with coordinated parties."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)  # SIPRI's default window: 2019–23
LEAD = "SIPRI published its new data on international arms transfers. "


def claims_of(text: str, kind: str, day: date = DAY) -> list:
    """The claims of one type the checker reads in a text."""
    return [c for c in check(text, day).claims if c.type == kind]


# --- 2. changes in parenthesised lists ------------------------------------------------------
# `realpolitik arms top exporters` 2014–18 → 2019–23: France +46 %, Italy +84 %, Russia −52 %


@pytest.mark.parametrize(
    "text",
    [
        "Arms exports of France (+46 %), Italy (+84 %) and Russia (–52 %) went different ways.",
        "Exports by France (+46 per cent), Italy (+84 per cent) and Russia (-52 per cent) changed sharply.",
    ],
)
def test_each_item_of_a_parenthesised_list_of_changes_is_a_change(text: str) -> None:
    got = {
        (c.subject, c.claimed["value"], c.claimed["kind"], c.verdict)
        for c in claims_of(LEAD + text, "arms_volume_change")
    }
    assert got == {
        ("FRA", 46.0, "exports", "supported"),
        ("ITA", 84.0, "exports", "supported"),
        ("RUS", -52.0, "exports", "supported"),
    }


def test_a_decimal_item_does_not_end_the_list() -> None:
    text = LEAD + "Arms imports of India (+5.4 %), Qatar (+428 %) and Egypt (–26 %) moved apart."
    got = {(c.subject, c.verdict) for c in claims_of(text, "arms_volume_change")}
    assert got == {("IND", "supported"), ("QAT", "supported"), ("EGY", "supported")}


def test_a_flow_from_a_supplier_in_parentheses_is_no_change_of_the_supplier() -> None:
    text = LEAD + "India's arms imports from Russia (–34 %) and France (+20 %) shifted."
    assert not claims_of(text, "arms_volume_change")


@pytest.mark.parametrize(
    "text",
    [
        "Qatar, whose arms imports rose 428 per cent, became the third-largest importer.",
        "Russia, which saw its arms exports fall by 52 per cent, dropped behind France.",
    ],
)
def test_a_change_in_a_relative_clause_is_the_antecedents(text: str) -> None:
    (c,) = claims_of(LEAD + text, "arms_volume_change")
    assert c.subject in {"QAT", "RUS"} and c.verdict == "supported"
