// Progressive enhancement of the activity form: when the place, working area, target groups
// or dates change, ask the server for other organisations' overlapping plans and show them in
// the polite live region. Without JavaScript the "Çakışmaları denetle" button does the same.
(function () {
  "use strict";
  var form = document.getElementById("activity-form");
  var region = document.getElementById("overlaps");
  if (!form || !region || !window.fetch || !window.URLSearchParams) return;
  var url = form.getAttribute("data-overlaps-url");
  var ownPk = form.getAttribute("data-activity-pk");
  var names = ["organisation", "province", "district", "working_area", "target_groups", "starts_on", "ends_on"];
  var timer = null;
  var latest = 0;

  function query() {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      var fields = form.querySelectorAll('[name="' + name + '"]');
      Array.prototype.forEach.call(fields, function (field) {
        if ((field.type === "checkbox" || field.type === "radio") && !field.checked) return;
        if (field.value) params.append(name, field.value);
      });
    });
    if (ownPk) params.append("pk", ownPk);
    return params;
  }

  function refresh() {
    var params = query();
    var ask = ++latest;
    fetch(url + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && ask === latest) region.innerHTML = html;
      })
      .catch(function () {
        // The button still works; nothing to do.
      });
  }

  form.addEventListener("change", function (event) {
    if (names.indexOf(event.target.name) === -1) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  });
})();
