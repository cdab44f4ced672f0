//! One process: rounds, interviewers, employer dates, timeline, planned actions, event logging.

use yew::prelude::*;

use crate::core::model::ProcessId;

#[derive(Clone, PartialEq, Properties)]
pub struct ProcessDetailProps {
    pub id: ProcessId,
}

#[component]
pub fn ProcessDetail(props: &ProcessDetailProps) -> Html {
    html! { <p>{ props.id.to_string() }</p> }
}
