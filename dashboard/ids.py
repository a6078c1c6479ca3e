"""Component ids, one constant each, prefixed by the part of the app they belong to.

Callbacks and tests import these names; a typo then fails at import, not silently in a browser.
"""

from __future__ import annotations

# Shell (present on every page)
URL = "url"
ROOT = "app-root"
LANG_STORE = "lang-store"
LANG_BUTTON = "shell-lang-button"
SNAPSHOT_TYPE = "snapshot-picker"
NAV_TYPE = "nav-link"
SOURCE_LINE = "shell-source-line"
DEMO_BANNER = "shell-demo-banner"
NOTICE = "shell-notice"
NAV = "shell-nav"
MAIN = "shell-main"


def nav_link(page: str) -> dict[str, str]:
    """Id of the navigation link to `page` (its href carries the shared view state).
    A pattern id, so the shell's callback works on pages (and embeds) without navigation."""
    return {"type": NAV_TYPE, "page": page}


def snapshot(page: str) -> dict[str, str]:
    """Id of the snapshot picker as rendered with `page`. Each page's callbacks take their own
    picker as Input: Dash requires all inputs of a callback to be on the page together."""
    return {"type": SNAPSHOT_TYPE, "page": page}


# Karte
MAP_LEVEL = "karte-level"
MAP_CATEGORY = "karte-category"
MAP_METRIC = "karte-metric"
MAP_CLASSES = "karte-classes"
MAP_VIEW = "karte-view"  # single map or comparison of the three categories
MAP_POINTS = "karte-points"
MAP_REGION = "karte-region"  # keyboard-usable region picker, mirrors clicks on the map
MAP_GRAPH = "karte-graph"
MAP_DRAWN = "karte-drawn"  # what the single map currently holds (level, points), for Patch
MAP_SINGLE_BOX = "karte-single"
MAP_COMPARE_BOX = "karte-compare"
MAP_DETAILS = "karte-details"
MAP_EXPORT_SLOT = "karte-export-slot"  # container where export controls go
MAP_TABLE_LINK = "karte-table-link"


def compare_graph(category: str) -> str:
    """Id of the comparison map for one category."""
    return f"karte-compare-{category}"


COMPARE_DRAWN = "karte-compare-drawn"

# Tabelle
TABLE_LEVEL = "tabelle-level"
TABLE_CATEGORY = "tabelle-category"
TABLE_LAND = "tabelle-land"
TABLE_METRIC = "tabelle-metric"
TABLE_GRID = "tabelle-grid"
TABLE_RANKING = "tabelle-ranking"
TABLE_NOTICE = "tabelle-notice"
TABLE_EXPORT_SLOT = "tabelle-export-slot"
RANKING_EXPORT_SLOT = "tabelle-ranking-export-slot"

# Anbieter
PROVIDER_SEARCH = "anbieter-search"
PROVIDER_LAND = "anbieter-land"
PROVIDER_CATEGORY = "anbieter-category"
PROVIDER_SERVICE = "anbieter-service"
PROVIDER_GRID = "anbieter-grid"
PROVIDER_COUNT = "anbieter-count"
PROVIDER_SHOW = "anbieter-show-on-map"
PROVIDER_EXPORT_SLOT = "anbieter-export-slot"

# Region profiles, search, near me, Leichte Sprache (routed pages, issue 13)
REGION_BODY = "region-body"
REGION_PARAGRAPH = "region-paragraph"
REGION_FIGURES = "region-figures"
REGION_LOCATOR = "region-locator"
REGION_CITATION = "region-citation"
REGION_PDF = "region-pdf"
REGION_PDF_STATUS = "region-pdf-status"
REGION_DOWNLOAD = "region-download"
SEARCH_FORM = "search-form"
SEARCH_INPUT = "search-input"
NEAR_BODY = "near-body"
NEAR_MAP = "near-map"
LS_BODY = "leichte-sprache-body"
MAP_DESCRIPTION = "karte-description"  # the map's generated text alternative (issue 13)
