//! One process: its planned actions, rounds and interviewers, the dates the employer gave,
//! the event timeline, and a form to log what happened (reply, decision date, offer, ...).

use crate::core::dates;
use crate::core::sort;
use yew::prelude::*;

use crate::components::action_card::ActionCard;
use crate::components::format;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::core::app::log_form::{LogField, LogForm, Loggable};
use crate::core::data::model::{EventKind, InterviewerId, PersonId, Process, ProcessId, RoundId};
use crate::core::planning::zone::{round_time_label, UserZone};
use crate::hooks::use_app;
use crate::state::{Msg, View};

#[derive(Clone, PartialEq, Properties)]
pub struct ProcessDetailProps {
    pub id: ProcessId,
}

fn describe(process: &Process, kind: &EventKind) -> String {
    let person = |id: &Option<InterviewerId>| {
        id.and_then(|id| process.interviewer(id))
            .map(|(_, p)| format!(" ({})", p.name))
            .unwrap_or_default()
    };
    let sender = |id: &Option<PersonId>| {
        id.and_then(|id| process.person(id))
            .map(|p| format!(" ({})", p.name()))
            .unwrap_or_default()
    };
    match kind {
        EventKind::MessageSent {
            message,
            channel,
            to,
        } => {
            format!(
                "Sent: {} by {}{}",
                message.label(),
                channel.label().to_lowercase(),
                person(to)
            )
        }
        EventKind::ReplyReceived { from } => format!("They replied{}", sender(from)),
        EventKind::DecisionDateGiven { date, from } => format!(
            "Decision or next step expected {}{}",
            dates::day_month_year(*date),
            sender(from)
        ),
        EventKind::DocumentsRequested { what, deadline, by } => format!(
            "Asked for {}{}{}",
            if what.is_empty() { "documents" } else { what },
            deadline
                .map(|d| format!(" by {}", dates::day_month(d)))
                .unwrap_or_default(),
            sender(&by.map(PersonId::from))
        ),
        EventKind::UpdateRequested { by } => format!(
            "Asked to be kept updated{}",
            sender(&by.map(PersonId::from))
        ),
        EventKind::Offer { deadline, from } => format!(
            "Offer{}{}",
            deadline
                .map(|d| format!(", answer by {}", dates::day_month(d)))
                .unwrap_or_default(),
            sender(from)
        ),
        EventKind::CompetingOffer { deadline } => format!(
            "Offer from another employer{}",
            deadline
                .map(|d| format!(", answer by {}", dates::day_month(d)))
                .unwrap_or_default()
        ),
        EventKind::Rejection { from } => format!("Turned down{}", sender(from)),
        EventKind::Withdrawn => "Withdrew".into(),
        EventKind::MovedOn => "Closed as moved on".into(),
        EventKind::Snoozed { action, until } => format!(
            "Snoozed {} until {}",
            action.kind.label().to_lowercase(),
            format::moment(until)
        ),
        EventKind::Dismissed { action } => {
            format!("Dismissed {}", action.kind.label().to_lowercase())
        }
    }
}

