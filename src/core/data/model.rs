//! The job seeker's records: interview processes, their rounds, interviewers and event log.
//!
//! Everything here is plain data (no web types), stored as JSON by the hand-written `codec`
//! module. Times the user entered keep the UTC offset they were entered with, so a reload in
//! another time zone does not move an interview.

mod codec;
mod stamp;

use chrono::{DateTime, FixedOffset, NaiveDate};
// The ids, `ActionKind` and `Channel` keep serde's derives only because the planner's `Action`
// derives them; the stored format is written and read by `codec`.
use serde::{Deserialize, Serialize};

use crate::core::data::settings::ZoneName;

pub use stamp::parse as parse_stamp;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an interview process; unique within one user's data.
    ProcessId
);
id_type!(
    /// Identifies a round within its process.
    RoundId
);
id_type!(
    /// Identifies an interviewer within their process.
    InterviewerId
);
id_type!(
    /// Identifies an event within its process.
    EventId
);
id_type!(
    /// Names one person at the employer, an interviewer or a contact, within their process.
    /// Interviewers and contacts draw their ids from one counter per process
    /// ([`Process::next_local_id`]), so the number alone says who is meant.
    PersonId
);

impl From<InterviewerId> for PersonId {
    fn from(id: InterviewerId) -> Self {
        PersonId(id.0)
    }
}

/// How quickly the employer's industry moves; decides whether a handwritten note is suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum IndustryPace {
    /// Law, finance, public sector and the like: a handwritten note is a welcome extra.
    Traditional,
    /// Tech and start-ups: quick answers expected, no paper notes.
    #[default]
    FastMoving,
}

impl IndustryPace {
    pub const ALL: [IndustryPace; 2] = [IndustryPace::Traditional, IndustryPace::FastMoving];

    /// The kebab-case name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            IndustryPace::Traditional => "traditional",
            IndustryPace::FastMoving => "fast-moving",
        }
    }
}

/// Where a process stands. Only `Active` and `Offer` processes get follow-ups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ProcessStatus {
    #[default]
    Active,
    Offer,
    Rejected,
    Withdrawn,
    MovedOn,
}

impl ProcessStatus {
    pub const ALL: [ProcessStatus; 5] = [
        ProcessStatus::Active,
        ProcessStatus::Offer,
        ProcessStatus::Rejected,
        ProcessStatus::Withdrawn,
        ProcessStatus::MovedOn,
    ];

    /// A closed process gets no new follow-ups (a pending rejection reply aside).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ProcessStatus::Rejected | ProcessStatus::Withdrawn | ProcessStatus::MovedOn
        )
    }

    /// The kebab-case name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            ProcessStatus::Active => "active",
            ProcessStatus::Offer => "offer",
            ProcessStatus::Rejected => "rejected",
            ProcessStatus::Withdrawn => "withdrawn",
            ProcessStatus::MovedOn => "moved-on",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ProcessStatus::Active => "Active",
            ProcessStatus::Offer => "Offer",
            ProcessStatus::Rejected => "Rejected",
            ProcessStatus::Withdrawn => "Withdrawn",
            ProcessStatus::MovedOn => "Moved on",
        }
    }
}

/// The kind of a round; it shifts what a thank-you note stresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RoundKind {
    PhoneScreen,
    Technical,
    Hr,
    Panel,
    Final,
    #[default]
    Other,
}

impl RoundKind {
    pub const ALL: [RoundKind; 6] = [
        RoundKind::PhoneScreen,
        RoundKind::Technical,
        RoundKind::Hr,
        RoundKind::Panel,
        RoundKind::Final,
        RoundKind::Other,
    ];

    /// The kebab-case name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            RoundKind::PhoneScreen => "phone-screen",
            RoundKind::Technical => "technical",
            RoundKind::Hr => "hr",
            RoundKind::Panel => "panel",
            RoundKind::Final => "final",
            RoundKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RoundKind::PhoneScreen => "Phone screen",
            RoundKind::Technical => "Technical",
            RoundKind::Hr => "HR",
            RoundKind::Panel => "Panel",
            RoundKind::Final => "Final",
            RoundKind::Other => "Other",
        }
    }
}

/// How a round took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RoundFormat {
    InPerson,
    #[default]
    Video,
    Phone,
}

impl RoundFormat {
    pub const ALL: [RoundFormat; 3] = [
        RoundFormat::InPerson,
        RoundFormat::Video,
        RoundFormat::Phone,
    ];

