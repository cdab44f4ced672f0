//! The facts a draft is written from, looked up once from the action, process and settings.
//!
//! Every text field is either the user's own data (trimmed) or a bracketed
//! placeholder naming what is missing, so templates never need to branch on emptiness.

use crate::core::dates;
use crate::core::sort;
use chrono::{DateTime, FixedOffset, NaiveDate};

use super::names;
use super::phrase::{self, Strengths, Topic};
use crate::core::data::model::{
    ActionKind, Channel, EventKind, InterviewerId, Process, ProcessId, Round, RoundId, RoundKind,
};
use crate::core::data::settings::{Settings, Tone};
use crate::core::planning::action::Action;

/// The longest news or documents list a letter quotes, in words.
const MAX_LOGGED_WORDS: usize = 40;

/// Everything the templates may say, already resolved.
pub struct Facts {
    pub kind: ActionKind,
    pub channel: Channel,
    pub tone: Tone,
    pub process_id: ProcessId,
    pub user_name: String,
    /// The user's contact lines under the name (signature, email, phone, profile).
    pub contact_lines: Vec<String>,
    /// As recorded (empty when unknown); the recipient line shows it.
    pub recipient_name: String,
    /// The name without title or pronouns: what the name check compares against.
    pub plain_name: String,
    pub recipient_address: String,
    /// What follows "Dear": "Dana", "Dr Okonkwo", or a placeholder.
    pub first_name: String,
    /// Full name, or a placeholder.
    pub full_name: String,
    pub interviewer_id: Option<InterviewerId>,
    pub round_id: Option<RoundId>,
    /// Position of the interviewer in their round: siblings get different variants.
    pub position: usize,
    pub round_kind: RoundKind,
    pub company: String,
    pub role: String,
    /// "Tuesday 3 March" of the round the message refers to; `None` when no
    /// round has taken place, so no sentence may thank anyone for a meeting.
    pub interview_day: Option<String>,
    /// What this interviewer discussed (normalised), if recorded.
    pub discussed: Option<Topic>,
    /// The placeholder shown when `discussed` is missing.
    pub discussed_placeholder: String,
    /// One detail that stuck with the user, if recorded.
    pub detail: Option<Topic>,
    /// Something the user forgot to tell this interviewer, if recorded.
    pub to_tell: Option<Topic>,
    /// Skills or results the user wants to mention, if recorded.
    pub why_fit: Option<Strengths>,
    /// What the employer asked the user to send, or a placeholder.
    pub documents: String,
    /// The news for an update note (the note on the update request), or a placeholder.
    pub update: String,
    pub competing_deadline: Option<String>,
    pub offer_deadline: Option<String>,
    /// The first status inquiry: its day and how it went.
    pub first_inquiry: Option<(String, Channel)>,
    /// A reply from the employer that came after the first inquiry.
    pub reply_since_inquiry: Option<String>,
    /// Days on which inquiries were sent (for the move-on note).
    pub inquiries_sent: Vec<String>,
    pub last_reply: Option<String>,
    /// When the user applied, if recorded (used when no interview took place yet).
    pub applied_on: Option<String>,
    /// What was cut from the user's input, for the information finding.
    pub shortened: Vec<String>,
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
    dates::long_day_month(date)
}

fn day_of(moment: &DateTime<FixedOffset>) -> String {
    // The round keeps the offset it was entered with, so its own date is the right one.
    day(moment.date_naive())
}

