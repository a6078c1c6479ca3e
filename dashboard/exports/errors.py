"""The one exception the export layer raises, so callers (button, CLI) can show its message."""

from __future__ import annotations


class ExportError(ValueError):
    """A requested export cannot be made.

    Raised by request validation (an unknown page, level, category, metric, format or snapshot;
    the message names the allowed values) and by the image renderer (no Chromium, a render that
    failed or timed out). The message is one line, meant for a person: the CLI prints it as is.
    """
