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
    "travel.unreachable": (
        "{people} Menschen erreichen keinen Anbieter dieser Art über Straßen (etwa Inseln "
        "ohne Brücke, oder außerhalb des Kartenauszugs); sie zählen als „länger als jede "
        "Schwelle“, nie als 0 Minuten."
    ),
    "travel.plan_note": "Die Planung unten rechnet in Luftlinie.",
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
    "travel.unreachable": (
        "{people} people reach no provider of this kind by road (islands without a bridge, "
        "or outside the map extract); they count as beyond every threshold, never as 0 minutes."
    ),
    "travel.plan_note": "Planning below measures in straight lines.",
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
}
