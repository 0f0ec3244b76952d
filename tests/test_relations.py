"""The relationship model on the real snapshot: types, the evidence that decides them, and the time
discipline (no evidence after the reference year)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.analyses.relations import RULES, TYPES, adversaries, classify_years, relationship
from realpolitik.asof import (
    as_of_date,
    clip_spell,
    last_complete_year,
    lifespan,
    predecessor,
    usable,
)
from realpolitik.countries import resolve


def foes(country: str, as_of: str) -> set[str]:
    me = resolve(country).id
    return {r.b if r.a == me else r.a for r in adversaries(country, as_of)}


def test_armenia_azerbaijan_rivals_with_the_2020_war_and_turkiye_behind_azerbaijan():
    r = relationship("Armenia", "Azerbaijan", as_of="2024-10-09")
    assert r.type == "rivals" and r.since == 1991 and r.rule == "armed_rivals"
    conflict = next(e for e in r.deciding if e.kind == "conflict")
    assert conflict.data["conflict_id"] == 388 and 2020 in conflict.data["war_years"]
    assert any(e.kind == "rivalry" and e.source == "tss_rivalries" for e in r.deciding)
    # the CIS treaty is read as a multilateral pact, not an alliance that softens a war
    defence = next(e for e in r.evidence if e.kind == "alliance" and e.data["type"] == "defense")
    assert defence.data["size"] == "multilateral" and defence.data["bloc"] > 3
    assert relationship("Armenia", "Azerbaijan", as_of="2021-01-01").type == "at war"


def test_treaty_allies_are_not_adversaries():
    assert "CHN" not in foes("North Korea", "2024-01-01")
    assert "CHN" not in foes("Russia", "2024-01-01")
    assert "CHN" in foes("India", "2024-01-01")  # an actual rivalry
    r = relationship("China", "North Korea", as_of="2024-01-01")
    assert r.sign > 0 and any(
        e.kind == "alliance" and e.data["size"] == "bilateral" for e in r.deciding
    )


def test_greece_turkiye_is_mixed_rivals_within_a_large_defence_pact():
    r = relationship("Greece", "Türkiye", as_of="2024-01-01")
    assert (r.type, r.rule, r.sign) == ("mixed", "mixed_rivalry", -1)
    pact = next(e for e in r.deciding if e.kind == "alliance")
    assert (
        pact.data["type"] == "defense" and pact.data["bloc"] >= 20 and "United States" in pact.text
    )


def test_a_large_multilateral_treaty_alone_is_no_tie():
    r = relationship("Azerbaijan", "Andorra", as_of="2021-01-01")
    assert r.type == "none" and not r.deciding
    assert any(e.kind == "alliance" and e.data["bloc"] > 50 for e in r.evidence)


def test_one_sided_force_makes_no_adversary_of_the_passive_side():
    r = relationship("Sudan", "Israel", as_of="2013-01-01")  # Israel used force in 3 MIDs 2011–12
    assert r.rule == "hostile_dispute" and r.hostile_sides == ("ISR",)
    assert not r.adversary_of("SDN") and r.adversary_of("ISR")
    assert "ISR" not in foes("Sudan", "2013-01-01")


def test_a_single_bloodless_incident_makes_no_adversary():
    # France–Israel 2009 (Israel 4, France 1, no deaths); Israel–Türkiye 2011 (mutual display)
    for a, b, day in (("France", "Israel", "2012-01-01"), ("Israel", "Türkiye", "2024-10-09")):
        r = relationship(a, b, as_of=day)
        assert r.sign >= 0 and r.rule != "hostile_dispute"
        assert any("Below the bar for hostility: 1 militarised dispute" in t for t in (r.text,))
    assert "TUR" not in foes("Israel", "2024-10-09")
    # one side's recurrent force does not make its target's single bloodless display an adversary
    r = relationship("China", "South Korea", as_of="2024-10-09")
    assert r.rule == "hostile_dispute" and r.hostile_sides == ("KOR",)
    assert "single bloodless incident" in r.text and "KOR" not in foes("China", "2024-10-09")
    # recurrent displays are a hostile reading, and the sentence says what they were
    r = relationship("Russia", "Denmark", as_of="2024-10-09")
    assert r.type == "hostile" and "2 militarised disputes in 2011–2014" in r.text
    assert "mutual display of force" in r.text and "COW MIDs end in 2014" in r.text


def test_a_state_that_no_longer_exists_is_no_adversary():
    assert "YUG" not in foes("Russia", "2013-01-01")  # Yugoslavia's COW period ends in 2005
    assert "YUG" in foes("Russia", "2000-01-01")  # its 1998 dispute with Russia, in its own years


def test_historical_states_are_adversaries_in_their_years():
    assert "SUN" in foes("United States", "1977-06-01")
    assert "SUN" in foes("Iran", "1977-06-01")
    r = relationship("United States", "Soviet Union", as_of="1977-06-01")
    assert r.type == "rivals" and r.since == 1945
    assert all(e.end is None or e.end <= 1976 for e in r.evidence)


def test_rivalry_spells_are_kept_apart():
    r = relationship("China", "Soviet Union", year=1980)
    spells = [
        (s.start, s.end) for s in r.spells if s.kind == "rivalry" and s.source == "tss_rivalries"
    ]
    assert (1958, None) in spells and not any(
        s == 1816 for s, _ in spells
    )  # China-Russia 1816–1949 is Russia's


def test_seed_iran_is_the_shared_adversary():
    assert "IRN" in foes("Israel", "2024-10-09") and "IRN" in foes("Azerbaijan", "2024-10-09")
    assert relationship("Israel", "Azerbaijan", as_of="2024-10-09").type == "partners"


def test_bulk_and_single_readings_agree_and_every_type_has_evidence():
    """The network's bulk classification and relationship() are one model: same type, deciding rows."""
    table = classify_years(2010, 2010)
    assert set(table["type"]) <= set(TYPES) and set(table["rule"]) <= {r.name for r in RULES}
    sample = table[table["type"] != "none"].groupby("type").head(3)
    for row in sample.itertuples():
        r = relationship(row.a, row.b, year=2010)
        assert (r.type, r.rule) == (row.type, row.rule), (row.a, row.b)
        assert r.deciding, (row.a, row.b, r.type)


