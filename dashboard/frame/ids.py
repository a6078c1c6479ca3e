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
# Karte arrangement: the drawer of controls, what a view hides, the title above the map
MAP_DRAWER = "karte-drawer"
MAP_SUMMARY = "karte-summary"  # the drawer's one-line summary of the view
MAP_CATEGORY_BOX = "karte-category-box"
MAP_CLASSES_BOX = "karte-classes-box"
MAP_TITLE = "karte-title"
MAP_COMPARE_NOTE = "karte-compare-note"
MAP_LAYOUT = "karte-layout"  # its class says the view (the comparison takes more width)
MAP_COMPARE_CELLS = "karte-compare-cells"
MAP_LAND = "karte-land"  # the Land view: one Land's Kreise (issue 21)
MAP_LAND_BOX = "karte-land-box"  # hidden at Land level, where it does nothing
MAP_LAND_SENTENCE = "karte-land-sentence"  # the Land's key figures in a sentence
MAP_CAPTION = "karte-caption"  # the single map's visually hidden figcaption


def compare_cell(category: str) -> str:
    """Id of the box around one comparison map (hidden where a metric ignores the kind)."""
    return f"karte-compare-cell-{category}"

# Tabelle
TABLE_LEVEL = "tabelle-level"
TABLE_CATEGORY = "tabelle-category"
TABLE_LAND = "tabelle-land"
TABLE_METRIC = "tabelle-metric"
TABLE_GRID = "tabelle-grid"
TABLE_RANKING = "tabelle-ranking"
TABLE_NOTICE = "tabelle-notice"
TABLE_EXPORT_SLOT = "tabelle-export-slot"
TABLE_RANKING_CAPTION = "tabelle-ranking-caption"  # the chart's visually hidden figcaption
REGION_LAND_MAP = "region-land-map"  # a Land profile's Kreis map (issue 21)
REGION_LAND_SENTENCE = "region-land-sentence"
REGION_LAND_NONE = "region-land-none"
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

# Erreichbarkeit (access)
ACCESS_CATEGORY = "access-category"
ACCESS_SERVICE = "access-service"
ACCESS_THRESHOLD = "access-threshold"
ACCESS_SUMMARY = "access-summary"
ACCESS_MAP = "access-map"
ACCESS_SFCA_MAP = "access-sfca-map"
ACCESS_RANK_KREISE = "access-rank-kreise"
ACCESS_RANK_LAENDER = "access-rank-laender"
ACCESS_PLAN_SEARCH = "access-plan-search"
ACCESS_PLAN_RESULT = "access-plan-result"
ACCESS_MAP_EXPORT_SLOT = "access-map-export-slot"
ACCESS_SFCA_EXPORT_SLOT = "access-sfca-export-slot"
ACCESS_TABLE_EXPORT_SLOT = "access-table-export-slot"
ACCESS_REGION_EXPORT_SLOT = "access-region-export-slot"  # the clicked Kreis's Gemeinden

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
ACCESS_REGION = "access-region"
ACCESS_REGION_STORE = "access-region-store"

# accessibility, language, embed (a11y)
EMBED_OPEN = "embed-open"  # the embed's link to the same view in the full atlas
MAP_DESCRIPTION = "karte-description"  # the map's generated text alternative (issue 13)
TABLE_RANKING_DESCRIPTION = "tabelle-ranking-description"  # the ranking chart's text
ACCESS_MAP_DESCRIPTION = "access-map-description"  # Erreichbarkeit distance map's text
ACCESS_SFCA_DESCRIPTION = "access-sfca-description"  # Erreichbarkeit 2SFCA map's text
ACCESS_MAP_TITLE = "access-map-title"  # the headings over the two maps (HTML, they wrap)
ACCESS_SFCA_TITLE = "access-sfca-title"
ACCESS_LEVEL = "access-level"  # Erreichbarkeit: map by Gemeinden | Kreise
ACCESS_LAND = "access-land"  # Erreichbarkeit: one Land or all of Germany
ACCESS_COMPARE = "access-compare"  # Erreichbarkeit: maps with or without the plan
ACCESS_GEMEINDEN = "access-gemeinden"  # Erreichbarkeit: the Gemeinde list beside the map
ACCESS_SFCA_NOTE = "access-sfca-note"  # Erreichbarkeit: where the 2SFCA scale ends
ACCESS_FADED = "access-faded"  # Erreichbarkeit: the threshold the Gemeinde map was faded for
# Erreichbarkeit's car mode (pages/erreichbarkeit_car.py)
ACCESS_PAGE = "access-page"  # the page's outer box: its class says the mode (CSS shows/hides)
ACCESS_MODE = "access-mode"
ACCESS_MINUTES = "access-minutes"
ACCESS_CAR_CONTROLS = "access-car-controls"
ACCESS_CAR = "access-car"  # the car section: method, summary, map, rankings
ACCESS_CAR_MAP = "access-car-map"
ACCESS_CAR_EXPORT_SLOT = "access-car-export-slot"  # the car map and its table
ACCESS_CAR_PLAN = "access-car-plan"  # planning by road, inside the planning box
