"""Stage 2 — mentions: states in their written forms, non-state uses, organisations, anaphora."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims.extract import analyse
from realpolitik.analyses.claims.mentions import find


def named(text: str, year: int = 2024) -> list[tuple[str, str | None, str, bool]]:
    return [(m.text, m.id, m.form, m.blocked) for m in find(text, 0, len(text), year)]


def resolved(text: str) -> list[list[tuple[str, str | None]]]:
    """Per sentence: (surface, id) of every mention, anaphors resolved."""
    a = analyse(text, date(2024, 6, 1))
    return [[(m.text, m.id) for m in s.mentions if m.id] for s in a.sentences]


def test_names_forms_and_case() -> None:
    got = named("Azeri oil, Baku's drones, the U.S. and the UAE; turkey is a bird, Turkey a state.")
    assert ("Azeri", "AZE", "demonym", False) in got
    assert ("Baku", "AZE", "capital", False) in got
    assert ("U.S.", "USA", "abbrev", False) in got and ("UAE", "ARE", "abbrev", False) in got
    assert [g for g in got if g[1] == "TUR"] == [("Turkey", "TUR", "name", False)]


def test_non_state_uses_are_blocked() -> None:
    got = named("Sweden-based SIPRI, the Swedish firm and the top oil-producing US states.")
    assert ("Sweden", "SWE", "name", True) in got
    assert ("Swedish", "SWE", "demonym", True) in got
    assert ("US", "USA", "abbrev", True) in got
    assert ("SIPRI", None, "org", False) in got


def test_organisations_hide_their_place_names() -> None:
    got = named(
        "the Stockholm International Peace Research Institute and the U.S. Energy Information Administration"
    )
    assert [g[2] for g in got] == ["org", "org"]


def test_companies_and_leaders() -> None:
    assert ("Elbit Systems", "ISR", "company", False) in named("Elbit Systems upgraded the tanks.")
    assert ("Aliyev", "AZE", "leader", False) in named("Aliyev met the envoy.", 2020)
    assert named("Raisi met the envoy.", 2010) == []  # outside his years


def test_anaphora() -> None:
    # 'its' → the state named just before it; 'this country' → the state named last before the sentence
    s = resolved(
        "Azerbaijan is the second buyer of arms from Israel. Azerbaijan purchases 17 percent of the weapons of this country."
    )
    assert ("this country", "ISR") in s[1]
    # 'the country' → the most salient state so far (not the other states of its own clause)
    s = resolved(
        "Pakistan ranked eleventh among importers. Arch-rival India was second. China, Russia and Italy were the main suppliers of arms to the country."
    )
    assert ("the country", "PAK") in s[2]
    # a description names a class: the most salient state of it
    s = resolved(
        "Saudi Arabia and Egypt signed deals. The Kingdom also bought jets. The Gulf state paid cash."
    )
    assert ("The Kingdom", "SAU") in s[1] and ("The Gulf state", "SAU") in s[2]
    # 'which' after a state is that state
    assert ("which", "ISR") in resolved("Qatar and Israel, which accounted for 3.6% of sales.")[0]


def test_bare_korea_is_south_korea() -> None:
    # "Korea" is also the pre-1910 COW state (XKR): modern prose means the resolver's pick
    assert ("Korea", "KOR", "name", False) in named("Korea sold howitzers to Poland.")


def test_an_organisations_seat_is_not_a_subject() -> None:
    got = named("A study by SIPRI in Sweden, and the institute in Norway, said so.")
    assert ("Sweden", "SWE", "name", True) in got and ("Norway", "NOR", "name", True) in got
    s = resolved("The think tank SIPRI in Sweden published data on Poland. It imported more tanks.")
    assert ("It", "POL") in s[1]
