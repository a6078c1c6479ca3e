"""Links from the source: only plain http(s) addresses are shown or written.

One rule for the whole project: the store's (`store.clean.safe_url`), which ingest applies
before a URL is stored and the store's readers apply again; pages, tables and exports use the
same function, so a URL the store would drop (another scheme, no host, a malformed IPv6 host
such as `http://[::1`, spaces or control characters) is never shown as a link either.
"""

from __future__ import annotations

from store.clean import safe_url

__all__ = ["safe_url"]
