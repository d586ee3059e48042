// The help finder offline: htmx cannot reach the server, so the next question or the result comes from the page
// itself (every step, as the server decides it, in #finder-offline), and the help lines' cards from the help page as
// the service worker keeps it. The answers stay in this page, as they do online: nothing is stored.
(function () {
  "use strict";

  var data = document.getElementById("finder-offline");
  if (!data) {
    return;
  }
  var finder = JSON.parse(data.textContent);
  var order = finder.order;
  var element = window.Checkje.element;

  function hidden(name, value) {
    var input = element("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  function focusHeading() {
    var heading = document.getElementById("finder-heading");
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function showQuestion(form, id, given) {
    var question = finder.questions[id];
    form.querySelectorAll("input[type=hidden], .error-summary, .error-message, .choice, #question-hint").forEach(function (old) {
      old.remove();
    });
    given.forEach(function (answer, index) {
      form.prepend(hidden(order[index], answer));
    });
    form.prepend(hidden("asked", id));
    var fieldset = form.querySelector("fieldset");
    fieldset.classList.remove("choices--error");
    fieldset.querySelector(".step-count").textContent = finder.count.replace("{number}", order.indexOf(id) + 1);
    fieldset.querySelector(".question").textContent = question.text;
    fieldset.removeAttribute("aria-describedby");
    if (question.hint) {
      var hint = element("p", "hint", question.hint);
      hint.id = "question-hint";
      fieldset.append(hint);
      fieldset.setAttribute("aria-describedby", hint.id);
    }
    question.answers.forEach(function (answer) {
      var choice = element("div", "choice");
      var input = element("input");
      input.type = "radio";
      input.id = "answer-" + id + "-" + answer[0];
      input.name = id;
      input.value = answer[0];
      var label = element("label", null, answer[1]);
      label.htmlFor = input.id;
      choice.append(input, label);
      fieldset.append(choice);
    });
    focusHeading();
  }

  function link(href, words) {
    var paragraph = element("p");
    var anchor = element("a", null, words);
    anchor.href = href;
    paragraph.append(anchor);
    return paragraph;
  }

  // The help page as kept offline holds every line's card, by its id.
  function lineCards(ids) {
    if (!window.caches) {
      return Promise.resolve([]);
    }
    return caches.match(finder.help, { ignoreVary: true }).then(function (kept) {
      return kept ? kept.text() : "";
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      return ids.map(function (id) { return page.getElementById(id); }).filter(Boolean).map(function (card) {
        return document.importNode(card, true);
      });
    });
  }

  function showResult(id) {
    var result = finder.results[id];
    var part = element("div", "finder");
    var heading = element("h2");
    heading.id = "finder-heading";
    heading.tabIndex = -1;
    // The server's own words, escaped there, with 112 as a link to call (checkje/core/templating.py call_links).
    heading.innerHTML = result.heading;
    var text = element("p");
    text.innerHTML = result.text;
    part.append(heading, text);
    return lineCards(result.lines).then(function (cards) {
      cards.forEach(function (card) { part.append(card); });
      part.append(link(finder.help, finder.all_lines), link(finder.again[0], finder.again[1]));
      document.getElementById("finder").replaceWith(part);
      part.id = "finder";
      focusHeading();
    });
  }

  // "Next" with nothing chosen: the same problem the server would show, on this question.
  function showProblem(form) {
    form.querySelectorAll(".error-summary, .error-message").forEach(function (old) {
      old.remove();
    });
    var fieldset = form.querySelector("fieldset");
    var first = fieldset.querySelector(".choice input");
    var summary = element("div", "error-summary");
    var title = element("h2", null, finder.problem[0]);
    title.id = "error-summary-title";
    summary.setAttribute("role", "alert");
    summary.setAttribute("aria-labelledby", title.id);
    summary.append(title, link("#" + first.id, finder.problem[1]));
    form.prepend(summary);
    fieldset.classList.add("choices--error");
    fieldset.querySelector(".choice").before(element("p", "error-message", finder.problem[1]));
    first.focus();
  }

  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt;
    if (!form.closest || !form.closest("#finder")) {
      return;
    }
    var asked = form.querySelector("input[name=asked]").value;
    if (!form.querySelector('input[name="' + asked + '"]:checked')) {
      showProblem(form);
      return;
    }
    var given = [];
    for (var index = 0; index < order.length; index += 1) {
      var chosen = form.querySelector('input[name="' + order[index] + '"]:checked, input[type=hidden][name="' + order[index] + '"]');
      if (!chosen) {
        break;
      }
      given.push(chosen.value);
    }
    var step = finder.steps[given.join(" ")];
    if (step && step.result) {
      showResult(step.result);
    } else if (step) {
      showQuestion(form, step.question, given);
    }
  });
})();
