"""A Gemeinde map exported with a plan draws the stars and the planned Gemeinden' classes, as
the page does after its planning Patch (the export builds the whole figure at once)."""

from __future__ import annotations

from xml.etree import ElementTree

from dashboard.exports import export_view
from dashboard.exports.request import ExportRequest

SVG = "{http://www.w3.org/2000/svg}"
FLENSBURG = "010010000000"


def _scattergeo_points(content: bytes) -> list[int]:
    """Points per scattergeo trace of an SVG export, in drawing order."""
    root = ElementTree.fromstring(content)
    return [
        sum(1 for p in g.iter(f"{SVG}path") if "point" in (p.get("class") or "").split())
        for g in root.iter(f"{SVG}g")
        if "scattergeo" in (g.get("class") or "").split()
    ]


def test_an_export_after_planning_still_shows_the_stars(demo_engine, keep):
    def export(plan: tuple[str, ...]) -> bytes:
        request = ExportRequest("erreichbarkeit", "svg", level="kreis", view="gemeinde",
                                land="01", plan=plan)  # fmt: skip
        exported = export_view(demo_engine, request)
        keep(exported.filename, exported.content)
        return exported.content

    planned, plain = export((FLENSBURG,)), export(())
    assert _scattergeo_points(planned)[-1] == 1  # the star, drawn last
    assert sum(_scattergeo_points(planned)) == sum(_scattergeo_points(plain)) + 1
    assert "Geplanter Standort" in planned.decode("utf-8")  # its legend entry
    assert "Geplanter Standort" not in plain.decode("utf-8")
