// Walkthroughs: remember the phone (iPhone or Android) and the ticked steps, on this phone only.
// Everything lives under one localStorage key, so "Forget everything" removes it all at once.
// Without this script the pages still work: the phone choice is in the address, and there are no ticks.
(function () {
  "use strict";

  var KEY = "checkje.walkthroughs";
  // The address parameter and the phones come from the server (checkje/walkthroughs/fields.py).
  var script = document.currentScript;
  var PHONE_PARAMETER = script.getAttribute("data-phone-parameter");
  var PHONES = script.getAttribute("data-phones").split(" ");

  // With storage off (or a broken value) the ticks last until the page is left.
  function load() {
    var saved = Checkje.store.get(KEY, null);
    if (saved && typeof saved === "object") {
      return { phone: PHONES.indexOf(saved.phone) >= 0 ? saved.phone : null, done: Array.isArray(saved.done) ? saved.done : [] };
    }
    return { phone: null, done: [] };
  }

  function save(state) {
    Checkje.store.set(KEY, state);
  }

  var state = load();
  // A tick is a checkbox (the list of steps) or a pressed button (a step's own page).
  var ticks = document.querySelectorAll("[data-step]");
  var status = document.querySelector("[data-ticks-status]");

  // A phone in the address wins; a remembered one applies only where the address has none. A page made for one phone
  // shows only its way; a page for any phone shows the chosen one. Offline, the service worker answers an address with
  // a phone with the page as kept, for any phone: the address's phone is shown there.
  function showPhone(phone) {
    var inAddress = new URLSearchParams(window.location.search).get(PHONE_PARAMETER);
    if (PHONES.indexOf(inAddress) >= 0) {
      if (!document.querySelector(".path[data-phone]")) {
        return;
      }
      phone = inAddress;
    }
    if (phone) {
      document.documentElement.setAttribute("data-phone", phone);
    } else {
      document.documentElement.removeAttribute("data-phone");
    }
    // "My screen looks different" asks which phone: the remembered one is picked already.
    document.querySelectorAll('input[type="radio"][name="' + PHONE_PARAMETER + '"]').forEach(function (radio) {
      radio.checked = radio.value === (phone || "");
    });
    document.querySelectorAll("[data-phone-choice]").forEach(function (link) {
      var chosen = link.getAttribute("data-phone-choice") === phone;
      link.classList.toggle("button--secondary", !chosen);
      if (chosen) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function isTicked(tick) {
    return tick.type === "checkbox" ? tick.checked : tick.getAttribute("aria-pressed") === "true";
  }

  function showTicks() {
    var counted = 0;
    ticks.forEach(function (tick) {
      var done = state.done.indexOf(tick.getAttribute("data-step")) >= 0;
      if (tick.type === "checkbox") {
        tick.checked = done;
      } else {
        tick.setAttribute("aria-pressed", String(done));
      }
      counted += done ? 1 : 0;
    });
    if (status && ticks.length) {
      status.textContent = status.getAttribute("data-counted").replace("{done}", counted).replace("{total}", ticks.length);
    }
  }

  document.querySelectorAll("[data-phone-choice]").forEach(function (link) {
    link.addEventListener("click", function () {
      state.phone = link.getAttribute("data-phone-choice");
      save(state);
    });
  });

  function remember(tick, done) {
    var step = tick.getAttribute("data-step");
    state.done = state.done.filter(function (each) {
      return each !== step;
    });
    if (done) {
      state.done.push(step);
    }
    save(state);
    showTicks();
  }

  ticks.forEach(function (tick) {
    if (tick.type === "checkbox") {
      tick.addEventListener("change", function () {
        remember(tick, tick.checked);
      });
    } else {
      tick.addEventListener("click", function () {
        remember(tick, !isTicked(tick));
      });
    }
  });

  // At the end of a route: how many of this app's settings the youth ticked, said on this phone only.
  function showReward() {
    document.querySelectorAll("[data-reward]").forEach(function (reward) {
      var prefix = reward.getAttribute("data-reward") + "/";
      var count = state.done.filter(function (step) {
        return step.indexOf(prefix) === 0;
      }).length;
      if (count) {
        reward.textContent = reward.getAttribute(count === 1 ? "data-one" : "data-many").replace("{count}", count);
      }
    });
  }

  document.querySelectorAll("[data-forget]").forEach(function (button) {
    button.addEventListener("click", function () {
      Checkje.store.remove(KEY);
      state = { phone: null, done: [] };
      showTicks();
      showPhone(null);
      if (status) {
        status.textContent = status.getAttribute("data-forgotten");
      }
    });
  });

  // "My screen looks different" while offline: the report cannot reach the server, so the
  // step's help comes from the page itself (and nothing is counted).
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt;
    var part = form.closest && form.closest("[data-focus-after-swap]");
    var help = part && part.querySelector("[data-offline-help]");
    if (!help) {
      return;
    }
    form.hidden = true;
    help.hidden = false;
    var heading = help.querySelector("[tabindex]");
    heading.focus();
    var status = document.getElementById(part.getAttribute("data-announce-in"));
    if (status) {
      status.textContent = heading.textContent;
    }
  });

  showPhone(state.phone);
  showTicks();
  showReward();
})();
