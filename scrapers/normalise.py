"""Cleaning single values: whitespace, numbers, phones, e-mails, websites, services."""

from __future__ import annotations

import re
from urllib.parse import unquote

from scrapers import selectors as sel
from scrapers.records import SERVICES

# Non-breaking, thin and other Unicode spaces as well as zero-width characters.
_SPACES_RE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Dropped: zero-width space, word joiner, BOM, soft hyphen, and the bidi embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make a name display
# reversed. Kept: the joiners U+200C/U+200D, which hold emoji and script sequences together.
_ZERO_WIDTH_RE = re.compile(r"[\u200b\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str | None) -> str:
    """Collapse every kind of whitespace to one space and trim, drop invisible and bidi
    control characters (keeping ZWJ/ZWNJ sequences); None → ''."""
    if not value:
        return ""
    return _SPACES_RE.sub(" ", _ZERO_WIDTH_RE.sub("", value)).strip()


def parse_german_int(text: str) -> int:
    """'1.020' → 1020, '95' → 95 (German thousands separator)."""
    return int(text.replace(".", "").replace("\u00a0", "").strip())


def clean_phone(value: str | None) -> str | None:
    """Trim spaces and trailing separators; keep the number as the site writes it."""
    value = clean_text(value).strip(" ,;")
    return value or None


def clean_email(value: str | None) -> str | None:
    """'mailto:Info@Example.org?subject=x' → 'info@example.org'."""
    value = clean_text(unquote(value or ""))
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    value = value.split("?", 1)[0].strip().lower()
    return value if "@" in value else None


def clean_website(value: str | None) -> str | None:
    """'www.example.org' → 'https://www.example.org'; keeps an existing scheme."""
    value = clean_text(value)
    if not value:
        return None
    if value.startswith("//"):
        return "https:" + value
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.I):
        value = "https://" + value
    return value


def normalise_services(text: str | None) -> tuple[str, ...]:
    """'Berufsbildungsbereich, Arbeitsbereich' → the canonical names in canonical order.

    Unknown items are left out: only the three services the atlas compares are kept.
    """
    found: set[str] = set()
    for item in sel.SERVICE_SPLIT_RE.split(clean_text(text)):
        lowered = item.lower()
        for keyword, name in sel.SERVICE_KEYWORDS:
            if keyword in lowered:
                found.add(name)
    return tuple(name for name in SERVICES if name in found)
