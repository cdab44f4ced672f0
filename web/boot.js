// Starts the app page and, over http(s), registers the offline service worker. A new build
// is offered with a prompt rather than swapped in under the user's feet. At assembly this file
// and the glue it imports become the page's one script (scripts/assemble.mjs); the first
// screen's styles are inline in the page, so nothing else is fetched before Today but the wasm.
import init from "./__GLUE__";

await init({ module_or_path: new URL("./__WASM__", import.meta.url) });
document.documentElement.dataset.afterviewBuild = "__BUILD__";

const local = location.hostname === "localhost" || location.hostname === "127.0.0.1";
// Reading navigator.serviceWorker throws in a sandboxed frame without allow-same-origin.
const workers = (() => {
  try {
    return navigator.serviceWorker;
  } catch {
    return undefined;
  }
})();
if (workers && (location.protocol === "https:" || local)) {
  let reloadRequested = false;
  workers.addEventListener("controllerchange", () => {
    if (reloadRequested) location.reload();
  });
  const offer = (worker) => {
    if (document.querySelector(".afterview-update")) return;
    const bar = document.createElement("div");
    bar.className = "afterview-update";
    bar.setAttribute("role", "status");
    bar.textContent = "A new version of Afterview is ready. ";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload to update";
    button.addEventListener("click", () => {
      reloadRequested = true;
      worker.postMessage("skip-waiting");
    });
    bar.append(button);
    document.body.append(bar);
  };
  // Installing the worker downloads every file for offline use, so it waits for the first
  // screen (the app's "afterview-ready" mark) and never competes with it. On a first visit it
  // also waits until the page has fetched the views it loads by itself after that screen
  // ("afterview-preloaded"): the worker then takes each file from the HTTP cache, and the page
  // never asks again for a file the worker already downloaded. A page a worker already
  // controls fetches through it, so there is nothing to wait for. Five seconds at most if the
  // mark never comes.
  const mark = workers.controller ? "afterview-ready" : "afterview-preloaded";
  const pageReady = new Promise((resolve) => {
    setTimeout(resolve, 5000);
    if (performance.getEntriesByName(mark).length > 0) return resolve();
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName(mark).length > 0) {
          observer.disconnect();
          resolve();
        }
      }).observe({ type: "mark" });
    } catch {
      resolve();
    }
  });
  // A new build's worker, once installed, is offered (also one that was already installing
  // when the page registered).
  const watch = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && workers.controller) offer(worker);
    });
  pageReady.then(() => workers.register("./sw.js")).then((registration) => {
    if (registration.waiting && workers.controller) offer(registration.waiting);
    watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
  });
}
