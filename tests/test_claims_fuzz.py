"""Property tests: generated inputs (random text, fragments of real claim patterns, unicode with lone
surrogates, huge numbers, binary-ish text) never raise, and every claim's span indexes its text.

The fragment grammar carries most of the coverage (it builds sentences the reader actually parses:
lists, hedges, periods, anaphors, new claim kinds), so fewer examples are needed than with random text.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.extract import extract, warm
from realpolitik.analyses.claims.numbers import (
    find_changes,
    find_lengths,
    find_periods,
    find_ranks,
    find_shares,
)
from realpolitik.analyses.claims.reader import read_text

FRAGMENTS = [
    "More than 60% of Azerbaijani weapons come from Israel.", "Israel's", "Azerbaijan", "its", "the country",
    "this country", "the Kingdom", "the Gulf state", "which", "24th largest oil producer", "689 km border with Iran",
    "borders", "two-thirds", "half of", "per cent", "%", "since 1979", "between 2011 and 2020", "in 2016–20",
    "over the past five years", "the five years to 2019", "than in 2010–14", "during that period", "Harop drones",
    "delivered to", "rivals", "arch-rival", "export partner", "3rd", "second", "a close second", "followed by",
    "respectively", "each", "the top five arms importers were", "among the top 10", "not among the first three",
    "(6.8 per cent)", "rose by 43 per cent", "halved", "three times as high", "the Middle East", "accounted for",
    "together", "nearly", "about", "at least", "less than", "nine in ten", "once", "in every period since",
    "Elbit", "upgrade of", "T-72 tanks", "Aliyev", "Sweden-based", "the Swedish firm", "US states",
    "\n\n", " ", ",", ";", " — ", "w ", "99999999999999999999999999", "1e308", "-5%", "2099–1900",
    "0.0000001%", "Baku", "Iranian", "US", "U.S.", "<p>", "</p>", "<script>", "**", "# ", "date 2024-13-45",
    "\x00", "\ufeff", "\ud800", "\udfff", "ﬁ", "ß", "İ", "🛢️", "\u202e", "(((", '"""', "<<<", "![", "``",
]  # fmt: skip
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join)
binaryish = st.binary(max_size=300).map(lambda b: b.decode("latin-1"))
surrogates = st.text(
    alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=40
)
huge = st.integers(min_value=-(10**60), max_value=10**60).map(
    lambda n: f"Israel supplied {n}% of Azerbaijan's arms in {n}."
)
inputs = st.one_of(
    st.text(max_size=300),
    fragments,
    fragments,
    binaryish,
    surrogates,
    huge,
    st.just(""),
    st.just("\n" * 50),
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=2500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(inputs, days)
def test_extract_never_raises(text: str, today: date) -> None:
    warm()
    doc = read_text(text, today, today=today)
    claims = extract(doc.text, today)
    for c in claims:
        assert 0 <= c.span[0] <= c.span[1] <= len(doc.text)
        assert c.text == doc.text[c.span[0] : c.span[1]]
    find_shares(text)
    find_ranks(text)
    find_lengths(text)
    find_changes(text)
    find_periods(text, today)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(inputs)
def test_reader_never_raises(text: str) -> None:
    doc = read_text(text, None, today=date(2024, 1, 1))
    assert isinstance(doc.text, str)
    doc.text.encode("utf-8")  # printable: no lone surrogates survive


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(fragments, st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
def test_check_never_raises(text: str, today: date) -> None:
    """The whole check, verification included, on sentences the reader parses."""
    report = check(text, today.isoformat())
    for c in report.to_dict()["claims"]:
        assert c["verdict"] in {"supported", "contradicted", "mixed", "unverifiable"}
        assert not c["evidence"].get("error"), c["evidence"]
    report.to_json()
    report._repr_html_()