# ------------------------------------------------------------------ the time-discipline function
def test_usable_kinds_of_dates():
    day = date(2020, 6, 1)
    assert usable(2019, day) and not usable(2020, day)
    assert usable((2015, 2019), day) and not usable((2016, 2020), day)
    assert usable("2020-04", day) and not usable("2020-06", day)
    assert usable(date(2020, 6, 1), day) and not usable(date(2020, 6, 2), day)
    assert usable("2016–19", day) and not usable(None, day)
    assert clip_spell(1991, 2020, day) == (1991, None) and clip_spell(2021, 2022, day) is None
    assert as_of_date("1977") == date(1977, 1, 1)


@given(st.dates(min_value=date(1817, 1, 1), max_value=date(2100, 12, 31)), st.integers(1800, 2100))
def test_usable_year_is_before_the_as_of_year(day, year):
    assert usable(year, day) == (year <= last_complete_year(day) == day.year - 1)
    spell = clip_spell(year, year + 3, day)
    assert spell is None or (
        spell[0] <= day.year - 1 and (spell[1] is None or spell[1] <= day.year - 1)
    )


def test_succession():
    russia, soviet = resolve("Russia"), resolve("Soviet Union")
    assert lifespan(russia, 2020) == (1992, None) and lifespan(soviet, 1980) == (1922, 1991)
    pred = predecessor(russia, 2020)
    assert pred is not None and pred[0].id == "SUN" and pred[1] == 1991
    assert predecessor(resolve("Azerbaijan"), 2020) is None


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_is_documented(rule):
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "relations.md").read_text(
        encoding="utf-8"
    )
    assert f"`{rule.name}`" in doc and rule.when in doc


def test_without_a_date_the_reading_stops_where_the_arms_data_do() -> None:
    """Today's reading is of the last year SIPRI covers, not a later year with no arms data at all
    (which would read the seed pair as having no tie)."""
    from realpolitik.store import get_store

    last = get_store().coverage("sipri_tiv")[1]
    today = relationship("Israel", "Azerbaijan")
    assert today.type == relationship("Israel", "Azerbaijan", year=last).type == "partners"
    assert today.year == last and f"as of {last}" in today.text


