"""Scrapers: REHADAT-Adressen listings (live or recorded) → Provider records.

Modules, one role each: settings (configuration), records (the Provider item),
selectors (every selector and pattern), normalise (cleaning values), parse (pure
HTML → records), http/throttle/robots/fetcher (polite fetching), recording
(--save-pages and replay), crawl (pagination and run checks), render (pages in
the reconstructed markup), cli (``python -m scrapers``).
"""
