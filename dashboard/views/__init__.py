"""Pure builders of what the Tabelle and Anbieter grids show: rows, total rows and column
definitions from store frames. Below both `dashboard.pages` (which put them into grids) and
`dashboard.exports` (which write the same rows and columns into files), so that an export
never imports a page. No Dash, no callbacks, no store access here: frames in, rows out.
"""
