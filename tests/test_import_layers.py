"""The layers of pyproject.toml's import-linter contracts hold, and they bite: a copy of the
packages with one forbidden import breaks them. Beside them, no module imports itself through
other modules (the contracts compare whole parts; this checks every single module).

Imports are read by grimp (import-linter's own graph), so an import inside a function counts
as much as one at the top."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.conftest import PROJECT_ROOT

PACKAGES = ("dashboard", "scrapers", "store", "geodata")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def module_circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every group of modules that import each other round a circle (Tarjan's strongly
    connected components of more than one module), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(circles)


def graph_of(root: Path, packages: tuple[str, ...]) -> grimp.ImportGraph:
    sys.path.insert(0, str(root))
    try:
        return grimp.build_graph(*packages, cache_dir=None)
    finally:
        sys.path.remove(str(root))


def copy_of_the_packages(target: Path) -> Path:
    """The four packages' Python files and pyproject.toml, for a contract to be broken in."""
    for package in PACKAGES:
        for source in (PROJECT_ROOT / package).rglob("*.py"):
            copy = target / source.relative_to(PROJECT_ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True,
                          text=True, timeout=120)


def test_no_module_of_the_four_packages_imports_itself_through_others():
    circles = module_circles(graph_of(PROJECT_ROOT, PACKAGES))
    assert circles == [], "import circles: " + "; ".join(" ↔ ".join(c) for c in circles)


def test_the_circle_finder_sees_a_circle_through_a_function_level_import(tmp_path):
    package = tmp_path / "circled"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circled import b\n")
    (package / "b.py").write_text("def f():\n    from circled.c import x\n")
    (package / "c.py").write_text("from circled.a import b\nx = 1\n")
    (package / "d.py").write_text("from circled import a\n")  # imports the circle, not in it
    assert module_circles(graph_of(tmp_path, ("circled",))) == [
        ["circled.a", "circled.b", "circled.c"]]


def test_the_project_keeps_its_import_contracts():
    done = lint_imports(PROJECT_ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "forbidden", "contract"), [
    # a lower package reaching up
    ("store/errors.py", "import dashboard.model.data", "nothing imports"),
    ("geodata/names.py", "import store.schema", "nothing imports"),
    # a scraper and the dashboard know nothing of each other
    ("scrapers/records.py", "import dashboard.text.i18n", "nothing imports"),
    # an export reaching into a page, a shared builder into an export
    ("dashboard/exports/tables.py", "import dashboard.pages.karte", "dashboard: server"),
    ("dashboard/views/region_table.py", "import dashboard.exports.tables", "dashboard: server"),
    # a page taking more from exports than its buttons
    ("dashboard/pages/tabelle.py", "import dashboard.exports.tables", "dashboard: server"),
    # a circle between two parts of the store
    ("store/snapshots.py", "import store.access.persist", "no circles"),
])
def test_one_forbidden_import_breaks_its_contract(tmp_path, module, forbidden, contract):
    root = copy_of_the_packages(tmp_path)
    path = root / module
    assert path.exists(), module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{forbidden}  # noqa\n",
                    encoding="utf-8")
    done = lint_imports(root)
    assert done.returncode != 0
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, done.stdout
