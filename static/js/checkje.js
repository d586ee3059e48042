// Quick exit: leave for the neutral site and take this page out of the back history.
// Without this script the exit links still work as plain links.
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var WITHIN_MS = 5000;
  var exitLinks = document.querySelectorAll("[data-quick-exit]");
  if (!exitLinks.length) {
    return;
  }
  var neutralSite = exitLinks[0].href;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Hide the page at once, in case the next site is slow to load.
    document.documentElement.classList.add("is-leaving");
    window.location.replace(neutralSite);
  }

  exitLinks.forEach(function (link) {
    link.addEventListener("click", leave);
  });

  var shiftTimes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      return;
    }
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (time) {
      return now - time < WITHIN_MS;
    });
    shiftTimes.push(now);
    if (shiftTimes.length >= SHIFT_PRESSES) {
      leave();
    }
  });
})();
