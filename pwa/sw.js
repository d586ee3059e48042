// Checkje's service worker: the pages of one language work offline once visited.
// The server fills CONFIG (language, version, what to keep) when it serves this file.
// Each language has its own worker and its own caches, so every language can live side by side.
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

// An activity opened from a step of the together talk has the step in its address: offline, its page
// as kept without it is better than no page (it lacks only the way back to the talk).
async function keptWithoutTalkStep(request) {
  const url = new URL(request.url);
  if (!url.searchParams.has(CONFIG.talk_step)) {
    return undefined;
  }
  url.searchParams.delete(CONFIG.talk_step);
  return caches.match(url.href, { ignoreVary: true });
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
    const kept = (await caches.match(request, { ignoreVary: true })) || (await keptWithoutTalkStep(request));
    return kept || caches.match(CONFIG.offline);
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
