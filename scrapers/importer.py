"""Other lists: a CSV/XLSX directory kept by an association or a Land, as a snapshot.

``python -m scrapers import FILE --category … --source NAME --as-of DATE`` reads the file
(``scrapers.tabular``), finds the columns by their usual German headers (or ``--column``),
checks every row (a name and a PLZ that geocodes; reported by line number), geocodes, and
stores one snapshot with origin ``import`` whose source is the list's name. Imported
snapshots form their own series (``store.series_key``): never merged with REHADAT's.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from scrapers import normalise as norm
from scrapers.exceptions import ListImportError
from scrapers.records import CATEGORIES, Provider, fallback_source_id
from scrapers.tabular import Table, read_table

PARSER_VERSION = "import-1"
# Usual headers per field, compared after folding (lower case, ä→ae, ß→ss, no punctuation):
# "E-Mail" → "email", "PLZ/Ort" → "plzort", "Straße u. Hausnr." → "strasseuhausnr".
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "einrichtung", "einrichtungsname", "namedereinrichtung", "bezeichnung",
             "anbieter", "leistungsanbieter", "firma", "firmenname", "werkstatt",
             "werkstaette", "betrieb", "inklusionsbetrieb", "unternehmen", "organisation"),
    "operator": ("traeger", "traegerin", "traegerschaft", "traegerdereinrichtung",
                 "rechtstraeger", "traegername"),
    "street": ("strasse", "str", "strassehausnummer", "strasseundhausnummer",
               "strasseuhausnr", "strassehausnr", "strassenr", "anschrift", "adresse"),
    "house_number": ("hausnummer", "hausnr"),
    "plz": ("plz", "postleitzahl"),
    "city": ("ort", "stadt", "gemeinde", "sitz"),
    "plz_city": ("plzort", "postleitzahlort"),
    "phone": ("telefon", "tel", "telefonnummer", "fon", "rufnummer"),
    "email": ("email", "mail", "emailadresse"),
    "website": ("internet", "website", "webseite", "homepage", "www", "url",
                "internetadresse", "web"),
    "services": ("leistungen", "leistung", "angebot", "angebote", "leistungsangebot",
                 "leistungsangebote"),
    "land_listed": ("bundesland", "land"),
    "source_id": ("id", "kennung", "kennziffer"),
}
FIELDS = tuple(HEADERS)
HEADER_SEARCH_ROWS = 10  # a title line or two may stand above the header
_PLZ_RE = re.compile(r"^\d{5}$")
_PLZ_CITY_RE = re.compile(r"^(?:D-?\s*)?(\d{4,5})\s+(.+)$")


def fold(header: str) -> str:
    """'Straße / Hausnr.' → 'strassehausnr' (how headers are compared)."""
    text = norm.clean_text(header).casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass
class ImportResult:
    """What the list gave: records, the rows refused and why, and how it was read."""

    records: list[Provider] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line of each record
    invalid: list[str] = field(default_factory=list)  # "line 7: no PLZ"
    notes: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field → header used
    ignored: list[str] = field(default_factory=list)  # headers no field took
    header_line: int = 0
    description: str = ""


def _find_header(table: Table, overrides: dict[str, str]) -> tuple[int, list[str]]:
    """The header row: the first of the top rows naming two known fields (or an override)."""
    wanted = {fold(h) for h in overrides.values()}
    known = {alias for aliases in HEADERS.values() for alias in aliases}
    for position, (_line, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        folded = {fold(c) for c in cells if c}
        if len(folded & known) >= 2 or (wanted and wanted <= folded):
            return position, cells
    raise ListImportError(
        "no header row found in the first rows (expected headers such as Name, PLZ, Ort); "
        "name the columns with --column name=HEADER --column plz=HEADER"
    )


def map_columns(headers: list[str], overrides: dict[str, str]) -> tuple[dict[str, int], list[str]]:
    """Field → column index, from ``--column`` first, then the usual headers; and the
    headers no field took. A header named in ``--column`` must exist."""
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise ListImportError(f"--column: unknown field(s) {', '.join(unknown)}; "
                              f"known: {', '.join(FIELDS)}")
    by_fold = {}
    for index, header in enumerate(headers):
        by_fold.setdefault(fold(header), index)
    mapping: dict[str, int] = {}
    for name, header in overrides.items():
        if fold(header) not in by_fold:
            shown = ", ".join(repr(h) for h in headers if h)
            raise ListImportError(f"--column {name}={header}: no such header; the file has "
                                  f"{shown}")
        mapping[name] = by_fold[fold(header)]
    taken = set(mapping.values())
    for name, aliases in HEADERS.items():
        if name in mapping:
            continue
        for alias in aliases:
            if alias in by_fold and by_fold[alias] not in taken:
                mapping[name] = by_fold[alias]
                taken.add(by_fold[alias])
                break
    ignored = [h for i, h in enumerate(headers) if h and i not in taken]
    return mapping, ignored


def _cell(cells: list[str], mapping: dict[str, int], name: str) -> str:
    index = mapping.get(name)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _website(value: str) -> str | None:
    value = norm.clean_text(value)
    if re.match(r"^https?://", value, re.I) or norm.looks_like_host(value):
        return norm.clean_website(value)
    return None


def _row_record(cells: list[str], mapping: dict[str, int], category: str,
                line: int, padded: list[int]) -> tuple[Provider | None, str | None]:
    """One row as a record, or None and why it is invalid."""
    name = norm.clean_text(_cell(cells, mapping, "name"))
    plz, city = _cell(cells, mapping, "plz"), norm.clean_text(_cell(cells, mapping, "city"))
    combined = _cell(cells, mapping, "plz_city")
    if combined and not plz and (m := _PLZ_CITY_RE.match(norm.clean_text(combined))):
        plz, city = m.group(1), city or m.group(2)
    plz = plz.replace(" ", "")
    if re.fullmatch(r"\d{4}", plz):  # a spreadsheet dropped the leading zero of 0xxxx
        plz = "0" + plz
        padded.append(line)
    if not name:
        return None, f"line {line}: no name"
    if not plz and combined:
        return None, f"line {line} ({name!r}): {combined!r} does not start with a 5-digit PLZ"
    if not plz:
        return None, f"line {line} ({name!r}): no PLZ"
    if not _PLZ_RE.match(plz):
        return None, f"line {line} ({name!r}): PLZ {plz!r} is not 5 digits"
    street = norm.clean_text(_cell(cells, mapping, "street"))
    number = norm.clean_text(_cell(cells, mapping, "house_number"))
    street = " ".join(p for p in (street, number) if p) or None
    own_id = norm.clean_text(_cell(cells, mapping, "source_id"))
    return Provider(
        category=category,
        source_id=f"id:{own_id}" if own_id else fallback_source_id(category, name, plz, street),
        name=name,
        plz=plz,
        city=city,
        operator=norm.clean_text(_cell(cells, mapping, "operator")) or None,
        street=street,
        land_listed=norm.clean_text(_cell(cells, mapping, "land_listed")) or None,
        phone=norm.clean_phone(_cell(cells, mapping, "phone")),
        email=norm.clean_email(_cell(cells, mapping, "email")),
        website=_website(_cell(cells, mapping, "website")),
        services=norm.normalise_services(_cell(cells, mapping, "services")),
    ), None


def read_list(path: Path, category: str, overrides: dict[str, str] | None = None
              ) -> ImportResult:
    """Read and check a list (no geocoding, nothing stored)."""
    if category not in CATEGORIES:
        raise ListImportError(f"unknown category {category!r}; one of {', '.join(CATEGORIES)}")
    overrides = overrides or {}
    table = read_table(path)
    position, headers = _find_header(table, overrides)
    mapping, ignored = map_columns(headers, overrides)
    missing = [f for f in ("name",) if f not in mapping]
    if "plz" not in mapping and "plz_city" not in mapping:
        missing.append("plz")
    if missing:
        shown = ", ".join(repr(h) for h in headers if h)
        raise ListImportError(
            f"no column for {' and '.join(missing)} among the headers {shown}; "
            f"name it with --column {missing[0]}=HEADER"
        )
    result = ImportResult(columns={f: headers[i] for f, i in mapping.items()},
                          ignored=ignored, header_line=table.rows[position][0],
                          description=table.description)
    padded: list[int] = []
    first_line: dict[str, int] = {}
    for line, cells in table.rows[position + 1:]:
        if not any(cells):
            continue  # blank rows between blocks are not entries
        record, problem = _row_record(cells, mapping, category, line, padded)
        if problem:
            result.invalid.append(problem)
            continue
        if record.source_id in first_line:
            result.invalid.append(f"line {line} ({record.name!r}): repeats line "
                                  f"{first_line[record.source_id]} (same name, PLZ and street"
                                  f"{' or id' if 'source_id' in mapping else ''})")
            continue
        first_line[record.source_id] = line
        result.records.append(record)
        result.lines.append(line)
    if padded:
        shown = ", ".join(map(str, padded[:10])) + (" …" if len(padded) > 10 else "")
        result.notes.append(f"{len(padded)} PLZ with 4 digits read with a leading 0 "
                            f"(lines {shown})")
    return result


def geocode_checked(result: ImportResult) -> pd.DataFrame:
    """Geocode the records; a PLZ the geocoder does not know makes its row invalid."""
    from scrapers.pipeline import geocode, records_frame

    located = geocode(records_frame(result.records))
    unknown = located["geocode_quality"].eq("none").to_numpy()
    for position in [i for i, bad in enumerate(unknown) if bad]:
        record = result.records[position]
        note = located.iloc[position]["geocode_note"] or "unknown PLZ"
        result.invalid.append(f"line {result.lines[position]} ({record.name!r}): PLZ "
                              f"{record.plz} cannot be placed ({note})")
    keep = ~unknown
    result.records = [r for r, k in zip(result.records, keep, strict=True) if k]
    result.lines = [n for n, k in zip(result.lines, keep, strict=True) if k]
    return located[keep].reset_index(drop=True)


def store_import(
    engine: Engine, path: Path, result: ImportResult, located: pd.DataFrame, *,
    category: str, source: str, as_of: str, source_url: str | None,
) -> int:
    """One snapshot of origin ``import``: taken at the list's date, named by the list."""
    import store

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    expected = {category: len(result.records)}
    meta = {
        "taken_at": as_of,
        "origin": "import",
        "categories": expected,
        "parser_version": PARSER_VERSION,
        "source": source,
        "source_url": source_url,
        "notes": (f"import of {path.name} (sha256 {digest}, {result.description}); "
                  f"{len(result.records)} rows stored, {len(result.invalid)} invalid left out"),
    }
    report = store.build_quality_report(located, expected, problems=result.invalid)
    try:
        return store.write_snapshot(engine, meta, located, report)
    except store.StoreError as exc:
        raise ListImportError(f"the store refused the import: {exc}") from exc


def quality_counts(located: pd.DataFrame) -> str:
    """'Gemeinde 9, Kreis 1' (how precisely the rows were placed)."""
    counts = Counter(located["geocode_quality"])
    names = {"gemeinde": "Gemeinde", "kreis": "Kreis", "land": "Land"}
    return ", ".join(f"{names[q]} {counts[q]}" for q in names if counts[q])
