// The aLA-Atlas plotly.js bundle: the traces the app draws, and the German locale.
var Plotly = require('plotly.js/lib/core');
Plotly.register([
  require('plotly.js/lib/bar'),
  require('plotly.js/lib/choropleth'),
  require('plotly.js/lib/scattergeo'),
  require('plotly.js/lib/locales/de'),
]);
window.Plotly = Plotly;
