//! Copying text: the async Clipboard API, with a fallback the caller shows when it is denied.

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard. `Err` carries a sentence for the user when the browser
/// refuses (permission denied, insecure context, no clipboard API).
pub async fn copy(text: &str) -> Result<(), String> {
    let Some(window) = web_sys::window() else {
        return Err("No browser window to copy from.".into());
    };
    let navigator = window.navigator();
    let clipboard = navigator.clipboard();
    // Older browsers and insecure pages have no clipboard object at all.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return Err("This browser does not allow copying from here.".into());
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying.".into())
}
