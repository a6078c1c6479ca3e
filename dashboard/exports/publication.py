"""Turn a dashboard figure into a publishable image: everything a reader needs is on it.

Title (what: category, metric, level), subtitle (snapshot date), the legend title with units,
a footer with the source line and the licence attributions, and "Beispieldaten" across the
image when the data is demo data. The input figure is not changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.exports.provenance import Provenance
from dashboard.figures.common import esc

FONT = "Arial, Helvetica, 'DejaVu Sans', sans-serif"
# Germany's bounding box (BKG VG5000, EPSG:4326) with a little air around it.
GERMANY_LON = (5.6, 15.3)
GERMANY_LAT = (47.1, 55.2)
_MAP_TILE_PX = 512  # MapLibre's world width in pixels at zoom 0


@dataclass(frozen=True)
class Publication:
    """What to print on the image and how large it is (in CSS pixels, before scale)."""

    title: str
    subtitle: str
    legend_title: str | None
    provenance: Provenance
    width: int
    height: int
    with_plz: bool = False
    lead: str = ""  # plain text under the subtitle, wrapped to the width here


# the subtitle's 15 px Arial averages under 8 px a character; 8.5 keeps a wrapped line inside
SUBTITLE_CHAR_PX = 8.5
SUBTITLE_LINE_PX = 19


def subtitle_text(pub: Publication) -> str:
    """The subtitle and, below it, the lead sentence broken into lines that fit the image
    (Plotly never wraps a title: a long line ran past the right edge and was cut off)."""
    if not pub.lead:
        return pub.subtitle
    chars = max(20, int((pub.width * 0.96 - 20) / SUBTITLE_CHAR_PX))
    return f"{pub.subtitle}<br>{_wrap(esc(pub.lead), chars)}"


def publish(fig: go.Figure, pub: Publication) -> go.Figure:
    """A decorated copy of `fig`, sized and framed for static export."""
    out = go.Figure(fig)
    footer = [pub.provenance.source_line, *pub.provenance.attributions(pub.with_plz)]
    footer_height = 18 * len(footer) + 16
    axes = _has_axes(out)
    subtitle = subtitle_text(pub)
    # charts need room under the plot for tick labels and the axis title; every line of the
    # subtitle after its first pushes the plot down by one line
    top = 110 + SUBTITLE_LINE_PX * subtitle.count("<br>")
    bottom = footer_height + (80 if axes else 20)
    if _has_colour_scale(out, "h"):  # colour bars under the maps, then the legend
        bottom += 130
    elif _legend_below(out):  # the Gemeinde maps' class legend: room above the footer
        bottom += 90
    right = 190 if _has_colour_scale(out, "v") else 30
    left = max(_margin(out, "l"), 20, _category_label_width(out))
    if _is_horizontal_bar(out):
        # a fixed margin instead of automargin, so the footer can be aligned to the image edge
        out.update_yaxes(automargin=False)
    out.update_layout(
        width=pub.width,
        height=pub.height,
        font={"family": FONT, "size": 14, "color": "#1a1a1a"},
        title={
            "text": f"<b>{pub.title}</b>",
            "x": 0.02,
            "xanchor": "left",
            "y": 1 - 22 / pub.height,
            "yanchor": "top",
            "font": {"size": 22},
            "subtitle": {"text": subtitle, "font": {"size": 15, "color": "#333333"}},
        },
        margin={"t": top, "b": bottom, "l": left, "r": right},
        paper_bgcolor="white",
    )
    if axes:
        out.update_layout(
            legend={"orientation": "v", "x": 0.01, "y": 0.99, "xanchor": "left",
                    "yanchor": "top", "bgcolor": "rgba(255,255,255,0.9)"}
        )
    # anchored to the bottom left corner of the image, below axes and legend
    out.add_annotation(
        text="<br>".join(footer),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        xshift=-left + 0.02 * pub.width,
        yshift=-bottom + 10,
        align="left",
        showarrow=False,
        font={"size": 12, "color": "#333333"},
    )
    if pub.legend_title:
        _set_legend_title(out, pub.legend_title)
    if pub.provenance.is_demo:
        _add_demo_mark(out, pub)
    _fit_maps_to_germany(out, pub.width - 20 - right, pub.height - top - bottom)
    _frame_geo_on_germany(out)
    return out


def _category_label_width(fig: go.Figure) -> int:
    """Pixels the category labels of a horizontal bar chart need at 14 px font."""
    bars = [t for t in fig.data if t.type == "bar" and t.orientation == "h" and t.y is not None]
    labels = [str(y) for trace in bars for y in trace.y]
    return int(max((len(label) for label in labels), default=0) * 8 + 16)


def _has_axes(fig: go.Figure) -> bool:
    return any(trace.type in {"scatter", "bar"} for trace in fig.data)


def _has_colour_scale(fig: go.Figure, orientation: str) -> bool:
    """Whether a trace shows a colour bar laid out `orientation` ("v" is Plotly's default)."""
    return any(
        trace.type in {"choroplethmap", "choropleth"}
        and trace.showscale is not False
        and (trace.colorbar.orientation or "v") == orientation
        for trace in fig.data
    )


def _legend_below(fig: go.Figure) -> bool:
    """A horizontal legend hung under the plot (y ≤ 0), which the footer would cover."""
    legend = fig.layout.legend
    return (legend.orientation == "h" and legend.y is not None and legend.y <= 0
            and any(trace.showlegend for trace in fig.data))


def _margin(fig: go.Figure, side: str) -> int:
    value = getattr(fig.layout.margin, side)
    return int(value) if value is not None else 60


def _set_legend_title(fig: go.Figure, text: str) -> None:
    """Put the unit on every colour scale (trace colorbars, shared coloraxes) or, for bar
    charts, on the value axis."""
    wrapped = _wrap(text, 16)
    for trace in fig.data:
        if trace.type in {"choroplethmap", "choropleth"} and not getattr(trace, "coloraxis", None):
            trace.update(colorbar={"title": {"text": wrapped, "side": "top"}})
    for name in fig.layout:
        if name.startswith("coloraxis"):
            fig.layout[name].colorbar.title = {"text": wrapped, "side": "top"}
    if any(trace.type == "bar" for trace in fig.data):
        if _is_horizontal_bar(fig):
            fig.update_xaxes(title_text=text)
        else:
            fig.update_yaxes(title_text=text)


def _wrap(text: str, width: int) -> str:
    """Break a legend title at spaces into lines of about `width` characters (<br>)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _is_horizontal_bar(fig: go.Figure) -> bool:
    return any(trace.type == "bar" and trace.orientation == "h" for trace in fig.data)


def _add_demo_mark(fig: go.Figure, pub: Publication) -> None:
    # 13 letters at about 0.6 em each, turned by 30°: this keeps the word inside the image
    size = int(min(pub.width, pub.height) / 10)
    fig.add_annotation(
        text=pub.provenance.demo_mark,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        textangle=-30,
        font={"size": size, "color": "rgba(190, 30, 30, 0.25)"},
    )


def _frame_geo_on_germany(fig: go.Figure) -> None:
    """Give every `geo` subplot Germany's extent as fixed axis ranges.

    `fitbounds="locations"` (what the screen uses) leaves a wide empty border in a tall static
    image; fixed ranges let the country fill the plot area at the projection's true aspect.
    A Land view (`layout.meta["land"]`) keeps the Land's own ranges.
    """
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("land"):
        return
    for name in fig.layout:
        if name.startswith("geo"):
            fig.layout[name].update(
                fitbounds=False,
                lonaxis={"range": list(GERMANY_LON)},
                lataxis={"range": list(GERMANY_LAT)},
            )


def _fit_maps_to_germany(fig: go.Figure, plot_w: float, plot_h: float) -> None:
    """Centre and zoom every MapLibre subplot so all of Germany fills its box.

    Plotly's `map` subplots take centre and zoom, not bounds; the zoom that fits depends on the
    pixel size, so the dashboard's value (made for the screen) is recomputed for the export.
    """
    for name in fig.layout:
        if not name.startswith("map") or name.startswith("mapbox"):
            continue
        subplot = fig.layout[name]
        domain_x = subplot.domain.x or (0, 1)
        domain_y = subplot.domain.y or (0, 1)
        box_w = plot_w * (domain_x[1] - domain_x[0])
        box_h = plot_h * (domain_y[1] - domain_y[0])
        subplot.center = {"lon": sum(GERMANY_LON) / 2, "lat": _mid_lat(*GERMANY_LAT)}
        subplot.zoom = _zoom_to_fit(box_w, box_h)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mid_lat(south: float, north: float) -> float:
    """The latitude halfway between south and north in Web Mercator (what looks centred)."""
    y = (_mercator_y(south) + _mercator_y(north)) / 2
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def _zoom_to_fit(box_w: float, box_h: float) -> float:
    world_w = (GERMANY_LON[1] - GERMANY_LON[0]) / 360
    world_h = (_mercator_y(GERMANY_LAT[1]) - _mercator_y(GERMANY_LAT[0])) / (2 * math.pi)
    zoom_w = math.log2(box_w / (_MAP_TILE_PX * world_w))
    zoom_h = math.log2(box_h / (_MAP_TILE_PX * world_h))
    return round(min(zoom_w, zoom_h), 3)
