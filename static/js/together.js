// The talk with a mentor: what the youth did in the talk's activities, noted in this browser tab only
// (sessionStorage: never sent, gone when the tab closes or with "remove everything"), so that the checklist at
// the talk's end shows the rules she chose and the apps she went through. Without it the checklist stays general.
(function () {
  "use strict";

  var KEY = "checkje.talk";
  // What a group of the checklist shows (data-talk-own, checkje/together/shapes.py DONE_SOURCES), by its name.
  var EMPTY = { rules: [], settings: [] };
  // A screenshot makes sense on her own phone: a touch screen this small. A laptop or tablet of the group prints,
  // or opens the list on her own phone.
  var PHONE_MAX_PX = 600;

  // Storage switched off or a broken value: nothing was noted.
  function load() {
    try {
      var noted = JSON.parse(window.sessionStorage.getItem(KEY));
      if (noted && Array.isArray(noted.rules) && Array.isArray(noted.settings)) {
        return noted;
      }
    } catch (error) {
      // fall through
    }
    return { rules: EMPTY.rules.slice(), settings: EMPTY.settings.slice() };
  }

  function save(noted) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(noted));
    } catch (error) {
      // storage switched off: the checklist stays general
    }
  }

  // On a page that a step of the talk opened (it shows the way back): a walkthrough's app, and the rules she chose.
  function note() {
    var back = document.querySelector("[data-talk-back]");
    if (!back) {
      return;
    }
    var noted = load();
    var before = JSON.stringify(noted);
    var app = back.getAttribute("data-talk-app");
    if (app && noted.settings.indexOf(app) < 0) {
      noted.settings.push(app);
    }
    // "Choose again" gives a new set: the last one counts.
    var rules = document.querySelector(".rules-tools[data-rules]");
    if (rules) {
      noted.rules = rules.getAttribute("data-rules").split(" ").filter(Boolean);
    }
    if (JSON.stringify(noted) !== before) {
      save(noted);
    }
  }

  // The checklist: her own items where this tab noted any, else the general ones.
  function showOwn() {
    var noted = load();
    document.querySelectorAll("[data-talk-own]").forEach(function (group) {
      var own = noted[group.getAttribute("data-talk-own")] || [];
      var shown = 0;
      group.querySelectorAll("[data-talk-item]").forEach(function (item) {
        item.hidden = own.indexOf(item.getAttribute("data-talk-item")) < 0;
        shown += item.hidden ? 0 : 1;
      });
      group.querySelectorAll("[data-talk-general]").forEach(function (item) {
        item.hidden = shown > 0;
      });
    });
  }

  function showKeep() {
    var phone = window.matchMedia("(pointer: coarse)").matches &&
      Math.min(window.screen.width, window.screen.height) <= PHONE_MAX_PX;
    document.querySelectorAll("[data-keep-on]").forEach(function (part) {
      part.hidden = part.getAttribute("data-keep-on") !== (phone ? "phone" : "shared");
    });
  }

  // "My rules" answers by htmx: note the rules once the answer is in.
  document.addEventListener("htmx:afterSettle", note);
  // After "remove everything" the next youth sees the general list.
  document.addEventListener("checkje:wiped", showOwn);
  note();
  showOwn();
  showKeep();
})();
