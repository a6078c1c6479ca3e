"""What machines read: the JSON/CSV/GeoJSON data API (with its answer cache) and the Atom
change feeds."""
