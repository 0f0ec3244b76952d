"""Readings for failure patterns of an unseen batch of real articles (issue 14), each tested on
sentences of our own wording: friction wording as rivalry, rank vocabulary, earlier ranks, lists
continued across sentences, numbered lists, epithets, gapped share transitions."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.extract import extract

DAY = date(2024, 5, 1)


def got(text: str, day: date = DAY) -> set[tuple]:
    """(type, subject, object, rank or value, comparator) of every claim read from `text`."""
    return {
        (
            c.type,
            c.subject,
            c.object,
            c.claimed.get("rank", c.claimed.get("value")),
            c.claimed.get("comparator"),
        )
        for c in extract(text, day)
    }


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("India has long faced tensions with Pakistan and China.", {("IND", "PAK"), ("IND", "CHN")}),
        ("Armed clashes between Armenia and Azerbaijan resumed in 2022.", {("ARM", "AZE")}),
        ("Border skirmishes between India and China have grown.", {("IND", "CHN")}),
        ("Pakistan has tense relations with India and Afghanistan.", {("PAK", "IND"), ("PAK", "AFG")}),
    ],
)
def test_friction_with_a_named_state_is_a_rivalry(text: str, pairs: set) -> None:
    report = check(text, DAY)
    assert {(c.subject, c.object) for c in report.claims if c.type == "rivalry"} == pairs
    assert all(c.verdict == "supported" for c in report.claims if c.type == "rivalry")


def test_friction_without_a_state_it_is_with_is_no_rivalry() -> None:
    assert not [c for c in extract("Tensions rose after the election in India.", DAY) if c.type == "rivalry"]
