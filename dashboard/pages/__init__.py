"""The pages. A single-page app with its own router (dashboard/server/router.py), not Dash pages:
`dash.page_registry` is global and the factory runs many times in tests.

A page is a module here with
    KEY: str                                   # its path segment, e.g. "karte"
    def layout(ctx: PageContext) -> Component   # built per request from the URL's view state
    def register_callbacks(app: Dash, data: AtlasData) -> None
and optionally `def validation_layout() -> Component` (all its ids, for Dash's callback
validation; without it `layout` is called with an empty-store context).
Pages found in PAGE_MODULES are imported if the module exists, so a page can land later
(the Entwicklung page, dashboard/pages/entwicklung.py).
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

# navigation order
PAGE_MODULES: tuple[str, ...] = (
    "karte", "tabelle", "entwicklung", "anbieter", "erreichbarkeit", "quellen",
)  # fmt: skip
# Pages reached by their own path, not in the navigation: first path segment → module. Their
# `layout(ctx, rest)` also gets the rest of the path ("09187" of /region/09187).
ROUTED_MODULES: dict[str, str] = {
    "region": "region",
    "naehe": "near",
    "suche": "search_page",
    "leichte-sprache": "leichte_sprache",
}


def available_pages() -> dict[str, ModuleType]:
    """The page modules that exist, in navigation order."""
    found: dict[str, ModuleType] = {}
    for key in PAGE_MODULES:
        name = f"dashboard.pages.{key}"
        if importlib.util.find_spec(name) is None:
            continue
        found[key] = importlib.import_module(name)
    return found


def routed_pages() -> dict[str, ModuleType]:
    """The routed page modules that exist, by their path segment."""
    found: dict[str, ModuleType] = {}
    for segment, module in ROUTED_MODULES.items():
        name = f"dashboard.pages.{module}"
        if importlib.util.find_spec(name) is not None:
            found[segment] = importlib.import_module(name)
    return found
