"""``python -m scrapers``: see scrapers/cli.py."""

from scrapers.cli import main

main()
