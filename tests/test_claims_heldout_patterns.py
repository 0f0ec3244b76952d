"""Reading patterns of real articles (sentences of our own, shaped like those the dev and
held-out sets showed the reader missing or misreading)."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims.extract import extract

DAY = date(2020, 3, 9)


def got(text: str, day: date = DAY) -> set[tuple]:
    return {
        (c.type, c.subject, c.object, c.claimed.get("rank"), c.claimed.get("value"))
        for c in extract(text, day)
    }


def test_compared_state_is_not_the_clauses_it_and_domain_after_the_ordinal() -> None:
    g = got(
        "Brazil ranked third after Chile in arms imports, while it was ranked 20th in arms "
        "exports with the main client countries being Peru (40 per cent) and Ghana (12 per cent)."
    )
    assert ("arms_global_rank", "BRA", None, 3, None) in g
    assert ("arms_global_rank", "BRA", None, 20, None) in g
    assert ("arms_top_recipient", "BRA", "PER", 2, None) in g
    assert ("arms_export_share", "BRA", "PER", None, 40.0) in g  # the owner's exports, not global
    assert not any(t[1] == "CHL" and t[0] != "arms_global_rank" for t in g)
    assert not any(t[0] == "arms_global_share" for t in g)


def test_second_only_to_names_the_first_without_the_owner() -> None:
    claims = extract("In 2016-20 Chile took 9% of Spain's arms exports, second only to Peru.", DAY)
    first = [c for c in claims if c.object == "PER"]
    assert [(c.claimed["rank"], c.text) for c in first] == [(1, "second only to Peru")]


def test_percent_sign_before_the_number() -> None:
    g = got(
        "The leading arms importers in 2010–14 were India (%15) and Saudi Arabia (%5,4).",
        date(2015, 6, 1),
    )
    assert ("arms_global_share", "IND", None, None, 15.0) in g
    assert ("arms_global_share", "SAU", None, None, 5.4) in g


def test_one_rank_in_two_periods_and_transitions_take_the_periods_in_order() -> None:
    g = {
        (c.type, c.subject, c.object, c.claimed.get("value"), c.period["start"])
        for c in extract(
            "Spain was the largest arms supplier of Chile in 2010–14 and 2015–19. "
            "Peru's arms exports fell between 2010-14 and 2015-19, and its share of global arms "
            "exports went from 3 to 2 per cent.",
            DAY,
        )
        if c.period
    }
    assert {(t[0], t[4]) for t in g if t[0] == "arms_top_supplier"} == {
        ("arms_top_supplier", 2010),
        ("arms_top_supplier", 2015),
    }
    assert ("arms_global_share", "PER", None, 3.0, 2010) in g
    assert ("arms_global_share", "PER", None, 2.0, 2015) in g


def test_bilateral_changes_are_not_a_states_total_change() -> None:
    for text in (
        "In 2015–19 imports of arms from Spain were 30 per cent lower than in 2010–14.",
        "Chile's imports of Spanish arms dropped by 40 per cent between 2010-14 and 2015-19.",
        "Chile accounted for 20 percent of Spanish arms exports in 2015-19, a surge of 12 percent.",
    ):
        assert not any(c.type == "arms_volume_change" for c in extract(text, DAY)), text
    g = got("Spain's arms exports increased by 40% between 2010-14 and 2015-19.")
    assert {t[0] for t in g} == {"arms_volume_change"}


def test_its_share_of_a_named_states_imports_is_the_other_states() -> None:
    g = got(
        "Spain was the largest arms supplier to Chile in 2015–19, and its share of total "
        "Chilean arms imports went from 40 to 30 per cent between 2010-14 and 2015-19."
    )
    assert ("arms_import_share", "CHL", "ESP", None, 40.0) in g
    assert not any(t[0] == "arms_global_share" for t in g)


def test_same_period_anaphor_frames_the_next_sentence() -> None:
    claims = extract(
        "In 2011-15 Chile was a large arms importer. It became the third largest recipient of "
        "arms from Spain, the top arms exporter in the same period. Chile's arms imports "
        "accounted for 6% of Spanish arms exports.",
        DAY,
    )
    share = next(c for c in claims if c.type == "arms_export_share")
    assert (share.period["start"], share.period["end"]) == (2011, 2015)


def test_seat_after_a_parenthesised_acronym() -> None:
    claims = extract(
        "According to the Stockholm International Peace Research Institute (SIPRI) in Sweden, "
        "Chile took 2% of global arms imports in 2019-23. It became a top-ten arms importer.",
        date(2024, 3, 11),
    )
    assert "SWE" not in {c.subject for c in claims}


def test_ownerless_supplier_lists_are_global_rankings() -> None:
    for text in (
        "The five largest suppliers of major arms in 2015-19 were Spain (9 per cent of global arms "
        "exports), Peru (3 per cent), Chile (2 per cent), Ghana (1 per cent) and Kenya (1 per cent).",
        "The five largest suppliers of arms in 2015-19—Spain, Peru, Chile, Ghana and Kenya—were all "
        "in the news.",
    ):
        g = got(text)
        assert ("arms_global_rank", "ESP", None, 5, None) in g, text
        assert ("arms_global_rank", "KEN", None, 5, None) in g, text
    g = got("The main arms suppliers of Ghana in 2015-19 were Spain, Peru and Chile.")
    assert ("arms_top_supplier", "GHA", "ESP", 3, None) in g


def test_led_the_world_and_led_the_largest_group() -> None:
    g = got("Between 2015 and 2019, India led the world with 9% of global arms imports.")
    assert ("arms_global_rank", "IND", None, 1, None) in g
    g = got(
        "Globally, India led the five largest arms importers in 2015–19, a group that included "
        "Egypt, Australia and China."
    )
    assert ("arms_global_rank", "IND", None, 1, None) in g
    assert {t[1] for t in g if t[3] == 5} == {"EGY", "AUS", "CHN"}  # the leader is 1st


def test_most_and_main_recipient_lists_are_the_owners_top_n() -> None:
    g = got(
        "Countries who received the most arms from Spain in 2015-19 were Chile, accounting for 9 % "
        "of Spanish arms exports, and Peru with 8%."
    )
    assert ("arms_top_recipient", "ESP", "CHL", 2, None) in g
    assert ("arms_top_recipient", "ESP", "PER", 2, None) in g
    g = got("The main export countries of Korean weapons in 2015-19 were Peru, Chile, and India.")
    assert ("arms_top_recipient", "KOR", "PER", 3, None) in g
    assert not any(t[0] == "arms_global_rank" for t in g)  # no owner would not make it global
