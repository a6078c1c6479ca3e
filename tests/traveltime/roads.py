"""Road networks the tests write themselves as OSM PBF files (pyosmium's SimpleWriter):
ways of tagged nodes, one node per distinct coordinate so crossing ways share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

STEP = 0.01  # degrees between lattice lines (~0.7 km east-west, ~1.1 km north-south here)


@dataclass
class RoadNet:
    """Ways to write: each a list of (lon, lat) and its OSM tags."""

    ways: list[tuple[list[tuple[float, float]], dict[str, str]]] = field(default_factory=list)

    def road(self, points, highway: str = "residential", maxspeed: int = 50, **tags: str):
        self.ways.append(([(round(x, 7), round(y, 7)) for x, y in points],
                          {"highway": highway, "maxspeed": str(maxspeed), **tags}))  # fmt: skip
        return self

    def lattice(self, lon0: float, lat0: float, columns: int, rows: int, step: float = STEP,
                **tags) -> RoadNet:  # fmt: skip
        """columns × rows lines of road, `step` degrees apart, south-west corner given."""
        for i in range(columns):
            self.road([(lon0 + i * step, lat0 + j * step) for j in range(rows)], **tags)
        for j in range(rows):
            self.road([(lon0 + i * step, lat0 + j * step) for i in range(columns)], **tags)
        return self

    def write(self, path: Path, timestamp: str = "2026-11-30T21:00:00Z") -> Path:
        """The PBF, its header carrying `timestamp` as Geofabrik's extracts do."""
        import osmium
        from osmium.osm.mutable import Node, Way

        path.unlink(missing_ok=True)
        header = osmium.io.Header()
        header.set("osmosis_replication_timestamp", timestamp)
        writer = osmium.SimpleWriter(str(path), header=header)
        ids: dict[tuple[float, float], int] = {}
        try:
            for points, _ in self.ways:
                for point in points:
                    if point not in ids:
                        ids[point] = len(ids) + 1
                        writer.add_node(Node(id=ids[point], location=point, version=1,
                                             timestamp=timestamp))  # fmt: skip
            for number, (points, tags) in enumerate(self.ways, start=1):
                writer.add_way(Way(id=number, nodes=[ids[p] for p in points], tags=tags,
                                   version=1, timestamp=timestamp))  # fmt: skip
        finally:
            writer.close()
        return path
