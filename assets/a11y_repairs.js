// Accessibility repairs of third-party markup that no component prop can change, applied
// whenever the DOM (or one of the attributes repaired here) changes. Every repair is
// idempotent: it writes only when the DOM differs from the repaired state, so the observer
// settles after one round. What the components can do themselves is done in Python
// (dashboard/pages/controls.py: plain labelled radios and checkboxes in a fieldset).
(function () {
  // 1. AG Grid keeps empty containers with role="rowgroup" (sticky rows, full-width rows) in
  //    the DOM, some with aria-hidden="false". A rowgroup without rows breaks ARIA's
  //    required-children rule for the grid (axe: aria-required-children, critical). An empty
  //    one is presented as nothing until rows arrive; its aria-hidden="false" goes too,
  //    because a global ARIA attribute would cancel role="presentation".
  function fixGridGroups(root) {
    root.querySelectorAll(".ag-root [role='rowgroup'], .ag-root [data-atlas-role]").forEach(
      function (group) {
        var empty = !group.querySelector("[role='row']");
        var repaired = group.hasAttribute("data-atlas-role");
        if (empty) {
          if (!repaired) group.setAttribute("data-atlas-role", "rowgroup");
          if (group.getAttribute("role") !== "presentation") {
            group.setAttribute("role", "presentation");
          }
          if (group.getAttribute("aria-hidden") === "false") {
            group.removeAttribute("aria-hidden");
          }
        } else if (repaired) {
          group.removeAttribute("data-atlas-role");
          group.setAttribute("role", "rowgroup");
        }
      }
    );
  }

  // 2. Dash 4's dcc.Dropdown puts a hidden <input class="dash-dropdown-focus-target"
  //    aria-hidden="true" tabindex="0"> before its button (tabindex -1) and forwards focus
  //    from one to the other. A focusable element inside aria-hidden is announced as nothing
  //    (axe: aria-hidden-focus, serious). The input is made inert and the button itself
  //    becomes the tab stop (same order, same keys: Enter/ArrowDown open the list).
  //    The button is named by its value alone (aria-labelledby on the value span); the
  //    control's <label for> is put in front, so it reads "Datenstand: 01.12.2022".
  function fixDropdowns(root) {
    root.querySelectorAll("input.dash-dropdown-focus-target").forEach(function (target) {
      if (!target.inert) target.inert = true;
      if (target.getAttribute("tabindex") !== "-1") target.setAttribute("tabindex", "-1");
      var button = target.nextElementSibling;
      if (!button || !button.classList.contains("dash-dropdown")) return;
      if (button.getAttribute("tabindex") !== "0" && !button.disabled) {
        button.setAttribute("tabindex", "0");
      }
      // its <label for>, else the <label> beside its wrapper (pattern ids have no plain for)
      var wrapper = target.parentElement;
      var label = (button.id && document.querySelector("label[for='" + CSS.escape(button.id) + "']"))
        || (wrapper && wrapper.parentElement && wrapper.parentElement.querySelector(":scope > label"));
      var named = button.getAttribute("aria-labelledby") || "";
      if (label) {
        if (!label.id) label.id = button.id + "-label";
        if (named.split(" ").indexOf(label.id) < 0) {
          button.setAttribute("aria-labelledby", (label.id + " " + named).trim());
        }
      }
    });
  }

  // 3. The open list of a dcc.Dropdown (a Radix popover, role="dialog", without a name)
  //    holds an unnamed role="listbox" whose role="option" <label>s wrap the radio or
  //    checkbox <input> that keyboard focus actually moves to (axe: aria-dialog-name,
  //    aria-input-field-name, nested-interactive). It becomes what it is: a radio group
  //    (or a group of checkboxes) of plain labelled inputs, named like the dropdown.
  function nameOf(button) {
    var ids = (button.getAttribute("aria-labelledby") || "").split(" ");
    return ids.length && document.getElementById(ids[0]) && ids[0].slice(-6) === "-label"
      ? ids[0] : "";
  }
  function fixOptionLists(root) {
    root.querySelectorAll(".dash-dropdown[aria-controls]").forEach(function (button) {
      var content = document.getElementById(button.getAttribute("aria-controls"));
      var label = nameOf(button);
      if (button.getAttribute("aria-haspopup") !== "dialog") {
        button.setAttribute("aria-haspopup", "dialog");
      }
      if (!content || !label) return;
      if (content.getAttribute("aria-labelledby") !== label) {
        content.setAttribute("aria-labelledby", label);
      }
      content.querySelectorAll(".dash-options-list").forEach(function (list) {
        if (list.getAttribute("aria-labelledby") !== label) {
          list.setAttribute("aria-labelledby", label);
        }
      });
    });
    root.querySelectorAll(".dash-options-list[role='listbox']").forEach(function (list) {
      var radio = list.querySelector("input[type='radio']");
      list.setAttribute("role", radio || !list.querySelector("input") ? "radiogroup" : "group");
    });
    root.querySelectorAll(".dash-options-list [role='option'], .dash-options-list label[aria-selected]")
      .forEach(function (option) {
        option.removeAttribute("role");
        option.removeAttribute("aria-selected");
      });
  }

  // 4. Dash 4's dcc.Slider renders a role="slider" thumb without a name (axe:
  //    aria-input-field-name, serious) and with the raw value (a day number on the
  //    timeline) as the only thing a screen reader says. The thumb takes the name of the
  //    group it sits in, and its value text from the mark drawn at its position.
  function fixSliders(root) {
    root.querySelectorAll(".dash-slider-root [role='slider']").forEach(function (thumb) {
      var group = thumb.closest("[role='group'][aria-labelledby]");
      if (group && !thumb.hasAttribute("aria-labelledby")) {
        thumb.setAttribute("aria-labelledby", group.getAttribute("aria-labelledby"));
      }
      var min = +thumb.getAttribute("aria-valuemin");
      var max = +thumb.getAttribute("aria-valuemax");
      var now = +thumb.getAttribute("aria-valuenow");
      var marks = thumb.closest(".dash-slider-root").querySelectorAll(".dash-slider-mark");
      if (!marks.length || !(max > min)) return;
      var at = ((now - min) / (max - min)) * 100;
      var best = null;
      var gap = Infinity;
      marks.forEach(function (mark) {
        var left = parseFloat((mark.style.left.match(/([\d.]+)%/) || [])[1]);
        if (Math.abs(left - at) < gap) { gap = Math.abs(left - at); best = mark; }
      });
      var text = best ? best.textContent : "";
      if (text && thumb.getAttribute("aria-valuetext") !== text) {
        thumb.setAttribute("aria-valuetext", text);
      }
    });
  }

  // 5. plotly.js parks an invisible measuring <svg id="js-plotly-tester"> at the end of
  //    <body>, outside every landmark; it carries no content, so hide it from assistive tech.
  function hideTester() {
    var tester = document.getElementById("js-plotly-tester");
    if (tester && tester.getAttribute("aria-hidden") !== "true") {
      tester.setAttribute("aria-hidden", "true");
    }
  }

  function repair() {
    fixGridGroups(document);
    fixDropdowns(document);
    fixOptionLists(document);
    fixSliders(document);
    hideTester();
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair();
    });
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    // what the components write back (AG Grid: aria-hidden, role; the dropdown's blur
    // handler: tabindex on its focus target; its popover id and options; the slider's value)
    attributeFilter: ["aria-hidden", "role", "tabindex", "aria-valuenow", "aria-selected",
                      "aria-controls"],
  });
})();
