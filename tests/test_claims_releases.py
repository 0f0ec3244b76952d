"""Verdicts as published (the SIPRI release current at the article date), the two standard oil
rankings (BP kb/d and energy TWh) and the mirror-coverage note on crude shares — in our own words."""

from __future__ import annotations

import pytest

from realpolitik.analyses.claims import check
from realpolitik.queries import arms


def one(text: str, date: str):
    claims = check(text, date).claims
    assert len(claims) == 1, [(c.type, c.subject, c.object) for c in claims]
    return claims[0]


def _share(release: str | None) -> float:
    top = arms.top("exporters", (2019, 2023), limit=500, release=release).frame
    return 100 * float(top.loc[top["id"] == "CHN", "share"].iloc[0])


def test_verdict_as_published_uses_the_release_current_at_the_article_date() -> None:
    if "2024" not in arms.releases() or arms.release_current_at("2024-03-19") != "2024":
        pytest.skip("store does not hold SIPRI's 2024 release")
    figure = round(_share("2024"), 1)
    c = one(
        f"China accounted for {figure} per cent of global arms exports in 2019-23.", "2024-03-19"
    )
    pub = c.verdict_as_published
    assert pub is not None and pub["release"] == "2024"
    assert pub["verdict"] == "supported"
    assert pub["actual"]["share"] == pytest.approx(_share("2024"), abs=0.01)
    assert "± 0.05 pp" in pub["tolerance"]  # the tolerance travels with the as-published verdict
    if round(_share(None), 1) != figure:  # the current data revised the figure: both are shown
        assert c.verdict == "contradicted"
        assert "as published in SIPRI's 2024 release" in c.evidence["summary"]
        assert c.evidence["notes"][0].startswith("as published (2024 release)")


def test_verdict_as_published_is_flagged_when_the_release_is_the_current_data() -> None:
    newest = arms.releases()[-1]
    c = one("India was the world's largest arms importer.", "2025-06-01")
    if arms.release_current_at("2025-06-01") != newest:
        pytest.skip("the newest release is not current in June 2025")
    assert c.verdict_as_published == {
        "release": newest,
        "verdict": c.verdict,
        "same_as_current_data": True,
    }


def test_no_verdict_as_published_when_the_release_is_not_held() -> None:
    c = one("India was the world's largest arms importer.", "2010-06-01")
    assert arms.release_current_at("2010-06-01") is None
    assert c.verdict_as_published is None
    # non-SIPRI claims never carry one
    c = one("Azerbaijan shares a 689 km border with Iran.", "2024-10-09")
    assert c.verdict_as_published is None


def test_oil_producer_rank_holds_on_either_standard_ranking() -> None:
    c = one("Azerbaijan was the 24th largest oil producer in 2020.", "2024-10-09")
    actual = c.evidence["actual"]
    assert set(actual) == {"rank_by_volume", "rank_by_energy"}
    assert "either standard ranking" in c.evidence["tolerance"]
    holds = 24 in actual.values()
    assert c.verdict == ("supported" if holds else "contradicted")
    assert "kb/d" in c.evidence["summary"] and "TWh" in c.evidence["summary"]


def test_crude_share_on_latest_data_carries_mirror_and_coverage_caveats() -> None:
    c = one("Azerbaijan supplies more than half of Israel's oil.", "2024-10-09")
    assert c.type == "oil_import_share" and c.verdict == "supported"
    assert c.evidence["period_used"]["source"] == "latest data"
    assert c.evidence["actual"]["mirror"] is True
    assert c.evidence["actual"]["share"] == pytest.approx(65.1, abs=0.05)
    assert "latest year with bilateral data" in c.evidence["summary"]
    notes = " ".join(c.evidence["notes"])
    assert "mirror data" in notes
    if "refinery throughput" in c.evidence["summary"]:  # BP throughput is held: coverage stated
        assert "refinery throughput" in notes
    assert "more than" in c.evidence["tolerance"]
