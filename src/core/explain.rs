//! Why an action is due when it is: compact reasons rendered to plain sentences on demand.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The parameters behind an action's window; `Display` turns them into one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Reason {
    /// Placeholder until the planner fills in its reasons.
    Unspecified { since: Option<NaiveDate> },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Unspecified { .. } => write!(f, "Planned by the follow-up rules."),
        }
    }
}
