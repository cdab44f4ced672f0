//! Backup export and import, CSV and calendar export, storage persistence.

use yew::prelude::*;

#[component]
pub fn DataPanel() -> Html {
    html! {}
}
