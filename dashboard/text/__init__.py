"""Words and numbers in two languages: the UI texts, region names, number and date formats, and the
generated descriptions (text alternatives, profile sentences) every page and export shares."""
