//! What to send: drafts, proofreading and mail links.

pub mod drafts;
pub mod mailto;
pub mod proofread;
pub mod wording;
