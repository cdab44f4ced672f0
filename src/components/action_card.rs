//! One planned action as a compact row (what, to whom, company, due label, one primary
//! button) that opens to its details (see `action_details`, fetched the first time a row is
//! opened).

use yew::prelude::*;

use crate::components::action_details::{ActionDetailsProps, Open};
use crate::components::format;
use crate::components::lazy::{Lazy, Part};
use crate::core::data::model::{ActionKind, Channel};
use crate::core::planning::action::{Action, ActionState};
use crate::hooks::use_app;
use crate::state::{DraftTarget, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct ActionCardProps {
    pub action: Action,
    /// Show the company (off inside a process's own page).
    #[prop_or(true)]
    pub show_process: bool,
    /// The short due label from `core::today`; without it the due day is shown.
    #[prop_or_default]
    pub due_label: Option<AttrValue>,
    /// Expanded or not, when the parent keeps one row open at a time.
    #[prop_or_default]
    pub expanded: Option<bool>,
    #[prop_or_default]
    pub on_toggle: Option<Callback<()>>,
    /// Selection for the bulk buttons; no checkbox without `on_select`.
    #[prop_or_default]
    pub selected: bool,
    #[prop_or_default]
    pub on_select: Option<Callback<bool>>,
}

fn state_slug(state: ActionState) -> &'static str {
    match state {
        ActionState::Late => "late",
        ActionState::DueToday => "due-today",
        ActionState::Open => "open",
        ActionState::Upcoming => "upcoming",
    }
}

#[component]
pub fn ActionCard(props: &ActionCardProps) -> Html {
    let ctx = use_app();
    let open = use_state(|| Open::Nothing);
    let own_expanded = use_state(|| false);

    let action = &props.action;
    let state = &ctx.state;
    let Some(process) = state.process(action.process) else {
        return html! {};
    };
    let expanded = props.expanded.unwrap_or(*own_expanded);
    let recipient = action.recipient;
    let to_name = recipient.map(|recipient| recipient.name(process));
    let target = DraftTarget {
        process: action.process,
        key: action.key(),
    };
    let what = if action.kind == ActionKind::MoveOn {
        "Move on".to_string()
    } else {
        action.kind.label().to_string()
    };
    let rules = action.rules.ids();
    let due_text = props
        .due_label
        .as_ref()
        .map(|label| label.to_string())
        .unwrap_or_else(|| format!("due {}", format::day(&action.due)));
    let id_base = format!(
        "av-a-{}-{}-{}-{}",
        action.process,
        action.kind.slug(),
        action.round.map_or(0, |r| r.0),
        action.interviewer.map_or(0, |p| p.0)
    );
    let details_id = format!("{id_base}-details");

    let toggle_row = {
        let on_toggle = props.on_toggle.clone();
        let own_expanded = own_expanded.clone();
        Callback::from(move |_: MouseEvent| match &on_toggle {
            Some(callback) => callback.emit(()),
            None => own_expanded.set(!*own_expanded),
        })
    };
    let on_select = props.on_select.clone().map(|callback| {
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            callback.emit(input.checked());
        })
    });
    let open_draft = ctx.callback(move |_: MouseEvent| Msg::OpenDraft(target));
    let primary = if action.kind == ActionKind::MoveOn {
        html! {
            <button type="button" class="av-btn av-btn-primary av-row-primary" aria-expanded={(*open == Open::Done).to_string()}
                onclick={{
                    let open = open.clone();
                    let on_toggle = props.on_toggle.clone();
                    let own_expanded = own_expanded.clone();
                    Callback::from(move |_: MouseEvent| {
                        if !expanded {
                            match &on_toggle { Some(callback) => callback.emit(()), None => own_expanded.set(true) }
                        }
                        open.set(if *open == Open::Done { Open::Nothing } else { Open::Done });
                    })
                }}>{ "Close" }</button>
        }
    } else {
        let text = if action.channel == Channel::Phone {
            "Call script"
        } else {
            "Open draft"
        };
        let label = format!(
            "{text}: {what}{}",
            to_name
                .as_ref()
                .map(|name| format!(" to {name}"))
                .unwrap_or_default()
        );
        html! {
            <button type="button" class="av-btn av-btn-primary av-row-primary" onclick={open_draft} aria-label={label}>
                { text }
            </button>
        }
    };
    let select_label = format!(
        "Select {}{}",
        what.to_ascii_lowercase(),
        to_name
            .as_ref()
            .map(|name| format!(" to {name}"))
            .unwrap_or_default()
    );

    html! {
        <li class="av-row av-action"
            data-kind={action.kind.slug()}
            data-due={format::input_date(&action.due)}
            data-rule={rules.clone()}
            data-process={action.process.to_string()}
            data-state={state_slug(action.state)}
            data-expanded={expanded.to_string()}>
            <div class="av-row-line">
                if let Some(onchange) = on_select {
                    <input type="checkbox" class="av-row-check" checked={props.selected} {onchange} aria-label={select_label} />
                }
                <button type="button" class="av-row-toggle" aria-expanded={expanded.to_string()} aria-controls={details_id.clone()} onclick={toggle_row}>
                    <span class="av-row-what">{ what.clone() }</span>
                    if let Some(name) = to_name.clone() {
                        <span class="av-row-to">{ format!(" to {name}") }</span>
                    }
                    if props.show_process {
                        <span class="av-row-company">{ format!(" · {}", process.company) }</span>
                    }
                </button>
                <span class={format!("av-row-due av-due-{}", state_slug(action.state))}>{ due_text }</span>
                { primary }
            </div>
            if expanded {
                <Lazy part={Part::ActionDetails} details={ActionDetailsProps {
                    action: *action,
                    show_process: props.show_process,
                    open: *open,
                    on_open: {
                        let open = open.clone();
                        Callback::from(move |which| open.set(which))
                    },
                    id_base: AttrValue::from(id_base.clone()),
                }} />
            }
        </li>
    }
}
