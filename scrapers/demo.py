"""The embedded default: demo recordings in the reconstructed REHADAT markup, replayed into
three demo snapshots when the store is empty.

Deterministic (fixed seed: same seed, same bytes). The recordings are written with the
scraper's own renderer and recording format and read back through the real replay path
(RecordedFetcher → Crawler → parser → pipeline), so the default exercises everything a
real run does. Dated like the published counts (geodata/raw/reference/published_counts.csv):
60, 67 and 88 aLA; 891 WfbM and 1,020 IB at the last date. Every name starts with
"Beispiel-", every e-mail and web address ends in .example, every phone number starts with
0000 and every record id with DEMO, so nothing can be taken for a real provider.
"""

from __future__ import annotations

import bisect
import itertools
import random
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

import geodata
import store
from scrapers.crawl import Crawler, RunResult
from scrapers.fetcher import Page, RecordedFetcher, load_run_meta
from scrapers.recording import Recorder
from scrapers.records import CATEGORIES, SERVICES, Provider
from scrapers.render import page_url, render_listing_page
from scrapers.settings import Settings

SEED = 20221201
# A reserved top-level domain (RFC 2606): links in demo data can never reach a real site.
BASE_URL = "https://rehadat-adressen.beispiel.invalid"
PAGE_SIZE = 20
FETCH_HOUR = 6  # the demo "runs" at 06:00 UTC on each date
# Counts per date. aLA and the last date's WfbM/IB are the published ones (checked against
# geodata.published_counts() in the tests); the earlier WfbM/IB counts are invented and
# close to them, since no published figure exists for those dates.
PLAN: dict[str, dict[str, int]] = {
    "2021-11-30": {"ala": 60, "wfbm": 884, "ib": 991},
    "2022-01-31": {"ala": 67, "wfbm": 886, "ib": 997},
    "2022-12-01": {"ala": 88, "wfbm": 891, "ib": 1020},
}
# Per step, the share of providers that vanish and that change name or address.
VANISH_RATE = {"ala": 0.04, "wfbm": 0.008, "ib": 0.03}
CHANGE_RATE = {"ala": 0.05, "wfbm": 0.02, "ib": 0.03}
# Länder without any demo aLA, so the "none here" view has something to show.
ALA_FREE_LAENDER = ("10", "15")

_ALA_WORDS = ("Teilhabe", "Arbeitswelt", "Brücke", "Werkraum", "Perspektive", "Wegbereiter",
              "Chance", "Zukunftswerk", "Arbeitsplatz", "Horizont", "Lernwerk", "Anker")
_IB_WORDS = ("Gastronomie", "Gartenbau", "Wäscherei", "Druckerei", "Logistik", "Hotel",
             "Catering", "Reinigung", "Fahrradwerkstatt", "IT-Service", "Bäckerei", "Montage")
_OPERATORS = ("Beispiel-Sozialwerk {place} e.V.", "Beispiel-Stiftung {place}",
              "Beispiel-Teilhabe {place} gGmbH", "Beispiel-Verein für Inklusion {place} e.V.")
_FORMS = ("gGmbH", "e.V.", "gUG", "GmbH")
_STREETS = ("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Industriestraße", "Am Markt",
            "Lindenallee", "Schulstraße", "Mühlenweg", "Gewerbepark", "Werkstraße",
            "Kirchplatz", "Birkenweg", "Am Hafen", "Ringstraße", "Feldstraße")


class DemoError(RuntimeError):
    """The demo default could not be built (nothing of it was left in the store)."""


@lru_cache(maxsize=1)
def candidate_places() -> pd.DataFrame:
    """PLZ + Ort pairs of the PLZ table that geocode back to exactly their Gemeinde:
    columns plz, city, gemeinde_ags, kreis_ars, land_code (sorted, so draws are stable)."""
    from geodata.plz_table import plz_table

    table = plz_table().rename(columns={"ort": "city"})[["plz", "city"]].drop_duplicates()
    located = geodata.locate_many(table.reset_index(drop=True), plz_col="plz", city_col="city")
    good = located[located["geocode_quality"] == "gemeinde"]
    columns = ["plz", "city", "gemeinde_ags", "kreis_ars", "land_code"]
    return good[columns].sort_values(["kreis_ars", "gemeinde_ags", "plz", "city"]).reset_index(
        drop=True
    )


