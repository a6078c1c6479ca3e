// Functions the AG Grid column definitions call by name (dash-ag-grid looks them up here).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// A number as its readers write it: 1.234,5 in German, 1,234.5 in English; "–" for none.
dagfuncs.atlasNumber = function (value, lang, decimals) {
  if (value === null || value === undefined || value === "" || Number.isNaN(value)) {
    return "–";
  }
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "de-DE", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
};

// Tab leaves the grid instead of walking through every cell (arrow keys move between cells),
// so keyboard users are not trapped in a table of hundreds of rows.
dagfuncs.atlasTabOut = function () {
  return false;
};

// Enter on a focused cell that holds a region's profile link follows the link, as a click
// would (the same handler, so the page changes the same way); everything else is the grid's.
// Returning true tells AG Grid the key is handled (colDef.suppressKeyboardEvent).
dagfuncs.atlasOpenLink = function (params) {
  var event = params.event;
  if (params.editing || event.type !== "keydown" || event.key !== "Enter") {
    return false;
  }
  var cell = event.target && event.target.closest ? event.target.closest(".ag-cell") : null;
  var link = cell && cell.querySelector("a.region-link");
  if (!link) {
    return false;
  }
  link.click();
  return true;
};
