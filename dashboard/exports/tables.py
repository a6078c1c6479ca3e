"""Table exports: CSV (two dialects), XLSX, GeoJSON and GeoPackage, each with its provenance.

The frame passed in is exactly what the page shows (its rows, its columns, its labels); these
functions only encode it. Every file names source, snapshot and dates:
- CSV: the header row on line 1 and the provenance as the last column ("Quellenangabe" /
  "Attribution"), the same on every row. Lines before the table made Datawrapper, Excel's text
  import and `pd.read_csv(f)` read the provenance as data; lines after it would do the same at
  the end; a second file gets lost when the CSV is passed on. A column travels with every row.
- XLSX: the table on sheet "Daten", the header lines on sheet "Quelle" ("Data"/"Source").
- GeoJSON: top-level foreign members `name` and `metadata` (readers ignore them).
- GeoPackage: a second, non-spatial layer "quelle" and the GPKG layer description.

Text from the source is not trusted: a provider name like "=HYPERLINK(…)" must stay text.
XLSX cells that start with "=" are stored as strings, not formulas; in CSV (which Excel
evaluates on opening) such values get a leading apostrophe by the one rule the API shares
(dashboard.exports.csv_cells, which says which cells and why).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from dashboard.exports.csv_cells import defuse_frame
from dashboard.exports.provenance import Provenance
from dashboard.exports.texts import xt

BOM = "\ufeff"
TABLE_FORMATS = ("csv", "csv-de", "xlsx")
GEO_FORMATS = ("geojson", "gpkg")
SOURCE_LAYER = "quelle"


def with_provenance(df: pd.DataFrame, prov: Provenance, with_plz: bool = False) -> pd.DataFrame:
    """`df` with the provenance as its last column, the same cell on every row: the table
    starts on line 1 (Datawrapper, Excel's text import and `pandas.read_csv` need no lines
    skipped), and a row copied elsewhere keeps its source and date."""
    name = prov.column_name
    if name in df.columns:
        raise ValueError(f"the table already has a column {name!r}; rename it before export")
    return df.assign(**{name: prov.cell(with_plz)})


def to_csv(df: pd.DataFrame, title: str, prov: Provenance, with_plz: bool = False) -> bytes:
    """UTF-8 with BOM (so Excel reads umlauts), comma-separated, decimal point; the header
    row first, the provenance in the last column. `title` names the file, not a line in it."""
    body = defuse_frame(with_provenance(df, prov, with_plz)).to_csv(index=False,
                                                                 lineterminator="\r\n")
    return (BOM + body).encode("utf-8")


def to_csv_de(df: pd.DataFrame, title: str, prov: Provenance, with_plz: bool = False) -> bytes:
    """The German-Excel dialect: semicolon-separated, decimal comma, UTF-8 with BOM."""
    body = defuse_frame(with_provenance(df, prov, with_plz)).to_csv(
        index=False, sep=";", decimal=",", lineterminator="\r\n")
    return (BOM + body).encode("utf-8")


def to_xlsx(df: pd.DataFrame, title: str, prov: Provenance, with_plz: bool = False) -> bytes:
    """One workbook: the table on "Daten" (frozen header, filter), provenance on "Quelle"."""
    buffer = io.BytesIO()
    data_sheet, source_sheet = xt("sheet.data", prov.lang), xt("sheet.source", prov.lang)
    source = pd.DataFrame({source_sheet: prov.header_lines(title, with_plz)})
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        df.to_excel(writer, sheet_name=data_sheet, index=False)
        source.to_excel(writer, sheet_name=source_sheet, index=False)
        sheet = writer.sheets[data_sheet]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # text from the source that looks like a formula
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for column_cells in sheet.columns:
            longest = max(len(str(cell.value or "")) for cell in column_cells[:200])
            sheet.column_dimensions[column_cells[0].column_letter].width = min(longest + 2, 60)
        writer.sheets[source_sheet].column_dimensions["A"].width = 90
    return buffer.getvalue()


def to_geojson(
    gdf: gpd.GeoDataFrame, title: str, prov: Provenance, with_plz: bool = False
) -> bytes:
    """A FeatureCollection in EPSG:4326 with the provenance as foreign members."""
    collection = json.loads(gdf.to_crs(4326).to_json(drop_id=True, ensure_ascii=False))
    collection = {
        "type": "FeatureCollection",
        "name": title,
        "metadata": prov.metadata(title, with_plz),
        "features": collection["features"],
    }
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def to_gpkg(
    gdf: gpd.GeoDataFrame, title: str, prov: Provenance, layer: str, with_plz: bool = False
) -> bytes:
    """A GeoPackage with the data layer and a non-spatial "quelle" layer of header lines."""
    meta = {key: str(value) for key, value in prov.metadata(title, with_plz).items()}
    with tempfile.TemporaryDirectory(prefix="ala-gpkg-") as folder:
        path = Path(folder) / "export.gpkg"
        pyogrio.write_dataframe(
            gdf.to_crs(4326),
            path,
            layer=layer,
            driver="GPKG",
            layer_metadata=meta,
            layer_options={"IDENTIFIER": title[:250], "DESCRIPTION": prov.source_line},
        )
        lines = pd.DataFrame({"zeile": prov.header_lines(title, with_plz)})
        pyogrio.write_dataframe(lines, path, layer=SOURCE_LAYER, driver="GPKG", append=True)
        return path.read_bytes()
