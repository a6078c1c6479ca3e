"""Labelled form controls shared by the pages.

Radio groups are plain labelled <input type="radio"> elements (dash-bootstrap-components'
RadioItems, without Bootstrap's stylesheet) inside a <fieldset> whose <legend> names the group.
Dash 4's own dcc.RadioItems renders an unnamed role="listbox" whose role="option" labels wrap
the focusable radios, which axe-core reports (aria-input-field-name, nested-interactive) and
screen readers announce as a list box instead of radio buttons."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.text.i18n import t


def radio_group(
    component_id: str, label: str, options: list[dict[str, Any]], value: Any
) -> html.Fieldset:
    """A fieldset with a legend and inline radio buttons (one `name`, so arrow keys move
    within the group and Tab leaves it)."""
    return html.Fieldset(
        [
            html.Legend(label),
            dbc.RadioItems(
                id=component_id,
                name=component_id,
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


def checkbox(component_id: str, label: str, checked: bool) -> html.Div:
    """One labelled checkbox whose `value` is ["on"] or [] (a plain <input type="checkbox">
    with its <label>, for the reason given at the top for radios)."""
    return html.Div(
        dbc.Checklist(
            id=component_id,
            options=[{"label": label, "value": "on"}],
            value=["on"] if checked else [],
            className="checkbox",
        ),
        className="control",
    )


def scroll_box(table: Any, label: str, **props: Any) -> html.Div:
    """A table that scrolls sideways on a narrow screen instead of widening the page (a
    focusable, named region, so keyboard and screen-reader users can scroll it too); `props`
    such as an `id` go to the box."""
    return html.Div(table, className="table-scroll", tabIndex="0", role="region",
                    **{"aria-label": label}, **props)
