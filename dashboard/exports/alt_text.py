"""The text alternative written into exported images, so it travels with the file:
SVG `<title>`/`<desc>`, PNG text chunks (`Title`, `Description`; iTXt, UTF-8), PDF document
information (`/Title`, `/Subject`) and, for screen readers, the Figure's `/Alt` in the structure
tree with the document's `/Lang` (dashboard.exports.pdf_tags). Pure byte transformations; the
image is not redrawn."""

from __future__ import annotations

import struct
import zlib
from xml.sax.saxutils import escape

from dashboard.exports.pdf_tags import tag_figure_pdf

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def embed_description(
    content: bytes, fmt: str, title: str, description: str, lang: str = "de"
) -> bytes:
    """`content` (an image in `fmt`: png, svg or pdf) carrying `title` and `description`
    (`lang`: the language of both, written into a PDF as its /Lang)."""
    if fmt == "svg":
        return _svg(content, title, description)
    if fmt == "png":
        return _png(content, {"Title": title, "Description": description})
    if fmt == "pdf":
        return tag_figure_pdf(content, title, description, lang)
    raise ValueError(f"fmt must be png, svg or pdf, not {fmt!r}")


def _svg(content: bytes, title: str, description: str) -> bytes:
    text = content.decode("utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0:
        raise ValueError("not an SVG document: no <svg> element")
    inner = f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
    return (text[: end + 1] + inner + text[end + 1:]).encode("utf-8")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


def _png(content: bytes, texts: dict[str, str]) -> bytes:
    if not content.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    ihdr_end = len(_PNG_SIGNATURE) + 8 + struct.unpack(">I", content[8:12])[0] + 4
    # iTXt: keyword, 0, compression flag 0, method 0, language "", 0, translated keyword "", 0
    chunks = b"".join(
        _chunk(b"iTXt", key.encode("latin-1") + b"\x00\x00\x00\x00\x00" + value.encode("utf-8"))
        for key, value in texts.items()
    )
    return content[:ihdr_end] + chunks + content[ihdr_end:]


def png_texts(content: bytes) -> dict[str, str]:
    """The tEXt/iTXt entries of a PNG (for tests and for reading an export back)."""
    found: dict[str, str] = {}
    pos = len(_PNG_SIGNATURE)
    while pos < len(content):
        length = struct.unpack(">I", content[pos:pos + 4])[0]
        kind, data = content[pos + 4:pos + 8], content[pos + 8:pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = data.partition(b"\x00")
            found[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\x00")
            rest = rest[2:]  # compression flag and method (always 0 here)
            _lang, _, rest = rest.partition(b"\x00")
            _translated, _, value = rest.partition(b"\x00")
            found[key.decode("latin-1")] = value.decode("utf-8")
        pos += 12 + length
    return found
