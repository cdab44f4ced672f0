//! First-run onboarding: the user's name and an optional example interview.

use yew::prelude::*;

#[component]
pub fn Onboarding() -> Html {
    html! {}
}
