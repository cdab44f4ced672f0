//! File downloads (backup, CSV, calendar) made in the page, with no server.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |_: JsValue| format!("Could not prepare {name} for download.");
    let window = web_sys::window().ok_or("No browser window.")?;
    let document = window.document().ok_or("No document.")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "Could not create a download link.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_attribute("hidden", "").map_err(fail)?;
    let body = document.body().ok_or("No page body.")?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
