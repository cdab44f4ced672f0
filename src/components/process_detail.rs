//! One process: its planned actions, rounds and interviewers, the dates the employer gave,
//! the event timeline, and a form to log what happened (reply, decision date, offer, ...).

use yew::prelude::*;

use crate::components::action_card::ActionCard;
use crate::components::format;
use crate::core::form::{parse_date, parse_local_datetime};
use crate::core::model::{EventKind, InterviewerId, PersonId, Process, ProcessId, RoundId};
use crate::core::zone::UserZone;
use crate::hooks::use_app;
use crate::state::{Msg, View};

#[derive(Clone, PartialEq, Properties)]
pub struct ProcessDetailProps {
    pub id: ProcessId,
}

/// The events a user can log by hand, with the extra fields each needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Loggable {
    Reply,
    DecisionDate,
    Documents,
    UpdateRequested,
    Offer,
    CompetingOffer,
    Rejection,
    Withdrawn,
}

impl Loggable {
    const ALL: [Loggable; 8] = [
        Loggable::Reply,
        Loggable::DecisionDate,
        Loggable::Documents,
        Loggable::UpdateRequested,
        Loggable::Offer,
        Loggable::CompetingOffer,
        Loggable::Rejection,
        Loggable::Withdrawn,
    ];

    fn slug(self) -> &'static str {
        match self {
            Loggable::Reply => "reply",
            Loggable::DecisionDate => "decision-date",
            Loggable::Documents => "documents",
            Loggable::UpdateRequested => "update-requested",
            Loggable::Offer => "offer",
            Loggable::CompetingOffer => "competing-offer",
            Loggable::Rejection => "rejection",
            Loggable::Withdrawn => "withdrawn",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Loggable::Reply => "They replied",
            Loggable::DecisionDate => "They gave a decision or next-step date",
            Loggable::Documents => "They asked for documents or answers",
            Loggable::UpdateRequested => "They asked me to keep them updated",
            Loggable::Offer => "They made an offer",
            Loggable::CompetingOffer => "I got an offer elsewhere",
            Loggable::Rejection => "They turned me down",
            Loggable::Withdrawn => "I withdrew",
        }
    }

    /// The label of the date field, when the event carries one.
    fn date_label(self) -> Option<(&'static str, bool)> {
        match self {
            Loggable::DecisionDate => Some(("The date they named", true)),
            Loggable::Documents => Some(("Their deadline (optional)", false)),
            Loggable::Offer | Loggable::CompetingOffer => {
                Some(("Answer needed by (optional)", false))
            }
            _ => None,
        }
    }
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
        EventKind::DecisionDateGiven { date, .. } => format!(
            "Decision or next step expected {}",
            date.format("%a %-d %b %Y")
        ),
        EventKind::DocumentsRequested { what, deadline, by } => format!(
            "Asked for {}{}{}",
            if what.is_empty() { "documents" } else { what },
            deadline
                .map(|d| format!(" by {}", d.format("%a %-d %b")))
                .unwrap_or_default(),
            person(by)
        ),
        EventKind::UpdateRequested { by } => format!("Asked to be kept updated{}", person(by)),
        EventKind::Offer { deadline, .. } => format!(
            "Offer{}",
            deadline
                .map(|d| format!(", answer by {}", d.format("%a %-d %b")))
                .unwrap_or_default()
        ),
        EventKind::CompetingOffer { deadline } => format!(
            "Offer from another employer{}",
            deadline
                .map(|d| format!(", answer by {}", d.format("%a %-d %b")))
                .unwrap_or_default()
        ),
        EventKind::Rejection { .. } => "Turned down".into(),
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

fn input_value(event: &InputEvent) -> String {
    let target: web_sys::HtmlInputElement = event.target_unchecked_into();
    target.value()
}

