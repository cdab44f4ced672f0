//! The interview list: search, filter by status, add.

use yew::prelude::*;

#[component]
pub fn Interviews() -> Html {
    html! {}
}
