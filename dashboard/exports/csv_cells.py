"""One rule for spreadsheet formulas in CSV cells, for the API and every export.

Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` as a formula when they
open a CSV file, so a provider name like `=HYPERLINK("http://evil", "klick")` from the source
could run in a reader's spreadsheet (CSV injection). Such a text cell gets a leading
apostrophe, the prefix spreadsheets treat as "this is text" (OWASP's advice).

Which cells are escaped, and why:
- text that starts with `=` or `@`, or with a tab or carriage return (which Excel skips before
  reading the rest as a formula): always;
- text that starts with `+` or `-`: unless it is made only of digits, spaces and the
  characters a phone number or a signed number uses (`+ - / ( ) . ,`). Such a cell holds no
  function name, no cell reference and no `|` (DDE), so a spreadsheet can at most do
  arithmetic with it: it is data, not a formula. `+49 30 1234-5` is a phone number; with an
  apostrophe every other reader (pandas, R, a database import) would get `'+49 30 1234-5`,
  a wrong value, so it stays as it is;
- numbers (not text) are never touched, and neither are empty cells.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

_ALWAYS = ("=", "@", "\t", "\r")
_SIGNS = ("+", "-")
# a sign, then only digits, spaces and phone or number punctuation: nothing a formula can call
_PLAIN_NUMBER = re.compile(r"[+-][0-9 /().,+-]*")


def defuse(value: Any) -> Any:
    """`value` with a leading apostrophe if a spreadsheet would run it as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_ALWAYS):
        return "'" + value
    if value.startswith(_SIGNS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def defuse_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell passed through `defuse` (the frame if it has no
    text column)."""
    text = [c for c in frame.columns
            if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    if not text:
        return frame
    out = frame.copy()
    for column in text:
        out[column] = out[column].map(defuse)
    return out