def test_a_war_still_going_on_gives_no_outcome_or_death_toll() -> None:
    """As of 1985 the Iran–Iraq war (1980–88) was not over: its COW outcome and total deaths were
    not known yet; as of 1990 they are."""
    during = relationship("Iraq", "Iran", as_of="1985-06-01")
    after = relationship("Iraq", "Iran", as_of="1990-06-01")
    assert during.type == "at war" and "still going on in 1984" in during.text
    assert "stalemate" not in during.text and "750,000" not in during.text
    assert "stalemate" in after.text and "1980–1988" in after.text


def test_a_war_that_ended_in_the_reference_year_is_told_in_the_past() -> None:
    """The Falklands war ended on 14 June 1982 (UCDP/PRIO's episode end, COW's last war year): as of mid-1983
    the pair were at war in 1982, they are not still; the Iran–Iraq war as of 1985 goes on."""
    falklands = relationship("United Kingdom", "Argentina", as_of="1983-06-30")
    assert falklands.type == "at war" and falklands.year == 1982
    assert "were at war in 1982, and the fighting ended that year" in falklands.text
    assert "are at war" not in falklands.text and "United Kingdom won" in falklands.text
    assert any("the episode ended on 14 June 1982" in e.text for e in falklands.evidence)
    assert falklands.war_over and falklands.to_dict()["war_over"] is True
    gulf = relationship("Iraq", "Kuwait", as_of="1991-06-01")  # at war in 1990; the episode ended 1 March 1991
    assert gulf.type == "at war" and gulf.text.endswith("Since then: UCDP/PRIO conflict 371's episode ended on 1 March 1991.")
    assert "Since then" not in relationship("Iraq", "Kuwait", as_of="1991-02-01").text  # not over yet
    # a supporter first coded in the episode's year is stated, not counted: the data date the episode, not
    # when the support began (Russia backing South Ossetia against Georgia in the war of August 2008)
    georgia = relationship("Russia", "Georgia", as_of="2008-09-01")
    assert "episode began on 12 August 2008 with Georgia a primary party" in georgia.text
    assert "Russia is coded as a supporter of side B in 2008" in georgia.text and "not counted" in georgia.text
    assert georgia.type == relationship("Russia", "Georgia", as_of="2008-01-01").type  # 2007's reading stays
    assert "Since then" not in relationship("Russia", "Georgia", as_of="2008-08-01").text  # before the episode
    kagera = relationship("Uganda", "Tanzania", as_of="1979-06-01")  # what came later, in one closing clause
    assert kagera.text.count("Since then:") == 1 and "; Amin, Uganda's leader, was removed" in kagera.text
    going_on = relationship("Iraq", "Iran", as_of="1985-06-01")
    assert "are at war as of 1984" in going_on.text and "ended" not in going_on.text
    assert not going_on.war_over


# ------------------------------------------------------------------ an expert's reading (issue 13 review)
def test_a_terminated_rivalry_closes_the_fighting_it_contained() -> None:
    """TSS ends Eritrea–Ethiopia in 2018 (the peace): the 2016 fighting no longer makes them hostile, and
    in the Tigray war (UCDP 267, 2020–22) Eritrea fought on Ethiopia's side. Peru–Ecuador's 1995 war is
    closed by the 1998 settlement; before the end both read as they did."""
    assert relationship("Ethiopia", "Eritrea", year=2018).type == "rivals"
    after = relationship("Ethiopia", "Eritrea", year=2019)
    assert after.sign >= 0 and not after.adversary_of("ETH") and "ended in 2018" in after.text
    tigray = relationship("Ethiopia", "Eritrea", year=2021)
    assert tigray.type == "aligned" and tigray.since == 2020
    assert any(e.kind == "cobelligerent" and e.data["conflict_id"] == 267 for e in tigray.deciding)
    assert relationship("Peru", "Ecuador", as_of="1996-01-01").type == "at war"
    peace = relationship("Peru", "Ecuador", year=2000)
    assert peace.sign > 0 and not any(
        e.kind in ("war", "conflict", "dispute") for e in peace.deciding
    )
    assert relationship("Tanzania", "Uganda", year=1980).type == "aligned"  # after Amin's fall


