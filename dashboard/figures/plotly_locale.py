"""plotly.js texts in German (mode bar titles, notifiers, date names), passed to every graph
as `config.locales`: plotly.js ships only English, and the German UI must not show
"Zoom in" or "Reset view" (tests/dashboard/test_language.py). Wording after plotly.js's own
lib/locales/de.js."""

from __future__ import annotations

from typing import Any

DE_DICTIONARY: dict[str, str] = {
    "Autoscale": "Automatische Skalierung",
    "Box Select": "Rechteckauswahl",
    "Click to enter Colorscale title": "Klicken, um den Farbskalentitel einzugeben",
    "Compare data on hover": "Über die Daten fahren, um sie zu vergleichen",
    "Double-click on legend to isolate one trace": (
        "Doppelklick auf die Legende, um eine Datenreihe zu isolieren"
    ),
    "Double-click to zoom back out": "Doppelklick zum Herauszoomen",
    "Download plot as a png": "Graphen als PNG herunterladen",
    "Download plot": "Graphen herunterladen",
    "Lasso Select": "Lassoauswahl",
    "Orbital rotation": "Orbitalrotation",
    "Pan": "Verschieben",
    "Produced with Plotly.js": "Erstellt mit Plotly.js",
    "Reset": "Zurücksetzen",
    "Reset axes": "Achsen zurücksetzen",
    "Reset camera to default": "Kamera auf Standard zurücksetzen",
    "Reset camera to last save": "Kamera auf letzte Speicherung zurücksetzen",
    "Reset view": "Ansicht zurücksetzen",
    "Reset views": "Ansichten zurücksetzen",
    "Show closest data on hover": "Zeige den nächsten Datenpunkt beim Überfahren",
    "Snapshot succeeded": "Bild erstellt",
    "Sorry, there was a problem downloading your snapshot!": (
        "Beim Herunterladen des Bildes ist ein Fehler aufgetreten."
    ),
    "Taking snapshot - this may take a few seconds": "Bild wird erstellt – einen Moment bitte",
    "Toggle Spike Lines": "Hilfslinien ein-/ausschalten",
    "Toggle show closest data on hover": "Nächsten Datenpunkt beim Überfahren ein-/ausblenden",
    "Turntable rotation": "Drehscheibenrotation",
    "Zoom": "Zoom",
    "Zoom in": "Hineinzoomen",
    "Zoom out": "Herauszoomen",
    "close:": "Schluss:",
    "high:": "Hoch:",
    "incoming flow count:": "Anzahl eingehender Verbindungen:",
    "kde:": "Dichte:",
    "lat:": "Breite:",
    "lon:": "Länge:",
    "low:": "Tief:",
    "lower fence:": "Untere Grenze:",
    "max:": "Max.:",
    "mean:": "Mittelwert:",
    "median:": "Median:",
    "min:": "Min.:",
    "new text": "Neuer Text",
    "open:": "Eröffnung:",
    "outgoing flow count:": "Anzahl ausgehender Verbindungen:",
    "q1:": "1. Quartil:",
    "q3:": "3. Quartil:",
    "source:": "Quelle:",
    "target:": "Ziel:",
    "trace": "Datenreihe",
    "upper fence:": "Obere Grenze:",
}

DE_FORMAT: dict[str, Any] = {
    "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember"],
    "shortMonths": ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                    "Nov", "Dez"],
    "date": "%d.%m.%Y",
    "decimal": ",",
    "thousands": ".",
}


def locales() -> dict[str, Any]:
    """The `config.locales` of a dcc.Graph: German; English is plotly.js's own."""
    return {"de": {"dictionary": DE_DICTIONARY, "format": DE_FORMAT}}


# Mode bar buttons no graph of the atlas shows. "sendChartToCloud" (plotly.js 3) would upload
# the chart to Plotly Cloud: nothing may leave the machine, and its title is English only.
REMOVED_BUTTONS: list[str] = ["select2d", "lasso2d", "toImage", "sendChartToCloud"]
