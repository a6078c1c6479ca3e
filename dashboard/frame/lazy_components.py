"""Component libraries loaded only on the pages that draw them.

Dash writes a script tag into every page for each component library that was imported, so
every page downloaded dash-ag-grid (about 360 KB compressed) although only Tabelle and Anbieter
show a grid. `defer_libraries(app)` takes those libraries' script tags out of the page and puts
their addresses into a JSON block; `assets/lazy_components.js` stands in for the library's
namespace (`window.dash_ag_grid`) and loads the real script when the first of its components
is drawn. Dash still registers and serves the files (`/_dash-component-suites/...`).
"""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

from dash import Dash

LAZY_LIBRARIES: tuple[str, ...] = ("dash_ag_grid",)
BLOCK_ID = "atlas-lazy-scripts"


def split_scripts(scripts: str, libraries: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The page's script tags without those of `libraries`, and their addresses by library."""
    found: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        found[match.group(2)] = match.group(1)
        return ""

    names = "|".join(re.escape(name) for name in libraries)
    pattern = re.compile(
        rf'<script src="([^"]*/_dash-component-suites/({names})/[^"]*\.js)"></script>\n?'
    )
    return pattern.sub(take, scripts), found


def address_block(addresses: dict[str, str]) -> str:
    """Each library's script address and component names, as a data block (not executed, so
    no inline script for a CSP to allow)."""
    entries = {
        name: {"src": src, "components": list(importlib.import_module(name).__all__)}
        for name, src in addresses.items()
    }
    text = json.dumps(entries).replace("</", "<\\/")
    return f'<script type="application/json" id="{BLOCK_ID}">{text}</script>'


def defer_libraries(app: Dash, libraries: tuple[str, ...] = LAZY_LIBRARIES) -> None:
    """Serve `libraries` on demand instead of with every page (see the module docstring)."""
    render_index = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        scripts, addresses = split_scripts(kwargs["scripts"], libraries)
        # the block must come before the assets' scripts, which read it as they run
        kwargs["scripts"] = address_block(addresses) + "\n" + scripts if addresses else scripts
        return render_index(**kwargs)

    app.interpolate_index = interpolate_index  # Dash's documented hook for the index page
