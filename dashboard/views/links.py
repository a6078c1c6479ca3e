"""Links from the source: only plain http(s) addresses are shown or written.

One rule for the whole product: the store's (`store.clean.safe_url`), which also cleans every
URL at ingest and on every read; the views name it here for the grids and exports."""

from __future__ import annotations

from store.clean import safe_url

__all__ = ["safe_url"]
