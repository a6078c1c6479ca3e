"""The data the views read: the store behind a cache (AtlasData), access and growth frames,
metrics, geometry, search, the view state in the URL, and the contact-publishing rule."""
