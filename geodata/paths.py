"""Where the vendored sources and the built web geometry live (one place for all paths)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RAW_DIR = PACKAGE_DIR / "raw"
GENERATED_DIR = PACKAGE_DIR / "generated"

BKG_DIR = RAW_DIR / "bkg-vg5000-2021"
BKG_LAENDER = BKG_DIR / "VG5000_LAN.shp"
BKG_KREISE = BKG_DIR / "VG5000_KRS.shp"
BKG_GEMEINDEN = BKG_DIR / "VG5000_GEM.shp"

PLZ_TABLE = RAW_DIR / "plz" / "zuordnung_plz_ort_landkreis.csv"
POPULATION_TABLE = RAW_DIR / "population" / "kreise_population_2019.csv"
GV_EXTRACT = RAW_DIR / "population" / "gemeinden" / "gv_auszug_4q2020_bevoelkerung_2019.csv"
PUBLISHED_COUNTS = RAW_DIR / "reference" / "published_counts.csv"
OTHER_COUNTS = RAW_DIR / "reference" / "published_counts_other.csv"

LAENDER_GEOJSON = GENERATED_DIR / "laender.geojson"
KREISE_GEOJSON = GENERATED_DIR / "kreise.geojson"
GEMEINDEN_CSV = GENERATED_DIR / "gemeinden.csv"
# the Gemeinde polygons for the Erreichbarkeit map (built before kreise.geojson, make's target)
GEMEINDEN_GEOJSON = GENERATED_DIR / "gemeinden.geojson"
BUILT_FILES = (LAENDER_GEOJSON, KREISE_GEOJSON, GEMEINDEN_CSV, GEMEINDEN_GEOJSON)

# The CRS of the BKG shapefiles (Gauß-Krüger zone 3, metres) and the one the web gets.
SOURCE_CRS = "EPSG:31467"
WEB_CRS = "EPSG:4326"
