"""The number formatter: the project's `i18n.fmt_number` against Babel's `format_decimal`.

    .venv/bin/python bench/number_format.py [--n N]

Formats the same N values (counts, rates with two decimals, signed changes) in German and
English with both and prints the time per 100,000 numbers and whether the strings agree.
Babel is not a dependency of the project; without it installed, only fmt_number is timed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.text.i18n import fmt_number  # noqa: E402

LOCALES = {"de": "de_DE", "en": "en_GB"}


def values(n: int) -> list[tuple[float, int, bool]]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            out.append((float(rng.randint(0, 250_000)), 0, False))
        elif kind == 1:
            out.append((rng.uniform(0, 30), 2, False))
        else:
            out.append((rng.uniform(-3, 3), 2, True))
    return out


def ours(items, lang):
    return [fmt_number(v, lang, d, signed=s) for v, d, s in items]


def babel(items, lang):
    from babel.numbers import format_decimal

    locale = LOCALES[lang]
    out = []
    for value, decimals, signed in items:
        pattern = ("+#,##0" if signed else "#,##0") + ("." + "0" * decimals if decimals else "")
        if signed:
            pattern += ";-#,##0" + ("." + "0" * decimals if decimals else "")
        text = "0" if signed and round(value, decimals) == 0 else format_decimal(
            value, format=pattern, locale=locale)
        out.append(text)
    return out


def timed(fn, items, lang) -> tuple[float, list[str]]:
    start = time.perf_counter()
    result = fn(items, lang)
    return (time.perf_counter() - start) * 100_000 / len(items), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60_000)
    args = parser.parse_args()
    items = values(args.n)
    try:
        import babel as _babel  # noqa: F401
    except ImportError:
        _babel = None
    for lang in ("de", "en"):
        t_ours, mine = timed(ours, items, lang)
        line = f"{lang}: fmt_number {t_ours * 1000:7.1f} ms per 100,000"
        if _babel is not None:
            t_babel, theirs = timed(babel, items, lang)
            same = sum(a == b for a, b in zip(mine, theirs, strict=True))
            line += (f" | babel {t_babel * 1000:7.1f} ms per 100,000 | same strings "
                     f"{same}/{len(items)}")
        print(line + f" | e.g. {mine[1]}, {mine[2]}, {mine[3]}")


if __name__ == "__main__":
    main()
