"""Sentences that name every region at the top, not just the first of a tie.

"Am höchsten: Dingolfing-Landau (2)" is wrong when three Kreise have 2; a journalist copies
it. These helpers name all tied regions ("München (Landkreis), Ostallgäu und
Dingolfing-Landau mit je 2"), in name order so the text is stable.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.text.i18n import t


def joined(names: Sequence[str], lang: str) -> str:
    """"A", "A und B", "A, B und C" (English "and")."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('ties.and', lang)} {names[-1]}"


def top_tied(frame: pd.DataFrame, values: pd.Series) -> tuple[list[str], float | None]:
    """The names (`frame["name"]`, sorted) of every row with the highest value, and that
    value; ([], None) when no value is given. `values` shares `frame`'s index."""
    given = values.dropna()
    if given.empty:
        return [], None
    best = float(given.max())
    names = sorted(frame.loc[given.index[given == best], "name"].astype(str))
    return names, best


def tie_phrase(names: Sequence[str], value_text: str, lang: str, one: str = "ties.one") -> str:
    """"A, B und C mit je 2" for a tie; one region as `one` says: "A (2)" (ties.one) or
    "A mit 2" (ties.with)."""
    key = "ties.each" if len(names) > 1 else one
    return t(key, lang, names=joined(names, lang), value=value_text)
