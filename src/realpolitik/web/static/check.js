// Claim check page: clicking a highlighted claim shows its evidence card (works without JS via :target).
(function () {
  "use strict";
  function show(i) {
    document.querySelectorAll(".evidence.active, a.claim.active").forEach(function (el) { el.classList.remove("active"); });
    var card = document.getElementById("ev-" + i);
    if (card) card.classList.add("active");
    document.querySelectorAll('a.claim[data-claim="' + i + '"]').forEach(function (el) { el.classList.add("active"); });
    var hint = document.querySelector(".evidence-panel .hint");
    if (hint) hint.style.display = "none";
  }
  document.querySelectorAll("a[data-claim]").forEach(function (a) {
    a.addEventListener("click", function () { show(a.getAttribute("data-claim")); });
  });
  var m = /^#ev-(\d+)$/.exec(location.hash);
  if (m) show(m[1]);
})();
