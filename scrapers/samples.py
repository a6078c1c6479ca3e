"""Deterministic synthetic records for loopback tests and the parse benchmark.

Not the demo dataset (that is scrapers/demo.py): these records are built to
exercise the parser — missing fields, leading-zero PLZ, umlauts, ampersands,
markup-like characters — at realistic sizes.
"""

from __future__ import annotations

import random

from scrapers.records import SERVICES, Provider, fallback_source_id
from scrapers.render import DEFAULT_SLUGS

_PLACES = [
    ("01067", "Dresden", "Sachsen"), ("04109", "Leipzig", "Sachsen"),
    ("06108", "Halle (Saale)", "Sachsen-Anhalt"), ("10115", "Berlin", "Berlin"),
    ("20095", "Hamburg", "Hamburg"), ("24103", "Kiel", "Schleswig-Holstein"),
    ("28195", "Bremen", "Bremen"), ("30159", "Hannover", "Niedersachsen"),
    ("40213", "Düsseldorf", "Nordrhein-Westfalen"), ("50667", "Köln", "Nordrhein-Westfalen"),
    ("55116", "Mainz", "Rheinland-Pfalz"), ("60311", "Frankfurt am Main", "Hessen"),
    ("66111", "Saarbrücken", "Saarland"), ("70173", "Stuttgart", "Baden-Württemberg"),
    ("80331", "München", "Bayern"), ("99084", "Erfurt", "Thüringen"),
    ("19053", "Schwerin", "Mecklenburg-Vorpommern"), ("14467", "Potsdam", "Brandenburg"),
]
_KINDS = {
    "ala": ["Inklusionswerk", "Arbeit & Teilhabe", "Perspektive Arbeit", "Brücke <Beruf>"],
    "wfbm": ["Werkstätten", "Lebenshilfe-Werkstatt", "Caritas Werkstätten", "Diakonie-Werk"],
    "ib": ["Service gGmbH", "Integrationsbetrieb", "Hotel Miteinander", "Café Vielfalt"],
}
_STREETS = ["Hauptstraße", "Bahnhofstr.", "Am Mühlgraben", "Königsallee", "Weg \"An der Aue\""]


def sample_records(
    category: str, count: int, seed: int = 0, base_url: str = ""
) -> list[Provider]:
    """``count`` distinct records of one category, the same for the same seed.

    ``base_url`` prefixes the entry links, so parsed records equal these exactly.
    """
    rng = random.Random(f"{category}-{seed}")
    slug = DEFAULT_SLUGS[category]
    records = []
    for i in range(count):
        plz, city, land = _PLACES[rng.randrange(len(_PLACES))]
        kind = rng.choice(_KINDS[category])
        name = f"{kind} {city} {i + 1}"
        has_id = rng.random() > 0.05  # a few entries without REHADAT id (hash fallback)
        source_id = f"ADR{rng.randrange(10**6, 10**7):07d}{i:04d}" if has_id else ""
        services = tuple(s for s in SERVICES if rng.random() > 0.4) if category != "ib" else ()
        record = Provider(
            category=category,
            source_id=source_id or "hash:pending",
            name=name,
            operator=rng.choice([None, f"Lebenshilfe {city} e.V.", "Träger & Partner gGmbH"]),
            street=f"{rng.choice(_STREETS)} {rng.randrange(1, 200)}",
            plz=plz,
            city=city,
            land_listed=land,
            phone=rng.choice([None, f"0{rng.randrange(30, 999)} {rng.randrange(10**5, 10**7)}"]),
            email=rng.choice([None, f"info{i}@example.org"]),
            website=rng.choice([None, f"https://www.example-{category}-{i}.de"]),
            services=services,
            source_url=(
                f"{base_url.rstrip('/')}/adressen/arbeit-beschaeftigung/{slug}/index.html?id={source_id}&mode=detail"
                if has_id else None
            ),
        )
        if not has_id:
            record = Provider(**{**record.to_dict(), "source_id": fallback_source_id(
                category, name, plz, record.street)})
        records.append(record)
    return records
