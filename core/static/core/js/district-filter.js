// Progressive enhancement: once a province is chosen, the district list shows only its
// districts. Without JavaScript the list is grouped by province and the server checks the pair.
(function () {
  "use strict";
  var province = document.getElementById("id_province");
  var district = document.getElementById("id_district");
  if (!province || !district) return;
  var groups = Array.prototype.slice.call(district.querySelectorAll("optgroup"));
  function update() {
    var chosen = province.options[province.selectedIndex];
    var name = chosen && chosen.value ? chosen.text : null;
    groups.forEach(function (group) {
      var show = !name || group.label === name;
      group.hidden = !show;
      group.disabled = !show;
    });
    var selected = district.options[district.selectedIndex];
    if (selected && selected.parentNode.disabled) district.value = "";
  }
  province.addEventListener("change", update);
  update();
})();
