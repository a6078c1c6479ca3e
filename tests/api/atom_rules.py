"""A strict check of an Atom 1.0 document against RFC 4287's rules (what a lenient reader
such as feedparser forgives): well-formed XML, the Atom namespace, the required and
at-most-once elements of feed and entry, RFC 3339 dates, absolute ids, text constructs."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

NS = "http://www.w3.org/2005/Atom"
A = f"{{{NS}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
FEED_CHILDREN = {"author", "category", "contributor", "generator", "icon", "id", "link", "logo",
                 "rights", "subtitle", "title", "updated", "entry"}
ENTRY_CHILDREN = {"author", "category", "content", "contributor", "id", "link", "published",
                  "rights", "source", "summary", "title", "updated"}
TEXT_TYPES = {"text", "html", "xhtml"}


def _counts(element: etree._Element) -> Counter:
    return Counter(etree.QName(child).localname for child in element
                   if etree.QName(child).namespace == NS)


def _text_construct(element: etree._Element, where: str) -> None:
    kind = element.get("type", "text")
    assert kind in TEXT_TYPES, f"{where}: type {kind!r}"
    if kind == "text":
        assert len(element) == 0, f"{where}: a text construct holds elements"


def _links(parent: etree._Element, where: str) -> list[etree._Element]:
    links = parent.findall(f"{A}link")
    for link in links:
        assert IRI.match(link.get("href", "")), f"{where}: link without absolute href"
    alternates = Counter((lk.get("type"), lk.get("hreflang")) for lk in links
                         if lk.get("rel", "alternate") == "alternate")
    assert all(n == 1 for n in alternates.values()), f"{where}: two alternates of one type"
    return links


def _common(element: etree._Element, where: str) -> None:
    counts = _counts(element)
    for name in ("id", "title", "updated"):
        assert counts[name] == 1, f"{where}: {counts[name]} <{name}>"
    for name in ("rights", "subtitle", "summary", "content", "published", "generator"):
        assert counts[name] <= 1, f"{where}: more than one <{name}>"
    ident = element.findtext(f"{A}id")
    assert IRI.match(ident or ""), f"{where}: id {ident!r} is no absolute IRI"
    for name in ("updated", "published"):
        value = element.findtext(f"{A}{name}")
        if value is not None:
            assert RFC3339.match(value), f"{where}: {name} {value!r} is no RFC 3339 date"
    for name in ("title", "subtitle", "rights", "summary"):
        node = element.find(f"{A}{name}")
        if node is not None:
            _text_construct(node, f"{where}/{name}")
    for author in element.findall(f"{A}author"):
        assert (author.findtext(f"{A}name") or "").strip(), f"{where}: author without name"


def check_atom(body: bytes) -> etree._Element:
    """The parsed feed element; AssertionError naming the first broken rule."""
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    root = etree.fromstring(body, parser)
    assert root.tag == f"{A}feed", f"root is {root.tag}"
    unknown = set(_counts(root)) - FEED_CHILDREN
    assert not unknown, f"unknown feed children {unknown}"
    _common(root, "feed")
    links = _links(root, "feed")
    assert any(lk.get("rel") == "self" for lk in links), "feed without rel=self link"
    feed_author = bool(root.findall(f"{A}author"))
    ids = []
    for position, entry in enumerate(root.findall(f"{A}entry")):
        where = f"entry {position}"
        unknown = set(_counts(entry)) - ENTRY_CHILDREN
        assert not unknown, f"{where}: unknown children {unknown}"
        _common(entry, where)
        entry_links = _links(entry, where)
        if entry.find(f"{A}content") is None:
            assert any(lk.get("rel", "alternate") == "alternate" for lk in entry_links), (
                f"{where}: neither content nor an alternate link"
            )
        assert feed_author or entry.findall(f"{A}author"), f"{where}: no author"
        ids.append(entry.findtext(f"{A}id"))
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, f"duplicate entry ids {duplicates[:3]}"
    return root
