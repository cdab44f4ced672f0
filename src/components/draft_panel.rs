//! The draft panel: the editable, proofread message for one action.

use yew::prelude::*;

#[component]
pub fn DraftPanel() -> Html {
    html! {}
}
