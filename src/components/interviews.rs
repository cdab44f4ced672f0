//! The interview list: search by company, role or person; filter by status; add a new one.
//! Long lists render in pages so a few hundred processes stay quick.

use crate::core::sort;
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use yew::prelude::*;

use crate::components::format;
use crate::core::data::model::{Process, ProcessId, ProcessStatus};
use crate::core::planning::action::Action;
use crate::core::writing::wording::plural;
use crate::hooks::use_app;
use crate::state::{Msg, View};

const PAGE: usize = 50;

fn matches(process: &Process, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let query = query.to_lowercase();
    let hit = |text: &str| text.to_lowercase().contains(&query);
    hit(&process.company)
        || hit(&process.role)
        || process
            .rounds
            .iter()
            .flat_map(|round| round.interviewers.iter())
            .any(|person| hit(&person.name))
}

/// "Last round Mon 16 Nov · Upcoming interview Tue 24 Nov, 10:00 · 2 rounds": a round that has not
/// started yet is an upcoming interview, never the last round.
fn rounds_summary(process: &Process, now: &DateTime<FixedOffset>) -> String {
    if process.rounds.is_empty() {
        return "No rounds yet".to_string();
    }
    let (upcoming, past): (Vec<_>, Vec<_>) = process
        .rounds
        .iter()
        .map(|round| round.start)
        .partition(|start| start > now);
    let mut parts = Vec::new();
    if let Some(last) = past.iter().max() {
        parts.push(format!("Last round {}", format::day(last)));
    }
    if let Some(next) = upcoming.iter().min() {
        parts.push(format!("Upcoming interview {}", format::moment(next)));
    }
    parts.push(plural(process.rounds.len(), "round", "rounds"));
    parts.join(" · ")
}

#[component]
pub fn Interviews() -> Html {
    let ctx = use_app();
    let query = use_state(String::new);
    let status = use_state(|| None::<ProcessStatus>);
    let shown = use_state(|| PAGE);

    let on_query = {
        let query = query.clone();
        let shown = shown.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
            shown.set(PAGE);
        })
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            status.set(ProcessStatus::ALL.into_iter().find(|s| s.label() == value));
        })
    };
    let add = ctx.callback(|_: MouseEvent| Msg::Navigate(View::NewProcess));
    let import = ctx.callback(|_: MouseEvent| Msg::Navigate(View::ImportInvitation));

    let mut processes: Vec<&Process> = ctx
        .state
        .data
        .processes
        .iter()
        .filter(|p| status.is_none_or(|wanted| p.status == wanted))
        .filter(|p| matches(p, query.trim()))
        .collect();
    // Most recent interview first.
    sort::sort_by_key(&mut processes, |p| {
        std::cmp::Reverse(p.rounds.iter().map(|r| r.start).max())
    });
    let total = processes.len();
    // The plan is sorted by due moment: one pass finds every process's next action.
    let mut next_actions: HashMap<ProcessId, &Action> = HashMap::new();
    for action in ctx.plan.iter() {
        next_actions.entry(action.process).or_insert(action);
    }
    let next_due = |process: &Process| {
        next_actions.get(&process.id).map(|action| {
            format!(
                "Next: {} ({})",
                action.kind.label(),
                format::relative(&action.due, &ctx.state.now)
            )
        })
    };

    html! {
        <section class="av-section" aria-labelledby="av-interviews-title">
            <div class="av-process-row">
                <h2 id="av-interviews-title" class="av-section-title">{ "Interviews" }<span class="av-count">{ ctx.state.data.processes.len() }</span></h2>
                <button type="button" class="av-btn av-btn-primary" onclick={add}>{ "Add interview" }</button>
                <button type="button" class="av-btn" onclick={import}>{ "Import invitation" }</button>
            </div>
            <div class="av-toolbar" role="search">
                <div class="av-field">
                    <label for="av-search">{ "Search" }</label>
                    <input id="av-search" type="search" placeholder="Company, role or interviewer" value={(*query).clone()} oninput={on_query} />
                </div>
                <div class="av-field">
                    <label for="av-status-filter">{ "Status" }</label>
                    <select id="av-status-filter" onchange={on_status}>
                        <option value="" selected={status.is_none()}>{ "All" }</option>
                        { for ProcessStatus::ALL.iter().map(|s| html! {
                            <option value={s.label()} selected={*status == Some(*s)}>{ s.label() }</option>
                        }) }
                    </select>
                </div>
            </div>
            if total == 0 {
                <p class="av-empty">{ if ctx.state.data.processes.is_empty() { "No interviews yet." } else { "No interview matches." } }</p>
            } else {
                <ul class="av-list" aria-label="Interview processes">
                    { for processes.iter().take(*shown).map(|process| {
                        let id = process.id;
                        let open = ctx.callback(move |_: MouseEvent| Msg::Navigate(View::Process(id)));
                        let rounds = rounds_summary(process, &ctx.state.now);
                        html! {
                            <li class="av-card" key={id.0} data-process={id.to_string()}>
                                <div class="av-process-row">
                                    <h3><button type="button" class="av-btn-link av-process-link" onclick={open}>{ format!("{} — {}", process.company, process.role) }</button></h3>
                                    <span class="av-pill">{ process.status.label() }</span>
                                </div>
                                <p class="av-action-meta">
                                    { rounds }
                                    if let Some(next) = next_due(process) { { " · " }{ next } }
                                </p>
                            </li>
                        }
                    }) }
                </ul>
                if total > *shown {
                    <p class="av-actions-row">
                        <button type="button" class="av-btn" onclick={{
                            let shown = shown.clone();
                            Callback::from(move |_| shown.set(*shown + PAGE))
                        }}>{ format!("Show more ({} of {total} shown)", *shown) }</button>
                    </p>
                }
            }
        </section>
    }
}