def test_a_hostile_reading_dates_from_its_hostile_spell() -> None:
    """Greece–Türkiye: mixed since the 1955 rivalry, not the 1951 NATO pact; Qatar–Saudi Arabia since
    their 1995 rivalry, not the Arab League pact."""
    assert relationship("Greece", "Türkiye", as_of="1997-01-01").since == 1955
    assert relationship("Qatar", "Saudi Arabia", year=2024).since == 1995


def test_a_mixed_reading_names_what_binds_the_two() -> None:
    """Morocco–Algeria share the Arab League's multilateral defence treaty, not an alliance; Canada–Russia
    hold a bilateral neutrality pact, not a defence one; Egypt–Israel 1990 a bilateral non-aggression pact."""
    r = relationship("Morocco", "Algeria", year=2024)
    assert (
        r.type == "mixed" and "rivals, yet both parties to a multilateral defence treaty" in r.text
    )
    assert "allied" not in r.text.split(":")[0]
    r = relationship("Canada", "Russia", year=2024)
    assert "bound by a bilateral neutrality pact, yet in recent militarised disputes" in r.text
    r = relationship("Egypt", "Israel", as_of="1991-01-01")
    assert "rivals, yet bound by a bilateral non-aggression pact" in r.text


def test_an_export_market_is_an_arms_tie_as_a_supplier_is() -> None:
    """Israel supplied only 3.6 % of India's arms imports in 2010–2014, but India took 28.1 % of Israel's
    exports (`arms recipients Israel`): read on the recipient's side alone, the pair was 'none'."""
    r = relationship("India", "Israel", as_of="2015-01-01")
    assert r.type == "partners" and r.rule == "partners"
    arms = [e for e in r.deciding if e.kind == "arms"]
    assert len(arms) == 1 and arms[0].data["import_share"] == pytest.approx(0.0358, abs=1e-4)
    assert arms[0].strength == arms[0].data["export_share"] == pytest.approx(0.2808, abs=1e-3)
    assert "India took 28.1 % of Israel's arms exports (696.4 of 2,480.3 TIV)" in arms[0].text
    small = relationship("India", "Israel", as_of="1996-01-01")  # 1991–1995: nothing either way
    assert small.type != "partners"


def test_a_regime_change_closes_the_hostility_with_the_deposed_government() -> None:
    """Noriega was removed through threat of foreign force on 3 January 1990 (Archigos): Panama–US read
    hostile to 2009 on the 1989 invasion and its dispute; Kuwait's emir, deposed by Iraq in 1990 and
    restored, is no regime change, nor is the removal of Saddam Hussein as Kuwait's imposed ruler."""
    assert relationship("Panama", "United States", as_of="1991-01-01").type == "hostile"
    r = relationship("Panama", "United States", as_of="1992-01-01")
    assert r.type == "allies"
    assert "Noriega, Panama's leader, was removed through threat of foreign force on 3 January 1990" in r.text
    assert relationship("Panama", "United States", year=2005).type != "hostile"
    k = relationship("Iraq", "Kuwait", as_of="1993-01-01")
    assert k.type == "rivals" and "regime_change" not in {e.kind for e in k.evidence}
    assert relationship("Hungary", "Soviet Union", year=1960).type == "allies"


def test_below_the_bar_is_said_only_when_nothing_made_them_adversaries() -> None:
    """Serbia–Kosovo are rivals and Sudan–South Sudan fought in 2012 (UCDP 11348): neither reading may
    add that a 'single bloodless incident makes no adversary' — and MID 4656's fatalities are unknown
    (-9), never 'bloodless'."""
    for a, b, y in (("Serbia", "Kosovo", 2024), ("Sudan", "South Sudan", 2012)):
        r = relationship(a, b, year=y)
        assert r.sign < 0 and "Below the bar" not in r.text and "bloodless" not in r.text
    from realpolitik.analyses.relations.model import Evidence
    from realpolitik.analyses.relations.reading import _isolated

    unknown = Evidence(
        "dispute", None, 2011, 2012, 4.0, "cow_mid", "", {"dispnum": 4656, "fatal": -9}
    )
    assert "bloodless" not in _isolated([unknown]) and "fatalities not known" in _isolated(
        [unknown]
    )


