"""Words for people: column labels instead of column names, booleans as yes/no, claim types in prose.

The CSV and JSON downloads keep the real column names (they are the CLI's contract); only what
the pages show goes through these labels.
"""

from __future__ import annotations

import re
from typing import Any

from realpolitik.render.formats import human

COLUMNS: dict[str, str] = {
    "tiv": "TIV (SIPRI, millions)",
    "tiv_order": "TIV of the whole order (millions)",
    "total": "total TIV (millions)",
    "share": "share",
    "share_of_imports": "share of recipient's imports",
    "share_of_exports": "share of supplier's exports",
    "supplier_rank": "supplier's rank",
    "recipient_rank": "recipient's rank",
    "top_supplier": "top supplier",
    "top_recipient": "top recipient",
    "name": "country",
    "rank": "rank",
    "start": "from",
    "end": "to",
    "value_usd_m": "value (US$ million)",
    "value_usd": "value (US$)",
    "country_total_usd": "country total (US$)",
    "tonnes": "tonnes",
    "reported_by": "reported by",
    "mirror": "mirror data (partner-reported)",
    "a_to_b_usd_m": "A → B (US$ million)",
    "b_to_a_usd_m": "B → A (US$ million)",
    "b_rank_in_a_exports": "B's rank in A's exports",
    "b_share_of_a_exports": "B's share of A's exports",
    "a_rank_in_b_exports": "A's rank in B's exports",
    "a_share_of_b_exports": "A's share of B's exports",
    "km": "land border (km)",
    "conttype": "COW contiguity code",
    "contiguity": "contiguity",
    "cow_from": "contiguous from (COW)",
    "cow_to": "contiguous to (COW)",
    "shared_land_border": "shared land border",
    "min_distance_km": "minimum distance (km)",
    "min_distance_year": "distance measured in",
    "rivalry_tss": "TSS strategic rivalry",
    "rivalry_td": "Thompson & Dreyer rivalry",
    "tss_type": "TSS rivalry type",
    "td_type": "Thompson & Dreyer type",
    "tss_principal": "TSS principal rivalry",
    "cow_mids": "COW militarised disputes",
    "cow_last_year": "last COW dispute",
    "cow_max_hostlev": "highest COW hostility level",
    "gml_mids": "GML militarised disputes",
    "gml_last_year": "last GML dispute",
    "gml_max_hostlev": "highest GML hostility level",
    "counterpart": "counterpart",
    "rival": "rival",
    "twh": "oil production (TWh)",
    "ranked_of": "ranked of",
    "order_year": "ordered in",
    "ordered": "number ordered",
    "delivered": "number delivered",
    "delivery_years": "delivered in",
    "idealpoint_a": "UN ideal point of A",
    "idealpoint_b": "UN ideal point of B",
    "distance": "ideal-point distance",
    "dispnum": "dispute number",
    "first_year": "first year",
    "last_year": "last year",
    "hostlev_a": "hostility level of A",
    "hostlev_b": "hostility level of B",
    "a_on_side_a": "A on side A",
    "a_originator": "A an originator",
    "fatality_a": "fatalities of A (level)",
    "non_aggression": "non-aggression",
    "goldstein_mean": "mean Goldstein score",
    "goldstein_wmean": "weighted mean Goldstein score",
    "tone_mean": "mean tone",
    "cc_index": "cooperation–conflict index",
    "a_to_b": "events A → B",
    "b_to_a": "events B → A",
    "verbal_coop": "verbal cooperation",
    "material_coop": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "score": "score",
    "material": "material tie strength",
    "unlikeness": "unlikeness",
    "shared_adversaries": "shared adversaries",
    "arms_share": "arms share",
    "trade_dep": "trade dependence",
    "energy_dep": "energy dependence",
    "un_distance": "UN ideal-point distance",
    "regime_diff": "regime difference",
    "religion_diff": "religion difference",
    "signs": "signs",
    "balanced": "balanced",
}

CLAIM_TYPES: dict[str, str] = {
    "arms_import_share": "Share of arms imports",
    "arms_export_share": "Share of arms exports",
    "arms_top_supplier": "Top arms supplier",
    "arms_top_recipient": "Top arms recipient",
    "arms_deal": "Arms deal",
    "oil_producer_rank": "Oil-producer rank",
    "oil_import_share": "Share of crude-oil imports",
    "oil_export_share": "Share of crude-oil exports",
    "export_partner_rank": "Export-partner rank",
    "import_partner_rank": "Import-partner rank",
    "border_length": "Border length",
    "rivalry": "Rivalry",
}

_WORDS = {
    "usd": "US$",
    "tiv": "TIV",
    "cow": "COW",
    "gml": "GML",
    "tss": "TSS",
    "un": "UN",
    "m": "million",
}


def column(name: str) -> str:
    """The label of a column: from the table above, else its words with known abbreviations spelled."""
    if name in COLUMNS:
        return COLUMNS[name]
    return " ".join(_WORDS.get(w, w) for w in re.split(r"_+", name) if w) or name


def claim_type(kind: str) -> str:
    return CLAIM_TYPES.get(kind) or kind.replace("_", " ").capitalize()


def cell(value: Any, name: str = "") -> str:
    """One table cell for people: yes/no for booleans, shares as %, missing as '–'."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    return human(str(name), value)
