"""What every figure shares: colours that survive colour blindness, escaping, graph config."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from dashboard.figures.plotly_locale import REMOVED_BUTTONS, locales

# Viridis from light green to dark purple: "more" reads darker, and even the lightest step
# stays clearly apart from the light grey of "none here" (also in greyscale).
SEQUENTIAL: tuple[str, ...] = (
    "#6ece58",
    "#35b779",
    "#1f9e89",
    "#26828e",
    "#31688e",
    "#3e4989",
    "#482878",
    "#440154",
)
NONE_COLOUR = "#e6e6e6"  # regions without any provider of the kind
UNDEFINED_COLOUR = "#ffffff"  # providers there, but the rate has no denominator
NOT_RECORDED_COLOUR = "#ffffff"  # the snapshot did not record the category: outlines only
BORDER_COLOUR = "#5f5f5f"
# The "where are none" map: an orange that stands out against a pale blue (safe for
# red-green colour blindness).
NONE_HIGHLIGHT = "#c85200"
SOME_COLOUR = "#a6cee3"
POINT_COLOUR = "#d55e00"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1a1a1a"


# Germany's extent (geodata: 5.87–15.04 °E, 47.27–55.06 °N) with a small margin
LON_RANGE = (5.7, 15.2)
LAT_RANGE = (47.15, 55.15)


def germany_geo() -> dict[str, Any]:
    """The `geo` settings of every Germany map: our own shapes only (no base map from a CDN),
    Germany's extent as the ranges, not fitbounds: plotly sizes the map frame from these
    ranges, so the frame is shaped like Germany (portrait) and Germany fills it; fitbounds
    kept a square frame with Germany small inside it."""
    return {
        "visible": False,
        "lonaxis_range": list(LON_RANGE),
        "lataxis_range": list(LAT_RANGE),
        "projection_type": "mercator",
        "bgcolor": "rgba(0,0,0,0)",
        "showframe": False,
    }


def esc(value: Any) -> str:
    """A value from the source as text that Plotly shows literally ("<b>" stays visible as
    "<b>", never becomes markup). The one escaping function for every text in a figure:
    hover texts, labels, tick labels, titles, annotations, and customdata that a
    hovertemplate substitutes.

    Plotly renders these strings as its own small HTML (tags <b>, <br>, <a href>, …; of the
    entities only &lt; &gt; &amp; and numeric ones), so only & < > are escaped: a quote
    cannot open anything without a tag, and "&quot;" would show literally. None/NaN → ""."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: 1.234,5 in German."""
    return ",." if lang == "de" else ".,"


def continuous_scale(colours: tuple[str, ...] = SEQUENTIAL) -> list[list[Any]]:
    """A Plotly colorscale through the colours at equal distances."""
    last = len(colours) - 1
    return [[i / last, c] for i, c in enumerate(colours)]


def stepped_scale(steps: int, colours: tuple[str, ...] = SEQUENTIAL) -> list[list[Any]]:
    """A colorscale of `steps` flat bands for z = 0 … steps-1 (zmin -0.5, zmax steps-0.5)."""
    if steps <= 1:
        return [[0.0, colours[0]], [1.0, colours[0]]]
    picks = [colours[round(i * (len(colours) - 1) / (steps - 1))] for i in range(steps)]
    scale: list[list[Any]] = []
    for i, colour in enumerate(picks):
        scale.append([i / steps, colour])
        scale.append([(i + 1) / steps, colour])
    return scale


def flat_scale(colour: str) -> list[list[Any]]:
    return [[0.0, colour], [1.0, colour]]


def graph_config(topojson_url: str, lang: str, filename: str = "ala-atlas") -> dict[str, Any]:
    """dcc.Graph config: local topojson (no CDN), no Plotly logo, German locale texts."""
    return {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "scrollZoom": False,  # the page scrolls; zoom with the buttons or by double click
        "locale": lang,
        "locales": locales(),
        "modeBarButtonsToRemove": REMOVED_BUTTONS,
        "toImageButtonOptions": {"filename": filename},
    }
