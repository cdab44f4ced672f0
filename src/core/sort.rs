//! Stable sorting compiled once for the whole app.
//!
//! The standard `sort_by_key` is compiled afresh for every element type and key, a few
//! kilobytes of wasm each, and every one of them is downloaded. Here the one compiled sort
//! orders positions through a comparison passed by reference, and a small per-type step moves
//! the items into that order.
//! The lists sorted are short (actions, rounds, days off), so the indirection costs nothing a
//! person could notice.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts `items` by `key`, keeping equal items in their order (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Positions `0..len` in the order `compare` puts the items at them.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Puts the item that was at `order[i]` at position `i`, in place.
fn arrange<T>(items: &mut [T], order: Vec<usize>) {
    for target in 0..items.len() {
        // Items before `target` are settled; one that was wanted here may have been swapped away
        // to where the settled item came from, so follow the chain to where it is now.
        let mut source = order[target];
        while source < target {
            source = order[source];
        }
        items.swap(target, source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agrees with the standard stable sort on many shuffles, duplicates included, so equal keys
    /// keep their order.
    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..60 {
            for _ in 0..20 {
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0);
                let mut ours = items.clone();
                sort_by_key(&mut ours, |item| item.0);
                assert_eq!(ours, expected);
                let mut natural = items.clone();
                sort(&mut natural);
                let mut natural_expected = items;
                natural_expected.sort();
                assert_eq!(natural, natural_expected);
            }
        }
    }

    #[test]
    fn items_that_own_memory_are_moved_not_copied_or_lost() {
        let mut names = vec!["Zoë".to_string(), "Ana".into(), "Émile".into(), "Bo".into()];
        sort_by(&mut names, |a, b| b.len().cmp(&a.len()));
        assert_eq!(names, ["Émile", "Zoë", "Ana", "Bo"]);
    }
}
