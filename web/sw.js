// Afterview's service worker: precaches exactly this build's files (names generated at build
// time) and serves them cache-first, so the app opens with no network after a first visit.
const CACHE = "afterview-__BUILD__";
const ASSETS = __ASSETS__;
// Content-hashed files never change under their name: on a first visit the page has just
// downloaded them, so they are taken from the HTTP cache ("force-cache") instead of being
// downloaded a second time. The page and the icon keep their names across builds, so they
// are revalidated ("no-cache"): a new worker must never precache an old build's page.
const HASHED = new Set(__HASHED__);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(ASSETS.map((url) => new Request(url, { cache: HASHED.has(url) ? "force-cache" : "no-cache" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("afterview-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline: any page of the app's scope opens the app itself.
        const app = request.mode === "navigate" ? await cache.match("./") : undefined;
        if (app) return app;
        throw error;
      }
    }),
  );
});