    /// The kebab-case name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            RoundFormat::InPerson => "in-person",
            RoundFormat::Video => "video",
            RoundFormat::Phone => "phone",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RoundFormat::InPerson => "In person",
            RoundFormat::Video => "Video",
            RoundFormat::Phone => "Phone",
        }
    }
}

/// One person the user met in a round.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Interviewer {
    pub id: InterviewerId,
    pub name: String,
    pub title: String,
    pub email: String,
    /// Profile address or handle; empty when unknown.
    pub linkedin: String,
    /// What this person talked about: the material that makes their note personal.
    pub discussed: String,
    /// One detail of the conversation that stuck with the user (optional).
    pub detail: String,
    /// Something the user forgot to tell this person (optional); only their note says it.
    pub to_tell: String,
    /// They asked the user to call them.
    pub invited_call: bool,
    /// They already spoke with the user by phone (a phone follow-up is then acceptable).
    pub spoke_by_phone: bool,
}

/// What a contact does in the hiring process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum ContactRole {
    #[default]
    Recruiter,
    Hr,
    Coordinator,
    HiringManager,
    Other,
}

impl ContactRole {
    pub const ALL: [ContactRole; 5] = [
        ContactRole::Recruiter,
        ContactRole::Hr,
        ContactRole::Coordinator,
        ContactRole::HiringManager,
        ContactRole::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ContactRole::Recruiter => "recruiter",
            ContactRole::Hr => "hr",
            ContactRole::Coordinator => "coordinator",
            ContactRole::HiringManager => "hiring-manager",
            ContactRole::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactRole::Recruiter => "Recruiter",
            ContactRole::Hr => "HR",
            ContactRole::Coordinator => "Coordinator",
            ContactRole::HiringManager => "Hiring manager",
            ContactRole::Other => "Other",
        }
    }

    /// Recruiters and HR run the process day to day: the natural point of contact.
    pub fn handles_process(self) -> bool {
        matches!(self, ContactRole::Recruiter | ContactRole::Hr)
    }
}

/// Someone at the employer besides the interviewers: a recruiter, HR, a coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Contact {
    pub id: PersonId,
    pub role: ContactRole,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    /// Profile address or handle; empty when unknown.
    pub linkedin: String,
    /// They asked the user to call them.
    pub invited_call: bool,
    /// They already spoke with the user by phone (a phone follow-up is then acceptable).
    pub spoke_by_phone: bool,
}

/// Parts of a job title that mark someone who runs hiring rather than the work itself.
const RECRUITING_TITLE_PARTS: [&str; 5] = [
    "recruit",
    "talent",
    "human resources",
    "people partner",
    "sourcing",
];

/// Parts of a job title that mark HR among the recruiting titles.
const HR_TITLE_PARTS: [&str; 3] = ["human resources", "people partner", "people team"];

/// Whether a title has "HR" as a word of its own, in any letter case.
fn has_hr_word(title: &str) -> bool {
    let bytes = title.as_bytes();
    (0..bytes.len()).any(|at| bytes[at] | 0x20 == b'h' && is_hr_word_at(title, at))
}

/// Whether "hr" (any case) starts at byte `at` of `title` and is a whole word there: the
/// characters either side, if any, are not letters or digits (as a split on them would find).
fn is_hr_word_at(title: &str, at: usize) -> bool {
    let Some(rest) = title.get(at..) else {
        return false;
    };
    let Some(word) = rest.get(..2) else {
        return false;
    };
    let before = title.get(..at).and_then(|head| head.chars().next_back());
    let after = rest.get(2..).and_then(|tail| tail.chars().next());
    word.eq_ignore_ascii_case("hr")
        && !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(char::is_alphanumeric)
}

/// Whether `title` contains `part` (plain lower-case ASCII) in any letter case. ASCII case
/// folding is enough for ASCII parts, needs no copy of the title and keeps the Unicode case
/// tables out of the first download.
fn contains_folded(title: &str, part: &str) -> bool {
    title
        .as_bytes()
        .windows(part.len())
        .any(|window| window.eq_ignore_ascii_case(part.as_bytes()))
}

