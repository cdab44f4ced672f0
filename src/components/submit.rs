//! Saving a form without native form submission. Sandboxed frames without `allow-forms`
//! block native submission before any submit event fires, so every form saves from a plain
//! button click, and Enter in a single-line field saves through a key handler instead.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Input types where Enter would natively submit the form (single-line text-like fields).
const SINGLE_LINE: [&str; 11] = [
    "text",
    "email",
    "url",
    "tel",
    "search",
    "password",
    "number",
    "date",
    "time",
    "datetime-local",
    "month",
];

/// A form's `onkeydown`: Enter in a single-line field runs `save`, as native submission would.
/// Keys a field already handled (its own Enter behaviour) and text being composed are left alone.
pub fn enter_saves(save: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.key() != "Enter" || event.default_prevented() || event.is_composing() {
            return;
        }
        let single_line = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| SINGLE_LINE.contains(&input.type_().as_str()));
        if single_line {
            event.prevent_default();
            save.emit(());
        }
    })
}

/// A form's `onsubmit`: where submission is allowed, it must never reload the page.
pub fn no_native_submit() -> Callback<SubmitEvent> {
    Callback::from(|event: SubmitEvent| event.prevent_default())
}

/// A save button's `onclick`.
pub fn click_saves(save: &Callback<()>) -> Callback<MouseEvent> {
    save.reform(|_: MouseEvent| ())
}
