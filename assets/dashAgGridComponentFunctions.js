// Cell renderers the AG Grid column definitions name (dash-ag-grid looks them up here).
var dagcomponentfuncs = (window.dashAgGridComponentFunctions =
  window.dashAgGridComponentFunctions || {});

// A region's name as a link to its profile (/region/<ARS>); rows without one (the total row)
// keep plain text. The href comes from the row data the server built, never from the name.
dagcomponentfuncs.atlasRegionLink = function (props) {
  var href = props.data && props.data.profile;
  if (!href) {
    return props.value;
  }
  return React.createElement("a", { href: href, className: "region-link" }, props.value);
};