/// Whether a title reads as recruiting or HR ("Talent acquisition partner", "HR business partner").
///
/// One pass over the title (the planner asks this for every interviewer of every plan): at
/// each byte, only the part of [`RECRUITING_TITLE_PARTS`] starting with that letter is compared.
pub fn is_recruiting_title(title: &str) -> bool {
    let bytes = title.as_bytes();
    (0..bytes.len()).any(|at| {
        let rest = &bytes[at..];
        let starts = |part: &str| {
            rest.get(..part.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(part.as_bytes()))
        };
        // `| 0x20` folds an ASCII capital to its small letter; no other byte lands on these.
        let initial = rest[0] | 0x20;
        RECRUITING_TITLE_PARTS
            .iter()
            .any(|part| part.as_bytes()[0] == initial && starts(part))
            || (initial == b'h' && is_hr_word_at(title, at))
    })
}

impl ContactRole {
    /// The part someone plays, read from their job title ("Talent Acquisition Coordinator" is
    /// a coordinator). An empty title reads as a recruiter: they write most announcements.
    pub fn from_title(title: &str) -> Self {
        let has = |parts: &[&str]| parts.iter().any(|part| contains_folded(title, part));
        if has(&["coordinat", "scheduling", "assistant"]) {
            ContactRole::Coordinator
        } else if has(&["hiring manager"]) {
            ContactRole::HiringManager
        } else if has(&HR_TITLE_PARTS) || has_hr_word(title) {
            ContactRole::Hr
        } else if title.trim().is_empty() || is_recruiting_title(title) {
            ContactRole::Recruiter
        } else {
            ContactRole::Other
        }
    }
}

/// One person of a process, whichever list they are recorded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonRef<'a> {
    Interviewer(&'a Interviewer),
    Contact(&'a Contact),
}

impl<'a> PersonRef<'a> {
    pub fn id(self) -> PersonId {
        match self {
            PersonRef::Interviewer(person) => person.id.into(),
            PersonRef::Contact(person) => person.id,
        }
    }

    pub fn name(self) -> &'a str {
        match self {
            PersonRef::Interviewer(person) => &person.name,
            PersonRef::Contact(person) => &person.name,
        }
    }

    pub fn title(self) -> &'a str {
        match self {
            PersonRef::Interviewer(person) => &person.title,
            PersonRef::Contact(person) => &person.title,
        }
    }

    pub fn email(self) -> &'a str {
        match self {
            PersonRef::Interviewer(person) => &person.email,
            PersonRef::Contact(person) => &person.email,
        }
    }

    /// A phone follow-up is acceptable: they invited a call or already spoke by phone.
    pub fn takes_calls(self) -> bool {
        match self {
            PersonRef::Interviewer(person) => person.invited_call || person.spoke_by_phone,
            PersonRef::Contact(person) => person.invited_call || person.spoke_by_phone,
        }
    }

    /// How the user knows them, for a recipient line: "your recruiter", "an interviewer".
    pub fn role_phrase(self) -> &'static str {
        match self {
            PersonRef::Contact(contact) => match contact.role {
                ContactRole::Recruiter => "your recruiter",
                ContactRole::Hr => "your HR contact",
                ContactRole::Coordinator => "the coordinator",
                ContactRole::HiringManager => "the hiring manager",
                ContactRole::Other => "your contact",
            },
            PersonRef::Interviewer(person) if is_recruiting_title(&person.title) => {
                "your recruiter"
            }
            PersonRef::Interviewer(_) => "your interviewer",
        }
    }
}

/// One interview round of a process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub id: RoundId,
    pub kind: RoundKind,
    pub format: RoundFormat,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub interviewers: Vec<Interviewer>,
    /// The user's private note on the round. Drafts never send it: what to
    /// tell one interviewer goes in that interviewer's `to_tell`.
    pub notes: String,
    /// The calendar invitation's UID when the round was imported, so a re-imported update
    /// or cancellation finds this round instead of adding another.
    pub uid: Option<String>,
    /// The IANA zone the round's times were entered in, when it was not the user's own
    /// setting; `start` and `end` keep the offset in force then either way.
    pub zone: Option<ZoneName>,
}

/// Every message kind the planner can propose (and the user can log as sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    ThankYou,
    LinkedinConnect,
    HandwrittenNote,
    StatusInquiry,
    SecondInquiry,
    SendDocuments,
    SendUpdate,
    CompetingOffer,
    RejectionReply,
    MoveOn,
    /// Answer to an offer (accept, negotiate or decline in writing).
    OfferReply,
}

