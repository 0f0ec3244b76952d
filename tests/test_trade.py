"""Crude-oil trade loaders (BACI, Comtrade bulk/API) on generated fixtures, mirror logic, real figures."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.sources import trade as tr


# --------------------------------------------------------------------------- BACI
def _baci(tmp_path, new_header: bool = True):
    codes = tmp_path / "country_codes_V202401.csv"
    if new_header:
        codes.write_text(
            "country_code,country_name,country_iso2,country_iso3\n31,Azerbaijan,AZ,AZE\n376,Israel,IL,ISR\n"
            "380,Italy,IT,ITA\n",
            encoding="utf-8",
        )
    else:
        codes.write_text(
            "country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n"
            "31,Azerbaijan,Azerbaijan,AZ,AZE\n376,Israel,Israel,IL,ISR\n380,Italy,Italy,IT,ITA\n",
            encoding="utf-8",
        )
    data = tmp_path / "BACI_HS92_Y2021_V202401.csv"
    data.write_text(
        "t,i,j,k,v,q\n"
        "2021,31,380,270900,6171234.5,      12582300.000\n"
        "2021,31,376,270900,887500.0,         NA\n"
        "2021,31,380,010121,12.0,1.0\n"
        "2021,376,380,271000,5.0,1.0\n",
        encoding="utf-8",
    )
    return data, codes


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


@pytest.mark.parametrize("new_header", [True, False])
def test_read_baci(tmp_path, new_header):
    data, codes = _baci(tmp_path, new_header)
    flows = tr.read_baci(data, codes)
    assert list(flows.columns) == tr.FLOW_COLUMNS
    assert len(flows) == 2  # HS 010121 and 271000 dropped
    ita = flows[flows["importer_iso3"] == "ITA"].iloc[0]
    assert ita["value_usd"] == pytest.approx(6_171_234_500.0)  # v is thousand USD
    assert ita["tonnes"] == 12_582_300.0 and ita["hs"] == "270900" and ita["exporter_iso3"] == "AZE"
    isr = flows[flows["importer_iso3"] == "ISR"].iloc[0]
    assert pd.isna(isr["tonnes"])  # 'NA' stays missing, never 0
    assert (flows["reported_by"] == "baci-reconciled").all()
    assert bool(isr["mirror"]) is True and bool(ita["mirror"]) is False


def test_read_baci_rejects_other_csv(tmp_path):
    _, codes = _baci(tmp_path)
    bad = tmp_path / "x.csv"
    bad.write_text("year,exporter,importer,value\n2021,AZE,ITA,1\n")
    with pytest.raises(ValueError, match="not a BACI file"):
        tr.read_baci(bad, codes)


@given(st.integers(min_value=1, max_value=999_999))
def test_hs_code_keeps_leading_zeros(code):
    s = tr._hs(code)
    assert s.isdigit() and len(s) % 2 == 0 and int(s) == code


# --------------------------------------------------------------------------- Comtrade
API_ROWS = [
    # Italy reports its imports from Azerbaijan; Azerbaijan reports its exports to Italy and Israel;
    # Israel reports nothing, so AZE->ISR must come from Azerbaijan's side (mirror).
    {
        "typeCode": "C",
        "freqCode": "A",
        "refYear": 2021,
        "period": "2021",
        "reporterCode": 380,
        "reporterISO": "ITA",
        "flowCode": "M",
        "partnerCode": 31,
        "partnerISO": "AZE",
        "partner2Code": 0,
        "cmdCode": "2709",
        "customsCode": "C00",
        "motCode": 0,
        "primaryValue": 6.5e9,
        "netWgt": 1.3e10,
        "isReported": True,
    },
    {
        "typeCode": "C",
        "freqCode": "A",
        "refYear": 2021,
        "period": "2021",
        "reporterCode": 31,
        "reporterISO": "AZE",
        "flowCode": "X",
        "partnerCode": 380,
        "partnerISO": "ITA",
        "partner2Code": 0,
        "cmdCode": "2709",
        "customsCode": "C00",
        "motCode": 0,
        "primaryValue": 6.1e9,
        "netWgt": 1.2e10,
        "isReported": True,
    },
    {
        "typeCode": "C",
        "freqCode": "A",
        "refYear": 2021,
        "period": "2021",
        "reporterCode": 31,
        "reporterISO": "AZE",
        "flowCode": "X",
        "partnerCode": 376,
        "partnerISO": "ISR",
        "partner2Code": 0,
        "cmdCode": "2709",
        "customsCode": "C00",
        "motCode": 0,
        "primaryValue": 8.9e8,
        "netWgt": 1.8e9,
        "isReported": True,
    },
    {
        "typeCode": "C",
        "freqCode": "A",
        "refYear": 2021,
        "period": "2021",
        "reporterCode": 31,
        "reporterISO": "AZE",
        "flowCode": "X",
        "partnerCode": 0,
        "partnerISO": "W00",
        "partner2Code": 0,
        "cmdCode": "2709",
        "customsCode": "C00",
        "motCode": 0,
        "primaryValue": 1.35e10,
        "netWgt": 2.7e10,
        "isReported": True,
    },
]


def _check_mirror(flows: pd.DataFrame) -> None:
    assert len(flows) == 2  # the World row is not a bilateral flow
    ita = flows[flows["importer_iso3"] == "ITA"].iloc[0]
    assert (
        ita["reported_by"] == "importer"
        and ita["value_usd"] == 6.5e9
        and ita["exporter_value_usd"] == 6.1e9
    )
    assert ita["tonnes"] == pytest.approx(1.3e7) and bool(ita["mirror"]) is False
    isr = flows[flows["importer_iso3"] == "ISR"].iloc[0]
    assert (
        isr["reported_by"] == "exporter"
        and isr["value_usd"] == 8.9e8
        and pd.isna(isr["importer_value_usd"])
    )
    assert bool(isr["mirror"]) is True


def test_comtrade_api_json_envelope_and_dataframe(tmp_path):
    path = tmp_path / "comtrade.json"
    path.write_text(json.dumps({"elements": 4, "count": 4, "data": API_ROWS, "error": ""}))
    _check_mirror(tr.mirror(tr.read_comtrade_api(path)))
    _check_mirror(
        tr.mirror(tr.read_comtrade_api(pd.DataFrame(API_ROWS)))
    )  # as comtradeapicall returns it


def test_comtrade_api_error_and_empty(tmp_path):
    with pytest.raises(ValueError, match="Comtrade API error"):
        tr.read_comtrade_api({"data": [], "error": "quota exceeded"})
    assert tr.read_comtrade_api({"data": [], "error": ""}).empty


def test_comtrade_plus_bulk_tsv(tmp_path):
    path = tmp_path / "COMTRADE-FINAL-CA2021H6.txt"
    pd.DataFrame(API_ROWS).to_csv(path, sep="\t", index=False)
    _check_mirror(tr.mirror(tr.read_comtrade_bulk(path)))


def test_comtrade_legacy_bulk_csv(tmp_path):
    legacy = pd.DataFrame(
        {
            "Classification": "H5",
            "Year": 2021,
            "Period": 2021,
            "Trade Flow Code": [1, 2, 2, 2],
            "Reporter Code": [380, 31, 31, 31],
            "Reporter ISO": ["ITA", "AZE", "AZE", "AZE"],
            "Partner Code": [31, 380, 376, 0],
            "Partner ISO": ["AZE", "ITA", "ISR", "WLD"],
            "Commodity Code": ["2709"] * 4,
            "Netweight (kg)": [1.3e10, 1.2e10, 1.8e9, 2.7e10],
            "Trade Value (US$)": [6.5e9, 6.1e9, 8.9e8, 1.35e10],
        }
    )
    path = tmp_path / "type-C_r-ALL_ps-2021_freq-A_px-HS_pub-20220101_fmt-csv.csv"
    legacy.to_csv(path, index=False)
    _check_mirror(tr.mirror(tr.read_comtrade_bulk(path)))


def test_comtrade_rejects_other_tables():
    with pytest.raises(ValueError, match="not a Comtrade table"):
        tr.normalise_comtrade(pd.DataFrame({"a": [1]}))


def test_bundled_files_parse(raw_dir):
    flows = tr.read_quantecon_crude(raw_dir / "trade" / tr.QUANTECON)
    assert len(flows) == 1445 and flows["value_usd"].sum() == pytest.approx(951e9, rel=0.01)
    assert flows["exporter_iso3"].isna().sum() + flows["importer_iso3"].isna().sum() == 20
    totals = tr.read_totals(raw_dir / "trade" / tr.TOTALS)
    assert len(totals) == 7925 and set(totals["flow"]) == {"export", "import"}


# --------------------------------------------------------------------------- real snapshot
def test_oil_sources_israel_2021_mirror(store):
    from realpolitik.queries.trade import crude_sources

    r = crude_sources("Israel", 2021, store)
    first = r.frame.iloc[0]
    assert first["partner_id"] == "AZE" and first["rank"] == 1
    assert round(first["share"] * 100, 1) == 65.1
    assert first["value_usd"] == pytest.approx(887.5e6, rel=1e-3)
    assert r.frame["mirror"].all()
    assert any("Mirror data" in n and "exporter-reported total" in n for n in r.notes)
    assert r.frame["reported_by"].eq("baci-reconciled").all()


def test_oil_buyers_azerbaijan_2021(store):
    from realpolitik.queries.trade import crude_buyers

    f = crude_buyers("Azerbaijan", 2021, store).frame
    assert f["partner_id"].head(2).tolist() == ["ITA", "ISR"]
    assert round(f["share"].iloc[0] * 100, 1) == 45.7


def test_oil_sources_year_without_bilateral_data(store):
    from realpolitik.queries.trade import crude_sources

    r = crude_sources("Israel", 2016, store)
    assert len(r.frame) == 1 and r.frame[["partner", "value_usd", "share"]].isna().all(axis=None)
    assert "no bilateral crude data for 2016; available: 2021" in r.notes[0]
    assert r.frame["country_total_usd"].iloc[0] == pytest.approx(2.28e9, rel=1e-2)
    assert "2.28bn" in r.notes[1]


def test_kazakhstan_quirk_is_noted(store):
    from realpolitik.queries.trade import crude_buyers

    assert any(
        "Kazakhstan's crude destinations" in n
        for n in crude_buyers("Kazakhstan", 2021, store).notes
    )


def test_trade_partners_azerbaijan_factbook(store):
    from realpolitik.queries.trade import partners

    r = partners("Azerbaijan", store=store)
    fb = r.frame[r.frame["source"] == "factbook"]
    assert fb[["partner_id", "share", "rank"]].head(3).values.tolist() == [
        ["ITA", 0.37, 1],
        ["TUR", 0.19, 2],
        ["ISR", 0.05, 3],
    ]
    assert (fb["year"] == 2023).all()
    cow = r.frame[r.frame["source"] == "cow_trade"]
    assert (cow["year"] == 2014).all() and cow["rank"].is_monotonic_increasing and len(cow) == 10


def test_trade_partners_year_without_data(store):
    from realpolitik.queries.trade import partners

    r = partners("Azerbaijan", year=2020, store=store)
    assert r.frame.empty
    assert r.notes[0] == "No exports-partner data for Azerbaijan in 2020."


def test_trade_dyad_azerbaijan_israel(store):
    from realpolitik.queries.trade import dyad

    r = dyad("Azerbaijan", "Israel", store)
    fb = r.frame[r.frame["source"] == "factbook"].iloc[0]
    assert (
        fb["year"] == 2023 and fb["b_rank_in_a_exports"] == 3 and fb["b_share_of_a_exports"] == 0.05
    )
    cow = r.frame[r.frame["source"] == "cow_trade"].set_index("year")
    assert cow.loc[2014, "b_to_a_usd_m"] == 182  # Azerbaijan's imports from Israel
    assert any("Azerbaijan → Israel" in n for n in r.notes)


def test_cli_oil_and_trade_json(cli):
    out = cli("oil", "sources", "Israel", "--year", "2021", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    assert rows[0]["partner_id"] == "AZE" and rows[0]["mirror"] is True
    out = cli("oil", "sources", "Israel", "--year", "2016", "--format", "json")
    data = json.loads(out.stdout)
    assert data["rows"][0]["value_usd"] is None and data["rows"][0]["share"] is None
    out = cli("trade", "partners", "Azerbaijan", "--format", "json")
    rows = json.loads(out.stdout)["rows"]
    assert (
        rows[2]["partner_id"] == "ISR"
        and rows[2]["share"] == 0.05
        and rows[2]["source"] == "factbook"
    )
    out = cli("trade", "partners", "Azerbaijan", "--flow", "imports", "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("source,year,rank,partner")


def test_profile_facts_azerbaijan(store):
    from realpolitik.queries.profile_facts import government_type, profile_facts, religions

    f = profile_facts("Azerbaijan", store).frame.set_index("field")
    assert f.loc["government type", "text"] == "presidential republic"
    assert f.loc["population", "year"] == 2025 and f.loc["population", "value"] == 10_694_370
    rel = religions("Azerbaijan", store).frame
    assert rel.iloc[0]["religion"] == "Muslim" and rel.iloc[0]["share"] == 0.973
    assert government_type("Israel", store) == "parliamentary democracy"


def test_crude_dyad_both_directions(store):
    from realpolitik.queries.trade import crude_dyad

    r = crude_dyad("Israel", "Azerbaijan", store)
    f = r.frame.set_index(["exporter_id", "importer_id"])
    aze_isr = f.loc[("AZE", "ISR")]
    assert (
        aze_isr["rank_among_sources"] == 1
        and round(aze_isr["share_of_importer_imports"], 3) == 0.651
    )
    assert aze_isr["rank_among_buyers"] == 2 and bool(aze_isr["mirror"]) is True
    isr_aze = f.loc[("ISR", "AZE")]
    assert pd.isna(isr_aze["value_usd"]) and pd.isna(isr_aze["share_of_exporter_exports"])
    none = crude_dyad("Israel", "Iran", store)
    assert none.frame["value_usd"].isna().all()
    assert (
        none.notes[0] == "No crude-oil flow between Israel and Iran in the bilateral data (2021)."
    )


partner_names = (
    st.text(alphabet=st.sampled_from("abcdefgh ABCDE.,&'"), min_size=1, max_size=16)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s and s[0].isalpha() and not s.endswith(","))
)


@given(
    st.lists(st.tuples(partner_names, st.integers(0, 100)), min_size=1, max_size=6),
    st.integers(1990, 2030),
)
def test_factbook_partners_roundtrip(pairs, year):
    from realpolitik.sources.factbook import parse_partners

    text = ", ".join(f"{n} {p}%" for n, p in pairs) + f" ({year})"
    rows, got_year = parse_partners(text)
    assert got_year == year
    assert [(r["partner"], r["share"], r["rank"]) for r in rows] == [
        (n, round(p / 100, 6), i) for i, (n, p) in enumerate(pairs, start=1)
    ]


_DYADS = st.lists(
    st.tuples(st.sampled_from([2, 20, 200, 220, 365, 666, 710]), st.sampled_from([2, 20, 200, 220, 365, 666, 710]),
              st.integers(1950, 2014), st.integers(-9, 5000), st.integers(-9, 5000), st.booleans()),
    max_size=30,
)  # fmt: skip


@settings(max_examples=25, deadline=None)  # each example resolves codes to ids: ~0.1 s
@given(_DYADS)
def test_cow_dyadic_trade_is_kept_in_both_orders_sorted_by_the_first_state(rows):
    """A dyad-year published in one order gains its mirror (flows swapped), one published in both keeps its own
    rows: every state's partners are then the rows with its code first (queries/trade.py reads only those)."""
    from realpolitik.sources.peacesciencer import parse_trade_ddy

    seen, raw = set(), []
    for a, b, year, f1, f2, both in rows:
        if a == b or (a, b, year) in seen or (b, a, year) in seen:
            continue
        seen.add((a, b, year))
        raw.append((a, b, year, f1, f2, f1, f2))
        if both:
            raw.append((b, a, year, f2, f1, f2, f1))
    cols = ["ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"]
    out = parse_trade_ddy(pd.DataFrame(raw, columns=cols))
    assert len(out) == 2 * len(seen)
    key = ["ccode1", "ccode2", "year"]
    assert out[key].equals(out[key].sort_values(key, ignore_index=True))
    rows_by_key = {(r.ccode1, r.ccode2, r.year): r for r in out.itertuples()}
    for a, b, year in seen:
        ab, ba = rows_by_key[(a, b, year)], rows_by_key[(b, a, year)]
        for x, y in (("flow1", "flow2"), ("smoothflow1", "smoothflow2")):
            assert pd.isna(getattr(ab, x)) and pd.isna(getattr(ba, y)) or getattr(ab, x) == getattr(ba, y)
        assert ab.id1 == ba.id2 and ab.id2 == ba.id1
