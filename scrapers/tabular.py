"""Reading a hand-kept list: CSV in any common delimiter and encoding, or XLSX.

Cells come back as text with the file's own line (CSV) or row (XLSX) number, so every
problem can be reported where a person would look for it. Numbers from spreadsheets keep
what they say: 1067.0 → "1067" (the importer decides what a 4-digit PLZ means).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from scrapers.exceptions import TableError

DELIMITERS = ";,\t|"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Table:
    """The rows of a list, each with the line (CSV) or row (XLSX) it came from."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    description: str = ""  # "CSV, Windows-1252, ';'" / "XLSX, sheet 'Tabelle1'"


def cell_text(value: Any) -> str:
    """A cell as text: None → '', 1067.0 → '1067', dates as ISO, text trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return str(value).strip()


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding's name: a BOM wins, then UTF-8, else Windows-1252 (Excel's
    "CSV" on German Windows), else Latin-1, which decodes any byte."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), "UTF-8" if name == "utf-8-sig" else "UTF-16"
    for name, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(name), label
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines: csv.Sniffer, checked; else the most frequent one."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
        first = next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])
        if len(first) > 1:
            return delimiter
    except csv.Error:
        pass
    counts = {d: sample.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise TableError("only one column found (no ';', ',', tab or '|' between values)")
    return best


def _read_csv(data: bytes) -> Table:
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = Table(description=f"CSV, {encoding}, delimiter {delimiter!r}")
    start = 1
    for cells in reader:
        table.rows.append((start, [cell_text(c) for c in cells]))
        start = reader.line_num + 1  # a quoted cell may span lines: the row's first line
    return table


def _read_xlsx(path: Path) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError(f"{path}: not a readable XLSX file ({type(exc).__name__}: {exc})") \
            from exc
    try:
        sheet = book.worksheets[0]
        table = Table(description=f"XLSX, sheet {sheet.title!r}")
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            table.rows.append((number, [cell_text(v) for v in values]))
    finally:
        book.close()
    return table


def read_table(path: Path) -> Table:
    """Every row of the file (the first sheet of an XLSX), header row included."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise TableError(f"{path}: the file is empty")
    if path.suffix.lower() in XLSX_SUFFIXES or data.startswith(ZIP_MAGIC):
        return _read_xlsx(path)
    if path.suffix.lower() == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(f"{path}: old Excel format (.xls); save it as .xlsx or CSV")
    try:
        return _read_csv(data)
    except csv.Error as exc:
        raise TableError(f"{path}: not a readable CSV file ({exc})") from exc
