// twente-kaart service worker — registered only in kiosk mode (never in an embed), so a congress stand keeps
// working when the venue's Wi-Fi goes. `cargo xtask build` fills in VERSION and ASSETS.
//  - Pages and data: network first (a new deploy or new vacancies show at the next online load), cache as
//    fallback when offline.
//  - Everything else (content-hashed wasm, JS, CSS): cache first.
//  - Caches are versioned; an activated worker deletes every older twente-kaart cache.
const VERSION = "__TK_VERSION__";
const ASSETS = __TK_ASSETS__;
const CACHE = `twente-kaart-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("twente-kaart-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function networkFirst(request) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((c) => c.put(request, copy));
      }
      return response;
    })
    .catch(() => caches.match(request, { ignoreSearch: request.mode === "navigate" }).then((hit) => hit || Response.error()));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate" || url.pathname.includes("/data/")) {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
