"""Every text table of the UI is complete in every language it names, with the same
placeholders as the German text; and a translator's work list for a language.

The UI's texts live in `dashboard/text/i18n.py` (TEXTS, with `i18n_region.py` spread in) and
in seven small per-module tables (the same list as tests/dashboard/test_language.py). For a
third language, `python -m tests.dashboard.test_translations LANG` prints what is still to
translate, table by table: key, German text, English text.
"""

from __future__ import annotations

import re
import string
import sys

import pytest

SOURCE = "de"


def tables() -> dict[str, dict[str, dict[str, str]]]:
    """Every per-language text table of the UI, by where it lives."""
    from dashboard.exports import buttons, texts
    from dashboard.figures import growth
    from dashboard.model import growth_tables
    from dashboard.pages import entwicklung, timeline
    from dashboard.text import i18n

    return {
        "dashboard/text/i18n.py TEXTS": i18n.TEXTS,
        "dashboard/model/growth_tables.py _LABELS": growth_tables._LABELS,
        "dashboard/exports/buttons.py TEXTS": buttons.TEXTS,
        "dashboard/exports/buttons.py FORMAT_LABELS": buttons.FORMAT_LABELS,
        "dashboard/figures/growth.py TEXTS": growth.TEXTS,
        "dashboard/pages/entwicklung.py TEXTS": entwicklung.TEXTS,
        "dashboard/pages/timeline.py TEXTS": timeline.TEXTS,
        "dashboard/exports/texts.py TEXTS": texts.TEXTS,
    }


def fields(text: object) -> set[str]:
    """The `{name}` placeholders str.format fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(str(text)) if name is not None}


def missing(all_tables: dict[str, dict[str, dict[str, str]]], lang: str
            ) -> dict[str, list[str]]:
    """Table -> the keys with a German text but none (or an empty one) in `lang`."""
    out = {}
    for name, table in all_tables.items():
        texts = table.get(lang, {})
        keys = [key for key in table[SOURCE] if not str(texts.get(key, "")).strip()]
        if keys:
            out[name] = keys
    return out


def extra(all_tables: dict[str, dict[str, dict[str, str]]], lang: str) -> dict[str, list[str]]:
    """Table -> keys `lang` has that German has not (left over after a key was renamed)."""
    out = {}
    for name, table in all_tables.items():
        keys = sorted(set(table.get(lang, {})) - set(table[SOURCE]))
        if keys:
            out[name] = keys
    return out


def placeholder_mismatches(all_tables: dict[str, dict[str, dict[str, str]]], lang: str
                           ) -> dict[str, list[str]]:
    """Table -> keys whose `lang` text fills in other placeholders than the German one."""
    out = {}
    for name, table in all_tables.items():
        texts = table.get(lang, {})
        keys = [key for key, text in table[SOURCE].items()
                if key in texts and fields(texts[key]) != fields(text)]
        if keys:
            out[name] = keys
    return out


def languages(all_tables: dict[str, dict[str, dict[str, str]]]) -> set[str]:
    return {lang for table in all_tables.values() for lang in table}


def test_every_table_names_german_and_english():
    assert all({"de", "en"} <= set(table) for table in tables().values())


@pytest.mark.parametrize("lang", ["en"])
def test_every_language_has_every_text(lang):
    assert sorted(languages(tables())) == ["de", "en"]
    assert missing(tables(), lang) == {}
    assert extra(tables(), lang) == {}


def test_every_translation_fills_in_the_same_placeholders():
    for lang in languages(tables()) - {SOURCE}:
        assert placeholder_mismatches(tables(), lang) == {}, lang


def test_the_work_list_finds_what_a_third_language_still_lacks():
    third = {
        "a": {"de": {"x": "Karte von {land}", "y": "Tabelle", "z": "Quellen"},
              "en": {"x": "Map of {land}", "y": "Table", "z": "Sources"},
              "fr": {"x": "Carte de {pays}", "y": " ", "w": "reste"}},
        "b": {"de": {"q": "Datenstand"}, "en": {"q": "Snapshot"}},
    }
    assert missing(third, "fr") == {"a": ["y", "z"], "b": ["q"]}
    assert extra(third, "fr") == {"a": ["w"]}
    assert placeholder_mismatches(third, "fr") == {"a": ["x"]}
    assert missing(third, "en") == {} and placeholder_mismatches(third, "en") == {}


def work_list(lang: str) -> str:
    """What a translator into `lang` still has to do, as plain text."""
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", lang):
        raise ValueError(f"not a language tag: {lang!r} (e.g. fr, tr, de-x-ls)")
    all_tables = tables()
    lines = []
    for name, keys in missing(all_tables, lang).items():
        table = all_tables[name]
        lines.append(f"## {name}: {len(keys)} of {len(table[SOURCE])} to translate")
        lines += [f"{key}\n  de: {table[SOURCE][key]}\n  en: {table['en'].get(key, '')}"
                  for key in keys]
    for name, keys in placeholder_mismatches(all_tables, lang).items():
        lines.append(f"## {name}: placeholders differ from German in {', '.join(keys)}")
    return "\n".join(lines) or f"{lang}: complete"


def test_the_work_list_names_every_table_and_refuses_a_malformed_language():
    text = work_list("fr")
    assert all(f"## {name}: " in text for name in tables())
    assert "karte.heading\n  de: Karte der Anbieter" in text
    assert work_list("en") == "en: complete"
    with pytest.raises(ValueError, match="not a language tag"):
        work_list("../etc")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.dashboard.test_translations LANG")
    try:
        print(work_list(sys.argv[1]))
    except ValueError as exc:
        sys.exit(str(exc))
