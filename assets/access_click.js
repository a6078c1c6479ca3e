// Where a click on a Plotly geo map fell, in lon/lat (Erreichbarkeit: planning by a click on
// the Kreis map, dashboard/pages/erreichbarkeit_kreis_click.py). A geo choropleth's click data
// names only the region hit; this keeps the point itself on the graph div, computed as
// plotly.js finds the shape under the pointer: the subplot's projection, inverted at the
// pointer's position in the background rectangle's coordinates. Capture phase: it runs before
// plotly.js's own handlers, so the point is there when Dash reads the click.
(function () {
  function lonLatAt(gd, event) {
    const geo = gd._fullLayout && gd._fullLayout.geo;
    const sub = geo && geo._subplot;
    if (!sub || !sub.projection || !sub.bgRect) {
      return null;
    }
    const node = sub.bgRect.node();
    const matrix = node && node.getScreenCTM();
    if (!matrix) {
      return null;
    }
    const local = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const lonLat = sub.projection.invert([local.x, local.y]);
    return lonLat && lonLat.every(Number.isFinite) ? lonLat : null;
  }

  function keep(event) {
    const gd = event.target && event.target.closest && event.target.closest(".js-plotly-plot");
    if (gd) {
      gd._atlasClickLonLat = lonLatAt(gd, event);
    }
  }

  // pointerdown too: plotly.js may report a click on mouseup, before the "click" event
  document.addEventListener("pointerdown", keep, true);
  document.addEventListener("click", keep, true);
})();
