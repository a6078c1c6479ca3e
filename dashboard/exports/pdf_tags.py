"""Accessible tags for a rendered map or chart PDF: /Lang, /Title and the figure's /Alt.

Chromium (through kaleido) already writes a structure tree for an exported figure, one Figure
element around the whole drawing, but with `/Lang en-US` whatever the language and no text
alternative. This module sets the document language, the title (shown as the window title),
and the generated description as the Figure's /Alt, the property a screen reader reads for a
figure (PDF 1.7, 14.9.3). A PDF without a structure tree gets one: its page content is marked
as one Figure under a Document element, so the result is tagged either way. Pure bytes in,
bytes out (pypdf); the drawing itself is not changed.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

LANGS = ("de", "en")


def tag_figure_pdf(content: bytes, title: str, alt: str, lang: str) -> bytes:
    """`content` (a PDF of one figure) with /Lang `lang`, /Title `title`, /Subject and the
    Figure's /Alt `alt`; raises ValueError for another language or an empty text."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not title.strip() or not alt.strip():
        raise ValueError("a tagged figure needs a title and a text alternative")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(lang)
    root[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(True)})
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    figures = _figures(root["/StructTreeRoot"]) if "/StructTreeRoot" in root else []
    if not figures:
        figures = [_mark_pages_as_figures(writer)[0]]
    # the outermost Figure holds the drawing: its /Alt stands for all of it
    figures[0][NameObject("/Alt")] = TextStringObject(alt)
    writer.add_metadata({"/Title": title, "/Subject": alt})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _figures(node: object) -> list[DictionaryObject]:
    """The Figure structure elements under `node`, outermost first (document order)."""
    found: list[DictionaryObject] = []
    pending = [node]
    while pending:
        item = pending.pop(0)
        if isinstance(item, IndirectObject):
            item = item.get_object()
        if isinstance(item, ArrayObject):
            pending = list(item) + pending
            continue
        if not isinstance(item, DictionaryObject):
            continue  # a marked-content id (a number)
        if item.get("/S") == "/Figure":
            found.append(item)
        if "/K" in item:
            pending.append(item["/K"])
    return found


def _mark_pages_as_figures(writer: PdfWriter) -> list[DictionaryObject]:
    """A structure tree for an untagged PDF: each page's content as one Figure (MCID 0)."""
    root_ref = writer._add_object(DictionaryObject({NameObject("/Type"):
                                                    NameObject("/StructTreeRoot")}))
    tree = root_ref.get_object()
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document"),
                                 NameObject("/P"): root_ref})
    document_ref = writer._add_object(document)
    kids, nums, figures = ArrayObject(), ArrayObject(), []
    for index, page in enumerate(writer.pages):
        contents = page.get_contents()  # None on a blank page
        drawing = contents.get_data() if contents is not None else b""
        stream = DecodedStreamObject()
        stream.set_data(b"/Figure <</MCID 0>> BDC\n" + drawing + b"\nEMC\n")
        page.replace_contents(stream)
        page[NameObject("/StructParents")] = NumberObject(index)
        figure = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                   NameObject("/S"): NameObject("/Figure"),
                                   NameObject("/P"): document_ref,
                                   NameObject("/Pg"): page.indirect_reference,
                                   NameObject("/K"): NumberObject(0)})
        figure_ref = writer._add_object(figure)
        kids.append(figure_ref)
        nums += [NumberObject(index), ArrayObject([figure_ref])]
        figures.append(figure)
    document[NameObject("/K")] = kids
    tree[NameObject("/K")] = document_ref
    tree[NameObject("/ParentTree")] = DictionaryObject({NameObject("/Nums"): nums})
    tree[NameObject("/ParentTreeNextKey")] = NumberObject(len(writer.pages))
    writer.root_object[NameObject("/StructTreeRoot")] = root_ref
    return figures
