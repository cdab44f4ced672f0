//! The add/edit form for a process with its rounds and interviewers.

use yew::prelude::*;

use crate::core::model::ProcessId;

#[derive(Clone, PartialEq, Properties)]
pub struct ProcessFormProps {
    pub id: Option<ProcessId>,
}

#[component]
pub fn ProcessFormView(props: &ProcessFormProps) -> Html {
    html! { <p>{ format!("{:?}", props.id) }</p> }
}
