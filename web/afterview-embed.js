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
    const container = document.createElement("div");
    root.append(container);
    const start = () => this.start(root, container);
    const mode = this.getAttribute("load") || "visible";
    if (mode === "eager") {
      afterPageLoad().then(start);
    } else if (mode === "click") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "av-launch";
      Object.assign(button.style, {
        font: "600 15px/1.3 system-ui, sans-serif", padding: "11px 16px", borderRadius: "10px",
        border: "1px solid #1f5fbf", background: "#1f5fbf", color: "#fff", cursor: "pointer",
      });
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

  async start(root, container) {
    if (this.started) return;
    this.started = true;
    // The stylesheet too is fetched only now that the widget is wanted, in parallel with the
    // app; the widget mounts once both are there (or the sheet failed), so it never shows unstyled.
    let sheetReady = Promise.resolve();
    if (!root.querySelector("link")) {
      const sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = asset(CSS);
      sheetReady = new Promise((resolve) => {
        sheet.addEventListener("load", resolve, { once: true });
        sheet.addEventListener("error", resolve, { once: true });
      });
      root.prepend(sheet);
    }
    container.textContent = "Loading Afterview…";
    // In the app's font (`.av-app` in styles/afterview.css): the browser loads it while the app
    // downloads, not at its first layout.
    container.style.font = '400 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    try {
      const [glue] = await Promise.all([loadApp(), sheetReady]);
      glue.mount_widget(container, this);
    } catch (error) {
      this.started = false;
      container.textContent = "Afterview could not load. Reload the page to try again.";
      console.error(error);
    }
  }
}

if (!customElements.get("afterview-widget")) customElements.define("afterview-widget", AfterviewWidget);
