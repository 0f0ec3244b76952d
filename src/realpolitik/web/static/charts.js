// Render every .vl-chart[data-spec] with the vendored Vega-Embed. Vega runs its expression
// interpreter (ast: true), so no eval and the page's strict Content-Security-Policy holds.
(function () {
  "use strict";
  var opts = { actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter };
  document.querySelectorAll(".vl-chart[data-spec]").forEach(function (el) {
    var spec;
    try { spec = JSON.parse(el.getAttribute("data-spec")); } catch (e) { return; }
    var wait = null;
    if (spec.data && spec.data.url) {  // data fetched from the API: say so while it loads
      wait = document.createElement("p");
      wait.className = "src";
      wait.textContent = "Loading data…";
      el.appendChild(wait);
    }
    vegaEmbed(el, spec, opts).then(function () {
      if (wait) wait.remove();
      el.setAttribute("data-rendered", "1");
    }).catch(function (err) {
      if (wait) wait.remove();
      var p = document.createElement("p");
      p.className = "chart-error";
      p.textContent = "Chart failed to render: " + (err && err.message ? err.message : err);
      el.appendChild(p);
      el.setAttribute("data-rendered", "error");
    });
  });
})();
