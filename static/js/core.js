// Checkje's script for every page: quick exit, the youth's trusted people from this phone's
// storage (help bar, help page, help card), and "remove everything". Every page works without it.
(function () {
  "use strict";

  var PEOPLE_KEY = "checkje.trustedPeople";

  // --- This browser's storage, the one way every script uses it: JSON under our own keys.
  // Storage may be switched off, full or hold a broken value; then a read gives the
  // fallback and a write says false, so a page works the same, only without memory.
  var store = {
    get: function (key, fallback) {
      try {
        var kept = window.localStorage.getItem(key);
        return kept === null ? fallback : JSON.parse(kept);
      } catch (error) {
        return fallback;
      }
    },
    set: function (key, value) {
      try {
        window.localStorage.setItem(key, JSON.stringify(value));
        return true;
      } catch (error) {
        return false;
      }
    },
    remove: function (key) {
      try {
        window.localStorage.removeItem(key);
        return true;
      } catch (error) {
        return false;
      }
    }
  };

  // --- Quick exit: leave for the neutral site and take this page out of the back history.
  var SHIFT_PRESSES = 3;
  var WITHIN_MS = 5000;
  var exitLinks = document.querySelectorAll("[data-quick-exit]");
  var neutralSite = exitLinks.length ? exitLinks[0].href : null;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Hide the page at once, in case the next site is slow to load.
    document.documentElement.classList.add("is-leaving");
    window.location.replace(neutralSite);
  }

  if (neutralSite) {
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
  }

  // --- Sensitive pages (help, the help finder, "it already happened", ways to say no, my people,
  // the help card): a link from one replaces its history entry instead of adding one. After quick
  // exit, Back then shows at most the page from before the first of them. Without JavaScript links
  // add entries as usual (the safety page says so).
  function leavesBySameSiteLink(event) {
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey || link.target || link.hasAttribute("download") ||
        link.hasAttribute("data-quick-exit")) {
      return null;
    }
    var url = new URL(link.href, window.location.href);
    var samePage = url.pathname === window.location.pathname && url.search === window.location.search;
    // tel:, sms: and other sites are not pages of ours; an anchor on this page is no move.
    return url.origin === window.location.origin && !samePage ? url : null;
  }

  if (document.querySelector("[data-sensitive-flow]")) {
    document.addEventListener("click", function (event) {
      var url = leavesBySameSiteLink(event);
      if (url) {
        event.preventDefault();
        window.location.replace(url.href);
      }
    });
  }

  // --- Trusted people, kept in this browser only.
  function loadPeople() {
    var people = store.get(PEOPLE_KEY, []);
    return Array.isArray(people) ? people : [];
  }

  function savePeople(people) {
    return people.length ? store.set(PEOPLE_KEY, people) : store.remove(PEOPLE_KEY);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // A link whose visible word ("Call") is followed by the person's name for screen readers.
  // Calling is the main action (docs/design.md: one primary button); texting and WhatsApp are secondary.
  function actionLink(href, word, name, secondary) {
    var link = element("a", secondary ? "button button--small button--secondary" : "button button--small");
    link.href = href;
    if (href.indexOf("https:") === 0) {
      link.rel = "noreferrer noopener";
    }
    link.appendChild(document.createTextNode(word + " "));
    link.appendChild(element("span", "visually-hidden", name));
    return link;
  }

  // Call, text and WhatsApp links for one person; numbers are stored as +<country><number>.
  function personActions(person) {
    var labels = document.body.dataset;
    var actions = element("div", "people__actions");
    actions.appendChild(actionLink("tel:" + person.phone, labels.labelCall, person.name));
    actions.appendChild(actionLink("sms:" + person.phone, labels.labelSms, person.name, true));
    actions.appendChild(actionLink("https://wa.me/" + person.phone.slice(1), labels.labelWhatsapp, person.name, true));
    return actions;
  }

  // A name typed by the youth keeps its own direction inside any text: "Youssef B." on an Arabic
  // page keeps its full stop at its end (<bdi>, direction from its first letter).
  function isolated(text, direction) {
    var node = element("bdi", null, text);
    if (direction) {
      node.dir = direction;
    }
    return node;
  }

  // A template such as "Call {name}" filled in, with the name isolated.
  function fillName(node, template, name) {
    var at = template.indexOf("{name}");
    node.textContent = "";
    if (at < 0) {
      node.textContent = template;
      return;
    }
    node.appendChild(document.createTextNode(template.slice(0, at)));
    node.appendChild(isolated(name));
    node.appendChild(document.createTextNode(template.slice(at + "{name}".length)));
  }

  // A phone number reads left to right in every language (06 12345678, not 12345678 06 on an
  // Arabic page), as the call_links filter does for help lines (checkje/core/templating.py).
  function personItem(person) {
    var item = element("li", "people__person");
    item.appendChild(element("p", "people__name")).appendChild(isolated(person.name));
    item.appendChild(element("p", "people__phone")).appendChild(isolated(person.shown, "ltr"));
    item.appendChild(personActions(person));
    return item;
  }

  function showPeople() {
    var people = loadPeople();
    var helpBarLink = document.querySelector("[data-help-bar-person]");
    if (helpBarLink) {
      helpBarLink.hidden = !people.length;
      if (people.length) {
        var label = helpBarLink.querySelector("[data-label-template]");
        fillName(label, label.dataset.labelTemplate, people[0].name);
        helpBarLink.href = "tel:" + people[0].phone;
      }
    }
    document.querySelectorAll("[data-my-people]").forEach(function (section) {
      var list = section.querySelector("[data-people-list]");
      list.textContent = "";
      people.forEach(function (person) {
        list.appendChild(personItem(person));
      });
      section.hidden = !people.length;
    });
  }

  // --- Remove everything Checkje kept on this phone: storage, offline copies, service worker.
  function settled(promise) {
    // One part that fails (a worker still installing cannot always be unregistered) must not stop the rest.
    return promise.then(function () {}, function () {});
  }

  function wipe() {
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (error) {
      // storage switched off: there was nothing to remove
    }
    var work = [];
    if (window.caches) {
      work.push(window.caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return window.caches.delete(name); }));
      }));
    }
    if (navigator.serviceWorker) {
      work.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
      }));
    }
    return Promise.all(work.map(settled));
  }

  // How long the confirmation waits for the form's answer on a slow network; the answer still works after it.
  var WIPE_ANSWER_WAIT_MS = 2000;

  // The form's own answer carries Clear-Site-Data, which also empties the browser's HTTP cache (and removes a
  // worker that was still installing): it is sent in the background. The rest is removed here, the people
  // leave the screen at once, and the page says so once this phone is empty, within a few seconds always.
  document.querySelectorAll("form[data-wipe]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var asked = settled(window.fetch(form.action, { method: "POST", cache: "no-store" }));
      var waited = new Promise(function (resolve) { window.setTimeout(resolve, WIPE_ANSWER_WAIT_MS); });
      var done = wipe();
      showPeople();
      Promise.all([done, Promise.race([asked, waited])]).then(function () {
        document.dispatchEvent(new CustomEvent("checkje:wiped"));
        document.querySelectorAll("[data-wipe-status]").forEach(function (status) {
          status.textContent = status.dataset.wiped;
          status.classList.remove("visually-hidden");
        });
      });
    });
  });

  // Any print button, also one that htmx swapped in later.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });

  // --- Offline: a service worker keeps this language's pages. A new version waits until
  // the youth agrees to reload, so nothing changes under them while they read or type.
  function offerNewVersion(worker) {
    var notice = document.querySelector("[data-update-notice]");
    notice.hidden = false;
    notice.querySelector("[data-update-reload]").addEventListener("click", function () {
      navigator.serviceWorker.addEventListener("controllerchange", function () {
        window.location.reload();
      });
      worker.postMessage("activate-new-version");
    });
  }

  function registerServiceWorker() {
    // The site's worker only keeps every language's offline page: a language not visited yet, opened offline, shows
    // Checkje's offline page with the help lines. A refusal changes nothing here.
    navigator.serviceWorker.register(document.body.dataset.offlineWorker).catch(function () {});
    navigator.serviceWorker.register(document.body.dataset.serviceWorker).then(function (registration) {
      // A browser or tool that blocks service workers may answer with nothing: then there is nothing to update.
      if (!registration) {
        return;
      }
      if (registration.waiting && navigator.serviceWorker.controller) {
        offerNewVersion(registration.waiting);
      }
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) {
            offerNewVersion(worker);
          }
        });
      });
    });
  }

  // Only once the page has loaded: keeping every page for offline must not slow the first one.
  if (navigator.serviceWorker && document.body.dataset.serviceWorker) {
    if (document.readyState === "complete") {
      registerServiceWorker();
    } else {
      window.addEventListener("load", registerServiceWorker);
    }
  }

  showPeople();

  window.Checkje = {
    store: store,
    loadPeople: loadPeople,
    savePeople: savePeople,
    showPeople: showPeople,
    personItem: personItem,
    fillName: fillName,
    element: element
  };
})();
