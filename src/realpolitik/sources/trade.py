"""Crude-oil trade (HS 2709): CEPII BACI and UN Comtrade loaders, mirror logic, bundled BACI-derived files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset

SUBDIR = "trade"
QUANTECON = "quantecon__book-networks/crude_oil_270900_bilateral_2021.csv"
TOTALS = (
    "Claire-Namusoke__Crude-Oil-Trade/global_crude_petroleum_trade_1995-2021_country_totals.csv"
)
CRUDE_HS = "2709"

FLOW_COLUMNS = [
    "year",
    "hs",
    "exporter_iso3",
    "importer_iso3",
    "exporter_id",
    "importer_id",
    "exporter_name",
    "importer_name",
    "value_usd",
    "tonnes",
    "reported_by",
    "mirror",
]

# Importers known not to publish crude-oil imports by origin: their inflows rest on exporters' reports.
NON_REPORTING_IMPORTERS = {
    "ISR": (
        "Israel does not publish crude-oil imports by origin, so every flow into Israel rests on the "
        "exporters' declarations (mirror data)"
    ),
}
KAZAKHSTAN_NOTE = (
    "Kazakhstan's crude destinations follow its own reporting, which BACI keeps: e.g. KAZ→ITA is only "
    "$0.94bn in 2021 while KAZ→GRC is $4.3bn and KAZ→DEU $3.5bn; Kazakh flows by destination are "
    "unreliable (see trade SOURCES.md)"
)


# --------------------------------------------------------------------------- resolver glue
def _ids(codes: pd.Series, how: str = "iso3") -> pd.Series:
    """Resolver ids for ISO3 codes or names (unknown -> ISO3 code itself for codes, null for names)."""
    try:
        from realpolitik import countries
    except ImportError:
        countries = None  # type: ignore[assignment]
    mapping: dict[Any, Any] = {}
    for code in codes.dropna().unique():
        found = None
        if countries is not None:
            try:
                c = countries.from_iso3(code) if how == "iso3" else countries.try_resolve(code)
                found = c.id if c is not None else None
            except Exception:  # noqa: BLE001 - codes the resolver lacks
                found = None
        mapping[code] = found if found is not None else (code if how == "iso3" else None)
    return codes.map(mapping).astype("object")


def _names(ids: pd.Series, fallback: pd.Series) -> pd.Series:
    """Display names: the resolver's name for an id, else the given fallback (ISO3 code or name)."""
    try:
        from realpolitik import countries
    except ImportError:
        countries = None  # type: ignore[assignment]
    mapping: dict[Any, Any] = {}
    for i in ids.dropna().unique():
        name = None
        if countries is not None:
            try:
                c = countries.try_resolve(i)
                name = c.name if c is not None else None
            except Exception:  # noqa: BLE001
                name = None
        mapping[i] = name
    out = ids.map(mapping)
    return out.where(out.notna(), fallback).astype("object")


def _hs(code: Any) -> str:
    """HS code as text with its leading zeros restored to an even length ('270900', '2709')."""
    s = str(code).strip()
    if s.endswith(".0"):
        s = s[:-2]
    return s.zfill(len(s) + len(s) % 2) if s.isdigit() else s


