"""The bundled snapshot: normalised Parquet tables plus a manifest per dataset."""
