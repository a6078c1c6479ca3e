"""The read-only data API on the dashboard's Flask server, for journalists and scripts.

GET /healthz                       status, the served snapshot and the export queue
GET /api/regions?level=&category=&snapshot=&format=json|csv
GET /api/providers?category=&land=&kreis=&snapshot=&format=json|csv|geojson
GET /api/snapshots?format=json|csv  every snapshot (id, date, origin, counts); which is served
GET /api/access?level=gemeinde|kreis|land&category=&service=&snapshot=&format=json|csv
         &mode=line|car            distances to the nearest provider (Luftlinie) and 2SFCA;
                                   mode=car adds car minutes and road km (404 without them)
GET /api/nearest?plz=&category=&limit=&snapshot=   nearest providers to a PLZ (store.nearest)

Every parameter is checked against its allowed values before anything is read. Errors are
a small class hierarchy handled in one place (as datasette does): a bad or unknown
parameter answers 400, an unknown snapshot 404, both as one-line JSON {"error": "..."};
anything unexpected 500 with a generic message, never a stack trace.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from flask import Blueprint, Flask, Response, current_app, request
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

import geodata
import store
from dashboard.endpoints.answer_cache import AnswerCache
from dashboard.exports.csv_cells import defuse_frame
from dashboard.exports.provenance import DEMO_NOTE, provenance_of
from dashboard.model.data import _Lru
from dashboard.model.publishing import contacts_hidden, redact
from store.serving import ServingStore, StoreUnavailable, one_line

log = logging.getLogger(__name__)

MAX_VALUE_LENGTH = 64
_SNAPSHOT = re.compile(r"^[0-9]{1,12}$")


# --- errors ---------------------------------------------------------------------------------


class ApiError(Exception):
    """An answer other than 200, with a one-line message for the client."""

    status = 500

    def __init__(self, message: str, **extra: str) -> None:
        super().__init__(" ".join(message.split())[:300])
        self.message = str(self.args[0])
        self.extra = extra  # more fields of the JSON answer (e.g. the command to run)


class BadRequest(ApiError):
    status = 400


class NotFound(ApiError):
    status = 404


class Unavailable(ApiError):
    status = 503


def _error_response(status: int, message: str, **extra: str) -> Response:
    return _json({"error": message, **extra}, status)


# --- parameters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One allowed query parameter: its default and a check that returns the clean value."""

    default: str | None
    check: Callable[[str], Any]


def _shown(value: str) -> str:
    """A client's value, safe to repeat in a one-line message."""
    return repr(value[:40] + ("…" if len(value) > 40 else ""))


