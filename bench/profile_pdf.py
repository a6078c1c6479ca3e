"""The region profile PDF: WeasyPrint (the engine used) against Chromium's tagged printing.

    .venv/bin/python bench/profile_pdf.py [--rounds N] [--db URL] [--code ARS]

Both engines print the same HTML document (dashboard.exports.profile_html) for one profile.
Prints per engine: the first print in this process (cold: imports, fonts, a Chromium start),
the median of the rest (warm), the file size, and what a screen reader gets (/Lang, structure
elements, TH cells, Figures with /Alt, pages). Then the whole `profile_pdf` call (data,
document, print) cold and warm. Chromium runs as Debian's binary with `--export-tagged-pdf`
(one process per print, as a command line must; the DevTools `generateTaggedPDF` of a kept
browser would save its start). Without --db a temporary demo store is built.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _demo_store import demo_url  # noqa: E402

import store  # noqa: E402
from dashboard.exports.chromium import QUIET_FLAGS, find_chromium  # noqa: E402
from dashboard.exports.pdf_document import html_to_pdf  # noqa: E402
from dashboard.exports.profile_html import profile_html  # noqa: E402
from dashboard.exports.profile_pdf import profile_document, profile_pdf  # noqa: E402
from dashboard.model.data import AtlasData  # noqa: E402


def weasyprint_pdf(html: str) -> bytes:
    return html_to_pdf(html)[0]


def chromium_pdf(html: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        source, target = Path(folder) / "profile.html", Path(folder) / "profile.pdf"
        source.write_text(html, encoding="utf-8")
        sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
        subprocess.run(
            [find_chromium(), "--headless", *sandbox, *QUIET_FLAGS, "--no-pdf-header-footer",
             "--export-tagged-pdf", "--proxy-server=http://127.0.0.1:9",
             f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}",
             source.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
        return target.read_bytes()


def tags(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    kinds: Counter[str] = Counter()
    alts = 0

    def walk(node: object) -> None:
        nonlocal alts
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                kinds[str(node["/S"])[1:]] += 1
                alts += "/Alt" in node and node["/S"] == "/Figure"
            if "/K" in node:
                walk(node["/K"])

    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"].get_object()["/K"])
    shown = ", ".join(f"{k} {kinds[k]}" for k in ("H1", "H2", "P", "Table", "THead", "TH", "TD")
                      if kinds[k])
    return (f"/Lang {root.get('/Lang')}, pages {len(reader.pages)}, {shown}, "
            f"Figure with /Alt {alts}")


def timed(make, html: str, rounds: int) -> tuple[float, float, bytes]:
    start = time.perf_counter()
    content = make(html)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(rounds):
        start = time.perf_counter()
        make(html)
        warm.append(time.perf_counter() - start)
    return cold, statistics.median(warm), content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db")
    parser.add_argument("--code", default="09187")
    args = parser.parse_args()
    engine = store.connect(demo_url(args.db, "bench-profile-pdf-"))
    data = AtlasData(engine)
    doc, profile = profile_document(data, args.code, data.served(), "de")
    html = profile_html(doc, profile)
    print(f"profile {args.code}, {args.rounds} warm rounds, HTML {len(html) / 1024:.0f} KB")
    for name, make in (("weasyprint", weasyprint_pdf), ("chromium", chromium_pdf)):
        cold, warm, content = timed(make, html, args.rounds)
        print(f"{name:>10}: cold {cold:5.2f} s  warm {warm:5.2f} s  {len(content) / 1024:5.0f} KB"
              f"  {tags(content)}")
    start = time.perf_counter()
    profile_pdf(AtlasData(engine), args.code, None, "en")
    cold = time.perf_counter() - start
    warm = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        profile_pdf(data, args.code, None, "de")
        warm.append(time.perf_counter() - start)
    print(f"profile_pdf (data + document + print): first {cold:.2f} s, "
          f"warm median {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
