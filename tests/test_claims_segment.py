"""Stage 1 — segment: sentences and clauses of news prose (abbreviations, acronyms, decimals, bullets)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.analyses.claims.segment import MAX_SENTENCE, segment


def texts(text: str) -> list[str]:
    doc = segment(text)
    return [doc.sentence_text(s) for s in doc.sentences]


def test_sentences_and_abbreviations() -> None:
    assert texts("The U.S. Embassy in Baku said so. Mr. Aliyev agreed. It was 3.6 per cent.") == [
        "The U.S. Embassy in Baku said so.",
        "Mr. Aliyev agreed.",
        "It was 3.6 per cent.",
    ]
    # a dotted acronym ends a sentence when the next word opens one
    assert texts("Most arms came from the U.S. The rest came from Germany.") == [
        "Most arms came from the U.S.",
        "The rest came from Germany.",
    ]
    assert texts('He said "Russia was first." Then he left.') == [
        'He said "Russia was first."',
        "Then he left.",
    ]


def test_paragraphs_bullets_and_initials() -> None:
    doc = segment(
        "First line of a paragraph\nwrapped here.\n\nSecond paragraph. w Bullet text follows."
    )
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    assert doc.sentence_text(doc.sentences[0]) == "First line of a paragraph\nwrapped here."
    assert doc.sentence_text(doc.sentences[2]) == "w Bullet text follows."
    assert texts("J. Smith wrote it.") == ["J. Smith wrote it."]


def test_clauses() -> None:
    doc = segment("Italy takes 37% of exports, while Israel takes 5%; the rest goes elsewhere.")
    (s,) = doc.sentences
    assert [doc.text[a:b] for a, b in s.clauses] == [
        "Italy takes 37% of exports",
        "Israel takes 5%",
        "the rest goes elsewhere.",
    ]


def test_runaway_sentences_are_cut() -> None:
    doc = segment("word " * 2000)
    assert all(s.end - s.start <= MAX_SENTENCE for s in doc.sentences)
    assert len(doc.sentences) >= 2000 * 5 // MAX_SENTENCE


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"'(U.S)")), max_size=400))
def test_spans_are_ordered_disjoint_and_inside(text: str) -> None:
    doc = segment(text)
    last = 0
    for s in doc.sentences:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]
        for a, b in s.clauses:
            assert s.start <= a < b <= s.end
        last = s.end
