//! The facts a draft is written from, looked up once from the action, process and settings.
//!
//! Every text field is either the user's own data (trimmed) or a bracketed
//! placeholder naming what is missing, so templates never need to branch on emptiness.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::core::action::Action;
use crate::core::model::{
    ActionKind, Channel, EventKind, InterviewerId, Process, Round, RoundId, RoundKind,
};
use crate::core::settings::{Settings, Tone};

/// Everything the templates may say, already resolved.
pub struct Facts {
    pub kind: ActionKind,
    pub channel: Channel,
    pub tone: Tone,
    pub user_name: String,
    /// The user's contact lines under the name (signature, email, phone, profile).
    pub contact_lines: Vec<String>,
    /// As recorded (empty when unknown); used for the recipient and name checks.
    pub recipient_name: String,
    pub recipient_address: String,
    /// First name for greetings, or a placeholder.
    pub first_name: String,
    /// Full name, or a placeholder.
    pub full_name: String,
    pub interviewer_id: Option<InterviewerId>,
    pub round_id: Option<RoundId>,
    /// Position of the interviewer in their round: picks sentence variants.
    pub position: usize,
    pub round_kind: RoundKind,
    pub company: String,
    pub role: String,
    /// "Tuesday 3 March", or a placeholder.
    pub interview_day: String,
    /// What this interviewer discussed, or a placeholder.
    pub discussed: String,
    /// The round's notes (something the user forgot to say); optional.
    pub round_notes: Option<String>,
    /// What the employer asked the user to send, or a placeholder.
    pub documents: String,
    /// The news for an update note (the note on the update request), or a placeholder.
    pub update: String,
    pub competing_deadline: Option<String>,
    pub offer_deadline: Option<String>,
    /// When the first status inquiry went out, if logged.
    pub previous_inquiry: Option<String>,
    /// Days on which inquiries were sent (for the move-on note).
    pub inquiries_sent: Vec<String>,
    pub last_reply: Option<String>,
}

/// Trims the text and drops trailing punctuation so it can sit inside a sentence.
fn phrase(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '!', '?', ';', ',', ':'])
        .trim()
        .to_string()
}

fn or_placeholder(text: &str, placeholder: &str) -> String {
    let value = phrase(text);
    if value.is_empty() {
        format!("[{placeholder}]")
    } else {
        value
    }
}

pub fn day(date: NaiveDate) -> String {
    date.format("%A %-d %B").to_string()
}

fn day_of(moment: &DateTime<FixedOffset>) -> String {
    // The round keeps the offset it was entered with, so its own date is the right one.
    day(moment.date_naive())
}

