//! Puts planned actions in their final order (due moment, process, kind, round,
//! interviewer) without sorting the 120-byte actions themselves.
//!
//! Each action gets a 16-byte integer key that agrees with that order on
//! everything it can hold (seconds, nanoseconds, process id up to 2^30, kind);
//! the small index array is sorted, runs of equal keys (say the two thank-you
//! notes of one round) are finished with the full comparison, and the actions
//! are then moved once into place. Sorting whole actions by a tuple comparator
//! cost about a third of the plan.

use std::cmp::Ordering;

use crate::core::planning::action::Action;

/// Process ids above this share one key value; the full comparison then decides.
const PROCESS_BITS: u32 = 30;
const KIND_BITS: u32 = 4;
/// Nanoseconds fit in 30 bits; a leap second's (up to 2e9) saturates like a big process id.
const NANO_BITS: u32 = 30;

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

#[derive(Clone, Copy)]
struct SortKey {
    /// Due instant in whole seconds, shifted so unsigned order is time order.
    seconds: u64,
    /// Nanoseconds, then process id (saturated), then kind.
    rest: u64,
    index: u32,
}

fn sort_key(action: &Action, index: u32) -> SortKey {
    let seconds = (action.due.timestamp() as u64) ^ (1 << 63);
    let nanos = u64::from(action.due.timestamp_subsec_nanos()).min((1 << NANO_BITS) - 1);
    let process = action.process.0.min((1 << PROCESS_BITS) - 1);
    let kind = action.kind as u64;
    SortKey {
        seconds,
        rest: (nanos << (PROCESS_BITS + KIND_BITS)) | (process << KIND_BITS) | kind,
        index,
    }
}

/// Sorts `actions` by [`full_order`]. The result is the same as a plain sort by that
/// comparison; actions equal under it keep their planning order.
pub(super) fn sort_actions(actions: &mut [Action]) {
    let Ok(count) = u32::try_from(actions.len()) else {
        actions.sort_by(full_order);
        return;
    };
    let mut keys: Vec<SortKey> = (0..count)
        .zip(actions.iter())
        .map(|(index, action)| sort_key(action, index))
        .collect();
    keys.sort_unstable_by_key(|key| (key.seconds, key.rest, key.index));

    // Equal integer keys: settle round and interviewer (and saturated process ids).
    let mut start = 0;
    while start < keys.len() {
        let (seconds, rest) = (keys[start].seconds, keys[start].rest);
        let mut end = start + 1;
        while end < keys.len() && keys[end].seconds == seconds && keys[end].rest == rest {
            end += 1;
        }
        if end - start > 1 {
            keys[start..end]
                .sort_by(|a, b| full_order(&actions[a.index as usize], &actions[b.index as usize]));
        }
        start = end;
    }

    let mut order: Vec<u32> = keys.into_iter().map(|key| key.index).collect();
    permute(actions, &mut order);
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following
/// each cycle once with swaps (nothing is copied). `order` is consumed (every entry ends
/// up pointing at itself).
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        let mut position = start;
        // `items[position]` holds the item first at `start`: a swap brings in what belongs at
        // `position` and carries that item on, until it reaches its own place.
        loop {
            let source = order[position] as usize;
            order[position] = position as u32;
            if source == start {
                break;
            }
            items.swap(position, source);
            position = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_follows_every_cycle() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        let mut order = vec![2, 0, 1, 4, 3];
        permute(&mut items, &mut order);
        assert_eq!(items, vec!['c', 'a', 'b', 'e', 'd']);
        assert!(order.iter().enumerate().all(|(i, &o)| o as usize == i));
    }
}