# --------------------------------------------------------------------------- CEPII BACI
def read_baci_country_codes(path: Path) -> pd.DataFrame:
    """BACI's country_codes_V*.csv (either the 2023+ or the older header) as code, iso3, name."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    cols = {c.lower(): c for c in raw.columns}
    iso = cols.get("country_iso3") or cols.get("iso_3digit_alpha")
    name = (
        cols.get("country_name")
        or cols.get("country_name_full")
        or cols.get("country_name_abbreviation")
    )
    if "country_code" not in cols or iso is None:
        raise ValueError(
            f"{path.name}: not a BACI country_codes file (columns {list(raw.columns)})"
        )
    out = pd.DataFrame(
        {
            "code": pd.to_numeric(raw[cols["country_code"]], errors="coerce").astype("Int64"),
            "iso3": raw[iso].str.strip().replace({"": None, "NA": None}),
            "name": raw[name].str.strip() if name else None,
        }
    )
    return out.dropna(subset=["code"]).drop_duplicates("code")


def read_baci(path: Path, country_codes: Path, hs_prefix: str = CRUDE_HS) -> pd.DataFrame:
    """A BACI_HS*_Y*_V*.csv (t,i,j,k,v,q; v in thousand USD, q in tonnes) as normalised flows."""
    raw = pd.read_csv(path, dtype={"k": str}, na_values=["NA", "", " "], skipinitialspace=True)
    missing = {"t", "i", "j", "k", "v", "q"} - set(raw.columns)
    if missing:
        raise ValueError(f"{path.name}: not a BACI file (missing columns {sorted(missing)})")
    raw["k"] = raw["k"].map(_hs)
    raw = raw[raw["k"].str.startswith(hs_prefix)]
    codes = read_baci_country_codes(country_codes).set_index("code")["iso3"]
    out = pd.DataFrame(
        {
            "year": raw["t"].astype("int64"),
            "hs": raw["k"],
            "exporter_iso3": raw["i"].astype("Int64").map(codes),
            "importer_iso3": raw["j"].astype("Int64").map(codes),
            "value_usd": pd.to_numeric(raw["v"], errors="coerce") * 1000.0,
            "tonnes": pd.to_numeric(raw["q"], errors="coerce"),
        }
    )
    return _finish_flows(out.reset_index(drop=True), "baci-reconciled")


def _finish_flows(frame: pd.DataFrame, reported_by: str | pd.Series) -> pd.DataFrame:
    frame = frame.copy()
    frame["exporter_id"] = _ids(frame["exporter_iso3"])
    frame["importer_id"] = _ids(frame["importer_iso3"])
    frame["exporter_name"] = _names(frame["exporter_id"], frame["exporter_iso3"])
    frame["importer_name"] = _names(frame["importer_id"], frame["importer_iso3"])
    frame["reported_by"] = reported_by
    frame["mirror"] = frame["importer_iso3"].isin(list(NON_REPORTING_IMPORTERS)) | (
        frame["reported_by"] == "exporter"
    )
    frame["value_usd"] = frame["value_usd"].astype("float64")
    frame["tonnes"] = frame["tonnes"].astype("float64")
    return frame[FLOW_COLUMNS]


def read_quantecon_crude(path: Path) -> pd.DataFrame:
    """The quantecon_book_networks crude_oil data.csv (BACI HS92 270900, USD) as normalised flows."""
    raw = pd.read_csv(
        path, dtype={"location_code": str, "partner_code": str}, keep_default_na=False
    )
    qty = next(c for c in raw.columns if c.lower().startswith("quantity"))
    out = pd.DataFrame(
        {
            "year": raw["year"].astype("int64"),
            "hs": raw["product_id"].map(_hs),
            "exporter_iso3": raw["location_code"].str.strip().replace("", None),
            "importer_iso3": raw["partner_code"].str.strip().replace("", None),
            "value_usd": pd.to_numeric(raw["export_value"], errors="coerce"),
            "tonnes": pd.to_numeric(raw[qty].astype(str).str.strip(), errors="coerce"),
        }
    )
    return _finish_flows(out, "baci-reconciled")


# --------------------------------------------------------------------------- UN Comtrade
# Comtrade+ (API and new bulk files) camelCase names, and the legacy bulk CSV headers.
_COMTRADE = {
    "year": ("refYear", "Year"),
    "period": ("period", "Period"),
    "flow": ("flowCode", "Trade Flow Code"),
    "reporter_code": ("reporterCode", "Reporter Code"),
    "reporter_iso3": ("reporterISO", "Reporter ISO"),
    "partner_code": ("partnerCode", "Partner Code"),
    "partner_iso3": ("partnerISO", "Partner ISO"),
    "partner2_code": ("partner2Code", "2nd Partner Code"),
    "hs": ("cmdCode", "Commodity Code"),
    "value_usd": ("primaryValue", "Trade Value (US$)"),
    "net_kg": ("netWgt", "Netweight (kg)"),
    "customs": ("customsCode", "Customs Proc. Code"),
    "mot": ("motCode", "Mode of Transport Code"),
}
_FLOW = {
    "M": "import",
    "X": "export",
    "1": "import",
    "2": "export",
    "RM": "re-import",
    "RX": "re-export",
    "3": "re-export",
    "4": "re-import",
}


def normalise_comtrade(raw: pd.DataFrame) -> pd.DataFrame:
    """Comtrade rows (API JSON/DataFrame, Comtrade+ bulk or legacy bulk CSV) as reporter-view records."""
    cols = {}
    for key, names in _COMTRADE.items():
        cols[key] = next((n for n in names if n in raw.columns), None)
    for need in ("flow", "reporter_iso3", "partner_iso3", "hs", "value_usd"):
        if cols[need] is None:
            raise ValueError(f"not a Comtrade table: no {_COMTRADE[need][0]!r} column")
    year_col = cols["year"] or cols["period"]
    out = pd.DataFrame(
        {
            "year": pd.to_numeric(raw[year_col].astype(str).str[:4], errors="coerce").astype(
                "Int64"
            ),
            "flow": raw[cols["flow"]].astype(str).str.strip().map(_FLOW),
            "reporter_iso3": raw[cols["reporter_iso3"]].astype(str).str.strip(),
            "partner_iso3": raw[cols["partner_iso3"]].astype(str).str.strip(),
            "hs": raw[cols["hs"]].map(_hs),
            "value_usd": pd.to_numeric(raw[cols["value_usd"]], errors="coerce"),
            "net_kg": pd.to_numeric(raw[cols["net_kg"]], errors="coerce")
            if cols["net_kg"]
            else float("nan"),
        }
    )
    keep = out["flow"].isin(["import", "export"])
    partner_code = raw[cols["partner_code"]] if cols["partner_code"] else None
    if partner_code is not None:
        keep &= pd.to_numeric(partner_code, errors="coerce") != 0  # 0 = World
    keep &= ~out["partner_iso3"].isin(["W00", "WLD", "World", "", "nan", "None"])
    if cols["partner2_code"]:
        keep &= pd.to_numeric(raw[cols["partner2_code"]], errors="coerce").fillna(0) == 0
    for extra, total in (("customs", "C00"), ("mot", "0")):
        if cols[extra]:
            keep &= raw[cols[extra]].astype(str).str.strip().isin([total, "TOTAL", "nan", ""])
    return out[keep].reset_index(drop=True)


def read_comtrade_bulk(path: Path) -> pd.DataFrame:
    """A Comtrade bulk download (CSV or tab-separated .txt/.gz, Comtrade+ or legacy headers)."""
    opener = __import__("gzip").open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        text = fh.read()
    sep = "\t" if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    raw = pd.read_csv(
        io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL
    )
    return normalise_comtrade(raw)


def read_comtrade_api(data: Any) -> pd.DataFrame:
    """Comtrade API data as comtradeapicall returns it (a DataFrame), or the JSON body / a .json path."""
    if isinstance(data, (str, Path)):
        data = json.loads(Path(data).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        if data.get("error"):
            raise ValueError(f"Comtrade API error: {data['error']}")
        data = data.get("data", [])
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data))
    if frame.empty:
        return normalise_comtrade(
            pd.DataFrame(
                columns=[
                    "refYear",
                    "flowCode",
                    "reporterISO",
                    "partnerISO",
                    "cmdCode",
                    "primaryValue",
                ]
            )
        )
    return normalise_comtrade(frame)


def mirror(records: pd.DataFrame, hs_prefix: str = CRUDE_HS) -> pd.DataFrame:
    """Bilateral flows from reporter-view records: the importer's report when there is one, else the
    exporter's (mirror); `reported_by` says which side each figure comes from."""
    rec = records[records["hs"].astype(str).str.startswith(hs_prefix)]
    imp = rec[rec["flow"] == "import"].rename(
        columns={"reporter_iso3": "importer_iso3", "partner_iso3": "exporter_iso3"}
    )
    exp = rec[rec["flow"] == "export"].rename(
        columns={"reporter_iso3": "exporter_iso3", "partner_iso3": "importer_iso3"}
    )
    keys = ["year", "hs", "exporter_iso3", "importer_iso3"]
    imp = imp.groupby(keys, as_index=False)[["value_usd", "net_kg"]].sum(min_count=1)
    exp = exp.groupby(keys, as_index=False)[["value_usd", "net_kg"]].sum(min_count=1)
    both = imp.merge(exp, on=keys, how="outer", suffixes=("_importer", "_exporter"))
    use_imp = both["value_usd_importer"].notna()
    out = pd.DataFrame(
        {
            "year": both["year"].astype("int64"),
            "hs": both["hs"],
            "exporter_iso3": both["exporter_iso3"],
            "importer_iso3": both["importer_iso3"],
            "value_usd": both["value_usd_importer"].where(use_imp, both["value_usd_exporter"]),
            "tonnes": both["net_kg_importer"].where(use_imp, both["net_kg_exporter"]) / 1000.0,
        }
    )
    flows = _finish_flows(out, use_imp.map({True: "importer", False: "exporter"}))
    flows["importer_value_usd"] = both["value_usd_importer"]
    flows["exporter_value_usd"] = both["value_usd_exporter"]
    return flows


