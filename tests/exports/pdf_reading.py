"""Reading a PDF back the way assistive technology does: language, title, structure tree,
figure alternatives, text in content order (pypdf only; no code of the project)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


def open_pdf(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def language(reader: PdfReader) -> str | None:
    lang = reader.trailer["/Root"].get("/Lang")
    return None if lang is None else str(lang)


def outline(reader: PdfReader) -> list[tuple[int, str, str | None]]:
    """(depth, structure type without "/", /Alt or None) for every structure element, in
    document order; [] for an untagged PDF."""
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return []
    found: list[tuple[int, str, str | None]] = []

    def walk(node: object, depth: int) -> None:
        if isinstance(node, IndirectObject):
            node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, depth)
            return
        if not isinstance(node, DictionaryObject):
            return
        if "/S" in node:
            alt = node.get("/Alt")
            found.append((depth, str(node["/S"])[1:], None if alt is None else str(alt)))
            depth += 1
        if "/K" in node:
            walk(node["/K"], depth)

    walk(root["/StructTreeRoot"].get_object()["/K"], 0)
    return found


def outline_text(reader: PdfReader, skip: tuple[str, ...] = ("Span", "NonStruct")) -> str:
    """The outline as an indented list (for reports), without the inline wrappers."""
    return "\n".join("  " * depth + kind + (f"  /Alt: {alt[:70]}…" if alt else "")
                     for depth, kind, alt in outline(reader) if kind not in skip)


def text_of(reader: PdfReader) -> str:
    """All pages' text, whitespace collapsed, in the order the content draws it."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def in_order(text: str, parts: list[str]) -> bool:
    """True if every part occurs in `text`, each after the one before."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
