//! The opened part of an action's row: who it goes to and why, channel and window, the "why
//! this date", the survey chart, and the secondary actions (mark done with an editable time,
//! snooze inside the window, dismiss). The accepted times come from `core::action_form`; this
//! component only binds inputs. It is a wasm chunk of its own, fetched the first time a row is
//! opened (see `lazy`), so the first screen's download only carries the rows.

use yew::prelude::*;

use crate::components::format;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::components::timing_chart::TimingChart;
use crate::core::app::action_form::{check_done_typed, SnoozeWindow};
use crate::core::data::model::ActionKind;
use crate::core::dates;
use crate::core::planning::action::Action;
use crate::core::planning::zone::UserZone;
use crate::hooks::use_app;
use crate::state::Msg;

/// Which inline form of a row is open. The row keeps it, since its primary button can open
/// the "done" form of a "move on" row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Open {
    Nothing,
    Done,
    Snooze,
}

impl Open {
    /// Each form starts afresh: the details are keyed by it.
    pub fn slug(self) -> &'static str {
        match self {
            Open::Nothing => "nothing",
            Open::Done => "done",
            Open::Snooze => "snooze",
        }
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct ActionDetailsProps {
    pub action: Action,
    /// Show the company (off inside a process's own page).
    pub show_process: bool,
    pub open: Open,
    /// Asks the row to open a form (or to close it: `Open::Nothing`).
    pub on_open: Callback<Open>,
    /// The row's element ids start with this.
    pub id_base: AttrValue,
}

#[component]
pub fn ActionDetails(props: &ActionDetailsProps) -> Html {
    let ctx = use_app();
    // What the person typed; `None` shows the suggestion (now, or the window's first day).
    let done_typed = use_state(|| None::<String>);
    let snooze_typed = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);

    let action = &props.action;
    let open = props.open;
    let state = &ctx.state;
    let Some(process) = state.process(action.process) else {
        return html! {};
    };
    let recipient = action.recipient;
    let to_name = recipient.map(|recipient| recipient.name(process));
    let now = state.now;
    let zone = UserZone::from_setting(state.data.settings.time_zone);
    let rules = action.rules.ids();
    let snooze_window = SnoozeWindow::of(action, &now.with_timezone(&zone));
    let id_base = &props.id_base;
    let error_id = format!("{id_base}-error");
    let done_at = (*done_typed)
        .clone()
        .unwrap_or_else(|| format::input_datetime(&now));
    let snooze_to = (*snooze_typed).clone().unwrap_or_else(|| {
        snooze_window
            .map(|window| dates::iso_date(window.first))
            .unwrap_or_default()
    });

    let toggle = |which: Open| {
        let on_open = props.on_open.clone();
        Callback::from(move |_: MouseEvent| {
            on_open.emit(if open == which { Open::Nothing } else { which });
        })
    };
    let on_done_input = {
        let done_typed = done_typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            done_typed.set(Some(input.value()));
        })
    };
    let on_snooze_input = {
        let snooze_typed = snooze_typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            snooze_typed.set(Some(input.value()));
        })
    };
    let confirm_done = {
        let ctx = ctx.clone();
        let error = error.clone();
        let on_open = props.on_open.clone();
        let channel = action.channel;
        let key = action.key();
        let process_id = action.process;
        let done_at = done_at.clone();
        Callback::from(move |()| match check_done_typed(&done_at, &zone, &now) {
            Ok(at) => {
                on_open.emit(Open::Nothing);
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
        let error = error.clone();
        let on_open = props.on_open.clone();
        let key = action.key();
        let process_id = action.process;
        let snooze_to = snooze_to.clone();
        Callback::from(move |()| {
            let Some(window) = snooze_window else {
                return;
            };
            match window.until_typed(&snooze_to, work_start, &zone) {
                Ok(until) => {
                    on_open.emit(Open::Nothing);
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

    html! {
        <div class="av-row-details" id={format!("{id_base}-details")}>
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
                    <button type="button" class="av-btn" aria-expanded={(open == Open::Done).to_string()} onclick={toggle(Open::Done)}>{ "Mark done" }</button>
                }
                <button type="button" class="av-btn" disabled={snooze_window.is_none()}
                    title={if snooze_window.is_some() { "Postpone inside the rule's window" } else { "The window has closed: nothing later to move it to" }}
                    aria-expanded={(open == Open::Snooze).to_string()} onclick={toggle(Open::Snooze)}>{ "Snooze" }</button>
                <button type="button" class="av-btn" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
            if open == Open::Done {
                <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_done.clone())} novalidate=true>
                    <div class="av-field">
                        <label for={format!("{id_base}-done")}>{ if action.kind == ActionKind::MoveOn { "When did you decide?" } else { "When did you do it?" } }</label>
                        <input id={format!("{id_base}-done")} type="datetime-local" value={done_at} oninput={on_done_input}
                            aria-invalid={error.is_some().to_string()} aria-describedby={error_id.clone()} />
                    </div>
                    if let Some(message) = (*error).clone() { <p class="av-error" id={error_id.clone()}>{ message }</p> }
                    <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&confirm_done)}>{ if action.kind == ActionKind::MoveOn { "Close as moved on" } else { "Save as done" } }</button></div>
                </form>
            }
            if let (Open::Snooze, Some(window)) = (open, snooze_window) {
                <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_snooze.clone())} novalidate=true>
                    <div class="av-field">
                        <label for={format!("{id_base}-snooze")}>{ "Remind me on" }</label>
                        <input id={format!("{id_base}-snooze")} type="date" value={snooze_to} oninput={on_snooze_input}
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
}
