"""Hedges, number forms, ordinals, lengths, periods and the tolerance table."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.numbers import (
    find_lengths,
    find_periods,
    find_ranks,
    find_shares,
    ordinal,
    word_number,
)

TODAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "value", "comparator", "form"),
    [
        ("more than 60%", 60, "gt", "digits"),
        ("over 60 per cent", 60, "gt", "digits"),
        ("nearly 60 percent", 60, "nearly", "digits"),
        ("about 7%", 7, "approx", "digits"),
        ("roughly two-thirds", 200 / 3, "approx", "fraction"),
        ("at least a quarter", 25, "ge", "fraction"),
        ("less than a third", 100 / 3, "lt", "fraction"),
        ("almost half", 50, "nearly", "fraction"),
        ("some 17 per cent", 17, "approx", "digits"),
        ("a tenth", 10, "eq", "fraction"),
        ("sixty per cent", 60, "eq", "words"),
        ("sixty-seven percent", 67, "eq", "words"),
        ("25.9%", 25.9, "eq", "digits"),
        ("no more than 30%", 30, "le", "digits"),
        ("just under 60 percent", 60, "lt", "digits"),
        ("more than nine in ten", 90, "gt", "fraction"),
        ("the majority of", 50, "gt", "quantifier"),
    ],
)
def test_shares(text: str, value: float, comparator: str, form: str) -> None:
    (s,) = find_shares(text)
    assert s.value == pytest.approx(value)
    assert (s.comparator, s.form) == (comparator, form)


def test_no_share_in_plain_numbers() -> None:
    assert find_shares("In 2020 the army had 60 tanks and 3 brigades.") == []
    assert find_shares("150% growth") == []  # shares above 100 are not shares


def test_ranks() -> None:
    assert [(r.value, r.comparator) for r in find_ranks("the 24th largest oil producer")] == [
        (24, "eq")
    ]
    assert [r.value for r in find_ranks("its third-biggest partner")] == [3]
    assert [r.value for r in find_ranks("it ranked 26th")] == [26]
    assert [r.value for r in find_ranks("the twenty-fourth largest")] == [24]
    assert [(r.value, r.comparator) for r in find_ranks("among the top five importers")] == [
        (5, "le")
    ]
    assert [r.value for r in find_ranks("Azerbaijan's largest supplier")] == [1]
    assert ordinal("3rd") == 3 and ordinal("third") == 3 and ordinal("twenty-fourth") == 24
    assert word_number("sixty-seven") == 67 and word_number("banana") is None


def test_lengths() -> None:
    (a,) = find_lengths("a 689 km border")
    assert (a.km, a.comparator) == (689, "eq")
    (b,) = find_lengths("nearly 700-kilometre frontier")
    assert (b.km, b.comparator) == (700, "nearly")
    (c,) = find_lengths("about 430 miles")
    assert c.km == pytest.approx(692.0, abs=0.1) and c.unit == "mi"
    (d,) = find_lengths("a 1,200-kilometre border")
    assert d.km == 1200


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("in 2016–20", 2016, 2020, "range"),
        ("in 2016-2020", 2016, 2020, "range"),
        ("between 2011 and 2020", 2011, 2020, "between"),
        ("from 2011 to 2020", 2011, 2020, "fromto"),
        ("since 1979", 1979, 2023, "since"),
        ("over the past five years", 2019, 2023, "past"),
        ("in the last decade", 2014, 2023, "past"),
        ("in the five years to 2020", 2016, 2020, "years_to"),
        ("last year", 2023, 2023, "lastyear"),
        ("in 2020", 2020, 2020, "year"),
    ],
)
def test_periods(text: str, start: int, end: int, kind: str) -> None:
    (p,) = find_periods(text, TODAY)
    assert (p.start, p.end, p.kind) == (start, end, kind)


def test_period_not_a_length_or_share() -> None:
    assert find_periods("a 2000 km border", TODAY) == []


# --- tolerance table ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "value", "comparator", "form", "decimals", "holds"),
    [
        (67.7, 68, "eq", "digits", 0, True),
        (67.7, 69, "eq", "digits", 0, False),  # a whole number covers ±1 pp
        (25.9, 25.9, "eq", "digits", 1, True),
        (25.96, 25.9, "eq", "digits", 1, False),
        (65.1, 200 / 3, "eq", "fraction", 0, True),  # fractions ±3 pp
        (59.7, 60, "eq", "words", 0, True),
        (59.7, 60, "gt", "digits", 0, False),
        (61.3, 60, "gt", "digits", 0, True),
        (59.7, 60, "nearly", "digits", 0, True),
        (61.0, 60, "nearly", "digits", 0, False),  # 'nearly' does not cover overshoot
        (54.5, 60, "nearly", "digits", 0, True),
        (40.2, 40, "approx", "digits", 0, True),
        (45.0, 40, "approx", "digits", 0, False),
        (25.9, 25, "ge", "fraction", 0, True),
        (40.2, 100 / 3, "lt", "fraction", 0, False),
        (None, 50, "gt", "fraction", 0, None),
    ],
)
def test_share_tolerance(actual, value, comparator, form, decimals, holds) -> None:
    assert T.share_holds(actual, value, comparator, form, decimals) is holds


def test_other_tolerances() -> None:
    assert (
        T.length_holds(689, 689, "eq")
        and T.length_holds(689, 700, "nearly")
        and not T.length_holds(689, 1200, "eq")
    )
    assert T.length_holds(689, 692, "approx") and not T.length_holds(338, 390, "approx")
    assert T.rank_holds(24, 24) and not T.rank_holds(26, 24) and T.rank_holds(3, 5, "le")
    assert T.year_holds(1979, 1979) and T.year_holds(1980, 1979) and not T.year_holds(1948, 1979)
    with pytest.raises(ValueError):
        T.share_bounds(1, "sort-of")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 1000), st.sampled_from(["%", " per cent", " percent"]))
def test_share_digits_roundtrip(tenths: int, unit: str) -> None:
    v = tenths / 10
    text = f"{v:g}{unit}"
    (s,) = find_shares(f"Israel supplied {text} of the arms")
    assert s.value == pytest.approx(v)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 100), st.sampled_from(["eq", "approx", "nearly", "gt", "ge", "lt", "le"]))
def test_bounds_contain_claim_when_inclusive(c: float, comparator: str) -> None:
    lo, hi = T.share_bounds(c, comparator)
    assert lo <= hi
    if comparator in {"eq", "approx", "nearly", "ge", "le"}:
        assert lo <= c <= hi


def test_percent_sign_first_and_ranges_with_one_unit() -> None:
    from realpolitik.analyses.claims.numbers import find_shares

    assert [s.value for s in find_shares("India (%15), China (%5,5)")] == [15.0, 5.5]
    assert [s.value for s in find_shares("its share went from 72 to 56 per cent")] == [72.0, 56.0]
    assert find_shares("it rose from 2010 to 2014") == []
