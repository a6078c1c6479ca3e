"""Texts of the Land view (issue 21): the Land choice, the key-figure sentence, the Land
profile's map, the embed dialog and the links to profiles, German and English.

Spread at the end of `i18n.TEXTS` like `i18n_region`; look them up with `i18n.t`.
"""

from __future__ import annotations

DE: dict[str, str] = {
    "land.label": "Land",
    "land.all": "ganz Deutschland",
    "land.option": "{name} (Land: Kreise zeigen)",
    "land.title": "{title} in {land}",
    "land.none.ala": "keinen aLA",
    "land.none.wfbm": "keine WfbM",
    "land.none.ib": "keinen Inklusionsbetrieb",
    "land.sentence": "In {land} {verb} {n} von {total} Kreisen {none} (Datenstand {date}).",
    "land.verb.one": "hat",
    "land.verb.many": "haben",
    "land.sentence.all": "In {land} hat jeder der {total} Kreise mindestens einen Anbieter "
    "dieser Art ({category}, Datenstand {date}).",
    "land.sentence.where": "Die {count} {category} liegen in {n} {kreise}; am meisten: {top}.",
    "land.sentence.where.one": "{kreis_word} mit {category}: {top}.",
    "land.plural.ala": "aLA",
    "land.plural.wfbm": "WfbM",
    "land.plural.ib": "Inklusionsbetriebe",
    "land.kreis.one": "Kreis",
    "land.kreis.many": "Kreisen",
    "land.not_recorded": "In {land}: {category} sind in diesem Datenstand nicht erfasst.",
    "ties.each": "{names} mit je {value}",
    "ties.one": "{names} mit {value}",
    "ties.and": "und",
    "profile.land.map.heading": "Kreise in {land}: {category}",
    "profile.land.none": "Kreise ohne aLA",
    "profile.land.none.value": "{n} von {total}",
    "profile.link": "Profil von {name}",
    "map.table_link.karte": "Auf der Karte öffnen",
    "profile.link.short": "Regionsprofil",
    "embed.button": "Einbetten",
    "embed.heading": "Diese Ansicht einbetten",
    "embed.label": "HTML-Code zum Einbetten (iframe)",
    "embed.hint": "Kopieren Sie den Code in Ihre Seite. Die Ansicht zeigt den gewählten "
    "Zustand; ohne Datenstand im Link immer den neuesten.",
    "embed.copy": "Code kopieren",
    "embed.copied": "Kopiert.",
    "embed.copy_failed": "Kopieren nicht möglich: bitte markieren und mit Strg+C kopieren.",
    "embed.frame_title": "aLA-Atlas: {page}",
}

EN: dict[str, str] = {
    "land.label": "State",
    "land.all": "all of Germany",
    "land.option": "{name} (state: show districts)",
    "land.title": "{title} in {land}",
    "land.none.ala": "no aLA",
    "land.none.wfbm": "no WfbM",
    "land.none.ib": "no inclusive company",
    "land.sentence": "In {land}, {n} of {total} districts {verb} {none} (snapshot of {date}).",
    "land.verb.one": "has",
    "land.verb.many": "have",
    "land.sentence.all": "In {land}, each of the {total} districts has at least one provider "
    "of this kind ({category}, snapshot of {date}).",
    "land.sentence.where": "The {count} {category} are in {n} {kreise}; most: {top}.",
    "land.sentence.where.one": "{kreis_word} with {category}: {top}.",
    "land.plural.ala": "aLA",
    "land.plural.wfbm": "WfbM",
    "land.plural.ib": "inclusive companies",
    "land.kreis.one": "district",
    "land.kreis.many": "districts",
    "land.not_recorded": "In {land}: {category} were not recorded in this snapshot.",
    "ties.each": "{names} with {value} each",
    "ties.one": "{names} with {value}",
    "ties.and": "and",
    "profile.land.map.heading": "Districts in {land}: {category}",
    "profile.land.none": "Districts without aLA",
    "profile.land.none.value": "{n} of {total}",
    "profile.link": "Profile of {name}",
    "map.table_link.karte": "Open on the map",
    "profile.link.short": "Region profile",
    "embed.button": "Embed",
    "embed.heading": "Embed this view",
    "embed.label": "HTML code to embed (iframe)",
    "embed.hint": "Copy the code into your page. The view shows the chosen state; without a "
    "snapshot in the link always the newest one.",
    "embed.copy": "Copy code",
    "embed.copied": "Copied.",
    "embed.copy_failed": "Copying is not possible: please select the code and press Ctrl+C.",
    "embed.frame_title": "aLA Atlas: {page}",
}