#[component]
pub fn ProcessDetail(props: &ProcessDetailProps) -> Html {
    let ctx = use_app();
    let log = use_state(|| LogForm::new(ctx.state.now));
    let log_errors = use_state(Vec::<(LogField, String)>::new);
    let log_at_ref = use_node_ref();
    let log_date_ref = use_node_ref();
    let confirm_delete = use_state(|| false);

    let Some(process) = ctx.state.process(props.id).cloned() else {
        return html! {
            <p class="av-empty">{ "This interview no longer exists." }</p>
        };
    };
    let id = process.id;
    let zone = UserZone::from_setting(ctx.state.data.settings.time_zone);
    let actions: Vec<_> = ctx
        .plan
        .iter()
        .filter(|a| a.process == id)
        .cloned()
        .collect();
    let back = ctx.callback(|_: MouseEvent| Msg::Navigate(View::Interviews));
    let edit = ctx.callback(move |_: MouseEvent| Msg::Navigate(View::EditProcess(id)));
    let delete = ctx.callback(move |_: MouseEvent| Msg::DeleteProcess(id));
    let latest_round: Option<RoundId> = process.rounds.iter().max_by_key(|r| r.start).map(|r| r.id);

    let mut events = process.events.clone();
    sort::sort_by_key(&mut events, |e| std::cmp::Reverse(e.at));
    let decision_dates: Vec<String> = process
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::DecisionDateGiven { date, .. } => Some(format!(
                "Decision or next step: {}",
                dates::day_month_year(*date)
            )),
            EventKind::DocumentsRequested {
                what,
                deadline: Some(deadline),
                ..
            } => Some(format!(
                "{}: due {}",
                if what.is_empty() {
                    "Documents"
                } else {
                    what.as_str()
                },
                dates::day_month_year(*deadline)
            )),
            EventKind::Offer {
                deadline: Some(d), ..
            } => Some(format!("Offer answer due {}", dates::day_month_year(*d))),
            _ => None,
        })
        .collect();

    let submit_log = {
        let ctx = ctx.clone();
        let (log, log_errors) = (log.clone(), log_errors.clone());
        let (at_ref, date_ref) = (log_at_ref.clone(), log_date_ref.clone());
        Callback::from(move |()| {
            // A day the browser cannot read (31/02) reads as empty: ask the inputs themselves.
            let unreadable = |input: &NodeRef| {
                input
                    .cast::<web_sys::HtmlInputElement>()
                    .is_some_and(|input| input.validity().bad_input())
            };
            let mut typed = (*log).clone();
            typed.at_bad_input = unreadable(&at_ref);
            typed.date_bad_input = unreadable(&date_ref);
            match typed.submit(&zone) {
                Ok(entry) => {
                    log_errors.set(Vec::new());
                    log.set(log.cleared());
                    ctx.dispatch(Msg::LogEvent {
                        process: id,
                        kind: entry.kind,
                        at: entry.at,
                        round: latest_round,
                        note: entry.note,
                    });
                }
                Err(errors) => log_errors.set(errors),
            }
        })
    };
    let error_for = |field: LogField| {
        log_errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };
    // Each field writes into the form model; the model decides what the values mean.
    let edit_log = |apply: fn(&mut LogForm, String, bool)| {
        let log = log.clone();
        Callback::from(move |e: Event| {
            let (value, bad_input) = match e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                Some(select) => (select.value(), false),
                None => {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    (input.value(), input.validity().bad_input())
                }
            };
            let mut next = (*log).clone();
            apply(&mut next, value, bad_input);
            log.set(next);
        })
    };
    let type_log = |apply: fn(&mut LogForm, String, bool)| {
        let log = log.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*log).clone();
            apply(&mut next, input.value(), input.validity().bad_input());
            log.set(next);
        })
    };
    let kind = log.kind;
    let people = kind.people(&process);
    let point_of_contact = process
        .effective_point_of_contact()
        .and_then(|id| process.person(id))
        .map(|person| person.name().to_string());

    html! {
        <article class="av-section av-process" aria-labelledby="av-process-title" data-process={id.to_string()}>
            <p><button type="button" class="av-btn-link" onclick={back}>{ "← All interviews" }</button></p>
            <div class="av-process-row">
                <h2 id="av-process-title" class="av-section-title">{ format!("{} — {}", process.company, process.role) }</h2>
                <span class="av-pill" data-testid="process-status">{ process.status.label() }</span>
            </div>
            if process.sample {
                <p class="av-banner">{ "This is the example interview. Explore freely; remove it from Settings when you are done." }</p>
            }
            <div class="av-actions-row">
                <button type="button" class="av-btn" onclick={edit}>{ "Edit" }</button>
                if *confirm_delete {
                    <span>{ "Delete this interview?" }</span>
                    <button type="button" class="av-btn av-btn-danger" onclick={delete}>{ "Yes, delete" }</button>
                    <button type="button" class="av-btn" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(false)) }}>{ "Keep it" }</button>
                } else {
                    <button type="button" class="av-btn av-btn-danger" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(true)) }}>{ "Delete" }</button>
                }
            </div>

            <section class="av-section" aria-labelledby="av-process-plan">
                <h3 id="av-process-plan" class="av-section-title">{ "What to do next" }<span class="av-count">{ actions.len() }</span></h3>
                if actions.is_empty() {
                    <p class="av-empty">{ if process.status.is_closed() { "This process is closed: nothing more to send." } else { "Nothing planned right now." } }</p>
                } else {
                    <ul class="av-list">
                        { for actions.into_iter().map(|action| {
                            let key = action.key().to_string();
                            html! { <ActionCard {key} action={action} show_process={false} /> }
                        }) }
                    </ul>
                }
            </section>

            <section class="av-section" aria-labelledby="av-process-rounds">
                <h3 id="av-process-rounds" class="av-section-title">{ "Rounds" }</h3>
                if process.rounds.is_empty() {
                    <p class="av-empty">{ "No rounds yet. Edit the interview to add one." }</p>
                }
                <ol class="av-list">
                    { for process.rounds.iter().map(|round| html! {
                        <li class="av-card" key={round.id.0}>
                            <p><strong>{ format!("{} · {}", round.kind.label(), round.format.label()) }</strong>
                               { format!(" — {}", round_time_label(round.start, round.end, round.zone, zone)) }</p>
                            <ul class="av-list">
                                { for round.interviewers.iter().map(|p| html! {
                                    <li key={p.id.0}>
                                        <dl class="av-dl">
                                            <dt>{ "Interviewer" }</dt><dd>{ if p.title.is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.title) } }</dd>
                                            if !p.email.is_empty() { <dt>{ "Email" }</dt><dd>{ &p.email }</dd> }
                                            if !p.discussed.is_empty() { <dt>{ "Discussed" }</dt><dd>{ &p.discussed }</dd> }
                                        </dl>
                                    </li>
                                }) }
                            </ul>
                            if !round.notes.is_empty() { <p class="av-hint">{ format!("Notes: {}", round.notes) }</p> }
                        </li>
                    }) }
                </ol>
            </section>

            if !process.contacts.is_empty() || point_of_contact.is_some() {
                <section class="av-section" aria-labelledby="av-process-people" data-testid="process-contacts">
                    <h3 id="av-process-people" class="av-section-title">{ "People who handle the process" }</h3>
                    if let Some(name) = point_of_contact.clone() {
                        <p class="av-hint">{ format!("Inquiries and replies go to whoever wrote to you last, else your point of contact: {name}.") }</p>
                    }
                    <ul class="av-list">
                        { for process.contacts.iter().map(|c| html! {
                            <li key={c.id.0}>
                                <dl class="av-dl">
                                    <dt>{ c.role.label() }</dt>
                                    <dd>{ if c.title.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, c.title) } }</dd>
                                    if !c.email.is_empty() { <dt>{ "Email" }</dt><dd>{ &c.email }</dd> }
                                    if !c.phone.is_empty() { <dt>{ "Phone" }</dt><dd>{ &c.phone }</dd> }
                                </dl>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !process.notes.is_empty() || !process.why_fit.is_empty() {
                <section class="av-section" aria-labelledby="av-process-notes">
                    <h3 id="av-process-notes" class="av-section-title">{ "Your notes" }</h3>
                    if !process.notes.is_empty() { <p class="av-prewrap">{ &process.notes }</p> }
                    if !process.why_fit.is_empty() { <p class="av-prewrap"><strong>{ "Why you fit: " }</strong>{ &process.why_fit }</p> }
                </section>
            }
            if !decision_dates.is_empty() {
                <section class="av-section" aria-labelledby="av-process-dates">
                    <h3 id="av-process-dates" class="av-section-title">{ "Dates they gave" }</h3>
                    <ul class="av-timeline">{ for decision_dates.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                </section>
            }

            <section class="av-section av-card" aria-labelledby="av-log-title">
                <h3 id="av-log-title" class="av-section-title">{ "Log what happened" }</h3>
                <form class="av-form" onsubmit={no_native_submit()} onkeydown={enter_saves(submit_log.clone())} novalidate=true>
                    <div class="av-grid-2">
                        <div class="av-field">
                            <label for="av-log-kind">{ "What happened" }</label>
                            <select id="av-log-kind" onchange={edit_log(|f, v, _| if let Some(k) = Loggable::from_slug(&v) { f.kind = k; })}>
                                { for Loggable::ALL.iter().map(|k| html! { <option value={k.slug()} selected={*k == kind}>{ k.label() }</option> }) }
                            </select>
                        </div>
                        <div class="av-field">
                            <label for="av-log-at">{ "When" }</label>
                            <input id="av-log-at" type="datetime-local" value={log.at.clone()} ref={log_at_ref.clone()}
                                aria-invalid={error_for(LogField::At).is_some().to_string()} aria-describedby="av-log-at-error"
                                oninput={type_log(|f, v, bad| { f.at = v; f.at_bad_input = bad; })} />
                            if let Some(m) = error_for(LogField::At) { <span class="av-error" id="av-log-at-error">{ m }</span> }
                        </div>
                        if let Some((label, _)) = kind.date_field() {
                            <div class="av-field">
                                <label for="av-log-date">{ label }</label>
                                <input id="av-log-date" type="date" value={log.date.clone()} ref={log_date_ref.clone()}
                                    aria-invalid={error_for(LogField::Date).is_some().to_string()} aria-describedby="av-log-date-error"
                                    oninput={type_log(|f, v, bad| { f.date = v; f.date_bad_input = bad; })} />
                                if let Some(m) = error_for(LogField::Date) { <span class="av-error" id="av-log-date-error">{ m }</span> }
                            </div>
                        }
                        if kind.asks_what() {
                            <div class="av-field">
                                <label for="av-log-what">{ "What they asked for" }</label>
                                <input id="av-log-what" type="text" value={log.what.clone()} placeholder="e.g. two references"
                                    oninput={type_log(|f, v, _| f.what = v)} />
                            </div>
                        }
                        if kind.has_sender() && !people.is_empty() {
                            <div class="av-field">
                                <label for="av-log-person">{ "Who (optional)" }</label>
                                <select id="av-log-person" onchange={edit_log(|f, v, _| f.choose_person(&v))}>
                                    <option value="" selected={log.person.is_none()}>{ "Someone at the company" }</option>
                                    { for people.iter().map(|(pid, name)| html! { <option value={pid.0.to_string()} selected={log.person == Some(*pid)}>{ name }</option> }) }
                                </select>
                            </div>
                        }
                    </div>
                    <div class="av-field">
                        <label for="av-log-note">{ kind.note_label() }</label>
                        <input id="av-log-note" type="text" value={log.note.clone()}
                            oninput={type_log(|f, v, _| f.note = v)} />
                    </div>
                    <div class="av-actions-row"><button type="button" class="av-btn av-btn-primary" onclick={click_saves(&submit_log)}>{ "Add to timeline" }</button></div>
                </form>
            </section>

            <section class="av-section" aria-labelledby="av-process-timeline">
                <h3 id="av-process-timeline" class="av-section-title">{ "Timeline" }</h3>
                if events.is_empty() {
                    <p class="av-empty">{ "Nothing logged yet." }</p>
                } else {
                    <ul class="av-timeline" data-testid="timeline">
                        { for events.iter().map(|event| {
                            let event_id = event.id;
                            let remove = ctx.callback(move |_: MouseEvent| Msg::RemoveEvent { process: id, event: event_id });
                            html! {
                                <li key={event.id.0}>
                                    <time datetime={event.at.to_rfc3339()}>{ format::moment(&event.at) }</time>
                                    <span>{ describe(&process, &event.kind) }{ if event.note.is_empty() { String::new() } else { format!(" — {}", event.note) } }</span>
                                    <button type="button" class="av-btn-link" aria-label={format!("Remove '{}' from the timeline", describe(&process, &event.kind))} onclick={remove}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
        </article>
    }
}