def test_a_none_reading_names_the_proxy_war() -> None:
    """Armenia and Türkiye backed opposite sides of the 2020 Karabakh war (UCDP 388): not a tie between
    them, but the reading must not read as if nothing happened."""
    r = relationship("Armenia", "Türkiye", year=2024)
    assert r.type == "none" and "UCDP/PRIO conflict 388 in 2020 (war intensity)" in r.text


def test_a_multinational_mission_is_no_tie_between_each_contributor_and_the_host() -> None:
    """UCDP codes MINUSMA's contributors (up to 63) as supporters of Mali's government: Iran is not
    thereby aligned with Mali; a war coalition of 16 (Korea 1950–53) still is."""
    r = relationship("Mali", "Iran", year=2024)
    assert r.type == "none" and "multinational mission" in r.text and "11347" in r.text
    assert relationship("South Korea", "Türkiye", year=1953).type == "aligned"


def test_fighting_on_the_same_side_closes_the_hostility_before_it() -> None:
    """The 2003 war made Iraq and the US adversaries; from 2005 they fought on the same side (UCDP 259),
    so Iraq 2010 and 2015 read as partners, not as hostile on Saddam-era fighting and disputes."""
    for a, b, y in (("Iraq", "United States", 2010), ("Iraq", "United Kingdom", 2015)):
        r = relationship(a, b, year=y)
        assert r.sign > 0 and not r.adversary_of("IRQ"), (a, b, r.text)
        assert "UCDP/PRIO conflict 259 from 2005 on" in r.text
    assert relationship("Iraq", "United States", year=2003).type == "at war"
    assert relationship("Afghanistan", "France", year=2004).type == "aligned"


def test_yemen_after_2015_is_read_as_ucdp_codes_it() -> None:
    """From 2015 UCDP/PRIO's Government of Yemen is the Houthi-held Sana'a (the coalition backs side B):
    'Saudi Arabia and Yemen fought' must say so; the US–Yemen alliance of 2009–14 needs no such note."""
    r = relationship("Saudi Arabia", "Yemen", year=2024)
    assert r.sign < 0 and "Ansarallah" in r.text and "Saudi-led coalition backs side B" in r.text
    israel = relationship("Israel", "Yemen", year=2024)
    assert "Ansarallah" in israel.text and "coalition" not in israel.text
    us = relationship("United States", "Yemen", year=2014)
    assert us.type == "aligned" and "Ansarallah" not in us.text


def test_rivals_lists_each_rivalry_spell_apart() -> None:
    """`rivals Greece`: Greece–Türkiye are two TSS rivalries, 1827–1930 and 1955–2020 — not one of
    1827–2020; Ethiopia–Egypt 1868–1882 and 2011–2020, not a 150-year rivalry."""
    from realpolitik.queries import security

    greece = security.rivals("Greece").frame.set_index("counterpart_id")
    assert greece.loc["TUR", "rivalry_tss"] == "1827–1930, 1955–2020"
    ethiopia = security.rivals("Ethiopia").frame.set_index("counterpart_id")
    assert ethiopia.loc["EGY", "rivalry_tss"] == "1868–1882, 2011–2020"
    assert ethiopia.loc["EGY", "rivalry_td"] == "1868–1882"


