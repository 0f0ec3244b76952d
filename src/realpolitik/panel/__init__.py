"""Research panels: dyad-year and state-year data built in DuckDB over the snapshot (peacesciencer's verbs in Python).

from realpolitik.panel import dyad_years
panel = dyad_years("cow", years=(1816, 2020)).add_contiguity().add_atop().add_gml_mids()
panel.write("dyads.parquet")          # or panel.to_pandas()
"""

from realpolitik.panel.core import Panel, dyad_years, last_year, leader_years, state_years
from realpolitik.panel.steps import STEPS

__all__ = ["Panel", "STEPS", "dyad_years", "last_year", "leader_years", "state_years"]
