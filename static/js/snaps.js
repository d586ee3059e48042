// The demonstration's player: shows a scene's moments one after the other, with a countdown
// for the pretend snap. It can be paused and played again; each moment is announced.
// Without this script, each step is a still drawing with its moments written out as a list.
(function () {
  "use strict";

  var MOMENT_MS = 2200;
  var COUNTING_MOMENT = 2;
  var RING_LENGTH = 75.4; // the timer ring's circumference (r = 12), as in scenes.html

  var stage = document.querySelector("[data-snap-stage]");
  if (!stage) {
    return;
  }
  var parts = stage.querySelectorAll("[data-moments]");
  var items = stage.querySelectorAll("[data-moment]");
  var status = stage.querySelector("[data-snap-status]");
  var playButton = stage.querySelector("[data-snap-play]");
  var restartButton = stage.querySelector("[data-snap-restart]");
  var timer = stage.querySelector("[data-snap-timer]");
  var ring = stage.querySelector("[data-snap-ring]");
  var countdown = Number(stage.getAttribute("data-countdown")) || 0;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  var moment = 0; // 0: the still drawing, before the first play
  var secondsLeft = countdown;
  var playing = false;
  var pending = null;

  function label(name) {
    playButton.textContent = playButton.getAttribute("data-label-" + name);
  }

  function show(number) {
    moment = number;
    parts.forEach(function (part) {
      var visible = part.getAttribute("data-moments").split(" ").indexOf(String(number)) !== -1;
      part.classList.toggle("is-off", !visible);
    });
    items.forEach(function (item, index) {
      if (index + 1 === number) {
        item.setAttribute("aria-current", "step");
      } else {
        item.removeAttribute("aria-current");
      }
    });
    status.textContent = items[number - 1].textContent;
  }

  function setClock(seconds) {
    secondsLeft = seconds;
    if (timer) {
      timer.textContent = String(seconds);
    }
    if (ring) {
      ring.setAttribute("stroke-dashoffset", String(RING_LENGTH * (1 - seconds / countdown)));
    }
  }

  function counting() {
    return countdown > 0 && moment === COUNTING_MOMENT && secondsLeft > 0;
  }

  function schedule() {
    pending = window.setTimeout(advance, counting() ? 1000 : MOMENT_MS);
  }

  function finish() {
    playing = false;
    label("again");
  }

  function advance() {
    if (counting()) {
      setClock(secondsLeft - 1);
      if (secondsLeft > 0) {
        schedule();
        return;
      }
    }
    show(moment + 1);
    if (moment === items.length) {
      finish();
    } else {
      schedule();
    }
  }

  function start() {
    window.clearTimeout(pending);
    if (countdown) {
      setClock(countdown);
    }
    show(1);
    playing = true;
    label("pause");
    restartButton.hidden = false;
    schedule();
  }

  function pause() {
    window.clearTimeout(pending);
    playing = false;
    label("continue");
  }

  function resume() {
    playing = true;
    label("pause");
    schedule();
  }

  playButton.addEventListener("click", function () {
    if (playing) {
      pause();
    } else if (moment === 0 || moment === items.length) {
      start();
    } else {
      resume();
    }
  });
  restartButton.addEventListener("click", start);

  stage.querySelector("[data-snap-controls]").hidden = false;
  restartButton.hidden = true;
  // Moving pictures start by themselves only for those who did not ask for less motion;
  // the countdown always waits for the youth to send the snap.
  if (!countdown && !reduceMotion) {
    start();
  }
})();

// Ways to say no: each reply goes out with one tap, through the phone's own share sheet (Web Share), or copied
// where there is none, with a visible "copied". The reply goes from this page to the app the youth picks or the
// clipboard, never to our server. Without this script the buttons stay hidden and the replies are plain text.
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-reply]");
  var canShare = typeof navigator.share === "function";
  var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);
  if (!buttons.length || !(canShare || canCopy)) {
    return;
  }

  function copy(text, status) {
    navigator.clipboard.writeText(text).then(
      function () { status.textContent = status.getAttribute("data-copied"); },
      function () { status.textContent = status.getAttribute("data-not-copied"); }
    );
  }

  buttons.forEach(function (button) {
    var text = document.getElementById(button.getAttribute("data-reply")).textContent.trim();
    var status = button.parentElement.querySelector("[data-reply-status]");
    if (!canShare) {
      button.querySelector("span").textContent = button.getAttribute("data-label-copy");
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      if (!canShare) {
        copy(text, status);
        return;
      }
      navigator.share({ text: text }).catch(function (error) {
        // Closing the share sheet is a choice, not a failure; a phone that refuses to share gets the copy instead.
        if (error.name !== "AbortError" && canCopy) {
          copy(text, status);
        }
      });
    });
  });
})();
