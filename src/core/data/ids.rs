//! The range record ids live in and how new ones are picked so they never collide.

use std::collections::BTreeSet;

/// The largest id Afterview writes or accepts: every whole number up to 2^53 - 1 survives a
/// trip through a JavaScript number unchanged, larger ones may not.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// True for an id inside `1..=MAX_ID`.
pub fn in_range(id: u64) -> bool {
    (1..=MAX_ID).contains(&id)
}

/// Hands out ids not yet used: one above the largest while that stays in range, otherwise the
/// smallest free one, so an id at the top of the range can never make two records share one.
#[derive(Clone, Debug, Default)]
pub struct IdPool {
    used: BTreeSet<u64>,
}

impl IdPool {
    pub fn new(used: impl IntoIterator<Item = u64>) -> Self {
        IdPool {
            used: used.into_iter().collect(),
        }
    }

    /// Counts `id` as used (0, the "not yet numbered" mark, is ignored).
    pub fn reserve(&mut self, id: u64) {
        if id != 0 {
            self.used.insert(id);
        }
    }

    /// The next free id, from now on counted as used.
    pub fn take(&mut self) -> u64 {
        let id = match self.used.last() {
            None => 1,
            Some(&largest) if largest < MAX_ID => largest + 1,
            Some(_) => {
                // Gaps exist: the pool holds far fewer ids than the range.
                let mut candidate = 1;
                for &id in &self.used {
                    if id > candidate {
                        break;
                    }
                    candidate = id.saturating_add(1);
                }
                candidate
            }
        };
        self.used.insert(id);
        id
    }
}
