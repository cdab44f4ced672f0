//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts and uses localStorage.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_round_trips_a_value() {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::set("afterview.test", "kept").expect("storage is available in the test browser");
    let back: String = LocalStorage::get("afterview.test").expect("value was stored");
    assert_eq!(back, "kept");
    LocalStorage::delete("afterview.test");
}