def test_carried_alliances_and_rivalries_reach_the_latest_reading_and_then_say_they_stop() -> None:
    """ATOP ends 2018 and TSS 2020; their last year stands in up to the latest reading (the SIPRI year),
    so NATO allies stay allies today. A reading past the carry says alliances are not assessed instead
    of reading 'no alliance' as a fact (US–UK would otherwise read as mere partners in 2025)."""
    from realpolitik.analyses.relations import Thresholds
    from realpolitik.analyses.relations.reading import coded_to
    from realpolitik.store import get_store

    st, th = get_store(), Thresholds()
    cov, latest = coded_to(st), relationship("United States", "United Kingdom").year
    assert cov["atop"] + th.carry_atop >= latest and cov["tss_rivalries"] + th.carry_tss >= latest
    assert relationship("United States", "United Kingdom").type == "allies"
    assert relationship("Greece", "Türkiye").type == "mixed"
    late = relationship("United States", "United Kingdom", year=cov["atop"] + th.carry_atop + 1)
    assert any("ATOP alliances end in 2018" in n and "not assessed" in n for n in late.notes)


def test_two_readings_of_yemen_are_told_apart() -> None:
    """Saudi Arabia's hostility with Yemen rests on UCDP rows where Yemen is Sana'a (de facto); Iran's
    on a TSS rivalry with the recognised government: `de_facto` tells the brief they are not one
    shared adversary."""
    from realpolitik.analyses.relations import read

    r = read("Saudi Arabia", "Iran", 2023)
    sau = next(x for x in r.adversaries["SAU"] if "YEM" in (x.a, x.b))
    irn = next(x for x in r.adversaries["IRN"] if "YEM" in (x.a, x.b))
    assert sau.de_facto("YEM") and not irn.de_facto("YEM")


def test_a_pair_with_a_state_that_did_not_exist_is_not_read_as_no_tie() -> None:
    """'Russia and Ukraine: no tie as of 1980' reads as a finding; neither was a state then. The Soviet
    Union in 2000 no longer existed."""
    r = relationship("Russia", "Ukraine", year=1980)
    assert r.type == "none" and "Ukraine was not in the COW state system in 1980 (it entered in 1991" in r.text
    assert "before it, the Soviet Union, to 1991" in r.text and "no alliance" not in r.text
    r = relationship("Soviet Union", "United States", year=2000)
    assert "The Soviet Union was no longer in the COW state system in 2000 (in it 1922–1991)" in r.text
    assert "state system" not in relationship("Russia", "Ukraine", year=2000).text


def test_outside_the_state_system_the_reading_is_none_and_says_nothing_later() -> None:
    """COW admits Tuvalu (independent 1978) in 2000: as of 1995 ATOP's 1979 treaty with the United States is
    history, not an 'aligned' reading under a headline that says there is none; nothing after 1994 is said."""
    r = relationship("Tuvalu", "United States", as_of="1995-06-01")
    assert (r.type, r.rule, r.sign, r.deciding) == ("none", "not_in_system", 0, [])
    assert r.text == "Tuvalu was not in the COW state system in 1994: there is no relationship to read."
    assert any(e.kind == "alliance" for e in r.evidence)  # the treaty is still in the evidence
    assert "entered in 2000" in relationship("Tuvalu", "United States", year=1994).text


def test_a_small_bloc_is_not_presented_as_a_trilateral_treaty() -> None:
    """Israel–Jordan's 1994 treaty overlaps Israel–Egypt and Egypt–Jordan pacts: the derived bloc of 3
    must not read as a treaty with Egypt."""
    r = relationship("Israel", "Jordan", year=2005)
    assert "Egypt also holds it with both, perhaps under separate treaties" in r.text


