"""The repository's documents stand on their own: no link or path leads outside it, every
relative Markdown link resolves, and the README says what the scraper is not verified against."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# [text](target) with a relative target (no scheme, no pure anchor)
LINK = re.compile(r"\[[^\]]*\]\((?!https?:|mailto:|#)([^)\s#]+)(?:#[^)]*)?\)")


def tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    # files added in the work tree but not yet committed count too
    extra = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", *patterns],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / p for p in [*out, *extra] if (ROOT / p).exists()]


def test_no_document_or_module_points_to_the_shared_folder_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in tracked("*.md", "*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.\./shared|/work/shared|shared/docs|shared/data", line)
        and path.name != Path(__file__).name
    ]
    assert offenders == []


@pytest.mark.parametrize("name", ["design.md", "domain.md", "rehadat.md"])
def test_the_design_and_source_notes_live_in_docs(name: str) -> None:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert len(text) > 1000


def test_every_relative_markdown_link_resolves_inside_the_repository() -> None:
    broken = []
    for path in tracked("*.md"):
        for target in LINK.findall(path.read_text(encoding="utf-8")):
            resolved = (path.parent / target).resolve()
            if not resolved.exists() or (ROOT not in resolved.parents and resolved != ROOT):
                broken.append(f"{path.relative_to(ROOT)} → {target}")
    assert broken == []


def test_architecture_and_scraper_readme_link_the_notes_they_cite() -> None:
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    scrapers = (ROOT / "scrapers" / "README.md").read_text(encoding="utf-8")
    assert "(docs/design.md)" in architecture
    assert "(../docs/rehadat.md)" in scrapers


def test_the_readme_says_in_both_languages_that_the_parser_is_unverified_live() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    german, english = readme.split("## English", 1)
    assert "Noch nicht an der echten Seite geprüft" in german
    assert "nachgebauten" in german and "python -m scrapers probe" in german
    assert "Not yet verified against the live site" in english
    assert "reconstructed" in english and "python -m scrapers probe" in english
