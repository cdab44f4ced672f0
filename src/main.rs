//! Browser entry point. On the app page it mounts into `#afterview`; the embed loader instead
//! calls [`mount_widget`] for each `<afterview-widget>` element.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(target_arch = "wasm32")]
fn main() {
    // `start` only schedules: reading storage and the first render each run in a later task
    // of their own, apart from this one, which instantiated the module.
    afterview::app::start();
}

/// Mounts one widget into `container` (inside the element's shadow root), reading its options
/// (namespace, theme, compact, view) from the `host` element's attributes.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount_widget(container: web_sys::Element, host: web_sys::Element) {
    afterview::app::mount(container, &host);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "afterview is the browser app (build it for wasm32 with scripts/build.sh). \
         To plan from the command line, use afterview-plan."
    );
    std::process::exit(2);
}
