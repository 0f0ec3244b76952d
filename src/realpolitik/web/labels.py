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
    "type": "type",
    "states": "states bound (both included)",
    "size": "size",
    "dataset": "dataset",
    "source": "source",
    "known_by": "as of the date",
    "designation": "weapon",
    "description": "description",
    "category": "category",
    "status": "status",
    "comments": "comments",
    "period": "period",
    "events": "events",
}

DATASETS: dict[str, str] = {
    "sipri": "SIPRI Arms Transfers",
    "atop": "ATOP alliances",
    "cow_mid": "COW MIDs",
    "gml_mid": "GML MIDs",
    "tss_rivalries": "Thompson–Sakuwa–Suhas rivalries",
    "td_rivalries": "Thompson & Dreyer rivalries",
    "ucdp_acd": "UCDP/PRIO armed conflicts",
    "cow_war_inter": "COW inter-state wars",
    "cow_trade": "COW trade",
    "cow_contdir": "COW direct contiguity",
    "cshapes_mindist": "CShapes distances",
    "factbook": "CIA World Factbook",
    "owid_energy": "OWID energy (Energy Institute)",
    "trade_crude_baci": "CEPII BACI crude oil",
    "trade_crude_totals": "OEC/BACI crude-oil totals",
    "bp_statistical_review": "BP Statistical Review",
    "atop_blocs": "ATOP alliance blocs",
    "cow_states": "COW state system",
    "cow_nmc": "COW material capabilities",
    "leaders": "Archigos leaders",
    "unga_idealpoints": "UN General Assembly ideal points",
    "isard_democracy": "V-Dem and Polity",
    "events_samples": "event data samples",
    "gdelt1": "GDELT 1.0",
    "gdelt2": "GDELT 2.0",
    "relationship model": "relationship model",
}
"""Dataset ids as people know them (the downloads keep the ids)."""

ALLIANCE_TYPES = {"defense": "defence", "offense": "offence", "neutral": "neutrality",
                  "nonagg": "non-aggression", "consul": "consultation"}  # fmt: skip
HOSTILITY = {1: "1 (no militarised action)", 2: "2 (threat to use force)", 3: "3 (display of force)",
             4: "4 (use of force)", 5: "5 (war)"}  # fmt: skip
IDS = frozenset(
    {"dispnum", "warnum", "conflict_id", "ccode"}
)  # identifiers, not counts: no separators

RELATIONSHIP_TYPES = {
    "at war": "at war",
    "rivals": "rivals",
    "hostile": "hostile",
    "mixed": "mixed (hostile evidence beside an alliance or an arms tie)",
    "allies": "allies",
    "partners": "partners",
    "aligned": "aligned",
    "none": "no tie above the thresholds",
}

CLAIM_TYPES: dict[str, str] = {
    "arms_import_share": "Share of arms imports",
    "arms_export_share": "Share of arms exports",
    "arms_top_supplier": "Top arms supplier",
    "arms_top_recipient": "Top arms recipient",
    "arms_global_share": "Share of global arms trade",
    "arms_global_rank": "Rank among arms traders",
    "arms_group_share": "Combined share of a group",
    "arms_region_share": "Share of a region",
    "arms_volume_change": "Change in arms volume",
    "arms_global_volume_change": "Change in global arms volume",
    "arms_deal": "Arms deal",
    "oil_producer_rank": "Oil-producer rank",
    "oil_import_share": "Share of crude-oil imports",
    "oil_export_share": "Share of crude-oil exports",
    "oil_buyer_rank": "Rank among crude-oil buyers",
    "oil_source_rank": "Rank among crude-oil suppliers",
    "export_partner_rank": "Export-partner rank",
    "export_partner_share": "Share of exports",
    "shared_border": "Shared border",
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


def column(name: str, names: dict[str, str] | None = None) -> str:
    """The label of a column: from the table above, else its words with known abbreviations spelled.

    `names` maps the table's sides to country names ({"A": "Israel", "ISR": "Israel", …}), so that
    "A → B (US$ million)" reads "Israel → Azerbaijan (US$ million)" and "hostility_ISR" "hostility of Israel"."""
    names = names or {}
    side = re.fullmatch(r"hostility_(\w+)", name)
    if side:
        return f"hostility of {names.get(side.group(1), side.group(1))}"
    label = COLUMNS.get(name) or (
        " ".join(_WORDS.get(w, w) for w in re.split(r"_+", name) if w) or name
    )
    if names:
        label = re.sub(r"(?<!side )\b[AB]\b", lambda m: names.get(m.group(0), m.group(0)), label)
        label = label.replace("B's", names.get("B", "B") + "'s").replace(
            "A's", names.get("A", "A") + "'s"
        )
    return label


def dataset(name: str) -> str:
    return DATASETS.get(name, name.replace("_", " "))


def alliance_types(text: str) -> str:
    """ATOP obligation codes in the network's evidence in words: "ATOP alliance: defense+nonagg" →
    "ATOP alliance: defence, non-aggression"."""
    return re.sub(
        r"(ATOP alliance: )([a-z]+(?:\+[a-z]+)*)",
        lambda m: m.group(1) + ", ".join(ALLIANCE_TYPES.get(x, x) for x in m.group(2).split("+")),
        text,
    )


def evidence_words(text: str) -> str:
    """The network's evidence of a tie in words: ATOP codes spelled, the model's line without its rule id
    ("relationship: allies (rule allies, docs/relations.md)" → "the relationship model reads allies")."""
    text = re.sub(
        r"relationship: ([a-z ]+) \(rule [a-z_]+, docs/relations\.md\)",
        lambda m: f"the relationship model reads {relationship_type(m.group(1))}",
        text,
    )
    return alliance_types(text)


def relationship_type(kind: str | None, short: bool = False) -> str:
    """The model's type in words; `short` for cards and legends ("mixed" without its gloss)."""
    words = RELATIONSHIP_TYPES.get(kind or "", (kind or "").replace("_", " "))
    return words.split(" (")[0] if short else words


def claim_type(kind: str) -> str:
    return CLAIM_TYPES.get(kind) or kind.replace("_", " ").capitalize()


def cell(value: Any, name: str = "") -> str:
    """One table cell for people: yes/no for booleans, shares as %, missing as '–'."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, str):
        if name in ("dataset", "source") and value in DATASETS:
            return DATASETS[value]
        if name == "type" and value in ALLIANCE_TYPES:
            return ALLIANCE_TYPES[value]
        return value
    if name.startswith("hostility") and value in HOSTILITY:
        return HOSTILITY[int(value)]
    if name in IDS and isinstance(value, (int, float)) and value == value:
        return str(int(value))
    return human(str(name), value)
