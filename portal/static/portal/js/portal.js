/*
 * Optional enhancements; every page works without this file.
 * - Keeps the header menu open on wide screens in browsers without ::details-content.
 * - Moves focus to a form's error summary after a failed submission.
 */
(function () {
  "use strict";

  var menu = document.querySelector("details.menu");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 64em)");
    var sync = function () {
      if (wide.matches) {
        menu.open = true;
      }
    };
    sync();
    if (wide.addEventListener) {
      wide.addEventListener("change", sync);
    }
  }

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

// Buttons marked data-once are disabled after their form is sent, so a double click does not
// send the same step twice (the server refuses a repeat anyway).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  if (button && button.hasAttribute("data-once")) {
    window.setTimeout(function () { button.disabled = true; }, 0);
  }
});