def _choice(name: str, allowed: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise BadRequest(f"{name} must be one of {', '.join(allowed)}, not {_shown(value)}")
        return value

    return check


def _snapshot(value: str) -> str | int:
    if value == "latest":
        return value
    if not _SNAPSHOT.match(value):
        raise BadRequest(f"snapshot must be 'latest' or a snapshot id, not {_shown(value)}")
    return int(value)


def _land(value: str) -> str:
    if value not in geodata.LAENDER:
        raise BadRequest(f"land must be a 2-digit Land code (01 … 16), not {_shown(value)}")
    return value


def _kreis(value: str) -> str:
    if not re.fullmatch(r"[0-9]{5}", value):
        raise BadRequest(f"kreis must be a 5-digit Kreis ARS, e.g. 09162, not {_shown(value)}")
    if value not in set(geodata.region_table("kreis")["code"]):
        raise BadRequest(f"unknown kreis {value}")
    return value


def _plz(value: str) -> dict[str, Any]:
    """The point a PLZ stands for (geodata.locate, as `python -m geodata locate`)."""
    if not value:
        raise BadRequest("plz is required, e.g. plz=83022")
    try:
        return geodata.locate(value)
    except geodata.LocateError as exc:
        raise BadRequest(f"plz: {exc}") from exc


MAX_NEAREST = 100


def _limit(value: str) -> int:
    if not re.fullmatch(r"[0-9]{1,3}", value) or not 1 <= int(value) <= MAX_NEAREST:
        raise BadRequest(
            f"limit must be a whole number from 1 to {MAX_NEAREST}, not {_shown(value)}"
        )
    return int(value)


def _parse(spec: dict[str, Param]) -> dict[str, Any]:
    """The request's query parameters, checked: unknown, repeated, over-long or
    disallowed values are a BadRequest."""
    unknown = [key for key in request.args if key not in spec]
    if unknown and not spec:
        raise BadRequest(f"unknown parameter {_shown(unknown[0])}; this takes no parameters")
    if unknown:
        raise BadRequest(
            f"unknown parameter {_shown(unknown[0])}; allowed: {', '.join(spec)}"
        )
    values: dict[str, Any] = {}
    for name, param in spec.items():
        given = request.args.getlist(name)
        if len(given) > 1:
            raise BadRequest(f"parameter {name} given more than once")
        if not given:
            values[name] = None if param.default is None else param.check(param.default)
            continue
        value = given[0]
        if len(value) > MAX_VALUE_LENGTH:
            raise BadRequest(f"parameter {name} is too long")
        values[name] = param.check(value)
    return values


CATEGORY = Param("ala", _choice("category", store.CATEGORIES))
OPTIONAL_CATEGORY = Param(None, _choice("category", store.CATEGORIES))
SNAPSHOT = Param("latest", _snapshot)
REGIONS_SPEC = {
    "level": Param("land", _choice("level", store.LEVELS)),
    "category": CATEGORY,
    "snapshot": SNAPSHOT,
    "format": Param("json", _choice("format", ("json", "csv"))),
}
ACCESS_SPEC = {
    "level": Param("kreis", _choice("level", ("gemeinde", "kreis", "land"))),
    "category": CATEGORY,
    "service": Param("all", _choice("service", ("all", "arbeitsbereich", "berufsbildungsbereich"))),
    "snapshot": SNAPSHOT,
    "format": Param("json", _choice("format", ("json", "csv"))),
    "mode": Param("line", _choice("mode", ("line", "car"))),
}
NEAREST_SPEC = {
    "plz": Param("", _plz),
    "category": CATEGORY,
    "limit": Param("10", _limit),
    "snapshot": SNAPSHOT,
}
SNAPSHOTS_SPEC = {"format": Param("json", _choice("format", ("json", "csv")))}
PROVIDERS_SPEC = {
    "category": OPTIONAL_CATEGORY,
    "land": Param(None, _land),
    "kreis": Param(None, _kreis),
    "snapshot": SNAPSHOT,
    "format": Param("json", _choice("format", ("json", "csv", "geojson"))),
}


# --- answers --------------------------------------------------------------------------------


def _json(payload: Any, status: int = 200, mimetype: str = "application/json") -> Response:
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False)
    return Response(body, status=status, mimetype=mimetype)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-safe records: NaN → null, numpy scalars → Python values."""
    return json.loads(frame.to_json(orient="records", force_ascii=False, double_precision=10))


def _csv(frame: pd.DataFrame, filename: str) -> Response:
    out = io.StringIO()
    safe = defuse_frame(frame)  # the exports' rule: which cells and why in csv_cells
    safe.to_csv(out, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _resolve(engine: Engine, wanted: str | int) -> dict[str, Any]:
    if wanted == "latest":
        snapshot = store.served_snapshot(engine)
        if snapshot is None:
            raise NotFound("the store holds no snapshot yet")
        return snapshot
    # ids are 32-bit integers in every database: a larger one cannot exist (and PostgreSQL
    # would refuse to compare it, which is not a database fault)
    snapshot = store.get_snapshot(engine, wanted) if wanted < 2**31 else None
    if snapshot is None:
        raise NotFound(f"no snapshot with id {wanted}")
    return snapshot


def _provenance(snapshot: dict[str, Any], with_plz: bool) -> dict[str, Any]:
    prov = provenance_of(snapshot)
    source = prov.source_line
    if prov.is_demo:
        source += f" ({DEMO_NOTE})"
    return {
        "snapshot": {
            "id": snapshot["id"],
            "taken_at": snapshot["taken_at"],
            "origin": snapshot["origin"],
        },
        "source": source,
        "attribution": list(prov.attributions(with_plz)),
    }


def _trace_columns(frame: pd.DataFrame, snapshot: dict[str, Any], source: str) -> pd.DataFrame:
    front = pd.DataFrame(
        {
            "snapshot_id": snapshot["id"],
            "taken_at": snapshot["taken_at"],
            "origin": snapshot["origin"],
        },
        index=frame.index,
    )
    out = pd.concat([front, frame], axis=1)
    out["source"] = source
    return out


def _health(serving: ServingStore) -> Response:
    _parse({})  # takes none: "?x=1" is a 400 that says so
    try:
        snapshot = serving.check()  # a real query, on the engine every request uses
    except StoreUnavailable as exc:
        log.warning("healthz: store unavailable: %s", exc)
        return _json({"status": "unavailable", "reason": str(exc), "snapshot": None}, 503)
    if snapshot is None:
        return _json({"status": "empty", "reason": "the store holds no snapshot yet",
                      "snapshot": None}, 503)
    counts = {c: v["parsed"] for c, v in snapshot["counts"].items()}
    return _json(
        {
            "status": "ok",
            "snapshot": {
                "id": snapshot["id"],
                "taken_at": snapshot["taken_at"],
                "origin": snapshot["origin"],
                "counts": counts,
            },
            "exports": _export_queue(),
        }
    )


def _export_queue() -> dict[str, Any] | None:
    """Waiting and running exports and the oldest one's age (dashboard/exports/jobs.py)."""
    service = current_app.config.get("ATLAS_EXPORTS")
    return None if service is None else service.stats()


