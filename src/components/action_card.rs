//! One planned action as a compact row (what, to whom, company, due label, one primary
//! button) that expands to its window, recipient reason, "why", survey chart and the
//! secondary actions (mark done with an editable time, snooze inside the window, dismiss).
//! The accepted times come from `core::action_form`; this component only binds inputs.

use crate::core::dates;
use yew::prelude::*;

use crate::components::format;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::components::timing_chart::TimingChart;
use crate::core::app::action_form::{check_done_typed, SnoozeWindow};
use crate::core::data::model::{ActionKind, Channel};
use crate::core::planning::action::{Action, ActionState};
use crate::core::planning::zone::UserZone;
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Done,
    Snooze,
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
    let done_at = use_state(String::new);
    let snooze_to = use_state(String::new);
    let error = use_state(|| None::<String>);

    let action = &props.action;
    let state = &ctx.state;
    let Some(process) = state.process(action.process) else {
        return html! {};
    };
    let expanded = props.expanded.unwrap_or(*own_expanded);
    let recipient = action.recipient;
    let to_name = recipient.map(|recipient| recipient.name(process));
    let now = state.now;
    let zone = UserZone::from_setting(state.data.settings.time_zone);
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
    let snooze_window = SnoozeWindow::of(action, &now.with_timezone(&zone));
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
    let error_id = format!("{id_base}-error");

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
    let toggle = |which: Open| {
        let open = open.clone();
        let done_at = done_at.clone();
        let snooze_to = snooze_to.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            done_at.set(format::input_datetime(&now));
            snooze_to.set(
                snooze_window
                    .map(|window| dates::iso_date(window.first))
                    .unwrap_or_default(),
            );
            open.set(if *open == which { Open::Nothing } else { which });
        })
    };
    let on_done_input = {
        let done_at = done_at.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            done_at.set(input.value());
        })
    };
    let on_snooze_input = {
        let snooze_to = snooze_to.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            snooze_to.set(input.value());
        })
    };
    let confirm_done = {
        let ctx = ctx.clone();
        let done_at = done_at.clone();
        let error = error.clone();
        let open = open.clone();
        let channel = action.channel;
        let key = action.key();
        let process_id = action.process;
        Callback::from(move |()| match check_done_typed(&done_at, &zone, &now) {
            Ok(at) => {
                open.set(Open::Nothing);
                ctx.dispatch(Msg::MarkDone {
                    process: process_id,
                    key,
                    channel,
                    at,
                });
            }
            Err(problem) => error.set(Some(problem.to_string())),
        })
    };
    let work_start = state.data.settings.work_start;
    let confirm_snooze = {
        let ctx = ctx.clone();
        let snooze_to = snooze_to.clone();
        let error = error.clone();
        let open = open.clone();
        let key = action.key();
        let process_id = action.process;
        Callback::from(move |()| {
            let Some(window) = snooze_window else {
                return;
            };
            match window.until_typed(&snooze_to, work_start, &zone) {
                Ok(until) => {
                    open.set(Open::Nothing);
                    ctx.dispatch(Msg::Snooze {
                        process: process_id,
                        key,
                        until,
                    });
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        })
    };
    let dismiss = {
        let key = action.key();
        let process_id = action.process;
        ctx.callback(move |_: MouseEvent| Msg::Dismiss {
            process: process_id,
            key,
        })
    };
    let primary = if action.kind == ActionKind::MoveOn {
        html! {
            <button type="button" class="av-btn av-btn-primary av-row-primary" aria-expanded={(*open == Open::Done).to_string()}
                onclick={{
                    let toggle_done = toggle(Open::Done);
                    let on_toggle = props.on_toggle.clone();
                    let own_expanded = own_expanded.clone();
                    Callback::from(move |event: MouseEvent| {
                        if !expanded {
                            match &on_toggle { Some(callback) => callback.emit(()), None => own_expanded.set(true) }
                        }
                        toggle_done.emit(event);
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
                <span class={classes!("av-row-due", format!("av-due-{}", state_slug(action.state)))}>{ due_text }</span>
                { primary }
            </div>
            if expanded {
                <div class="av-row-details" id={details_id}>
                    if let (Some(recipient), Some(name)) = (recipient, to_name) {
                        <p class="av-row-recipient" data-testid="recipient">
                            <strong>{ name }</strong>{ format!(", {}", recipient.reason(process)) }
                        </p>
                    }
                    <p class="av-action-meta">
                        if props.show_process {
                            { format!("{} · {} · ", process.company, process.role) }
                        }
                        { action.channel.label() }
                    </p>
                    <p class="av-action-meta">
                        { format!("Due {} · window {} to {}", format::moment(&action.due), format::moment(&action.earliest), format::moment(&action.latest)) }
                    </p>
                    <details class="av-why">
                        <summary>{ "Why this date?" }</summary>
                        <p>{ action.explanation() }</p>
                        <p class="av-rule" title="Follow-up rules behind this date (see the rules list in the docs)">{ format!("Rules: {rules}") }</p>
                    </details>
                    if matches!(action.kind, ActionKind::StatusInquiry | ActionKind::SecondInquiry) {
                        <TimingChart process={action.process} />
                    }
                    <div class="av-actions-row">
                        if action.kind != ActionKind::MoveOn {
                            <button type="button" class="av-btn" aria-expanded={(*open == Open::Done).to_string()} onclick={toggle(Open::Done)}>{ "Mark done" }</button>
                        }
                        <button type="button" class="av-btn" disabled={snooze_window.is_none()}
                            title={if snooze_window.is_some() { "Postpone inside the rule's window" } else { "The window has closed: nothing later to move it to" }}
                            aria-expanded={(*open == Open::Snooze).to_string()} onclick={toggle(Open::Snooze)}>{ "Snooze" }</button>
                        <button type="button" class="av-btn" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                    if *open == Open::Done {
                        <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_done.clone())} novalidate=true>
                            <div class="av-field">
                                <label for={format!("{id_base}-done")}>{ if action.kind == ActionKind::MoveOn { "When did you decide?" } else { "When did you do it?" } }</label>
                                <input id={format!("{id_base}-done")} type="datetime-local" value={(*done_at).clone()} oninput={on_done_input}
                                    aria-invalid={error.is_some().to_string()} aria-describedby={error_id.clone()} />
                            </div>
                            if let Some(message) = (*error).clone() { <p class="av-error" id={error_id.clone()}>{ message }</p> }
                            <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&confirm_done)}>{ if action.kind == ActionKind::MoveOn { "Close as moved on" } else { "Save as done" } }</button></div>
                        </form>
                    }
                    if let (Open::Snooze, Some(window)) = (*open, snooze_window) {
                        <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_snooze.clone())} novalidate=true>
                            <div class="av-field">
                                <label for={format!("{id_base}-snooze")}>{ "Remind me on" }</label>
                                <input id={format!("{id_base}-snooze")} type="date" value={(*snooze_to).clone()} oninput={on_snooze_input}
                                    min={dates::iso_date(window.first)} max={dates::iso_date(window.last)}
                                    aria-invalid={error.is_some().to_string()} aria-describedby={error_id.clone()} />
                                <span class="av-hint">{ window.hint() }</span>
                            </div>
                            if let Some(message) = (*error).clone() { <p class="av-error" id={error_id.clone()}>{ message }</p> }
                            <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&confirm_snooze)}>{ "Snooze" }</button></div>
                        </form>
                    }
                </div>
            }
        </li>
    }
}
