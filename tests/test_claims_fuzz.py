"""Property test: 10,000 generated inputs (random text, unicode, huge numbers, empty, binary-ish) never raise."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.analyses.claims.extract import extract, warm
from realpolitik.analyses.claims.numbers import find_lengths, find_periods, find_ranks, find_shares
from realpolitik.analyses.claims.reader import read_text

FRAGMENTS = [
    "More than 60% of Azerbaijani weapons come from Israel.", "Israel's", "Azerbaijan", "its", "the country",
    "24th largest oil producer", "689 km border with Iran", "two-thirds", "half of", "per cent", "%", "since 1979",
    "between 2011 and 2020", "in 2016–20", "over the past five years", "Harop drones", "delivered to", "rivals",
    "export partner", "3rd", "nearly", "about", "at least", "less than", "nine in ten", "\n\n", " ", ",", ";",
    "99999999999999999999999999", "1e308", "-5%", "2099–1900", "0.0000001%", "Baku", "Iranian", "US", "U.S.",
    "<p>", "</p>", "<script>", "**", "# ", "date 2024-13-45", "\x00", "\ufeff", "ﬁ", "ß", "İ", "🛢️", "\u202e",
]  # fmt: skip
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)
binaryish = st.binary(max_size=300).map(lambda b: b.decode("latin-1"))
huge = st.integers(min_value=-(10**60), max_value=10**60).map(
    lambda n: f"Israel supplied {n}% of Azerbaijan's arms in {n}."
)
inputs = st.one_of(
    st.text(max_size=300), fragments, binaryish, huge, st.just(""), st.just("\n" * 50)
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(
    max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
@given(inputs, days)
def test_extract_never_raises(text: str, today: date) -> None:
    warm()
    claims = extract(text, today)
    for c in claims:
        assert 0 <= c.span[0] <= c.span[1] <= len(text)
        assert c.text == text[c.span[0] : c.span[1]]
    find_shares(text)
    find_ranks(text)
    find_lengths(text)
    find_periods(text, today)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(inputs)
def test_reader_never_raises(text: str) -> None:
    doc = read_text(text, None, today=date(2024, 1, 1))
    assert isinstance(doc.text, str)
