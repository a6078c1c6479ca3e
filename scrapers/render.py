"""Write listing pages in the reconstructed REHADAT markup (rehadat.md).

Used by the loopback tests, the parse benchmark and the demo generator
(scrapers/demo.py): what the parser reads is exactly what this module writes.
Every value is HTML-escaped; characters the target encoding lacks become
numeric character references, as a real server would send them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import urlencode

from scrapers.records import Provider

DEFAULT_SLUGS = {
    "ala": "andere-leistungsanbieter",
    "wfbm": "werkstaetten-fuer-behinderte-menschen",
    "ib": "inklusionsbetriebe",
}
DEFAULT_TITLES = {
    "ala": "Andere Leistungsanbieter",
    "wfbm": "Werkstätten für behinderte Menschen",
    "ib": "Inklusionsbetriebe",
}


def format_total(total: int) -> str:
    """'1.020 Treffer' with the German thousands separator; 'Keine Treffer' for 0."""
    if total == 0:
        return "Keine Treffer"
    return f"{total:,} Treffer".replace(",", ".")


def page_url(base_url: str, category: str, page: int, *, slug: str | None = None) -> str:
    """A listing URL shaped like the site's Solr-style query (rehadat.md, "Confirmed")."""
    slug = slug or DEFAULT_SLUGS[category]
    title = DEFAULT_TITLES[category]
    query = urlencode(
        {
            "mode": "detail",
            "filter": f'(art_adr:(("{title}" {title.split()[0]}*))) AND doc_type:ADR',
            "reloaded": "",
            "sort": "sort_name1_adr asc",
            "page": str(page),
            "listtitle": f"{title} bei REHADAT",
        }
    )
    return f"{base_url.rstrip('/')}/adressen/arbeit-beschaeftigung/{slug}/index.html?{query}"


def _entry_href(record: Provider) -> str | None:
    if record.source_url:
        return record.source_url
    if record.source_id.startswith("hash:"):
        return None  # no REHADAT id: the entry has no detail link
    slug = DEFAULT_SLUGS[record.category]
    return f"/adressen/arbeit-beschaeftigung/{slug}/index.html?id={record.source_id}&mode=detail"


def render_entry(record: Provider, *, phone_label: str = "Telefon:") -> str:
    """One ``li.eintrag`` for a record; optional fields are left out when empty."""
    e = escape
    href = _entry_href(record)
    heading = f'<a href="{e(href)}">{e(record.name)}</a>' if href else e(record.name)
    lines: list[str] = []
    if record.operator:
        lines.append(f"Träger: {e(record.operator)}")
    if record.street:
        lines.append(e(record.street))
    lines.append(f"{e(record.plz)} {e(record.city)}")
    if record.phone:
        lines.append(f'<span class="telefon">{e(phone_label)} {e(record.phone)}</span>')
    if record.email:
        lines.append(
            f'<span class="email"><a href="mailto:{e(record.email)}">{e(record.email)}</a></span>'
        )
    if record.website:
        shown = record.website.split("://", 1)[-1].rstrip("/")
        lines.append(
            f'<span class="internet"><a href="{e(record.website)}">{e(shown)}</a></span>'
        )
    parts = [
        '  <li class="eintrag">',
        f"    <h3>{heading}</h3>",
        '    <p class="kontaktdaten">\n      ' + "<br>\n      ".join(lines) + "\n    </p>",
    ]
    if record.land_listed:
        parts.append(f'    <p class="bundesland">Bundesland: {e(record.land_listed)}</p>')
    if record.services:
        parts.append(f'    <p class="angebot">Angebot: {e(", ".join(record.services))}</p>')
    parts.append("  </li>")
    return "\n".join(parts)


def _document(title: str, body: str, encoding: str) -> bytes:
    html = (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n'
        f'<meta charset="{escape(encoding)}">\n'
        f"<title>{escape(title)} - REHADAT-Adressen</title>\n"
        "</head>\n<body>\n"
        '<header><a href="/">REHADAT-Adressen</a></header>\n'
        f'<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n'
        "<footer>Institut der deutschen Wirtschaft Köln</footer>\n"
        "</body>\n</html>\n"
    )
    return html.encode(encoding, errors="xmlcharrefreplace")


def render_listing_page(
    records: Iterable[Provider],
    *,
    total: int,
    next_url: str | None,
    encoding: str = "utf-8",
    prev_url: str | None = None,
    title: str | None = None,
    phone_label: str = "Telefon:",
    page_links: Mapping[int, str] | None = None,
    current: int | None = None,
) -> bytes:
    """One listing page: hit count, ``ol.ergebnisliste`` of entries, pagination links.

    ``next_url`` becomes ``a.weiter`` (none on the last page); ``prev_url`` a
    "zurück" link, which the parser must not mistake for the next page.
    ``page_links`` (label → URL) adds numbered page links, the ``current`` label shown
    as plain text, as sites do that have no "weiter" link.
    """
    records = list(records)
    if title is None:
        title = DEFAULT_TITLES[records[0].category] if records else "Suchergebnis"
    body = [f'<p class="trefferanzahl">{format_total(total)}</p>']
    if records:
        body.append('<ol class="ergebnisliste">')
        body.extend(render_entry(r, phone_label=phone_label) for r in records)
        body.append("</ol>")
    nav = []
    if prev_url:
        nav.append(f'<a class="zurueck" href="{escape(prev_url)}">zurück</a>')
    for label, href in sorted((page_links or {}).items()):
        nav.append(f"<strong>{label}</strong>" if label == current
                   else f'<a href="{escape(href)}">{label}</a>')
    if next_url:
        nav.append(f'<a class="weiter" href="{escape(next_url)}">weiter</a>')
    if nav:
        body.append('<div class="blaettern">' + " ".join(nav) + "</div>")
    return _document(title, "\n".join(body), encoding)


def render_overview_page(links: Mapping[str, str], *, encoding: str = "utf-8") -> bytes:
    """The ``…/adressen/arbeit-beschaeftigung/`` overview: German title → href."""
    items = "\n".join(
        f'  <li><a href="{escape(href)}">{escape(title)}</a></li>' for title, href in links.items()
    )
    return _document("Arbeit und Beschäftigung", f"<ul>\n{items}\n</ul>", encoding)


def render_error_page(message: str = "Die Suche ist derzeit nicht verfügbar.") -> bytes:
    """An error page as some servers send it: status 200, no hit count, no entries."""
    return _document("Fehler", f'<p class="fehler">{escape(message)}</p>', "utf-8")
