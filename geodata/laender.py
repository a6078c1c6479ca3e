"""The 16 Länder by their 2-digit code (constant: they are part of the vocabulary, not data)."""

from __future__ import annotations

LAENDER: dict[str, str] = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}

# Reverse lookup for sources that name the Land (the PLZ table does).
LAND_CODES: dict[str, str] = {name: code for code, name in LAENDER.items()}
