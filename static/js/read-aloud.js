// Read aloud: the browser's own speech reads the page's main text in the page's
// language, block by block, with play, pause and stop. Nothing goes to any server.
// Shown (by the "speech" class the page sets before its first paint) only where the browser can speak.
(function () {
  "use strict";

  var control = document.querySelector("[data-read-aloud]");
  var speech = window.speechSynthesis;
  if (!control || !speech || !window.SpeechSynthesisUtterance) {
    return;
  }
  var button = control.querySelector("[data-read-aloud-toggle]");
  var stopButton = control.querySelector("[data-read-aloud-stop]");
  var labels = control.dataset;
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, legend, label, summary, figcaption";
  var state = "idle";

  function show(newState) {
    state = newState;
    button.textContent = { idle: labels.play, speaking: labels.pause, paused: labels.resume }[state];
    button.setAttribute("aria-pressed", String(state === "speaking"));
    stopButton.hidden = state === "idle";
  }

  // Each visible block once; a list item's paragraphs are read with the item.
  function texts() {
    var main = document.getElementById("main-content");
    return Array.prototype.filter
      .call(main.querySelectorAll(BLOCKS), function (block) {
        return block.offsetParent !== null && !block.parentElement.closest(BLOCKS) && block.innerText.trim();
      })
      .map(function (block) {
        return block.innerText.trim();
      });
  }

  function start() {
    var lang = document.documentElement.lang;
    var blocks = texts();
    speech.cancel();
    blocks.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (index === blocks.length - 1) {
        utterance.onend = function () {
          show("idle");
        };
      }
      speech.speak(utterance);
    });
    show("speaking");
  }

  button.addEventListener("click", function () {
    if (state === "idle") {
      start();
    } else if (state === "speaking") {
      speech.pause();
      show("paused");
    } else {
      speech.resume();
      show("speaking");
    }
  });

  stopButton.addEventListener("click", function () {
    speech.cancel();
    show("idle");
    button.focus();
  });

  // Stop talking when the youth leaves the page, quick exit included.
  window.addEventListener("pagehide", function () {
    speech.cancel();
  });

  show("idle");
})();
