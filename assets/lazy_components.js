// Component libraries loaded when one of their components is first drawn, not with every page
// (dashboard/lazy_components.py moves their script tags into the JSON block read here).
// A stand-in namespace answers Dash's lookup (window.dash_ag_grid.AgGrid) with a component
// that loads the real script once, then draws the real component with the same props.
(function () {
  "use strict";
  var block = document.getElementById("atlas-lazy-scripts");
  if (!block || !window.React) {
    return;
  }
  var React = window.React;
  var addresses = JSON.parse(block.textContent);

  Object.keys(addresses).forEach(function (namespace) {
    var real = null;
    var loading = null;
    var components = {};
    var stub;

    function load() {
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = addresses[namespace];
          script.onload = function () {
            real = window[namespace];
            window[namespace] = stub; // keep drawn components: no remount through a new type
            resolve(real);
          };
          script.onerror = function () {
            reject(new Error("could not load " + addresses[namespace]));
          };
          document.head.appendChild(script);
        });
      }
      return loading;
    }

    function lazy(type) {
      function Lazy(props) {
        var state = React.useState(real !== null);
        var setReady = state[1];
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
      return Lazy;
    }

    stub = new Proxy({}, {
      get: function (_target, type) {
        if (typeof type !== "string") {
          return undefined;
        }
        if (!components[type]) {
          components[type] = lazy(type);
        }
        return components[type];
      },
    });
    window[namespace] = stub;
  });
})();
