// Lesson mode on the projector. The slides are plain links (or, with a class poll on them,
// POST forms), so all of this is extra: each slide is fetched and swapped in place with its
// address pushed to the history, so full screen stays on from slide to slide. Keys: arrows and
// Page Up/Down (what a presenter's clicker sends), F for full screen, Esc to leave it (or to fold
// the teacher's notes away again).
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

  // --- The deck: one slide at a time, swapped in place.
  function deck() {
    return document.querySelector("[data-deck]");
  }

  // `fields` ({name: value}) go as a POST body, so the poll's secret travels as it does without script.
  function request(url, fields) {
    var options = { headers: { "HX-Request": "true" }, cache: "no-store", credentials: "same-origin" };
    if (fields) {
      options.method = "POST";
      options.body = new URLSearchParams(fields);
    }
    return window.fetch(url, options).then(function (response) {
      if (!response.ok) {
        throw new Error("slide " + response.status);
      }
      return response.text();
    });
  }

  // The poll a slide carries (its code and the teacher's secret), or null: the hidden fields of its moves.
  function pollOf(slide) {
    var form = slide.querySelector("form[data-deck-move]");
    return form ? Object.fromEntries(new FormData(form)) : null;
  }

  // The answer is the slide alone, or a whole page (from the offline copy): take the slide from either.
  function show(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var next = template.content.querySelector("[data-deck]");
    if (!next) {
      throw new Error("no slide in the answer");
    }
    deck().replaceWith(next);
    document.title = next.dataset.deckTitle;
    if (window.htmx) {
      window.htmx.process(next);
    }
    next.querySelector("h1").focus({ preventScroll: true });
    window.scrollTo(0, 0);
    return next;
  }

  // The history entry keeps the poll (never the address), so Back, Forward and reloading find it again.
  function move(url, form) {
    return request(url, form ? Object.fromEntries(new FormData(form)) : null).then(function (html) {
      var next = show(html);
      window.history.pushState({ deck: true, poll: pollOf(next) }, "", url);
    }).catch(function () {
      // Offline or refused: the plain way, which leaves full screen but always works.
      if (form) {
        form.submit();
      } else {
        window.location.href = url;
      }
    });
  }

  function start(control) {
    if (control.tagName === "FORM") {
      control.requestSubmit();
    } else {
      control.click();
    }
  }

  function showAgain(poll) {
    request(window.location.href, poll).then(show).catch(function () {
      window.location.reload();
    });
  }

  if (deck()) {
    var kept = window.history.state;
    if (kept && kept.poll && !pollOf(deck())) {
      // Reloaded: the address alone has no poll, this history entry has.
      showAgain(kept.poll);
    } else {
      // The slide's own address: the first slide with a poll is the answer to the lesson page's POST.
      window.history.replaceState({ deck: true, poll: pollOf(deck()) }, "", deck().dataset.deckUrl);
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-deck-move]");
      if (link && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        move(link.href);
      }
    });

    document.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-deck-move]");
      if (form) {
        event.preventDefault();
        move(form.action, form);
      }
    });

    // Back and Forward: the slide of that address, with the poll its entry kept.
    window.addEventListener("popstate", function (event) {
      showAgain(event.state && event.state.poll);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) {
      return;
    }
    var current = deck();
    var control = null;
    if (current && NEXT_KEYS.indexOf(event.key) !== -1) {
      control = current.querySelector("[data-deck-next]");
    } else if (current && PREVIOUS_KEYS.indexOf(event.key) !== -1) {
      control = current.querySelector("[data-deck-prev]");
    } else if (event.key === "f" || event.key === "F") {
      toggleFullScreen();
    } else if (event.key === "Escape" && document.fullscreenElement) {
      document.exitFullscreen();
    } else if (event.key === "Escape" && current && current.querySelector("details[open]")) {
      current.querySelector("details[open]").open = false;
    } else {
      return;
    }
    if (control) {
      start(control);
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-full-screen]")) {
      toggleFullScreen();
    }
  });

  // --- "Stop the poll and delete everything": with script the screen asks in a dialog; without,
  // the same button leads to a page that asks. Listened for on the document, so a screen put back
  // after a reload (below) asks too.
  document.addEventListener("submit", function (event) {
    var danger = event.target.closest(".poll-danger");
    var dialog = danger && danger.querySelector("dialog");
    if (dialog && dialog.showModal && event.target === danger.querySelector("form")) {
      event.preventDefault();
      dialog.showModal();
    }
  });
})();

