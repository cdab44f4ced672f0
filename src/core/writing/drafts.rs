//! Drafts: a personal message (or phone script) for every planned action, in each tone.
//!
//! `compose` turns an [`Action`] plus the recorded process into a [`Draft`]:
//! recipient, subject, body and the proofreading findings on it. Everything is
//! deterministic: two interviewers of one round get different notes because
//! each is built from that person's own material and every sentence slot is
//! phrased by a stable hash of process, round and kind stepped by the
//! interviewer's position in the round, never at random.
//!
//! What the user typed is normalised first ([`phrase`]) so it reads as part
//! of a sentence, and nothing is claimed that the user did not record.
//! Missing inputs are never papered over: an empty name or topic shows up in
//! the text as a `[bracketed placeholder]`, which proofreading reports.
//!
//! A move-on action has nobody to write to: its draft is a short note to self
//! (no recipient, no subject) recording why the process is being closed, so the
//! user can keep it in the process notes.

use serde::{Deserialize, Serialize};

use crate::core::data::model::{ActionKind, Channel, Process};
use crate::core::data::settings::{Settings, Tone};
use crate::core::planning::action::Action;
use crate::core::writing::mailto::{mailto_url, MailtoError};
use crate::core::writing::proofread::{check, CheckContext, DraftText, Finding};

mod facts;
mod letters;
mod names;
mod phone;
pub mod phrase;
pub mod preview;

use facts::Facts;

/// Who a draft goes to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Recipient {
    /// As in the contact record; empty when unknown (and for a note to self).
    pub name: String,
    /// Email address or LinkedIn profile, depending on the channel; empty when
    /// unknown or not needed (phone, card, note to self).
    pub address: String,
}

impl Recipient {
    /// The "To:" line shown above a draft: the name and address, or, where the address is
    /// missing, what to do about it in words (never a bracketed placeholder, which would read
    /// as part of the message).
    pub fn to_line(&self, channel: Channel) -> String {
        let name = self.name.trim();
        let address = self.address.trim();
        let missing = match channel {
            Channel::Email => "no email address recorded; add it to the interview",
            Channel::Linkedin => "no LinkedIn profile recorded; search for them by name",
            Channel::Handwritten => "write the office address on the envelope",
            Channel::Phone => "use the number they gave you",
            Channel::InPerson => "in person",
        };
        match (name.is_empty(), address.is_empty()) {
            (false, false) => format!("To: {name} <{address}>"),
            (true, false) => format!("To: {address}"),
            (false, true) => format!("To: {name} ({missing})"),
            (true, true) => format!("To: the person who handles the process ({missing})"),
        }
    }
}

/// A ready-to-edit message for one action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: ActionKind,
    pub channel: Channel,
    pub tone: Tone,
    pub recipient: Recipient,
    /// Email only.
    pub subject: Option<String>,
    pub body: String,
    /// Proofreading of the generated text (placeholders left, and so on).
    pub findings: Vec<Finding>,
}

impl Draft {
    /// What Copy puts on the clipboard: a "Subject:" line and a blank line
    /// before the body for email, the body alone otherwise.
    pub fn plain_text(&self) -> String {
        match &self.subject {
            Some(subject) if self.channel == Channel::Email => {
                format!("Subject: {subject}\n\n{}", self.body)
            }
            _ => self.body.clone(),
        }
    }

    /// The subject and body as proofreading sees them.
    pub fn text(&self) -> DraftText<'_> {
        DraftText {
            subject: self.subject.as_deref().unwrap_or(""),
            body: &self.body,
        }
    }

    /// Re-runs proofreading after the user edited the subject or body.
    pub fn recheck(&mut self, context: &CheckContext) {
        self.findings = check(&self.text(), context);
    }

    /// A `mailto:` URL that opens this draft in the user's mail app.
    pub fn mailto(&self) -> Result<String, MailtoError> {
        mailto_url(
            &self.recipient.address,
            self.subject.as_deref().unwrap_or(""),
            &self.body,
        )
    }
}

