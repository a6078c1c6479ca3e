"""Texts of the region profiles, the search and "near me" view, the generated descriptions of
maps and charts, and the Leichte Sprache page (issue 13), German and English.

Kept in their own module and spread at the end of `i18n.TEXTS` (one line per language) so
the shared dictionary stays small; look them up with `dashboard.text.i18n.t` like every text.
"""

from __future__ import annotations

DE: dict[str, str] = {
    # header: search and the Leichte Sprache link
    "search.label": "Suche nach Ort, PLZ, Region oder Anbieter",
    "search.placeholder": "z. B. 83022 oder Rosenheim",
    "search.button": "Suchen",
    "search.again": "Noch einmal suchen",
    "search.heading": "Suchergebnisse für „{q}“",
    "search.none": "Nichts gefunden für „{q}“. Versuchen Sie eine Postleitzahl oder einen Namen.",
    "search.empty": "Bitte geben Sie eine Postleitzahl, einen Ort oder eine Region ein.",
    "search.regions": "Regionen",
    "search.places": "Orte (Anbieter in der Nähe)",
    "search.providers": "Anbieter",
    "search.kind.land": "Land",
    "nav.leichte_sprache": "Leichte Sprache",
    # region profile
    "profile.germany": "Deutschland",
    "profile.where.Landkreis": "Im Landkreis {name}",
    "profile.where.Kreis": "Im Kreis {name}",
    "profile.where.Kreisfreie Stadt": "In der kreisfreien Stadt {name}",
    "profile.where.Stadtkreis": "Im Stadtkreis {name}",
    "profile.where.other": "In {name} ({bez})",
    "profile.where.plain": "In {name}",
    "profile.lead.first": "{where} gibt es am {date}",
    "profile.lead.next1": "Außerdem gibt es dort",
    "profile.lead.next2": "Ferner gibt es dort",
    "profile.cat.ala": "Andere Leistungsanbieter",
    "profile.cat.wfbm": "Werkstätten für behinderte Menschen",
    "profile.cat.ib": "Inklusionsbetriebe",
    "profile.count.ala.one": "1 Anderen Leistungsanbieter",
    "profile.count.ala.many": "{n} Andere Leistungsanbieter",
    "profile.count.ala.none": "keinen Anderen Leistungsanbieter",
    "profile.count.wfbm.one": "1 Werkstatt für behinderte Menschen",
    "profile.count.wfbm.many": "{n} Werkstätten für behinderte Menschen",
    "profile.count.wfbm.none": "keine Werkstatt für behinderte Menschen",
    "profile.count.ib.one": "1 Inklusionsbetrieb",
    "profile.count.ib.many": "{n} Inklusionsbetriebe",
    "profile.count.ib.none": "keinen Inklusionsbetrieb",
    "profile.rate": "{rate} je 100.000 Einwohner",
    "profile.rank": "Rang {rank} von {n} {peers}",
    "profile.none_like": "wie {k} weitere von {n} {peers}",
    "profile.peers.kreis": "Kreisen",
    "profile.peers.land": "Ländern",
    "profile.national": "(Deutschland: {rate} je 100.000)",
    "profile.caution": (
        "Vorsicht: Die Zahl ist klein. Schon ein Anbieter mehr oder weniger verschiebt Wert und "
        "Rang stark."
    ),
    "profile.not_recorded": (
        "{category} wurden im Datenstand vom {date} nicht erfasst; über sie sagt dieser Stand "
        "nichts."
    ),
    "profile.kicker": "Regionalprofil",
    "profile.population": "Einwohner (Stand 31.12.2019): {n}",
    "profile.in_land": "Land: {land}",
    "profile.figures.heading": "Die drei Arten im Vergleich",
    "profile.figures.caption": "Anbieter nach Art, Datenstand {date}",
    "profile.row.measure": "Kennzahl",
    "profile.row.count": "Anzahl",
    "profile.row.per_100k": "je 100.000 Einwohner",
    "profile.row.rank": "Rang (je 100.000) unter den {peers}",
    "profile.row.national": "Deutschland: Anzahl (je 100.000)",
    "profile.rank.value": "{rank} von {n}",
    "profile.rank.none": "ohne Anbieter (wie {k} von {n})",
    "profile.history.heading": "Verlauf über die Datenstände",
    "profile.history.caption": "Anzahl der Anbieter je Datenstand",
    "profile.history.date": "Datenstand",
    "profile.providers.heading": "Anbieter mit Leistungen und Quelle",
    "profile.providers.none": "In diesem Datenstand keine Anbieter dieser Art hier.",
    "profile.providers.germany": (
        "Die Liste aller Anbieter in Deutschland steht auf der Seite „Anbieter“."
    ),
    "profile.providers.land": "{category} in {land} in der Liste der Anbieter",
    "profile.map.heading": "Lage",
    "profile.map.caption": "Lage: {name} (dunkel) in Deutschland",
    "profile.access.heading": "Erreichbarkeit (Luftlinie)",
    "profile.access.pop_beyond_25km": "Menschen weiter als 25 km vom nächsten aLA",
    "profile.access.pop_beyond_50km": "Menschen weiter als 50 km vom nächsten aLA",
    "profile.access.mean_km": (
        "Mittlere Entfernung zum nächsten aLA (km, nach Einwohnern gewichtet)"
    ),
    "profile.access.median_km": "Median der Entfernung zum nächsten aLA (km)",
    "profile.cite.heading": "Zitiervorschlag",
    "profile.cite.text": (
        "{title}. In: aLA-Atlas, Datenstand {date}. {source}. {url} (abgerufen am {today})."
    ),
    "profile.cite.copy": "Zum Kopieren markieren",
    "profile.pdf": "Profil als PDF (eine Seite)",
    "profile.pdf.name": "Profil als PDF",
    "profile.laender": "Die 16 Länder",
    "profile.kreise": "Kreise in {land}",
    "notfound.heading": "Region nicht gefunden",
    "notfound.text": (
        "Für „{ars}“ gibt es kein Profil. Profile gibt es für Deutschland (DE), die 16 Länder "
        "(zum Beispiel 09 für Bayern) und die 401 Kreise (zum Beispiel 09187). Suchen Sie nach "
        "einem Namen oder einer Postleitzahl:"
    ),
    "notfound.page.heading": "Seite nicht gefunden",
    "notfound.page.text": (
        "Die Adresse „{path}“ gibt es im aLA-Atlas nicht. Suchen Sie nach einem Ort, einer "
        "Postleitzahl oder einem Anbieter, oder wählen Sie eine Seite:"
    ),
    "notfound.page.links": "Seiten des Atlas",
    # near me
    "near.heading": "Anbieter in der Nähe von {place}",
    "near.intro": (
        "Entfernung in Luftlinie (gerade Linie) vom Punkt der Gemeinde {gemeinde} (PLZ-Zuordnung "
        "des Atlas). Straßen, Bus und Bahn und die Fahrzeit sind nicht berücksichtigt."
    ),
    "near.category": "{category}: die nächsten {n}",
    "near.col.km": "Luftlinie",
    "near.col.name": "Name",
    "near.col.place": "Ort",
    "near.col.services": "Leistungen",
    "near.col.contact": "Kontakt",
    "near.col.source": "Quelle",
    "near.km": "{km} km",
    "near.approx": "Lage nur auf Kreisebene bekannt",
    "near.none": "In diesem Datenstand gibt es keinen Anbieter dieser Art mit bekannter Lage.",
    "near.bad": "Zu „{value}“ kennt der Atlas keinen Ort. Bitte eine PLZ oder einen Ort suchen:",
    "near.map.caption": (
        "Karte: Ihr Ort (Kreuz), die nächsten Anbieter (Zeichen je Art; mehrere an einem "
        "Punkt im Kreis darum gelegt), Kreisgrenzen und Ortsnamen"
    ),
    "feedlink.region": "Änderungen in {name} abonnieren (Atom-Feed)",
    "feedlink.laender": "Feed für ein Land",
    "near.same_place": "im selben Ort",
    "near.same_plz": "im selben Ort, gleiche PLZ",
    "near.same_place.note": (
        "„Im selben Ort“: Der Atlas kennt Orte und Anbieter nur als Punkt ihrer Gemeinde. Für "
        "Anbieter in {gemeinde} selbst gibt er daher keine Entfernung an; sie stehen vorn, "
        "zuerst die mit derselben PLZ, dann nach Namen. Genauere Punkte (etwa PLZ-Mittelpunkte) "
        "hat er nicht: seine PLZ-Tabelle (OpenStreetMap) enthält keine Koordinaten."
    ),
    "near.you": "Ihr Ort",
    "near.region_link": "Regionalprofil {name}",
    # generated descriptions of maps and charts
    "describe.map": (
        "Karte „{metric}“ – {category} nach {level}, Datenstand {date}. Werte von {low} bis "
        "{high}. Am höchsten: {top}. Am niedrigsten (mit Anbietern): {bottom}."
    ),
    "describe.map.lead": "Karte „{metric}“ – {category} nach {level}, Datenstand {date}.",
    "describe.map.empty": (
        "Karte „{metric}“ – {category} nach {level}, Datenstand {date}. Keine Region hat einen "
        "Wert."
    ),
    "describe.none": "Ohne Anbieter: {n} von {total} {level_plural}{examples}.",
    "describe.none.zero": "Jede Region hat mindestens einen Anbieter.",
    "describe.not_recorded": (
        "Karte – {category} nach {level}, Datenstand {date}. Diese Art wurde in diesem Stand nicht "
        "erfasst; die Karte zeigt keine Werte."
    ),
    "describe.level.land": "Ländern",
    "describe.level.kreis": "Kreisen",
    "describe.plural.land": "Ländern",
    "describe.plural.kreis": "Kreisen",
    "describe.examples": ", darunter {names}",
    "describe.series": (
        "Diagramm: Zahl der {category_gen} über {n} Datenstände, von {first} ({first_date}) "
        "bis {last} ({last_date})."
    ),
    "describe.alt.label": "Alternativtext zum Kopieren",
    "describe.heading": "Was die Karte zeigt",
    # Leichte Sprache
    "ls.title": "Leichte Sprache",
    "ls.intro": "Hier steht in Leichter Sprache: Was zeigt der Atlas?",
    "ls.what.h": "Was zeigt der Atlas?",
    "ls.what": (
        "Der Atlas ist eine Internet-Seite.\n"
        "Der Atlas zeigt eine Karte von Deutschland.\n"
        "Auf der Karte sehen Sie Angebote für Arbeit.\n"
        "Die Angebote sind für Menschen mit Behinderung.\n"
        "Sie sehen: Wo gibt es viele Angebote?\n"
        "Und Sie sehen: Wo gibt es wenige Angebote?"
    ),
    "ls.wfbm.h": "Was ist eine Werkstatt?",
    "ls.wfbm": (
        "Viele Menschen mit Behinderung arbeiten in einer Werkstatt.\n"
        "Das lange Wort dafür ist: Werkstatt für behinderte Menschen.\n"
        "Die Abkürzung ist: WfbM.\n"
        "In der Werkstatt bekommen die Menschen Hilfe bei der Arbeit."
    ),
    "ls.ala.h": "Was ist ein anderer Leistungs-Anbieter?",
    "ls.ala": (
        "Manche Menschen wollen nicht in einer Werkstatt arbeiten.\n"
        "Sie können zu einem anderen Leistungs-Anbieter gehen.\n"
        "Die Abkürzung ist: aLA.\n"
        "Ein anderer Leistungs-Anbieter ist so ähnlich wie eine Werkstatt.\n"
        "Er ist aber oft kleiner.\n"
        "Dort bekommen Sie auch Hilfe bei der Arbeit."
    ),
    "ls.ib.h": "Was ist ein Inklusions-Betrieb?",
    "ls.ib": (
        "Ein Inklusions-Betrieb ist eine Firma.\n"
        "Dort arbeiten Menschen mit Behinderung.\n"
        "Und dort arbeiten Menschen ohne Behinderung.\n"
        "Sie arbeiten zusammen."
    ),
    "ls.numbers.h": "Wie viele Angebote gibt es?",
    "ls.numbers.date": "Die Zahlen sind vom {date}.",
    "ls.numbers.ala": "In ganz Deutschland gibt es {n} andere Leistungs-Anbieter.",
    "ls.numbers.wfbm": "In ganz Deutschland gibt es {n} Werkstätten.",
    "ls.numbers.ib": "In ganz Deutschland gibt es {n} Inklusions-Betriebe.",
    "ls.numbers.missing.ala": "Die anderen Leistungs-Anbieter wurden dieses Mal nicht gezählt.",
    "ls.numbers.missing.wfbm": "Die Werkstätten wurden dieses Mal nicht gezählt.",
    "ls.numbers.missing.ib": "Die Inklusions-Betriebe wurden dieses Mal nicht gezählt.",
    "ls.numbers.demo": (
        "Achtung: Das sind Beispiel-Zahlen.\n"
        "Die Zahlen sind nicht echt.\n"
        "Sie sind nur zum Ausprobieren."
    ),
    "ls.source.h": "Woher kommen die Zahlen?",
    "ls.source": (
        "Die Zahlen kommen von einer Internet-Seite.\n"
        "Die Internet-Seite heißt REHADAT.\n"
        "Dort gibt es eine Liste mit Adressen.\n"
        "Der Atlas zählt die Adressen in der Liste.\n"
        "Vielleicht fehlen in der Liste manche Angebote.\n"
        "Dann fehlen sie auch im Atlas."
    ),
    "ls.near.h": "Wo finde ich Angebote in meiner Nähe?",
    "ls.near": (
        "Oben auf der Seite ist ein Such-Feld.\n"
        "Schreiben Sie dort Ihre Post-Leitzahl hinein.\n"
        "Die Post-Leitzahl hat 5 Ziffern.\n"
        "Dann drücken Sie auf: Suchen.\n"
        "Sie sehen dann Angebote in Ihrer Nähe."
    ),
    "ls.months": (
        "Januar,Februar,März,April,Mai,Juni,Juli,August,September,Oktober,November,Dezember"
    ),
    # locator map text alternative: kind, Land and where in Germany (issue 13)
    "describe.locator.kreis": (
        "Lagekarte: {name}, ein Kreis im Land {land}, liegt {where} Deutschlands. Auf der Karte "
        "der 16 Länder ist der Kreis dunkel hervorgehoben, {land} grau abgesetzt."
    ),
    "describe.locator.land": (
        "Lagekarte: {name}, eines der 16 Länder, liegt {where} Deutschlands. Auf der "
        "Deutschlandkarte ist es dunkel hervorgehoben."
    ),
    "describe.locator.de": "Lagekarte: Deutschland mit allen 16 Ländern, dunkel hervorgehoben.",
    "where.north-west": "im Nordwesten",
    "where.north": "im Norden",
    "where.north-east": "im Nordosten",
    "where.west": "im Westen",
    "where.middle": "in der Mitte",
    "where.east": "im Osten",
    "where.south-west": "im Südwesten",
    "where.south": "im Süden",
    "where.south-east": "im Südosten",
}

