"""Texts of travel time by car (Erreichbarkeit's "Fahrzeit (Auto)" mode, region profiles),
German and English; spread at the end of `i18n.TEXTS` like i18n_region."""

from __future__ import annotations

DE: dict[str, str] = {
    "travel.mode.label": "Maß",
    "travel.mode.line": "Luftlinie",
    "travel.mode.car": "Fahrzeit (Auto)",
    "travel.minutes.label": "Schwelle (Fahrzeit)",
    "travel.minutes.15": "15 min",
    "travel.minutes.30": "30 min",
    "travel.minutes.45": "45 min",
    "travel.minutes.60": "60 min",
    "travel.none": (
        "Für diesen Stand sind keine Fahrzeiten berechnet; die Betreiberin berechnet sie aus "
        "einem OpenStreetMap-Auszug mit „python -m store traveltime --osm DATEI.osm.pbf“."
    ),
    "travel.method": (
        "Fahrzeit mit dem Auto auf dem Straßennetz, berechnet mit {engine} aus dem "
        "OpenStreetMap-Auszug {extract} (Stand {date}; © OpenStreetMap-Mitwirkende, ODbL), "
        "vom Gemeindepunkt zum zeitlich nächsten Anbieter. Nicht enthalten: Verkehr und Staus, "
        "die Umwege eines Fahrdienstes, der andere mit abholt, und Bus und Bahn."
    ),
    "travel.summary": (
        "{share} % der Menschen ({people}) brauchen mit dem Auto länger als {minutes} Minuten "
        "bis zum nächsten Anbieter. Im Mittel {mean} Minuten, Median {median} Minuten."
    ),
    "travel.summary.where": "{where}: {sentence}",
    "travel.summary.no_median": (
        "{share} % der Menschen ({people}) brauchen mit dem Auto länger als {minutes} Minuten "
        "bis zum nächsten Anbieter. Im Mittel {mean} Minuten für die, die einen erreichen; "
        "einen Median gibt es nicht, weil mehr als die Hälfte keinen über Straßen erreicht."
    ),
    "travel.unreachable": (
        "{people} Menschen erreichen keinen Anbieter dieser Art über Straßen (etwa Inseln "
        "ohne Brücke, oder außerhalb des Kartenauszugs); sie zählen als „länger als jede "
        "Schwelle“, nie als 0 Minuten."
    ),
    "travel.plan_note": "Die Planung unten rechnet in Luftlinie.",
    "travel.planned": "Mit der Planung unten (hypothetische Standorte: {n}): Zahlen und Karte "
    "auf dem Straßennetz neu berechnet, nicht gespeichert.",
    "travel.plan.line_only": (
        "Planung mit Fahrzeit ist hier nicht möglich (die Straßendaten der Berechnung liegen "
        "dem Server nicht vor): die Planung rechnet in Luftlinie."
    ),
    "travel.plan.heading": "Mit dem Auto",
    "travel.plan.none": "Noch kein hypothetischer Standort gewählt; die Fahrzeiten werden "
    "für jeden gewählten Standort neu auf dem Straßennetz berechnet.",
    "travel.plan.result.one": (
        "Mit einem hypothetischen Standort: {people} Menschen brauchten bisher länger als "
        "{minutes} Minuten mit dem Auto (oder erreichten keinen Anbieter) und sind jetzt "
        "näher."
    ),
    "travel.plan.result.many": (
        "Mit {n} hypothetischen Standorten: {people} Menschen brauchten bisher länger als "
        "{minutes} Minuten mit dem Auto (oder erreichten keinen Anbieter) und sind jetzt "
        "näher."
    ),
    "travel.plan.others": "Andere Schwellen: {parts}.",
    "travel.plan.part": "bisher weiter als {minutes}\u00a0min, jetzt näher: {people} Menschen",
    "travel.plan.off_road": "Ohne Straße in der Nähe, nicht geplant: {names}.",
    "travel.plan.by_kreis": "Jetzt näher als {minutes} Minuten, nach Kreis",
    "travel.col.newly": "Menschen jetzt ≤ {minutes} min",
    "travel.map.title": "Anteil der Menschen mit mehr als {minutes} Minuten Fahrzeit zum "
    "nächsten Anbieter ({category}), je Kreis",
    "travel.map.scale": "Anteil > {minutes} min",
    "travel.map.how": (
        "Je dunkler ein Kreis, desto mehr seiner Menschen fahren länger als die Schwelle. "
        "Grau: keine Fahrzeit (außerhalb des Kartenauszugs oder kein Anbieter erreichbar). "
        "Punkte: die Anbieter. Die Tabellen unten nennen die Zahlen."
    ),
    "travel.map.undefined": "keine Fahrzeit",
    "travel.hover.beyond": "{people} Menschen > {minutes} min ({share} %)",
    "travel.hover.median": "Median {minutes} min",
    "travel.hover.mean": "Mittel {minutes} min",
    "travel.hover.unreachable": "{people} ohne Straßenverbindung",
    "travel.rank.kreise": "Kreise mit den meisten Menschen über {minutes} Minuten Fahrzeit",
    "travel.rank.laender": "Länder: Menschen über {minutes} Minuten Fahrzeit",
    "travel.col.beyond": "Menschen > {minutes} min",
    "travel.col.median": "Median min",
    "travel.col.mean": "Mittel min",
    "travel.col.unreachable": "ohne Straße",
    "travel.profile": "Mit dem Auto im Mittel {minutes} Minuten (Median {median}) bis zum "
    "nächsten Anbieter dieser Art ({engine}, OpenStreetMap {date}).",
    "travel.gem.class.le15": "bis 15 min",
    "travel.gem.class.15_30": "über 15 bis 30 min",
    "travel.gem.class.30_45": "über 30 bis 45 min",
    "travel.gem.class.45_60": "über 45 bis 60 min",
    "travel.gem.class.gt60": "über 60 min",
    "travel.gem.none": "nicht erreichbar",
    "travel.gem.legend": "Fahrzeit mit dem Auto (blass: bis {minutes} min)",
    "travel.gem.hover.road": "{minutes} min Fahrzeit, {km} km Straße",
    "travel.gem.how": (
        "Je dunkler eine Gemeinde, desto länger die Fahrt zum nächsten Anbieter. Grau: nicht "
        "erreichbar (außerhalb des Kartenauszugs oder keine Straße zu einem Anbieter). "
        "Punkte: die Anbieter. Antippen oder Zeigen auf eine Gemeinde nennt Minuten und Straßen-km."
    ),
    "travel.gem.hover.line": "{km} km Luftlinie zum nächsten Anbieter",
    "travel.gem.title": "Fahrzeit mit dem Auto zum nächsten Anbieter ({category}), je "
    "Gemeinde: {where}",
    "describe.travel.lead": "Karte „{title}“, Datenstand {date}.",
    "describe.travel.beyond": "{people} Menschen ({share} %) brauchen mit dem Auto länger "
    "als {minutes} Minuten bis zum nächsten Anbieter.",
    "describe.travel.unreachable": "{people} Menschen erreichen keinen über Straßen.",
    "describe.travel.far_gemeinden": "Am weitesten: {listed}.",
    "describe.travel.far_kreise": "Die höchsten Anteile über {minutes} Minuten: {listed}.",
    "describe.travel.method": "Fahrzeit berechnet mit {engine} auf OpenStreetMap-Daten "
    "(Stand {date}).",
    "travel.export.note": "Fahrzeit mit dem Auto: {engine}, OpenStreetMap-Auszug {extract} "
    "(Stand {date}); Straßennetz © OpenStreetMap-Mitwirkende (ODbL)",
    "travel.export.subtitle": "{level}, Datenstand {date}",
    "travel.export.plan_missing": (
        "Ohne die Planung: Sie lässt sich hier nicht auf dem Straßennetz berechnen."
    ),
    "travel.col.minutes": "Fahrzeit (min)",
    "travel.col.road_km": "Straße (km)",
    "travel.col.line_km": "Luftlinie (km)",
    "travel.col.nearest": "Nächster Anbieter (Fahrzeit)",
    "travel.col.share": "Anteil > {minutes} min (%)",
}

