"""From a complete crawl to a stored snapshot: validate → geocode → store.

`python -m scrapers scrape|replay … --db URL` and the demo default (scrapers.demo) end
here. Anything wrong raises IngestError before the one write transaction, so a failed run
writes nothing and the last good snapshot stays the one served.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

import geodata
import store
from scrapers.crawl import RunResult
from scrapers.exceptions import ScraperError
from scrapers.records import Provider
from store.schema import PROVIDER_FIELDS

FIELDS: tuple[str, ...] = PROVIDER_FIELDS
_PARSER_SOURCES = ("parse.py", "selectors.py", "normalise.py")


class IngestError(ScraperError):
    """The run cannot become a snapshot (incomplete, inconsistent, or the store refused it).
    Nothing was written."""


def parser_version() -> str:
    """scrapers.parse.PARSER_VERSION when the parser declares one, else a fingerprint of
    the parser's source files, so a snapshot always says which parser read it."""
    from scrapers import parse

    declared = getattr(parse, "PARSER_VERSION", None)
    if declared:
        return str(declared)
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    for name in _PARSER_SOURCES:
        path = here / name
        if path.exists():
            digest.update(path.read_bytes())
    return "src-" + digest.hexdigest()[:12]


def check_complete(run: RunResult) -> None:
    """A run is stored only when the crawl called it complete: every category's parsed
    count equals the site's total, every entry has a name and PLZ, no broken page."""
    if not run.categories:
        raise IngestError("the run covered no category")
    if not run.ok:
        problems = run.all_problems()
        for result in run.categories.values():
            if result.expected_total is None:
                problems.append(f"[{result.category}] the site's total was not found")
            elif len(result.records) != result.expected_total:
                problems.append(
                    f"[{result.category}] parsed {len(result.records)} entries, "
                    f"the site says {result.expected_total}"
                )
        detail = "; ".join(dict.fromkeys(problems)) or "incomplete run"
        raise IngestError(f"run not complete, nothing stored: {detail}")


def records_frame(records: list[Provider]) -> pd.DataFrame:
    """The Provider records as a frame with the data model's columns (PLZ stays str)."""
    # Column by column from the attributes: dataclasses.asdict deep-copies every record,
    # which is the slowest step at 100,000 providers.
    columns = {name: [getattr(r, name) for r in records] for name in FIELDS}
    columns["services"] = [list(r.services) for r in records]
    frame = pd.DataFrame(columns, columns=list(FIELDS))
    return frame.astype({"plz": "object", "source_id": "object"})


def _check_records(frame: pd.DataFrame) -> None:
    empty = frame["name"].fillna("").str.strip().eq("") | frame["plz"].fillna("").eq("")
    if empty.any():
        ids = ", ".join(frame.loc[empty, "source_id"].astype(str).head(5))
        raise IngestError(f"{int(empty.sum())} entries without name or PLZ (e.g. {ids})")
    # The counts matched, so a repeated id means another entry was missed (e.g. the list
    # shifted during pagination): such a run is not a true picture of the listing.
    dupes = frame.duplicated(["category", "source_id"], keep=False)
    if dupes.any():
        ids = ", ".join(sorted(set(frame.loc[dupes, "source_id"].astype(str)))[:5])
        raise IngestError(f"the same entry was listed twice ({ids}); run again")


def geocode(frame: pd.DataFrame) -> pd.DataFrame:
    """PLZ + Ort → Gemeinde, Kreis and Land in bulk (never raises for a bad row)."""
    return geodata.locate_many(frame, plz_col="plz", city_col="city")


def ingest_run(run: RunResult, engine: Engine, origin: str, taken_at: str) -> int:
    """Validate a complete run, geocode it and store it as one new snapshot; return its id.
    Raises IngestError (nothing written) for an incomplete run or a refused write."""
    check_complete(run)
    frame = records_frame(run.records)
    _check_records(frame)
    located, cleaning = store.clean_providers(geocode(frame))
    expected = {c: r.expected_total for c, r in run.categories.items()}
    meta = {
        "taken_at": taken_at or run.started_at,
        "origin": origin,
        "categories": expected,
        "parser_version": parser_version(),
        "source": run.source,
        "notes": f"run {run.started_at} – {run.finished_at}; " + run.summary().replace("\n", "; "),
    }
    report = store.build_quality_report(located, expected, problems=run.all_problems())
    report["cleaning"] = cleaning  # URLs dropped, fields cut: counted, not refused
    try:
        return store.write_snapshot(engine, meta, located, report)
    except store.StoreError as exc:
        raise IngestError(f"the store refused the run: {exc}") from exc
