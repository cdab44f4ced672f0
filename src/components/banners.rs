//! Banners for storage problems, quarantined data and the backup reminder.

use yew::prelude::*;

#[component]
pub fn Banners() -> Html {
    html! {}
}
