"""Texts of the Erreichbarkeit page's Gemeinde map, Land view, planning words and scales
(German first, English second); merged into dashboard.text.i18n.TEXTS."""

from __future__ import annotations

DE: dict[str, str] = {
    "access.level.label": "Karte nach",
    "access.level.gemeinde": "Gemeinden",
    "access.level.kreis": "Kreisen",
    "access.land.label": "Gebiet",
    "access.land.all": "ganz Deutschland",
    "access.compare.label": "Planung auf den Karten",
    "access.compare.after": "mit Planung",
    "access.compare.before": "ohne Planung (vorher)",
    "access.gem.title": (
        "Luftlinie von jeder Gemeinde zum nächsten Anbieter ({category}, {where})"
    ),
    "access.gem.where.de": "Deutschland",
    "access.gem.class.le10": "bis 10 km",
    "access.gem.class.10_25": "über 10 bis 25 km",
    "access.gem.class.25_50": "über 25 bis 50 km",
    "access.gem.class.gt50": "über 50 km",
    "access.gem.none": "kein Anbieter erreichbar",
    "access.gem.legend": "Luftlinie (blass: bis {km} km)",
    "access.gem.hover.km": "{km} km Luftlinie zum nächsten Anbieter",
    "access.gem.hover.population": "{n} Einwohner",
    "access.gem.hover.nearest": "nächster: {name}",
    "access.gem.click": (
        "Ein Klick auf eine Gemeinde der Karte setzt dort einen hypothetischen Anbieter; ein "
        "Klick auf einen Stern nimmt ihn wieder weg. Über die Tastatur: das Suchfeld oben."
    ),
    "access.gem.table.heading": "Gemeinden in {where}, weiteste zuerst (Luftlinie)",
    "access.gem.table.more": (
        "Die {shown} weitesten von {total} Gemeinden; alle stehen in der CSV/XLSX-Datei."
    ),
    "access.gem.sentence": (
        "In {where} wohnen {people} Menschen in {n} von {total} Gemeinden weiter als {km} km "
        "Luftlinie vom nächsten Anbieter; am weitesten: {far}."
    ),
    "access.gem.sentence.none": (
        "In {where} wohnt niemand weiter als {km} km Luftlinie vom nächsten Anbieter."
    ),
    "access.land.sentence": (
        "In {where} wohnen {share} % der Menschen ({people}) weiter als {km} km Luftlinie "
        "vom nächsten Anbieter; Median {median} km."
    ),
    "access.sfca.capped": (
        "Die Farbskala endet bei {cap} (98 % der Kreise liegen darunter); höhere Werte bis "
        "{max} haben die dunkelste Farbe. Die Skala bleibt mit und ohne Planung gleich."
    ),
    "access.sfca.fixed": "Die Farbskala bleibt mit und ohne Planung gleich.",
    # planning in plain words (issue 21, item 3)
    "access.plan.result.one": (
        "Mit einem hypothetischen Standort hätten {p25} Menschen, die bisher weiter als 25 km "
        "vom nächsten Anbieter wohnen, einen in höchstens 25 km, und {p50} Menschen, die "
        "bisher weiter als 50 km wohnen, einen in höchstens 50 km (Luftlinie)."
    ),
    "access.plan.result.many": (
        "Mit {n} hypothetischen Standorten hätten {p25} Menschen, die bisher weiter als 25 "
        "km vom nächsten Anbieter wohnen, einen in höchstens 25 km, und {p50} Menschen, die "
        "bisher weiter als 50 km wohnen, einen in höchstens 50 km (Luftlinie)."
    ),
    "access.plan.nobody50": (
        "Niemand, der bisher weiter als 50 km wohnt, kommt unter 50 km: im Umkreis der "
        "gewählten Orte hatte schon jeder einen Anbieter in 50 km."
    ),
    "access.plan.dash": (
        "„–“: niemand in dieser Gruppe, weil dort schon alle einen Anbieter so nah hatten."
    ),
    "access.col.was25": "bisher über 25 km, jetzt höchstens 25 km",
    "access.col.was50": "bisher über 50 km, jetzt höchstens 50 km",
    "access.rank.profile": "Profil von {name}",
    "access.col.kreis": "Kreis",
}

EN: dict[str, str] = {
    "access.level.label": "Map by",
    "access.level.gemeinde": "municipalities",
    "access.level.kreis": "districts",
    "access.land.label": "Area",
    "access.land.all": "all of Germany",
    "access.compare.label": "Planning on the maps",
    "access.compare.after": "with planning",
    "access.compare.before": "without planning (before)",
    "access.gem.title": (
        "Straight-line distance from every municipality to the nearest provider "
        "({category}, {where})"
    ),
    "access.gem.where.de": "Germany",
    "access.gem.class.le10": "up to 10 km",
    "access.gem.class.10_25": "over 10 to 25 km",
    "access.gem.class.25_50": "over 25 to 50 km",
    "access.gem.class.gt50": "over 50 km",
    "access.gem.none": "no provider within reach",
    "access.gem.legend": "Straight line (faded: up to {km} km)",
    "access.gem.hover.km": "{km} km straight line to the nearest provider",
    "access.gem.hover.population": "{n} inhabitants",
    "access.gem.hover.nearest": "nearest: {name}",
    "access.gem.click": (
        "Click a municipality on the map to place a hypothetical provider there; click a star "
        "to remove it. By keyboard: the search box above."
    ),
    "access.gem.table.heading": "Municipalities in {where}, farthest first (straight line)",
    "access.gem.table.more": (
        "The {shown} farthest of {total} municipalities; all are in the CSV/XLSX file."
    ),
    "access.gem.sentence": (
        "In {where}, {people} people in {n} of {total} municipalities live more than {km} km "
        "(straight line) from the nearest provider; farthest: {far}."
    ),
    "access.gem.sentence.none": (
        "In {where}, nobody lives more than {km} km (straight line) from the nearest provider."
    ),
    "access.land.sentence": (
        "In {where}, {share} % of people ({people}) live more than {km} km (straight line) "
        "from the nearest provider; median {median} km."
    ),
    "access.sfca.capped": (
        "The colour scale ends at {cap} (98 % of districts lie below); higher values up to "
        "{max} take the darkest colour. The scale stays the same with and without planning."
    ),
    "access.sfca.fixed": "The colour scale stays the same with and without planning.",
    "access.plan.result.one": (
        "With one hypothetical location, {p25} people who now live more than 25 km from the "
        "nearest provider would have one within 25 km, and {p50} people who now live more "
        "than 50 km away would have one within 50 km (straight line)."
    ),
    "access.plan.result.many": (
        "With {n} hypothetical locations, {p25} people who now live more than 25 km from the "
        "nearest provider would have one within 25 km, and {p50} people who now live more "
        "than 50 km away would have one within 50 km (straight line)."
    ),
    "access.plan.nobody50": (
        "Nobody who now lives more than 50 km away comes within 50 km: around the chosen "
        "places everyone already had a provider within 50 km."
    ),
    "access.plan.dash": "“–”: nobody in this group, as everyone there already had one as close.",
    "access.col.was25": "before over 25 km, now at most 25 km",
    "access.col.was50": "before over 50 km, now at most 50 km",
    "access.rank.profile": "Profile of {name}",
    "access.col.kreis": "District",
}
