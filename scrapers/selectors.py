"""Every selector and pattern the parser uses, in one place.

Only ``p.kontaktdaten`` (and ``span.telefon`` inside it) are confirmed from the live
site (rehadat.md). Everything else is read by content: a PLZ line, a "Träger:"
label, a ``mailto:`` link. Guessed class names appear here only as *hints* that
are tried first and never required. When the live site differs, this is the one
module to change.
"""

from __future__ import annotations

import re

# --- Entries (confirmed) ---
KONTAKTDATEN_XPATH = (
    "//p[contains(concat(' ', normalize-space(@class), ' '), ' kontaktdaten ')]"
)
# Elements that usually wrap exactly one entry; the nearest one holding a single
# kontaktdaten block is the entry. Without one, the largest single-entry ancestor.
ENTRY_TAGS = frozenset({"li", "article", "tr", "section", "div", "dd"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end a line of text, like <br> (spans with these hint classes too).
BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
     "address", "section", "article", "tr", "td", "th", "table"}
)
LINE_CLASS_HINTS = frozenset({"telefon", "fax", "email", "internet", "strasse", "ort", "traeger"})

# --- Hit count ("1.020 Treffer", "Keine Treffer") ---
TOTAL_HINT_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' trefferanzahl ')]"
)
# "1.020 Treffer", "1 bis 20 von 1.020 Treffern", "95 Ergebnisse"
TOTAL_RE = re.compile(
    r"(?<![\d.])(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:Treffer|Ergebnis)(?:n|se|sen)?\b", re.I
)
NO_HITS_RE = re.compile(r"\b(?:Keine|0)\s+(?:Treffer|Ergebnisse)\b", re.I)

# --- Pagination ---
NEXT_HINT_XPATH = (
    "//a[@href][contains(concat(' ', normalize-space(@class), ' '), ' weiter ')"
    " or contains(concat(' ', normalize-space(@rel), ' '), ' next ')]"
)
NEXT_TEXT_RE = re.compile(r"^(?:weiter|nächste(?:\s+seite)?|vor|next|›|»|>)\s*[›»>]?$", re.I)
ALL_LINKS_XPATH = "//a[@href]"
# The listing's page parameter (rehadat.md: "page=2"; whether it counts from 0 or 1 is
# learned from the page's own links). Numbered page links ("1 2 3") carry it too.
PAGE_PARAM = "page"
PAGE_LABEL_RE = re.compile(r"^\d{1,4}$")

# --- Fields inside an entry, by content ---
PLZ_LINE_RE = re.compile(r"^(?:D-\s*)?(\d{5})\s+(\S.*)$")
OPERATOR_RE = re.compile(r"^Träger(?:in)?\s*:\s*(.+)$", re.I)
PHONE_RE = re.compile(r"^(?:Telefon|Tel\.?|Fon|Phone)\s*[:.]?\s*(.+)$", re.I)
FAX_RE = re.compile(r"^(?:Telefax|Fax)\b", re.I)
EMAIL_TEXT_RE = re.compile(r"^E-?Mail\s*:\s*(\S+@\S+)$", re.I)
WEB_TEXT_RE = re.compile(r"^(?:Internet|Web(?:site|seite)?|Homepage)\s*:\s*(\S+)$", re.I)
BARE_WEB_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A host name written without a scheme ("ib-beispiel0.example", "beispiel.de/kontakt"),
# as hand-kept directories write websites. Labels, a TLD of letters, optional port/path.
# Letters may be any (internationalised names such as "görlitz-werk.de").
HOST_LIKE_RE = re.compile(
    r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?P<tld>[^\W\d_][\w-]{1,62})\.?"
    r"(?::\d{1,5})?(?:[/?#]\S*)?$"
)
# "index.html", "detail.php?id=1" look like host names too: these endings are files.
FILE_SUFFIXES = frozenset(
    {"html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "jspx", "cfm", "do",
     "action", "cgi", "pl", "pdf", "doc", "docx", "xls", "xlsx", "odt", "txt", "xml", "json",
     "csv", "zip", "jpg", "jpeg", "png", "gif", "svg", "css", "js"}
)
# A plain text line (not a link) is taken as a website only with one of these TLDs,
# so "St.Georg" or "e.Kfm" in an address never becomes one.
TEXT_HOST_TLDS = frozenset(
    {"de", "com", "org", "net", "eu", "info", "biz", "at", "ch", "example", "berlin",
     "hamburg", "bayern", "nrw", "koeln", "ruhr", "saarland", "sachsen", "online", "social"}
)
# Java servlet session ids in URLs (";jsessionid=089715457E9DC8CA8080F2DB1210A47F").
SESSION_ID_RE = re.compile(r";jsessionid=[^?#/;]*", re.I)
LAND_RE = re.compile(r"^Bundesland\s*:\s*(.+)$", re.I)
SERVICES_RE = re.compile(r"^Angebote?\s*:\s*(.+)$", re.I)
# Lines naming a person: dropped, never stored (data protection).
CONTACT_PERSON_RE = re.compile(
    r"^(?:Ansprechpartner(?:in|\*in|/in|:in)?|Ansprechperson|Ansprechpartner\(in\)"
    r"|Kontakt(?:person)?|Kontaktperson|Leitung|Geschäftsführ\w*)\s*:"
    r"|^(?:Frau|Herr|Hr\.|Fr\.)\s+\S|^z\.\s*Hd\.?\s",
    re.I,
)
# Any "Label: value" line we do not know: never mistaken for a street.
LABELLED_RE = re.compile(r"^[A-Za-zÄÖÜäöüß][\w\s/().-]{0,30}:\s")
ENTRY_ID_PARAM = "id"
ENTRY_ID_RE = re.compile(r"^[A-Za-z]{0,5}\d+[\w-]*$")

# --- Services, normalised to the three names ---
SERVICE_SPLIT_RE = re.compile(r"\s*(?:,|;|/|\bund\b|\|)\s*")
SERVICE_KEYWORDS = (
    ("eingang", "Eingangsverfahren"),
    ("berufsbildung", "Berufsbildungsbereich"),
    ("arbeitsbereich", "Arbeitsbereich"),
)

# --- Pages that are not listings / are cut off ---
HTML_END_RE = re.compile(rb"</html\s*>", re.I)

# --- Overview page: a category's link by its German title ---
OVERVIEW_LINKS_XPATH = "//a[@href]"

# --- Declared encodings ---
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
