"""Event data (GDELT, ICEWS, PLOVER): normalised schema, de-duplication, dyad aggregation, ingest."""
