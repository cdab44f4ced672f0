//! Puts planned actions in their final order (due moment, process, kind, round,
//! interviewer) without sorting the 120-byte actions themselves.
//!
//! Each action gets one 128-bit integer key that holds its due moment (seconds and
//! nanoseconds), process id (below 2^30) and kind, and ends with the action's planning
//! position (a plan whose values do not fit is sorted by the full comparison instead); the keys are sorted as plain integers (one comparison
//! each, no tuple or closure), runs of actions whose keys differ only in position (say
//! the two thank-you notes of one round) are finished with the full comparison, and
//! the actions are then moved once into place. Sorting whole actions by a tuple
//! comparator cost about a third of the plan.

use crate::core::sort;
use std::cmp::Ordering;

use crate::core::planning::action::Action;

/// The key's fields, from the most significant: seconds since the epoch (offset to be
/// unsigned; chrono's whole range fits), nanoseconds (a leap second's, up to 2e9, does
/// not), process id, kind, and the planning position.
const SECOND_BITS: u32 = 44;
const NANO_BITS: u32 = 30;
const PROCESS_BITS: u32 = 30;
const KIND_BITS: u32 = 4;
const POSITION_BITS: u32 = 128 - SECOND_BITS - NANO_BITS - PROCESS_BITS - KIND_BITS;

/// The order the planner promises: due moment, then process, kind, round, interviewer.
pub(super) fn full_order(a: &Action, b: &Action) -> Ordering {
    (a.due, a.process, a.kind, a.round, a.interviewer).cmp(&(
        b.due,
        b.process,
        b.kind,
        b.round,
        b.interviewer,
    ))
}

/// The key of the action at `position`; `None` when a value does not fit its field.
fn sort_key(action: &Action, position: usize) -> Option<u128> {
    let seconds = action
        .due
        .timestamp()
        .checked_add(1 << (SECOND_BITS - 1))
        .filter(|seconds| (0..1 << SECOND_BITS).contains(seconds))?;
    let position = u128::try_from(position)
        .ok()
        .filter(|position| *position < 1 << POSITION_BITS)?;
    let nanos = u64::from(action.due.timestamp_subsec_nanos());
    let process = action.process.0;
    if nanos >= 1 << NANO_BITS || process >= 1 << PROCESS_BITS {
        return None;
    }
    let mut key = seconds as u128;
    key = (key << NANO_BITS) | u128::from(nanos);
    key = (key << PROCESS_BITS) | u128::from(process);
    key = (key << KIND_BITS) | action.kind as u128;
    Some((key << POSITION_BITS) | position)
}

/// The planning position a key ends with.
fn position_of(key: u128) -> usize {
    (key & ((1 << POSITION_BITS) - 1)) as usize
}

/// `actions` in the order of [`full_order`]. The result is the same as a plain stable sort
/// by that comparison: actions equal under it keep their planning order.
pub(super) fn sorted(mut actions: Vec<Action>) -> Vec<Action> {
    let keys: Option<Vec<u128>> = actions
        .iter()
        .enumerate()
        .map(|(position, action)| sort_key(action, position))
        .collect();
    let Some(mut keys) = keys else {
        sort::sort_by(&mut actions, full_order);
        return actions;
    };
    keys.sort_unstable();

    // Keys equal but for the position: settle round and interviewer with the full
    // comparison, stably.
    let mut start = 0;
    while start < keys.len() {
        let order = keys[start] >> POSITION_BITS;
        let mut end = start + 1;
        while end < keys.len() && keys[end] >> POSITION_BITS == order {
            end += 1;
        }
        // Insertion sort: stable, and such runs are short (the notes of one round's
        // interviewers, say).
        for sorted_end in start + 1..end {
            let mut at = sorted_end;
            while at > start
                && full_order(
                    &actions[position_of(keys[at - 1])],
                    &actions[position_of(keys[at])],
                ) == Ordering::Greater
            {
                keys.swap(at - 1, at);
                at -= 1;
            }
        }
        start = end;
    }

    // Each action is copied once, from its planning slot into the result (an action is
    // `Copy`: plain bytes, moved without a per-field clone).
    keys.iter().map(|&key| actions[position_of(key)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::model::{ActionKind, Channel, ProcessId, RoundId};
    use crate::core::planning::action::{ActionState, Rules};
    use crate::core::planning::explain::Reason;
    use chrono::{DateTime, NaiveDate};

    fn action(process: u64, kind: ActionKind, round: u64, due: &str) -> Action {
        let due = DateTime::parse_from_rfc3339(due).expect("a test time");
        Action {
            process: ProcessId(process),
            round: Some(RoundId(round)),
            interviewer: None,
            kind,
            channel: Channel::Email,
            earliest: due,
            due,
            latest: due,
            state: ActionState::Open,
            rules: Rules::empty(),
            reason: Reason::RejectionReply {
                rejected_on: NaiveDate::MIN,
            },
            recipient: None,
        }
    }

    fn shuffled() -> Vec<Action> {
        let huge = 1 << 40;
        vec![
            action(3, ActionKind::ThankYou, 2, "2025-03-06T10:00:00+00:00"),
            action(
                huge + 1,
                ActionKind::ThankYou,
                1,
                "2025-03-06T10:00:00+00:00",
            ),
            action(2, ActionKind::MoveOn, 1, "2025-03-05T10:00:00.5+00:00"),
            action(3, ActionKind::ThankYou, 1, "2025-03-06T10:00:00+00:00"),
            action(huge, ActionKind::MoveOn, 1, "2025-03-06T10:00:00+00:00"),
            action(1, ActionKind::ThankYou, 1, "1900-01-01T00:00:00-05:00"),
            action(2, ActionKind::ThankYou, 1, "2025-03-05T10:00:00.25+00:00"),
            action(3, ActionKind::ThankYou, 2, "2025-03-06T10:00:00+00:00"),
        ]
    }

    #[test]
    fn integer_keys_order_like_a_stable_full_sort() {
        // Small ids, so the integer keys are used; the huge ones are filtered out.
        let small: Vec<Action> = shuffled()
            .into_iter()
            .filter(|action| action.process.0 < 100)
            .collect();
        let mut expected = small.clone();
        expected.sort_by(full_order);
        assert_eq!(sorted(small), expected);
    }

    #[test]
    fn values_too_large_for_the_key_fall_back_to_the_full_sort() {
        let mut expected = shuffled();
        expected.sort_by(full_order);
        let actual = sorted(shuffled());
        assert_eq!(actual, expected);
        let processes: Vec<u64> = actual.iter().map(|action| action.process.0).collect();
        assert_eq!(&processes[4..], &[3, 3, (1 << 40), (1 << 40) + 1]);
    }
}
