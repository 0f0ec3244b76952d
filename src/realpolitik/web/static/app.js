// Country autocomplete for every input[data-autocomplete]: fills its <datalist> from /api/countries.
// Options are built with DOM properties (never innerHTML), so names are never parsed as HTML.
// Time sliders (input[type=range][data-nav]) show their value and go to the page of that value.
(function () {
  "use strict";
  function attach(input) {
    var list = input.list || document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q === last || q.length < 1) return;
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/api/countries?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (rows) {
            if (input.value.trim() !== q) return;
            while (list.firstChild) list.removeChild(list.firstChild);
            rows.forEach(function (c) {
              var opt = document.createElement("option");
              opt.value = c.name;
              opt.textContent = c.name + " (" + c.id + ", " + c.kind + ")";
              list.appendChild(opt);
            });
          })
          .catch(function () {});
      }, 120);
    });
  }
  document.querySelectorAll("input[data-autocomplete]").forEach(attach);
  document.querySelectorAll("input[type=range][data-nav]").forEach(function (r) {
    var out = document.getElementById(r.getAttribute("aria-controls") || "");
    r.addEventListener("input", function () { if (out) out.textContent = r.value; });
    r.addEventListener("change", function () {
      var v = parseInt(r.value, 10) + parseInt(r.getAttribute("data-offset") || "0", 10);
      location.href = r.getAttribute("data-nav").replace("{}", encodeURIComponent(String(v)));
    });
  });
})();
