// Erreichbarkeit's Gemeinde map in two layers (dashboard/pages/erreichbarkeit_overlay.py): the
// map (#access-map, 10,997 Gemeinden) and over it a transparent graph with the plan
// (#access-map-plan). A planning click redraws only the plan's graph; this keeps the two one
// map to the eye and the hand:
// - the same view: the map's pan and zoom (mouse, wheel, touch), live while dragging and when
//   done, and its plot area (margins that its legend pushed) are copied to the plan's graph;
// - the pointer belongs to the map (the plan's graph lets every event through, CSS), and is
//   handed on to the plan's graph so that its hover shows a planned Gemeinde's planned values;
//   the map's own label (the snapshot's values) hides while the plan's graph shows one;
// - a click on a star (which may overhang other Gemeinden) is noted as that star's Gemeinde.
// And the 2SFCA map under it: a new figure while it is out of sight is drawn when it comes
// into sight (see deferSfca).
(function () {
  const BASE = "access-map";
  const PLAN = "access-map-plan";
  const SFCA = "access-sfca-map";
  const STAR_RADIUS = 10; // px: a star marker is 16 px wide

  const graphOf = (id) => document.querySelector("#" + id + " .js-plotly-plot");
  const subplotOf = (gd) => gd && gd._fullLayout && gd._fullLayout.geo &&
    gd._fullLayout.geo._subplot;
  const isPlan = (gd) => !!(gd && gd.layout && gd.layout.meta &&
    gd.layout.meta.level === "gemeinde-plan");

  // the map's view and plot area as layout attributes of the plan's graph
  function viewOf(base) {
    const geo = base._fullLayout.geo;
    const size = base._fullLayout._size;
    return {
      "geo.center.lon": geo.center.lon,
      "geo.center.lat": geo.center.lat,
      "geo.projection.scale": geo.projection.scale,
      "geo.projection.rotation.lon": geo.projection.rotation.lon,
      "geo.fitbounds": false,
      "margin.l": size.l, "margin.r": size.r, "margin.t": size.t, "margin.b": size.b,
    };
  }

  function differs(plan, wanted) {
    const full = plan._fullLayout;
    return Object.keys(wanted).some((key) => {
      let node = full;
      for (const part of key.split(".")) { node = node == null ? node : node[part]; }
      const want = wanted[key];
      return typeof want === "number" ? !(Math.abs(node - want) < 1e-9) : node !== want;
    });
  }

  let syncing = false;
  function sync() {
    const base = graphOf(BASE);
    const plan = graphOf(PLAN);
    if (syncing || !subplotOf(base) || !subplotOf(plan) || !isPlan(plan)) { return; }
    const wanted = viewOf(base);
    if (!differs(plan, wanted)) { aligned(plan, base); return; }
    syncing = true;
    Promise.resolve(Plotly.update(plan, {}, wanted)).finally(() => {
      syncing = false;
      aligned(plan, base);
    });
  }

  // A new figure for the layer (a new plan) is drawn in the map's view and plot area at once:
  // drawn in its own first (the server knows neither) it took a second draw, and a frame out
  // of place. The figure is copied, not changed (it is Dash's prop).
  function inMapsView(layout, base) {
    if (!layout || !layout.meta || layout.meta.level !== "gemeinde-plan" || !subplotOf(base)) {
      return layout;
    }
    const view = viewOf(base);
    const geo = layout.geo || {};
    const projection = geo.projection || {};
    return {
      ...layout,
      margin: {...layout.margin, l: view["margin.l"], r: view["margin.r"], t: view["margin.t"],
               b: view["margin.b"]},
      geo: {...geo, fitbounds: false,
            center: {lon: view["geo.center.lon"], lat: view["geo.center.lat"]},
            projection: {...projection, scale: view["geo.projection.scale"],
                         rotation: {...projection.rotation,
                                    lon: view["geo.projection.rotation.lon"]}}},
    };
  }

  // The 2SFCA map lies below the Gemeinde map, mostly out of sight while one plans on the map
  // above, yet every plan redrew its 401 Kreise (~70 ms of a planning click's main thread on
  // the loaded test machine). Drawn before and out of sight, its newest figure waits and is
  // drawn as the map comes within 100 px of the viewport (or is shown again).
  let pendingSfca = null;
  let sfcaWatch = null;
  function outOfSight(gd) {
    const box = gd.getBoundingClientRect();
    return box.height === 0 || box.bottom < -100 || box.top > window.innerHeight + 100;
  }
  function deferSfca(react, self, gd, args) {
    if (!window.IntersectionObserver || !gd._fullLayout || !gd.data || !outOfSight(gd)) {
      return null;
    }
    pendingSfca = {react, self, gd, args};
    if (!sfcaWatch) {
      sfcaWatch = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting) || !pendingSfca) { return; }
        const {react: draw, self: that, gd: target, args: latest} = pendingSfca;
        pendingSfca = null;
        sfcaWatch.disconnect();
        if (target.isConnected) { draw.call(that, target, ...latest); }
      }, {rootMargin: "100px 0px"});
    }
    sfcaWatch.disconnect();
    sfcaWatch.observe(gd);
    return Promise.resolve(gd);
  }

  function hookReact() {
    if (!window.Plotly || !Plotly.react || Plotly.react.atlasPlanLayer) { return; }
    const react = Plotly.react;
    const hooked = function (gd, figure, ...rest) {
      if (gd && gd.closest && gd.closest("#" + SFCA)) {
        const waiting = deferSfca(react, this, gd, [figure, ...rest]);
        if (waiting) { return waiting; }
        pendingSfca = null; // drawn now: an older waiting figure is stale
      }
      if (gd && gd.closest && gd.closest("#" + PLAN)) {
        const base = graphOf(BASE);
        if (figure && !Array.isArray(figure) && "layout" in figure) {
          figure = {...figure, layout: inMapsView(figure.layout, base)};
        } else if (rest.length) {
          rest[0] = inMapsView(rest[0], base);
        }
      }
      return react.call(this, gd, figure, ...rest);
    };
    hooked.atlasPlanLayer = true;
    Plotly.react = hooked;
  }

  // shown once it lies where the map lies (a first frame in the figure's own view would flash)
  function aligned(plan, base) {
    const stack = base.closest(".map-stack");
    if (stack) { stack.classList.add("plan-aligned"); }
  }

  // while the map is dragged: its projection as it is now, drawn on the plan's few paths
  function follow() {
    const base = subplotOf(graphOf(BASE));
    const plan = subplotOf(graphOf(PLAN));
    if (!base || !plan || !base.projection || !plan.projection) { return; }
    try {
      plan.projection.scale(base.projection.scale()).translate(base.projection.translate())
        .rotate(base.projection.rotate());
      plan.render(true);
    } catch (error) {
      sync();
    }
  }

  // the pointer over the map, handed to the plan's graph (plotly.js finds the shape under it
  // from offsetX/offsetY on the background rectangle, as for a real event)
  function handOn(event, type) {
    const plan = graphOf(PLAN);
    const sub = subplotOf(plan);
    if (!sub || !sub.bgRect || !isPlan(plan) || !plan.data.length) { return; }
    sub.bgRect.node().dispatchEvent(new MouseEvent(type, {
      clientX: event.clientX, clientY: event.clientY, screenX: event.screenX,
      screenY: event.screenY, bubbles: true, cancelable: true, view: window,
    }));
  }

  // the star under the pointer, if any: where the click should land
  function starAt(event) {
    const plan = graphOf(PLAN);
    const sub = subplotOf(plan);
    if (!sub || !sub.projection || !sub.bgRect || !isPlan(plan)) { return null; }
    const stars = plan.data.find((t) => t.marker && t.marker.symbol === "star");
    const matrix = sub.bgRect.node().getScreenCTM();
    if (!stars || !stars.lon || !matrix) { return null; }
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    let best = null;
    let nearest = STAR_RADIUS;
    stars.lon.forEach((lon, i) => {
      const xy = sub.projection([lon, stars.lat[i]]);
      const distance = xy ? Math.hypot(xy[0] - at.x, xy[1] - at.y) : Infinity;
      if (distance <= nearest) { nearest = distance; best = stars.customdata[i]; }
    });
    return best;
  }

  function noteStar(event) {
    const base = event.target && event.target.closest && event.target.closest("#" + BASE);
    const gd = base && graphOf(BASE);
    if (gd) { gd._atlasStarHit = {code: starAt(event), at: Date.now()}; }
  }

  function wire(base, plan) {
    if (!base._atlasOverlay) {
      base._atlasOverlay = true;
      base.on("plotly_relayouting", follow);
      base.on("plotly_relayout", sync);
      base.on("plotly_afterplot", sync);
      base.addEventListener("mousemove", (event) => handOn(event, "mousemove"));
      base.addEventListener("mouseleave", (event) => handOn(event, "mouseout"));
    }
    if (!plan._atlasOverlay) {
      plan._atlasOverlay = true;
      const stack = () => plan.closest(".map-stack");
      // a redrawn layer has no label (a new plan under the pointer): the map's shows again
      plan.on("plotly_afterplot", () => {
        if (stack()) { stack().classList.remove("plan-hover"); }
        sync();
      });
      plan.on("plotly_hover", () => stack() && stack().classList.add("plan-hover"));
      plan.on("plotly_unhover", () => stack() && stack().classList.remove("plan-hover"));
    }
    sync();
  }

  // the graphs come and go with the page: wire them when both are drawn
  function watch() {
    hookReact();
    const base = graphOf(BASE);
    const plan = graphOf(PLAN);
    if (base && plan && base.on && plan.on && (!base._atlasOverlay || !plan._atlasOverlay)) {
      wire(base, plan);
    }
  }

  new MutationObserver(watch).observe(document.documentElement, {childList: true,
                                                                 subtree: true});
  document.addEventListener("pointerdown", noteStar, true);
  document.addEventListener("click", noteStar, true);
})();
