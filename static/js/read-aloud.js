// Read aloud: a voice on the phone itself reads the page's main text in the page's
// language, block by block, with play, pause and stop. Only voices with localService
// are used: a browser's online voices send the text (trusted people's names included)
// to the voice's vendor. Where the phone has no such voice, the control says so.
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
  var notice = control.querySelector("[data-read-aloud-notice]");
  // The button's words (read out; shown on a wider screen): its icons stay.
  var label = button.querySelector("[data-read-aloud-label]") || button;
  var labels = control.dataset;
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, legend, label, summary, figcaption";
  var state = "idle";

  function show(newState) {
    state = newState;
    label.textContent = { idle: labels.play, speaking: labels.pause, paused: labels.resume }[state];
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

  // A voice on this device for the page's language ("nl" fits "nl-NL" and "nl-BE"), or null.
  function deviceVoice(lang) {
    var voices = speech.getVoices() || [];
    return (
      voices.filter(function (voice) {
        return voice.localService && voice.lang.toLowerCase().split(/[-_]/)[0] === lang;
      })[0] || null
    );
  }

  // Browsers load their voice list after the page: wait for it once, at most a second.
  function whenVoicesKnown(then) {
    if ((speech.getVoices() || []).length || !speech.addEventListener) {
      then();
      return;
    }
    var done = false;
    function go() {
      if (!done) {
        done = true;
        then();
      }
    }
    speech.addEventListener("voiceschanged", go, { once: true });
    window.setTimeout(go, 1000);
  }

  function start() {
    var lang = document.documentElement.lang;
    var voice = deviceVoice(lang);
    if (!voice) {
      notice.hidden = false;
      return;
    }
    var blocks = texts();
    speech.cancel();
    blocks.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.voice = voice;
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
      whenVoicesKnown(start);
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