impl ActionKind {
    pub const ALL: [ActionKind; 11] = [
        ActionKind::ThankYou,
        ActionKind::LinkedinConnect,
        ActionKind::HandwrittenNote,
        ActionKind::StatusInquiry,
        ActionKind::SecondInquiry,
        ActionKind::SendDocuments,
        ActionKind::SendUpdate,
        ActionKind::CompetingOffer,
        ActionKind::RejectionReply,
        ActionKind::MoveOn,
        ActionKind::OfferReply,
    ];

    /// The kebab-case name used in JSON and in `data-kind` attributes.
    pub fn slug(self) -> &'static str {
        match self {
            ActionKind::ThankYou => "thank-you",
            ActionKind::LinkedinConnect => "linkedin-connect",
            ActionKind::HandwrittenNote => "handwritten-note",
            ActionKind::StatusInquiry => "status-inquiry",
            ActionKind::SecondInquiry => "second-inquiry",
            ActionKind::SendDocuments => "send-documents",
            ActionKind::SendUpdate => "send-update",
            ActionKind::CompetingOffer => "competing-offer",
            ActionKind::RejectionReply => "rejection-reply",
            ActionKind::MoveOn => "move-on",
            ActionKind::OfferReply => "offer-reply",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionKind::ThankYou => "Thank-you note",
            ActionKind::LinkedinConnect => "LinkedIn connection",
            ActionKind::HandwrittenNote => "Handwritten note",
            ActionKind::StatusInquiry => "Status inquiry",
            ActionKind::SecondInquiry => "Second inquiry",
            ActionKind::SendDocuments => "Send requested documents",
            ActionKind::SendUpdate => "Send an update",
            ActionKind::CompetingOffer => "Mention a competing offer",
            ActionKind::RejectionReply => "Reply to the rejection",
            ActionKind::MoveOn => "Move on",
            ActionKind::OfferReply => "Reply to the offer",
        }
    }

    /// Unsolicited messages are limited by rule T9 and kept to working hours by T13.
    /// Thank-you notes and answers to something the employer sent are exempt.
    pub fn is_unsolicited(self) -> bool {
        matches!(
            self,
            ActionKind::StatusInquiry
                | ActionKind::SecondInquiry
                | ActionKind::CompetingOffer
                | ActionKind::LinkedinConnect
        )
    }

    /// Counts toward the two-follow-up limit of rule T8.
    pub fn is_inquiry(self) -> bool {
        matches!(
            self,
            ActionKind::StatusInquiry | ActionKind::SecondInquiry | ActionKind::CompetingOffer
        )
    }
}

/// How a message reaches the employer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    #[default]
    Email,
    Phone,
    Linkedin,
    Handwritten,
    InPerson,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Phone,
        Channel::Linkedin,
        Channel::Handwritten,
        Channel::InPerson,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Linkedin => "linkedin",
            Channel::Handwritten => "handwritten",
            Channel::InPerson => "in-person",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Phone => "Phone call",
            Channel::Linkedin => "LinkedIn",
            Channel::Handwritten => "Handwritten card",
            Channel::InPerson => "In person",
        }
    }
}

/// Names one planned action stably across plans, so it can be snoozed or dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionKey {
    pub kind: ActionKind,
    pub round: Option<RoundId>,
    pub interviewer: Option<InterviewerId>,
}

/// `thank-you`, `thank-you/round-2/person-5`: the key as text, for element keys and test ids.
impl std::fmt::Display for ActionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.slug())?;
        if let Some(round) = self.round {
            write!(f, "/round-{}", round.0)?;
        }
        if let Some(person) = self.interviewer {
            write!(f, "/person-{}", person.0)?;
        }
        Ok(())
    }
}

