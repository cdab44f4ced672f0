// Afterview embed loader: defines <afterview-widget>. It reserves the widget's space at once
// and fetches the app only when needed (load="visible" | "click" | "eager"), after the host
// page's load event, so the host's first paint and load are never delayed.
const asset = (name) => new URL(name, import.meta.url).href;
const GLUE = "__GLUE__";
const WASM = "__WASM__";
const CSS = "__CSS__";

let app; // one module instance serves every widget on the page
const loadApp = () =>
  (app ??= import(asset(GLUE)).then(async (glue) => {
    await glue.default({ module_or_path: asset(WASM) });
    return glue;
  }));

const afterPageLoad = () =>
  document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", resolve, { once: true }));

class AfterviewWidget extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    // Reserve the space now: the widget scrolls inside it, so nothing below ever moves.
    this.style.display = "block";
    this.style.height = this.getAttribute("height") || "640px";
    this.style.overflow = "auto";
    const root = this.attachShadow({ mode: "open" });
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = asset(CSS);
    const container = document.createElement("div");
    root.append(sheet, container);
    const start = () => this.start(container);
    const mode = this.getAttribute("load") || "visible";
    if (mode === "eager") {
      afterPageLoad().then(start);
    } else if (mode === "click") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "av-launch";
      button.textContent = this.getAttribute("label") || "Plan my interview follow-ups";
      button.addEventListener("click", start, { once: true });
      container.append(button);
    } else {
      afterPageLoad().then(() => {
        if (!("IntersectionObserver" in window)) return start();
        const watcher = new IntersectionObserver(
          (entries) => {
            if (entries.some((entry) => entry.isIntersecting)) {
              watcher.disconnect();
              start();
            }
          },
          { rootMargin: "200px" },
        );
        watcher.observe(this);
      });
    }
  }

  async start(container) {
    if (this.started) return;
    this.started = true;
    container.textContent = "Loading Afterview…";
    try {
      const glue = await loadApp();
      glue.mount_widget(container, this);
    } catch (error) {
      this.started = false;
      container.textContent = "Afterview could not load. Reload the page to try again.";
      console.error(error);
    }
  }
}

if (!customElements.get("afterview-widget")) customElements.define("afterview-widget", AfterviewWidget);
