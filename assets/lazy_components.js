// Component libraries loaded when one of their components is first drawn, not with every page
// (dashboard/lazy_components.py moves their script tags into the JSON block read here).
// A stand-in namespace answers Dash's lookup (window.dash_ag_grid.AgGrid) with a component
// that loads the real script once, then draws the real component with the same props. Once
// loaded, the library's other functions (dash_ag_grid.getApi, …) are on the stand-in too.
(function () {
  "use strict";
  var block = document.getElementById("atlas-lazy-scripts");
  if (!block || !window.React) {
    return;
  }
  var React = window.React;
  var libraries = JSON.parse(block.textContent);

  Object.keys(libraries).forEach(function (namespace) {
    var library = libraries[namespace];
    var real = null;
    var loading = null;
    var stub = {};

    function load() {
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = library.src;
          script.onload = function () {
            real = window[namespace];
            Object.keys(real).forEach(function (key) {
              if (library.components.indexOf(key) < 0) {
                stub[key] = real[key];
              }
            });
            window[namespace] = stub; // drawn components keep their type: no remount
            resolve(real);
          };
          script.onerror = function () {
            reject(new Error("could not load " + library.src));
          };
          document.head.appendChild(script);
        });
      }
      return loading;
    }

    library.components.forEach(function (type) {
      function Lazy(props) {
        var setReady = React.useState(real !== null)[1];
        React.useEffect(function () {
          if (real === null) {
            load().then(
              function () { setReady(true); },
              function (error) { console.error(error.message); }
            );
          }
        }, []);
        if (real === null) {
          // holds the component's place so the page does not jump when it arrives
          return React.createElement("div", {
            id: props.id, className: props.className, style: props.style, "aria-busy": "true",
          });
        }
        return React.createElement(real[type], props);
      }
      Lazy.displayName = "Lazy(" + namespace + "." + type + ")";
      stub[type] = Lazy;
    });
    window[namespace] = stub;
  });
})();