/// The draft for `action` in the tone the user picked in settings.
pub fn compose(action: &Action, process: &Process, settings: &Settings) -> Draft {
    compose_with_tone(action, process, settings, settings.tone)
}

/// The draft for `action` in the given tone.
pub fn compose_with_tone(
    action: &Action,
    process: &Process,
    settings: &Settings,
    tone: Tone,
) -> Draft {
    let facts = Facts::gather(action, process, settings, tone);
    let rendered = render(&facts);
    let mut context = context_for(&facts, action, process, settings);
    context.shortened.extend(rendered.dropped.iter().cloned());
    let mut draft = Draft {
        kind: action.kind,
        channel: action.channel,
        tone,
        recipient: rendered.recipient,
        subject: rendered.subject,
        body: rendered.body,
        findings: Vec::new(),
    };
    draft.recheck(&context);
    draft
}

/// What the editor checks this action's draft against on every edit. The
/// sibling bodies are the generated drafts of the other interviewers of the
/// round; the UI may replace them with the texts the user actually edited.
pub fn check_context(action: &Action, process: &Process, settings: &Settings) -> CheckContext {
    let facts = Facts::gather(action, process, settings, settings.tone);
    let mut context = context_for(&facts, action, process, settings);
    // What composing left out stays reported while the user edits.
    context.shortened.extend(render(&facts).dropped);
    context
}

struct Rendered {
    recipient: Recipient,
    subject: Option<String>,
    body: String,
    /// Optional sentences left out to keep the message to its length.
    dropped: Vec<String>,
}

fn render(facts: &Facts) -> Rendered {
    if facts.kind == ActionKind::MoveOn {
        return Rendered {
            recipient: Recipient::default(),
            subject: None,
            body: letters::move_on_note(facts),
            dropped: Vec::new(),
        };
    }
    let recipient = Recipient {
        name: facts.recipient_name.clone(),
        address: facts.recipient_address.clone(),
    };
    if facts.channel == Channel::Phone {
        return Rendered {
            recipient,
            subject: None,
            body: phone::script(facts),
            dropped: Vec::new(),
        };
    }
    let (subject, body, dropped) = letters::letter(facts);
    Rendered {
        recipient,
        subject: (facts.channel == Channel::Email).then_some(subject),
        body,
        dropped,
    }
}

/// Personal notes are compared with the same note for the round's other interviewers.
fn is_per_interviewer(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote
    )
}

fn context_for(
    facts: &Facts,
    action: &Action,
    process: &Process,
    settings: &Settings,
) -> CheckContext {
    let mut context = CheckContext::new(action.kind, action.channel);
    context.interviewer_name = facts.plain_name.clone();
    context.recipient_address = facts.recipient_address.clone();
    context.material = facts.material();
    context.shortened = facts.shortened.clone();
    context.known_names = std::iter::once(settings.name.clone())
        .chain(settings.signature.lines().map(str::to_string))
        .chain(std::iter::once(process.company.clone()))
        .chain(std::iter::once(process.role.clone()))
        .chain(
            process
                .rounds
                .iter()
                .flat_map(|round| round.interviewers.iter().map(|person| person.name.clone())),
        )
        .filter(|name| !name.trim().is_empty())
        .collect();
    if is_per_interviewer(action.kind) {
        if let Some(round) = facts.round_id.and_then(|id| process.round(id)) {
            context.sibling_bodies = round
                .interviewers
                .iter()
                .filter(|person| Some(person.id) != facts.interviewer_id)
                .map(|person| {
                    let mut sibling = *action;
                    sibling.interviewer = Some(person.id);
                    sibling.round = Some(round.id);
                    render(&Facts::gather(&sibling, process, settings, facts.tone)).body
                })
                .collect();
        }
    }
    context
}
