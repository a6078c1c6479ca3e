"""Exports of every map, chart and table: images with provenance baked in, data files.

The dashboard's buttons and `python -m dashboard export` call the same function, `export_view`.
"""
