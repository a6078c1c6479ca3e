"""What a search for a PLZ, a place, a region or a provider name finds: regions (→ their
profile), places (→ the "near me" view) and providers of the served snapshot (→ the map with
that provider). Pure given the region, Gemeinde and provider tables; the header's search form
lands on /suche, which goes straight to the one hit or lists several.

Names are compared folded: case, umlauts and their transliterations ("Muenchen" = "München",
"Strasse" = "Straße"), accents, hyphens and slashes do not matter. A leading kind of region,
as the results themselves show it ("Landkreis München", "Stadt Augsburg", "Kreisfreie Stadt
Kempten", "Freistaat Bayern"), narrows the search to regions of that kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from dashboard.model.state import DEFAULTS, to_query

MAX_HITS = 20
_GERMANY = {"de", "deutschland", "germany", "bund", "bundesweit"}
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s\-/,.()'’–]+")

# a leading word (folded) → which kinds of region it means: "land", or the Kreis `bez` values
# (folded) it may stand for, plus whether Gemeinden of a `bez` containing "stadt" qualify
_CITY_KREIS = frozenset({"kreisfreie stadt", "stadtkreis"})
_KIND_WORDS: dict[str, tuple[frozenset[str], bool, bool]] = {
    # word: (Kreis bez allowed, Länder allowed, Gemeinden allowed)
    "landkreis": (frozenset({"landkreis"}), False, False),
    "lk": (frozenset({"landkreis"}), False, False),
    "lkr": (frozenset({"landkreis"}), False, False),
    "kreis": (frozenset({"kreis", "landkreis"}), False, False),
    "kreisfreie stadt": (_CITY_KREIS, False, False),
    "stadtkreis": (_CITY_KREIS, False, False),
    "stadt": (_CITY_KREIS, False, True),
    "land": (frozenset(), True, False),
    "bundesland": (frozenset(), True, False),
    "freistaat": (frozenset(), True, False),
    "gemeinde": (frozenset(), False, True),
}


@dataclass(frozen=True)
class Hit:
    """One thing a search found: `path` is app-relative without the leading slash; `detail`
    says what kind of thing it is where the label alone does not ("Gemeinde, Landkreis
    München"; a provider's PLZ and Ort beside its `category`)."""

    kind: str  # "region" | "place" | "provider"
    label: str
    path: str
    detail: str = ""  # official German kinds of region and Gemeinde ("Landkreis", "Markt")
    category: str = ""  # a provider's category key, for a label in the page's language


@dataclass(frozen=True)
class Query:
    """A folded query and the kinds of region a leading kind word allows (None: any)."""

    key: str
    kreis_kinds: frozenset[str] | None = None
    laender: bool = True
    gemeinden: bool = True
    providers: bool = True


def fold(text: str) -> str:
    """`text` as compared: lower case, umlauts transliterated, accents dropped, separators
    one space. "Neustadt a.d. Weinstraße" → "neustadt a d weinstrasse"."""
    text = text.casefold().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", text).strip()


def parse_query(text: str) -> Query:
    """The folded query; a leading kind word ("Landkreis …") becomes a filter, unless nothing
    would remain of the name."""
    key = fold(text)
    for word in sorted(_KIND_WORDS, key=len, reverse=True):  # "kreisfreie stadt" before "kreis"
        if key.startswith(word + " "):
            kreise, laender, gemeinden = _KIND_WORDS[word]
            return Query(key[len(word) + 1:], kreise, laender, gemeinden, providers=False)
    return Query(key)


def search(
    query: str,
    laender: pd.DataFrame,
    kreise: pd.DataFrame,
    gemeinden: pd.DataFrame,
    plz_exists: Callable[[str], bool] = lambda plz: True,
    providers: pd.DataFrame | None = None,
) -> list[Hit]:
    """Hits for `query`: a 5-digit PLZ (a place, if `plz_exists`), an ARS or a name of a Land,
    Kreis, Gemeinde or provider. Exact names first; only without an exact name, names that
    start with or contain the query. `laender`/`kreise`: `code, name, bez`; `gemeinden`:
    `ags, name, bez, kreis_ars`; `providers` (optional): `source_id, name, category, plz,
    city, kreis_ars`."""
    text = " ".join(query.split())[:80]
    if not text:
        return []
    if fold(text) in _GERMANY:
        return [Hit("region", "Deutschland", "region/DE")]
    if re.fullmatch(r"\d{5}", text):
        hits = [Hit("place", f"PLZ {text}", f"naehe?plz={text}")] if plz_exists(text) else []
        return hits + [_kreis_hit(r) for r in kreise[kreise["code"] == text].itertuples()]
    if re.fullmatch(r"\d{2}", text):
        return [_land_hit(r) for r in laender[laender["code"] == text].itertuples()]
    parsed = parse_query(text)
    hits = _by_name(parsed, laender, kreise, gemeinden, providers)
    if not hits and parsed.kreis_kinds is not None:  # "Stadtallendorf", "Land Hadeln" …
        hits = _by_name(Query(fold(text)), laender, kreise, gemeinden, providers)
    return hits[:MAX_HITS]


def _by_name(
    q: Query, laender: pd.DataFrame, kreise: pd.DataFrame, gemeinden: pd.DataFrame,
    providers: pd.DataFrame | None,
) -> list[Hit]:
    if not q.key:
        return []
    kreis_of = dict(zip(kreise["code"].tolist(),
                        zip(kreise["name"].tolist(), kreise["bez"].tolist(), strict=True),
                        strict=True))
    if q.kreis_kinds is not None:
        kreise = kreise[_folded(kreise, "bez").isin(q.kreis_kinds)]
    if q.kreis_kinds is not None and q.gemeinden:  # "Stadt X": Gemeinden that are a Stadt
        gemeinden = gemeinden[_folded(gemeinden, "bez").str.contains("stadt", regex=False)]
    searched: list[tuple[pd.DataFrame, Callable[[object], Hit]]] = []
    if q.laender:
        searched.append((laender, _land_hit))
    searched.append((kreise, _kreis_hit))
    if q.gemeinden:
        searched.append((gemeinden, lambda r: _place_hit(r, kreis_of.get(r.kreis_ars))))  # type: ignore[attr-defined]
    if q.providers and providers is not None and len(q.key) >= 3:
        searched.append((providers, _provider_hit))
    names = [(frame, _folded(frame, "name"), make) for frame, make in searched]
    for matcher in (_exact, _prefix, _contains):
        hits = [make(r) for frame, folded, make in names
                for r in frame[matcher(folded, q.key).to_numpy()].itertuples()]
        if hits:
            return hits
    return []


def _land_hit(row: object) -> Hit:
    return Hit("region", row.name, f"region/{row.code}")  # type: ignore[attr-defined]


def _kreis_hit(row: object) -> Hit:
    return Hit("region", f"{row.bez} {row.name}", f"region/{row.code}")  # type: ignore[attr-defined]


def _place_hit(row: object, kreis: tuple[str, str] | None) -> Hit:
    """"München" with "Kreisfreie Stadt" (not "München (München)"); "Haar" with "Gemeinde,
    Landkreis München". `kreis`: the Kreis's (name, bez)."""
    name, bez = row.name, getattr(row, "bez", "") or ""  # type: ignore[attr-defined]
    if kreis is None:
        detail = bez
    elif kreis[0] == name and fold(kreis[1]) in _CITY_KREIS:
        detail = kreis[1]
    else:
        detail = ", ".join(p for p in (bez, f"{kreis[1]} {kreis[0]}") if p)
    return Hit("place", name, f"naehe?ort={row.ags}", detail)  # type: ignore[attr-defined]


def _provider_hit(row: object) -> Hit:
    """The provider on the Kreis map (as the change feed links it), with its kind and place."""
    kreis = row.kreis_ars if isinstance(row.kreis_ars, str) and row.kreis_ars else None  # type: ignore[attr-defined]
    state = replace(DEFAULTS, level="kreis", category=row.category, points=True,  # type: ignore[attr-defined]
                    provider=str(row.source_id), region=kreis)  # type: ignore[attr-defined]
    place = " ".join(v for v in (row.plz, row.city) if isinstance(v, str) and v)  # type: ignore[attr-defined]
    return Hit("provider", row.name, "karte" + to_query(state), place, row.category)  # type: ignore[attr-defined]


@lru_cache(maxsize=16)
def _fold_all(names: tuple[str, ...]) -> tuple[str, ...]:
    # the same few tables (Länder, Kreise, 10,000 Gemeinden, a snapshot's providers) are
    # searched on every request: fold their names once
    return tuple(fold(n) for n in names)


def _folded(frame: pd.DataFrame, column: str) -> pd.Series:
    names = tuple(frame[column].fillna("").astype(str).tolist())
    return pd.Series(_fold_all(names), index=frame.index, dtype=object)


def _exact(folded: pd.Series, key: str) -> pd.Series:
    return folded == key


def _prefix(folded: pd.Series, key: str) -> pd.Series:
    return folded.str.startswith(key)


def _contains(folded: pd.Series, key: str) -> pd.Series:
    return folded.str.contains(key, regex=False)


def plz_exists(plz: str) -> bool:
    """Whether the geocoder knows `plz` (geodata.locate)."""
    import geodata

    try:
        geodata.locate(plz)
    except geodata.LocateError:
        return False
    return True

