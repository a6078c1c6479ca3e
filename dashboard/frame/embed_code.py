"""The "Einbetten / Embed" control under every view that can be embedded (issue 21): a
disclosure with a read-only, labelled text field holding an `<iframe>` code for the current
view (`embed=1` plus the URL's whole state, a height that fits the page) and a copy button.

The shell puts it under the page's content, so no page module needs a line for it. The code
follows the URL in the browser (one clientside callback for all pages, no round trip, also
when the control is drawn); the server writes the first version from the page's state.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qsl, urlencode

import flask
from dash import ALL, Dash, Input, Output, State, dcc, html

from dashboard.frame import ids
from dashboard.model.context import PageContext
from dashboard.model.state import to_query
from dashboard.text.i18n import LANGS, t

# pages with an embed view and the iframe height (px) that shows their main figure whole
HEIGHTS: dict[str, int] = {
    "karte": 900,
    "tabelle": 760,
    "entwicklung": 1400,
    "erreichbarkeit": 1100,
    "anbieter": 800,
    "region": 1200,
}
CODE = "embed-code"
COPY = "embed-copy"
STATUS = "embed-status"


def embed_src(base: str, path: str, search: str) -> str:
    """The view's address with `embed=1` (any embed value the query had is replaced)."""
    pairs = [(k, v) for k, v in parse_qsl(search.lstrip("?"), keep_blank_values=True)
             if k != "embed"]
    return f"{base.rstrip('/')}{path}?{urlencode([*pairs, ('embed', '1')])}"


def iframe_code(src: str, title: str, height: int) -> str:
    """A copyable `<iframe>` for `src`: titled (screen readers name the frame by it), full
    width, borderless, lazily loaded; attribute values escaped."""
    if height <= 0:
        raise ValueError(f"height must be a positive number of pixels, not {height!r}")
    return (
        f'<iframe src="{escape(src, quote=True)}" title="{escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def _base(ctx: PageContext) -> str:
    """Scheme, host and the app's prefix of the address the page was requested from."""
    host = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    return host + ctx.path("").rstrip("/")


def embed_control(ctx: PageContext, page: str, path: str, page_name: str) -> html.Details | None:
    """The control for `page` (a key of HEIGHTS; None for pages without an embed view).
    `path` is the page's path below the app prefix ("/karte", "/region/09"), `page_name` the
    words for the frame's title."""
    if page not in HEIGHTS:
        return None
    lang = ctx.lang
    src = embed_src(_base(ctx), path, to_query(ctx.state))
    title = t("embed.frame_title", lang, page=page_name)
    label_id = f"embed-label-{page}"
    return html.Details(
        [
            html.Summary(t("embed.button", lang), className="embed-summary"),
            html.Div(
                [
                    html.P(t("embed.hint", lang), className="hint"),
                    # the field inside its label: dcc.Textarea takes no aria-* props
                    html.Label(
                        [
                            html.Span(t("embed.label", lang), className="embed-label"),
                            dcc.Textarea(
                                id={"type": CODE, "page": page},
                                value=iframe_code(src, title, HEIGHTS[page]),
                                readOnly=True,
                                className="embed-code",
                                spellCheck="false",
                            ),
                        ],
                        id=label_id,
                    ),
                    html.Div(
                        [
                            html.Button(t("embed.copy", lang), id={"type": COPY, "page": page},
                                        className="embed-copy", type="button"),
                            html.P(id={"type": STATUS, "page": page}, role="status",
                                   className="embed-status"),
                        ],
                        className="embed-actions",
                    ),
                ],
                className="embed-body",
            ),
        ],
        className="embed-control",
    )


# the src follows the URL; the rest of the code (title, height) is the server's
_FOLLOW_JS = """
function (search, pathname, codes) {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  url.searchParams.append('embed', '1');
  const src = url.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (codes || []).map(code => (code || '').replace(/src="[^"]*"/, 'src="' + src + '"'));
}
"""

# select the code (so Ctrl+C works whatever happens) and copy it; say what happened in the
# page's language (TEXTS is filled in from i18n when the callback is registered)
_COPY_JS = """
function (clicks, codes) {
  const TEXTS = %s;
  const said = TEXTS[document.documentElement.lang] || TEXTS.de;
  const copied = said.copied, failed = said.failed;
  const ctx = window.dash_clientside.callback_context;
  const done = (clicks || []).map(() => window.dash_clientside.no_update);
  if (!ctx.triggered.length || !ctx.triggered[0].value) { return done; }
  const field = document.querySelector('.embed-code');
  if (field) { field.focus(); field.select(); }
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  if (!ok && navigator.clipboard && codes && codes[0]) {
    navigator.clipboard.writeText(codes[0]).catch(() => {});
    ok = true;
  }
  return (clicks || []).map(() => ok ? copied : failed);
}
"""


def register_embed(app: Dash) -> None:
    """The two clientside callbacks of every embed control (pattern ids: any page)."""
    app.clientside_callback(
        _FOLLOW_JS,
        Output({"type": CODE, "page": ALL}, "value"),
        Input(ids.URL, "search"),
        Input(ids.URL, "pathname"),
        State({"type": CODE, "page": ALL}, "value"),
    )
    texts = {lang: {"copied": t("embed.copied", lang), "failed": t("embed.copy_failed", lang)}
             for lang in LANGS}
    app.clientside_callback(
        _COPY_JS % json.dumps(texts, ensure_ascii=False),
        Output({"type": STATUS, "page": ALL}, "children"),
        Input({"type": COPY, "page": ALL}, "n_clicks"),
        State({"type": CODE, "page": ALL}, "value"),
        prevent_initial_call=True,
    )
