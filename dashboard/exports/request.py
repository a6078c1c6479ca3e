"""What to export, checked: one frozen request shared by the button callbacks and the CLI.

Every choice is validated here, with a one-line message that names the allowed values, so the
CLI can print it and exit non-zero and a button can show it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from dashboard.exports.errors import ExportError

PAGES = ("karte", "tabelle", "anbieter", "entwicklung", "erreichbarkeit")
LEVELS = ("land", "kreis")
CATEGORIES = ("ala", "wfbm", "ib")
# Metric ids as the dashboard uses them (the region_metrics columns).
METRICS = ("count", "per_100k", "ala_share", "ala_per_wfbm", "none_here")
METRIC_ALIASES = {"per100k": "per_100k", "anzahl": "count", "share": "ala_share"}
IMAGE_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "csv-de", "xlsx")
GEO_FORMATS = ("geojson", "gpkg")
FORMATS = IMAGE_FORMATS + TABLE_FORMATS + GEO_FORMATS
# What each Entwicklung view is: a chart (image formats) or a table (data formats), or both.
CLASSES = ("continuous", "quantiles", "equal")
LANGS = ("de", "en")
# pages whose table is an AG Grid the user can sort, filter and rearrange (rows/columns apply)
GRID_PAGES = ("tabelle", "anbieter")
MAX_KEYS = 100_000
MAX_KEY_LEN = 100  # source_id is String(100) in the store
GROWTH_VIEWS = ("verlauf", "laender", "wachstum", "aenderungen", "veraenderung")
# Erreichbarkeit: the distance map, the 2SFCA map, the Kreis table (with the planning columns),
# the Gemeinden of one clicked Kreis (gemeinden), the Gemeinde map and its table (gemeinde)
# and the car mode's maps with their tables: per Kreis (car) and per Gemeinde (car-gemeinde)
ACCESS_VIEWS = ("distance", "sfca", "table", "gemeinden", "gemeinde", "car", "car-gemeinde")
CAR_VIEWS = ("car", "car-gemeinde")
CAR_THRESHOLDS_MIN = (15, 30, 45, 60)
ACCESS_SERVICES = ("all", "arbeitsbereich", "berufsbildungsbereich")
ACCESS_THRESHOLDS = (10, 25, 50)

_FORMATS_BY_PAGE = {
    "karte": FORMATS,
    "tabelle": FORMATS,  # images: the ranking chart beside the table
    "anbieter": TABLE_FORMATS + GEO_FORMATS,
    "entwicklung": IMAGE_FORMATS + TABLE_FORMATS,
    "erreichbarkeit": FORMATS,
}
_FORMATS_BY_GROWTH_VIEW = {
    "verlauf": IMAGE_FORMATS + TABLE_FORMATS,
    "laender": IMAGE_FORMATS + TABLE_FORMATS,
    "wachstum": IMAGE_FORMATS + TABLE_FORMATS,
    "aenderungen": FORMATS,
    "veraenderung": FORMATS,
}


@dataclass(frozen=True)
class ExportRequest:
    """One export. `snapshot` None means the served snapshot; `base` is the older snapshot of
    a comparison (change map, Entwicklung). Filters mirror the Tabelle/Anbieter pages."""

    page: str
    format: str
    level: str = "land"
    category: str = "ala"
    metric: str = "count"
    snapshot: int | None = None
    base: int | None = None
    view: str = "verlauf"  # Entwicklung only
    land: str | None = None  # Tabelle / Anbieter filter: 2-digit Land code
    search: str | None = None  # Anbieter filter
    service: str | None = None  # Anbieter filter
    all_categories: bool = False  # Anbieter: category filter "alle"
    classes: str = "continuous"  # Karte colour steps: continuous | quantiles | equal
    points: bool = False  # Karte: providers drawn as points
    compare: bool = False  # Karte: the three categories side by side (images only)
    per_100k: bool = False  # Entwicklung: growth and change per 100,000 instead of absolute
    scale: float = 2.0  # PNG pixel density (2 = twice the layout size)
    lang: str = "de"  # language of titles, labels and provenance lines
    # What the page's grid shows after the user sorted, filtered, moved or hid columns there
    # (tables only): the row keys in display order (Tabelle: region `code`, Anbieter:
    # `source_id`) and the visible column ids (grid fields) in display order. None means the
    # page's own order and every column. Only keys travel: the values come from the store.
    rows: tuple[str, ...] | None = None
    columns: tuple[str, ...] | None = None
    # Erreichbarkeit: threshold in km and hypothetical places (12-digit Gemeinde ARS); the
    # aLA service travels in `service` (all | arbeitsbereich | berufsbildungsbereich), the
    # map or table in `view` (distance | sfca | table)
    threshold: int = 25
    plan: tuple[str, ...] = ()
    kreis: str | None = None  # Erreichbarkeit "gemeinden": the clicked Kreis's 5-digit ARS

    @property
    def is_image(self) -> bool:
        return self.format in IMAGE_FORMATS


def checked(request: ExportRequest) -> ExportRequest:
    """The request with aliases resolved, or `ExportError` naming the bad choice."""
    _one_of("Seite", request.page, PAGES)
    metric = METRIC_ALIASES.get(request.metric, request.metric)
    _one_of("Ebene", request.level, LEVELS)
    _one_of("Art", request.category, CATEGORIES)
    _one_of("Kennzahl", metric, METRICS + tuple(METRIC_ALIASES))
    _one_of("Format", request.format, FORMATS)
    _one_of("Farbstufen", request.classes, CLASSES)
    _one_of("Sprache", request.lang, LANGS)
    allowed = _FORMATS_BY_PAGE[request.page]
    if request.page == "entwicklung":
        _one_of("Ansicht", request.view, GROWTH_VIEWS)
        allowed = _FORMATS_BY_GROWTH_VIEW[request.view]
    if request.page == "erreichbarkeit":
        _check_access(request)
        allowed = {"table": TABLE_FORMATS + GEO_FORMATS,
                   "gemeinden": TABLE_FORMATS,
                   "gemeinde": IMAGE_FORMATS + TABLE_FORMATS,
                   "car-gemeinde": IMAGE_FORMATS + TABLE_FORMATS}.get(request.view, FORMATS)
    if request.format not in allowed:
        where = request.page + (f"/{request.view}" if request.page == "entwicklung" else "")
        raise ExportError(
            f"Format {request.format!r} gibt es für {where} nicht; erlaubt: {', '.join(allowed)}."
        )
    if request.compare and (request.page != "karte" or request.format not in IMAGE_FORMATS):
        raise ExportError(
            f"Den Vergleich der drei Arten gibt es nur als Karte: {', '.join(IMAGE_FORMATS)}."
        )
    if request.compare and request.base is not None:
        raise ExportError("Vergleich der drei Arten und Veränderungskarte gehen nicht zugleich.")
    ala_only = metric in ("ala_share", "ala_per_wfbm")
    if ala_only and request.category != "ala" and not request.compare:
        raise ExportError(f"Kennzahl {metric!r} gibt es nur für die Art 'ala'.")
    if request.land is not None and not (len(request.land) == 2 and request.land.isdigit()):
        raise ExportError(f"Land {request.land!r} ist kein zweistelliger Landesschlüssel (01–16).")
    if not 1 <= request.scale <= 4:
        raise ExportError(f"Skalierung {request.scale} liegt nicht zwischen 1 und 4.")
    rows = _keys("Zeilen", request.rows)
    columns = _keys("Spalten", request.columns)
    if (rows is not None or columns is not None) and (
        request.page not in GRID_PAGES or request.format in IMAGE_FORMATS
    ):
        raise ExportError(
            "Eine Auswahl von Zeilen und Spalten gibt es nur für die Tabellen von "
            f"{' und '.join(GRID_PAGES)} ({', '.join(TABLE_FORMATS + GEO_FORMATS)})."
        )
    if columns == ():
        raise ExportError("Keine Spalte ausgewählt: mindestens eine Spalte muss sichtbar sein.")
    return replace(request, metric=metric, rows=rows, columns=columns)


def _check_access(request: ExportRequest) -> None:
    _one_of("Ansicht", request.view, ACCESS_VIEWS)
    _one_of("Leistung", request.service or "all", ACCESS_SERVICES)
    if request.view in CAR_VIEWS:
        if request.threshold not in CAR_THRESHOLDS_MIN:
            allowed = ", ".join(map(str, CAR_THRESHOLDS_MIN))
            raise ExportError(f"Schwelle {request.threshold!r} unbekannt; erlaubt: {allowed} "
                              "(Minuten).")  # fmt: skip
    elif request.threshold not in ACCESS_THRESHOLDS:
        allowed = ", ".join(map(str, ACCESS_THRESHOLDS))
        raise ExportError(f"Schwelle {request.threshold!r} unbekannt; erlaubt: {allowed} (km).")
    bad = [p for p in request.plan if not (isinstance(p, str) and len(p) == 12 and p.isdigit())]
    if bad:
        raise ExportError(f"Planung: {bad[0]!r:.40} ist kein zwölfstelliger Gemeindeschlüssel.")
    if (request.service or "all") != "all" and request.category != "ala":
        raise ExportError("Eine Leistung gibt es nur für die Art 'ala'.")
    if request.view == "gemeinden" and not (
        isinstance(request.kreis, str) and len(request.kreis) == 5 and request.kreis.isdigit()
    ):
        raise ExportError(
            f"Gemeindeliste: Kreis {request.kreis!r:.20} ist kein fünfstelliger Kreisschlüssel "
            "(ARS); bitte zuerst einen Kreis auf der Karte anklicken.")


def _keys(label: str, keys: object) -> tuple[str, ...] | None:
    """Row keys or column ids as a tuple of short strings without repeats, or None."""
    if keys is None:
        return None
    if isinstance(keys, str) or not isinstance(keys, (list, tuple)):
        raise ExportError(f"{label}: eine Liste von Schlüsseln erwartet, nicht {keys!r:.60}.")
    if len(keys) > MAX_KEYS:
        raise ExportError(f"{label}: {len(keys)} Einträge, höchstens {MAX_KEYS}.")
    bad = [k for k in keys if not isinstance(k, str) or not k.strip() or len(k) > MAX_KEY_LEN]
    if bad:
        raise ExportError(f"{label}: ungültige Schlüssel {_sample(bad)}.")
    repeated = sorted(k for k, n in Counter(keys).items() if n > 1)
    if repeated:
        raise ExportError(f"{label}: doppelt genannt {_sample(repeated)}.")
    return tuple(keys)


def _sample(values: list[object], n: int = 5) -> str:
    """A few values for a message, with how many more there are."""
    shown = ", ".join(repr(v)[:40] for v in values[:n])
    return shown + (f" und {len(values) - n} weitere" if len(values) > n else "")


def _one_of(label: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ExportError(f"{label} {value!r} unbekannt; erlaubt: {', '.join(allowed)}.")
