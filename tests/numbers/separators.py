"""What a wrongly written decimal number looks like in each language.

English writes 0.25 and 1,234; German writes 0,25 and 1.234. A number with one or two digits
after a comma is a German decimal (wrong in English); one with one or two digits after a point
is an English decimal (wrong in German). Dates (01.12.2022), thousands (1,234 / 1.234),
version-like chains (7.1.0) and addresses are not decimals and are left out, and so is a
verbatim quotation of a source in ASCII single quotes ('2018: 736 (681 = 92,5 %)' on Quellen,
from geodata/raw/reference): a citation keeps the source's own writing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

# a comma or point followed by 1-2 digits and not by another digit, comma or point;
# the number may not be glued to a word, a slash or another separator before it
_WRONG = {
    "en": re.compile(r"(?<![\w.,/:-])\d+,\d{1,2}(?![\d.,])"),
    "de": re.compile(r"(?<![\w.,/:-])\d+\.\d{1,2}(?![\d.,])"),
}
_URL = re.compile(r"https?://\S+|/[\w-]+(?:/[\w.-]+)*\?\S*")
_QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)")


def wrong_numbers(texts: Iterable[str], lang: str) -> list[str]:
    """Every number in `texts` written with the other language's decimal separator, with a
    little context."""
    found = []
    for text in texts:
        clean = _QUOTED.sub(" ", _URL.sub(" ", text))
        for match in _WRONG[lang].finditer(clean):
            start = max(match.start() - 30, 0)
            found.append(clean[start:match.end() + 10].replace("\n", " "))
    return found


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside nested dicts, lists and tuples (a figure, a layout, a record)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def figure_strings(figure: Any) -> list[str]:
    """The strings a Plotly figure shows or substitutes: texts, hovers, customdata, titles,
    annotations (through its JSON, so numpy arrays are included)."""
    if figure is None:
        return []
    from plotly.utils import PlotlyJSONEncoder

    plain = json.loads(json.dumps(figure, cls=PlotlyJSONEncoder))
    return list(strings_in(plain))
