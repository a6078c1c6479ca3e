"""Exports of every map, chart and table: images with provenance baked in, data files.

The dashboard's buttons and `python -m dashboard export` call the same function, `export_view`.
"""

from dashboard.exports.errors import ExportError
from dashboard.exports.export import ExportFile, export_view
from dashboard.exports.request import ExportRequest

__all__ = ["ExportError", "ExportFile", "ExportRequest", "export_view"]