/// What happened, as the user logged it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The user sent a message (marking an action done logs this).
    MessageSent {
        message: ActionKind,
        channel: Channel,
        to: Option<InterviewerId>,
    },
    /// The employer answered (resets the inquiry clock, rule T3).
    ReplyReceived { from: Option<PersonId> },
    /// The employer named a decision or next-step date (rules T5, T6).
    DecisionDateGiven {
        date: NaiveDate,
        from: Option<PersonId>,
    },
    /// The employer asked for documents or answers (rule T10).
    DocumentsRequested {
        what: String,
        deadline: Option<NaiveDate>,
        /// Who asked: an interviewer's or a contact's id (one id space per process).
        by: Option<InterviewerId>,
    },
    /// Someone at the employer asked to be kept informed (rule T15).
    UpdateRequested {
        /// Who asked: an interviewer's or a contact's id (one id space per process).
        by: Option<InterviewerId>,
    },
    /// This employer made an offer.
    Offer {
        deadline: Option<NaiveDate>,
        from: Option<PersonId>,
    },
    /// Another employer made an offer (rule T11). Never holds the other salary.
    CompetingOffer { deadline: Option<NaiveDate> },
    /// The employer turned the user down (rule T12).
    Rejection { from: Option<PersonId> },
    /// The user withdrew.
    Withdrawn,
    /// The user closed the process after no answer (rule T8).
    MovedOn,
    /// The user postponed a planned action until a date inside its window.
    Snoozed {
        action: ActionKey,
        until: DateTime<FixedOffset>,
    },
    /// The user chose not to do a planned action.
    Dismissed { action: ActionKey },
}

impl EventKind {
    /// For something the employer sent: who sent it, when recorded. Requests name
    /// the interviewer who asked. `None` for the user's own entries.
    pub fn employer_sender(&self) -> Option<Option<PersonId>> {
        match self {
            EventKind::ReplyReceived { from }
            | EventKind::DecisionDateGiven { from, .. }
            | EventKind::Offer { from, .. }
            | EventKind::Rejection { from } => Some(*from),
            EventKind::DocumentsRequested { by, .. } | EventKind::UpdateRequested { by } => {
                Some(by.map(PersonId::from))
            }
            _ => None,
        }
    }
}

/// One entry of a process's event log. Stored flat: the event's own fields and its kind's
/// fields side by side in one object, the kind named by `type` (see [`EventKind`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: EventId,
    pub at: DateTime<FixedOffset>,
    /// The round it belongs to, when it belongs to one.
    pub round: Option<RoundId>,
    pub kind: EventKind,
    pub note: String,
}

/// One application at one employer: rounds, people and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    pub id: ProcessId,
    pub company: String,
    pub role: String,
    pub pace: IndustryPace,
    pub status: ProcessStatus,
    /// Ordered by start time (the planner sorts defensively anyway).
    pub rounds: Vec<Round>,
    /// People besides the interviewers: recruiter, HR, coordinator, hiring manager.
    pub contacts: Vec<Contact>,
    /// The person who handles the process, as the user chose; `None` means
    /// [`Process::default_point_of_contact`].
    pub point_of_contact: Option<PersonId>,
    pub events: Vec<Event>,
    pub job_url: String,
    pub applied_on: Option<NaiveDate>,
    pub notes: String,
    /// Skills or results the user wants to mention in thank-you notes (optional).
    pub why_fit: String,
    /// Bumped on every change; used to merge edits from two tabs.
    pub revision: u64,
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// The example interview offered at first run; removable in one click.
    pub sample: bool,
}

impl Process {
    pub fn new(id: ProcessId, company: impl Into<String>, role: impl Into<String>) -> Self {
        Process {
            id,
            company: company.into(),
            role: role.into(),
            pace: IndustryPace::default(),
            status: ProcessStatus::default(),
            rounds: Vec::new(),
            contacts: Vec::new(),
            point_of_contact: None,
            events: Vec::new(),
            job_url: String::new(),
            applied_on: None,
            notes: String::new(),
            why_fit: String::new(),
            revision: 0,
            updated_at: None,
            sample: false,
        }
    }

    pub fn round(&self, id: RoundId) -> Option<&Round> {
        self.rounds.iter().find(|round| round.id == id)
    }

    /// Finds an interviewer in any round of this process.
    pub fn interviewer(&self, id: InterviewerId) -> Option<(&Round, &Interviewer)> {
        self.rounds.iter().find_map(|round| {
            round
                .interviewers
                .iter()
                .find(|person| person.id == id)
                .map(|person| (round, person))
        })
    }