EN: dict[str, str] = {
    "search.label": "Search for a place, postcode, region or provider",
    "search.placeholder": "e.g. 83022 or Rosenheim",
    "search.button": "Search",
    "search.again": "Search again",
    "search.heading": "Search results for “{q}”",
    "search.none": "Nothing found for “{q}”. Try a postcode (PLZ) or a name.",
    "search.empty": "Please enter a postcode, a place or a region.",
    "search.regions": "Regions",
    "search.places": "Places (providers nearby)",
    "search.providers": "Providers",
    "search.kind.land": "federal state",
    "nav.leichte_sprache": "Easy Read",
    "profile.germany": "Germany",
    "profile.where.Landkreis": "In the district (Landkreis) of {name}",
    "profile.where.Kreis": "In the district (Kreis) of {name}",
    "profile.where.Kreisfreie Stadt": "In the district-free city of {name}",
    "profile.where.Stadtkreis": "In the urban district (Stadtkreis) of {name}",
    "profile.where.other": "In {name} ({bez})",
    "profile.where.plain": "In {name}",
    "profile.lead.first": "{where}, on {date},",
    "profile.lead.next1": "In addition,",
    "profile.lead.next2": "Also,",
    "profile.cat.ala": "Other service providers (aLA)",
    "profile.cat.wfbm": "Sheltered workshops (WfbM)",
    "profile.cat.ib": "Inclusive companies",
    "profile.count.ala.one": "there is 1 other service provider (aLA)",
    "profile.count.ala.many": "there are {n} other service providers (aLA)",
    "profile.count.ala.none": "there is no other service provider (aLA)",
    "profile.count.wfbm.one": "there is 1 sheltered workshop (WfbM)",
    "profile.count.wfbm.many": "there are {n} sheltered workshops (WfbM)",
    "profile.count.wfbm.none": "there is no sheltered workshop (WfbM)",
    "profile.count.ib.one": "there is 1 inclusive company",
    "profile.count.ib.many": "there are {n} inclusive companies",
    "profile.count.ib.none": "there is no inclusive company",
    "profile.rate": "{rate} per 100,000 inhabitants",
    "profile.rank": "rank {rank} of {n} {peers}",
    "profile.none_like": "as in {k} other of {n} {peers}",
    "profile.peers.kreis": "districts",
    "profile.peers.land": "federal states",
    "profile.national": "(Germany: {rate} per 100,000)",
    "profile.caution": (
        "Caution: the number is small. One provider more or fewer moves the value and the rank "
        "a lot."
    ),
    "profile.not_recorded": (
        "{category} were not recorded in the snapshot of {date}; it says nothing about them."
    ),
    "profile.kicker": "Region profile",
    "profile.population": "Inhabitants (31 Dec 2019): {n}",
    "profile.in_land": "State: {land}",
    "profile.figures.heading": "The three kinds compared",
    "profile.figures.caption": "Providers by kind, snapshot of {date}",
    "profile.row.measure": "Measure",
    "profile.row.count": "Count",
    "profile.row.per_100k": "per 100,000 inhabitants",
    "profile.row.rank": "Rank (per 100,000) among the {peers}",
    "profile.row.national": "Germany: count (per 100,000)",
    "profile.rank.value": "{rank} of {n}",
    "profile.rank.none": "none (as {k} of {n})",
    "profile.history.heading": "Across snapshots",
    "profile.history.caption": "Number of providers per snapshot",
    "profile.history.date": "Snapshot",
    "profile.providers.heading": "Providers with services and source",
    "profile.providers.none": "No providers of this kind here in this snapshot.",
    "profile.providers.germany": (
        "The list of all providers in Germany is on the “Providers” page."
    ),
    "profile.providers.land": "{category} in {land} in the list of providers",
    "profile.map.heading": "Location",
    "profile.map.caption": "Location: {name} (dark) in Germany",
    "profile.access.heading": "Access (straight line)",
    "profile.access.pop_beyond_25km": "People more than 25 km from the nearest aLA",
    "profile.access.pop_beyond_50km": "People more than 50 km from the nearest aLA",
    "profile.access.mean_km": "Mean distance to the nearest aLA (km, population-weighted)",
    "profile.access.median_km": "Median distance to the nearest aLA (km)",
    "profile.cite.heading": "How to cite",
    "profile.cite.text": (
        "{title}. In: aLA Atlas, snapshot of {date}. {source}. {url} (retrieved {today})."
    ),
    "profile.cite.copy": "Select to copy",
    "profile.pdf": "Profile as PDF (one page)",
    "profile.pdf.name": "Profile as PDF",
    "profile.laender": "The 16 federal states",
    "profile.kreise": "Districts in {land}",
    "notfound.heading": "Region not found",
    "notfound.text": (
        "There is no profile for “{ars}”. Profiles exist for Germany (DE), the 16 federal states "
        "(for example 09 for Bavaria) and the 401 districts (for example 09187). Search for a "
        "name or a postcode:"
    ),
    "notfound.page.heading": "Page not found",
    "notfound.page.text": (
        "There is no address “{path}” in the aLA Atlas. Search for a place, a postcode or a "
        "provider, or choose a page:"
    ),
    "notfound.page.links": "Pages of the atlas",
    "near.heading": "Providers near {place}",
    "near.intro": (
        "Straight-line distance (as the crow flies) from the point of the municipality "
        "{gemeinde} (the atlas's postcode table). Roads, public transport and travel time are "
        "not taken into account."
    ),
    "near.category": "{category}: the nearest {n}",
    "near.col.km": "Straight line",
    "near.col.name": "Name",
    "near.col.place": "Place",
    "near.col.services": "Services",
    "near.col.contact": "Contact",
    "near.col.source": "Source",
    "near.km": "{km} km",
    "near.approx": "location known only at district level",
    "near.none": "This snapshot has no provider of this kind with a known location.",
    "near.bad": "The atlas knows no place for “{value}”. Please search for a postcode or place:",
    "near.map.caption": (
        "Map: your place (cross), the nearest providers (a symbol per kind; several at one "
        "point are laid in a circle around it), district borders and place names"
    ),
    "feedlink.region": "Subscribe to changes in {name} (Atom feed)",
    "feedlink.laender": "Feed for one state",
    "near.same_place": "same town",
    "near.same_plz": "same town, same postcode",
    "near.same_place.note": (
        "“Same town”: the atlas knows places and providers only as the point of their "
        "municipality. For providers in {gemeinde} itself it therefore gives no distance; they "
        "come first, those with the same postcode first, then by name. It has no finer points "
        "(such as postcode centroids): its postcode table (OpenStreetMap) has no coordinates."
    ),
    "near.you": "Your place",
    "near.region_link": "Region profile {name}",
    "describe.map": (
        "Map “{metric}” – {category} by {level}, snapshot of {date}. Values from {low} to "
        "{high}. Highest: {top}. Lowest (with providers): {bottom}."
    ),
    "describe.map.lead": "Map “{metric}” – {category} by {level}, snapshot of {date}.",
    "describe.map.empty": (
        "Map “{metric}” – {category} by {level}, snapshot of {date}. No region has a value."
    ),
    "describe.none": "Without providers: {n} of {total} {level_plural}{examples}.",
    "describe.none.zero": "Every region has at least one provider.",
    "describe.not_recorded": (
        "Map – {category} by {level}, snapshot of {date}. This kind was not recorded in this "
        "snapshot; the map shows no values."
    ),
    "describe.level.land": "federal state",
    "describe.level.kreis": "district",
    "describe.plural.land": "federal states",
    "describe.plural.kreis": "districts",
    "describe.examples": ", among them {names}",
    "describe.series": (
        "Chart: number of {category_gen} across {n} snapshots, from {first} ({first_date}) to "
        "{last} ({last_date})."
    ),
    "describe.alt.label": "Alt text to copy",
    "describe.heading": "What the map shows",
    "ls.title": "Easy Read",
    "ls.intro": "This page says in easy words: What does the atlas show?",
    "ls.what.h": "What does the atlas show?",
    "ls.what": (
        "The atlas is a website.\n"
        "The atlas shows a map of Germany.\n"
        "On the map you see places to work.\n"
        "These places are for people with disabilities.\n"
        "You see: Where are many places?\n"
        "And you see: Where are few places?"
    ),
    "ls.wfbm.h": "What is a workshop?",
    "ls.wfbm": (
        "Many people with disabilities work in a workshop.\n"
        "The long German name is: Werkstatt für behinderte Menschen.\n"
        "The short name is: WfbM.\n"
        "In the workshop people get help with their work."
    ),
    "ls.ala.h": "What is an other service provider?",
    "ls.ala": (
        "Some people do not want to work in a workshop.\n"
        "They can go to an other service provider.\n"
        "The short name is: aLA.\n"
        "An other service provider is like a workshop.\n"
        "But it is often smaller.\n"
        "There you also get help with your work."
    ),
    "ls.ib.h": "What is an inclusive company?",
    "ls.ib": (
        "An inclusive company is a firm.\n"
        "People with disabilities work there.\n"
        "And people without disabilities work there.\n"
        "They work together."
    ),
    "ls.numbers.h": "How many places are there?",
    "ls.numbers.date": "The numbers are from {date}.",
    "ls.numbers.ala": "In all of Germany there are {n} other service providers.",
    "ls.numbers.wfbm": "In all of Germany there are {n} workshops.",
    "ls.numbers.ib": "In all of Germany there are {n} inclusive companies.",
    "ls.numbers.missing.ala": "The other service providers were not counted this time.",
    "ls.numbers.missing.wfbm": "The workshops were not counted this time.",
    "ls.numbers.missing.ib": "The inclusive companies were not counted this time.",
    "ls.numbers.demo": (
        "Attention: These are example numbers.\n"
        "The numbers are not real.\n"
        "They are only for trying out."
    ),
    "ls.source.h": "Where do the numbers come from?",
    "ls.source": (
        "The numbers come from a website.\n"
        "The website is called REHADAT.\n"
        "It has a list of addresses.\n"
        "The atlas counts the addresses in the list.\n"
        "Maybe some places are missing in the list.\n"
        "Then they are also missing in the atlas."
    ),
    "ls.near.h": "Where do I find places near me?",
    "ls.near": (
        "At the top of the page is a search field.\n"
        "Write your postcode there.\n"
        "The postcode has 5 digits.\n"
        "Then press: Search.\n"
        "You then see places near you."
    ),
    "ls.months": (
        "January,February,March,April,May,June,July,August,September,October,November,December"
    ),
    # locator map text alternative: kind, Land and where in Germany (issue 13)
    "describe.locator.kreis": (
        "Locator map: {name}, a district in the federal state of {land}, lies {where} of "
        "Germany. On the map of the 16 federal states the district is dark, {land} grey."
    ),
    "describe.locator.land": (
        "Locator map: {name}, one of the 16 federal states, lies {where} of Germany. It is "
        "dark on the map of Germany."
    ),
    "describe.locator.de": "Locator map: Germany with all 16 federal states, shown dark.",
    "where.north-west": "in the north-west",
    "where.north": "in the north",
    "where.north-east": "in the north-east",
    "where.west": "in the west",
    "where.middle": "in the centre",
    "where.east": "in the east",
    "where.south-west": "in the south-west",
    "where.south": "in the south",
    "where.south-east": "in the south-east",
}
