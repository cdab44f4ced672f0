//! The recipient rule: who each planned action is addressed to, and why them.
//!
//! Thank-you notes, LinkedIn invitations and handwritten cards go to each interviewer.
//! Answers to a request go to whoever asked. Everything else that goes to the employer
//! (inquiries, the competing-offer note, offer and rejection replies, and requests
//! logged without a name) goes to the person the latest employer message with a known
//! sender came from, else the point of contact, else the most senior interviewer of
//! the latest round. Seniority comes from title words; ties go to the lowest id, so
//! the order in which interviewers were typed never decides.

use chrono::TimeZone;

use super::Planner;
use crate::core::data::model::{is_recruiting_title, Channel, Interviewer, PersonId, Process};
use crate::core::planning::action::{Recipient, RecipientBasis};

/// Title words from most to least senior; the first group a title matches gives its rank.
const SENIORITY: [&[&str]; 5] = [
    &[
        "chief",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cio",
        "founder",
        "president",
        "owner",
        "partner",
    ],
    &["vp", "vice", "svp", "evp"],
    &["director", "head"],
    &["principal", "staff", "lead", "manager", "architect"],
    &["senior", "sr"],
];

/// Higher is more senior: 5 for chief/founder titles down to 0 for titles with no
/// seniority word. Recruiting titles rank 0: they run the process but are not the
/// senior person of a round (and are found as the point of contact anyway).
pub fn seniority(title: &str) -> u8 {
    if is_recruiting_title(title) {
        return 0;
    }
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    for (index, group) in SENIORITY.iter().enumerate() {
        if words.iter().any(|word| group.contains(word)) {
            return (SENIORITY.len() - index) as u8;
        }
    }
    0
}

/// The most senior of `people` by title; ties go to the lowest id.
pub fn most_senior(people: &[Interviewer]) -> Option<&Interviewer> {
    people
        .iter()
        .max_by_key(|person| (seniority(&person.title), std::cmp::Reverse(person.id)))
}

impl<Tz: TimeZone> Planner<'_, Tz> {
    /// The recipient of a message to the employer that answers nobody in particular.
    pub(super) fn employer_recipient(&self, process: &Process) -> Option<Recipient> {
        if let Some((at, _, person)) = self.log.last_sender {
            if process.person(person).is_some() {
                return Some(Recipient {
                    person,
                    basis: RecipientBasis::WroteLast {
                        on: self.day_of(&at),
                    },
                });
            }
        }
        if let Some(person) = process.effective_point_of_contact() {
            return Some(Recipient {
                person,
                basis: RecipientBasis::PointOfContact,
            });
        }
        let latest_round = process
            .rounds
            .iter()
            .max_by_key(|round| (round.end.max(round.start), round.start, round.id))?;
        most_senior(&latest_round.interviewers).map(|person| Recipient {
            person: person.id.into(),
            basis: RecipientBasis::SeniorInterviewer,
        })
    }

    /// Email, or a call when the recipient invited one or already spoke with the user by phone.
    pub(super) fn channel_for(process: &Process, recipient: Option<Recipient>) -> Channel {
        match recipient.and_then(|recipient| process.person(recipient.person)) {
            Some(person) if person.takes_calls() => Channel::Phone,
            _ => Channel::Email,
        }
    }
}

/// The recipient of an interviewer's own note (thank-you, invitation, card).
pub(super) fn interviewer(id: crate::core::data::model::InterviewerId) -> Recipient {
    Recipient {
        person: PersonId::from(id),
        basis: RecipientBasis::Interviewed,
    }
}
