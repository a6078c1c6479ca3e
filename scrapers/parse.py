"""Pure parsing: the bytes of one listing page in, Provider records out.

No network, no clock, no globals: the same bytes always give the same
:class:`ListingPage`. Entries are found by the confirmed ``p.kontaktdaten`` block;
every field is read by its content (see ``scrapers.selectors``). Problems inside a
page are collected, not raised, so the crawl can report all of them at once.
"""

from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

from scrapers import normalise as norm
from scrapers import selectors as sel
from scrapers.exceptions import ParseError
from scrapers.records import CATEGORIES, Provider, fallback_source_id

# Browsers read Latin-1 and ASCII declarations as Windows-1252 (WHATWG); so do we.
_ENCODING_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


@dataclass
class ListingPage:
    """What one listing page says: its records, the site's total and the next page."""

    url: str
    category: str
    records: list[Provider] = field(default_factory=list)
    expected_total: int | None = None
    next_page: str | None = None
    problems: list[str] = field(default_factory=list)
    entries_found: int = 0  # contact blocks seen, including entries that failed
    # What the first page number is in the site's ``page`` parameter (0 or 1), when the
    # page's links tell (numbered links, or a next link from a page without ``page``).
    page_base: int | None = None
    # Contact-block lines no rule used ("entry 3 ('Name'): 'Öffnungszeiten: …'").
    unmatched: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- decoding