impl Facts {
    pub fn gather(action: &Action, process: &Process, settings: &Settings, tone: Tone) -> Facts {
        let person = find_person(action, process);
        // The round the message is about: the person's, the action's, else the
        // latest one that had started by the time the message is due.
        let round: Option<&Round> = person
            .map(|(round, _, _)| round)
            .or_else(|| action.round.and_then(|id| process.round(id)))
            .or_else(|| {
                process
                    .rounds
                    .iter()
                    .filter(|round| round.start <= action.due)
                    .max_by_key(|round| round.start)
            });
        let mut shortened = Vec::new();

        // A contact (recruiter, HR) is addressed the same way an interviewer is.
        let contact = action
            .recipient
            .and_then(|recipient| process.person(recipient.person))
            .and_then(|person| match person {
                crate::core::data::model::PersonRef::Contact(contact) => Some(contact),
                crate::core::data::model::PersonRef::Interviewer(_) => None,
            });
        let addressee = contact.map(|contact| (&contact.name, &contact.email, &contact.linkedin));
        let addressee = addressee.or_else(|| {
            person.map(|(_, _, interviewer)| {
                (&interviewer.name, &interviewer.email, &interviewer.linkedin)
            })
        });
        let (recipient_name, plain_name, recipient_address, first_name, full_name) = match addressee
        {
            Some((name, email, linkedin)) => {
                let name = name.trim().to_string();
                let address = match action.channel {
                    Channel::Email => email.trim().to_string(),
                    Channel::Linkedin => linkedin.trim().to_string(),
                    _ => String::new(),
                };
                match names::parse(&name) {
                    Some(parsed) => (
                        name,
                        parsed.plain.clone(),
                        address,
                        parsed.salutation,
                        parsed.plain,
                    ),
                    None => (
                        name,
                        String::new(),
                        address,
                        "[interviewer's name]".to_string(),
                        "[interviewer's name]".to_string(),
                    ),
                }
            }
            None => (
                String::new(),
                String::new(),
                String::new(),
                "[contact's name]".to_string(),
                "[contact's name]".to_string(),
            ),
        };
        let discussed_placeholder = if plain_name.is_empty() {
            "what you discussed with them".to_string()
        } else {
            format!("what you discussed with {first_name}")
        };
        let who = if plain_name.is_empty() {
            "them".to_string()
        } else {
            first_name.clone()
        };
        let mut note_topic = |text: &str, what: &str, reader: fn(&str) -> Option<Topic>| {
            let topic = reader(text);
            if topic.as_ref().is_some_and(|topic| topic.shortened) {
                shortened.push(format!("{what} with {who}"));
            }
            topic
        };
        let discussed = person.and_then(|(_, _, interviewer)| {
            note_topic(
                &interviewer.discussed,
                "what you talked about",
                phrase::topic,
            )
        });
        let detail = person.and_then(|(_, _, interviewer)| {
            note_topic(&interviewer.detail, "the detail that stuck", phrase::topic)
        });
        let to_tell = person.and_then(|(_, _, interviewer)| {
            note_topic(
                &interviewer.to_tell,
                "what you forgot to tell",
                phrase::addition,
            )
        });
        let why_fit = phrase::strengths(&process.why_fit);
        if why_fit.as_ref().is_some_and(|fit| fit.shortened) {
            shortened.push("why you fit (the first three points are kept)".to_string());
        }

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
        sort::sort(&mut inquiries);
        let first_inquiry_event = events
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
            .min_by_key(|event| event.at);
        let first_inquiry = first_inquiry_event.and_then(|event| match event.kind {
            EventKind::MessageSent { channel, .. } => Some((day_of(&event.at), channel)),
            _ => None,
        });
        let reply_since_inquiry = first_inquiry_event.and_then(|inquiry| {
            events
                .iter()
                .filter(|event| {
                    matches!(event.kind, EventKind::ReplyReceived { .. })
                        && event.at > inquiry.at
                        && event.at <= action.due
                })
                .max_by_key(|event| event.at)
                .map(|event| day_of(&event.at))
        });
        let last_reply = latest(&|kind| matches!(kind, EventKind::ReplyReceived { .. }))
            .map(|event| day_of(&event.at));

        // Free text from the log keeps the letter short: the news and the
        // list of documents are cut to a sentence's length.
        let (documents, cut) = phrase::condense(&documents, MAX_LOGGED_WORDS);
        if cut {
            shortened.push("the list of requested documents".to_string());
        }
        let (update, cut) = phrase::condense(&update, MAX_LOGGED_WORDS);
        if cut {
            shortened.push("the news in your update".to_string());
        }

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
            process_id: process.id,
            user_name: or_placeholder(&settings.name, "your name"),
            contact_lines,
            recipient_name,
            plain_name,
            recipient_address,
            first_name,
            full_name,
            interviewer_id,
            round_id: round.map(|round| round.id),
            position: person.map_or(0, |(_, position, _)| position),
            // A "panel" with one person recorded reads as a one-to-one talk: nothing may speak
            // of the team the user met together.
            round_kind: round.map_or(RoundKind::Other, |round| {
                if round.kind == RoundKind::Panel && round.interviewers.len() < 2 {
                    RoundKind::Other
                } else {
                    round.kind
                }
            }),
            company: or_placeholder(&process.company, "company"),
            role: or_placeholder(&process.role, "role"),
            interview_day: round.map(|round| day_of(&round.start)),
            discussed,
            discussed_placeholder,
            detail,
            to_tell,
            why_fit,
            documents: or_placeholder(&documents, "what they asked you to send"),
            update: or_placeholder(&update, "your news in one sentence"),
            competing_deadline,
            offer_deadline,
            first_inquiry,
            reply_since_inquiry,
            inquiries_sent: inquiries.iter().map(day_of).collect(),
            last_reply,
            applied_on: process.applied_on.map(day),
            shortened,
        }
    }

    /// The specific material a personal note should draw on, one source a line.
    pub fn material(&self) -> String {
        [&self.discussed, &self.detail, &self.to_tell]
            .iter()
            .filter_map(|topic| topic.as_ref().map(|topic| topic.text().to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// What this person discussed as a noun phrase, or the placeholder.
    pub fn discussed_noun(&self) -> String {
        self.discussed.as_ref().map_or_else(
            || format!("[{}]", self.discussed_placeholder),
            Topic::as_noun,
        )
    }

    pub fn warm(&self) -> bool {
        self.tone == Tone::Warm
    }
}

type Person<'a> = (&'a Round, usize, &'a crate::core::data::model::Interviewer);

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
    // Addressed to a contact (a recruiter, HR): no interviewer stands in for them.
    if action
        .recipient
        .is_some_and(|r| process.person(r.person).is_some())
    {
        return None;
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
