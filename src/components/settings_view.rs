//! Settings: the user's details, time zone, working hours, holidays, tone and theme.

use yew::prelude::*;

#[component]
pub fn SettingsView() -> Html {
    html! {}
}
