"""Exceptions of the geodata package."""

from __future__ import annotations


class LocateError(ValueError):
    """A PLZ (or PLZ + Ort) that cannot be located: malformed, or not in the PLZ table."""
