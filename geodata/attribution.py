"""Attribution lines the licences require wherever the data is shown or exported."""

from __future__ import annotations

# dl-de/by-2-0 requires the note "(Daten verändert)" because we simplify and reproject.
BKG = "© GeoBasis-DE / BKG 2021 (Daten verändert)"
BKG_URL = "https://www.bkg.bund.de"
POPULATION = "Bevölkerung: Statistisches Bundesamt (Destatis), Stand 31.12.2019"
POPULATION_AS_OF = "2019-12-31"
GEMEINDE_POPULATION = (
    "Bevölkerung je Gemeinde: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, "
    "Stand 31.12.2019"
)
PLZ = "PLZ-Zuordnung: © OpenStreetMap-Mitwirkende (ODbL)"

ALL = (BKG, POPULATION, PLZ)
