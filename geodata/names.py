"""Normalising place names so that OSM spellings (PLZ table) meet BKG's official ones.

"Altdorf bei Nürnberg" / "Altdorf b.Nürnberg", "Sankt Wendel" / "St. Wendel",
"Mühldorf am Inn" / "Mühldorf a. Inn", "Weiden in der Oberpfalz" / "Weiden i.d. OPf.".
Abbreviations are mapped to one short token each ("am", "an", "a." → "a") rather than expanded,
because "a." can stand for "am" or "an" and only the short form is unambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# One canonical token for each family of abbreviations found in BKG and OSM names.
_TOKENS = {
    "am": "a", "an": "a", "auf": "a", "b": "b", "bei": "b", "i": "i", "im": "i", "in": "i",
    "der": "d", "dem": "d", "den": "d", "st": "st", "sankt": "st", "v": "v", "vor": "v",
    "d": "d", "a": "a", "opf": "oberpfalz", "vogtl": "vogtland", "rbge": "ruebenberge",
    "hzgt": "herzogtum", "fichtelgeb": "fichtelgebirge", "erzgeb": "erzgebirge",
    "beim": "b", "ob": "oberbayern", "nb": "niederbayern",
    "ofr": "oberfranken", "mfr": "mittelfranken", "ufr": "unterfranken", "schw": "schwaben",
    "bay": "bayern", "odw": "odenwald", "hl": "heiligen", "hann": "hannoversch",
    "rhld": "rheinland", "westf": "westfalen", "thuer": "thueringen", "sa": "sachsen",
}  # fmt: skip
# Honorific first words that one source uses and the other leaves out
# ("Lutherstadt Eisleben" / "Eisleben", "Stadt Wehlen" / "Wehlen").
_TITLES = ("lutherstadt", "goethestadt", "hansestadt", "universitaetsstadt", "stadt")
_PARENTHESISED = re.compile(r"\([^)]*\)")
# "Adorf/Vogtl.", "Lauenburg/Elbe", "Hamm, Stadt", bilingual "Cottbus - Chóśebuz"
_SUFFIX = re.compile(r"(/|,| - ).*$")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Prefixes of Kreis names in the PLZ table that BKG keeps in BEZ instead of the name.
_KREIS_PREFIXES = re.compile(
    r"^(landkreis|kreis|region|staedteregion|regionalverband|stadtkreis|kreisfreie stadt)\s+"
)


def _fold(text: str) -> str:
    """Lower case, umlauts spelled out, other accents dropped."""
    text = text.strip().lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _tokens(text: str) -> list[str]:
    return [_TOKENS.get(token, token) for token in _NON_WORD.split(text) if token]


def normalise(name: str) -> str:
    """The full key: every word kept, abbreviations unified ("a.d. Ilm" == "an der Ilm")."""
    return " ".join(_tokens(_fold(name)))


def base(name: str) -> str:
    """The key without "(…)" parts and "/…", ", …", " - …" suffixes ("Halle (Saale)" → "halle")."""
    folded = _SUFFIX.sub("", _PARENTHESISED.sub(" ", _fold(name)))
    return " ".join(_tokens(folded))


def _untitled(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in _TITLES and rest else key


@lru_cache(maxsize=65536)  # the same few thousand names are normalised again and again
def keys(name: str) -> tuple[str, ...]:
    """Full key first, then the base key and the keys without a title word, if they differ."""
    full, short = normalise(name), base(name)
    found = [full]
    for key in (short, _untitled(full), _untitled(short)):
        if key and key not in found:
            found.append(key)
    return tuple(found)


def parts(name: str) -> list[str]:
    """Full keys of the hyphen-joined parts of a name ("Aue-Bad Schlema" → aue, bad schlema)."""
    return [normalise(part) for part in _fold(base_text(name)).split("-") if part.strip()]


def base_text(name: str) -> str:
    """The name without "(…)" parts and "/…", ", …", " - …" suffixes, not yet normalised."""
    return _SUFFIX.sub("", _PARENTHESISED.sub(" ", name.strip())).strip()


def kreis_key(name: str) -> str:
    """Key of a Kreis name with "Landkreis", "Kreis", "Region", … prefixes removed."""
    return normalise(_KREIS_PREFIXES.sub("", _fold(name)))