def _cache_key(name: str, args: dict[str, Any], snapshot: dict[str, Any]) -> tuple:
    """An answer's key: the resolved snapshot id in place of the asked one ("latest")."""
    fixed = {**args, "snapshot": int(snapshot["id"])}
    return (name, *sorted(fixed.items()))


def _regions(engine: Engine, metrics: Callable[..., pd.DataFrame],
             answers: AnswerCache) -> Response:
    args = _parse(REGIONS_SPEC)
    snapshot = _resolve(engine, args["snapshot"])
    return answers.get(_cache_key("regions", args, snapshot),
                       lambda: _regions_answer(engine, metrics, args, snapshot))


def _regions_answer(engine: Engine, metrics: Callable[..., pd.DataFrame],
                    args: dict[str, Any], snapshot: dict[str, Any]) -> Response:
    try:
        frame = metrics(engine, snapshot["id"], args["level"], args["category"])
    except store.CategoryNotInSnapshot as exc:
        raise NotFound(str(exc)) from exc
    meta = _provenance(snapshot, with_plz=False)
    if args["format"] == "csv":
        name = f"ala-atlas_regionen_{args['level']}_{args['category']}_{snapshot['id']}.csv"
        traced = _trace_columns(frame, snapshot, meta["source"])
        traced.insert(3, "level", args["level"])
        traced.insert(4, "category", args["category"])
        return _csv(traced, name)
    return _json(
        {
            **meta,
            "level": args["level"],
            "category": args["category"],
            "population_as_of": geodata.attribution.POPULATION_AS_OF,
            "unplaced": frame.attrs.get("unplaced", {}),
            "count": len(frame),
            "regions": _records(frame),
        }
    )


def _providers(engine: Engine, answers: AnswerCache) -> Response:
    args = _parse(PROVIDERS_SPEC)
    snapshot = _resolve(engine, args["snapshot"])
    return answers.get(_cache_key("providers", args, snapshot),
                       lambda: _providers_answer(engine, args, snapshot))


