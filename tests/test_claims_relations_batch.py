"""Relations named in passing in real journalism (issue 14), each tested on sentences of our own
wording against the bundled data: shared borders in list and distributive forms, rivalries told
through wars or idioms (never with a state carried over from earlier sentences), and named deals
whose parties come from the sentence before or from a demonym."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims_helpers import DAY, claims_of


def pairs(text: str, kind: str, day: date = DAY) -> set[tuple[frozenset[str], str]]:
    """(unordered pair, verdict) of each claim of one type."""
    return {(frozenset((c.subject, c.object)), c.verdict) for c in claims_of(text, kind, day)}


# --- 1. borders ---------------------------------------------------------------------------------
# `realpolitik border ARM GEO` etc.: all land borders (COW contiguity type 1)


@pytest.mark.parametrize(
    "text",
    [
        "Armenia, Azerbaijan and Georgia all share borders with one another.",
        "Armenia, Azerbaijan and Georgia share borders with each other.",
        "Armenia, Azerbaijan and Georgia border one another.",
    ],
)
def test_a_mutual_border_of_a_list_is_one_claim_per_pair(text: str) -> None:
    got = {(c.subject, c.object, c.verdict, c.rule) for c in claims_of(text, "shared_border")}
    assert {(s, o, v) for s, o, v, _ in got} == {
        ("ARM", "AZE", "supported"),
        ("ARM", "GEO", "supported"),
        ("AZE", "GEO", "supported"),
    }
    assert all(c.claimed == {} for c in claims_of(text, "shared_border"))


def test_a_mutual_border_with_a_non_neighbour_is_contradicted_for_that_pair() -> None:
    # `realpolitik border ARM RUS`: no land border (113 km apart)
    got = pairs("Armenia, Georgia and Russia all share borders with one another.", "shared_border")
    assert got == {
        (frozenset({"ARM", "GEO"}), "supported"),
        (frozenset({"GEO", "RUS"}), "supported"),
        (frozenset({"ARM", "RUS"}), "contradicted"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Armenia borders Georgia and Iran.",
        "Armenia, which borders Georgia and Iran, is landlocked.",
        "Armenia shares a border with Georgia and Iran.",
    ],
)
def test_a_state_bordering_a_list_borders_each(text: str) -> None:
    got = {(c.subject, c.object, c.verdict) for c in claims_of(text, "shared_border")}
    assert got == {("ARM", "GEO", "supported"), ("ARM", "IRN", "supported")}


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan are neighbours. The two neighbours share a border.",
        "India and Pakistan met again. The two countries share a long border.",
        "India and Pakistan met again. Both countries share a border.",
    ],
)
def test_the_two_neighbours_share_a_border_is_the_pair_before(text: str) -> None:
    assert pairs(text, "shared_border") == {(frozenset({"IND", "PAK"}), "supported")}


def test_a_border_is_read_as_of_the_article_date() -> None:
    # COW: Sudan–Kenya contiguity ends with South Sudan's independence (2011)
    text = "Sudan borders Kenya."
    assert pairs(text, "shared_border", date(2010, 6, 1)) == {
        (frozenset({"SDN", "KEN"}), "supported")
    }
    assert pairs(text, "shared_border", date(2024, 6, 1)) == {
        (frozenset({"SDN", "KEN"}), "contradicted")
    }


def test_a_border_length_stays_a_length_claim() -> None:
    cs = claims_of("Azerbaijan shares a 689 km border with Iran.", "border_length")
    assert [(c.subject, c.object, c.claimed["km"], c.verdict) for c in cs] == [
        ("AZE", "IRN", 689.0, "supported")
    ]
    assert not claims_of("Azerbaijan shares a 689 km border with Iran.", "shared_border")


# --- 2. rivalries named in passing --------------------------------------------------------------
# `realpolitik rivals IND`: Pakistan 1947–; `rivals ARM`: Azerbaijan 1991–; `rivals IRN`: Israel,
# Saudi Arabia 1979–


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan, the two nuclear-armed neighbours, who have fought three wars, test missiles.",
        "India and Pakistan have fought three wars since independence.",
        "The nuclear-armed neighbours India and Pakistan have gone to war four times.",
        "India and Pakistan are neighbours. The two neighbours have fought several wars.",
    ],
)
def test_a_rivalry_told_by_its_wars_is_a_rivalry(text: str) -> None:
    cs = claims_of(text, "rivalry")
    assert [(frozenset((c.subject, c.object)), c.verdict) for c in cs] == [
        (frozenset({"IND", "PAK"}), "supported")
    ]
    assert cs[0].claimed["since"] is None  # the wars date no start of the rivalry


@pytest.mark.parametrize(
    "text",
    [
        "Armenia has fought two wars with Azerbaijan.",
        "Armenia, which fought a war against Azerbaijan in 2020, buys Indian guns.",
    ],
)
def test_wars_with_a_state_are_a_rivalry_with_it(text: str) -> None:
    cs = claims_of(text, "rivalry")
    assert [(c.subject, c.object, c.verdict) for c in cs] == [("ARM", "AZE", "supported")]


def test_wars_between_states_coded_as_no_rivalry_are_contradicted() -> None:
    # `realpolitik rivals IND`: Bhutan is no rival of India
    assert pairs("India and Bhutan have fought three wars.", "rivalry") == {
        (frozenset({"IND", "BTN"}), "contradicted")
    }


@pytest.mark.parametrize(
    "text",
    [
        "India's arch-rival Pakistan tested a missile.",
        "Pakistan and India are regional rivals.",
        "India remains in rivalry with Pakistan.",
        "India's long-standing foe Pakistan tested a missile.",
    ],
)
def test_a_rivalry_epithet_names_the_pair(text: str) -> None:
    assert pairs(text, "rivalry") == {(frozenset({"IND", "PAK"}), "supported")}


def test_the_enemy_of_my_enemy_is_a_rivalry_of_each_with_the_foe() -> None:
    text = "Saudi Arabia and Israel follow the logic of the enemy of my enemy against Iran."
    assert pairs(text, "rivalry") == {
        (frozenset({"SAU", "IRN"}), "supported"),
        (frozenset({"ISR", "IRN"}), "supported"),
    }
    # without the foe named, the idiom names no pair (the two sharers are no rivals)
    assert not claims_of("Saudi Arabia and Israel follow the enemy of my enemy.", "rivalry")


def test_an_epithet_takes_the_subject_of_the_sentence_just_before() -> None:
    text = "Pakistan ranked 11th among importers. Arch-rival India was second."
    assert pairs(text, "rivalry") == {(frozenset({"IND", "PAK"}), "supported")}


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan ranked 11th among importers in 2019–23. Its imports rose by 43 per cent. "
        "Experts expect more orders. Arch-rival India was second.",
        "Pakistan ranked 11th among importers in 2019–23. Its imports rose by 43 per cent. "
        "Experts expect more orders. Tensions with India rose.",
    ],
)
def test_a_rivalry_never_takes_a_subject_from_several_sentences_back(text: str) -> None:
    assert not claims_of(text, "rivalry")


# --- 3. deals -----------------------------------------------------------------------------------
# `realpolitik arms deals ISR AZE`: Harop, Hermes-900, Barak-8; `TUR UKR`: Bayraktar TB2;
# `RUS IND`: Su-30MK/Su-30MKI, T-90S, S-400 Triumf


@pytest.mark.parametrize(
    "text",
    [
        "Israel has sold many weapons to Azerbaijan. This included Harop loitering munitions and Hermes 900 drones.",
        "Israel has supplied arms to Azerbaijan for years. Among them were Harop loitering munitions and Hermes 900 drones.",
        "Israel delivered weapons to Azerbaijan. These included Harop loitering munitions and Hermes 900 drones.",
    ],
)
def test_a_list_after_a_transfer_takes_its_supplier_and_recipient(text: str) -> None:
    got = {
        (c.subject, c.object, c.claimed["designation"], c.verdict)
        for c in claims_of(text, "arms_deal")
    }
    assert got == {
        ("ISR", "AZE", "Harop", "supported"),
        ("ISR", "AZE", "Hermes 900", "supported"),
    }


def test_a_list_after_a_transfer_names_a_wrong_item_as_contradicted() -> None:
    # Harop is in the register, but for Israel → Azerbaijan/India …, not Russia → India
    got = {
        (c.subject, c.object, c.claimed["designation"], c.verdict)
        for c in claims_of(
            "Russia sold arms to India. These included T-90 tanks and Harop loitering munitions.",
            "arms_deal",
        )
    }
    assert got == {
        ("RUS", "IND", "T-90", "supported"),
        ("RUS", "IND", "Harop", "contradicted"),
    }


@pytest.mark.parametrize(
    "text,want",
    [
        ("Turkish TB2 drones bought by Ukraine struck columns in 2022.", ("TUR", "UKR", "TB2")),
        (
            "Bayraktar TB2 drones, Turkish-made and ordered by Ukraine, arrived.",
            ("TUR", "UKR", "Bayraktar TB2"),
        ),
        ("Azerbaijan deployed Israeli Harop drones in 2020.", ("ISR", "AZE", "Harop")),
        ("India bought Russian S-400 systems.", ("RUS", "IND", "S-400")),
    ],
)
def test_a_supplier_named_by_a_demonym(text: str, want: tuple[str, str, str]) -> None:
    got = {
        (c.subject, c.object, c.claimed["designation"], c.verdict)
        for c in claims_of(text, "arms_deal")
    }
    assert got == {(*want, "supported")}


def test_a_demonym_with_no_recipient_named_is_no_deal() -> None:
    assert not claims_of("Turkish TB2 drones struck Russian columns in 2022.", "arms_deal")


@pytest.mark.parametrize(
    "text",
    [
        "The United Kingdom and France fought two wars together.",
        "India and Pakistan, the two nuclear-armed neighbours, met in Astana.",
        "Pakistan has fought a war on terror with Afghanistan's help.",
    ],
)
def test_wars_fought_side_by_side_or_neighbours_alone_are_no_rivalry(text: str) -> None:
    assert not claims_of(text, "rivalry")


# `realpolitik arms deals TUR UKR`: Bayraktar TB2 ordered 2018, delivered 2019; the register lists
# Harop only from Israel and TB2 only from Türkiye; F-16s come from several suppliers


@pytest.mark.parametrize(
    "text,want",
    [
        ("Ukraine bought Bayraktar TB2 drones in 2019.", ("TUR", "UKR", "supported")),
        ("Azerbaijan ordered Harop loitering munitions in 2016.", ("ISR", "AZE", "supported")),
        ("Ukraine ordered Harop loitering munitions in 2016.", ("ISR", "UKR", "contradicted")),
    ],
)
def test_an_unnamed_supplier_is_the_designations_sole_maker(
    text: str, want: tuple[str, str, str]
) -> None:
    cs = claims_of(text, "arms_deal")
    assert [(c.subject, c.object, c.verdict) for c in cs] == [want]
    assert cs[0].claimed["supplier"] == "implicit"
    assert "names no supplier" in cs[0].evidence["notes"][0]


def test_a_designation_of_several_suppliers_names_no_maker() -> None:
    assert not claims_of("Chile bought F-16 fighter jets in 2006.", "arms_deal")


@pytest.mark.parametrize(
    "text",
    [
        "Armenia, which borders Georgia, Iran and Turkey, imports most of its arms from Russia.",
        "Landlocked Armenia, bordering Georgia, Iran and Turkey, imports most of its arms from Russia.",
    ],
)
def test_its_after_a_relative_clause_listing_neighbours_is_the_main_subject(text: str) -> None:
    # the list inside ", which borders A, B and C," is no antecedent of the main clause's "its"
    assert {(c.subject, c.object) for c in claims_of(text, "shared_border")} == {
        ("ARM", "GEO"),
        ("ARM", "IRN"),
        ("ARM", "TUR"),
    }
    shares = claims_of(text, "arms_import_share")
    assert [(c.subject, c.object, c.claimed["comparator"], c.verdict) for c in shares] == [
        ("ARM", "RUS", "gt", "supported")
    ]
