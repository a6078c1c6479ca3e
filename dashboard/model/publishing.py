"""What a deployment publishes of each provider's contact details.

REHADAT-Adressen is a database in the sense of §§ 87a ff. UrhG (database maker's right):
counting and mapping is one thing, republishing every entry's phone, e-mail and street is
another. `ATLAS_HIDE_CONTACTS=1` hides those three fields everywhere the atlas shows or hands
out providers (pages, hovers, the data API, exports, the change feed); name, place, category,
services and the link to the REHADAT entry stay. Read at each use, so a test or an operator
can change it without a rebuild; a value other than 0/1/true/false/yes/no/empty stops the
start with a one-line error (`check_setting`).
"""

from __future__ import annotations

import os

import pandas as pd

ENV = "ATLAS_HIDE_CONTACTS"
CONTACT_FIELDS: tuple[str, ...] = ("phone", "email", "street")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


class SettingError(ValueError):
    """Raised by check_setting (at start-up) for a value that is neither on nor off."""


def _value() -> str:
    return os.environ.get(ENV, "").strip().lower()


def check_setting() -> None:
    """Refuse a value that is neither on nor off, with a one-line message."""
    if _value() not in _TRUE + _FALSE:
        raise SettingError(
            f"{ENV} must be 1 (hide phone, e-mail and street) or 0, not {os.environ[ENV]!r}"
        )


def contacts_hidden() -> bool:
    """True when this deployment must not publish phone, e-mail and street."""
    return _value() in _TRUE


def _is_contact(column: object) -> bool:
    # provider frames name them "street"; diffs of two snapshots "street_old"/"street_new"
    name = str(column)
    base, _, side = name.rpartition("_")
    return name in CONTACT_FIELDS or (base in CONTACT_FIELDS and side in ("old", "new"))


def redact(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (providers, or a diff of two snapshots) with its contact columns emptied
    (None) when contacts are hidden; the same frame untouched otherwise."""
    if not contacts_hidden():
        return frame
    present = [c for c in frame.columns if _is_contact(c)]
    if not present:
        return frame
    out = frame.copy()
    for column in present:
        out[column] = pd.Series([None] * len(out), index=out.index, dtype=object)
    out.attrs = frame.attrs
    return out


def redact_record(record: dict) -> dict:
    """A provider dict with the contact fields set to None when contacts are hidden."""
    if not contacts_hidden():
        return record
    return {k: (None if _is_contact(k) else v) for k, v in record.items()}
