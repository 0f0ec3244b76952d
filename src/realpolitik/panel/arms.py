"""add_arms: SIPRI TIV delivered each way and supplier share (filled in once the SIPRI tables exist)."""

from __future__ import annotations

from realpolitik.errors import DataMissing
from realpolitik.panel.core import Panel


def add_arms(panel: Panel) -> Panel:
    raise DataMissing("the arms step needs the SIPRI tables (sipri_deliveries) in the snapshot")
