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

// Campaign message kit: "Copy" buttons for signed-in NGO members. Without JavaScript the
// buttons stay hidden and the texts can be selected and copied as usual.
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-copy-target]");
  if (!buttons.length) {
    return;
  }
  var status = document.querySelector("[data-copy-status]");

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  buttons.forEach(function (button) {
    button.hidden = false;
    var original = button.innerHTML;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      if (!source) {
        return;
      }
      var text = source.innerText.trim();
      var copy = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : fallbackCopy(text);
      copy.then(function () {
        button.textContent = button.getAttribute("data-copied-label");
        if (status) {
          status.textContent = button.getAttribute("data-copied-label");
        }
        window.setTimeout(function () { button.innerHTML = original; }, 2500);
      }, function () {
        // Leave the text selected so the reader can copy it by hand.
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      });
    });
  });
})();

// Videos load from their provider only when the reader presses play; until then the block is a
// local placeholder with a link to the video.
document.addEventListener("click", function (event) {
  var play = event.target.closest ? event.target.closest("[data-video-play]") : null;
  if (!play) {
    return;
  }
  var frame = play.closest("[data-video-embed]");
  var src = frame && frame.getAttribute("data-video-embed");
  if (!src) {
    return;
  }
  event.preventDefault();
  var iframe = document.createElement("iframe");
  iframe.src = src;
  iframe.title = frame.getAttribute("data-video-title") || "";
  iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = "strict-origin-when-cross-origin";
  frame.innerHTML = "";
  frame.appendChild(iframe);
  iframe.focus();
});
