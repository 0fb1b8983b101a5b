/*
 * Page editor: a live character count under each message of a campaign's message kit, against
 * the chosen channel's limit. The server checks the same limit on save; this only helps.
 * Counts Unicode code points, as the server does.
 */
(function () {
  "use strict";

  var limitsNode = document.getElementById("message-kit-limits");
  var labelsNode = document.getElementById("message-kit-labels");
  if (!limitsNode || !labelsNode) {
    return;
  }
  var limits = JSON.parse(limitsNode.textContent);
  var labels = JSON.parse(labelsNode.textContent);
  var TEXT = /^messages-(\d+)-text$/;

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }

  function counterFor(textarea) {
    var id = textarea.id + "-count";
    var counter = document.getElementById(id);
    if (!counter) {
      counter = document.createElement("p");
      counter.id = id;
      counter.className = "help message-kit-count";
      counter.setAttribute("aria-live", "polite");
      textarea.insertAdjacentElement("afterend", counter);
      var described = textarea.getAttribute("aria-describedby");
      textarea.setAttribute("aria-describedby", described ? described + " " + id : id);
    }
    return counter;
  }

  function update(textarea) {
    var match = TEXT.exec(textarea.name || "");
    if (!match) {
      return;
    }
    var channel = document.querySelector('[name="messages-' + match[1] + '-channel"]');
    var limit = channel ? limits[channel.value] : undefined;
    var length = Array.from(textarea.value).length;
    var counter = counterFor(textarea);
    if (!limit) {
      counter.textContent = "";
      return;
    }
    var text = format(labels.count, { length: length, limit: limit });
    if (length > limit) {
      text += " · " + format(labels.over, { over: length - limit });
      counter.style.color = "#b42318";
      counter.style.fontWeight = "700";
    } else {
      counter.style.color = "";
      counter.style.fontWeight = "";
    }
    counter.textContent = text;
  }

  function textareaOf(channelSelect) {
    var match = /^messages-(\d+)-channel$/.exec(channelSelect.name || "");
    return match ? document.querySelector('[name="messages-' + match[1] + '-text"]') : null;
  }

  document.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      update(event.target);
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") {
      var textarea = textareaOf(event.target);
      if (textarea) {
        update(textarea);
      }
    }
  });
  function all() {
    document.querySelectorAll('textarea[name^="messages-"]').forEach(update);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
  // Messages added with "Add" appear later: count them when they are first focused.
  document.addEventListener("focusin", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      update(event.target);
    }
  });
})();
