//! The Yew application root (browser only).

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

const NAME_KEY: &str = "afterview.name";

#[component]
pub fn App() -> Html {
    let name = use_state(|| LocalStorage::get::<String>(NAME_KEY).unwrap_or_default());
    let on_input = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            // A full or blocked storage must not stop the user typing.
            let _ = LocalStorage::set(NAME_KEY, &value);
            name.set(value);
        })
    };
    html! {
        <main class="av-app">
            <h1 class="av-title">{ "Afterview" }</h1>
            <p class="av-empty" data-testid="empty-state">{ "No interviews yet. Add one to see what to send, and when." }</p>
            <label for="av-name">{ "Your name" }</label>
            <input id="av-name" type="text" value={(*name).clone()} oninput={on_input} />
        </main>
    }
}

/// Mounts the app on the page's `#afterview` element (or the body when there is none).
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("afterview");
    match root {
        Some(element) => {
            element.set_inner_html("");
            yew::Renderer::<App>::with_root(element).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
