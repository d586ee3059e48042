// Lesson mode on the projector: arrow keys and Page Up/Down move between slides,
// F switches full screen. The slides are plain links, so all of this is extra.
(function () {
  "use strict";

  var NEXT_KEYS = ["ArrowRight", "PageDown"];
  var PREVIOUS_KEYS = ["ArrowLeft", "PageUp"];

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function toggleFullScreen() {
    var root = document.documentElement;
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {
        // Refused (a browser setting or a frame): the page simply stays as it is.
      });
    }
  }

  function follow(selector) {
    var link = document.querySelector(selector);
    if (link) {
      window.location.href = link.href;
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) {
      return;
    }
    if (NEXT_KEYS.indexOf(event.key) !== -1) {
      follow(".slide-nav a[rel=next]");
    } else if (PREVIOUS_KEYS.indexOf(event.key) !== -1) {
      follow(".slide-nav a[rel=prev]");
    } else if (event.key === "f" || event.key === "F") {
      toggleFullScreen();
    } else {
      return;
    }
    event.preventDefault();
  });

  document.querySelectorAll("[data-full-screen]").forEach(function (button) {
    button.addEventListener("click", toggleFullScreen);
  });
})();
