"""Every text of the UI in German and English, and numbers formatted the way each reads them.

`t(key, lang)` looks a text up; a missing key raises KeyError (a test checks both languages
have the same keys), so a forgotten translation fails in tests, not in front of a user.
"""

from __future__ import annotations

import math

from dashboard.text import i18n_access as _access
from dashboard.text import i18n_land as _land
from dashboard.text import i18n_region as _region
from dashboard.text import i18n_travel as _travel

LANGS: tuple[str, ...] = ("de", "en")
DEFAULT_LANG = "de"

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "app.title": "aLA-Atlas",
        "app.tagline": "Wo gibt es Alternativen zur Werkstatt – und wo keine?",
        "nav.label": "Hauptnavigation",
        "nav.karte": "Karte",
        "nav.tabelle": "Tabelle",
        "nav.entwicklung": "Entwicklung",
        "nav.anbieter": "Anbieter",
        "nav.quellen": "Quellen",
        "nav.current": "aktuelle Seite",
        "skip.main": "Zum Inhalt springen",
        "karte.heading": "Karte der Anbieter nach Ländern und Kreisen",
        "lang.switch": "English",
        "lang.switch.label": "Switch to English",
        "snapshot.label": "Datenstand",
        "snapshot.demo": "Beispieldaten",
        "source.line": "Quelle: REHADAT-Adressen (IW Köln), Stand {date}",
        "source.none": "Quelle: REHADAT-Adressen (IW Köln) – noch kein Datenstand vorhanden",
        "demo.banner": (
            "Beispieldaten: Diese Ansicht zeigt erfundene Anbieter zum Ausprobieren, "
            "keine echten REHADAT-Einträge."
        ),
        "notice.bad_param": "Ungültiger Parameter „{name}={value}“ – Standardwert verwendet.",
        "notice.no_snapshot": "Es gibt noch keinen Datenstand. Bitte zuerst Daten laden.",
        "level.label": "Ebene",
        "level.land": "Bundesländer",
        "level.kreis": "Kreise",
        "level.land.one": "Land",
        "level.kreis.one": "Kreis",
        "category.label": "Art",
        "category.ala": "Andere Leistungsanbieter (aLA)",
        "category.wfbm": "Werkstätten (WfbM)",
        "category.ib": "Inklusionsbetriebe",
        "category.ala.short": "aLA",
        "category.wfbm.short": "WfbM",
        "category.ib.short": "Inklusionsbetriebe",
        # after "der" (genitive plural, weak adjective): "Zahl der Anderen Leistungsanbieter"
        "category.ala.gen": "Anderen Leistungsanbieter (aLA)",
        "category.wfbm.gen": "Werkstätten (WfbM)",
        "category.ib.gen": "Inklusionsbetriebe",
        # the kinds of Kreis as the BKG names them, for the "Art der Region" column
        "bez.Landkreis": "Landkreis",
        "bez.Kreis": "Kreis",
        "bez.Kreisfreie Stadt": "Kreisfreie Stadt",
        "bez.Stadtkreis": "Stadtkreis",
        "metric.label": "Kennzahl",
        "metric.count": "Anzahl",
        "metric.per_100k": "je 100.000 Einwohner",
        "metric.ala_share": "aLA-Anteil an aLA + WfbM",
        "metric.ala_per_wfbm": "aLA je WfbM",
        "metric.none_here": "Regionen ohne Anbieter",
        "unit.count": "Anzahl Anbieter",
        "unit.per_100k": "Anbieter je 100.000 Einw.",
        "unit.ala_share": "Anteil in %",
        "unit.ala_per_wfbm": "aLA je WfbM",
        "unit.none_here": "kein Anbieter",
        "classes.label": "Farbstufen",
        "classes.continuous": "stufenlos",
        "classes.quantiles": "Quantile",
        "classes.equal": "gleiche Stufen",
        "view.label": "Ansicht",
        "view.single": "Eine Karte",
        "view.compare": "Vergleich der drei Arten",
        "points.label": "Anbieter als Punkte zeigen",
        "region.label": "Region auswählen",
        "region.placeholder": "Region suchen …",
        "map.title": "{category}: {metric} nach {level}",
        "level.by.land": "Ländern",
        "level.by.kreis": "Kreisen",
        "map.aria": (
            "Karte: {title}. Die Seite Tabelle zeigt dieselben Werte als Tabelle."
        ),
        "map.none": "kein Anbieter",
        "map.not_recorded": "nicht erfasst",
        "notice.not_recorded": "{category} sind in diesem Datenstand nicht erfasst.",
        "map.none_metric": "ohne Anbieter",
        "map.some_metric": "mit Anbieter",
        "map.undefined": "nicht berechenbar",
        "map.fragile": "geringe Fallzahl",
        "map.fragile.note": "Vorsicht: Wert beruht auf weniger als {n} Anbietern",
        "map.selected": "ausgewählt",
        "map.points": "Anbieter",
        "map.provider.selected": "gewählter Anbieter",
        "map.table_link": "Dieselben Werte als Tabelle",
        "map.keyboard_hint": (
            "Tipp: Eine Region lässt sich auch über das Auswahlfeld „Region auswählen“ öffnen."
        ),
        "hover.population": "Einwohner",
        "hover.count": "Anzahl",
        "hover.rate": "je 100.000 Einw.",
        "hover.share": "aLA-Anteil",
        "hover.ratio": "aLA je WfbM",
        "hover.operator": "Träger",
        "hover.address": "Adresse",
        "hover.services": "Leistungen",
        "details.heading": "Details: {name}",
        "details.empty": "Klicken Sie auf eine Region oder wählen Sie sie oben aus.",
        "details.rank": "Rang {rank} von {n} ({peers})",
        "details.rank.land": "Rang {rank} von {n} im Land {land}",
        "details.peers.land": "Bundesländern",
        "details.peers.kreis": "Kreisen in Deutschland",
        "details.rank.none": "ohne Rang (Wert nicht berechenbar)",
        # a yes/no measure has no rank: say which it is and how many share it
        "details.none_here.yes": "ja – wie {k} von {n} {peers}",
        "details.none_here.no": "nein – {k} von {n} {peers} haben keinen",
        "details.share.undefined": "nicht berechenbar: weder aLA noch WfbM in der Region",
        "details.ratio.undefined": "nicht berechenbar: keine WfbM in der Region",
        "details.providers": "Anbieter in dieser Region ({n})",
        "details.providers.none": "In dieser Region ist kein Anbieter dieser Art verzeichnet.",
        "details.source": "Eintrag bei REHADAT",
        "details.figures": "Kennzahlen",
        "details.close_hint": "Region wechseln über das Auswahlfeld oder einen Klick in die Karte.",
        "table.heading": "Alle Regionen und Kennzahlen",
        "table.land.label": "Land",
        "table.land.all": "ganz Deutschland",
        "table.total.de": "Deutschland insgesamt",
        "table.total.land": "{land} insgesamt",
        "table.ranking": "Rangfolge: {metric}",
        "table.ranking.top": "Die {n} höchsten Werte über null",
        "table.ranking.total": "{total} Regionen insgesamt",
        "table.metric.label": "Rangfolge nach",
        "table.aria": "Tabelle aller Regionen; Spaltenköpfe sortieren. Mit der Tastatur: "
        "Pfeiltasten wandern durch die Zellen, Enter auf einem Namen öffnet sein Profil.",
        "col.code": "Schlüssel (ARS)",
        "col.name": "Region",
        "col.bez": "Art der Region",
        "col.land": "Land",
        "col.population": "Einwohner 2019",
        "col.count": "Anzahl",
        "col.per_100k": "je 100.000 Einw.",
        "col.ala_count": "aLA",
        "col.wfbm_count": "WfbM",
        "col.ala_share": "aLA-Anteil %",
        "col.ala_per_wfbm": "aLA je WfbM",
        "col.none_here": "ohne Anbieter",
        "col.fragile": "Hinweis",
        "col.provider.name": "Name",
        "col.provider.operator": "Träger",
        "col.provider.street": "Straße",
        "col.provider.plz": "PLZ",
        "col.provider.city": "Ort",
        "col.provider.land": "Land",
        "col.provider.category": "Art",
        "col.provider.services": "Leistungen",
        "col.provider.source": "Quelle",
        "yes": "ja",
        "no": "nein",
        "providers.heading": "Anbieter suchen",
        "providers.search.label": "Suche nach Name, Träger oder Ort",
        "providers.search.placeholder": "z. B. Lebenshilfe oder Dresden",
        "providers.land.label": "Land",
        "providers.category.label": "Art",
        "providers.service.label": "Leistung",
        "providers.all": "alle",
        "providers.count": "{n} Anbieter gefunden",
        "providers.show": "„{name}“ auf der Karte zeigen",
        "providers.select_hint": "Wählen Sie eine Zeile, um den Anbieter auf der Karte zu zeigen.",
        "sources.heading": "Quellen, Methode und Lizenzen",
        "sources.rehadat.heading": "Anbieter: REHADAT",
        "sources.rehadat.text": (
            "Die Anbieter stammen aus den Adresslisten von REHADAT (Institut der deutschen "
            "Wirtschaft Köln): Andere Leistungsanbieter, Werkstätten für behinderte Menschen und "
            "Inklusionsbetriebe. Angezeigt wird der Datenstand vom {date} ({origin})."
        ),
        "sources.rehadat.counts": "Einträge in diesem Datenstand",
        "sources.origin.live": "live abgerufen",
        "sources.origin.replay": "aus gespeicherten Seiten eingelesen",
        "sources.origin.demo": "Beispieldaten, keine echten Einträge",
        "sources.geo.heading": "Grenzen, Bevölkerung, Postleitzahlen",
        "sources.geo.bkg": (
            "Verwaltungsgrenzen: VG5000, Stand 01.01.2021, "
            "Datenlizenz Deutschland – Namensnennung 2.0."
        ),
        "sources.method.heading": "Methode",
        "sources.method.geocoding": (
            "Jeder Anbieter wird über Postleitzahl und Ort einer Gemeinde zugeordnet und über "
            "deren Lage einem Kreis und Land. Wo nur die Postleitzahl passt, gilt der Kreis oder "
            "das Land als Ort; Anbieter ohne verwertbare Adresse zählen in keiner Region."
        ),
        "sources.method.rate": (
            "„Je 100.000 Einwohner“ heißt: Zahl der Anbieter in der Region geteilt durch ihre "
            "Einwohnerzahl am 31.12.2019, mal 100.000. Es zählt Anbieter, nicht Plätze."
        ),
        "sources.method.share": (
            "„aLA-Anteil“ ist die Zahl der aLA geteilt durch die Zahl der aLA und Werkstätten "
            "zusammen; „aLA je WfbM“ teilt die aLA durch die Werkstätten."
        ),
        "sources.method.fragile": (
            "Werte, die auf weniger als {n} Anbietern beruhen, tragen ein Warnzeichen (⚠): Ein "
            "Kreis mit einem einzigen Anbieter ist deshalb kein Spitzenreiter."
        ),
        "sources.reference.heading": "Veröffentlichte Vergleichszahlen",
        "sources.reference.text": "Bundesweite Zahlen aus Veröffentlichungen, zum Abgleich:",
        "sources.reference.date": "Stand",
        "sources.reference.category": "Art",
        "sources.reference.count": "Anzahl",
        "sources.reference.source": "Quelle",
        "sources.licence.heading": "Lizenzen und Namensnennung",
        "sources.licence.code": "Die Software ist quelloffen; Daten wie oben angegeben.",
        "footer.accessibility": "Alle Karten gibt es auch als Tabelle.",
        "embed.open": "Vollständige Ansicht öffnen",
        # --- server: store faults (issue 11) ---
        "notice.store_unavailable": "Daten vorübergehend nicht verfügbar.",
        "notice.store_unavailable.retry": (
            "Die Datenbank kann gerade nicht gelesen werden. Bitte laden Sie die Seite in "
            "einer Minute neu."
        ),
        # --- other lists: imported snapshots (scrapers import) ---
        "snapshot.import": "Liste: {name}",
        "source.import_line": "Quelle: {name} (importierte Liste, nicht REHADAT), Stand {date}",
        "sources.origin.import": "aus einer importierten Liste, nicht von REHADAT",
        # --- monitoring: change feed, other bodies' counts, contact publishing ---
        "feed.title": "aLA-Atlas: Änderungen in den Anbieterlisten",
        "feed.subtitle": (
            "Neue, nicht mehr gelistete und geänderte Einträge zwischen aufeinanderfolgenden "
            "Datenständen derselben Quelle."
        ),
        "feed.rights": "Quelle: REHADAT-Adressen (IW Köln); Auswertung: aLA-Atlas",
        "feed.kind.new": "Neu",
        "feed.kind.vanished": "Nicht mehr gelistet",
        "feed.kind.changed": "Geändert",
        "feed.what.new": "Neu in der Liste: {address}",
        "feed.what.vanished": "Nicht mehr in der Liste, zuletzt: {address}",
        "feed.what.changed": "Geändert: {fields}",
        "feed.changed.hidden": "{field} geändert (Kontaktangaben hier nicht veröffentlicht)",
        "feed.between": (
            "Vergleich der Datenstände Nr. {old_id} vom {old_date} und Nr. {new_id} vom {new_date}"
        ),
        "feed.unplaced": "ohne zugeordnete Region",
        "feed.link.map": "Auf der Karte zeigen",
        "feed.link.compare": "Vergleich der beiden Datenstände",
        "other.basis.bagues": (
            "BAGüS: aLA mit Leistungsberechtigten der Eingliederungshilfe am Jahresende"
        ),
        "other.basis.bih": (
            "BIH: von den Integrationsämtern anerkannte und geförderte Inklusionsbetriebe"
        ),
        "other.basis.bagwfbm": "BAG WfbM: anerkannte Hauptwerkstätten (ohne Zweigstellen)",
        "other.series": "{basis} (andere Zählweise)",
        "other.people": "{n} Leistungsberechtigte",
        "other.measure.providers": "Anbieter",
        "other.measure.people_served": "Leistungsberechtigte",
        "sources.other.heading": "Zahlen anderer Stellen (andere Zählweise)",
        "sources.other.text": (
            "Diese Stellen zählen nach eigenen Regeln: die BAGüS aLA, die am Jahresende "
            "Menschen mit Leistungen der Eingliederungshilfe beschäftigen, das BIH von den "
            "Integrationsämtern anerkannte und geförderte Inklusionsbetriebe, die BAG WfbM "
            "anerkannte Hauptwerkstätten ohne ihre Zweigstellen. Ihre Zahlen weichen deshalb "
            "von den REHADAT-Einträgen ab, nicht aus Fehlern. Der Atlas zeigt sie als eigene "
            "Reihen und verbindet sie nie mit der REHADAT-Reihe."
        ),
        "sources.other.basis": "Zählweise",
        "sources.other.measure": "Gezählt",
        # --- Erreichbarkeit (access) ---
        "nav.erreichbarkeit": "Erreichbarkeit",
        "access.heading": "Erreichbarkeit: Wie weit ist es zum nächsten Anbieter?",
        "access.intro": (
            "Für jede der 10.997 Gemeinden die Entfernung (Luftlinie) von ihrem Mittelpunkt "
            "zum nächsten Anbieter, gewichtet mit ihren Einwohnern."
        ),
        "access.luftlinie": (
            "Alle Entfernungen sind Luftlinie (gerade Strecke) vom Mittelpunkt jeder Gemeinde; "
            "Straßen, Bus und Bahn und Fahrzeiten sind nicht berücksichtigt. Bevölkerung je "
            "Gemeinde: Destatis, Stand 31.12.2019."
        ),
        "access.service.label": "Leistung (nur aLA)",
        "access.service.all": "alle",
        "access.service.arbeitsbereich": "Arbeitsbereich",
        "access.service.berufsbildungsbereich": "Berufsbildungsbereich",
        "access.threshold.label": "Schwelle (Luftlinie)",
        "access.threshold.10": "10 km",
        "access.threshold.25": "25 km",
        "access.threshold.50": "50 km",
        "access.summary": (
            "{share} % der Menschen in Deutschland ({people}) wohnen mehr als {km} km "
            "Luftlinie vom nächsten Anbieter dieser Art entfernt. Mittlere Entfernung {mean} "
            "km, Median {median} km (Luftlinie, nach Einwohnern gewichtet)."
        ),
        "access.summary.own": (
            "{people} Menschen haben in ihrem eigenen Kreis keinen solchen Anbieter."
        ),
        "access.summary.sfca": (
            "2SFCA (Einzugsbereich 50 km Luftlinie): im Bundesmittel {value} Anbieter je "
            "100.000 Menschen in Reichweite."
        ),
        "access.summary.providers": "Gezählt: {n} Anbieter mit Ort.",
        "access.kreis_placed": (
            "{n} Anbieter sind nur auf Kreisebene verortet und stehen am Mittelpunkt ihres "
            "Kreises; für {people} Menschen ist einer davon der nächste – deren Entfernung kann "
            "um bis zur Größe des Kreises abweichen."
        ),
        "access.excluded": (
            "{n} Anbieter ohne genaueren Ort als das Land fehlen in den Entfernungen."
        ),
        "access.status.no_provider": (
            "Kein Anbieter dieser Art im Datenstand: Entfernungen sind nicht definiert "
            "(weder 0 noch unendlich)."
        ),
        "access.status.not_recorded": "Dieser Datenstand nennt keine Leistungen der aLA.",
        "access.map.title": (
            "Anteil der Menschen weiter als {km} km Luftlinie vom nächsten Anbieter "
            "({category})"
        ),
        "access.map.scale": "> {km} km",
        "access.map.sfca.title": (
            "Anbieter je 100.000 Menschen in 50 km Luftlinie (2SFCA, {category})"
        ),
        "access.map.sfca.scale": "je 100.000",
        "access.map.undefined": "nicht definiert",
        "access.map.providers": "Anbieter",
        # the stars' legend key on every map and the start of a star's hover (one name for
        # one thing): short, so that a phone's legend keeps two columns (the Gemeinde map
        # stays 300 px wide; "Hypothetischer Standort" took one column and 60 px)
        "access.map.places": "Geplanter Standort",
        "access.map.aria": "Karte: {title}. Die Tabellen darunter enthalten dieselben Werte.",
        "access.hover.beyond": "weiter als {km} km: {people} Menschen ({share} %)",
        "access.hover.median": "Median {km} km Luftlinie",
        "access.hover.mean": "Mittel {km} km Luftlinie",
        "access.hover.sfca": "2SFCA: {value} je 100.000 in 50 km",
        "access.rank.kreise": "Die 20 Kreise mit den meisten Menschen weiter als {km} km Luftlinie",
        "access.rank.laender": "Länder nach Menschen weiter als {km} km Luftlinie",
        "access.col.region": "Region",
        "access.col.ars": "Schlüssel (ARS)",
        "access.col.mean": "Mittel km (Luftlinie)",
        "access.col.no_own": "ohne Anbieter im eigenen Kreis",
        "access.export.subtitle": (
            "{level}, Stand {date} · Luftlinie vom Gemeindemittelpunkt (keine Wege, keine "
            "Fahrzeiten)<br>Bevölkerung je Gemeinde: Destatis, 31.12.2019"
        ),
        "access.export.plan.one": (
            "Mit einem hypothetischen Standort (Planung, nicht gespeichert): {names}"
        ),
        "access.export.plan.many": (
            "Mit {n} hypothetischen Standorten (Planung, nicht gespeichert): {names}"
        ),
        "access.col.population": "Einwohner",
        "access.col.beyond": "weiter als {km} km",
        "access.col.share": "Anteil",
        "access.col.median": "Median km (Luftlinie)",
        "access.col.sfca": "2SFCA je 100.000",
        "access.plan.heading": "Planung: Was wäre, wenn es hier einen Anbieter gäbe?",
        "access.plan.intro": (
            "Wählen Sie Gemeinden für hypothetische Anbieter (Stern auf der Karte). Sie werden "
            "nicht gespeichert; der Link dieser Seite enthält sie."
        ),
        "access.plan.label": "Gemeinde suchen und hinzufügen",
        "access.plan.placeholder": "Gemeindename eingeben …",
        "access.plan.none": "Noch kein hypothetischer Standort gewählt.",
        "access.plan.result": (
            "Mit {n} hypothetischen Standorten haben {p25} Menschen neu einen Anbieter "
            "innerhalb von 25 km und {p50} innerhalb von 50 km (Luftlinie)."
        ),
        "access.plan.by_kreis": "Neu erreicht, nach Kreis",
        "access.plan.by_land": "Neu erreicht, nach Land",
        "access.region.heading": (
            "Gemeinden in {name}: Entfernung zum nächsten Anbieter (Luftlinie)"
        ),
        "access.region.hint": (
            "Klicken Sie auf einen Kreis in der Karte, um die Entfernungen seiner Gemeinden "
            "zu sehen (der Klick setzt dort auch einen hypothetischen Anbieter)."
        ),
        "access.col.gemeinde": "Gemeinde",
        "access.col.distance": "Entfernung km (Luftlinie)",
        "access.col.nearest": "nächster Anbieter",
        "access.region.hypothetical": "hypothetisch: {name}",
        "access.sources.heading": "Erreichbarkeit (Luftlinie)",
        "access.sources.method": (
            "Entfernung: gerade Linie (Luftlinie) in der flächentreuen Projektion EPSG:3035 "
            "vom Mittelpunkt jeder Gemeinde (dem Punkt, den auch die Verortung der Anbieter "
            "nutzt) zum nächsten Anbieter; gewichtet mit den Einwohnern der Gemeinde. 2SFCA "
            "(two-step floating catchment area): jeder Anbieter wird auf die Menschen in 50 km "
            "Umkreis aufgeteilt, jede Gemeinde summiert die Anteile der Anbieter in 50 km."
        ),
        "access.sources.limits": (
            "Nicht erfasst: Straßen und Wege, Bus und Bahn, Fahrzeiten, Barrieren unterwegs, "
            "freie Plätze und die Größe eines Anbieters. Anbieter, die nur einem Kreis "
            "zugeordnet werden konnten, stehen am Mittelpunkt des Kreises."
        ),
        # region profiles, search, near me, descriptions, Leichte Sprache (issue 13)
        **_region.DE,
        **_access.DE,  # Gemeinde map, Land view, planning words (issues 17, 21)
        **_travel.DE,
        **_land.DE,
        # --- Karte (map area): legend, caution, comparison, drawer, pinned links ---
        "map.caution": "geringe Fallzahl<br>(unter {n} Anbietern)",
        "map.scale.shared": "Eine Farbskala für alle drei Karten: {unit}",
        "map.scale.own": (
            "„{metric}“ hängt nicht von der Art ab: drei Karten wären gleich, daher nur eine."
        ),
        "map.settings": "Einstellungen",
        "snapshot.pinned": (
            "Dieser Link zeigt den festen Datenstand vom {date}. Der neueste ist vom {newest}."
        ),
        "snapshot.pinned.latest": "Dieser Link zeigt fest den Datenstand vom {date}.",
        "sources.feed.heading": "Änderungen abonnieren (Atom-Feed)",
        "sources.feed.text": (
            "Jeder neue Datenstand wird mit dem vorigen derselben Quelle verglichen: neue, nicht "
            "mehr gelistete und geänderte Anbieter erscheinen als Einträge im Feed, mit beiden "
            "Daten und einem Link auf die Karte. Mit „land=09“ oder „kreis=09162“ am Ende der "
            "Adresse gilt der Feed nur für ein Land oder einen Kreis."
        ),
        "sources.feed.all": "alle Arten",
        # --- accessibility, language, embed (a11y) ---
        "embed.open.atlas": "In aLA-Atlas öffnen",
        "attr.population": "Bevölkerung: Statistisches Bundesamt (Destatis), Stand {date}",
        "attr.gemeinde_population": (
            "Bevölkerung je Gemeinde: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, "
            "Stand {date}"
        ),
        "attr.plz": "PLZ-Zuordnung: © OpenStreetMap-Mitwirkende (ODbL)",
        "service.Eingangsverfahren": "Eingangsverfahren",
        "service.Berufsbildungsbereich": "Berufsbildungsbereich",
        "service.Arbeitsbereich": "Arbeitsbereich",
        "ref.reported": "zitiert nach",
        "ref.2021-11-30.ala": (
            "REHADAT-Liste der Anderen Leistungsanbieter, November 2021 "
            "(Befragungsgesamtheit Zentel & Maaß 2022)"
        ),
        "ref.2022-01-31.ala": (
            "REHADAT-Liste, Januar 2022 (Befragungsgesamtheit Poppe & Blach 2022a)"
        ),
        "ref.2022-12-01.ala": "REHADAT 2022a, Stand 01.12.2022 (Abb. 1)",
        "ref.2022-12-01.wfbm": "REHADAT 2022b",
        "ref.2022-12-01.ib": "REHADAT 2022c",
        "dropdown.select_all": "Alle auswählen",
        "dropdown.deselect_all": "Auswahl aufheben",
        "dropdown.selected_count": "{num_selected} ausgewählt",
        "dropdown.search": "Suchen",
        "dropdown.clear_search": "Suche löschen",
        "dropdown.clear_selection": "Auswahl löschen",
        "dropdown.no_options_found": "Keine Treffer",
        # issue 13: text alternatives of the Tabelle, Entwicklung and Erreichbarkeit charts
        "describe.ranking": (
            "Balkendiagramm „{metric}“ – {category} nach {level}, Datenstand {date}: die {n} "
            "von {total} {level_plural} mit den höchsten Werten. Am höchsten: {first}. "
            "Letzter Balken: {last}."
        ),
        "describe.ranking.empty": (
            "Balkendiagramm „{metric}“ – {category} nach {level}, Datenstand {date}. Keine Region "
            "hat einen Wert über null."
        ),
        "describe.chart.heading": "Was das Diagramm zeigt",
        "describe.access.lead": "Karte „{title}“ nach Kreisen, Datenstand {date}.",
        "describe.access.empty": "Kein Kreis hat einen Wert.",
        "describe.access.range": (
            "Werte von {low} bis {high}. Am höchsten: {top}. Am niedrigsten über 0: {bottom}."
        ),
        "describe.access.zero.distance": (
            "Niemand weiter als {km} km: {n} von {total} Kreisen, darunter {names}."
        ),
        "describe.access.zero.sfca": (
            "Kein Anbieter in 50 km: {n} von {total} Kreisen, darunter {names}."
        ),
        "describe.access.undefined": "Kreise ohne Wert: {n}.",
        "describe.laender": (
            "Kleine Diagramme, eines je Land: Anzahl der {category_gen} in {n} Datenständen bis "
            "{date}. Zuletzt am meisten: {top}. Am wenigsten (mit Anbietern): {bottom}."
        ),
        "describe.laender.empty": "Kleine Diagramme je Land: für {category} gibt es keine Werte.",
        "describe.growth": (
            "Balkendiagramm: Zuwachs {measure} je Land, {category}, {old} → {new}. Von {low} "
            "bis {high}. Am stärksten: {top}. Am schwächsten: {bottom}."
        ),
        "describe.growth.empty": (
            "Balkendiagramm: Zuwachs {measure} je Land, {category}, {old} → {new}. Kein Land hat "
            "einen Wert."
        ),
        "describe.growth.same": "Unverändert: {n} von {total} Ländern ({names}).",
        "describe.growth.count": "absolut",
        "describe.growth.rate": "je 100.000 Einwohner",
        # issue 13: text alternatives of Entwicklung's change map and new/vanished map
        "describe.change.lead": (
            "Karte „Veränderung, {measure}“ – {category} nach {level}, {old} → {new}."
        ),
        "describe.change.empty": "Keine Region hat einen Wert.",
        "describe.change.range": "Von {low} bis {high}.",
        "describe.change.up": "Mit Zuwachs: {n} von {total} {level_plural}, am stärksten {top}.",
        "describe.change.up.none": "Keine Region hat zugenommen.",
        "describe.change.down": "Mit Rückgang: {n} von {total} {level_plural}, am stärksten {top}.",
        "describe.change.down.none": "Keine Region hat abgenommen.",
        "describe.change.same": (
            "Unverändert: {n} von {total} {level_plural} (davon {none} ohne Anbieter zu beiden "
            "Daten), darunter {names}."
        ),
        "describe.changes.lead": (
            "Karte: neue, weggefallene und geänderte {category}, {old} → {new}."
        ),
        "describe.changes.empty": "Keine Änderungen zwischen diesen Datenständen.",
        "describe.changes.counts": "Neu: {new}. Weggefallen: {vanished}. Geändert: {changed}.",
        "describe.changes.most.new": "Die meisten neuen in: {top}.",
        "describe.changes.most.vanished": "Die meisten weggefallenen in: {top}.",
        "describe.changes.unplaced": "Ohne Ort und daher nicht auf der Karte: {n}.",
    },
    "en": {
        "app.title": "aLA Atlas",
        "app.tagline": "Where are the alternatives to the sheltered workshop – and where are none?",
        "nav.label": "Main navigation",
        "nav.karte": "Map",
        "nav.tabelle": "Table",
        "nav.entwicklung": "Trends",
        "nav.anbieter": "Providers",
        "nav.quellen": "Sources",
        "nav.current": "current page",
        "skip.main": "Skip to content",
        "karte.heading": "Map of providers by state and district",
        "lang.switch": "Deutsch",
        "lang.switch.label": "Auf Deutsch umschalten",
        "snapshot.label": "Data as of",
        "snapshot.demo": "sample data",
        "source.line": "Source: REHADAT addresses (IW Köln), as of {date}",
        "source.none": "Source: REHADAT addresses (IW Köln) – no data loaded yet",
        "demo.banner": (
            "Sample data: this view shows invented providers for trying things out, "
            "not real REHADAT entries."
        ),
        "notice.bad_param": "Invalid parameter “{name}={value}” – default used.",
        "notice.no_snapshot": "There is no data yet. Please load data first.",
        "level.label": "Level",
        "level.land": "Federal states",
        "level.kreis": "Districts",
        "level.land.one": "state",
        "level.kreis.one": "district",
        "category.label": "Kind",
        "category.ala": "Other service providers (aLA)",
        "category.wfbm": "Sheltered workshops (WfbM)",
        "category.ib": "Inclusive companies",
        "category.ala.short": "aLA",
        "category.wfbm.short": "WfbM",
        "category.ib.short": "Inclusive companies",
        "category.ala.gen": "other service providers (aLA)",
        "category.wfbm.gen": "sheltered workshops (WfbM)",
        "category.ib.gen": "inclusive companies",
        "bez.Landkreis": "rural district",
        "bez.Kreis": "district",
        "bez.Kreisfreie Stadt": "independent city",
        "bez.Stadtkreis": "urban district",
        "metric.label": "Measure",
        "metric.count": "Count",
        "metric.per_100k": "per 100,000 inhabitants",
        "metric.ala_share": "aLA share of aLA + WfbM",
        "metric.ala_per_wfbm": "aLA per WfbM",
        "metric.none_here": "Regions without a provider",
        "unit.count": "number of providers",
        "unit.per_100k": "providers per 100,000 inh.",
        "unit.ala_share": "share in %",
        "unit.ala_per_wfbm": "aLA per WfbM",
        "unit.none_here": "no provider",
        "classes.label": "Colour steps",
        "classes.continuous": "continuous",
        "classes.quantiles": "quantiles",
        "classes.equal": "equal steps",
        "view.label": "View",
        "view.single": "One map",
        "view.compare": "Compare the three kinds",
        "points.label": "Show providers as points",
        "region.label": "Choose a region",
        "region.placeholder": "Search a region …",
        "map.title": "{category}: {metric} by {level}",
        "level.by.land": "state",
        "level.by.kreis": "district",
        "map.aria": "Map: {title}. The Table page shows the same values as a table.",
        "map.none": "no provider",
        "map.not_recorded": "not recorded",
        "notice.not_recorded": "{category} were not recorded in this snapshot.",
        "map.none_metric": "without provider",
        "map.some_metric": "with provider",
        "map.undefined": "not computable",
        "map.fragile": "small numbers",
        "map.fragile.note": "Caution: value rests on fewer than {n} providers",
        "map.selected": "selected",
        "map.points": "Providers",
        "map.provider.selected": "chosen provider",
        "map.table_link": "The same values as a table",
        "map.keyboard_hint": "Tip: a region can also be opened with the “Choose a region” field.",
        "hover.population": "Inhabitants",
        "hover.count": "Count",
        "hover.rate": "per 100,000 inh.",
        "hover.share": "aLA share",
        "hover.ratio": "aLA per WfbM",
        "hover.operator": "Operator",
        "hover.address": "Address",
        "hover.services": "Services",
        "details.heading": "Details: {name}",
        "details.empty": "Click a region or choose it above.",
        "details.rank": "Rank {rank} of {n} ({peers})",
        "details.rank.land": "Rank {rank} of {n} in {land}",
        "details.peers.land": "federal states",
        "details.peers.kreis": "districts in Germany",
        "details.rank.none": "no rank (value not computable)",
        "details.none_here.yes": "yes – like {k} of {n} {peers}",
        "details.none_here.no": "no – {k} of {n} {peers} have none",
        "details.share.undefined": "not computable: neither aLA nor WfbM in the region",
        "details.ratio.undefined": "not computable: no WfbM in the region",
        "details.providers": "Providers in this region ({n})",
        "details.providers.none": "No provider of this kind is listed in this region.",
        "details.source": "Entry at REHADAT",
        "details.figures": "Figures",
        "details.close_hint": "Change the region with the field above or a click on the map.",
        "table.heading": "All regions and measures",
        "table.land.label": "State",
        "table.land.all": "all of Germany",
        "table.total.de": "Germany total",
        "table.total.land": "{land} total",
        "table.ranking": "Ranking: {metric}",
        "table.ranking.top": "The {n} highest values above zero",
        "table.ranking.total": "{total} regions in all",
        "table.metric.label": "Rank by",
        "table.aria": "Table of all regions; column headers sort. With the keyboard: arrow "
        "keys move between cells, Enter on a name opens its profile.",
        "col.code": "Key (ARS)",
        "col.name": "Region",
        "col.bez": "Kind of region",
        "col.land": "State",
        "col.population": "Inhabitants 2019",
        "col.count": "Count",
        "col.per_100k": "per 100,000 inh.",
        "col.ala_count": "aLA",
        "col.wfbm_count": "WfbM",
        "col.ala_share": "aLA share %",
        "col.ala_per_wfbm": "aLA per WfbM",
        "col.none_here": "no provider",
        "col.fragile": "Note",
        "col.provider.name": "Name",
        "col.provider.operator": "Operator",
        "col.provider.street": "Street",
        "col.provider.plz": "Postcode",
        "col.provider.city": "Place",
        "col.provider.land": "State",
        "col.provider.category": "Kind",
        "col.provider.services": "Services",
        "col.provider.source": "Source",
        "yes": "yes",
        "no": "no",
        "providers.heading": "Find providers",
        "providers.search.label": "Search by name, operator or place",
        "providers.search.placeholder": "e.g. Lebenshilfe or Dresden",
        "providers.land.label": "State",
        "providers.category.label": "Kind",
        "providers.service.label": "Service",
        "providers.all": "all",
        "providers.count": "{n} providers found",
        "providers.show": "Show “{name}” on the map",
        "providers.select_hint": "Select a row to show the provider on the map.",
        "sources.heading": "Sources, method and licences",
        "sources.rehadat.heading": "Providers: REHADAT",
        "sources.rehadat.text": (
            "The providers come from the address lists of REHADAT (German Economic Institute, "
            "Cologne): other service providers, sheltered workshops and inclusive companies. "
            "Shown is the data as of {date} ({origin})."
        ),
        "sources.rehadat.counts": "Entries in this snapshot",
        "sources.origin.live": "fetched live",
        "sources.origin.replay": "read from saved pages",
        "sources.origin.demo": "sample data, not real entries",
        "sources.geo.heading": "Boundaries, population, postcodes",
        "sources.geo.bkg": (
            "Administrative boundaries: VG5000, as of 1 Jan 2021, "
            "Data licence Germany – attribution – version 2.0."
        ),
        "sources.method.heading": "Method",
        "sources.method.geocoding": (
            "Each provider is placed in a municipality by postcode and place name, and through "
            "its location in a district and state. Where only the postcode matches, the district "
            "or state is used; providers without a usable address count in no region."
        ),
        "sources.method.rate": (
            "“Per 100,000 inhabitants” means: the number of providers in the region divided by "
            "its population on 31 Dec 2019, times 100,000. It counts providers, not places."
        ),
        "sources.method.share": (
            "“aLA share” is the number of aLA divided by aLA and workshops together; "
            "“aLA per WfbM” divides the aLA by the workshops."
        ),
        "sources.method.fragile": (
            "Values resting on fewer than {n} providers carry a warning sign (⚠), so a district "
            "with a single provider is not read as a leader."
        ),
        "sources.reference.heading": "Published reference counts",
        "sources.reference.text": "National counts from publications, for comparison:",
        "sources.reference.date": "As of",
        "sources.reference.category": "Kind",
        "sources.reference.count": "Count",
        "sources.reference.source": "Source",
        "sources.licence.heading": "Licences and attribution",
        "sources.licence.code": "The software is open source; data as stated above.",
        "footer.accessibility": "Every map is also available as a table.",
        "embed.open": "Open the full view",
        # --- server: store faults (issue 11) ---
        "notice.store_unavailable": "Data temporarily unavailable.",
        "notice.store_unavailable.retry": (
            "The database cannot be read just now. Please reload the page in a minute."
        ),
        # --- other lists: imported snapshots (scrapers import) ---
        "snapshot.import": "list: {name}",
        "source.import_line": "Source: {name} (imported list, not REHADAT), as of {date}",
        "sources.origin.import": "from an imported list, not from REHADAT",
        # --- monitoring: change feed, other bodies' counts, contact publishing ---
        "feed.title": "aLA-Atlas: changes in the provider listings",
        "feed.subtitle": (
            "New, no longer listed and changed entries between consecutive snapshots of the "
            "same source."
        ),
        "feed.rights": "Source: REHADAT-Adressen (IW Köln); analysis: aLA-Atlas",
        "feed.kind.new": "New",
        "feed.kind.vanished": "No longer listed",
        "feed.kind.changed": "Changed",
        "feed.what.new": "Newly listed: {address}",
        "feed.what.vanished": "No longer listed, last: {address}",
        "feed.what.changed": "Changed: {fields}",
        "feed.changed.hidden": "{field} changed (contact details not published here)",
        "feed.between": (
            "Comparison of snapshot no. {old_id} of {old_date} and no. {new_id} of {new_date}"
        ),
        "feed.unplaced": "no region assigned",
        "feed.link.map": "Show on the map",
        "feed.link.compare": "Comparison of the two snapshots",
        "other.basis.bagues": "BAGüS: aLA with people funded by Eingliederungshilfe at year end",
        "other.basis.bih": (
            "BIH: inclusive companies recognised and funded by the Integrationsämter"
        ),
        "other.basis.bagwfbm": "BAG WfbM: recognised main workshops (without their sites)",
        "other.series": "{basis} (other counting basis)",
        "other.people": "{n} people served",
        "other.measure.providers": "providers",
        "other.measure.people_served": "people served",
        "sources.other.heading": "Counts by other bodies (other counting basis)",
        "sources.other.text": (
            "These bodies count by their own rules: BAGüS counts aLA that employ people funded "
            "by the Eingliederungshilfe at year end, BIH inclusive companies recognised and "
            "funded by the Integrationsämter, BAG WfbM recognised main workshops without their "
            "sites. Their figures therefore differ from the REHADAT entries, not by error. The "
            "atlas shows them as series of their own and never joins them to the REHADAT series."
        ),
        "sources.other.basis": "Counting basis",
        "sources.other.measure": "Counted",
        # --- Erreichbarkeit (access) ---
        "nav.erreichbarkeit": "Access",
        "access.heading": "Access: how far is the nearest provider?",
        "access.intro": (
            "For each of the 10,997 municipalities the straight-line distance from its centre "
            "point to the nearest provider, weighted by its inhabitants."
        ),
        "access.luftlinie": (
            "All distances are straight lines (Luftlinie) from each municipality's centre "
            "point; roads, public transport and travel time are not taken into account. "
            "Population per municipality: Destatis, 31 Dec 2019."
        ),
        "access.service.label": "Service (aLA only)",
        "access.service.all": "all",
        "access.service.arbeitsbereich": "Work area",
        "access.service.berufsbildungsbereich": "Vocational training",
        "access.threshold.label": "Threshold (straight line)",
        "access.threshold.10": "10 km",
        "access.threshold.25": "25 km",
        "access.threshold.50": "50 km",
        "access.summary": (
            "{share} % of the people in Germany ({people}) live more than {km} km in a "
            "straight line from the nearest provider of this kind. Mean distance {mean} km, "
            "median {median} km (straight line, weighted by inhabitants)."
        ),
        "access.summary.own": "{people} people have no such provider in their own district.",
        "access.summary.sfca": (
            "2SFCA (catchment 50 km straight line): on national average {value} providers per "
            "100,000 people within reach."
        ),
        "access.summary.providers": "Counted: {n} providers with a location.",
        "access.kreis_placed": (
            "{n} providers could only be placed in a district and stand at its centre point; "
            "for {people} people one of them is the nearest – their distance may be off by up "
            "to the size of the district."
        ),
        "access.excluded": (
            "{n} providers located no closer than their state are left out of distances."
        ),
        "access.status.no_provider": (
            "No provider of this kind in the snapshot: distances are undefined (neither 0 nor "
            "infinite)."
        ),
        "access.status.not_recorded": "This snapshot lists no services of the aLA.",
        "access.map.title": (
            "Share of people more than {km} km in a straight line from the nearest provider "
            "({category})"
        ),
        "access.map.scale": "> {km} km",
        "access.map.sfca.title": (
            "Providers per 100,000 people within 50 km straight line (2SFCA, {category})"
        ),
        "access.map.sfca.scale": "per 100,000",
        "access.map.undefined": "undefined",
        "access.map.providers": "Providers",
        "access.map.places": "Planned location",
        "access.map.aria": "Map: {title}. The tables below hold the same values.",
        "access.hover.beyond": "beyond {km} km: {people} people ({share} %)",
        "access.hover.median": "median {km} km straight line",
        "access.hover.mean": "mean {km} km straight line",
        "access.hover.sfca": "2SFCA: {value} per 100,000 within 50 km",
        "access.rank.kreise": (
            "The 20 districts with the most people beyond {km} km (straight line)"
        ),
        "access.rank.laender": "States by people beyond {km} km (straight line)",
        "access.col.region": "Region",
        "access.col.ars": "Key (ARS)",
        "access.col.mean": "Mean km (straight line)",
        "access.col.no_own": "no provider in own district",
        "access.export.subtitle": (
            "{level}, as of {date} · straight line from each municipality's centre (no roads, "
            "no travel times)<br>population per municipality: Destatis, 31 Dec 2019"
        ),
        "access.export.plan.one": "With one hypothetical location (planning, not stored): {names}",
        "access.export.plan.many": (
            "With {n} hypothetical locations (planning, not stored): {names}"
        ),
        "access.col.population": "Inhabitants",
        "access.col.beyond": "beyond {km} km",
        "access.col.share": "Share",
        "access.col.median": "Median km (straight line)",
        "access.col.sfca": "2SFCA per 100,000",
        "access.plan.heading": "Planning: what if there were a provider here?",
        "access.plan.intro": (
            "Choose municipalities for hypothetical providers (star on the map). They are never "
            "stored; this page's link carries them."
        ),
        "access.plan.label": "Search and add a municipality",
        "access.plan.placeholder": "Type a municipality name …",
        "access.plan.none": "No hypothetical location chosen yet.",
        "access.plan.result": (
            "With {n} hypothetical locations {p25} people newly have a provider within 25 km "
            "and {p50} within 50 km (straight line)."
        ),
        "access.plan.by_kreis": "Newly reached, by district",
        "access.plan.by_land": "Newly reached, by state",
        "access.region.heading": (
            "Municipalities in {name}: distance to the nearest provider (straight line)"
        ),
        "access.region.hint": (
            "Click a district on the map to see its municipalities' distances (the click also "
            "places a hypothetical provider there)."
        ),
        "access.col.gemeinde": "Municipality",
        "access.col.distance": "Distance km (straight line)",
        "access.col.nearest": "Nearest provider",
        "access.region.hypothetical": "hypothetical: {name}",
        "access.sources.heading": "Access (straight line)",
        "access.sources.method": (
            "Distance: a straight line (Luftlinie) in the equal-area projection EPSG:3035 from "
            "each municipality's centre point (the point the providers' geocoding uses too) to "
            "the nearest provider, weighted by the municipality's inhabitants. 2SFCA (two-step "
            "floating catchment area): each provider is shared among the people within 50 km, "
            "each municipality sums the shares of the providers within 50 km."
        ),
        "access.sources.limits": (
            "Not captured: roads and paths, public transport, travel time, barriers on the way, "
            "free places and a provider's size. Providers that could only be placed in a "
            "district stand at the district's centre point."
        ),
        # region profiles, search, near me, descriptions, Leichte Sprache (issue 13)
        **_region.EN,
        **_access.EN,
        **_travel.EN,
        **_land.EN,
        # --- Karte (map area): legend, caution, comparison, drawer, pinned links ---
        "map.caution": "small numbers<br>(fewer than {n} providers)",
        "map.scale.shared": "One colour scale for all three maps: {unit}",
        "map.scale.own": (
            "“{metric}” does not depend on the kind: three maps would be equal, so one only."
        ),
        "map.settings": "Settings",
        "snapshot.pinned": (
            "This link is pinned to the snapshot of {date}. The newest is of {newest}."
        ),
        "snapshot.pinned.latest": "This link is pinned to the snapshot of {date}.",
        "sources.feed.heading": "Subscribe to changes (Atom feed)",
        "sources.feed.text": (
            "Every new snapshot is compared with the previous one of the same source: new, no "
            "longer listed and changed providers appear as feed entries, with both dates and a "
            "link to the map. Add “land=09” or “kreis=09162” to the address for one state or "
            "district only."
        ),
        "sources.feed.all": "all kinds",
        # --- accessibility, language, embed (a11y) ---
        "embed.open.atlas": "Open in the aLA Atlas",
        "attr.population": "Population: Federal Statistical Office (Destatis), as of {date}",
        "attr.gemeinde_population": (
            "Population per municipality: Federal Statistical Office (Destatis), "
            "Gemeindeverzeichnis, as of {date}"
        ),
        "attr.plz": "Postcode mapping: © OpenStreetMap contributors (ODbL)",
        "service.Eingangsverfahren": "Entry procedure",
        "service.Berufsbildungsbereich": "Vocational training",
        "service.Arbeitsbereich": "Work area",
        "ref.reported": "as reported in",
        "ref.2021-11-30.ala": (
            "REHADAT listing of other service providers, November 2021 "
            "(survey population Zentel & Maaß 2022)"
        ),
        "ref.2022-01-31.ala": (
            "REHADAT listing, January 2022 (survey population Poppe & Blach 2022a)"
        ),
        "ref.2022-12-01.ala": "REHADAT 2022a, as of 1 Dec 2022 (fig. 1)",
        "ref.2022-12-01.wfbm": "REHADAT 2022b",
        "ref.2022-12-01.ib": "REHADAT 2022c",
        "dropdown.select_all": "Select all",
        "dropdown.deselect_all": "Deselect all",
        "dropdown.selected_count": "{num_selected} selected",
        "dropdown.search": "Search",
        "dropdown.clear_search": "Clear search",
        "dropdown.clear_selection": "Clear selection",
        "dropdown.no_options_found": "No options found",
        # issue 13: text alternatives of the Tabelle, Entwicklung and Erreichbarkeit charts
        "describe.ranking": (
            "Bar chart “{metric}” – {category} by {level}, snapshot of {date}: the {n} of "
            "{total} {level_plural} with the highest values. Highest: {first}. Last bar: {last}."
        ),
        "describe.ranking.empty": (
            "Bar chart “{metric}” – {category} by {level}, snapshot of {date}. No region has a "
            "value above zero."
        ),
        "describe.chart.heading": "What the chart shows",
        "describe.access.lead": "Map “{title}” by district, snapshot of {date}.",
        "describe.access.empty": "No district has a value.",
        "describe.access.range": (
            "Values from {low} to {high}. Highest: {top}. Lowest above zero: {bottom}."
        ),
        "describe.access.zero.distance": (
            "Nobody farther than {km} km: {n} of {total} districts, among them {names}."
        ),
        "describe.access.zero.sfca": (
            "No provider within 50 km: {n} of {total} districts, among them {names}."
        ),
        "describe.access.undefined": "Districts without a value: {n}.",
        "describe.laender": (
            "Small multiples, one per federal state: count of {category_gen} in {n} snapshots up "
            "to {date}. Most at the latest: {top}. Fewest (with providers): {bottom}."
        ),
        "describe.laender.empty": "Small multiples per federal state: no values for {category}.",
        "describe.growth": (
            "Bar chart: growth {measure} per federal state, {category}, {old} → {new}. From "
            "{low} to {high}. Strongest: {top}. Weakest: {bottom}."
        ),
        "describe.growth.empty": (
            "Bar chart: growth {measure} per federal state, {category}, {old} → {new}. No state "
            "has a value."
        ),
        "describe.growth.same": "Unchanged: {n} of {total} federal states ({names}).",
        "describe.growth.count": "in absolute numbers",
        "describe.growth.rate": "per 100,000 inhabitants",
        # issue 13: text alternatives of Entwicklung's change map and new/vanished map
        "describe.change.lead": (
            "Map “Change, {measure}” – {category} by {level}, {old} → {new}."
        ),
        "describe.change.empty": "No region has a value.",
        "describe.change.range": "From {low} to {high}.",
        "describe.change.up": "Increased: {n} of {total} {level_plural}, most {top}.",
        "describe.change.up.none": "No region increased.",
        "describe.change.down": "Decreased: {n} of {total} {level_plural}, most {top}.",
        "describe.change.down.none": "No region decreased.",
        "describe.change.same": (
            "Unchanged: {n} of {total} {level_plural} ({none} of them without providers at "
            "both dates), among them {names}."
        ),
        "describe.changes.lead": (
            "Map: new, gone and changed {category}, {old} → {new}."
        ),
        "describe.changes.empty": "No changes between these snapshots.",
        "describe.changes.counts": "New: {new}. Gone: {vanished}. Changed: {changed}.",
        "describe.changes.most.new": "Most new ones in: {top}.",
        "describe.changes.most.vanished": "Most gone ones in: {top}.",
        "describe.changes.unplaced": "Without a place and so not on the map: {n}.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (German for an unknown language), with `values` filled in."""
    texts = TEXTS.get(lang, TEXTS[DEFAULT_LANG])
    text = texts[key]
    return text.format(**values) if values else text


def region_kind(bez: object, lang: str) -> str:
    """The kind of a Kreis ("Landkreis", "Kreisfreie Stadt", …) in `lang`; a kind without a
    translation, and an empty one (a total row), as it is."""
    if not isinstance(bez, str) or not bez:
        return "" if bez is None or (isinstance(bez, float) and math.isnan(bez)) else str(bez)
    texts = TEXTS.get(lang, TEXTS[DEFAULT_LANG])
    return texts.get(f"bez.{bez}", bez)


def fmt_number(
    value: float | int | None, lang: str, decimals: int = 0, signed: bool = False
) -> str:
    """A number as its readers write it: 1.234,5 in German, 1,234.5 in English; "–" for none.
    `signed` writes a change: +0,25 / -3 (German), +0.25 / -3 (English), and 0 for no change.

    The one formatter for every figure, label, hover, table and text alternative (measured
    against Babel's format_decimal in bench/number_format.py: same strings, no dependency)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if signed and round(value, decimals) == 0:  # no "+0,00" or "-0,00" for no change
        return "0"
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(iso: str | None, lang: str) -> str:
    """An ISO date (or date-time) as 01.12.2022 (German) or 1 Dec 2022 (English)."""
    if not iso:
        return "–"
    day = str(iso)[:10]
    if len(day) != 10:
        return day
    year, month, dom = day.split("-")
    if lang == "de":
        return f"{dom}.{month}.{year}"
    return f"{int(dom)} {MONTHS_EN[int(month) - 1]} {year}"


def service_name(service: str, lang: str) -> str:
    """A REHADAT service (Eingangsverfahren, Berufsbildungsbereich, Arbeitsbereich) in `lang`;
    anything else as listed."""
    key = f"service.{service}"
    return t(key, lang) if key in TEXTS["de"] else service


def services_text(value: object, lang: str) -> str:
    """A provider's services (a list, or None/NaN for none) as one line in `lang`."""
    if isinstance(value, list | tuple):
        return ", ".join(service_name(str(v), lang) for v in value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return service_name(str(value), lang)


def dropdown_labels(lang: str) -> dict[str, str]:
    """The `labels` of a dcc.Dropdown (its own texts: search field, clear button, …) in
    `lang`; "{num_selected}" is filled in by the component."""
    keys = ("select_all", "deselect_all", "selected_count", "search", "clear_search",
            "clear_selection", "no_options_found")
    return {key: TEXTS.get(lang, TEXTS[DEFAULT_LANG])[f"dropdown.{key}"] for key in keys}
