"""The static command table of the root CLI: each top-level command's modules and help line.

`realpolitik --help` prints this table and `realpolitik X …` imports only X's modules, so start-up
does not import every cli module nor build all ~85 typer commands before parsing. tests/test_startup.py
asserts that the table equals what registering every cli module gives (names, order, help lines).
"""

from __future__ import annotations

DATA = ("data", "releases")  # releases.py adds commands to the `data` group and registers `cite`

COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "brief": (("brief",), "What's in it for each side: arms, energy, trade, geography, security, alignment — with sources."),
    "check": (("check",), "Check the claims of an article: verdict (supported, contradicted, mixed, unverifiable) and evidence per claim."),
    "borders": (("geo",), "Neighbours of COUNTRY: land border km (CIA Factbook) and COW contiguity type incl. sea."),
    "border": (("geo",), "The border between A and B: km, contiguity type, or 'no shared border' with the minimum distance."),
    "profile": (("profile",), "Population and GDP, CINC, regime, religions, oil, arms partners, trade partners, neighbours, rivals."),
    "cite": (DATA, "Citations (with release dates) of every dataset a result used; all datasets without --for."),
    "rivals": (("security",), "Strategic rivals (Thompson & Dreyer, TSS) and dispute partners (COW MID, GML) of COUNTRY."),
    "relations": (("security",), "Security ties of A and B: ATOP alliances, disputes, rivalry, contiguity, CINC, democracy, UN ideal points."),
    "relationship": (("security",), "The relationship of A and B (allies, partners, rivals, at war, …) with the evidence and the rule."),
    "serve": (("serve",), "Serve the web explorer: search, country pages, dyad briefs, claim check, network; API docs at /docs."),
    "arms": (("arms",), "Arms transfers (SIPRI TIV). Periods default to the latest 5 years."),
    "data": (DATA, "Build, verify, inspect and update the data snapshot."),
    "events": (("events",), "Event data (GDELT, ICEWS, PLOVER): dyad series and ingest."),
    "network": (("network",), "Signed network of states: structural balance, enemy-of-my-enemy triads, unlikely partnerships."),
    "oil": (("oil",), "Oil and gas: producers, production series, refining, crude-oil sources and buyers."),
    "panel": (("panel",), "Dyad-year, state-year and leader-year research panels (peacesciencer-style, in DuckDB)."),
    "trade": (("trade",), "Trade partners and bilateral trade."),
}  # fmt: skip
"""Top-level command → (cli modules whose register() builds it, in registration order; help line)."""
