// Render every .vl-chart[data-spec] with the vendored Vega-Embed. Vega runs its expression
// interpreter (ast: true), so no eval and the page's strict Content-Security-Policy holds.
(function () {
  "use strict";
  var opts = { actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter };
  document.querySelectorAll(".vl-chart[data-spec]").forEach(function (el) {
    var spec;
    try { spec = JSON.parse(el.getAttribute("data-spec")); } catch (e) { return; }
    vegaEmbed(el, spec, opts).then(function () {
      el.setAttribute("data-rendered", "1");
    }).catch(function (err) {
      var p = document.createElement("p");
      p.className = "chart-error";
      p.textContent = "Chart failed to render: " + (err && err.message ? err.message : err);
      el.appendChild(p);
      el.setAttribute("data-rendered", "error");
    });
  });
})();
