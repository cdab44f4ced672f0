//! One planned action: what, to whom, by which channel, its window and why; with buttons to
//! open the draft, mark it done (date editable), snooze it inside its window, or dismiss it.

use yew::prelude::*;

use crate::components::format;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::components::timing_chart::TimingChart;
use crate::core::action::{Action, ActionState};
use crate::core::form::{parse_date, parse_local_datetime};
use crate::core::model::ActionKind;
use crate::core::zone::UserZone;
use crate::hooks::use_app;
use crate::state::{DraftTarget, Msg};

#[derive(Clone, PartialEq, Properties)]
pub struct ActionCardProps {
    pub action: Action,
    /// Show the company (off inside a process's own page).
    #[prop_or(true)]
    pub show_process: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Done,
    Snooze,
}

pub fn state_label(state: ActionState) -> (&'static str, &'static str) {
    match state {
        ActionState::Late => ("Late", "av-pill av-pill-late"),
        ActionState::DueToday => ("Due today", "av-pill av-pill-today"),
        ActionState::Open => ("Open now", "av-pill av-pill-ok"),
        ActionState::Upcoming => ("Upcoming", "av-pill"),
    }
}

#[component]
pub fn ActionCard(props: &ActionCardProps) -> Html {
    let ctx = use_app();
    let open = use_state(|| Open::Nothing);
    let done_at = use_state(String::new);
    let snooze_to = use_state(String::new);
    let error = use_state(|| None::<String>);
    // The explanation is rendered only once the user opens "Why this date?".
    let why_open = use_state(|| false);

    let action = &props.action;
    let state = &ctx.state;
    let Some(process) = state.process(action.process) else {
        return html! {};
    };
    let person = action
        .interviewer
        .and_then(|id| process.interviewer(id))
        .map(|(_, person)| person);
    let to = match person {
        Some(person) if !person.title.is_empty() => format!("{} ({})", person.name, person.title),
        Some(person) => person.name.clone(),
        None => String::new(),
    };
    let now = state.now;
    let zone = UserZone::from_setting(state.data.settings.time_zone);
    let target = DraftTarget {
        process: action.process,
        key: action.key(),
    };
    let (state_text, state_class) = state_label(action.state);
    let title = if action.kind == ActionKind::MoveOn {
        format!("Move on from {}", process.company)
    } else if to.is_empty() {
        action.kind.label().to_string()
    } else {
        format!("{} to {}", action.kind.label(), to)
    };
    let rules = action.rules.ids();
    let earliest_day = action
        .earliest
        .date_naive()
        .max(now.date_naive().succ_opt().unwrap_or(now.date_naive()));
    let latest_day = action.latest.date_naive();
    let can_snooze = earliest_day <= latest_day && action.state != ActionState::Late;

    let open_draft = ctx.callback(move |_: MouseEvent| Msg::OpenDraft(target));
    let toggle = |which: Open| {
        let open = open.clone();
        let done_at = done_at.clone();
        let snooze_to = snooze_to.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            done_at.set(format::input_datetime(&now));
            snooze_to.set(earliest_day.format("%Y-%m-%d").to_string());
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
        Callback::from(move |()| match parse_local_datetime(&done_at, &zone) {
            Some(at) if at <= now + chrono::Duration::days(1) => {
                open.set(Open::Nothing);
                ctx.dispatch(Msg::MarkDone {
                    process: process_id,
                    key,
                    channel,
                    at,
                });
            }
            Some(_) => error.set(Some(
                "That is in the future; enter when you actually sent it.".into(),
            )),
            None => error.set(Some("Enter a real date and time (use the picker).".into())),
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
            let Some(date) = parse_date(&snooze_to) else {
                error.set(Some("Enter a real date (use the picker).".into()));
                return;
            };
            if date < earliest_day || date > latest_day {
                error.set(Some(format!(
                    "Pick a day from {} to {}: later than that the rule's window has closed.",
                    earliest_day.format("%a %-d %b"),
                    latest_day.format("%a %-d %b")
                )));
                return;
            }
            // The reminder lands at the start of that working day.
            let text = format!("{}T{}", date.format("%Y-%m-%d"), work_start.format("%H:%M"));
            match parse_local_datetime(&text, &zone) {
                Some(until) => {
                    open.set(Open::Nothing);
                    ctx.dispatch(Msg::Snooze {
                        process: process_id,
                        key,
                        until,
                    });
                }
                None => error.set(Some("That day cannot be used in your time zone.".into())),
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
    let id_base = format!(
        "av-a-{}-{}-{}-{}",
        action.process,
        action.kind.slug(),
        action.round.map_or(0, |r| r.0),
        action.interviewer.map_or(0, |p| p.0)
    );
    let error_id = format!("{id_base}-error");

    html! {
        <li class="av-card av-action"
            data-kind={action.kind.slug()}
            data-due={action.due.format("%Y-%m-%d").to_string()}
            data-rule={rules.clone()}
            data-process={action.process.to_string()}
            data-state={match action.state {
                ActionState::Late => "late",
                ActionState::DueToday => "due-today",
                ActionState::Open => "open",
                ActionState::Upcoming => "upcoming",
            }}>
            <div class="av-action-head">
                <h3 class="av-action-title">{ title }</h3>
                <span class={state_class}>{ state_text }</span>
            </div>
            <p class="av-action-meta">
                if props.show_process {
                    <span>{ format!("{} · {}", process.company, process.role) }</span>{ " · " }
                }
                <span>{ action.channel.label() }</span>
            </p>
            <p class="av-action-when">
                { "Due " }<strong>{ format::moment(&action.due) }</strong>{ format!(" ({})", format::relative(&action.due, &now)) }
                <br />
                <span class="av-action-meta">{ format!("Window: {} to {}", format::moment(&action.earliest), format::moment(&action.latest)) }</span>
            </p>
            <details class="av-why" open={*why_open} ontoggle={{
                let why_open = why_open.clone();
                Callback::from(move |event: Event| {
                    let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
                    why_open.set(details.open());
                })
            }}>
                <summary>{ "Why this date?" }</summary>
                if *why_open {
                    <p>{ action.explanation() }</p>
                    <p class="av-rule" title="Follow-up rules behind this date (see the rules list in the docs)">{ format!("Rules: {rules}") }</p>
                }
            </details>
            if matches!(action.kind, ActionKind::StatusInquiry | ActionKind::SecondInquiry) {
                <TimingChart process={action.process} />
            }
            <div class="av-actions-row">
                if action.kind != ActionKind::MoveOn {
                    <button type="button" class="av-btn av-btn-primary" onclick={open_draft}>
                        { if action.channel == crate::core::model::Channel::Phone { "Open call script" } else { "Open draft" } }
                    </button>
                }
                <button type="button" class="av-btn" aria-expanded={(*open == Open::Done).to_string()} onclick={toggle(Open::Done)}>
                    { if action.kind == ActionKind::MoveOn { "Close as moved on" } else { "Mark done" } }
                </button>
                <button type="button" class="av-btn" disabled={!can_snooze}
                    title={if can_snooze { "Postpone inside the rule's window" } else { "The window has closed: nothing later to move it to" }}
                    aria-expanded={(*open == Open::Snooze).to_string()} onclick={toggle(Open::Snooze)}>{ "Snooze" }</button>
                <button type="button" class="av-btn" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
            if *open == Open::Done {
                <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_done.clone())} novalidate=true>
                    <div class="av-field">
                        <label for={format!("{id_base}-done")}>{ "When did you do it?" }</label>
                        <input id={format!("{id_base}-done")} type="datetime-local" value={(*done_at).clone()} oninput={on_done_input}
                            aria-invalid={error.is_some().to_string()} aria-describedby={error_id.clone()} />
                    </div>
                    if let Some(message) = (*error).clone() { <p class="av-error" id={error_id.clone()}>{ message }</p> }
                    <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&confirm_done)}>{ "Save as done" }</button></div>
                </form>
            }
            if *open == Open::Snooze {
                <form class="av-form av-inline-form" onsubmit={no_native_submit()} onkeydown={enter_saves(confirm_snooze.clone())} novalidate=true>
                    <div class="av-field">
                        <label for={format!("{id_base}-snooze")}>{ "Remind me on" }</label>
                        <input id={format!("{id_base}-snooze")} type="date" value={(*snooze_to).clone()} oninput={on_snooze_input}
                            min={earliest_day.format("%Y-%m-%d").to_string()} max={latest_day.format("%Y-%m-%d").to_string()}
                            aria-invalid={error.is_some().to_string()} aria-describedby={error_id.clone()} />
                        <span class="av-hint">{ format!("Any day up to {}, when this rule's window closes.", latest_day.format("%a %-d %b")) }</span>
                    </div>
                    if let Some(message) = (*error).clone() { <p class="av-error" id={error_id.clone()}>{ message }</p> }
                    <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&confirm_snooze)}>{ "Snooze" }</button></div>
                </form>
            }
        </li>
    }
}
