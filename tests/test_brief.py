"""The dyad brief on the real snapshot: the relationship first, the seed's figures, historical states,
the time discipline over random pairs and dates, materiality, renderings."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from datetime import date

import pytest

from realpolitik.analyses.brief import brief, render
from realpolitik.analyses.relations import relationship
from realpolitik.asof import lifespan
from realpolitik.countries import all_countries

TOL = 0.0005


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


@pytest.fixture(scope="module")
def isr_aze():
    return brief("Israel", "Azerbaijan", as_of="2024-10-09")


def facts(b, section):
    return {f.key: f for f in b.section(section).facts}


# ------------------------------------------------------------------ the seed
def test_seed_arms_windows(isr_aze):
    windows = isr_aze.section("arms").tables["windows_ISR_to_AZE"].frame
    assert int(windows["end"].max()) == 2023  # as of 2024-10-09 the last complete year is 2023
    by = {(int(r.start), int(r.end)): r for r in windows.itertuples()}
    assert by[(2016, 2020)].share_of_imports == pytest.approx(0.677, abs=TOL)
    assert by[(2019, 2023)].share_of_imports == pytest.approx(0.402, abs=TOL)
    assert by[(2016, 2020)].share_of_exports == pytest.approx(0.160, abs=TOL)
    assert by[(2016, 2020)].recipient_rank == 2 and by[(2016, 2020)].top_recipient == "India"
    f = facts(isr_aze, "arms")
    assert (
        "40.2 %" in f["ISR_to_AZE_share_latest"].text
        and "2019–23" in f["ISR_to_AZE_share_latest"].text
    )
    assert (
        "67.7 %" in f["ISR_to_AZE_share_peak"].text
        and "697.5 TIV" in f["ISR_to_AZE_share_peak"].text
    )
    # the export-share facts read the export series itself: its own peak (2015–19), not the import peak's
    assert f["ISR_to_AZE_export_share_peak"].period == "2015–19"
    assert (
        "17.3 %" in f["ISR_to_AZE_export_share_peak"].text
        and "after India" in f["ISR_to_AZE_export_share_peak"].text
    )


def test_seed_energy_trade_geography_and_shared_adversary(isr_aze):
    f = facts(isr_aze, "energy_trade")
    assert f["exports_partner_ISR_of_AZE"].value == 3
    assert f["oil_rank_AZE"].value == 26 and f["oil_rank_AZE"].period == "2023"
    crude = f["crude_AZE_to_ISR_2021"]
    assert crude.value == pytest.approx(0.651, abs=TOL) and crude.data["mirror"] is True
    assert any(
        "bilateral crude-oil data (CEPII BACI, HS 2709) for 2021 only" in g
        for g in isr_aze.section("energy_trade").gaps
    )
    assert facts(isr_aze, "geography")["border_AZE_IRN"].value == 689
    shared = facts(isr_aze, "security")["shared_adversary_IRN"]
    assert shared.data["types"] == {"ISR": "rivals", "AZE": "hostile"}
    assert "enemy of my enemy" in shared.text and "since 1979" in shared.text


def test_relationship_leads_the_brief(isr_aze):
    rel = isr_aze.relationship
    assert rel.type == "partners" and rel.deciding
    assert isr_aze.summary[0].startswith("Israel and Azerbaijan are partners as of 2023")
    doc = isr_aze.to_dict()
    assert list(doc["relationship"])[:5] == ["type", "since", "year", "rule", "rule_text"]
    assert {"type", "since", "spells", "evidence", "text"} <= set(doc["relationship"])
    kinds_aze = [m.kind for m in isr_aze.motives["AZE"]]
    assert kinds_aze[0] == "arms_supply" and "export_market" in kinds_aze
    assert {"energy_supply", "arms_market"} <= {m.kind for m in isr_aze.motives["ISR"]}
    assert any("67.7 %" in s for s in isr_aze.summary)


def test_json_contains_every_seed_figure(cli):
    p = cli("brief", "Israel", "Azerbaijan", "--as-of", "2024-10-09", "--format", "json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert (
        doc["a"]["id"] == "ISR"
        and doc["last_complete_year"] == 2023
        and doc["relationship"]["type"] == "partners"
    )
    text = json.dumps(doc, ensure_ascii=False)
    for needle in (
        "67.7 %",
        "40.2 %",
        "65.1 %",
        "689 km",
        "1979",
        "3rd largest export market",
        "26th largest oil producer",
    ):
        assert needle in text, needle
    assert {s["dataset"] for s in doc["sources"]} >= {"sipri", "factbook", "owid_energy"}


# ------------------------------------------------------------------ the pairs
def test_armenia_azerbaijan_rivals_with_the_war_and_no_benefits():
    b = brief("Armenia", "Azerbaijan", as_of="2024-10-09")
    assert b.relationship.type in {"rivals", "at war"} and b.sections[0].key == "conflict"
    assert "2020" in b.summary[0] and "war intensity" in b.summary[0]
    sides = facts(b, "conflict")["sides_388_2020"].text
    assert "Azerbaijan, backed by Türkiye" in sides and "backed by Armenia" in sides
    assert "suppliers_ARM" in facts(b, "conflict") and "suppliers_AZE" in facts(b, "conflict")
    assert b.motives == {"ARM": [], "AZE": []}  # nothing is a benefit built on hostility
    assert not any("enemy of my enemy" in f.text for s in b.sections for f in s.facts)


def test_adversaries_get_no_empty_motive_headings_and_a_zero_is_a_fact():
    """At war, neither side's motives are read: the brief prints no 'What's in it for' headings with
    'No motive found' under them; a recorded zero oil output is a fact (produced none), not a gap."""
    b = brief("Ethiopia", "Eritrea", as_of="1999-06-30")
    assert b.relationship.hostile and not b.shows_motives
    for text in (render.to_markdown(b), render.to_html(b, charts=False)):
        assert "What's in it for" not in text and "No motive found" not in text
    energy = facts(b, "energy_trade")
    assert energy["oil_none_ETH"].text == "Ethiopia produced no oil in 1998 (0 TWh)."
    assert not any("oil-production rank for Ethiopia" in g for g in b.section("energy_trade").gaps)
    assert brief("Israel", "Azerbaijan", as_of="2024-10-09").shows_motives


def test_before_the_dated_data_a_brief_says_what_it_cannot_see():
    """As of 1939-10-01 the annual data end in 1938 and nothing dates the invasion of Poland (COW's wars are
    annual, UCDP/PRIO's episodes start in 1946): the brief says so, and that SIPRI starts in 1950."""
    b = brief("Germany", "Poland", as_of="1939-10-01")
    assert any("fighting begun since then is not seen" in n and "begin in 1946" in n for n in b.notes)
    assert b.section("arms").gaps == ["SIPRI's arms-transfer data begin in 1950: no five-year window ends by 1938."]
    assert not any("not seen" in n for n in brief("France", "Poland", as_of="1947-06-01").notes)


def test_old_fighting_is_history_not_a_headline():
    """Morocco and Algeria last stood on opposite sides of a conflict in 1976 (Western Sahara): in 2021 that is
    in the conflict section, not among the summary's lines, which give who arms each side."""
    b = brief("Morocco", "Algeria", as_of="2022-06-01")
    assert b.relationship.hostile and "sides_331_1976" in facts(b, "conflict")
    assert not any("in 1976" in line for line in b.summary)
    assert any(line.startswith("Algeria's largest arms suppliers in 2017–21") for line in b.summary)


@pytest.mark.parametrize("other", ["North Korea", "India"])
def test_china_is_no_adversary_of_russia_or_north_korea(other):
    b = brief(other, "Russia")
    keys = set(facts(b, "security"))
    assert not {"adversary_PRK_CHN", "adversary_RUS_CHN", "shared_adversary_CHN"} & keys


def test_greece_cyprus_name_turkiye_with_greeces_alliance():
    b = brief("Greece", "Cyprus")
    f = facts(b, "security")
    assert (
        "mixed" in f["adversary_GRC_TUR"].text
        and "ATOP defence obligation" in f["adversary_GRC_TUR"].text
    )
    assert f["shared_adversary_TUR"].data["types"] == {"GRC": "mixed", "CYP": "rivals"}


def test_iran_us_1977_historical_states_first_class():
    b = brief("Iran", "United States", as_of="1977-06-01")
    f = facts(b, "security")
    assert "shared_adversary_SUN" in f
    e = facts(b, "energy_trade")
    assert (
        e["oil_rank_USA"].value == 2
        and e["oil_rank_IRN"].value == 4
        and e["oil_rank_IRN"].period == "1976"
    )
    us = facts(b, "arms")["USA_to_IRN_export_share_latest"]
    assert us.period == "1972–76" and "18.4 %" in us.text and "; largest recipient" in us.text


def test_saudi_arabia_is_the_first_us_arms_customer_and_no_small_headline():
    b = brief("Saudi Arabia", "United States", as_of="2025-06-01")
    us = [m.text for m in b.motives["USA"] if m.kind == "arms_market"]
    assert any("11.7 %" in t and "2020–24" in t and "; largest recipient" in t for t in us)
    assert not any("17.8 TIV" in s for s in b.summary)


def test_soviet_union_in_its_years_and_succession():
    b = brief("Soviet Union", "Egypt", as_of="1975-01-01")
    assert any(k.startswith("SUN_to_EGY_share") for k in facts(b, "arms"))
    assert "oil_rank_SUN" in facts(b, "energy_trade")  # the USSR's own OWID row, ranked
    assert brief("Soviet Union", "Egypt", as_of="2024-01-01").last_year == 1991
    r = brief("India", "Russia", as_of="2024-10-09")
    f = facts(r, "arms")
    assert (
        "SUN_to_IND_share_predecessor" in f
        and "Soviet Union" in f["SUN_to_IND_share_predecessor"].text
    )
    windows = r.section("arms").tables["windows_RUS_to_IND"].frame
    assert int(windows["start"].min()) >= 1992  # no window that starts before Russia did
    market = f["RUS_to_IND_export_share_latest"]
    assert market.period == "2019–23" and market.value > 0.3


# ------------------------------------------------------------------ as-of discipline
def test_factbook_only_from_its_edition():
    b = brief("Israel", "Azerbaijan", as_of="2015-06-01")
    gaps = " ".join(g for s in b.sections for g in s.gaps)
    assert "No CIA World Factbook edition as of 2015-06-01" in gaps
    assert not any(f.source == "factbook" for s in b.sections for f in s.facts)
    assert not any(k.startswith("religion_") for k in facts(b, "alignment"))


def test_deals_known_by_the_as_of_year():
    b = brief("Soviet Union", "Egypt", as_of="1970-06-01")
    t = b.section("arms").tables["deals_SUN_to_EGY"]
    assert int(t.frame["order_year"].max()) <= 1969 and t.query["as_of"] == "1970-06-01"
    cut = [n for n in t.notes if "ordered after 1969 are left out" in n]
    assert cut and int(cut[0].split()[0]) > 0  # the table says that later orders were cut
    late = t.frame[t.frame["known_by"] != ""]
    assert (
        len(late) and late["tiv"].isna().all() and late["delivered"].isna().all()
    )  # later deliveries hidden


YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
COVERAGE = re.compile(
    r"(coded to|ends in|ends|end in|to|by|final,|mostly for|v\d) (1[89]\d\d|20\d\d)|\(\d{4} est\.\)"
    r"|as of \d{4}-\d\d-\d\d|for (1[89]\d\d|20\d\d) only|no\. \d+"
)
DATES = ["1952-03-01", "1958-01-01", "1962-10-01", "1967-06-01", "1970-06-01", "1973-10-01", "1977-06-01",
         "1980-09-01", "1985-01-01", "1990-06-01", "1991-12-01", "1995-07-01", "1999-03-01", "2003-03-01",
         "2008-08-01", "2011-03-01", "2014-03-01", "2015-06-01", "2020-06-01", "2022-02-01"]  # fmt: skip


def alive(day: date) -> list:
    return [c for c in all_countries(["state", "historical"]) if c.cow is not None
            and lifespan(c, day.year - 1)[0] <= day.year - 1 <= (lifespan(c, day.year - 1)[1] or 9999)]  # fmt: skip


def pairs_for(day: date, n: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    states = alive(day)
    return [tuple(rng.sample(states, 2)) for _ in range(n)]


def late_years(b) -> list[str]:
    """Every year after the as-of date's last complete year in the brief's facts, summary, motives,
    relationship and table rows (coverage statements — 'MIDs to 2014' — are not facts)."""
    last = date.fromisoformat(b.as_of).year - 1
    bad = []
    texts = [*b.summary, b.relationship.text, *(e.text for e in b.relationship.evidence)]
    texts += [m.text for ms in b.motives.values() for m in ms] + [
        f.text for s in b.sections for f in s.facts
    ]
    for t in texts:
        bad += [f"{y}: {t}" for y in YEAR.findall(COVERAGE.sub("", t)) if int(y) > last]
    for s in b.sections:
        bad += [
            f"{s.key}.{f.key} period {f.period}"
            for f in s.facts
            for y in YEAR.findall(f.period or "")
            if int(y) > last
        ]
        for name, t in s.tables.items():
            for col in (
                "year",
                "start",
                "end",
                "first_year",
                "last_year",
                "order_year",
                "min_distance_year",
            ):
                if (
                    col in t.frame.columns
                    and t.frame[col].notna().any()
                    and t.frame[col].dropna().astype(int).max() > last
                ):
                    bad.append(f"{s.key}.{name}.{col} {t.frame[col].max()}")
    return bad


def repeated(b) -> list[str]:
    groups = [b.summary, [m.text for ms in b.motives.values() for m in ms],
              [x for s in b.sections for x in [*(f.text for f in s.facts), *s.gaps]]]  # fmt: skip
    return [t for g in groups for t in set(g) if g.count(t) > 1]


@pytest.mark.parametrize("day", DATES)
def test_random_pairs_over_history(day):
    """200 random pairs over 20 as-of dates: every relationship type rests on evidence rows known by the
    date; two pairs per date also get the full brief, swept for later years and repeated sentences."""
    d = date.fromisoformat(day)
    pairs = pairs_for(d, 10, seed=d.toordinal())
    for a, b in pairs:
        r = relationship(a, b, as_of=d)
        assert r.type == "none" or r.deciding, (a.name, b.name, r.type)
        assert all(e in r.evidence for e in r.deciding)
        assert all(
            e.start <= d.year - 1 and (e.end is None or e.end <= d.year - 1) for e in r.evidence
        ), (a.name, b.name)
    for a, b in pairs[:2]:
        x = brief(a, b, as_of=d)
        assert x.summary and json.dumps(x.to_dict(), default=str)
        assert not late_years(x), (a.name, b.name, late_years(x))
        assert not repeated(x), (a.name, b.name, repeated(x))


# ------------------------------------------------------------------ materiality and texts
def test_religions_ranges_by_size_and_no_percentages():
    from realpolitik.analyses.brief.sections import religion_text
    from realpolitik.countries import resolve
    from realpolitik.queries.profile_facts import religions

    assert religion_text(resolve("Greece"), religions("Greece").frame).startswith(
        "Greece: Greek Orthodox 81–90 %"
    )
    assert religion_text(resolve("Qatar"), religions("Qatar").frame).startswith(
        "Qatar: Muslim 65.2 %, Hindu 15.9 %"
    )
    saudi = religion_text(resolve("Saudi Arabia"), religions("Saudi Arabia").frame)
    assert saudi.startswith("Saudi Arabia: Muslim") and "no percentages" in saudi


def test_pair_without_relationship():
    b = brief("Iceland", "Bhutan", as_of="2024-01-01")
    assert (
        b.relationship.type == "none" and "no alliance, hostility or material tie" in b.summary[0]
    )
    assert not b.motives["ISL"] and not b.motives["BTN"]


def test_same_country_is_user_error():
    from realpolitik.errors import UserError

    with pytest.raises(UserError):
        brief("Israel", "ISR")


# ------------------------------------------------------------------ renderings
def test_markdown_html_and_notebook(isr_aze):
    md = render.to_markdown(isr_aze)
    assert md.startswith("# Israel – Azerbaijan") and "## Relationship" in md and "## Sources" in md
    table = md.split("**Arms Israel → Azerbaijan by 5-year window**", 1)[1]
    assert table.split("\n")[4].startswith("| 2019 | 2023 |")  # latest first, as the text reads
    assert "more rows not shown" in md  # the COW trade table has more rows than are printed
    html = render.to_html(isr_aze)
    assert html.count("<svg") >= 2 and "<script" not in html
    frag = isr_aze._repr_html_()
    assert frag.startswith("<div class=rp-brief>") and "<html" not in frag and "<svg" in frag
    assert ".rp-brief h1" in frag  # styles scoped to the brief


def test_charts_break_at_gaps(isr_aze):
    spec = isr_aze.section("arms").charts["share_ISR_to_AZE"]
    rows = next(iter(spec["datasets"].values()))
    assert any(
        r["share"] is None for r in rows
    )  # windows in which Azerbaijan imported nothing: a gap
    assert any(
        r["share"] == 0 for r in rows
    )  # windows with imports from others only: zero, not a gap


def test_json_brief_builds_no_chart():
    code = ("import sys; from realpolitik.analyses.brief import brief, render; "
            "render.to_json(brief('Israel', 'Azerbaijan', as_of='2024-10-09')); print('altair' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_brief_without_sipri_says_what_is_missing(tmp_path):
    """A snapshot built without SIPRI: the brief still works and states the gap."""
    from realpolitik.snapshot.paths import active_snapshot
    from realpolitik.store import Store

    src = active_snapshot()
    for d in src.iterdir():
        if d.is_dir() and d.name != "sipri":
            (tmp_path / d.name).symlink_to(d, target_is_directory=True)
    store = Store(tmp_path)
    b = brief("Israel", "Azerbaijan", as_of="2024-10-09", store=store)
    assert any("built without SIPRI" in g for g in b.section("arms").gaps)
    assert any("SIPRI arms transfers" in n for n in b.relationship.notes)  # arms ties not assessed
    assert b.relationship.type == "partners" and json.dumps(
        b.to_dict(), default=str
    )  # the crude tie remains


@pytest.mark.browser
def test_html_brief_charts_render_in_chromium(isr_aze, tmp_path):
    from tests.browser import browser_page, screenshot

    path = tmp_path / "brief.html"
    path.write_text(render.to_html(isr_aze), encoding="utf-8")
    with browser_page() as page:
        page.goto(path.as_uri())
        charts = page.locator("div.chart svg")
        assert charts.count() >= 2
        box = charts.first.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150
        assert page.locator("div.chart svg path").count() > 5  # lines and axes were drawn
        assert "67.7 %" in page.inner_text("body")
        assert screenshot(page, "brief_ISR_AZE").stat().st_size > 10_000


def test_relations_timeline_from_event_data():
    """The brief adds an event-data timeline of the months before the as-of date."""
    b = brief("Armenia", "Azerbaijan", as_of="2021-01-01")
    f = facts(b, "events")
    assert (
        f["events_gdelt2"].value == 102
    )  # Nov 2020 sample after de-duplication (hand count in test_events)
    assert "2020-11" in f["events_gdelt2"].period
    early = brief("Armenia", "Azerbaijan", as_of="2020-11-01")
    assert not early.has_section("events") or "events_gdelt2" not in facts(early, "events")
    assert not brief("Iceland", "Bhutan", as_of="2024-01-01").has_section("events")


def test_reading_as_an_analyst_would():
    """Issue 13 review: each line below is an objection an analyst raised against an earlier brief."""
    # the latest complete window before a (halved) peak: the US's 1st arms customer reads 11.7 % first
    us = [
        m for m in brief("Saudi Arabia", "United States").motives["USA"] if m.kind == "arms_market"
    ]
    assert "11.7 %" in us[0].text and "2020–24" in us[0].text and "23.5 %" in us[1].text
    # a share of a few TIV is no motive (Russia's 0.5 TIV to North Korea in 2010–14)
    nk = brief("North Korea", "Russia")
    assert not any("0.5 TIV" in m.text for ms in nk.motives.values() for m in ms)
    # a neighbour allied with the bordering state is no foothold: Germany and Denmark (NATO)
    de = brief("Russia", "Germany", as_of="2024-10-09")
    dnk = facts(de, "geography")["border_DEU_DNK"]
    assert "are allies in 2023: ATOP defence obligation" in dnk.text and dnk.data["allied"]
    assert not any(m.kind == "geography" for ms in de.motives.values() for m in ms)
    # ... nor is the neighbour's arms patron (Russia borders China, India's rival; it arms China)
    ind = brief("India", "Russia", as_of="2024-10-09")
    chn = facts(ind, "geography")["border_RUS_CHN"]
    assert chn.data["allied"] and "arms imports" in chn.text
    assert not any(m.kind == "geography" for m in ind.motives["IND"])
    # ... but a neighbour hostile to both stays one (the seed: Azerbaijan borders Iran)
    seed = brief("Israel", "Azerbaijan", as_of="2024-10-09")
    iran = facts(seed, "geography")["border_AZE_IRN"]
    assert (
        iran.value == 689 and not iran.data["allied"] and "strategic rivals since 1979" in iran.text
    )
    # the distance is CShapes', tagged as such
    assert facts(seed, "geography")["border_ab"].source == "cshapes_mindist"
    # at war since the current war, not the pair's first fight; names read with their article
    ip = brief("India", "Pakistan", as_of="1972-01-01")
    assert ip.relationship.type == "at war" and ip.relationship.since == 1971
    eg = brief("Egypt", "Soviet Union", as_of="1970-01-01")
    assert any("of the Soviet Union's arms exports" in f.text for f in facts(eg, "arms").values())
    assert sum(m.kind == "shared_adversary" for m in eg.motives["EGY"]) <= 3


def test_two_yemens_are_no_shared_adversary_and_mixed_names_the_tie():
    """Saudi Arabia fights Yemen's de facto government (UCDP/PRIO 230 from 2015, the coalition on side
    B); Iran's rivalry is with the recognised one: not one shared adversary. Saudi Arabia–Qatar are
    rivals within a multilateral defence treaty, not 'allied'."""
    b = brief("Saudi Arabia", "Iran", as_of="2024-01-01")
    f = facts(b, "security")
    assert "adversary_SAU_YEM" in f and "adversary_IRN_YEM" in f
    assert "shared_adversary_YEM" not in f
    qatar = f["adversary_SAU_QAT"].text
    assert (
        "both parties to a multilateral defence treaty" in qatar and "allied or arms" not in qatar
    )


def test_sipri_germany_before_1991_is_named_west_germany_in_the_suppliers():
    """SIPRI files the FRG as 'Germany': a 1975–79 supplier list names West Germany, a 2020–24 one Germany."""
    old = facts(brief("Viet Nam", "China", as_of="1980-06-01"), "conflict")["suppliers_CHN"].text
    assert "West Germany 13.4 %" in old and "France 86.6 %" in old
    new = facts(brief("Japan", "South Korea", as_of="2025-06-01"), "conflict")["suppliers_KOR"].text
    assert "Germany" in new and "West Germany" not in new


def test_small_figures_are_not_printed_as_zero():
    """Israel produced 0.25 TWh of oil in 2014 (OWID), 0.0005 % of world output, and Iran took 7.5 of Russia's
    ~30,000 TIV of exports in 2018–22: neither is '0 TWh' or '0.0 %'."""
    f = facts(brief("India", "Israel", as_of="2015-01-01"), "energy_trade")
    assert "(0.25 TWh, < 0.1 % of world output)" in f["oil_rank_ISR"].text
    f = facts(brief("Iran", "Russia", as_of="2023-06-01"), "arms")
    texts = " ".join(x.text for x in f.values())
    assert "Iran received < 0.1 % of Russia's arms exports in 2018–22" in texts and " 0.0 %" not in texts


def test_a_trade_tie_is_stated_with_its_figure_in_the_summary():
    """Venezuela–Cuba 2009 are partners on COW trade alone (28.1 % of Cuba's trade): the summary gave the
    kind ('substantial trade ties') but no figure, as no Factbook edition is usable in 2010."""
    b = brief("Venezuela", "Cuba", as_of="2010-01-01")
    assert b.summary[0] == "Venezuela and Cuba are partners as of 2009: substantial trade ties."
    assert "Trade with Venezuela was 28.1 % of Cuba's trade in 2009 (COW dyadic trade)." in b.summary
    us = brief("United States", "Israel", as_of="2024-06-01")
    assert us.summary[0].startswith(
        "The United States and Israel are partners as of 2023: substantial arms, trade and crude-oil ties; "
        "also aligned: UCDP/PRIO conflict 14609"
    )


def test_an_unattributed_supplier_keeps_sipris_label():
    """SIPRI files some deliveries to 'unknown supplier(s)', with no id: South Sudan's 2007–11 suppliers
    include one, and the Sudan–South Sudan brief of 2012 crashed on it."""
    f = facts(brief("Sudan", "South Sudan", as_of="2012-06-01"), "conflict")["suppliers_SSD"].text
    assert f.startswith("South Sudan's largest arms suppliers in 2007–11: Ukraine 55.3 %, Russia 43.6 %")
    assert "unknown supplier(s) 1.0 %" in f


def test_partners_name_the_pact_the_material_tie_outranks():
    """Iran–Russia read 'partners: substantial arms ties' and never said they hold a bilateral consultation,
    neutrality and non-aggression pact (ATOP, since 2001): a pact the rule table ranks below the tie."""
    b = brief("Iran", "Russia", as_of="2016-01-01")
    assert b.summary[0] == (
        "Iran and Russia are partners as of 2015: substantial arms ties; also aligned: ATOP consultation, "
        "neutrality and non-aggression obligations 2001–2015 (bilateral)."
    )
    rel = b.to_dict()["relationship"]
    assert [rel["evidence"][i]["kind"] for i in rel["also_aligned"]] == ["alliance"] * 3
    assert "- 2001–2015: ATOP consultation, neutrality and non-aggression obligations 2001–2015" in render.to_markdown(b)
    syria = relationship("Iran", "Russia", year=2024).text  # co-supporters: said, not counted
    assert "Both backed the same side of UCDP/PRIO conflict 299 in 2015–2024 (war intensity)" in syria
    assert "Both backed" not in relationship("United States", "United Kingdom", year=2020).text  # allies
    plain = brief("Saudi Arabia", "United States", as_of="2025-06-01").summary[0]  # no pact, no common side
    assert plain == "Saudi Arabia and the United States are partners as of 2024: substantial arms ties."
