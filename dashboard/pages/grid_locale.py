"""German texts for AG Grid's own controls (paging, filters); English is the grid default."""

from __future__ import annotations

GRID_DE: dict[str, str] = {
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


def grid_locale(lang: str) -> dict[str, str]:
    """localeText for dashGridOptions."""
    return GRID_DE if lang == "de" else {}
