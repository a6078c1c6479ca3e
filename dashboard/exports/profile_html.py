"""The region profile as an HTML document with a print stylesheet, for the accessible PDF.

Built from the profile's own content (dashboard.model.profile: title, paragraph, the three
categories side by side, the history, the citation) so the PDF reads like the page: a real
heading, a paragraph, tables with header cells, the locator map as an image whose text
alternative is the generated position text (dashboard.text.region_position), and the sources.
The source order is the visual order, which is also the PDF's reading order. Every text is
escaped: names come from the reference geography and the source, never trusted as markup.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from dashboard.model import metrics as m
from dashboard.model.profile import RegionProfile, figure_cells
from dashboard.text.i18n import fmt_date, fmt_number, t

# A4 with 14 mm margins; the sizes keep the page to one sheet at 401 Kreise's longest names
# and a history of a dozen snapshots (test_the_profile_pdf_stays_on_one_page).
STYLE = """
@page { size: A4; margin: 14mm 14mm 12mm 14mm; }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt;
       color: #1a1a1a; line-height: 1.35; }
body { margin: 0; }
.kicker { margin: 0; font-size: 9pt; color: #444; letter-spacing: 0.04em; }
.caution { font-size: 8.5pt; margin: 1mm 0 0 0; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm 0; }
.facts { margin: 0 0 3mm 0; color: #333; }
.demo { margin: 0 0 3mm 0; padding: 1.5mm 3mm; border: 1px solid #8a5a00;
        background: #fff4d6; font-weight: bold; }
.lead { font-size: 10.5pt; margin: 0 0 2mm 0; }
.top { display: flex; gap: 6mm; align-items: flex-start; }
.top > section { flex: 1 1 auto; }
figure { flex: 0 0 58mm; margin: 0; }
figure img { width: 58mm; height: auto; display: block; }
figcaption { font-size: 8.5pt; color: #333; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; }
table.history { width: 70%; }
caption { text-align: left; font-size: 8.5pt; color: #333; padding-bottom: 1mm; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 1mm 1.5mm; vertical-align: top; }
thead th { background: #e6e6e6; text-align: right; }
thead th:first-child { text-align: left; }
td { text-align: right; white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; }
.cite { font-size: 8.5pt; margin: 1mm 0 0 0; }
footer { margin-top: 5mm; padding-top: 2mm; border-top: 0.5pt solid #999; font-size: 8pt;
         color: #333; }
footer p { margin: 0 0 0.8mm 0; }
"""


@dataclass(frozen=True)
class ProfileDocument:
    """Everything the document shows, already in the reader's language."""

    lang: str
    title: str  # "Regionalprofil: Landkreis Rosenheim (Bayern)"
    heading: str  # the region's title, the page's H1
    facts: str  # population (and Land)
    date_line: str  # the snapshot's date, as the other exports print it
    paragraph: str
    history: list[dict]  # profile.history rows, oldest first
    map_svg: str
    map_alt: str  # the generated position text
    map_caption: str
    citation: str
    source_lines: tuple[str, ...]  # source line, then the licence attributions
    demo_note: str | None  # "Beispieldaten …" for demo data, else None


def profile_html(doc: ProfileDocument, profile: RegionProfile) -> str:
    """The whole document: `<html lang>` and `<title>` give the PDF its /Lang and /Title."""
    lang = doc.lang
    demo = f'<p class="demo">{escape(doc.demo_note)}</p>' if doc.demo_note else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        # WeasyPrint writes the description as the PDF's /Subject (the paragraph)
        f'<meta name="description" content="{escape(doc.paragraph, quote=True)}">',
        f"<style>{STYLE}</style></head><body>",
        "<header>",
        f'<p class="kicker">{escape(t("profile.kicker", lang))}</p>',
        f"<h1>{escape(doc.heading)}</h1>",
        f'<p class="facts">{escape(doc.facts)}<br>{escape(doc.date_line)}</p>',
        demo,
        "</header><main>",
        f'<p class="lead">{escape(doc.paragraph)}</p>',
        '<div class="top"><section>',
        f"<h2>{escape(t('profile.figures.heading', lang))}</h2>",
        figures_table(profile, lang),
        "</section>",
        _figure(doc),
        "</div>",
        f"<h2>{escape(t('profile.history.heading', lang))}</h2>",
        history_table(doc.history, lang),
        f"<h2>{escape(t('profile.cite.heading', lang))}</h2>",
        f'<p class="cite">{escape(doc.citation)}</p>',
        "</main><footer>",
        *(f"<p>{escape(line)}</p>" for line in doc.source_lines),
        "</footer></body></html>",
    ]
    return "".join(parts)


def figures_table(profile: RegionProfile, lang: str) -> str:
    """The three categories side by side: column headers per category, a row header per
    measure (the same cells as the page's table)."""
    cells = figure_cells(profile, lang)
    peers = cells.pop("_peers")["text"]
    labels = {"count": t("profile.row.count", lang), "per_100k": t("profile.row.per_100k", lang),
              "rank": t("profile.row.rank", lang, peers=peers),
              "national": t("profile.row.national", lang)}
    head = [t("profile.row.measure", lang)] + [t(f"category.{c}.short", lang)
                                               for c in m.CATEGORIES]
    rows = [[labels[key]] + [cells[key][c] for c in m.CATEGORIES] for key in cells]
    caption = t("profile.figures.caption", lang, date=fmt_date(profile.taken_at, lang))
    table = _table(caption, head, rows)
    if profile.level != "de" and any(f.fragile for f in profile.categories):
        # the ⚠ in the cells, explained as on the page
        note = "⚠ " + t("map.fragile.note", lang, n=m.FRAGILE_MIN)
        table += f'<p class="caution">{escape(note)}</p>'
    return table


def history_table(rows: list[dict], lang: str) -> str:
    """One row per snapshot of the served series: its date (row header), then the counts."""
    head = [t("profile.history.date", lang)] + [t(f"category.{c}.short", lang)
                                                for c in m.CATEGORIES]
    body = [
        [fmt_date(row["taken_at"], lang)]
        + [t("map.not_recorded", lang) if row[c] is None else fmt_number(row[c], lang)
           for c in m.CATEGORIES]
        for row in rows
    ]
    return _table(t("profile.history.caption", lang), head, body, "history")


def _table(caption: str, head: list[str], rows: list[list[str]], kind: str = "") -> str:
    header = "".join(f'<th scope="col">{escape(text)}</th>' for text in head)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
        for row in rows
    )
    return (f'<table class="{kind}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")


def _figure(doc: ProfileDocument) -> str:
    source = "data:image/svg+xml;base64," + base64.b64encode(doc.map_svg.encode()).decode()
    return (f'<figure><img src="{source}" alt="{escape(doc.map_alt, quote=True)}">'
            f"<figcaption>{escape(doc.map_caption)}</figcaption></figure>")
