"""The app's frame around every page: header and shell, component ids, lazy components, the
"data unavailable" frame and the header search form."""
