//! Browser entry point: mounts the app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    afterview::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "afterview is the browser app (build it for wasm32 with scripts/build.sh). \
         To plan from the command line, use afterview-plan."
    );
    std::process::exit(2);
}