def test_fighting_begun_since_the_last_complete_year_counts_from_its_start_date():
    # Iraq invaded Kuwait on 1990-08-02: as of 1990-09-01 the annual data end in 1989 (a pact, a rivalry),
    # but UCDP/PRIO dates the episode, so a reader on that day sees the fighting; the day before, not yet
    before = relationship("Iraq", "Kuwait", as_of="1990-08-01")
    assert before.type == "mixed" and before.rule == "mixed_rivalry"
    after = relationship("Iraq", "Kuwait", as_of="1990-09-01")
    assert after.year == 1989 and after.type == "rivals" and after.rule == "armed_rivals"
    fight = after.deciding[0]
    assert fight.kind == "conflict" and fight.data["conflict_id"] == 371
    assert (
        fight.data["began"] == "1990-08-02" and fight.data["war_years"] == []
    )  # intensity unknown yet
    assert "as of 1990-09-01" in after.text and "2 August 1990" in after.text
    assert not any(e.kind == "alliance" for e in after.deciding)  # a pact does not soften fighting
    assert any("1989 alone reads mixed" in n for n in after.notes)
    # a reference year asked for directly is the annual reading only
    assert relationship("Iraq", "Kuwait", year=1989).type == "mixed"
    # the day rule: an episode that begins on the as-of date is known on it
    war = {
        e.data.get("conflict_id")
        for e in relationship("Russia", "Ukraine", as_of="2022-02-24").deciding
    }
    assert 13243 in war
    assert 13243 not in {
        e.data.get("conflict_id")
        for e in relationship("Russia", "Ukraine", as_of="2022-02-23").evidence
    }
    # a conflict begun in the gap dates from its first battle death, not from reaching 25 deaths:
    # the Falklands from 1982-04-02 (UCDP's episode start is 1982-05-02, after this date)
    falklands = relationship("Argentina", "United Kingdom", as_of="1982-05-01").deciding[0]
    assert falklands.data["conflict_id"] == 346 and falklands.data["began"] == "1982-04-02"


def test_an_exchange_of_force_with_unknown_deaths_is_no_bloodless_incident() -> None:
    """NATO's 2011 air war on Libya is COW MID 4685: mutual use of force, attacks and clashes, Libya's
    fatalities unknown (-9). The dyad's fatality read 0 (the greatest of 0 and -9), so the United States
    and Libya were 'none' and France–Libya 'partners' in 2011; a one-sided incident stays below the bar."""
    us = relationship("United States", "Libya", year=2011)
    assert us.type == "hostile" and "use of force by Libya and the United States, fatalities not known" in us.text
    fr = relationship("France", "Libya", year=2011)
    assert fr.type == "mixed" and "COW MID no. 4685" in fr.text
    assert relationship("Iraq", "Russia", year=2000).type == "none"  # GML 3552 (1993): Iraq's force only
    after = relationship("France", "Libya", year=2013)  # Qaddafi's fall closes the 2011 fighting
    assert after.type == "none" and "Qaddafi, Libya's leader, was removed" in after.text


def test_the_disputes_that_removed_a_government_close_with_it() -> None:
    """Türkiye used force against the Taliban's Afghanistan in 2001 (a MID, not a COW war or a UCDP
    conflict with Türkiye): it read 'hostile' for 19 years after Mullah Omar's fall."""
    r = relationship("Türkiye", "Afghanistan", year=2005)
    assert r.type != "hostile" and "Mullah Omar, Afghanistan's leader" in r.text


def test_a_supporter_known_from_earlier_years_is_in_the_dated_fighting():
    """Armenia backs side B of UCDP 388 (Nagorno-Karabakh) in every active year since 1991; the 2020
    episode began on 16 July: as of 2020-10-15 the reading named only the 2014–17 fighting. Türkiye, a
    supporter of side A first coded in 2020, is not known on that date."""
    r = relationship("Armenia", "Azerbaijan", as_of="2020-10-15")
    fight = r.deciding[0]
    assert fight.data["conflict_id"] == 388 and fight.data["began"] == "2020-07-16"
    assert "Armenia (a supporter of side B, as in the conflict's earlier years)" in r.text
    assert not any(e.data.get("began") for e in relationship("Armenia", "Türkiye", as_of="2020-10-15").evidence)


def test_a_regime_change_since_the_reference_year_is_stated_when_known():
    """Viet Nam removed Pol Pot on 7 January 1979: as of 1979-06-01 the reading is 1978's (at war), and a
    reader on that day knew the government had fallen; the day before it, nothing is said."""
    r = relationship("Viet Nam", "Cambodia", as_of="1979-06-01")
    assert r.type == "at war" and r.year == 1978
    assert r.text.endswith("Since then: Pol Pot, Cambodia's leader, was removed through threat of foreign "
                           "force on 7 January 1979 (Archigos).")
    assert any(e.kind == "regime_change" for e in r.evidence)
    assert "Pol Pot" not in relationship("Viet Nam", "Cambodia", as_of="1979-01-06").text
