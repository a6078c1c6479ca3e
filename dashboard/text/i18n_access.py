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
        "Ein Klick auf die erste Karte (Luftlinie) setzt in der angeklickten Gemeinde einen "
        "hypothetischen Anbieter (auf der Kreiskarte öffnet er auch die Gemeindetabelle des "
        "Kreises); ein Klick auf einen Stern nimmt ihn wieder weg. Über die Tastatur: das "
        "Suchfeld hier."
    ),
    "access.kclick.point": "Hypothetischer Anbieter in {name} gesetzt, wo Sie geklickt haben.",
    "access.kclick.nearest": (
        "Hypothetischer Anbieter in {name} gesetzt, der Gemeinde von {kreis}, die der "
        "Klickstelle am nächsten liegt."
    ),
    "access.kclick.largest": (
        "Die Klickstelle ließ sich nicht bestimmen; der hypothetische Anbieter steht in "
        "{name}, der einwohnerstärksten Gemeinde von {kreis}."
    ),
    "access.kclick.removed": "{name} aus der Planung genommen.",
    "access.kclick.full": "Höchstens {n} hypothetische Standorte; nehmen Sie erst einen weg.",
    "access.gem.grid.heading": "Alle Gemeinden in {where}: Luftlinie zum nächsten Anbieter",
    "access.gem.grid.hint": (
        "Die Werte der Karte für alle {total} Gemeinden. Ein Klick auf einen Spaltenkopf "
        "sortiert (zuerst die größten Werte); Pfeiltasten bewegen sich in der Tabelle, Tab "
        "verlässt sie."
    ),
    "access.gem.grid.search": "Gemeinde, Kreis oder Anbieter suchen",
    "access.gem.grid.placeholder": "z. B. Rosenheim",
    "access.gem.grid.count": "{shown} von {total} Gemeinden angezeigt",
    "access.gem.grid.loading": "Die {total} Gemeinden werden geladen …",
    "access.gem.sentence": (
        "In {where} wohnen {people} Menschen in {n} von {total} Gemeinden weiter als {km} km "
        "Luftlinie vom nächsten Anbieter; am weitesten: {far}."
    ),
    "access.gem.sentence.kreise": "Die meisten von ihnen wohnen in {kreise}.",
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
        "Mit einem hypothetischen Standort hätten {parts} (Luftlinie)."
    ),
    "access.plan.result.many": (
        "Mit {n} hypothetischen Standorten hätten {parts} (Luftlinie)."
    ),
    "access.plan.result.part": (
        "{people} Menschen, die bisher weiter als {km} km vom nächsten Anbieter wohnen, einen "
        "in höchstens {km} km"
    ),
    "access.plan.result.and": ", und ",
    "access.plan.nobody": (
        "Niemand, der bisher weiter als {km} km wohnt, kommt unter {km} km: im Umkreis der "
        "gewählten Orte hatte schon jeder einen Anbieter in {km} km."
    ),
    "access.plan.dash": (
        "„–“: niemand in dieser Gruppe, weil dort schon alle einen Anbieter so nah hatten."
    ),
    "access.col.was": "bisher über {km} km, jetzt höchstens {km} km",
    "access.rank.profile": "Profil von {name}",
    "access.col.kreis": "Kreis",
    "access.col.newly": "Menschen bisher weiter als {km} km, mit Planung höchstens {km} km",
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
        "Click the first map (straight line) to place a hypothetical provider in the "
        "municipality clicked (on the district map this also opens the district's table of "
        "municipalities); click a star to remove it. By keyboard: the search box here."
    ),
    "access.kclick.point": "Hypothetical provider placed in {name}, where you clicked.",
    "access.kclick.nearest": (
        "Hypothetical provider placed in {name}, the municipality of {kreis} nearest to "
        "where you clicked."
    ),
    "access.kclick.largest": (
        "Where you clicked could not be read; the hypothetical provider is in {name}, the "
        "most populous municipality of {kreis}."
    ),
    "access.kclick.removed": "{name} removed from the plan.",
    "access.kclick.full": "At most {n} hypothetical locations; remove one first.",
    "access.gem.grid.heading": (
        "All municipalities in {where}: straight line to the nearest provider"
    ),
    "access.gem.grid.hint": (
        "The map's values for all {total} municipalities. Click a column header to sort "
        "(largest values first); arrow keys move within the table, Tab leaves it."
    ),
    "access.gem.grid.search": "Search municipality, district or provider",
    "access.gem.grid.placeholder": "e.g. Rosenheim",
    "access.gem.grid.count": "{shown} of {total} municipalities shown",
    "access.gem.grid.loading": "Loading the {total} municipalities …",
    "access.gem.sentence": (
        "In {where}, {people} people in {n} of {total} municipalities live more than {km} km "
        "(straight line) from the nearest provider; farthest: {far}."
    ),
    "access.gem.sentence.kreise": "Most of them live in {kreise}.",
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
    "access.plan.result.one": "With one hypothetical location, {parts} (straight line).",
    "access.plan.result.many": "With {n} hypothetical locations, {parts} (straight line).",
    "access.plan.result.part": (
        "{people} people who now live more than {km} km from the nearest provider would have "
        "one within {km} km"
    ),
    "access.plan.result.and": ", and ",
    "access.plan.nobody": (
        "Nobody who now lives more than {km} km away comes within {km} km: around the chosen "
        "places everyone already had a provider within {km} km."
    ),
    "access.plan.dash": "“–”: nobody in this group, as everyone there already had one as close.",
    "access.col.was": "before over {km} km, now at most {km} km",
    "access.rank.profile": "Profile of {name}",
    "access.col.kreis": "District",
    "access.col.newly": "People before over {km} km away, with planning at most {km} km",
}
