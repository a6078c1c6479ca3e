"""A small Atom 1.0 (RFC 4287) writer: feed and entries as data in, UTF-8 XML out.

Knows nothing of providers or snapshots (`dashboard/endpoints/feeds.py` decides what an entry says).
Every text goes through the XML serializer, so names with markup arrive as text, never as
elements; characters XML 1.0 forbids (control characters from a scraped page) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates
# and U+FFFE/U+FFFF; anything else makes the document ill-formed.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM_NS)


def clean(text: object) -> str:
    """`text` as a string XML 1.0 can hold (forbidden characters removed)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


@dataclass(frozen=True)
class Link:
    href: str
    rel: str = "alternate"
    type: str | None = "text/html"
    title: str | None = None


@dataclass(frozen=True)
class Entry:
    """One atom:entry. `updated`/`published` are RFC 3339 date-times ("2022-12-01T00:00:00Z")."""

    id: str
    title: str
    updated: str
    summary: str
    links: tuple[Link, ...]
    published: str | None = None
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    updated: str
    author: str
    links: tuple[Link, ...]
    lang: str = "de"
    subtitle: str | None = None
    rights: str | None = None
    generator: str = "aLA-Atlas"
    entries: tuple[Entry, ...] = field(default_factory=tuple)


def _el(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}", {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _link(parent: ET.Element, link: Link) -> None:
    attrs = {"rel": link.rel, "href": link.href}
    if link.type:
        attrs["type"] = link.type
    if link.title:
        attrs["title"] = link.title
    _el(parent, "link", **attrs)


def render(feed: Feed) -> bytes:
    """The feed as a UTF-8 Atom document (with XML declaration)."""
    root = ET.Element(f"{{{ATOM_NS}}}feed")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", feed.lang)
    _el(root, "id", feed.id)
    _el(root, "title", feed.title, type="text")
    if feed.subtitle:
        _el(root, "subtitle", feed.subtitle, type="text")
    _el(root, "updated", feed.updated)
    author = _el(root, "author")
    _el(author, "name", feed.author)
    for link in feed.links:
        _link(root, link)
    if feed.rights:
        _el(root, "rights", feed.rights, type="text")
    _el(root, "generator", feed.generator)
    for entry in feed.entries:
        item = _el(root, "entry")
        _el(item, "id", entry.id)
        _el(item, "title", entry.title, type="text")
        _el(item, "updated", entry.updated)
        if entry.published:
            _el(item, "published", entry.published)
        for link in entry.links:
            _link(item, link)
        for term, label in entry.categories:
            _el(item, "category", term=term, label=label)
        _el(item, "summary", entry.summary, type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