def declared_encoding(content: bytes, content_type: str | None = None) -> str:
    """The page's encoding: HTTP header, else ``<meta charset>``, else BOM, else UTF-8."""
    candidates = []
    if content_type:
        match = sel.HEADER_CHARSET_RE.search(content_type)
        if match:
            candidates.append(match.group(1))
    match = sel.META_CHARSET_RE.search(content[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    if content.startswith(codecs.BOM_UTF8):
        candidates.insert(0, "utf-8-sig")
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        return _ENCODING_ALIASES.get(codec, codec)
    return "utf-8"


def decode_page(content: bytes | str, content_type: str | None = None) -> tuple[str, list[str]]:
    """Text of the page and any decoding problem (bytes invalid in the declared encoding)."""
    if isinstance(content, str):
        return content, []
    encoding = declared_encoding(content, content_type)
    try:
        return content.decode(encoding), []
    except UnicodeDecodeError as exc:
        problem = f"bytes invalid in the declared encoding {encoding} at offset {exc.start}"
        return content.decode(encoding, errors="replace"), [problem]


# ---------------------------------------------------------------- text lines


def _has_hint_class(el: lxml.html.HtmlElement) -> bool:
    classes = el.get("class")
    return bool(classes) and not sel.LINE_CLASS_HINTS.isdisjoint(classes.split())


def _collect(el, out: list[str], top: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is not None and tag not in ("script", "style"):
        breaks = tag == "br" or tag in sel.BLOCK_TAGS or _has_hint_class(el)
        if breaks:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            _collect(child, out)
        if breaks:
            out.append("\n")
    if el.tail and not top:
        out.append(el.tail)


def text_lines(*elements) -> list[str]:
    """Visible lines of the elements: <br> and block elements end a line; cleaned, non-empty."""
    out: list[str] = []
    for el in elements:
        _collect(el, out, top=True)
        out.append("\n")
    return [line for line in (norm.clean_text(x) for x in "".join(out).split("\n")) if line]


# ---------------------------------------------------------------- page-level fields


def _total_in(text: str) -> int | None:
    if sel.NO_HITS_RE.search(text):
        return 0
    match = sel.TOTAL_RE.search(text)
    return norm.parse_german_int(match.group(1)) if match else None


def read_total(doc) -> int | None:
    """The site's hit count: '1.020 Treffer' → 1020, 'Keine Treffer' → 0, absent → None.

    The hinted element is tried first; only without it is the whole page searched.
    """
    for el in doc.xpath(sel.TOTAL_HINT_XPATH):
        total = _total_in(" ".join(text_lines(el)))
        if total is not None:
            return total
    body = doc.find("body")
    return _total_in(" ".join(text_lines(body if body is not None else doc)))


def _page_number(url: str) -> int | None:
    values = parse_qs(urlsplit(url).query).get(sel.PAGE_PARAM, [])
    return int(values[0]) if values and values[0].strip().isdigit() else None


def numbered_links(doc, url: str) -> dict[int, str]:
    """Numbered page links of this listing ("1 2 3"): shown label → absolute URL.

    Only links to the same listing page (same host and path; the query may carry more
    than the first request did) with a ``page`` parameter count, so a number in the
    text never looks like pagination.
    """
    here = urlsplit(url)[1:3]
    found: dict[int, str] = {}
    for a in doc.xpath(sel.ALL_LINKS_XPATH):
        label = norm.clean_text(a.text_content())
        href = (a.get("href") or "").strip()
        if not sel.PAGE_LABEL_RE.match(label) or href.startswith(("#", "javascript:")):
            continue
        target = norm.strip_session(urldefrag(urljoin(url, href))[0])
        if _page_number(target) is not None and urlsplit(target)[1:3] == here:
            found.setdefault(int(label), target)
    return found


def page_base_of(links: dict[int, str]) -> int | None:
    """0 or 1: the ``page`` value of the page labelled 1, if the links agree on one."""
    offsets = {_page_number(target) - label for label, target in links.items()}
    if len(offsets) != 1:
        return None
    base = 1 + offsets.pop()
    return base if base in (0, 1) else None


def read_pagination(doc, url: str) -> tuple[str | None, int | None]:
    """The next page's URL and the site's first page number (0 or 1), each if known.

    The next page is the link the site marks as "weiter"/next; without one, the numbered
    link after the current page. The current page is the one whose ``page`` value the
    URL carries; a URL without ``page`` is the first page (the first request may carry
    none), whether the site counts from 0 or from 1.
    """
    links = numbered_links(doc, url)
    base = page_base_of(links)
    next_url = read_next_page(doc, url)
    current = _page_number(url)
    if base is None and next_url is not None and current is None:
        following = _page_number(next_url)
        base = following - 1 if following in (1, 2) else None
    if next_url is None and links:
        label = 1 if current is None else (None if base is None else current - base + 1)
        if label is not None:
            next_url = links.get(label + 1)
    return next_url, base


def read_next_page(doc, url: str) -> str | None:
    """The absolute URL of the page the site itself links as the next one, or None."""
    links = doc.xpath(sel.NEXT_HINT_XPATH)
    if not links:
        links = [
            a
            for a in doc.xpath(sel.ALL_LINKS_XPATH)
            if sel.NEXT_TEXT_RE.match(norm.clean_text(a.text_content()))
            or sel.NEXT_TEXT_RE.match(norm.clean_text(a.get("aria-label") or a.get("title")))
        ]
    for a in links:
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            return norm.strip_session(urldefrag(urljoin(url, href))[0])
    return None


# ---------------------------------------------------------------- entries


def _entry_nodes(kp, counts: Counter, blocks: set) -> list:
    """The elements that make up the entry of one contact block, in document order.

    The entry is the outermost list item / article / table row holding no other
    contact block; without one, the largest such ancestor below <body>. In a flat
    layout (siblings holding several entries) it is the run of siblings from the
    heading before the block up to the next heading or block.
    """
    chain = []
    for anc in kp.iterancestors():
        if counts[anc] != 1 or anc.tag in ("body", "html"):
            break
        chain.append(anc)
    items = [anc for anc in chain if anc.tag in ("li", "article", "tr")]
    if items:
        return [items[-1]]
    if chain:
        return [chain[-1]]
    nodes = [kp]
    for prev in kp.itersiblings(preceding=True):
        if prev in blocks:
            break
        nodes.insert(0, prev)
        if isinstance(prev.tag, str) and prev.tag in sel.HEADING_TAGS:
            break
    for nxt in kp.itersiblings():
        if nxt in blocks or (isinstance(nxt.tag, str) and nxt.tag in sel.HEADING_TAGS):
            break
        nodes.append(nxt)
    return nodes


def _name_and_link(nodes: list, kp) -> tuple[str, str | None]:
    """Nearest heading (else link) before the contact block within the entry."""
    heading = link = None
    done = False
    for node in nodes:
        for el in node.iter():
            if el is kp:
                done = True
                break
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in sel.HEADING_TAGS:
                heading = el
            elif tag == "a" and not (el.get("href") or "mailto:").startswith("mailto:"):
                link = el
        if done:
            break
    if heading is not None:
        inner = heading.find(".//a[@href]")
        href = inner.get("href") if inner is not None else None
        return norm.clean_text(heading.text_content()), href
    if link is not None:
        return norm.clean_text(link.text_content()), link.get("href")
    return "", None


def _record_id(hrefs: list[str]) -> tuple[str, str] | tuple[None, None]:
    """REHADAT's record id (``?id=ADR0012345``) and the link that carries it."""
    for href in hrefs:
        for value in parse_qs(urlsplit(href).query).get(sel.ENTRY_ID_PARAM, []):
            if sel.ENTRY_ID_RE.match(value.strip()):
                return value.strip(), href
    return None, None


def _read_contact_block(kp, page_host: str, unmatched: list[str] | None = None) -> dict:
    """Fields of one ``p.kontaktdaten`` read by content; person names dropped.

    Lines that no rule used (neither a field nor a known kind) go to ``unmatched``:
    what a maintainer looks at when the live markup differs.
    """
    fields: dict = {"operator": None, "street": None, "plz": None, "city": None,
                    "phone": None, "email": None, "website": None}
    lines = text_lines(kp)
    plz_index = None
    kinds: list[str] = []
    for i, line in enumerate(lines):
        kind = "text"
        if sel.CONTACT_PERSON_RE.match(line):
            kind = "person"  # never stored
        elif m := sel.OPERATOR_RE.match(line):
            kind = "operator"
            fields["operator"] = fields["operator"] or norm.clean_text(m.group(1))
        elif sel.FAX_RE.match(line):
            kind = "fax"
        elif m := sel.PHONE_RE.match(line):
            kind = "phone"
            fields["phone"] = fields["phone"] or norm.clean_phone(m.group(1))
        elif m := sel.EMAIL_TEXT_RE.match(line):
            kind = "email"
            fields["email"] = fields["email"] or norm.clean_email(m.group(1))
        elif m := sel.WEB_TEXT_RE.match(line):
            kind = "web"
            fields["website"] = fields["website"] or _external_website(m.group(1), page_host)
        elif (sel.BARE_WEB_RE.match(line) or "@" in line
              or norm.looks_like_host(line, strict=True)):
            kind = "web"
        elif (m := sel.PLZ_LINE_RE.match(line)) and plz_index is None:
            kind = "plz"
            plz_index = i
            fields["plz"], fields["city"] = m.group(1), norm.clean_text(m.group(2))
        elif sel.LABELLED_RE.match(line):
            kind = "label"
        kinds.append(kind)
    if plz_index is not None:
        for j in range(plz_index - 1, -1, -1):
            if kinds[j] == "person":
                continue  # a person line between street and PLZ: skip it, never keep it
            if kinds[j] == "text":
                fields["street"] = lines[j]
                kinds[j] = "street"
            break
    if unmatched is not None:
        unmatched.extend(line for line, kind in zip(lines, kinds, strict=True)
                         if kind in ("text", "label"))
    for a in kp.iter("a"):
        href = (a.get("href") or "").strip()
        if href.lower().startswith("mailto:"):
            fields["email"] = norm.clean_email(href) or fields["email"]
        elif not fields["website"]:
            fields["website"] = _website_of_link(href, a.text_content(), page_host)
    if not fields["website"]:
        for line, kind in zip(lines, kinds, strict=True):
            if kind == "web" and (sel.BARE_WEB_RE.match(line)
                                  or norm.looks_like_host(line, strict=True)):
                fields["website"] = _external_website(line, page_host)
                break
    return fields


def _external_website(value: str, page_host: str) -> str | None:
    """``value`` as an https URL, unless it is no host or a link into the portal itself."""
    url = norm.clean_website(value)
    host = urlsplit(url or "").hostname
    if not host or norm.same_site(host, page_host):
        return None
    return url


def _website_of_link(href: str, text: str, page_host: str) -> str | None:
    """A provider's website from a link in the contact block.

    An absolute href counts as it is; a scheme-less href or link text that looks like a
    host name ("ib-beispiel0.example", "www.example.de") is read as https://… . A link
    into the portal (relative paths such as "index.html?id=…" included) is never one.
    """
    if href.lower().startswith(("http://", "https://", "//")) or norm.looks_like_host(href):
        found = _external_website(href, page_host)
        if found:
            return found
    text = norm.clean_text(text)
    if norm.looks_like_host(text) or sel.BARE_WEB_RE.match(text):
        return _external_website(text, page_host)
    return None


def _entry_extras(nodes: list) -> tuple[str | None, tuple[str, ...]]:
    land, services = None, ()
    for line in text_lines(*nodes):
        if land is None and (m := sel.LAND_RE.match(line)):
            land = norm.clean_text(m.group(1))
        elif not services and (m := sel.SERVICES_RE.match(line)):
            services = norm.normalise_services(m.group(1))
    return land, services


def _read_entry(
    kp, nodes: list, url: str, category: str, number: int, unmatched: list[str] | None = None
) -> tuple[Provider | None, list[str]]:
    """One entry: its record, or None and the reasons (no name, no PLZ)."""
    page_host = urlsplit(url).hostname or ""
    name, href = _name_and_link(nodes, kp)
    lines: list[str] = []
    fields = _read_contact_block(kp, page_host, lines)
    label = f"entry {number} ({name!r})" if name else f"entry {number}"
    if unmatched is not None:
        unmatched.extend(f"{label}: {line!r}" for line in lines)
    problems = []
    if not name:
        problems.append(f"{label}: no name (no heading or link before p.kontaktdaten)")
    if not fields["plz"]:
        problems.append(f"{label}: no PLZ line (5 digits then the Ort)")
    if problems:
        return None, problems
    # REHADAT's id only from links into the site itself (a provider's own website
    # may carry an ?id= of its own).
    links = [href] if href else []
    links += [a.get("href", "") for node in nodes for a in node.iter("a")]
    links = [norm.strip_session(link.strip()) for link in links]
    links = [link for link in links if urlsplit(urljoin(url, link)).hostname == page_host]
    record_id, id_href = _record_id(links)
    land, services = _entry_extras(nodes)
    href = href or id_href
    return Provider(
        category=category,
        source_id=record_id or fallback_source_id(category, name, fields["plz"],
                                                  fields["street"]),
        name=name,
        land_listed=land,
        services=services,
        source_url=norm.strip_session(urljoin(url, href.strip())) if href else None,
        **fields,
    ), []


def parse_listing(
    html: bytes | str, url: str, category: str, *, content_type: str | None = None
) -> ListingPage:
    """Parse one listing page.

    Raises :class:`ParseError` when the page is not a listing at all (no hit count and
    no entries, e.g. an error page served with 200). Entries without a name or PLZ are
    left out of ``records`` and named in ``problems``.
    """
    if category not in CATEGORIES:
        raise ParseError(f"unknown category {category!r}; one of {', '.join(CATEGORIES)}", url)
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        raise ParseError("empty page", url)
    text, problems = decode_page(html, content_type)
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML: {exc}", url) from exc

    url = norm.strip_session(url) or url
    page = ListingPage(url=url, category=category, problems=problems)
    page.expected_total = read_total(doc)
    page.next_page, page.page_base = read_pagination(doc, url)
    blocks = doc.xpath(sel.KONTAKTDATEN_XPATH)
    page.entries_found = len(blocks)
    if page.expected_total is None and not blocks:
        title = norm.clean_text(doc.findtext(".//title")) or "no title"
        raise ParseError(
            f"not a listing page (title {title!r}): no hit count ('… Treffer') "
            "and no entries (p.kontaktdaten)",
            url,
        )
    if page.expected_total is None:
        page.problems.append("no hit count ('… Treffer') on the page")
    if not sel.HTML_END_RE.search(raw[-2048:]):
        page.problems.append("page is truncated: no closing </html> tag at its end")

    counts: Counter = Counter()
    for kp in blocks:
        for anc in kp.iterancestors():
            counts[anc] += 1
    block_set = set(blocks)
    for number, kp in enumerate(blocks, start=1):
        record, entry_problems = _read_entry(kp, _entry_nodes(kp, counts, block_set), url,
                                             category, number, page.unmatched)
        page.problems.extend(entry_problems)
        if record is not None:
            page.records.append(record)
    return page


def find_category_link(
    html: bytes | str, url: str, title: str, *, content_type: str | None = None
) -> str | None:
    """On the overview page, the absolute URL of the link titled ``title`` (case and
    whitespace ignored; an exact title wins over a link that merely contains it)."""
    text, _ = decode_page(html, content_type)
    if not text.strip():
        return None
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None
    wanted = norm.clean_text(title).casefold()
    partial = None
    for a in doc.xpath(sel.OVERVIEW_LINKS_XPATH):
        shown = norm.clean_text(a.text_content() or a.get("title")).casefold()
        href = norm.strip_session(urljoin(url, a.get("href").strip()))
        if shown == wanted:
            return href
        if partial is None and wanted in shown:
            partial = href
    return partial
