"""File names that say what a file holds and when: `ala_je-100k_kreise_2022-12-01.png`."""

from __future__ import annotations

import re
import unicodedata

from dashboard.exports.request import ExportRequest

METRIC_SLUGS = {
    "count": "anzahl",
    "per_100k": "je-100k",
    "ala_share": "ala-anteil",
    "ala_per_wfbm": "ala-je-wfbm",
    "none_here": "ohne-anbieter",
}
LEVEL_SLUGS = {"land": "laender", "kreis": "kreise"}
EXTENSIONS = {"csv-de": "csv"}
GROWTH_SLUGS = {
    "verlauf": "verlauf",
    "laender": "verlauf-laender",
    "wachstum": "wachstum-nach-land",
    "aenderungen": "anbieter-neu-weg",
    "veraenderung": "veraenderung",
}


def file_name(request: ExportRequest, taken_at: str, base_taken_at: str | None = None) -> str:
    """Parts joined by "_": category, what, level, date(s), a dialect or filter suffix."""
    parts = [request.category if not request.all_categories else "alle"]
    if request.compare:
        parts = ["vergleich-ala-wfbm-ib"]
    if request.page == "karte" and request.base is not None:
        parts += [f"veraenderung-{METRIC_SLUGS[request.metric]}", LEVEL_SLUGS[request.level]]
    elif request.page == "karte":
        parts += [METRIC_SLUGS[request.metric], LEVEL_SLUGS[request.level]]
    elif request.page == "tabelle" and request.is_image:
        parts += [f"rangfolge-{METRIC_SLUGS[request.metric]}", LEVEL_SLUGS[request.level]]
    elif request.page == "tabelle":
        parts += ["kennzahlen", LEVEL_SLUGS[request.level]]
    elif request.page == "anbieter":
        parts += ["anbieter"]
    elif request.page == "erreichbarkeit":
        what = {"distance": f"weiter-als-{request.threshold}km", "sfca": "2sfca-je-100k",
                "gemeinde": "luftlinie"}
        parts += ["erreichbarkeit", what.get(request.view, "tabelle"),
                  "gemeinden" if request.view == "gemeinde" else "kreise"]
        if request.plan:
            parts.append(f"planung-{len(request.plan)}-orte")
    else:
        parts += [GROWTH_SLUGS[request.view]]
        if request.view == "veraenderung":
            parts += [METRIC_SLUGS[request.metric], LEVEL_SLUGS[request.level]]
    if request.land:
        parts.append(f"land-{request.land}")
    if request.search:
        parts.append(f"suche-{_slug(request.search)}")
    if request.service and request.service != "all":
        parts.append(_slug(request.service))
    if base_taken_at:
        parts.append(base_taken_at)
    parts.append(taken_at)
    if request.format == "csv-de":
        parts.append("excel-de")
    extension = EXTENSIONS.get(request.format, request.format)
    return "_".join(p for p in parts if p) + "." + extension


def _slug(text: str) -> str:
    """ASCII, lower case, dashes, safe in any file system: "Müller & Söhne" → "mueller-soehne"."""
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]
