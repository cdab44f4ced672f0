//! User edits to a process's log: logging events, marking actions done, snoozing, dismissing.
//!
//! The UI's reducer calls these so that what an event means for the process (its status, what
//! the planner will see) is decided here, in tested plain Rust.

use crate::core::sort;
use chrono::{DateTime, FixedOffset};

use crate::core::data::model::{
    ActionKey, ActionKind, Channel, Event, EventId, EventKind, Process, ProcessStatus, RoundId,
};

/// Appends an event to the process's log and updates its status where the event decides it.
/// Returns the new event's id.
pub fn log_event(
    process: &mut Process,
    kind: EventKind,
    at: DateTime<FixedOffset>,
    round: Option<RoundId>,
    note: String,
) -> EventId {
    let id = EventId(process.next_local_id());
    match &kind {
        EventKind::Offer { .. } if !process.status.is_closed() => {
            process.status = ProcessStatus::Offer;
        }
        EventKind::Rejection { .. } => process.status = ProcessStatus::Rejected,
        EventKind::Withdrawn => process.status = ProcessStatus::Withdrawn,
        EventKind::MovedOn => process.status = ProcessStatus::MovedOn,
        _ => {}
    }
    process.events.push(Event {
        id,
        at,
        round,
        kind,
        note,
    });
    id
}

/// Records that the user did a planned action: a message sent on `channel`, or for
/// [`ActionKind::MoveOn`] the closing of the process.
pub fn mark_done(
    process: &mut Process,
    action: ActionKey,
    channel: Channel,
    at: DateTime<FixedOffset>,
) -> EventId {
    let kind = match action.kind {
        ActionKind::MoveOn => EventKind::MovedOn,
        message => EventKind::MessageSent {
            message,
            channel,
            to: action.interviewer,
        },
    };
    log_event(process, kind, at, action.round, String::new())
}

/// Postpones a planned action to `until` (the planner keeps it inside the rule's window).
pub fn snooze(
    process: &mut Process,
    action: ActionKey,
    until: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
) -> EventId {
    log_event(
        process,
        EventKind::Snoozed { action, until },
        at,
        action.round,
        String::new(),
    )
}

/// Hides a planned action for good.
pub fn dismiss(process: &mut Process, action: ActionKey, at: DateTime<FixedOffset>) -> EventId {
    log_event(
        process,
        EventKind::Dismissed { action },
        at,
        action.round,
        String::new(),
    )
}

/// Removes one event (e.g. a mistaken log entry). Status is recomputed from what remains.
pub fn remove_event(process: &mut Process, id: EventId) -> bool {
    let before = process.events.len();
    process.events.retain(|event| event.id != id);
    if process.events.len() == before {
        return false;
    }
    process.status = status_from_events(process);
    true
}

/// The status the log implies: the latest closing event wins; an offer otherwise; else active.
pub fn status_from_events(process: &Process) -> ProcessStatus {
    let mut events: Vec<&Event> = process.events.iter().collect();
    sort::sort_by_key(&mut events, |event| event.at);
    events
        .iter()
        .rev()
        .find_map(|event| match event.kind {
            EventKind::Rejection { .. } => Some(ProcessStatus::Rejected),
            EventKind::Withdrawn => Some(ProcessStatus::Withdrawn),
            EventKind::MovedOn => Some(ProcessStatus::MovedOn),
            EventKind::Offer { .. } => Some(ProcessStatus::Offer),
            _ => None,
        })
        .unwrap_or(ProcessStatus::Active)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::model::{InterviewerId, ProcessId};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("test time")
    }

    #[test]
    fn rejection_closes_and_removing_it_reopens() {
        let mut process = Process::new(ProcessId(1), "Acme", "Designer");
        let id = log_event(
            &mut process,
            EventKind::Rejection { from: None },
            at("2026-11-20T10:00:00+01:00"),
            None,
            String::new(),
        );
        assert_eq!(process.status, ProcessStatus::Rejected);
        assert!(remove_event(&mut process, id));
        assert_eq!(process.status, ProcessStatus::Active);
        assert!(!remove_event(&mut process, id));
    }

    #[test]
    fn marking_a_thank_you_done_logs_the_message_to_that_person() {
        let mut process = Process::new(ProcessId(1), "Acme", "Designer");
        let key = ActionKey {
            kind: ActionKind::ThankYou,
            round: Some(RoundId(1)),
            interviewer: Some(InterviewerId(2)),
        };
        mark_done(
            &mut process,
            key,
            Channel::Email,
            at("2026-11-20T18:00:00+01:00"),
        );
        assert_eq!(
            process.events[0].kind,
            EventKind::MessageSent {
                message: ActionKind::ThankYou,
                channel: Channel::Email,
                to: Some(InterviewerId(2))
            }
        );
        assert_eq!(process.events[0].round, Some(RoundId(1)));
        assert_eq!(process.status, ProcessStatus::Active);
    }

    #[test]
    fn marking_move_on_done_closes_the_process() {
        let mut process = Process::new(ProcessId(1), "Acme", "Designer");
        let key = ActionKey {
            kind: ActionKind::MoveOn,
            round: None,
            interviewer: None,
        };
        mark_done(
            &mut process,
            key,
            Channel::Email,
            at("2026-11-20T18:00:00+01:00"),
        );
        assert_eq!(process.status, ProcessStatus::MovedOn);
    }

    #[test]
    fn an_offer_does_not_reopen_a_closed_process() {
        let mut process = Process::new(ProcessId(1), "Acme", "Designer");
        process.status = ProcessStatus::Withdrawn;
        log_event(
            &mut process,
            EventKind::Offer {
                deadline: None,
                from: None,
            },
            at("2026-11-20T10:00:00+01:00"),
            None,
            String::new(),
        );
        assert_eq!(process.status, ProcessStatus::Withdrawn);
    }

    #[test]
    fn event_ids_are_unique_within_a_process() {
        let mut process = Process::new(ProcessId(1), "Acme", "Designer");
        let first = log_event(
            &mut process,
            EventKind::ReplyReceived { from: None },
            at("2026-11-20T10:00:00+01:00"),
            None,
            String::new(),
        );
        let second = log_event(
            &mut process,
            EventKind::ReplyReceived { from: None },
            at("2026-11-20T10:00:00+01:00"),
            None,
            String::new(),
        );
        assert_ne!(first, second);
    }
}
