//! What the planner proposes: one follow-up action with its window, state, rules and reason.

use crate::core::dates;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::core::data::model::{
    ActionKey, ActionKind, Channel, InterviewerId, PersonId, Process, ProcessId, RoundId,
};
use crate::core::planning::explain::Reason;

/// The timing rules of `docs/rules.md`, T1 to T15.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rule {
    T1 = 1,
    T2,
    T3,
    T4,
    T5,
    T6,
    T7,
    T8,
    T9,
    T10,
    T11,
    T12,
    T13,
    T14,
    T15,
}

impl Rule {
    pub const ALL: [Rule; 15] = [
        Rule::T1,
        Rule::T2,
        Rule::T3,
        Rule::T4,
        Rule::T5,
        Rule::T6,
        Rule::T7,
        Rule::T8,
        Rule::T9,
        Rule::T10,
        Rule::T11,
        Rule::T12,
        Rule::T13,
        Rule::T14,
        Rule::T15,
    ];

    pub fn id(self) -> &'static str {
        const IDS: [&str; 15] = [
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13",
            "T14", "T15",
        ];
        IDS[self as usize - 1]
    }
}

/// A small set of rules (a bit per rule), cheap to copy into every action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Rules(u16);

impl Rules {
    pub const fn empty() -> Self {
        Rules(0)
    }

    pub const fn with(self, rule: Rule) -> Self {
        Rules(self.0 | (1 << rule as u16))
    }

    pub fn of(rules: &[Rule]) -> Self {
        rules
            .iter()
            .fold(Rules::empty(), |set, &rule| set.with(rule))
    }

    pub fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u16) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL
            .into_iter()
            .filter(move |&rule| self.contains(rule))
    }

    /// "T1 T13": the form used in `data-rule` attributes and JSON.
    pub fn ids(self) -> String {
        self.iter().map(Rule::id).collect::<Vec<_>>().join(" ")
    }
}

impl Serialize for Rules {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Rules {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = Vec::<Rule>::deserialize(deserializer)?;
        Ok(Rules::of(&list))
    }
}

/// Where an action stands relative to "now".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionState {
    /// Its window has not opened yet.
    Upcoming,
    /// The window is open; the due moment is on a later day.
    Open,
    /// Due today (or the window is open and the due moment has passed today).
    DueToday,
    /// Past the end of its window; still worth doing, shown as late.
    Late,
}

/// Why the planner chose the person an action is addressed to (the recipient rule of
/// `docs/rules.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "kebab-case")]
pub enum RecipientBasis {
    /// Thank-you notes and LinkedIn invitations go to each interviewer.
    Interviewed,
    /// They asked for the documents or the update being answered.
    Asked { on: NaiveDate },
    /// The latest employer message with a known sender came from them.
    WroteLast { on: NaiveDate },
    /// The user's chosen (or the default) point of contact.
    PointOfContact,
    /// Nobody wrote and no point of contact: the most senior interviewer of the latest round.
    SeniorInterviewer,
}

/// The person an action is addressed to, and why them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Recipient {
    pub person: PersonId,
    #[serde(flatten)]
    pub basis: RecipientBasis,
}

impl Recipient {
    /// One line saying who this is and why them, without the name:
    /// "your recruiter, who last wrote on Tue 3 Mar".
    pub fn reason(&self, process: &Process) -> String {
        let role = process
            .person(self.person)
            .map_or("the person", |person| person.role_phrase());
        match self.basis {
            RecipientBasis::Interviewed => "who interviewed you".to_string(),
            RecipientBasis::Asked { on } => {
                format!("{role}, who asked on {}", dates::day_month(on))
            }
            RecipientBasis::WroteLast { on } => {
                format!("{role}, who last wrote on {}", dates::day_month(on))
            }
            RecipientBasis::PointOfContact => format!("{role}, your point of contact"),
            RecipientBasis::SeniorInterviewer => {
                "the most senior interviewer of the latest round (no point of contact chosen)"
                    .to_string()
            }
        }
    }

    /// The recipient's name as recorded, or a neutral placeholder.
    pub fn name(&self, process: &Process) -> String {
        process
            .person(self.person)
            .map(|person| person.name().trim().to_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "(no name)".to_string())
    }
}

impl ActionState {
    /// How a person would say it (lists, exports).
    pub fn label(self) -> &'static str {
        match self {
            ActionState::Upcoming => "Upcoming",
            ActionState::Open => "Open now",
            ActionState::DueToday => "Due today",
            ActionState::Late => "Late",
        }
    }
}

/// One thing the user should do, with the window in which to do it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub process: ProcessId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<RoundId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<InterviewerId>,
    pub kind: ActionKind,
    pub channel: Channel,
    /// Not before this moment.
    pub earliest: DateTime<FixedOffset>,
    /// The moment the planner recommends.
    pub due: DateTime<FixedOffset>,
    /// After this moment the action is late.
    pub latest: DateTime<FixedOffset>,
    pub state: ActionState,
    /// The rules that produced this action.
    pub rules: Rules,
    /// Why this window: rendered to a sentence only when shown.
    pub reason: Reason,
    /// Who it goes to; `None` for a note to self (move on) or when nobody is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
}

impl Action {
    pub fn key(&self) -> ActionKey {
        ActionKey {
            kind: self.kind,
            round: self.round,
            interviewer: self.interviewer,
        }
    }

    /// Who it is addressed to: the recipient, else the interviewer its key names.
    pub fn recipient_id(&self) -> Option<PersonId> {
        self.recipient
            .map(|recipient| recipient.person)
            .or(self.interviewer.map(PersonId::from))
    }

    /// One plain sentence saying why this action is due when it is.
    pub fn explanation(&self) -> String {
        self.reason.to_string()
    }
}
