// The teacher's side of lesson mode: the slides as a presentation, the running class poll kept in this
// browser, the screen's connection to the server, and the presenter view. Everything here is extra: the
// slides are plain links (or, with a class poll on them, POST forms) and the poll screen has plain forms.
(function () {
  "use strict";

  var NEXT_KEYS = ["ArrowRight", "PageDown"];
  var PREVIOUS_KEYS = ["ArrowLeft", "PageUp"];

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function pressed(event) {
    return event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target);
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

  // --- The running poll, kept in this browser (localStorage): its code and the fields its controls send,
  // the secret among them. Never in an address, in the history or in a request the server logs; the wipe
  // removes it with all storage, and it goes when the poll ends. So a reload, a closed tab or Back finds the
  // poll again on this computer. `trouble`: the server's poll store could not be reached since the last
  // count, so a poll that is gone afterwards was lost with the store, not stopped.
  var KEY = "checkje.teacherPoll";

  function kept() {
    try {
      var poll = JSON.parse(window.localStorage.getItem(KEY));
      return poll && poll.code && poll.fields ? poll : null;
    } catch (error) {
      return null;
    }
  }

  function save(poll) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(poll));
    } catch (error) {
      // Storage switched off: a reload then offers a new poll, as without script.
    }
  }

  function keep(code, fields) {
    var poll = kept();
    if (!poll || poll.code !== code) {
      poll = { code: code, since: Date.now(), trouble: false };
    }
    poll.fields = fields;
    save(poll);
  }

  function noteTrouble(trouble) {
    var poll = kept();
    if (poll && poll.trouble !== trouble) {
      poll.trouble = trouble;
      save(poll);
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) {
      // nothing was kept
    }
  }

  // --- What the screen says about its connection (lesson/_poll_status.html): null when all is well,
  // "offline", "store" (the poll store cannot be reached) or "lost" (the poll went with the store).
  function say(state, root) {
    var poll = kept();
    (root || document).querySelectorAll("[data-poll-status]").forEach(function (box) {
      var withoutCode = !document.querySelector(".poll-code");
      box.querySelectorAll("[data-poll-status-for]").forEach(function (note) {
        var what = note.dataset.pollStatusFor;
        if (what === "code") {
          // A slide from the offline copy has no code on it: the class still needs it to join.
          note.hidden = !(poll && withoutCode && (state === "offline" || state === "store"));
          note.querySelector("[data-poll-status-code]").textContent = poll ? poll.code : "";
        } else {
          note.hidden = what !== state;
        }
      });
    });
  }

  // The count on the poll screen and on a statement slide asks every second (htmx): its answers tell.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches(".poll-results, .board__results")) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 0) {
      say("offline");
    } else if (status === 503) {
      noteTrouble(true);
      say("store");
    } else if (status === 286) {
      // Gone. After a time the store could not be reached, it was lost with it: say so, and offer a new one.
      var poll = kept();
      say(poll && poll.trouble ? "lost" : null);
      forget();
    } else if (status < 400) {
      noteTrouble(false);
      say(null);
    }
  });

  // --- The deck: one slide at a time, swapped in place, so full screen stays on. Keys: arrows and Page
  // Up/Down (what a presenter's clicker sends), F for full screen, Esc to leave it (or fold the notes away).
  function deck() {
    return document.querySelector("[data-deck]");
  }

  function request(url, fields) {
    var options = { headers: { "HX-Request": "true" }, cache: "no-store", credentials: "same-origin" };
    if (fields) {
      options.method = "POST";
      options.body = new URLSearchParams(fields);
    }
    return window.fetch(url, options).then(function (response) {
      if (!response.ok) {
        var refused = new Error("slide " + response.status);
        refused.status = response.status;
        throw refused;
      }
      return response.text();
    });
  }

  // The poll a slide carries: the hidden fields of its moves (its code and the secret), or null.
  function fieldsOf(slide) {
    var form = slide.querySelector("form[data-deck-move]");
    return slide.dataset.deckPoll && form ? Object.fromEntries(new FormData(form)) : null;
  }

  // The poll this history entry shows (its code only: the secret stays out of the history).
  function wanted() {
    var state = window.history.state;
    return state && state.poll ? state.poll : null;
  }

  // The fields to ask for a slide with the poll of this entry, while this browser still steers it.
  function keptFor(code) {
    var poll = kept();
    return code && poll && poll.code === code ? poll.fields : null;
  }

  var catchingUp = null;

  // After a slide is in place: keep its poll, or, if it should have one and has not (the offline copy, the
  // store out of reach), say so and ask again in a moment, so the count and the pupils' phones catch up.
  function settle(slide, code) {
    window.clearTimeout(catchingUp);
    var fields = fieldsOf(slide);
    if (fields && !window.htmx) {
      bringBack(fields);
      return;
    }
    if (fields) {
      keep(slide.dataset.deckPoll, fields);
      say(null, slide);
      return;
    }
    if (!keptFor(code)) {
      return;
    }
    if (slide.hasAttribute("data-poll-unreachable")) {
      noteTrouble(true);
      say("store", slide);
    } else if (slide.hasAttribute("data-deck-offline")) {
      say("offline", slide);
    } else {
      // The server answered without the poll: it is gone. Lost with the store, or ended.
      var poll = kept();
      say(poll.trouble ? "lost" : null, slide);
      forget();
      return;
    }
    catchingUp = window.setTimeout(function () {
      showAgain(keptFor(code)).then(function (next) {
        if (next) {
          window.history.replaceState({ deck: true, poll: code }, "");
        }
      });
    }, 3000);
  }

  // A plain page (a reloaded slide) has no htmx, so the count of a poll put on it would stand still: ask for
  // the slide with the poll the plain way, a POST whose answer has htmx. Done while the page is still loading,
  // the browser replaces this history entry with it instead of adding one.
  function bringBack(fields) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = window.location.href;
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  // The answer is the slide alone, or a whole page (the offline copy): take the slide from either.
  function show(html, offline) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var next = template.content.querySelector("[data-deck]");
    if (!next) {
      throw new Error("no slide in the answer");
    }
    if (offline) {
      next.setAttribute("data-deck-offline", "");
    }
    var focused = document.activeElement && document.activeElement.id === "slide-title";
    var sameSlide = deck().dataset.deckId === next.dataset.deckId;
    var status = deck().querySelector("[data-poll-status]");
    if (status && !next.querySelector("[data-poll-status]")) {
      next.appendChild(status);  // a plain slide (the offline copy) has none: the notes go with the poll
    }
    deck().replaceWith(next);
    document.title = next.dataset.deckTitle;
    if (window.htmx) {
      window.htmx.process(next);
    }
    if (!sameSlide || focused) {
      next.querySelector("h1").focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
    presented(isPresented);
    announce();
    return next;
  }

  // No connection: the copy of the slide the service worker kept (without the poll), never the browser's
  // error page on the projector.
  function offlineCopy(url) {
    if (!window.caches) {
      return Promise.reject(new Error("no offline copy"));
    }
    return window.caches.match(url, { ignoreVary: true }).then(function (response) {
      if (!response) {
        throw new Error("no offline copy");
      }
      return response.text();
    });
  }

  function move(url, form) {
    var code = wanted();
    var fields = form ? Object.fromEntries(new FormData(form)) : null;
    return request(url, fields).then(function (html) {
      return show(html, false);
    }).catch(function (error) {
      if (error.status) {
        // The server refused (another secret, an old form): the plain way shows its page, which says why.
        if (form) {
          form.submit();
        } else {
          window.location.href = url;
        }
        return null;
      }
      return offlineCopy(url).then(function (html) {
        return show(html, true);
      });
    }).then(function (next) {
      if (next) {
        window.history.pushState({ deck: true, poll: next.dataset.deckPoll || code }, "", url);
        settle(next, code);
      }
    }).catch(function () {
      // Not even an offline copy: stay on this slide and say why.
      say("offline", deck());
    });
  }

  function start(control) {
    if (control.tagName === "FORM") {
      control.requestSubmit();
    } else {
      control.click();
    }
  }

  // This entry's slide again, with `fields` (its poll) if any; resolves to the slide shown, or null.
  function showAgain(fields) {
    var code = wanted();
    return request(window.location.href, fields).then(function (html) {
      return show(html, false);
    }).catch(function (error) {
      if (error.status) {
        throw error;
      }
      return offlineCopy(window.location.href).then(function (html) {
        return show(html, true);
      });
    }).then(function (next) {
      settle(next, code);
      return next;
    }).catch(function () {
      say("offline", deck());
      return null;
    });
  }

  var current = deck();
  if (current) {
    var fields = keptFor(wanted());
    var code = current.dataset.deckPoll || ((fields || current.hasAttribute("data-poll-unreachable")) && kept() ? kept().code : null);
    if (!current.dataset.deckPoll && fields && window.navigator.onLine !== false) {
      // Reloaded: the address alone has no poll, this history entry has, and this browser has its secret.
      bringBack(fields);
    } else {
      if (!current.dataset.deckPoll && fields) {
        current.setAttribute("data-deck-offline", "");  // reloaded without a connection: the kept copy
      }
      // The entry keeps the poll's code, not its secret, and the slide's own address (the first slide with a
      // poll is the answer to the lesson page's POST); this also makes a POST's entry a plain one, so a reload
      // asks for the slide's address instead of sending the form again.
      window.history.replaceState({ deck: true, poll: code }, "", current.dataset.deckUrl);
      settle(current, code);
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

    // Back and Forward: the slide of that address, with the poll this browser keeps for its entry.
    window.addEventListener("popstate", function () {
      showAgain(keptFor(wanted()));
    });

    window.addEventListener("online", function () {
      var slide = deck();
      if (!slide.dataset.deckPoll && keptFor(wanted())) {
        showAgain(keptFor(wanted()));
      }
    });
  }

  function moveBy(key) {
    var slide = deck();
    var control = null;
    if (slide && NEXT_KEYS.indexOf(key) !== -1) {
      control = slide.querySelector("[data-deck-next]");
    } else if (slide && PREVIOUS_KEYS.indexOf(key) !== -1) {
      control = slide.querySelector("[data-deck-prev]");
    }
    if (control) {
      start(control);
    }
    return control;
  }

  document.addEventListener("keydown", function (event) {
    if (pressed(event)) {
      return;
    }
    var slide = deck();
    if (slide && (NEXT_KEYS.indexOf(event.key) !== -1 || PREVIOUS_KEYS.indexOf(event.key) !== -1)) {
      moveBy(event.key);
    } else if (event.key === "f" || event.key === "F") {
      toggleFullScreen();
    } else if (event.key === "Escape" && document.fullscreenElement) {
      document.exitFullscreen();
    } else if (event.key === "Escape" && slide && slide.querySelector("details[open]")) {
      slide.querySelector("details[open]").open = false;
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-full-screen]")) {
      toggleFullScreen();
    }
  });

  // --- The presenter view: the teacher's notes and controls in a second window of this browser (on the
  // teacher's own screen), the slide and the code alone on the projector. The two windows talk over a
  // BroadcastChannel; the projector's window still does every move, so the poll goes as it always does.
  var channel = window.BroadcastChannel ? new window.BroadcastChannel("checkje-presenter") : null;
  var presenterSeen = null;

  function announce() {
    var slide = deck();
    if (!channel || !slide) {
      return;
    }
    var count = slide.querySelector(".board__results .poll-count");
    channel.postMessage({
      slide: slide.dataset.deckId,
      count: count ? count.textContent : "",
      reveal: !!slide.querySelector("[data-reveal]")
    });
  }

  // The projector in presenter mode shows the slide and the code only: the bar's controls and notes, and the
  // "show the results" button, are hidden (and put back when the presenter window closes).
  var isPresented = false;

  function presented(on) {
    isPresented = on;
    var slide = deck();
    if (!slide) {
      return;
    }
    document.documentElement.classList.toggle("deck-presented", on);
    slide.querySelectorAll(".deck__bar > :not(.deck__code), .board__results .button").forEach(function (control) {
      if (on && !control.hidden) {
        control.hidden = true;
        control.setAttribute("data-presented-hidden", "");
      } else if (!on && control.hasAttribute("data-presented-hidden")) {
        control.hidden = false;
        control.removeAttribute("data-presented-hidden");
      }
    });
  }

  if (channel && current) {
    channel.addEventListener("message", function (event) {
      var message = event.data || {};
      if (message.presenter === "hello") {
        presented(true);
        window.clearTimeout(presenterSeen);
        // The presenter says hello every few seconds; a window that closed without a word lets go.
        presenterSeen = window.setTimeout(function () {
          presented(false);
        }, 12000);
        announce();
      } else if (message.presenter === "bye") {
        presented(false);
      } else if (message.presenter === "move") {
        moveBy(message.key);
      } else if (message.presenter === "reveal") {
        var reveal = deck().querySelector("[data-reveal]");
        if (reveal) {
          reveal.click();
        }
      }
    });
    document.addEventListener("htmx:afterSettle", function () {
      presented(isPresented);  // the count's new "show the results" button too
      announce();
    });
    document.addEventListener("click", function (event) {
      var open = event.target.closest("[data-presenter-open]");
      if (open) {
        event.preventDefault();
        window.open(open.href, "checkje-presenter", "popup,width=900,height=700");
      }
    });
  }

  var presenter = document.querySelector("[data-presenter]");
  if (presenter && channel) {
    presenter.classList.add("presenter--live");
    var hello = function () {
      channel.postMessage({ presenter: "hello" });
    };
    channel.addEventListener("message", function (event) {
      var message = event.data || {};
      if (!message.slide) {
        return;
      }
      presenter.querySelectorAll("[data-presenter-slide]").forEach(function (notes) {
        notes.hidden = notes.dataset.presenterSlide !== message.slide;
      });
      presenter.querySelector("[data-presenter-waiting]").hidden = true;
      presenter.querySelector("[data-presenter-count]").textContent = message.count;
      presenter.querySelector("[data-presenter-do=reveal]").hidden = !message.reveal;
    });
    presenter.addEventListener("click", function (event) {
      var button = event.target.closest("[data-presenter-do]");
      if (!button) {
        return;
      }
      var what = button.dataset.presenterDo;
      channel.postMessage(what === "reveal" ? { presenter: "reveal" } : { presenter: "move", key: what === "next" ? NEXT_KEYS[0] : PREVIOUS_KEYS[0] });
    });
    document.addEventListener("keydown", function (event) {
      if (!pressed(event) && (NEXT_KEYS.indexOf(event.key) !== -1 || PREVIOUS_KEYS.indexOf(event.key) !== -1)) {
        channel.postMessage({ presenter: "move", key: event.key });
        event.preventDefault();
      }
    });
    window.addEventListener("pagehide", function () {
      channel.postMessage({ presenter: "bye" });
    });
    hello();
    window.setInterval(hello, 4000);
  }

  // --- "Stop the poll and delete everything": with script the screen asks in a dialog; without, the same
  // button leads to a page that asks. Listened for on the document, so a screen put back after a reload asks too.
  document.addEventListener("submit", function (event) {
    var danger = event.target.closest(".poll-danger");
    var dialog = danger && danger.querySelector("dialog");
    if (dialog && dialog.showModal && event.target === danger.querySelector("form")) {
      event.preventDefault();
      dialog.showModal();
    }
  });

  // --- The poll screen, the answer to a POST: keep the poll, and give this history entry the address of
  // poll_resume, so a reload (or Back to it) asks for that page instead of sending the POST again.
  var screen = document.querySelector("[data-poll-screen]");
  if (screen) {
    var present = screen.querySelector("form.poll-present");
    keep(screen.dataset.pollScreenCode, Object.fromEntries(new FormData(present)));
    window.history.replaceState(null, "", screen.dataset.pollScreen);
  }

  // A teacher's page that says the store could not be reached; or that the poll is over.
  if (document.querySelector("[data-poll-trouble]")) {
    noteTrouble(true);
  }
  var over = document.querySelector("[data-poll-over]");
  if (over) {
    var lost = document.querySelector("[data-poll-lost-text]");
    if (lost && kept() && kept().trouble) {
      lost.hidden = false;
      document.querySelector("[data-poll-gone-text]").hidden = true;
      over.textContent = over.dataset.pollLostTitle;
    }
    forget();
  }

  // The lesson page: back to the poll this browser is running, or a new one with the form below.
  var running = document.querySelector("[data-poll-running]");
  var poll = kept();
  if (running && poll && Date.now() - poll.since > Number(running.dataset.pollLifetimeHours) * 3600 * 1000) {
    forget();  // older than any poll lives
    poll = null;
  }
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
  var lostHere = resume.querySelector("[data-poll-lost]");
  var waiting = resume.querySelector("[data-poll-resuming]");
  Object.keys(poll.fields).forEach(function (name) {
    if (form.elements[name]) {
      form.elements[name].value = poll.fields[name];
    }
  });
  lostHere.hidden = true;
  waiting.hidden = false;
  window.fetch(form.action, {
    method: "POST",
    body: new URLSearchParams(new FormData(form)),
    headers: { "HX-Request": "true" },
    cache: "no-store",
    credentials: "same-origin"
  }).then(function (response) {
    if (response.status === 403 || response.status === 404) {
      forget();  // ended, expired, or another secret: this browser can no longer steer it
    } else if (response.status === 503) {
      noteTrouble(true);
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
    lostHere.hidden = false;
    // Offline or the store out of reach for a moment: one tap tries again, while this browser has the poll.
    form.hidden = !kept();
  });
})();
