/* The province map, enhanced: a label box beside the province under the pointer or keyboard
   focus, and the focused province's outline drawn on top of its neighbours. Without this file
   every province is still a link with its name and figure (aria-label and <title>), and the
   table below the map has all the numbers. The label box is aria-hidden: screen readers
   already hear the link's name. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  function init(frame) {
    var svg = frame.querySelector("svg");
    var tooltip = frame.querySelector("[data-map-tooltip]");
    if (!svg || !tooltip) {
      return;
    }
    var ring = document.createElementNS(SVG_NS, "use");
    ring.setAttribute("class", "map-focus-ring");
    ring.setAttribute("aria-hidden", "true");

    function show(link, x, y) {
      var path = link.querySelector("path");
      tooltip.textContent = link.getAttribute("data-label") || "";
      tooltip.hidden = false;
      var frameBox = frame.getBoundingClientRect();
      if (x === undefined) {
        var box = path.getBoundingClientRect();
        x = box.left + box.width / 2;
        y = box.top;
      }
      var left = x - frameBox.left + 12;
      var top = y - frameBox.top - tooltip.offsetHeight - 8;
      left = Math.max(0, Math.min(left, frame.clientWidth - tooltip.offsetWidth));
      tooltip.style.left = left + "px";
      tooltip.style.top = Math.max(0, top) + "px";
      ring.setAttribute("href", "#" + path.id);
      svg.appendChild(ring);
      link.classList.add("is-active");
    }

    function hide(link) {
      tooltip.hidden = true;
      if (ring.parentNode) {
        ring.parentNode.removeChild(ring);
      }
      if (link) {
        link.classList.remove("is-active");
      }
    }

    svg.querySelectorAll("a.map-province").forEach(function (link) {
      // The native <title> tooltip would repeat the label box.
      var title = link.querySelector("title");
      if (title) {
        title.parentNode.removeChild(title);
      }
      link.addEventListener("focus", function () {
        show(link);
      });
      link.addEventListener("blur", function () {
        hide(link);
      });
      link.addEventListener("mousemove", function (event) {
        show(link, event.clientX, event.clientY);
      });
      link.addEventListener("mouseleave", function () {
        if (document.activeElement !== link) {
          hide(link);
        }
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        hide(svg.querySelector("a.map-province.is-active"));
      }
    });
  }

  document.querySelectorAll("[data-map]").forEach(init);
})();