// The class poll on a pupil's phone: follow the screen, and remember which statements this phone voted on,
// so it votes once per statement. Only the poll's code and statement numbers are
// kept, in this browser; the server never learns who voted.
(function () {
  "use strict";

  var STORAGE_KEY = "checkje.pollVotes";

  // {code: "KX4T7P", round: 0, statements: [1, 3]}: one poll at a time, a new code replaces the old one.
  // The round goes up when the teacher lets the class vote again on a statement.
  function votes() {
    var kept = Checkje.store.get(STORAGE_KEY, null);
    return kept && Array.isArray(kept.statements) ? kept : { code: null, statements: [] };
  }

  function remember(code, round, statement) {
    var kept = votes();
    if (kept.code !== code || kept.round !== round) {
      kept = { code: code, round: round, statements: [] };
    }
    if (kept.statements.indexOf(statement) === -1) {
      kept.statements.push(statement);
    }
    // With storage off the phone cannot remember; the vote still counted.
    Checkje.store.set(STORAGE_KEY, kept);
  }

  var thanks = document.querySelector("[data-poll-voted-code]");
  if (thanks) {
    remember(
      thanks.dataset.pollVotedCode,
      Number(thanks.dataset.pollVotedRound),
      Number(thanks.dataset.pollVotedStatement)
    );
  }

  // Follow the screen: ask every few seconds whether it still shows what this page shows (204), else go
  // where the answer says. One question at a time, so a slow or lost network never piles them up; offline
  // for a while, the phone simply asks again. The history keeps no stale statement to go Back to. A phone
  // whose screen is off or on another app asks nothing, and asks at once when the pupil looks again.
  var follow = document.querySelector("[data-poll-follow]");
  var asking = false;
  function askTheScreen() {
    if (document.hidden) {
      asking = false;
      return;
    }
    asking = true;
    window.fetch(follow.dataset.pollFollow, {
      headers: { "HX-Request": "true" },
      cache: "no-store",
      credentials: "same-origin"
    }).then(function (response) {
      var where = response.headers.get("HX-Redirect");
      if (where) {
        window.location.replace(where);
        return;
      }
      later();
    }).catch(later);
  }
  function later() {
    window.setTimeout(askTheScreen, Number(follow.dataset.pollFollowEvery));
  }
  if (follow) {
    asking = true;
    later();
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && !asking) {
        askTheScreen();
      }
    });
  }

  var vote = document.querySelector("[data-poll-code]");
  if (vote) {
    var kept = votes();
    var already =
      kept.code === vote.dataset.pollCode &&
      kept.round === Number(vote.dataset.pollRound) &&
      kept.statements.indexOf(Number(vote.dataset.pollStatement)) !== -1;
    vote.querySelector("[data-poll-form]").hidden = already;
    vote.querySelector("[data-poll-already]").hidden = !already;
  }
})();

// The teacher's running poll, kept in this browser tab only (sessionStorage): its code and the fields its
// controls send, the secret among them. Never in an address or a request the server logs, and the wipe
// removes it with all storage. A reload of the poll screen, or the lesson page, brings that poll back.
(function () {
  "use strict";

  var KEY = "checkje.teacherPoll";

  function kept() {
    try {
      var poll = JSON.parse(window.sessionStorage.getItem(KEY));
      return poll && poll.code && poll.fields ? poll : null;
    } catch (error) {
      return null;
    }
  }

  function keep(poll) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(poll));
    } catch (error) {
      // Storage switched off: a reload then offers a new poll, as without script.
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch (error) {
      // nothing was kept
    }
  }

  // The poll screen, the answer to a POST: keep the poll, and give this history entry the address of
  // poll_resume, so a reload (or Back to it) asks for that page instead of sending the POST again.
  var screen = document.querySelector("[data-poll-screen]");
  if (screen) {
    var present = screen.querySelector("form.poll-present");
    keep({ code: screen.dataset.pollScreenCode, fields: Object.fromEntries(new FormData(present)) });
    window.history.replaceState(window.history.state, "", screen.dataset.pollScreen);
  }

  // The slides with the poll (the lesson page's main button) keep it too, so the lesson page leads back to it.
  var slides = document.querySelector("[data-deck] form[data-deck-move]");
  if (slides && !screen) {
    var carried = Object.fromEntries(new FormData(slides));
    keep({ code: carried.code, fields: carried });
  }

  if (document.querySelector("[data-poll-over]")) {
    forget();
  }

  // The lesson page: back to the poll this tab is running, or a new one with the form below.
  var running = document.querySelector("[data-poll-running]");
  var poll = kept();
  if (running && poll) {
    var link = running.querySelector("[data-poll-running-link]");
    link.href = link.dataset.hrefTemplate.replace("000000", encodeURIComponent(poll.code));
    running.querySelector("[data-poll-running-code]").textContent = poll.code;
    running.hidden = false;
  }

  // After a reload: fetch the screen with the kept secret and put it in place of this page's content.
  var resume = document.querySelector("[data-poll-resume]");
  if (!resume || !poll || poll.code !== resume.dataset.pollResumeCode) {
    return;
  }
  var form = resume.querySelector("[data-poll-resume-form]");
  var lost = resume.querySelector("[data-poll-lost]");
  var waiting = resume.querySelector("[data-poll-resuming]");
  Object.keys(poll.fields).forEach(function (name) {
    if (form.elements[name]) {
      form.elements[name].value = poll.fields[name];
    }
  });
  lost.hidden = true;
  waiting.hidden = false;
  window.fetch(form.action, {
    method: "POST",
    body: new URLSearchParams(new FormData(form)),
    headers: { "HX-Request": "true" },
    cache: "no-store",
    credentials: "same-origin"
  }).then(function (response) {
    if (response.status === 403 || response.status === 404) {
      forget();  // ended, expired, or another secret: this tab can no longer steer it
    }
    if (!response.ok) {
      throw new Error("poll " + response.status);
    }
    return response.text();
  }).then(function (html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var back = template.content.querySelector("[data-poll-screen]");
    if (!back) {
      throw new Error("no poll screen in the answer");
    }
    resume.replaceWith(back);
    if (window.htmx) {
      window.htmx.process(back);
    }
  }).catch(function () {
    waiting.hidden = true;
    lost.hidden = false;
    // Offline for a moment: one tap tries again, as long as this tab still has the poll.
    form.hidden = !kept();
  });
})();