EN: dict[str, str] = {
    "travel.mode.label": "Measure",
    "travel.mode.line": "Straight line",
    "travel.mode.car": "Travel time (car)",
    "travel.minutes.label": "Threshold (travel time)",
    "travel.minutes.15": "15 min",
    "travel.minutes.30": "30 min",
    "travel.minutes.45": "45 min",
    "travel.minutes.60": "60 min",
    "travel.none": (
        "No travel times were computed for this snapshot; the operator computes them from an "
        "OpenStreetMap extract with “python -m store traveltime --osm FILE.osm.pbf”."
    ),
    "travel.method": (
        "Travel time by car on the road network, computed with {engine} from the "
        "OpenStreetMap extract {extract} (as of {date}; © OpenStreetMap contributors, ODbL), "
        "from each Gemeinde's point to the provider nearest in time. Not included: traffic "
        "and congestion, the detours of a Fahrdienst collecting others, and buses and trains."
    ),
    "travel.summary": (
        "{share} % of people ({people}) need more than {minutes} minutes by car to the "
        "nearest provider. Mean {mean} minutes, median {median} minutes."
    ),
    "travel.summary.where": "{where}: {sentence}",
    "travel.summary.no_median": (
        "{share} % of people ({people}) need more than {minutes} minutes by car to the "
        "nearest provider. Mean {mean} minutes for those who reach one; there is no median, "
        "as more than half reach none by road."
    ),
    "travel.unreachable": (
        "{people} people reach no provider of this kind by road (islands without a bridge, "
        "or outside the map extract); they count as beyond every threshold, never as 0 minutes."
    ),
    "travel.plan_note": "Planning below measures in straight lines.",
    "travel.planned": "With the planning below (hypothetical locations: {n}): figures and map "
    "computed afresh on the road network, not stored.",
    "travel.plan.line_only": (
        "Planning by travel time is not possible here (the server lacks the road data the "
        "times were computed on): planning measures in straight lines."
    ),
    "travel.plan.heading": "By car",
    "travel.plan.none": "No hypothetical location chosen yet; car times are computed on "
    "the road network afresh for each location chosen.",
    "travel.plan.result.one": (
        "With one hypothetical location: {people} people who needed more than {minutes} "
        "minutes by car (or reached no provider) are closer now."
    ),
    "travel.plan.result.many": (
        "With {n} hypothetical locations: {people} people who needed more than {minutes} "
        "minutes by car (or reached no provider) are closer now."
    ),
    "travel.plan.others": "Other thresholds: {parts}.",
    "travel.plan.part": "formerly beyond {minutes}\u00a0min, now closer: {people} people",
    "travel.plan.off_road": "No road nearby, not planned: {names}.",
    "travel.plan.by_kreis": "Now within {minutes} minutes, by district",
    "travel.col.newly": "People now ≤ {minutes} min",
    "travel.map.title": "Share of people more than {minutes} minutes by car from the nearest "
    "provider ({category}), per district",
    "travel.map.scale": "Share > {minutes} min",
    "travel.map.how": (
        "The darker a district, the more of its people drive longer than the threshold. Grey: "
        "no travel time (outside the map extract, or no provider reachable). Dots: the "
        "providers. The tables below give the numbers."
    ),
    "travel.map.undefined": "no travel time",
    "travel.hover.beyond": "{people} people > {minutes} min ({share} %)",
    "travel.hover.median": "median {minutes} min",
    "travel.hover.mean": "mean {minutes} min",
    "travel.hover.unreachable": "{people} without a road connection",
    "travel.rank.kreise": "Districts with the most people beyond {minutes} minutes by car",
    "travel.rank.laender": "States: people beyond {minutes} minutes by car",
    "travel.col.beyond": "People > {minutes} min",
    "travel.col.median": "Median min",
    "travel.col.mean": "Mean min",
    "travel.col.unreachable": "no road",
    "travel.profile": "By car {minutes} minutes on average (median {median}) to the nearest "
    "provider of this kind ({engine}, OpenStreetMap {date}).",
    "travel.gem.class.le15": "up to 15 min",
    "travel.gem.class.15_30": "over 15 to 30 min",
    "travel.gem.class.30_45": "over 30 to 45 min",
    "travel.gem.class.45_60": "over 45 to 60 min",
    "travel.gem.class.gt60": "over 60 min",
    "travel.gem.none": "not reachable",
    "travel.gem.legend": "Travel time by car (pale: up to {minutes} min)",
    "travel.gem.hover.road": "{minutes} min by car, {km} km of road",
    "travel.gem.how": (
        "The darker a municipality, the longer the drive to the nearest provider. Grey: not "
        "reachable (outside the map extract, or no road to a provider). Dots: the providers. "
        "Tap or point at a municipality for minutes and road km."
    ),
    "travel.gem.hover.line": "{km} km straight line to the nearest provider",
    "travel.gem.title": "Travel time by car to the nearest provider ({category}), per "
    "municipality: {where}",
    "describe.travel.lead": "Map “{title}”, snapshot of {date}.",
    "describe.travel.beyond": "{people} people ({share} %) need more than {minutes} minutes "
    "by car to the nearest provider.",
    "describe.travel.unreachable": "{people} people reach none by road.",
    "describe.travel.far_gemeinden": "Farthest: {listed}.",
    "describe.travel.far_kreise": "The highest shares beyond {minutes} minutes: {listed}.",
    "describe.travel.method": "Travel time computed with {engine} on OpenStreetMap data "
    "(as of {date}).",
    "travel.export.note": "Travel time by car: {engine}, OpenStreetMap extract {extract} "
    "(as of {date}); road network © OpenStreetMap contributors (ODbL)",
    "travel.export.subtitle": "{level}, snapshot of {date}",
    "travel.export.plan_missing": "Without the planning: it cannot be computed on the road "
    "network here.",
    "travel.col.minutes": "Travel time (min)",
    "travel.col.road_km": "Road (km)",
    "travel.col.line_km": "Straight line (km)",
    "travel.col.nearest": "Nearest provider (travel time)",
    "travel.col.share": "Share > {minutes} min (%)",
}