def _providers_answer(engine: Engine, args: dict[str, Any],
                      snapshot: dict[str, Any]) -> Response:
    category = args["category"]
    if category is not None and category not in snapshot["counts"]:
        raise NotFound(f"snapshot {snapshot['id']} has no data for category {category!r}")
    frame = redact(store.load_providers(
        engine, snapshot["id"], category=category, land=args["land"], kreis=args["kreis"]
    ))
    meta = {**_provenance(snapshot, with_plz=True), "contacts_hidden": contacts_hidden()}
    filters = {k: args[k] for k in ("category", "land", "kreis")}
    if args["format"] == "csv":
        flat = frame.assign(services=frame["services"].map(lambda s: "; ".join(s or [])))
        return _csv(_trace_columns(flat, snapshot, meta["source"]),
                    f"ala-atlas_anbieter_{snapshot['id']}.csv")
    records = _records(frame)
    if args["format"] == "geojson":
        features = [
            {
                "type": "Feature",
                "geometry": None
                if r["lon"] is None or r["lat"] is None
                else {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                "properties": {k: v for k, v in r.items() if k not in ("lon", "lat")},
            }
            for r in records
        ]
        payload = {"type": "FeatureCollection", **meta, "filters": filters, "features": features}
        return _json(payload, mimetype="application/geo+json")
    return _json({**meta, "filters": filters, "count": len(records), "providers": records})


def _nearest(engine: Engine) -> Response:
    from store.nearest import NEAREST_COLUMNS, nearest

    args = _parse(NEAREST_SPEC)
    place, category = args["plz"], args["category"]
    snapshot = _resolve(engine, args["snapshot"])
    if category not in snapshot["counts"]:
        raise NotFound(f"snapshot {snapshot['id']} has no data for category {category!r}")
    providers = store.load_providers(engine, snapshot["id"], category=category)
    found = nearest(providers, place["lon"], place["lat"], args["limit"],
                    gemeinde_ags=place["gemeinde_ags"], plz=place["plz"])
    rows = found[[*NEAREST_COLUMNS, "geocode_quality"]].assign(km=found["km"].round(2))
    return _json(
        {
            **_provenance(snapshot, with_plz=True),
            "distance": "Luftlinie (great circle, haversine, R = 6371.0088 km)",
            # both points are Gemeinde points: inside one Gemeinde there is no distance
            "same_gemeinde": "km is null where the provider lies in the place's own Gemeinde "
                             "(both stand on its point); such providers come first, the same "
                             "PLZ before the others",
            "from": {k: place[k] for k in ("plz", "gemeinde", "gemeinde_ags", "kreis_ars",
                                           "lon", "lat", "quality")},
            "category": category,
            "unplaced": found.attrs["unplaced"],
            "count": len(rows),
            "providers": _records(rows),
        }
    )


def _snapshots(engine: Engine) -> Response:
    args = _parse(SNAPSHOTS_SPEC)
    frame = store.list_snapshots(engine).drop(columns=["notes", "created_at"])
    served = store.served_snapshot(engine)
    frame["served"] = frame["id"] == (served["id"] if served else None)
    frame["taken_at"] = frame["taken_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if args["format"] == "csv":
        return _csv(frame, "ala-atlas_snapshots.csv")
    return _json({"served": served["id"] if served else None, "count": len(frame),
                  "snapshots": _records(frame)})


def _access(engine: Engine) -> Response:
    from dashboard.model.access_data import access_api_frame  # the page and the API share it

    args = _parse(ACCESS_SPEC)
    snapshot = _resolve(engine, args["snapshot"])
    try:
        frame = access_api_frame(
            engine, snapshot["id"], args["level"], args["category"], args["service"]
        )
    except store.CategoryNotInSnapshot as exc:
        raise NotFound(str(exc)) from exc
    except store.InvalidArgument as exc:
        raise BadRequest(str(exc)) from exc
    travel = _car_columns(engine, frame, snapshot["id"], args) if args["mode"] == "car" else None
    frame = frame if travel is None else travel
    if args["format"] == "csv":
        mode = "_auto" if args["mode"] == "car" else ""
        name = (f"ala-atlas_erreichbarkeit{mode}_{args['level']}_{args['category']}_"
                f"{args['service']}_{snapshot['id']}.csv")  # fmt: skip
        response = _csv(frame, name)
    else:
        response = _json(_records(frame))
    # The rows are exactly the documented columns; where they come from travels in headers.
    origin = f"{snapshot['id']} {snapshot['taken_at']} {snapshot['origin']}"
    response.headers["X-Atlas-Snapshot"] = origin
    response.headers["X-Atlas-Access-Status"] = frame.attrs["status"]
    response.headers["X-Atlas-Access-Method"] = frame.attrs["method"]
    if travel is not None:
        response.headers["X-Atlas-Travel-Method"] = frame.attrs["travel_method"]
    return response


def _car_columns(engine: Engine, frame: pd.DataFrame, snapshot_id: int,
                 args: dict[str, Any]) -> pd.DataFrame:  # fmt: skip
    """mode=car: the same rows with car minutes and road km; 404 naming the command that
    computes them when the snapshot has none."""
    from dashboard.model.travel_data import car_provenance, method_line, with_car_columns
    from store.traveltime import NoTravelTimes

    try:
        out = with_car_columns(frame, engine, snapshot_id, args["level"], args["category"],
                               args["service"])  # fmt: skip
    except NoTravelTimes as exc:
        raise NotFound(str(exc), command=exc.command) from exc
    out.attrs["travel_method"] = method_line(car_provenance(engine, snapshot_id))
    return out


# --- wiring ---------------------------------------------------------------------------------


def register_api(server: Flask, serving: ServingStore) -> None:
    """Add /healthz, /api/regions, /api/providers, /api/snapshots and /api/access to the Dash
    app's Flask server. Every request reads through `serving` (read-only, follows the file)."""
    api = Blueprint("atlas_api", __name__)

    @api.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        return _error_response(exc.status, exc.message, **exc.extra)

    @api.errorhandler(SQLAlchemyError)
    @api.errorhandler(StoreUnavailable)
    def _database_error(exc: Exception) -> Response:
        # The engine is rebuilt on the next request (ServingStore); one line, no traceback.
        serving.reset()
        log.warning("data API: store unavailable: %s", one_line(exc))
        return _error_response(503, "the database is not available")

    @api.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        # Werkzeug's own HTTP errors (405, …) keep their status; the rest is logged, and the
        # client learns nothing about the inside.
        code = getattr(exc, "code", None)
        if isinstance(code, int) and 400 <= code < 500:
            return _error_response(code, getattr(exc, "name", "bad request").lower())
        log.exception("unexpected error in the data API")
        return _error_response(500, "internal error")

    @api.after_request
    def _headers(response: Response) -> Response:
        # Public, read-only data: any web page may fetch it; no MIME sniffing of answers.
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    api.add_url_rule("/healthz", "healthz", lambda: _health(serving), methods=["GET"])
    cache = _Lru(32)

    def metrics(engine: Engine, snapshot_id: int, level: str, category: str) -> pd.DataFrame:
        # Snapshots never change: their metrics are computed once per store generation.
        key = (serving.generation, snapshot_id, level, category)
        frame = cache.get(key, lambda: store.region_metrics(engine, snapshot_id, level, category))
        return frame.copy()

    answers = AnswerCache(serving)
    api.add_url_rule("/api/regions", "regions",
                     lambda: _regions(serving.engine(), metrics, answers), methods=["GET"])
    api.add_url_rule("/api/providers", "providers",
                     lambda: _providers(serving.engine(), answers), methods=["GET"])
    api.add_url_rule("/api/snapshots", "snapshots", lambda: _snapshots(serving.engine()),
                     methods=["GET"])
    api.add_url_rule("/api/access", "access", lambda: _access(serving.engine()),
                     methods=["GET"])
    api.add_url_rule("/api/nearest", "nearest", lambda: _nearest(serving.engine()),
                     methods=["GET"])
    server.register_blueprint(api)
