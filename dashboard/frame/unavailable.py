"""What a reader sees while the store cannot be read: a page with a clear notice, never a
blank one. The router shows it when reading the store fails (store.serving.StoreUnavailable
or a database error); the server recovers by itself, so the notice asks for a reload later."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.text.i18n import t

ANCHOR = "inhalt"


def unavailable_frame(lang: str) -> list[Any]:
    """The app root's children when the data cannot be read (no data is touched here)."""
    return [
        html.Header(
            html.Div(
                html.Div(
                    [
                        html.P(t("app.title", lang), className="brand"),
                        html.P(t("app.tagline", lang), className="tagline"),
                    ],
                    className="brand-box",
                ),
                className="site-header",
            )
        ),
        html.Main(
            html.Div(
                [
                    html.P(html.Strong(t("notice.store_unavailable", lang))),
                    html.P(t("notice.store_unavailable.retry", lang)),
                ],
                className="notice store-unavailable",
                role="alert",
            ),
            id=ANCHOR,
            tabIndex="-1",
        ),
    ]
