"""Factbook religion text: ranges stay ranges, unseparated items split, notes are not religions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.sources.factbook import parse_religions


def rows(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(r["religion"], r["share"], r["share_text"]) for r in parse_religions(text)[0]]


def test_ranges_are_not_single_figures():
    got = rows("Greek Orthodox 81-90%, Muslim 2%, none 4-15% (2015 est.)")
    assert got == [
        ("Greek Orthodox", None, "81–90%"),
        ("Muslim", 0.02, "2%"),
        ("none", None, "4–15%"),
    ]


def test_source_typos():
    assert rows("Muslim 98% (Sunni 95%, Shia 3%) other 2% (2014 est.)") == [
        ("Muslim", 0.98, "98%"),
        ("other", 0.02, "2%"),
    ]
    assert rows("Maori 1.3%, Muslim, 1.3%, Buddhist 1.1%")[1] == ("Muslim", 0.013, "1.3%")
    assert [r[0] for r in rows("believer, 0.2%. agnostic 1%")] == ["believer", "agnostic"]
    assert [
        r[0]
        for r in rows(
            "Muslim 99% (official), other 1%; note - Jewish about 3,000-3,500 (2020 est.)"
        )
    ] == ["Muslim", "other"]


def test_real_store_has_no_fragment_religions(store):
    bad = store.sql(
        r"SELECT id, religion FROM factbook_religions WHERE religion LIKE '%-' OR regexp_matches(religion, '\d')"
    )
    assert bad.empty, bad


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_shares_are_fractions(text):
    for r in parse_religions(text)[0]:
        assert (
            r["share"] is None or 0 <= r["share"] <= 10
        )  # a fraction of 1 (the source has no shares > 100 %)
