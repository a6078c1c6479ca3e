"""Who may import whom inside the dashboard: exports never import a page (the table builders
both need live in dashboard/views, below both), views import neither pages, exports nor Dash,
and pages use exports only for their download buttons. Imports are read with ast, so an
import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
# what a page may take from dashboard.exports: the buttons, and the request they send
BUTTON_MODULES = {"dashboard.exports.buttons", "dashboard.exports.from_url",
                  "dashboard.exports.request", "dashboard.exports.errors",
                  # the region page's one-page PDF download (its own button)
                  "dashboard.exports.profile_pdf", "dashboard.exports.profile_button"}


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports (for `from a import b`: both `a` and `a.b`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def modules_under(package: str) -> list[Path]:
    return sorted((DASHBOARD / package).rglob("*.py"))


def offending(paths: list[Path], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    out = {}
    for path in paths:
        bad = sorted(m for m in imported_modules(path)
                     if any(m == f or m.startswith(f + ".") for f in forbidden))
        if bad:
            out[str(path.relative_to(DASHBOARD.parent))] = bad
    return out


def test_the_import_reader_sees_imports_at_the_top_and_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import a.b\nfrom c import d\ndef f():\n    from dashboard.pages import x\n")
    assert {"a.b", "c", "c.d", "dashboard.pages", "dashboard.pages.x"} <= imported_modules(module)


def test_no_export_module_imports_a_page():
    assert modules_under("exports"), "dashboard/exports has no modules?"
    assert offending(modules_under("exports"), ("dashboard.pages",)) == {}


def test_the_views_package_is_below_pages_exports_and_dash():
    assert modules_under("views"), "dashboard/views has no modules?"
    forbidden = ("dashboard.pages", "dashboard.exports", "dash", "dash_ag_grid")
    assert offending(modules_under("views"), forbidden) == {}


@pytest.mark.parametrize("page", [p.stem for p in modules_under("pages") if p.stem != "__init__"])
def test_pages_use_exports_only_for_their_buttons(page):
    used = {m for m in imported_modules(DASHBOARD / "pages" / f"{page}.py")
            if m.startswith("dashboard.exports.")}
    # `from dashboard.exports.request import FORMATS` reads as module and name: both are fine
    other = {m for m in used if not any(m == b or m.startswith(b + ".") for b in BUTTON_MODULES)}
    assert other == set()