@dataclass
class _Places:
    """Weighted draws: a Kreis by population, a Gemeinde in it, a PLZ + Ort of that."""

    kreise: list[str]
    cumulative: dict[str, list[float]]  # category → cumulative Kreis weights
    gemeinden: dict[str, list[str]]
    pairs: dict[str, list[tuple[str, str, str]]]  # ags → (plz, city, land_code)
    kreis_names: dict[str, str]

    @classmethod
    def build(cls, places: pd.DataFrame, kreise: pd.DataFrame) -> _Places:
        kreise = kreise[kreise["code"].isin(set(places["kreis_ars"]))].sort_values("code")
        codes = list(kreise["code"])
        population = dict(zip(kreise["code"], kreise["population"], strict=True))
        land = dict(zip(kreise["code"], kreise["land_code"], strict=True))
        cumulative = {}
        for category in CATEGORIES:
            weights = [
                0.0 if category == "ala" and land[c] in ALA_FREE_LAENDER else float(population[c])
                for c in codes
            ]
            cumulative[category] = list(itertools.accumulate(weights))
        gemeinden: dict[str, list[str]] = {}
        pairs: dict[str, list[tuple[str, str, str]]] = {}
        for row in places.itertuples(index=False):
            if row.gemeinde_ags not in pairs:
                gemeinden.setdefault(row.kreis_ars, []).append(row.gemeinde_ags)
                pairs[row.gemeinde_ags] = []
            pairs[row.gemeinde_ags].append((row.plz, row.city, row.land_code))
        names = dict(zip(kreise["code"], kreise["name"], strict=True))
        return cls(codes, cumulative, gemeinden, pairs, names)

    def draw(self, rng: random.Random, category: str) -> tuple[str, str, str, str]:
        weights = self.cumulative[category]
        kreis = self.kreise[bisect.bisect_right(weights, rng.random() * weights[-1])]
        return (*rng.choice(self.pairs[rng.choice(self.gemeinden[kreis])]), kreis)

    def near(self, rng: random.Random, kreis: str) -> tuple[str, str, str]:
        """Another PLZ + Ort in the same Kreis (a move within the region)."""
        return rng.choice(self.pairs[rng.choice(self.gemeinden[kreis])])


class _Factory:
    """Makes and alters demo providers; every random choice goes through one rng."""

    def __init__(self, rng: random.Random, places: _Places) -> None:
        self.rng = rng
        self.places = places
        self.ids = itertools.count(1)
        self.kreis_of: dict[str, str] = {}

    def new(self, category: str) -> Provider:
        rng = self.rng
        plz, city, land_code, kreis = self.places.draw(rng, category)
        number = next(self.ids)
        source_id = f"DEMO{number:06d}"
        self.kreis_of[source_id] = kreis
        place = city.split(",")[0].split("/")[0].strip()
        name = self._name(category, place, number)
        slug = f"beispiel-{category}-{number:06d}"
        services: tuple[str, ...] = ()
        if category == "ala":
            services = tuple(s for s in SERVICES if rng.random() < 0.7) or (SERVICES[2],)
        elif category == "wfbm":
            services = SERVICES
        return Provider(
            category=category,
            source_id=source_id,
            name=name,
            plz=plz,
            city=city,
            operator=rng.choice(_OPERATORS).format(place=self.places.kreis_names[kreis]),
            street=self._street(),
            land_listed=geodata.LAENDER[land_code],
            phone=f"0000 {rng.randint(100000, 999999)}",
            email=f"kontakt@{slug}.example",
            website=f"https://www.{slug}.example",
            services=services,
        )

    def _name(self, category: str, place: str, number: int) -> str:
        rng = self.rng
        if category == "ala":
            return f"Beispiel-{rng.choice(_ALA_WORDS)} {place} {rng.choice(_FORMS)}"
        if category == "wfbm":
            return f"Beispiel-Werkstätten {place} (Werk {number % 7 + 1})"
        return f"Beispiel-{rng.choice(_IB_WORDS)} {place} {rng.choice(_FORMS)}"

    def _street(self) -> str:
        return f"{self.rng.choice(_STREETS)} {self.rng.randint(1, 140)}"

    def changed(self, provider: Provider) -> Provider:
        """A new name (a change of legal form) or a new address in the same Kreis."""
        if self.rng.random() < 0.4:
            base = provider.name.rsplit(" ", 1)[0] if provider.category != "wfbm" else provider.name
            suffix = "gGmbH" if not provider.name.endswith("gGmbH") else "gemeinnützige GmbH"
            return replace(provider, name=f"{base} {suffix}")
        plz, city, land_code = self.places.near(self.rng, self.kreis_of[provider.source_id])
        return replace(provider, street=self._street(), plz=plz, city=city,
                       land_listed=geodata.LAENDER[land_code])


