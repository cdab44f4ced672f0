//! The "Log what happened" form: the events a user records by hand, their fields as typed, and
//! their validation into an [`EventKind`] with its time and note.

use crate::core::dates;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::core::app::form::{parse_date, parse_local_datetime};
use crate::core::data::model::{EventKind, InterviewerId, PersonId, Process};

/// The events a user can log by hand, with the extra fields each needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Loggable {
    #[default]
    Reply,
    DecisionDate,
    Documents,
    UpdateRequested,
    Offer,
    CompetingOffer,
    Rejection,
    Withdrawn,
}

impl Loggable {
    pub const ALL: [Loggable; 8] = [
        Loggable::Reply,
        Loggable::DecisionDate,
        Loggable::Documents,
        Loggable::UpdateRequested,
        Loggable::Offer,
        Loggable::CompetingOffer,
        Loggable::Rejection,
        Loggable::Withdrawn,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Loggable::Reply => "reply",
            Loggable::DecisionDate => "decision-date",
            Loggable::Documents => "documents",
            Loggable::UpdateRequested => "update-requested",
            Loggable::Offer => "offer",
            Loggable::CompetingOffer => "competing-offer",
            Loggable::Rejection => "rejection",
            Loggable::Withdrawn => "withdrawn",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Loggable> {
        Loggable::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Loggable::Reply => "They replied",
            Loggable::DecisionDate => "They gave a decision or next-step date",
            Loggable::Documents => "They asked for documents or answers",
            Loggable::UpdateRequested => "They asked me to keep them updated",
            Loggable::Offer => "They made an offer",
            Loggable::CompetingOffer => "I got an offer elsewhere",
            Loggable::Rejection => "They turned me down",
            Loggable::Withdrawn => "I withdrew",
        }
    }

    /// The label of the date field and whether it is required, when the event carries one.
    pub fn date_field(self) -> Option<(&'static str, bool)> {
        match self {
            Loggable::DecisionDate => Some(("The date they named", true)),
            Loggable::Documents => Some(("Their deadline (optional)", false)),
            Loggable::Offer | Loggable::CompetingOffer => {
                Some(("Answer needed by (optional)", false))
            }
            _ => None,
        }
    }

    /// Events that come from someone at the employer, who can be named.
    pub fn has_sender(self) -> bool {
        !matches!(self, Loggable::CompetingOffer | Loggable::Withdrawn)
    }

    /// Who can be named as the sender: every interviewer and contact, once, in the order
    /// the process lists them.
    pub fn people(self, process: &Process) -> Vec<(PersonId, String)> {
        let mut people: Vec<(PersonId, String)> = Vec::new();
        let interviewers = process
            .rounds
            .iter()
            .flat_map(|round| round.interviewers.iter())
            .map(|person| {
                (
                    PersonId::from(person.id),
                    person.name.clone(),
                    person.title.clone(),
                )
            });
        let contacts = process
            .contacts
            .iter()
            .map(|contact| (contact.id, contact.name.clone(), contact.title.clone()));
        for (id, name, title) in interviewers.chain(contacts) {
            if people.iter().any(|(known, _)| *known == id) || name.trim().is_empty() {
                continue;
            }
            let label = if title.trim().is_empty() {
                name
            } else {
                format!("{name} ({title})")
            };
            people.push((id, label));
        }
        people
    }

    pub fn asks_what(self) -> bool {
        self == Loggable::Documents
    }

    /// The note's label: for an update request it is the news the update draft will carry.
    pub fn note_label(self) -> &'static str {
        if self == Loggable::UpdateRequested {
            "Your news (used in the update draft)"
        } else {
            "Note (optional)"
        }
    }
}

/// The fields of the log form that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogField {
    At,
    Date,
}

/// The form as typed. `date_bad_input` is the browser's report that the date input holds
/// something that is not a date (it then reads as empty).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LogForm {
    pub kind: Loggable,
    /// `YYYY-MM-DDTHH:MM`, as a datetime-local input gives it.
    pub at: String,
    pub at_bad_input: bool,
    pub date: String,
    pub date_bad_input: bool,
    pub what: String,
    /// Who at the company it came from; unset means "someone at the company".
    pub person: Option<PersonId>,
    pub note: String,
}

/// A validated log entry, ready for the reducer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub kind: EventKind,
    pub at: DateTime<FixedOffset>,
    pub note: String,
}

impl LogForm {
    /// An empty form for something that happened at `now`.
    pub fn new(now: DateTime<FixedOffset>) -> Self {
        LogForm {
            at: dates::iso_minute(now.date_naive(), now.time()),
            ..LogForm::default()
        }
    }

    /// Sets who it came from, from the value of the person list (empty: nobody named).
    pub fn choose_person(&mut self, value: &str) {
        self.person = value.parse::<u64>().ok().map(PersonId);
    }

    /// The form after a successful log: a fresh one, keeping the kind and time.
    pub fn cleared(&self) -> Self {
        LogForm {
            kind: self.kind,
            at: self.at.clone(),
            ..LogForm::default()
        }
    }

    /// Checks the fields and builds the event; `zone` reads the typed local time.
    pub fn submit<Tz: TimeZone>(&self, zone: &Tz) -> Result<LogEntry, Vec<(LogField, String)>> {
        let mut errors = Vec::new();
        let at = parse_local_datetime(&self.at, zone);
        if at.is_none() {
            errors.push((
                LogField::At,
                if self.at_bad_input {
                    "That date does not exist; check the day and month.".to_string()
                } else {
                    "Enter when it happened: a date and a time.".to_string()
                },
            ));
        }
        let date_text = self.date.trim();
        let date: Option<NaiveDate> = parse_date(date_text);
        if let Some((_, required)) = self.kind.date_field() {
            if self.date_bad_input || (!date_text.is_empty() && date.is_none()) {
                errors.push((
                    LogField::Date,
                    "That date does not exist; check the day and month.".to_string(),
                ));
            } else if date_text.is_empty() && required {
                errors.push((LogField::Date, "Enter the date they gave you.".to_string()));
            }
        }
        let (Some(at), true) = (at, errors.is_empty()) else {
            return Err(errors);
        };
        let from = if self.kind.has_sender() {
            self.person
        } else {
            None
        };
        let by = from.map(|id| InterviewerId(id.0));
        let kind = match self.kind {
            Loggable::Reply => EventKind::ReplyReceived { from },
            Loggable::DecisionDate => EventKind::DecisionDateGiven {
                date: date.expect("a required date was checked above"),
                from,
            },
            Loggable::Documents => EventKind::DocumentsRequested {
                what: self.what.trim().to_string(),
                deadline: date,
                by,
            },
            Loggable::UpdateRequested => EventKind::UpdateRequested { by },
            Loggable::Offer => EventKind::Offer {
                deadline: date,
                from,
            },
            Loggable::CompetingOffer => EventKind::CompetingOffer { deadline: date },
            Loggable::Rejection => EventKind::Rejection { from },
            Loggable::Withdrawn => EventKind::Withdrawn,
        };
        Ok(LogEntry {
            kind,
            at,
            note: self.note.trim().to_string(),
        })
    }
}
