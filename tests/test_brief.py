"""The dyad brief on the real snapshot: the seed's figures, data gaps, any pair, HTML charts."""

from __future__ import annotations

import json
import random

import pytest

from realpolitik.analyses.brief import brief, render
from realpolitik.countries import all_countries

TOL = 0.0005


@pytest.fixture(scope="module")
def isr_aze():
    return brief("Israel", "Azerbaijan", as_of="2024-10-09")


def facts(b, section):
    return {f.key: f for f in b.section(section).facts}


def test_arms_windows_and_ranks(isr_aze):
    windows = isr_aze.section("arms").tables["windows_ISR_to_AZE"].frame
    by = {(int(r.start), int(r.end)): r for r in windows.itertuples()}
    assert by[(2016, 2020)].share_of_imports == pytest.approx(0.677, abs=TOL)
    assert by[(2019, 2023)].share_of_imports == pytest.approx(0.402, abs=TOL)
    assert by[(2016, 2020)].share_of_exports == pytest.approx(0.160, abs=TOL)
    assert by[(2016, 2020)].recipient_rank == 2 and by[(2016, 2020)].top_recipient == "India"
    assert max(by) == (2019, 2023)  # as of 2024-10-09 the last complete year is 2023
    f = facts(isr_aze, "arms")
    assert "16.0 % of Israel's arms exports in 2016–20" in f["ISR_to_AZE_export_share_peak"].text
    assert "after India" in f["ISR_to_AZE_export_share_peak"].text


def test_energy_trade_and_gap(isr_aze):
    f = facts(isr_aze, "energy_trade")
    assert f["exports_partner_ISR_of_AZE"].value == 3
    assert f["exports_partner_ISR_of_AZE"].data["share"] == pytest.approx(0.05)
    assert f["oil_rank_AZE"].value == 26 and f["oil_rank_AZE"].period == "2023"
    crude = f["crude_AZE_to_ISR_2021"]
    assert crude.value == pytest.approx(0.651, abs=TOL) and crude.data["mirror"] is True
    gaps = " ".join(isr_aze.section("energy_trade").gaps)
    assert "No bilateral crude-oil data" in gaps and "2021" in gaps


def test_geography_and_shared_adversary(isr_aze):
    g = facts(isr_aze, "geography")
    assert g["border_AZE_IRN"].value == 689
    s = facts(isr_aze, "security")
    shared = s["shared_adversary_IRN"]
    ev = shared.data["evidence"]
    assert any(e["kind"] == "rivalry" and "1979" in e["since"] for e in ev["ISR"])
    assert any(e["kind"] == "disputes" for e in ev["AZE"])
    assert "enemy of my enemy" in shared.text


def test_motives_and_summary(isr_aze):
    kinds_aze = [m.kind for m in isr_aze.motives["AZE"]]
    kinds_isr = [m.kind for m in isr_aze.motives["ISR"]]
    assert kinds_aze[0] == "arms_supply"
    assert (
        "export_market" in kinds_aze and "energy_supply" in kinds_isr and "arms_market" in kinds_isr
    )
    assert 3 <= len(isr_aze.summary) <= 6
    assert any("67.7 %" in s for s in isr_aze.summary)


def test_json_contains_every_figure(cli):
    p = cli("brief", "Israel", "Azerbaijan", "--as-of", "2024-10-09", "--format", "json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["a"]["id"] == "ISR" and doc["b"]["id"] == "AZE" and doc["last_complete_year"] == 2023
    text = json.dumps(doc, ensure_ascii=False)
    for needle in ("67.7 %", "40.2 %", "16.0 %", "689 km", "1979", "3rd largest export market", "26th largest oil producer",
                   "No bilateral crude-oil data"):  # fmt: skip
        assert needle in text, needle
    assert {s["dataset"] for s in doc["sources"]} >= {"sipri", "factbook", "owid_energy"}


def test_pair_without_relationship():
    b = brief("Iceland", "Bhutan", as_of="2024-01-01")
    assert b.summary and "no material tie" in b.summary[0]
    assert not b.motives["ISL"] and not b.motives["BTN"]


def test_same_country_is_user_error():
    from realpolitik.errors import UserError

    with pytest.raises(UserError):
        brief("Israel", "ISR")


def test_fifty_random_pairs_and_historical_states():
    states = [c for c in all_countries() if c.kind == "state" and c.cow is not None]
    rng = random.Random(7)
    pairs = [tuple(rng.sample(states, 2)) for _ in range(50)]
    pairs += [("Soviet Union", "Egypt"), ("East Germany", "Poland"), ("Yugoslavia", "India")]
    for a, b in pairs:
        result = brief(a, b, as_of="2020-06-01")
        doc = result.to_dict()
        assert doc["summary"] and json.dumps(doc)


def test_soviet_union_arms_to_egypt_in_its_years():
    b = brief("Soviet Union", "Egypt", as_of="1975-01-01")
    assert any(k.startswith("SUN_to_EGY_share") for k in facts(b, "arms"))


def test_markdown_and_html_render(isr_aze, tmp_path):
    md = render.to_markdown(isr_aze)
    assert md.startswith("# Israel – Azerbaijan") and "## Sources" in md
    html = render.to_html(isr_aze)
    assert html.count("<svg") >= 2 and "<script" not in html


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
    """The brief adds an event-data timeline when the store holds events between the pair."""
    b = brief("Armenia", "Azerbaijan", as_of="2021-01-01")
    f = facts(b, "events")
    assert (
        f["events_gdelt2"].value == 102
    )  # Nov 2020 sample after de-duplication (hand count in test_events)
    assert "2020-11" in f["events_gdelt2"].period
    assert any("samples" in g for g in b.section("events").gaps)
    none = brief("Iceland", "Bhutan", as_of="2024-01-01")
    assert all(s.key != "events" for s in none.sections)


def test_brief_as_of_uses_no_later_years():
    """A brief as of 1975 cites no dispute, alliance year or rivalry end from after 1974."""
    b = brief("Soviet Union", "Egypt", as_of="1975-01-01")
    sec = b.section("security")
    assert sec.tables["alliances"].frame["year"].max() <= 1974
    for f in sec.facts:
        for side in (
            (f.data.get("evidence") or {}).values()
            if f.key.startswith("shared_")
            else [f.data.get("evidence") or []]
        ):
            for e in side:
                assert e.get("last_year", 0) <= 1974, e
                assert all(int(y) <= 1974 for y in __import__("re").findall(r"\d{4}", e["text"])), e
    late = brief("Soviet Union", "Egypt", as_of="2024-01-01")
    assert (
        late.last_year == 1991
    )  # a dissolved state's brief stops with it (COW 365 is Russia after)
