//! The Today view: interviews coming up, then one compact row per action in the groups
//! `core::today` decides (Overdue, Today, Next 7 days, Later), a collapsed "Missed"
//! line, bulk done/snooze for selected rows, and the in-context offer of reminders.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::action_card::ActionCard;
use crate::components::bulk_bar::BulkProps;
use crate::components::deferred::Deferred;
use crate::components::lazy::{Lazy, Part};
use crate::core::app::today_view::{RowId, TodayView, TodayViewMsg};
use crate::core::planning::today::{Group, TodayPlan};
use crate::hooks::use_app;
use crate::services::reminders;
use crate::state::{with_kit, Msg, View, Waiter};

/// Rows shown per group until the user asks for all (long plans stay light).
const GROUP_LIMIT: usize = 8;
/// Rows of a group drawn with it; the rest of the group follows a frame later.
const FIRST_PAINT: usize = 4;
/// Upcoming interviews listed at the top.
const UPCOMING_LIMIT: usize = 4;

impl Reducible for TodayView {
    type Action = TodayViewMsg;

    fn reduce(self: Rc<Self>, msg: TodayViewMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.apply(msg) {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[component]
pub fn Today() -> Html {
    let ctx = use_app();
    // Groups shown in full, the open row, rows ticked for bulk actions, the "Missed" fold, the
    // reminders' offer.
    // One state for all of it (each kind of state is code of its own in the first download).
    let view = use_reducer(|| TodayView {
        reminders_askable: reminders::status() == reminders::Status::CanAsk,
        ..TodayView::default()
    });
    let state = &ctx.state;
    let today: Rc<TodayPlan> = ctx.today.clone();

    let add = ctx.callback(|_: MouseEvent| Msg::Navigate(View::NewProcess));
    if state.data.processes.is_empty() {
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

    // Selected rows that are still planned (a done row drops out of the selection).
    let live_selection: Vec<RowId> = today
        .rows
        .iter()
        .map(|row| (row.action.process, row.action.key()))
        .filter(|id| view.selected.contains(id))
        .collect();

    let upcoming = if today.upcoming.is_empty() {
        html! {}
    } else {
        let more = today.upcoming.len().saturating_sub(UPCOMING_LIMIT);
        html! {
            <section class="av-section av-upcoming" aria-labelledby="av-upcoming-title" data-testid="upcoming-interviews">
                <h2 id="av-upcoming-title" class="av-section-title">{ "Coming up" }</h2>
                <ul class="av-upcoming-list">
                    { for today.upcoming.iter().take(UPCOMING_LIMIT).map(|item| html! { <li>{ item.label.clone() }</li> }) }
                </ul>
                if more > 0 {
                    <p class="av-hint">{ format!("and {more} more on the Interviews page") }</p>
                }
            </section>
        }
    };

    // Only once a row is ticked: its chunk (preloaded after the first screen) has the handlers.
    let bulk = if live_selection.is_empty() {
        html! {}
    } else {
        let bulk = BulkProps {
            today: today.clone(),
            chosen: live_selection.clone(),
            on_clear: {
                let view = view.clone();
                Callback::from(move |()| view.dispatch(TodayViewMsg::ClearSelection))
            },
        };
        html! { <Lazy part={Part::BulkBar} quiet=true bulk={Some(bulk)} /> }
    };

    let group = |group: Group| {
        let rows: Vec<_> = today.group(group).collect();
        if rows.is_empty() {
            return html! {};
        }
        let total = rows.len();
        let collapsed_by_default = group == Group::Later;
        let show_all = view.shown_all.contains(&group);
        let limit = if show_all {
            total
        } else if collapsed_by_default {
            0
        } else {
            GROUP_LIMIT
        };
        let expand = {
            let view = view.clone();
            Callback::from(move |_: MouseEvent| view.dispatch(TodayViewMsg::ShowAll(group)))
        };
        let mut cards = rows.into_iter().take(limit).map(|row| {
            let action = row.action;
            let id: RowId = (action.process, action.key());
            let key = format!("{}-{}", action.process, action.key());
            let is_expanded = view.expanded == Some(id);
            let on_toggle = {
                let view = view.clone();
                Callback::from(move |()| view.dispatch(TodayViewMsg::Toggle(id)))
            };
            let on_select = {
                let view = view.clone();
                Callback::from(move |on: bool| view.dispatch(TodayViewMsg::Select(id, on)))
            };
            html! {
                <ActionCard {key} {action} due_label={AttrValue::from(row.due_label.clone())}
                    expanded={Some(is_expanded)} on_toggle={Some(on_toggle)}
                    selected={view.selected.contains(&id)} on_select={Some(on_select)} />
            }
        });
        // A screenful of rows comes with the group; the rest a frame later.
        let first: Vec<Html> = cards.by_ref().take(FIRST_PAINT).collect();
        let rest: Vec<Html> = cards.collect();
        let heading_id = format!("av-group-{}", group.slug());
        html! {
            <section class="av-section" aria-labelledby={heading_id.clone()} data-group={group.slug()}>
                <h2 id={heading_id} class="av-section-title">{ group.title() }<span class="av-count">{ total }</span></h2>
                if limit > 0 {
                    <ul class="av-rows">
                        { for first }
                        <Deferred>{ for rest }</Deferred>
                    </ul>
                }
                if limit < total {
                    <p class="av-actions-row">
                        <button type="button" class="av-btn" onclick={expand}>
                            { if limit == 0 { format!("Show {total}") } else { format!("Show all {total}") } }
                        </button>
                    </p>
                }
            </section>
        }
    };

    let missed = match today.missed_summary() {
        None => html! {},
        Some(summary) => {
            let toggle = {
                let view = view.clone();
                Callback::from(move |event: Event| {
                    let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
                    view.dispatch(TodayViewMsg::MissedOpen(details.open()));
                })
            };
            let dismiss_all = {
                let ctx = ctx.clone();
                let today = today.clone();
                Callback::from(move |_: MouseEvent| {
                    for action in today.missed.iter() {
                        ctx.dispatch(Msg::Dismiss {
                            process: action.process,
                            key: action.key(),
                        });
                    }
                    ctx.dispatch(Msg::Announce(format!(
                        "Dismissed {} missed note{}.",
                        today.missed.len(),
                        if today.missed.len() == 1 { "" } else { "s" }
                    )));
                })
            };
            let state = ctx.state.clone();
            html! {
                <details class="av-missed" data-testid="missed" open={view.missed_open} ontoggle={toggle}>
                    <summary>{ summary }</summary>
                    <p class="av-hint">{ today.missed_advice() }</p>
                    if view.missed_open {
                        <ul class="av-missed-list">
                            { for today.missed.iter().map(|action| {
                                let company = state.process(action.process).map(|p| p.company.clone()).unwrap_or_default();
                                let to = state.process(action.process)
                                    .zip(action.recipient)
                                    .map(|(process, recipient)| format!(" to {}", recipient.name(process)))
                                    .unwrap_or_default();
                                html! { <li>{ format!("{}{to} · {company}", action.kind.label()) }</li> }
                            }) }
                        </ul>
                        <p class="av-actions-row"><button type="button" class="av-btn" onclick={dismiss_all}>{ "Dismiss all missed" }</button></p>
                    }
                </details>
            }
        }
    };

    let due_now = today.due_now_count();
    let offer_reminders = if due_now + today.group(Group::Next7Days).count() > 0
        && view.reminders_askable
    {
        let ask = {
            let view = view.clone();
            Callback::from(move |_: MouseEvent| {
                let view = view.clone();
                // The prompt's code comes with the reducer's chunk, here since the first screen.
                with_kit(Waiter::Person, move |kit| {
                    (kit.ask_reminders)(Callback::from(move |status| {
                        let askable = status == reminders::Status::CanAsk;
                        view.dispatch(TodayViewMsg::RemindersAskable(askable));
                    }));
                });
            })
        };
        html! {
            <p class="av-reminder-offer av-hint" data-testid="reminder-offer">
                { "Keep this tab open and get a browser notification when something comes due. " }
                <button type="button" class="av-btn-link" onclick={ask}>{ "Turn on reminders" }</button>
            </p>
        }
    } else {
        html! {}
    };

    // The first group with rows paints at once, each further one a frame later: a long plan
    // never makes one long startup task.
    let mut drawn = Group::ALL
        .into_iter()
        .filter(|&which| today.group(which).next().is_some())
        .map(group);
    let first_group = drawn.next().unwrap_or_default();
    let later_groups = drawn.rev().fold(Html::default(), |inner, group| {
        html! { <Deferred>{ group }{ inner }</Deferred> }
    });
    let groups = html! { <>{ first_group }{ later_groups }</> };
    let nothing = today.rows.is_empty();
    html! {
        <div class="av-today">
            { upcoming }
            if nothing {
                <div class="av-empty" data-testid="all-clear">
                    <p>{ "Nothing to send right now. New suggestions appear here as dates come up." }</p>
                </div>
            }
            { bulk }
            { groups }
            { missed }
            { offer_reminders }
        </div>
    }
}
