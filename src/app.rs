//! The Yew application root (browser only).

use yew::prelude::*;

#[component]
pub fn App() -> Html {
    html! { <main class="afterview"><h1>{ "Afterview" }</h1></main> }
}

/// Mounts the app on the page's `#afterview` element (or the body).
pub fn start() {
    yew::Renderer::<App>::new().render();
}
