//! The Today view: planned actions grouped as late, due today, this week and later.

use yew::prelude::*;

#[component]
pub fn Today() -> Html {
    html! {}
}
