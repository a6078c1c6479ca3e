"""The web server and its protections: gunicorn entry, request limits, callback guard, static
compression, the Plotly bundle, the page router, and a client for Dash callbacks (tests, bench)."""
