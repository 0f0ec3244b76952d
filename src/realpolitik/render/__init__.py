"""Turning Results into terminal tables, JSON, CSV, Markdown (and HTML/charts elsewhere)."""
