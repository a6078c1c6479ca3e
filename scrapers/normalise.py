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
    return strip_session(value)


def strip_session(url: str | None) -> str | None:
    """'…/index.html;jsessionid=0897…?page=2' → '…/index.html?page=2' (None stays None).

    A servlet session id is not part of a page's identity: it is stripped before a URL
    is stored, compared or used as a key, so one page never counts as two.
    """
    return sel.SESSION_ID_RE.sub("", url) if url else url


def looks_like_host(value: str | None, *, strict: bool = False) -> bool:
    """True for 'www.example.de', 'ib-beispiel0.example', 'beispiel.de/kontakt'.

    Not for file names ('index.html'), e-mail addresses or paths. ``strict`` (for plain
    text lines) also asks for a common top-level domain.
    """
    value = clean_text(value)
    if not value or "@" in value or " " in value:
        return False
    match = sel.HOST_LIKE_RE.match(value)
    if not match:
        return False
    tld = match.group("tld").lower()
    if tld in sel.FILE_SUFFIXES:
        return False
    return not strict or value.lower().startswith("www.") or tld in sel.TEXT_HOST_TLDS


def same_site(host: str | None, other: str | None) -> bool:
    """'www.rehadat-adressen.de' and 'rehadat-adressen.de' are one site."""
    def bare(h: str | None) -> str:
        h = (h or "").lower().rstrip(".")
        return h[4:] if h.startswith("www.") else h
    return bool(host) and bare(host) == bare(other)


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