def generate_providers(
    seed: int = SEED, places: pd.DataFrame | None = None, kreise: pd.DataFrame | None = None
) -> dict[str, list[Provider]]:
    """Providers per date of PLAN: most persist with the same source_id, some vanish,
    some change name or address, new ones fill up to the planned count."""
    places = candidate_places() if places is None else places
    kreise = geodata.region_table("kreis") if kreise is None else kreise
    rng = random.Random(seed)
    factory = _Factory(rng, _Places.build(places, kreise))
    current: dict[str, list[Provider]] = {c: [] for c in CATEGORIES}
    out: dict[str, list[Provider]] = {}
    for step, (date, counts) in enumerate(PLAN.items()):
        for category in CATEGORIES:
            alive = current[category]
            if step:
                gone = set(rng.sample(range(len(alive)), round(len(alive) * VANISH_RATE[category])))
                alive = [p for i, p in enumerate(alive) if i not in gone]
                for i in rng.sample(range(len(alive)), round(len(alive) * CHANGE_RATE[category])):
                    alive[i] = factory.changed(alive[i])
            target = counts[category]
            if len(alive) > target:
                alive = sorted(rng.sample(alive, target), key=lambda p: p.source_id)
            alive = alive + [factory.new(category) for _ in range(target - len(alive))]
            current[category] = alive
        out[date] = [p for c in CATEGORIES for p in current[c]]
    return out


def _listing_order(records: list[Provider]) -> list[Provider]:
    # The site sorts by name (sort=sort_name1_adr asc); the id breaks ties stably.
    return sorted(records, key=lambda p: (p.name.casefold(), p.source_id))


def write_recording(directory: Path, records: list[Provider], date: str) -> Path:
    """One run's pages in the recording format (index.jsonl, run.json, page files)."""
    settings = Settings(BASE_URL=BASE_URL)
    start = datetime.fromisoformat(f"{date}T{FETCH_HOUR:02d}:00:00+00:00")
    recorder = Recorder(directory)
    tick = itertools.count()
    for category in CATEGORIES:
        ordered = _listing_order([r for r in records if r.category == category])
        chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
        urls = [settings.listing_url(category)] + [
            page_url(BASE_URL, category, n) for n in range(2, len(chunks) + 1)
        ]
        for n, chunk in enumerate(chunks):
            content = render_listing_page(
                chunk,
                total=len(ordered),
                next_url=urls[n + 1] if n + 1 < len(urls) else None,
                prev_url=urls[n - 1] if n else None,
            )
            fetched = (start + timedelta(seconds=next(tick))).isoformat()
            recorder.save(
                Page(urls[n], 200, content, "text/html; charset=utf-8", fetched), category
            )
    finished = (start + timedelta(seconds=next(tick))).isoformat()
    recorder.write_run({
        "started_at": start.isoformat(),
        "finished_at": finished,
        "base_url": BASE_URL,
        "origin": "demo",
        "taken_at": f"{date}T00:00:00+00:00",
        "notes": "Beispieldaten: erfundene Anbieter an echten Orten, keine REHADAT-Daten",
    })
    return directory


def generate_demo(root: Path, seed: int = SEED) -> list[Path]:
    """Write the three demo recordings under root/<date>/; return their directories."""
    root = Path(root)
    return [
        write_recording(root / date, records, date)
        for date, records in generate_providers(seed).items()
    ]


def replay(directory: Path) -> tuple[RunResult, dict]:
    """The real replay path over a recording: what `python -m scrapers replay` does."""
    meta = load_run_meta(directory)
    fetcher = RecordedFetcher(directory)
    starts = fetcher.start_urls()
    settings = Settings(BASE_URL=meta.get("base_url") or BASE_URL)
    run = Crawler(fetcher, settings, start_urls=starts).crawl(list(starts))
    return run, meta


def build_default(engine: Engine, pages_dir: Path | None = None, seed: int = SEED) -> list[int]:
    """Generate, replay and ingest the three demo snapshots; all or none are kept."""
    from scrapers.pipeline import ingest_run

    written: list[int] = []
    with tempfile.TemporaryDirectory(prefix="atlas-demo-") as tmp:
        root = Path(pages_dir) if pages_dir is not None else Path(tmp)
        try:
            for directory in generate_demo(root, seed):
                run, meta = replay(directory)
                written.append(ingest_run(run, engine, "demo", meta["taken_at"]))
        except Exception as exc:
            for snapshot_id in written:
                store.delete_snapshot(engine, snapshot_id)
            raise DemoError(f"the demo default could not be built: {exc}") from exc
    return written


def ensure_default(engine: Engine) -> list[int]:
    """Build the demo default once, when the store holds no snapshot at all; return the
    new snapshot ids (empty when the store already had data)."""
    # Two first starts at once (two `make run`s) would otherwise both see an empty store.
    with store.exclusive(engine, "demo-default"):
        if not store.list_snapshots(engine).empty:
            return []
        return build_default(engine)