impl Facts {
    pub fn gather(action: &Action, process: &Process, settings: &Settings, tone: Tone) -> Facts {
        let person = find_person(action, process);
        let round: Option<&Round> = person
            .map(|(round, _, _)| round)
            .or_else(|| action.round.and_then(|id| process.round(id)))
            .or_else(|| process.rounds.iter().max_by_key(|round| round.start));

        // A contact (recruiter, HR) is addressed the same way an interviewer is.
        let contact = action
            .recipient
            .and_then(|recipient| process.person(recipient.person))
            .and_then(|person| match person {
                crate::core::model::PersonRef::Contact(contact) => Some(contact),
                crate::core::model::PersonRef::Interviewer(_) => None,
            });
        let addressee = contact.map(|contact| (&contact.name, &contact.email, &contact.linkedin));
        let addressee = addressee.or_else(|| {
            person.map(|(_, _, interviewer)| {
                (&interviewer.name, &interviewer.email, &interviewer.linkedin)
            })
        });
        let (recipient_name, recipient_address, first_name, full_name) = match addressee {
            Some((name, email, linkedin)) => {
                let name = name.trim().to_string();
                let address = match action.channel {
                    Channel::Email => email.trim().to_string(),
                    Channel::Linkedin => linkedin.trim().to_string(),
                    _ => String::new(),
                };
                let (first, full) = match name.split_whitespace().next() {
                    Some(first) => (first.to_string(), name.clone()),
                    None => (
                        "[interviewer's name]".to_string(),
                        "[interviewer's name]".to_string(),
                    ),
                };
                (name, address, first, full)
            }
            None => (
                String::new(),
                String::new(),
                "[contact's name]".to_string(),
                "[contact's name]".to_string(),
            ),
        };
        let discussed_placeholder = if recipient_name.is_empty() {
            "what you discussed with them".to_string()
        } else {
            format!("what you discussed with {first_name}")
        };

        let events = &process.events;
        let latest = |wanted: &dyn Fn(&EventKind) -> bool| {
            events
                .iter()
                .filter(|event| wanted(&event.kind))
                .max_by_key(|event| event.at)
        };
        let interviewer_id = person.map(|(_, _, interviewer)| interviewer.id);
        let requested_from_them = |by: &Option<InterviewerId>| {
            interviewer_id.is_none() || by.is_none() || *by == interviewer_id
        };
        let documents = latest(&|kind| {
            matches!(kind, EventKind::DocumentsRequested { by, .. } if requested_from_them(by))
        })
        .and_then(|event| match &event.kind {
            EventKind::DocumentsRequested { what, .. } => Some(what.clone()),
            _ => None,
        })
        .unwrap_or_default();
        let update = latest(
            &|kind| matches!(kind, EventKind::UpdateRequested { by } if requested_from_them(by)),
        )
        .map(|event| event.note.clone())
        .unwrap_or_default();
        let deadline_of = |wanted: &dyn Fn(&EventKind) -> bool| {
            latest(wanted).and_then(|event| match event.kind {
                EventKind::CompetingOffer { deadline } | EventKind::Offer { deadline, .. } => {
                    deadline.map(day)
                }
                _ => None,
            })
        };
        let competing_deadline =
            deadline_of(&|kind| matches!(kind, EventKind::CompetingOffer { .. }));
        let offer_deadline = deadline_of(&|kind| matches!(kind, EventKind::Offer { .. }));
        let mut inquiries: Vec<_> = events
            .iter()
            .filter(|event| {
                matches!(event.kind, EventKind::MessageSent { message, .. } if message.is_inquiry())
            })
            .map(|event| event.at)
            .collect();
        inquiries.sort();
        let previous_inquiry = events
            .iter()
            .filter(|event| {
                matches!(
                    event.kind,
                    EventKind::MessageSent {
                        message: ActionKind::StatusInquiry,
                        ..
                    }
                )
            })
            .map(|event| event.at)
            .max()
            .map(|at| day_of(&at));
        let last_reply = latest(&|kind| matches!(kind, EventKind::ReplyReceived { .. }))
            .map(|event| day_of(&event.at));

        let mut contact_lines: Vec<String> = settings
            .signature
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect();
        let contacts = [&settings.email, &settings.phone, &settings.linkedin];
        let shown = if tone == Tone::Concise { 2 } else { 3 };
        contact_lines.extend(
            contacts
                .iter()
                .take(shown)
                .map(|value| value.trim())
                .filter(|value| !value.is_empty())
                .map(str::to_string),
        );

        Facts {
            kind: action.kind,
            channel: action.channel,
            tone,
            user_name: or_placeholder(&settings.name, "your name"),
            contact_lines,
            recipient_name,
            recipient_address,
            first_name,
            full_name,
            interviewer_id,
            round_id: round.map(|round| round.id),
            position: person.map_or(0, |(_, position, _)| position),
            round_kind: round.map_or(RoundKind::Other, |round| round.kind),
            company: or_placeholder(&process.company, "company"),
            role: or_placeholder(&process.role, "role"),
            interview_day: round
                .map_or("[interview date]".to_string(), |round| day_of(&round.start)),
            discussed: or_placeholder(
                person.map_or("", |(_, _, interviewer)| interviewer.discussed.as_str()),
                &discussed_placeholder,
            ),
            round_notes: round
                .map(|round| phrase(&round.notes))
                .filter(|notes| !notes.is_empty()),
            documents: or_placeholder(&documents, "what they asked you to send"),
            update: or_placeholder(&update, "your news in one sentence"),
            competing_deadline,
            offer_deadline,
            previous_inquiry,
            inquiries_sent: inquiries.iter().map(day_of).collect(),
            last_reply,
        }
    }

    /// The specific material a personal note should draw on.
    pub fn material(&self) -> String {
        let mut material = String::new();
        if !self.discussed.starts_with('[') {
            material.push_str(&self.discussed);
        }
        if let Some(notes) = &self.round_notes {
            material.push('\n');
            material.push_str(notes);
        }
        material
    }

    pub fn warm(&self) -> bool {
        self.tone == Tone::Warm
    }
}

type Person<'a> = (&'a Round, usize, &'a crate::core::model::Interviewer);

/// The person the message is for: the action's interviewer, else whoever made
/// the request being answered, else the first interviewer of the action's (or
/// the latest) round.
fn find_person<'a>(action: &Action, process: &'a Process) -> Option<Person<'a>> {
    let locate = |id: InterviewerId| {
        process.rounds.iter().find_map(|round| {
            round
                .interviewers
                .iter()
                .position(|person| person.id == id)
                .map(|position| (round, position, &round.interviewers[position]))
        })
    };
    if let Some(found) = action.interviewer.and_then(locate) {
        return Some(found);
    }
    let recipient = action.recipient.map(|r| InterviewerId(r.person.0));
    if let Some(found) = recipient.and_then(locate) {
        return Some(found);
    }
    let requester = process
        .events
        .iter()
        .filter_map(|event| match (&event.kind, action.kind) {
            (EventKind::DocumentsRequested { by, .. }, ActionKind::SendDocuments) => {
                by.map(|id| (event.at, id))
            }
            (EventKind::UpdateRequested { by }, ActionKind::SendUpdate) => {
                by.map(|id| (event.at, id))
            }
            _ => None,
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, id)| id);
    if let Some(found) = requester.and_then(locate) {
        return Some(found);
    }
    let round = action
        .round
        .and_then(|id| process.round(id))
        .or_else(|| process.rounds.iter().max_by_key(|round| round.start))?;
    round.interviewers.first().map(|person| (round, 0, person))
}
