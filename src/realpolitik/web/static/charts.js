// Render every .vl-chart[data-spec] with the vendored Vega-Embed. Vega runs its expression
// interpreter (ast: true), so no eval and the page's strict Content-Security-Policy holds.
// Vega-Lite specs size themselves to their box ("width": "container"); a plain Vega spec (the
// force graph) gets the box's width when drawn. PNG/SVG buttons export the drawn chart.
(function () {
  "use strict";
  var opts = { actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter };
  var views = {};
  function wrap(text, width) {  // a title too long for the box, as lines (Vega draws an array as lines)
    var max = Math.max(24, Math.floor(width / 7)), lines = [], line = "";
    text.split(" ").forEach(function (w) {
      if (line && (line + " " + w).length > max) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) lines.push(line);
    return lines.length > 1 ? lines : text;
  }
  function fitTitle(el, spec) {
    var width = el.clientWidth || 600;
    if (typeof spec.title === "string") spec.title = wrap(spec.title, width);
    else if (spec.title && typeof spec.title.text === "string") {
      spec.title.text = wrap(spec.title.text, width);
      if (Array.isArray(spec.title.subtitle)) {
        spec.title.subtitle = [].concat.apply([], spec.title.subtitle.map(function (t) { var w = wrap(t, width * 1.15); return Array.isArray(w) ? w : [w]; }));
      }
    }
    return spec;
  }
  function fitVega(el, spec) {
    fitTitle(el, spec);
    if (spec.projection) {  // a map: its projection fits an explicit size, half as high as wide
      spec.width = Math.max(260, el.clientWidth - 24);
      spec.height = Math.round(spec.width * 0.5);
      delete spec.autosize;
      return spec;
    }
    if (!spec.$schema || spec.$schema.indexOf("/vega/") < 0 || typeof spec.width !== "number") return spec;
    var w = Math.max(260, Math.min(spec.width, el.clientWidth - 24));
    spec.height = Math.round(Math.max(320, Math.min(spec.height, w * 0.8)));
    spec.width = w;
    return spec;
  }
  document.querySelectorAll(".vl-chart[data-spec]").forEach(function (el) {
    var spec;
    try { spec = JSON.parse(el.getAttribute("data-spec")); } catch (e) { return; }
    spec = fitVega(el, spec);
    var wait = null;
    if (spec.data && spec.data.url && spec.data.url.indexOf("/api/") === 0) {  // data from the API: say so while it loads
      wait = document.createElement("p");
      wait.className = "src";
      wait.textContent = "Loading data…";
      el.appendChild(wait);
    }
    vegaEmbed(el, spec, opts).then(function (res) {
      if (wait) wait.remove();
      views[el.getAttribute("data-chart")] = res.view;
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
  document.querySelectorAll("button[data-export]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var name = btn.getAttribute("data-for"), kind = btn.getAttribute("data-export");
      var view = views[name];
      if (!view) return;
      view.toImageURL(kind, kind === "png" ? 2 : 1).then(function (url) {
        var a = document.createElement("a");
        a.href = url;
        a.download = name + "." + kind;
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    });
  });
})();