# --------------------------------------------------------------------------- country totals (OEC/Kaggle)
def read_totals(path: Path) -> pd.DataFrame:
    """The 'Global Crude Petroleum Trade 1995-2021' country totals as year, country, id, flow, value_usd."""
    raw = pd.read_csv(path)
    need = {"Country", "Trade Value", "Year", "Action"}
    if need - set(raw.columns):
        raise ValueError(f"{path.name}: missing columns {sorted(need - set(raw.columns))}")
    out = pd.DataFrame(
        {
            "year": raw["Year"].astype("int64"),
            "country": raw["Country"].str.strip(),
            "continent": raw.get("Continent"),
            "flow": raw["Action"].str.lower().map({"export": "export", "import": "import"}),
            "value_usd": pd.to_numeric(raw["Trade Value"], errors="coerce"),
        }
    )
    out.insert(2, "id", _ids(out["country"], how="name"))
    return out


# --------------------------------------------------------------------------- datasets
def build_bilateral(raw_root: Path) -> Built:
    """Build 'trade_crude_baci' from the BACI-derived quantecon file (2021)."""
    path = raw_root / SUBDIR / QUANTECON
    flows = read_quantecon_crude(path)
    years = (int(flows["year"].min()), int(flows["year"].max()))
    return Built(
        tables={"trade_crude_flows": flows},
        release="CEPII BACI HS92 (via quantecon_book_networks 1.6), product 270900, 2021",
        files=[path],
        coverage={"trade_crude_flows": years},
        notes=[
            "Values are BACI-reconciled flows (exporter and importer reports combined by CEPII), USD; "
            "reported_by='baci-reconciled'. Only 2021 is bundled.",
            NON_REPORTING_IMPORTERS["ISR"] + "; those rows carry mirror=true.",
            KAZAKHSTAN_NOTE + ".",
            "20 rows have no ISO3 code (non-ISO areas, each < $2k); they count in totals but have no id.",
        ],
    )


