//! Drafts: a personal message (or phone script) for every planned action, in each tone.
