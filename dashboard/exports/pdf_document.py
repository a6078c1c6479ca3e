"""HTML documents to accessible PDF through WeasyPrint (PDF/UA-1: tagged, /Lang, /Title).

Chosen over Chromium's tagged printing after measuring both on the region profile
(`bench/profile_pdf.py`): WeasyPrint writes the PDF/UA identifier, table header and body
groups (THead/TBody) and an XMP title, needs no browser process, and was several times faster
and smaller. Only `data:` URLs are fetched: a document never reaches the network or the disk.
"""

from __future__ import annotations

from dashboard.exports.errors import ExportError

PDF_VARIANT = "pdf/ua-1"


def _fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), fail_on_errors=True)


def html_to_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of `html` and its number of pages. `<html lang>` becomes /Lang, `<title>` the
    /Title (shown as the window title), headings, tables and `<img alt>` tagged structure."""
    try:
        import weasyprint
    except ImportError as exc:  # a broken install: say what is missing, not a trace
        raise ExportError(f"PDF-Export braucht WeasyPrint: {exc}") from exc
    from weasyprint.urls import FatalURLFetchingError

    try:
        document = weasyprint.HTML(string=html, url_fetcher=_fetcher()).render(
            pdf_variant=PDF_VARIANT
        )
    except FatalURLFetchingError as exc:
        raise ExportError(f"PDF-Dokument: nur eingebettete Daten erlaubt ({exc}).") from exc
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)