def build_totals(raw_root: Path) -> Built:
    """Build 'trade_crude_totals' from the OEC/Kaggle country totals (1995–2021)."""
    path = raw_root / SUBDIR / TOTALS
    totals = read_totals(path)
    return Built(
        tables={"trade_crude_totals": totals},
        release="Kaggle 'Global Crude Petroleum Trade 1995-2021' (OEC, BACI-based), via Claire-Namusoke/Crude-Oil-Trade 62f1f3e",
        files=[path],
        coverage={"trade_crude_totals": (int(totals["year"].min()), int(totals["year"].max()))},
        notes=[
            "Each row is one country's crude-oil exports or imports against the world (not bilateral).",
            "Built from the same OEC/BACI release as the 2021 bilateral flows (Israel 2021 imports match).",
            "No licence is stated by the redistributor; OEC/Kaggle terms apply. Use for reference and checks.",
        ],
    )


BACI_CITATION = (
    "Gaulier, G. and Zignago, S. (2010). BACI: International Trade Database at the Product-Level. "
    "The 1994-2007 Version. CEPII Working Paper 2010-23. Data via quantecon_book_networks (Sargent & Stachurski)."
)

DATASETS = [
    Dataset(
        name="trade_crude_baci",
        title="Bilateral crude-oil trade (HS 270900), CEPII BACI, 2021",
        build=build_bilateral,
        citation=BACI_CITATION,
        url="https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
        licence="BACI: Etalab Open Licence 2.0; quantecon_book_networks: MIT",
        bibtex=(
            "@techreport{baci,\n  author = {Gaulier, Guillaume and Zignago, Soledad},\n"
            "  title = {BACI: International Trade Database at the Product-Level. The 1994-2007 Version},\n"
            "  institution = {CEPII}, type = {Working Paper}, number = {2010-23}, year = {2010}\n}"
        ),
    ),
    Dataset(
        name="trade_crude_totals",
        title="Crude-oil exports and imports by country, 1995–2021 (OEC/BACI)",
        build=build_totals,
        citation=(
            "Observatory of Economic Complexity (OEC), Crude Petroleum (HS92 2709) trade, BACI-based; "
            "Kaggle 'Global Crude Petroleum Trade 1995-2021'."
        ),
        url="https://github.com/Claire-Namusoke/Crude-Oil-Trade",
        licence="not stated (OEC/Kaggle terms)",
        bibtex="",
    ),
]
