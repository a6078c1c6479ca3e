"""Which contact details of a provider the dashboard shows.

The one place the deployment's contact-publishing setting (issue 12: hide phone, e-mail and
street, e.g. for a public deployment of REHADAT's database) is to be wired in: every view that
shows contact details asks `contact_details`, so switching them off is a change here only.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.model.publishing import contacts_hidden
from store.clean import safe_url

CONTACT_FIELDS = ("street", "phone", "email", "website")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


def contact_details(provider: dict[str, Any]) -> dict[str, str]:
    """The provider's published contact details (street, phone, e-mail, website: only
    plain http(s) websites), empty values left out; street, phone and e-mail only when the
    deployment publishes them (ATLAS_HIDE_CONTACTS, dashboard.model.publishing)."""
    hidden = ("street", "phone", "email") if contacts_hidden() else ()
    details = {field: "" if field in hidden else _text(provider.get(field))
               for field in CONTACT_FIELDS}
    details["website"] = safe_url(details["website"]) or ""
    return {k: v for k, v in details.items() if v}
