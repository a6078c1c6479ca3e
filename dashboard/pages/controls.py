"""Labelled form controls shared by the pages (native radios: keyboard and screen-reader
friendly without extra work)."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n import t


def radio_group(
    component_id: str, label: str, options: list[dict[str, Any]], value: Any
) -> html.Fieldset:
    """A fieldset with a legend and inline radio buttons."""
    return html.Fieldset(
        [
            html.Legend(label),
            dcc.RadioItems(
                id=component_id,
                options=options,
                value=value,
                inline=True,
                className="radio-group",
                inputClassName="radio-input",
                labelClassName="radio-label",
            ),
        ],
        className="control",
    )


def options(prefix: str, keys: tuple[str, ...] | list[str], lang: str) -> list[dict[str, str]]:
    """Options whose labels are the texts `<prefix>.<key>`."""
    return [{"label": t(f"{prefix}.{key}", lang), "value": key} for key in keys]


def dropdown(
    component_id: str, label: str, options_: list[dict[str, Any]], value: Any, **kwargs: Any
) -> html.Div:
    """A labelled dcc.Dropdown."""
    return html.Div(
        [
            html.Label(label, htmlFor=component_id, id=f"{component_id}-label"),
            dcc.Dropdown(id=component_id, options=options_, value=value, **kwargs),
        ],
        className="control",
    )
