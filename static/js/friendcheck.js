// Friend check: "my rules": keep them in this
// browser only when the youth asks, with a button that forgets them again;
// and the quick round's reward, in the same way (on this phone only, never on our server);
// and a practice request answered without internet, from the result its page carries.
// Without this script every part still works as plain forms and links.
(function () {
  "use strict";

  var STORAGE_KEY = "checkje.friendcheck.rules";
  var REWARD_KEY = "checkje.friendcheck.reward";

  // The quick round's reward: kept only when the youth taps "keep"; the start page says when it is kept.
  function showReward() {
    var kept = Checkje.store.get(REWARD_KEY, null) !== null;
    var tools = document.querySelector("[data-reward]");
    if (tools) {
      tools.querySelector('[data-reward-action="keep"]').hidden = kept;
      tools.querySelector('[data-reward-action="forget"]').hidden = !kept;
    }
    var shown = document.querySelector("[data-reward-shown]");
    if (shown) {
      shown.hidden = !kept;
    }
  }

  function rewardAction(action) {
    var tools = document.querySelector("[data-reward]");
    var done = action === "keep"
      ? Checkje.store.set(REWARD_KEY, { requests: Number(tools.getAttribute("data-reward")) })
      : Checkje.store.remove(REWARD_KEY);
    if (!done) {
      return;
    }
    showReward();
    var status = tools.querySelector("[data-reward-status]");
    status.textContent = status.getAttribute(action === "keep" ? "data-kept" : "data-forgotten");
    tools.querySelector('[data-reward-action="' + (action === "keep" ? "forget" : "keep") + '"]').focus();
  }

  // The ids of the kept rules, separated by spaces; null when none are kept (or storage is off).
  function savedRules() {
    var saved = Checkje.store.get(STORAGE_KEY, null);
    return typeof saved === "string" ? saved : null;
  }

  function showRulesState() {
    var saved = savedRules();
    var tools = document.querySelector(".rules-tools");
    if (tools) {
      var isSaved = saved !== null && saved === tools.getAttribute("data-rules");
      tools.querySelector('[data-rules-action="remember"]').hidden = isSaved;
      tools.querySelector('[data-rules-action="forget"]').hidden = !isSaved;
    }
    var remembered = document.querySelector("[data-rules-remembered]");
    if (remembered) {
      remembered.hidden = !saved;
    }
    showSavedRules(saved ? saved.split(" ") : []);
  }

  // The overview of saved rules holds every rule, hidden: show the saved ones, or the empty state.
  function showSavedRules(ids) {
    var list = document.querySelector("[data-saved-rules]");
    if (!list) {
      return;
    }
    var shown = 0;
    list.querySelectorAll("[data-rule]").forEach(function (rule) {
      rule.hidden = ids.indexOf(rule.getAttribute("data-rule")) < 0;
      shown += rule.hidden ? 0 : 1;
    });
    list.hidden = shown === 0;
    document.querySelector("[data-saved-rules-empty]").hidden = shown > 0;
  }

  function say(message) {
    var status = document.querySelector("[data-rules-status]");
    if (status) {
      status.textContent = message;
    }
  }

  var actions = {
    remember: function () {
      var tools = document.querySelector(".rules-tools");
      if (!Checkje.store.set(STORAGE_KEY, tools.getAttribute("data-rules"))) {
        return;
      }
      showRulesState();
      say(tools.querySelector("[data-rules-status]").getAttribute("data-saved"));
      tools.querySelector('[data-rules-action="forget"]').focus();
    },
    forget: function () {
      if (!Checkje.store.remove(STORAGE_KEY)) {
        return;
      }
      showRulesState();
      var status = document.querySelector("[data-rules-status]");
      if (status) {
        say(status.getAttribute("data-forgotten"));
      }
      var remember = document.querySelector('[data-rules-action="remember"]');
      (remember || document.getElementById("friendcheck-heading")).focus();
    },
  };

  document.addEventListener("click", function (event) {
    var reward = event.target.closest("[data-reward-action]");
    if (reward) {
      rewardAction(reward.getAttribute("data-reward-action"));
      return;
    }
    var button = event.target.closest("[data-rules-action]");
    if (button && actions[button.getAttribute("data-rules-action")]) {
      actions[button.getAttribute("data-rules-action")]();
    }
  });

  // Offline, a practice request is answered all the same. Its page carries the result for every answer
  // (template[data-offline-result], the HTML the server would answer); htmx swaps it in as if it came from the
  // server, with only the tapped answer's parts (data-for-answers) kept. Nothing leaves the phone.
  var tapped = null;
  document.addEventListener("submit", function (event) {
    var answer = event.submitter;
    tapped = answer && answer.form && answer.form.hasAttribute("data-offline-answers") ? answer.value : null;
  }, true);

  document.addEventListener("htmx:sendError", function (event) {
    var template = document.querySelector("template[data-offline-result]");
    var part = document.getElementById("friendcheck");
    if (!template || !tapped || !part || !event.detail.elt.hasAttribute("data-offline-answers")) {
      return;
    }
    var result = document.createElement("div");
    result.appendChild(template.content.cloneNode(true));
    result.querySelectorAll("[data-for-answers]").forEach(function (shown) {
      if (shown.getAttribute("data-for-answers").split(" ").indexOf(tapped) < 0) {
        shown.remove();
      } else {
        shown.removeAttribute("data-for-answers");
      }
    });
    htmx.swap(part, result.innerHTML, { swapStyle: "outerHTML" }, { eventInfo: { target: part } });
  });

  // A swapped-in part may show the saved rules (htmx-setup.js moves the focus).
  document.addEventListener("htmx:afterSettle", showRulesState);
  document.addEventListener("htmx:afterSettle", showReward);

  showRulesState();
  showReward();
})();
