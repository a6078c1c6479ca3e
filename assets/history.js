// Back and forward restore the view from the URL. The app writes each change of view into
// the query string (pushState, no reload); the router redraws only on a new path, so when
// the browser walks its history we reload that address, which rebuilds exactly that view.
// Shapes come from the HTTP cache (ETag, max-age), so this costs little.
window.addEventListener("popstate", function () {
  window.location.reload();
});