    /// Finds a person by id among the interviewers of every round, then the contacts.
    pub fn person(&self, id: PersonId) -> Option<PersonRef<'_>> {
        self.interviewer(InterviewerId(id.0))
            .map(|(_, person)| PersonRef::Interviewer(person))
            .or_else(|| {
                self.contacts
                    .iter()
                    .find(|contact| contact.id == id)
                    .map(PersonRef::Contact)
            })
    }

    /// Who handles the process when the user has not chosen: the first recruiter or HR
    /// contact (lowest id), else an interviewer whose title reads as recruiting or HR
    /// (lowest id), else nobody.
    pub fn default_point_of_contact(&self) -> Option<PersonId> {
        let contact = self
            .contacts
            .iter()
            .filter(|contact| contact.role.handles_process())
            .min_by_key(|contact| (contact.role, contact.id))
            .map(|contact| contact.id);
        contact.or_else(|| {
            self.rounds
                .iter()
                .flat_map(|round| round.interviewers.iter())
                .filter(|person| is_recruiting_title(&person.title))
                .map(|person| PersonId::from(person.id))
                .min()
        })
    }

    /// The point of contact in effect: the user's choice while that person still
    /// exists, else the default.
    pub fn effective_point_of_contact(&self) -> Option<PersonId> {
        self.point_of_contact
            .filter(|&id| self.person(id).is_some())
            .or_else(|| self.default_point_of_contact())
    }

    /// The latest round that has started by `now`; rounds recorded ahead of time are upcoming
    /// interviews, never the "last round".
    pub fn last_held_round<Tz: chrono::TimeZone>(&self, now: &DateTime<Tz>) -> Option<&Round> {
        self.rounds
            .iter()
            .filter(|round| round.start <= *now)
            .max_by_key(|round| (round.start, round.id))
    }

    /// The earliest round that has not started by `now`.
    pub fn next_round<Tz: chrono::TimeZone>(&self, now: &DateTime<Tz>) -> Option<&Round> {
        self.rounds
            .iter()
            .filter(|round| round.start > *now)
            .min_by_key(|round| (round.start, round.id))
    }

    /// The next unused id for rounds, people and events of this process.
    pub fn next_local_id(&self) -> u64 {
        self.local_ids().take()
    }

    /// Every round, interviewer and event id of this process, for picking new ones.
    pub fn local_ids(&self) -> crate::core::data::ids::IdPool {
        let rounds = self.rounds.iter().map(|r| r.id.0);
        let people = self
            .rounds
            .iter()
            .flat_map(|r| r.interviewers.iter().map(|p| p.id.0));
        let contacts = self.contacts.iter().map(|c| c.id.0);
        let events = self.events.iter().map(|e| e.id.0);
        crate::core::data::ids::IdPool::new(rounds.chain(people).chain(contacts).chain(events))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recruiting_titles_read_in_any_letter_case_and_hr_only_as_a_word() {
        for title in [
            "Talent Acquisition Partner",
            "SENIOR RECRUITER",
            "Technical recruiting lead",
            "HR business partner",
            "Head of Human Resources",
            "People Partner, EMEA",
            "Sourcing specialist (Zürich)",
            "hr",
        ] {
            assert!(is_recruiting_title(title), "{title}");
        }
        for title in [
            "Engineering Manager",
            "Chrome engineer",
            "Directrice générale",
            "",
            "H R",
        ] {
            assert!(!is_recruiting_title(title), "{title}");
        }
        assert_eq!(
            ContactRole::from_title("Talent Coordinator"),
            ContactRole::Coordinator
        );
        assert_eq!(
            ContactRole::from_title("HIRING MANAGER"),
            ContactRole::HiringManager
        );
        assert_eq!(ContactRole::from_title("HR Generalist"), ContactRole::Hr);
        assert_eq!(ContactRole::from_title("People Team lead"), ContactRole::Hr);
        assert_eq!(
            ContactRole::from_title("Technical Recruiter"),
            ContactRole::Recruiter
        );
    }
    use crate::core::data::json::Stored;

    fn read_event(text: &str) -> Result<Event, String> {
        Event::from_text(text).map_err(|error| error.to_string())
    }

    fn event(kind: EventKind) -> Event {
        Event {
            id: EventId(7),
            at: "2026-03-04T10:00:00+01:00".parse().unwrap(),
            round: Some(RoundId(2)),
            kind,
            note: "a note".into(),
        }
    }

    /// Every kind reads back as written, with all its fields set and with none of its
    /// optional ones.
    #[test]
    fn every_event_kind_reads_back_as_written() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        let key = ActionKey {
            kind: ActionKind::StatusInquiry,
            round: Some(RoundId(2)),
            interviewer: Some(InterviewerId(3)),
        };
        let kinds = [
            EventKind::MessageSent {
                message: ActionKind::ThankYou,
                channel: Channel::Linkedin,
                to: Some(InterviewerId(3)),
            },
            EventKind::MessageSent {
                message: ActionKind::ThankYou,
                channel: Channel::Email,
                to: None,
            },
            EventKind::ReplyReceived {
                from: Some(PersonId(4)),
            },
            EventKind::ReplyReceived { from: None },
            EventKind::DecisionDateGiven {
                date: day,
                from: Some(PersonId(4)),
            },
            EventKind::DocumentsRequested {
                what: "references".into(),
                deadline: Some(day),
                by: Some(InterviewerId(3)),
            },
            EventKind::DocumentsRequested {
                what: String::new(),
                deadline: None,
                by: None,
            },
            EventKind::UpdateRequested {
                by: Some(InterviewerId(3)),
            },
            EventKind::Offer {
                deadline: Some(day),
                from: Some(PersonId(4)),
            },
            EventKind::CompetingOffer { deadline: None },
            EventKind::Rejection { from: None },
            EventKind::Withdrawn,
            EventKind::MovedOn,
            EventKind::Snoozed {
                action: key,
                until: "2026-03-06T09:00:00-05:00".parse().unwrap(),
            },
            EventKind::Dismissed { action: key },
        ];
        // Every kind is in the list (a new kind fails to compile here until it is added, and
        // then fails to read until `EventType` and `StoredEvent` know it).
        let which = |kind: &EventKind| match kind {
            EventKind::MessageSent { .. } => 0,
            EventKind::ReplyReceived { .. } => 1,
            EventKind::DecisionDateGiven { .. } => 2,
            EventKind::DocumentsRequested { .. } => 3,
            EventKind::UpdateRequested { .. } => 4,
            EventKind::Offer { .. } => 5,
            EventKind::CompetingOffer { .. } => 6,
            EventKind::Rejection { .. } => 7,
            EventKind::Withdrawn => 8,
            EventKind::MovedOn => 9,
            EventKind::Snoozed { .. } => 10,
            EventKind::Dismissed { .. } => 11,
        };
        let covered: std::collections::BTreeSet<usize> = kinds.iter().map(which).collect();
        assert_eq!(covered, (0..12).collect());
        for kind in kinds {
            let written = event(kind);
            let text = written.to_text();
            let read = read_event(&text).unwrap();
            assert_eq!(read, written, "{text}");
            let value = Event::from_json(&written.to_json()).unwrap();
            assert_eq!(value, written, "{text}");
        }
    }

    /// The stored shape: the kind's fields beside the event's, in any order, with the
    /// defaults the format has always had.
    #[test]
    fn events_read_in_any_field_order_with_defaults() {
        let read = read_event(
            r#"{"note":"x","channel":"phone","message":"thank-you","type":"message-sent","at":"2026-03-04T10:00:00Z","id":1}"#,
        )
        .unwrap();
        assert_eq!(
            read.kind,
            EventKind::MessageSent {
                message: ActionKind::ThankYou,
                channel: Channel::Phone,
                to: None
            }
        );
        assert_eq!(read.round, None);
        let read = read_event(
            r#"{"id":1,"at":"2026-03-04T10:00:00Z","type":"message-sent","message":"thank-you"}"#,
        )
        .unwrap();
        assert_eq!(read.note, "");
        assert!(matches!(
            read.kind,
            EventKind::MessageSent {
                channel: Channel::Email,
                ..
            }
        ));
    }

    #[test]
    fn malformed_events_are_refused_with_the_field_named() {
        let error = |text: &str| read_event(text).unwrap_err();
        let head = r#""id":1,"at":"2026-03-04T10:00:00Z""#;
        assert!(error(&format!("{{{head}}}")).contains("missing field `type`"));
        assert!(error(&format!(r#"{{{head},"type":"party"}}"#)).contains("unknown variant `party`"));
        assert!(error(&format!(r#"{{{head},"type":"message-sent"}}"#))
            .contains("missing field `message`"));
        assert!(
            error(&format!(r#"{{{head},"type":"decision-date-given"}}"#))
                .contains("missing field `date`")
        );
        assert!(error(&format!(
            r#"{{{head},"type":"snoozed","action":{{"kind":"thank-you"}}}}"#
        ))
        .contains("missing field `until`"));
        assert!(error(r#"{"id":1,"type":"withdrawn"}"#).contains("missing field `at`"));
    }
}
