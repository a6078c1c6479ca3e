"""The Land choice shared by the Karte and Entwicklung (issue 21): its options, the region box
that offers Länder at Kreis level, the title that names the Land and the key-figure sentence.
The Land's rows and map frame are `model.land_view`'s; this module only words and offers
them."""

from __future__ import annotations

from typing import Any

import geodata
from dashboard.model.data import AtlasData
from dashboard.model.land_view import applies, land_name
from dashboard.text.i18n import region_kind, t
from dashboard.text.land_sentence import land_sentence


def land_options(lang: str) -> list[dict[str, str]]:
    """"ganz Deutschland" (value "") and the 16 Länder by name."""
    laender = sorted(geodata.LAENDER.items(), key=lambda item: item[1])
    return [{"label": t("land.all", lang), "value": ""}] + [
        {"label": name, "value": code} for code, name in laender
    ]


def region_choices(data: AtlasData, level: str, lang: str) -> list[dict[str, str]]:
    """The region box's options: at Kreis level the Länder first ("Bayern (Land: Kreise
    zeigen)", choosing one opens the Land view), then the Kreise; at Land level the Länder."""
    regions = region_options(data, level, lang)
    if level != "kreis":
        return regions
    laender = sorted(geodata.LAENDER.items(), key=lambda item: item[1])
    return [{"label": t("land.option", lang, name=name), "value": code}
            for code, name in laender] + regions


def region_options(data: AtlasData, level: str, lang: str) -> list[dict[str, str]]:
    """Every region of the level: "München (Landkreis, Bayern)", in English "München (rural
    district, Bayern)" (the kind in the reader's language, as the tables write it)."""
    table = data.regions(level)
    if level == "land":
        labels = table["name"].tolist()
    else:
        labels = [f"{name} ({region_kind(kind, lang)}, {land})" for name, kind, land
                  in zip(table["name"], table["bez"], table["land"], strict=True)]
    return [{"label": label, "value": code}
            for code, label in zip(table["code"], labels, strict=True)]


def chosen_land(level: str, value: str | None) -> str | None:
    """The Land a control value asks for at this level ("" and None: all of Germany)."""
    return applies(level, value or None)


def with_land(title: str, land: str | None, lang: str) -> str:
    """`title` naming the Land when the view shows one."""
    return title if land is None else t("land.title", lang, title=title, land=land_name(land))


def sentence_for(data: AtlasData, snapshot: dict[str, Any] | None, category: str,
                 land: str | None, lang: str) -> str:
    """The Land's key-figure sentence for the served snapshot ("" without a Land)."""
    if land is None or snapshot is None:
        return ""
    sid = int(snapshot["id"])
    return data.memo(
        ("land-sentence", sid, category, land, lang),
        lambda: land_sentence(data.region_metrics(sid, "kreis", category), land, category,
                              str(snapshot["taken_at"])[:10], lang),
    )
