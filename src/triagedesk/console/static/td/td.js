/* Triagedesk pages: live countdowns, board navigation, keyboard shortcuts. No framework. */
(function () {
  "use strict";

  var T = {};
  var offset = 0; // server clock minus this browser's clock, in ms
  var selected = null; // ticket number highlighted on the board (j/k)

  function readConfig() {
    var el = document.getElementById("td-i18n");
    if (el) { T = JSON.parse(el.textContent); }
  }

  // The server stamps its time on <body data-now> and on every refreshed fragment, so a
  // laptop whose clock is off still shows the right countdown.
  function syncClock(root) {
    var el = null;
    if (root && root.hasAttribute && root.hasAttribute("data-now")) { el = root; }
    else if (root && root.querySelector) { el = root.querySelector("[data-now]"); }
    var serverNow = el ? parseInt(el.getAttribute("data-now"), 10) : NaN;
    if (!isNaN(serverNow)) { offset = serverNow - Date.now(); }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // Same wording as the server's `span` filter: "12:05", "3 h 12 min", "4 d 3 h".
  function span(ms, minutesOnly) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var minutes = Math.floor(total / 60);
    if (minutes < 60) {
      if (minutesOnly) { return minutes + " " + T.min; }
      return pad(minutes) + ":" + pad(total % 60);
    }
    var hours = Math.floor(minutes / 60);
    if (hours < 48) {
      var rest = minutes % 60;
      return hours + " " + T.h + (rest ? " " + rest + " " + T.min : "");
    }
    var days = Math.floor(hours / 24);
    hours = hours % 24;
    return days + " " + T.d + (hours ? " " + hours + " " + T.h : "");
  }

  function tick() {
    var now = Date.now() + offset;
    var nodes = document.querySelectorAll("[data-due]");
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var due = parseInt(el.getAttribute("data-due"), 10);
      if (isNaN(due)) { continue; }
      var warn = parseInt(el.getAttribute("data-warn"), 10);
      var left = due - now;
      var state;
      if (left < 0) {
        el.textContent = T.breached.replace("%s", span(left, true));
        state = "breached";
      } else {
        el.textContent = T.left.replace("%s", span(left, false));
        state = !isNaN(warn) && now >= warn ? "warning" : "running";
      }
      el.classList.remove("cd-running", "cd-warning", "cd-breached");
      el.classList.add("cd-" + state);
      var row = el.closest("[data-row]");
      if (row) { row.classList.toggle("st-breached", state === "breached"); }
    }
  }

  /* --- board: j/k selection that survives the periodic refresh ------------------------- */
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("[data-row]")); }

  function paintSelection(scroll) {
    var all = rows();
    var current = null;
    all.forEach(function (row) {
      var on = row.getAttribute("data-row") === selected;
      row.classList.toggle("selected", on);
      row.setAttribute("aria-selected", on ? "true" : "false");
      if (on) { current = row; }
    });
    if (current && scroll) { current.scrollIntoView({ block: "nearest" }); }
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var index = all.findIndex(function (row) { return row.getAttribute("data-row") === selected; });
    index = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + step));
    selected = all[index].getAttribute("data-row");
    paintSelection(true);
  }

  function openSelected() {
    var row = document.querySelector("[data-row].selected");
    var link = row && row.querySelector("a[href]");
    if (link) { window.location.href = link.href; }
  }

  /* --- keyboard -------------------------------------------------------------------------- */
  function toggleHelp(force) {
    var help = document.getElementById("help");
    if (!help) { return; }
    var show = typeof force === "boolean" ? force : help.hidden;
    help.hidden = !show;
    if (show) { var close = help.querySelector("button"); if (close) { close.focus(); } }
  }

  function activate(el) {
    var details = el.closest("details");
    if (details) { details.open = true; }
    if (el.matches("input, textarea, select")) {
      el.scrollIntoView({ block: "center" });
      el.focus();
    } else {
      el.click();
    }
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var typing = e.target.closest && e.target.closest("input, textarea, select, [contenteditable]");
    if (e.key === "Escape") {
      toggleHelp(false);
      if (typing) { e.target.blur(); }
      return;
    }
    if (typing) { return; }
    if (e.key === "?") { e.preventDefault(); toggleHelp(); return; }
    if (e.key === "j" && rows().length) { e.preventDefault(); move(1); return; }
    if (e.key === "k" && rows().length) { e.preventDefault(); move(-1); return; }
    if ((e.key === "Enter" || e.key === "o") && document.querySelector("[data-row].selected")) {
      e.preventDefault(); openSelected(); return;
    }
    var target = document.querySelector('[data-key="' + (window.CSS && CSS.escape ? CSS.escape(e.key) : e.key) + '"]');
    if (target) { e.preventDefault(); activate(target); }
  }

  function onClick(e) {
    if (e.target.closest && e.target.closest("[data-help]")) { e.preventDefault(); toggleHelp(true); return; }
    if (e.target.closest && e.target.closest("#help button")) { toggleHelp(false); return; }
    // A click anywhere on a board row opens the ticket (links inside still work as links).
    var row = e.target.closest && e.target.closest("[data-row]");
    if (!row || e.target.closest("a, button, input, select, textarea")) { return; }
    var link = row.querySelector("a[href]");
    if (link) { window.location.href = link.href; }
  }

  function autoSubmit(e) {
    var form = e.target.closest && e.target.closest("form[data-autosubmit]");
    if (form && e.target.matches("select, input[type=checkbox]")) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
  }

  function start() {
    readConfig();
    syncClock(document.body);
    tick();
    window.setInterval(tick, 1000);
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    document.addEventListener("change", autoSubmit);
    document.addEventListener("htmx:afterSwap", function (e) {
      syncClock(e.detail.target);
      tick();
      paintSelection(false);
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