#[component]
pub fn ProcessDetail(props: &ProcessDetailProps) -> Html {
    let ctx = use_app();
    let log_kind = use_state(|| Loggable::Reply);
    let log_at = use_state(|| format::input_datetime(&ctx.state.now));
    let log_date = use_state(String::new);
    let log_what = use_state(String::new);
    let log_person = use_state(|| None::<InterviewerId>);
    let log_note = use_state(String::new);
    let log_errors = use_state(Vec::<(&'static str, String)>::new);
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
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    let decision_dates: Vec<String> = process
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::DecisionDateGiven { date, .. } => Some(format!(
                "Decision or next step: {}",
                date.format("%a %-d %b %Y")
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
                deadline.format("%a %-d %b %Y")
            )),
            EventKind::Offer {
                deadline: Some(d), ..
            } => Some(format!("Offer answer due {}", d.format("%a %-d %b %Y"))),
            _ => None,
        })
        .collect();

    let submit_log = {
        let ctx = ctx.clone();
        let (log_kind, log_at, log_date, log_what, log_person, log_note, log_errors) = (
            log_kind.clone(),
            log_at.clone(),
            log_date.clone(),
            log_what.clone(),
            log_person.clone(),
            log_note.clone(),
            log_errors.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut errors = Vec::new();
            let at = parse_local_datetime(&log_at, &zone);
            if at.is_none() {
                errors.push((
                    "at",
                    "Enter when it happened, as a real date and time.".to_string(),
                ));
            }
            let kind = *log_kind;
            let date = if log_date.trim().is_empty() {
                None
            } else {
                parse_date(&log_date)
            };
            if let Some((_, required)) = kind.date_label() {
                if log_date.trim().is_empty() && required {
                    errors.push(("date", "Enter the date they gave you.".to_string()));
                } else if !log_date.trim().is_empty() && date.is_none() {
                    errors.push((
                        "date",
                        "This is not a real date; use the picker.".to_string(),
                    ));
                }
            }
            if !errors.is_empty() {
                log_errors.set(errors);
                return;
            }
            let Some(at) = at else { return };
            let person = *log_person;
            let event_kind = match kind {
                Loggable::Reply => EventKind::ReplyReceived {
                    from: person.map(PersonId::from),
                },
                Loggable::DecisionDate => match date {
                    Some(date) => EventKind::DecisionDateGiven {
                        date,
                        from: person.map(PersonId::from),
                    },
                    None => return,
                },
                Loggable::Documents => EventKind::DocumentsRequested {
                    what: log_what.trim().to_string(),
                    deadline: date,
                    by: person,
                },
                Loggable::UpdateRequested => EventKind::UpdateRequested { by: person },
                Loggable::Offer => EventKind::Offer {
                    deadline: date,
                    from: person.map(PersonId::from),
                },
                Loggable::CompetingOffer => EventKind::CompetingOffer { deadline: date },
                Loggable::Rejection => EventKind::Rejection {
                    from: person.map(PersonId::from),
                },
                Loggable::Withdrawn => EventKind::Withdrawn,
            };
            log_errors.set(Vec::new());
            log_date.set(String::new());
            log_what.set(String::new());
            log_note.set(String::new());
            ctx.dispatch(Msg::LogEvent {
                process: id,
                kind: event_kind,
                at,
                round: latest_round,
                note: log_note.trim().to_string(),
            });
        })
    };
    let error_for = |field: &str| {
        log_errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };
    let people: Vec<(InterviewerId, String)> = process
        .rounds
        .iter()
        .flat_map(|r| r.interviewers.iter().map(|p| (p.id, p.name.clone())))
        .collect();
    let kind = *log_kind;

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
                            let key = format!("{:?}", action.key());
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
                               { format!(" — {}–{}", format::moment(&round.start), round.end.format("%H:%M")) }</p>
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

            if !decision_dates.is_empty() {
                <section class="av-section" aria-labelledby="av-process-dates">
                    <h3 id="av-process-dates" class="av-section-title">{ "Dates they gave" }</h3>
                    <ul class="av-timeline">{ for decision_dates.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                </section>
            }

            <section class="av-section av-card" aria-labelledby="av-log-title">
                <h3 id="av-log-title" class="av-section-title">{ "Log what happened" }</h3>
                <form class="av-form" onsubmit={submit_log} novalidate=true>
                    <div class="av-grid-2">
                        <div class="av-field">
                            <label for="av-log-kind">{ "What happened" }</label>
                            <select id="av-log-kind" onchange={{
                                let log_kind = log_kind.clone();
                                Callback::from(move |e: Event| {
                                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                                    if let Some(k) = Loggable::ALL.into_iter().find(|k| k.slug() == select.value()) { log_kind.set(k); }
                                })
                            }}>
                                { for Loggable::ALL.iter().map(|k| html! { <option value={k.slug()} selected={*k == kind}>{ k.label() }</option> }) }
                            </select>
                        </div>
                        <div class="av-field">
                            <label for="av-log-at">{ "When" }</label>
                            <input id="av-log-at" type="datetime-local" value={(*log_at).clone()}
                                aria-invalid={error_for("at").is_some().to_string()} aria-describedby="av-log-at-error"
                                oninput={{ let s = log_at.clone(); Callback::from(move |e: InputEvent| s.set(input_value(&e))) }} />
                            if let Some(m) = error_for("at") { <span class="av-error" id="av-log-at-error">{ m }</span> }
                        </div>
                        if let Some((label, _)) = kind.date_label() {
                            <div class="av-field">
                                <label for="av-log-date">{ label }</label>
                                <input id="av-log-date" type="date" value={(*log_date).clone()}
                                    aria-invalid={error_for("date").is_some().to_string()} aria-describedby="av-log-date-error"
                                    oninput={{ let s = log_date.clone(); Callback::from(move |e: InputEvent| s.set(input_value(&e))) }} />
                                if let Some(m) = error_for("date") { <span class="av-error" id="av-log-date-error">{ m }</span> }
                            </div>
                        }
                        if kind == Loggable::Documents {
                            <div class="av-field">
                                <label for="av-log-what">{ "What they asked for" }</label>
                                <input id="av-log-what" type="text" value={(*log_what).clone()} placeholder="e.g. two references"
                                    oninput={{ let s = log_what.clone(); Callback::from(move |e: InputEvent| s.set(input_value(&e))) }} />
                            </div>
                        }
                        if matches!(kind, Loggable::Reply | Loggable::Documents | Loggable::UpdateRequested) && !people.is_empty() {
                            <div class="av-field">
                                <label for="av-log-person">{ "Who (optional)" }</label>
                                <select id="av-log-person" onchange={{
                                    let s = log_person.clone();
                                    Callback::from(move |e: Event| {
                                        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                                        s.set(select.value().parse::<u64>().ok().map(InterviewerId));
                                    })
                                }}>
                                    <option value="">{ "Someone at the company" }</option>
                                    { for people.iter().map(|(pid, name)| html! { <option value={pid.0.to_string()} selected={*log_person == Some(*pid)}>{ name }</option> }) }
                                </select>
                            </div>
                        }
                    </div>
                    <div class="av-field">
                        <label for="av-log-note">{ if kind == Loggable::UpdateRequested { "Your news (used in the update draft)" } else { "Note (optional)" } }</label>
                        <input id="av-log-note" type="text" value={(*log_note).clone()}
                            oninput={{ let s = log_note.clone(); Callback::from(move |e: InputEvent| s.set(input_value(&e))) }} />
                    </div>
                    <div class="av-actions-row"><button type="submit" class="av-btn av-btn-primary">{ "Add to timeline" }</button></div>
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
