// Accessibility repairs of third-party markup, applied whenever the DOM changes.
//
// 1. AG Grid keeps empty containers with role="rowgroup" (sticky rows, full-width rows) in the
// DOM. A rowgroup without rows breaks ARIA's required-children rule and confuses screen
// readers, so an empty one is presented as nothing until rows arrive.
(function () {
  function fix(root) {
    root.querySelectorAll(".ag-root [role='rowgroup']").forEach(function (group) {
      var empty = !group.querySelector("[role='row']");
      if (empty && !group.hasAttribute("data-atlas-role")) {
        group.setAttribute("data-atlas-role", "rowgroup");
        group.setAttribute("role", "presentation");
      } else if (!empty && group.getAttribute("data-atlas-role") === "rowgroup") {
        group.removeAttribute("data-atlas-role");
        group.setAttribute("role", "rowgroup");
      }
    });
  }
  // 2. plotly.js parks an invisible measuring <svg id="js-plotly-tester"> at the end of
  //    <body>, outside every landmark; it carries no content, so hide it from assistive tech.
  function hideTester() {
    var tester = document.getElementById("js-plotly-tester");
    if (tester && tester.getAttribute("aria-hidden") !== "true") {
      tester.setAttribute("aria-hidden", "true");
    }
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      fix(document);
      hideTester();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
