// AG Grid keeps empty containers with role="rowgroup" (sticky rows, full-width rows) in the
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
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      fix(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
