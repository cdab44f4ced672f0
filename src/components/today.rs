//! The Today view: planned actions grouped as late, due today, this week and later.

use std::collections::HashSet;

use yew::prelude::*;

use crate::components::action_card::ActionCard;
use crate::components::deferred::Deferred;
use crate::core::action::{Action, ActionState};
use crate::hooks::use_app;
use crate::state::{Msg, View};

/// Each group shows this many actions until the user asks for all (long plans stay quick).
const GROUP_LIMIT: usize = 10;
/// Cards of a group drawn with it; the rest of the group follows a frame later.
const FIRST_PAINT: usize = 4;

#[component]
pub fn Today() -> Html {
    let ctx = use_app();
    let expanded = use_state(HashSet::<&'static str>::new);
    let now = ctx.state.now;
    let week_end = now.date_naive() + chrono::Duration::days(7);
    let mut late = Vec::new();
    let mut today = Vec::new();
    let mut week = Vec::new();
    let mut later = Vec::new();
    for action in ctx.plan.iter() {
        let group = match action.state {
            ActionState::Late => &mut late,
            ActionState::DueToday => &mut today,
            _ if action.due.date_naive() <= now.date_naive() => &mut today,
            _ if action.due.date_naive() <= week_end => &mut week,
            _ => &mut later,
        };
        group.push(action.clone());
    }
    let add = ctx.callback(|_: MouseEvent| Msg::Navigate(View::NewProcess));
    if ctx.state.data.processes.is_empty() {
        return html! {
            <section class="av-section" aria-labelledby="av-today-title">
                <h2 id="av-today-title" class="av-section-title">{ "Today" }</h2>
                <div class="av-empty" data-testid="empty-state">
                    <p>{ "No interviews yet. Add one and Afterview works out what to send, to whom, and when." }</p>
                    <p><button type="button" class="av-btn av-btn-primary" onclick={add}>{ "Add an interview" }</button></p>
                </div>
            </section>
        };
    }
    let group = |id: &'static str, title: &str, actions: Vec<Action>| {
        if actions.is_empty() {
            return html! {};
        }
        let total = actions.len();
        let show_all = expanded.contains(id) || total <= GROUP_LIMIT;
        let expand = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                next.insert(id);
                expanded.set(next);
            })
        };
        let mut cards = actions
            .into_iter()
            .take(if show_all { total } else { GROUP_LIMIT })
            .map(|action| {
                let key = format!("{}-{:?}", action.process, action.key());
                html! { <ActionCard {key} action={action} /> }
            });
        // The first few cards (a screenful) come with the group, the rest a frame later.
        let first: Html = cards.by_ref().take(FIRST_PAINT).collect();
        let rest: Html = cards.collect();
        html! {
            <section class="av-section" aria-labelledby={id} data-group={id}>
                <h2 id={id} class="av-section-title">{ title }<span class="av-count">{ total }</span></h2>
                <ul class="av-list">
                    { first }
                    <Deferred>{ rest }</Deferred>
                </ul>
                if !show_all {
                    <p class="av-actions-row">
                        <button type="button" class="av-btn" onclick={expand}>{ format!("Show all {total}") }</button>
                    </p>
                }
            </section>
        }
    };
    let nothing = late.is_empty() && today.is_empty() && week.is_empty() && later.is_empty();
    // The first group with actions paints at once, each further one a frame later: a long plan
    // never makes one long startup task.
    let mut groups = [
        ("av-group-late", "Late", late),
        ("av-group-today", "Due today", today),
        ("av-group-week", "This week", week),
        ("av-group-later", "Later", later),
    ]
    .into_iter()
    .filter(|(_, _, actions)| !actions.is_empty())
    .map(|(id, title, actions)| group(id, title, actions));
    let first = groups.next().unwrap_or_default();
    let rest = groups.rev().fold(Html::default(), |inner, group| {
        html! { <Deferred>{ group }{ inner }</Deferred> }
    });
    html! {
        <div class="av-today">
            if nothing {
                <div class="av-empty" data-testid="all-clear">
                    <p>{ "Nothing to send right now. New suggestions appear here as dates come up." }</p>
                </div>
            }
            { first }
            { rest }
        </div>
    }
}
