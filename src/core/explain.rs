//! Why an action is due when it is: compact reasons rendered to plain sentences on demand.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The parameters behind an action's window; `Display` turns them into one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Reason {
    /// No recorded reason (an action built by hand, e.g. in tests of other modules).
    #[default]
    Unspecified,
    /// Placeholder until the planner fills in its reasons.
    Since { date: NaiveDate },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Unspecified => write!(f, "Planned by the follow-up rules."),
            Reason::Since { date } => write!(f, "Counted from {date}."),
        }
    }
}
