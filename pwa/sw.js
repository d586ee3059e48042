// Checkje's service worker: the pages of one language work offline once visited.
// The server fills CONFIG (language, version, what to keep) when it serves this file.
// Each language has its own worker and its own caches, so every language can live side by side. The site's worker
// (/sw.js, CONFIG.lang "site") keeps only every language's offline page, for the languages not visited yet.
"use strict";

const CONFIG = "__CHECKJE_CONFIG__";
const PREFIX = `checkje-${CONFIG.lang}-`;
const STATIC_CACHE = `${PREFIX}static-${CONFIG.version}`;
const PAGES_CACHE = `${PREFIX}pages-${CONFIG.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(STATIC_CACHE)).addAll(CONFIG.static);
      await (await caches.open(PAGES_CACHE)).addAll(CONFIG.pages);
    })()
  );
});

// Remove only this language's caches from older versions.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = [STATIC_CACHE, PAGES_CACHE];
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && !keep.includes(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })()
  );
});

// A page asks for the waiting new version after the youth agreed to reload.
self.addEventListener("message", (event) => {
  if (event.data === "activate-new-version") {
    self.skipWaiting();
  }
});

// Pages with answers, htmx fragments and anything marked no-store are never kept.
function mayKeep(request, response) {
  return (
    response.ok &&
    response.type === "basic" &&
    !request.headers.has("HX-Request") &&
    !/no-store/.test(response.headers.get("Cache-Control") || "")
  );
}

// Some addresses carry a choice the page as kept can do without: the step of the together talk an activity was
// opened from (the page lacks only the way back to the talk), and the phone of a settings step (the page as kept shows
// the way for any phone, and walkthroughs.js shows the one in the address). Offline, that page is better than none.
async function keptWithoutChoices(request) {
  const url = new URL(request.url);
  const choices = CONFIG.choices.filter((name) => url.searchParams.has(name));
  if (!choices.length) {
    return undefined;
  }
  choices.forEach((name) => url.searchParams.delete(name));
  return caches.match(url.href, { ignoreVary: true });
}

// The offline page in the language of the address, or in this worker's first language.
function offlinePage(request) {
  const lang = new URL(request.url).pathname.split("/")[1];
  return CONFIG.offline[lang] || Object.values(CONFIG.offline)[0];
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (mayKeep(request, response)) {
      const copy = response.clone();
      caches.open(PAGES_CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const kept = (await caches.match(request, { ignoreVary: true })) || (await keptWithoutChoices(request));
    return kept || caches.match(offlinePage(request));
  }
}

async function cacheFirst(request) {
  const kept = await caches.match(request);
  return kept || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith("/static/") && url.searchParams.has("v")) {
    event.respondWith(cacheFirst(request));
  }
});
