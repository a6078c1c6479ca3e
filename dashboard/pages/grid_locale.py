"""AG Grid's own texts (paging, filters) and number separators in the page's language: the pager
reads "1 bis 50 von 1.999" in German and "1 to 50 of 1,999" in English."""

from __future__ import annotations

GRID_DE: dict[str, str] = {
    "thousandSeparator": ".",
    "decimalSeparator": ",",
    "page": "Seite",
    "of": "von",
    "to": "bis",
    "more": "mehr",
    "pageSizeSelectorLabel": "Einträge je Seite:",
    "firstPage": "Erste Seite",
    "previousPage": "Vorherige Seite",
    "nextPage": "Nächste Seite",
    "lastPage": "Letzte Seite",
    "pageLastRowUnknown": "?",
    "noRowsToShow": "Keine Einträge",
    "loadingOoo": "Lädt …",
    "filterOoo": "Filtern …",
    "searchOoo": "Suchen …",
    "selectAll": "Alle auswählen",
    "equals": "gleich",
    "notEqual": "ungleich",
    "blank": "leer",
    "notBlank": "nicht leer",
    "lessThan": "kleiner als",
    "greaterThan": "größer als",
    "lessThanOrEqual": "kleiner oder gleich",
    "greaterThanOrEqual": "größer oder gleich",
    "inRange": "zwischen",
    "inRangeStart": "von",
    "inRangeEnd": "bis",
    "contains": "enthält",
    "notContains": "enthält nicht",
    "startsWith": "beginnt mit",
    "endsWith": "endet mit",
    "andCondition": "UND",
    "orCondition": "ODER",
    "applyFilter": "Anwenden",
    "resetFilter": "Zurücksetzen",
    "clearFilter": "Leeren",
    "cancelFilter": "Abbrechen",
    "columnFilter": "Spaltenfilter",
    "ariaFilterValue": "Filterwert",
    "ariaFilterInput": "Filtereingabe",
    "ariaSortableColumn": "Drücken Sie Enter zum Sortieren",
    "ariaRowSelect": "Drücken Sie die Leertaste, um die Zeile auszuwählen",
}


# English texts are the grid's own; the separators are named so the choice is not left to it
GRID_EN: dict[str, str] = {"thousandSeparator": ",", "decimalSeparator": "."}


def grid_locale(lang: str) -> dict[str, str]:
    """localeText for dashGridOptions."""
    return GRID_DE if lang == "de" else GRID_EN
